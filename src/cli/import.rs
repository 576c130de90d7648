//! `edicola import`. Files are parsed on every core
//! while the main thread stores finished ones in batches (one transaction
//! each), in the order given; the search index is built afterwards from the
//! queue the batches leave (Ctrl-C or a kill loses nothing: the next import,
//! `edicola index` or the reader's background job goes on from there).

use crate::crashpoint::{self, Point};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use super::Failure;
use super::open::session;
use super::output;
use crate::config::Paths;
use crate::ingest::{self, ImportError, Parsed};
use crate::model::Subscription;
use crate::store::{FileStamp, Origin, Prepared, Store, Undated, UpsertStats};

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

/// How `import` runs.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Parse and print, store nothing.
    pub dry_run: bool,
    /// Print the articles as JSON.
    pub json: bool,
    /// Read files even when they are unchanged since the last import.
    pub force: bool,
    /// Leave the search index to catch up later.
    pub no_index: bool,
    /// Files larger than this many bytes are refused.
    pub max_size: u64,
}

/// Articles handed to the store at a time: what parsing may hold in
/// memory ahead of it.
const BATCH: usize = 2000;

/// Articles per commit. A kill loses the articles since the last commit
/// (the next import stores them again); a store always holds whole commits.
const COMMIT_EVERY: usize = 25_000;

enum Input {
    Url(String),
    File(PathBuf),
}

/// Imports files and folders of files (feeds, web pages, text copies of
/// pages, OPML) and URLs; every readable source is stored even when others
/// fail. With `--dry-run`, each source's detected format goes to stderr;
/// with `--json`, each article carries the `format` of its source.
pub fn import(paths: &Paths, given: &[PathBuf], opts: ImportOptions) -> Result<(), Failure> {
    let started = Instant::now();
    let mut inputs = Vec::new();
    let mut unreadable = Vec::new();
    for f in given {
        match f.to_str().filter(|s| is_url(s)) {
            Some(url) => inputs.push(Input::Url(url.to_string())),
            None => {
                let (files, errors) = ingest::list_files(f);
                let (own, files): (Vec<_>, Vec<_>) =
                    files.into_iter().partition(|f| is_store_file(paths, f));
                for f in own {
                    eprintln!(
                        "edicola: {}: skipped: Edicola's own store",
                        output::line(&f.to_string_lossy())
                    );
                }
                inputs.extend(files.into_iter().map(Input::File));
                unreadable.extend(errors);
            }
        }
    }
    let mut session = if opts.dry_run {
        None
    } else {
        let s = session(paths).map_err(fatal)?;
        if let Some(warning) = s.warning {
            return Err(Failure::fatal(warning));
        }
        s.store.bulk_writes();
        Some(s)
    };
    // Unchanged files are skipped without being read.
    let mut skipped = 0;
    let mut stamps = Vec::new();
    if let Some(s) = &session {
        let mut kept = Vec::with_capacity(inputs.len());
        for input in inputs {
            if let Input::File(path) = &input {
                if let Some(stamp) = FileStamp::of(path) {
                    if !opts.force && s.store.file_unchanged(&stamp).map_err(fatal)? {
                        skipped += 1;
                        continue;
                    }
                    stamps.push(stamp);
                }
            }
            kept.push(input);
        }
        inputs = kept;
    }

    let mut run = Run {
        opts,
        store: session.as_mut().map(|s| &mut s.store),
        clock: Undated::now(),
        batch: Vec::new(),
        stats: UpsertStats::default(),
        json_values: Vec::new(),
        subscriptions: Vec::new(),
        failed: 0,
        sources: 0,
        uncommitted: 0,
        oversized: Vec::new(),
    };
    for (path, e) in unreadable {
        run.take(path, Err(e))?;
    }
    // Only JSON output shows the articles' texts.
    parse_in_parallel(&inputs, opts, |file, result| run.take(file, result))?;
    run.finish()?;
    let Run {
        stats,
        json_values,
        subscriptions,
        failed,
        sources,
        oversized,
        ..
    } = run;
    // A file refused for its size is read again by an import with a higher cap.
    stamps.retain(|s| !oversized.contains(&s.path));

    if opts.json {
        println!("{}", output::json_text(&json_values, true).map_err(fatal)?);
    }
    if let Some(s) = session.as_mut() {
        s.store.record_files(&stamps).map_err(fatal)?;
        let stored = started.elapsed();
        s.store.defer_checkpoints(false).map_err(fatal)?;
        if !opts.json {
            let unchanged_files = if skipped > 0 {
                format!(
                    " ({skipped} files not read again: unchanged since they were imported; --force reads them)"
                )
            } else {
                String::new()
            };
            eprintln!(
                "{} added, {} updated, {} unchanged, {failed} failed in {:.2} s{unchanged_files}",
                stats.added,
                stats.updated,
                stats.unchanged,
                stored.as_secs_f64()
            );
        }
        if !opts.no_index {
            super::index::build_index(&mut s.store)?;
        }
    }
    if !opts.dry_run && !subscriptions.is_empty() {
        let added = super::feeds::add_subscriptions(paths, &subscriptions)?;
        eprintln!(
            "{added} new subscriptions ({} listed); run `edicola fetch` to get their articles",
            subscriptions.len()
        );
    }
    if failed > 0 {
        return Err(Failure::input(format!(
            "{failed} of {sources} files could not be imported"
        )));
    }
    Ok(())
}

/// True for the store and its companion files. They are never read as an
/// import: closing a descriptor of them would drop the locks this
/// process's connection holds.
fn is_store_file(paths: &Paths, file: &std::path::Path) -> bool {
    let store = paths.store_file();
    let (Ok(dir), Some(name)) = (
        store
            .parent()
            .map_or(Ok(PathBuf::from(".")), std::fs::canonicalize),
        store.file_name(),
    ) else {
        return false;
    };
    let Ok(file) = std::fs::canonicalize(file) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut own = name.to_os_string();
        own.push(suffix);
        file == dir.join(own)
    })
}

/// The state of one import as parsed files arrive, in order.
struct Run<'a> {
    opts: ImportOptions,
    store: Option<&'a mut Store>,
    clock: Undated,
    batch: Vec<Prepared>,
    stats: UpsertStats,
    json_values: Vec<serde_json::Value>,
    subscriptions: Vec<Subscription>,
    failed: usize,
    sources: usize,
    /// Articles written since the last commit.
    uncommitted: usize,
    /// Files refused for their size (canonical paths, as stamps hold them).
    oversized: Vec<String>,
}

impl Run<'_> {
    fn take(&mut self, file: PathBuf, result: Result<Done, ImportError>) -> Result<(), Failure> {
        self.sources += 1;
        let Done { parsed, prepared } = match result {
            Ok(done) => done,
            Err(e) => {
                match &e {
                    ImportError::TooLarge { size, path, .. } => {
                        // A pipe's size is unknown: the suggestion is a guess.
                        let cap = size.map_or_else(
                            || ingest::cap_admitting(self.opts.max_size.saturating_mul(4)),
                            ingest::cap_admitting,
                        );
                        eprintln!(
                            "edicola: {}; to import it, raise the cap with --max-size {cap}",
                            output::lines(&e.to_string())
                        );
                        if let Ok(full) = std::fs::canonicalize(path) {
                            self.oversized.push(full.to_string_lossy().into_owned());
                        }
                    }
                    _ => eprintln!("edicola: {}", output::lines(&e.to_string())),
                }
                self.failed += 1;
                return Ok(());
            }
        };
        let format = parsed.format.name();
        if self.opts.dry_run {
            eprintln!(
                "{}: {format}, {} articles, {} subscriptions",
                output::line(&file.to_string_lossy()),
                prepared.len(),
                parsed.subscriptions.len()
            );
        }
        if self.opts.json {
            self.json_values.extend(prepared.iter().map(|p| {
                let mut value = output::article_json(&p.article, None);
                if let Some(map) = value.as_object_mut() {
                    map.insert("format".into(), format.into());
                }
                value
            }));
        } else {
            // One write per source, not per line (stdout is line-buffered).
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let name = output::line(&file.to_string_lossy()).into_owned();
            for a in prepared.iter().map(|p| &p.article) {
                let (id, title) = (output::line(&a.id), output::line(&a.title));
                let _ = writeln!(out, "{id}  {title}  ({name})");
            }
            for s in &parsed.subscriptions {
                let title = output::line(s.title.as_deref().unwrap_or(""));
                let _ = writeln!(out, "feed  {}  {title}", output::line(&s.url));
            }
            let _ = out.flush();
        }
        self.subscriptions.extend(parsed.subscriptions);
        if self.store.is_some() {
            self.batch.extend(prepared);
            if self.batch.len() >= BATCH {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Failure> {
        let Some(store) = self.store.as_deref_mut() else {
            return Ok(());
        };
        if self.batch.is_empty() {
            return Ok(());
        }
        let written = self.stats.added + self.stats.updated + self.stats.unchanged;
        store.begin_bulk(written).map_err(fatal)?;
        let s = store
            .upsert_batch(&self.batch, Origin::User, &mut self.clock)
            .map_err(fatal)?;
        self.stats.added += s.added;
        self.stats.updated += s.updated;
        self.stats.unchanged += s.unchanged;
        self.uncommitted += self.batch.len();
        self.batch.clear();
        crashpoint::reached(Point::ImportBatch);
        if self.uncommitted >= COMMIT_EVERY {
            store.commit_bulk().map_err(fatal)?;
            self.uncommitted = 0;
            crashpoint::reached(Point::ImportCommit);
        }
        Ok(())
    }

    /// Writes and commits what is left, deferring that commit's checkpoint
    /// (see `Store::defer_checkpoints`; `import` ends the deferral once the
    /// articles are stored).
    fn finish(&mut self) -> Result<(), Failure> {
        self.flush()?;
        if let Some(store) = self.store.as_deref_mut() {
            store.defer_checkpoints(true).map_err(fatal)?;
            store.commit_bulk().map_err(fatal)?;
            crashpoint::reached(Point::ImportCommit);
        }
        Ok(())
    }
}

/// A parsed source, its articles ready to store.
struct Done {
    parsed: Parsed,
    prepared: Vec<Prepared>,
}

/// Parses inputs on every core; `take` sees the results in input order,
/// with the articles' texts only for JSON output (else only their stored
/// form).
fn parse_in_parallel(
    inputs: &[Input],
    opts: ImportOptions,
    mut take: impl FnMut(PathBuf, Result<Done, ImportError>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    let next = AtomicUsize::new(0);
    let keep_texts = opts.json;
    std::thread::scope(|scope| {
        // Bounded: parsing never runs far ahead of storing (memory stays flat).
        let (tx, rx) = sync_channel::<(usize, PathBuf, Result<Done, ImportError>)>(4);
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                yield_to_writer();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    let (path, result) = match input {
                        Input::Url(url) => (PathBuf::from(url), import_url(url)),
                        Input::File(path) => {
                            (path.clone(), ingest::import_one(path, opts.max_size))
                        }
                    };
                    let done = result.map(|mut parsed| Done {
                        prepared: parsed
                            .articles
                            .drain(..)
                            .map(|a| {
                                let mut p = Prepared::new(a);
                                if !keep_texts {
                                    p.drop_texts();
                                }
                                p
                            })
                            .collect(),
                        parsed,
                    });
                    if tx.send((i, path, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (i, path, result) in rx {
            waiting.insert(i, (path, result));
            while let Some((path, result)) = waiting.remove(&expected) {
                expected += 1;
                // On a store error, stop taking: the workers end when the
                // channel closes.
                take(path, result)?;
            }
        }
        Ok(())
    })
}

/// Lowers the calling thread's priority (Linux: a nice value per thread),
/// so that on a busy machine the thread that stores articles runs as soon
/// as it has work: it alone cannot be spread over cores, and the parsing
/// threads use whatever time it leaves.
fn yield_to_writer() {
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls on the calling thread, no memory involved.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Fetches a URL and parses what it holds (feed, page, OPML...).
fn import_url(url: &str) -> Result<Parsed, ImportError> {
    let problem = |problem: String| ImportError::Content {
        path: PathBuf::from(url),
        problem,
    };
    let doc = crate::fetch::get_document(&crate::fetch::default_http(), url)
        .map_err(|e| problem(e.to_string()))?;
    ingest::parse_bytes(&doc.bytes, &doc.source()).map_err(problem)
}
