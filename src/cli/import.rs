//! `edicola import`. Files are parsed on every core
//! while the main thread stores finished ones in batches (one transaction
//! each), in the order given; the search index is built afterwards from the
//! queue the batches leave (Ctrl-C or a kill loses nothing: the next import,
//! `edicola index` or the reader's background job goes on from there).

mod parallel;
mod run;

use std::path::PathBuf;
use std::time::Instant;

use super::Failure;
use super::open::session;
use super::output;
use crate::config::Paths;
use crate::ingest;
use crate::store::FileStamp;
use parallel::parse_in_parallel;
use run::Run;

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
    let mut not_articles = Vec::new();
    let mut in_folders = std::collections::HashSet::new();
    for f in given {
        match f.to_str().filter(|s| is_url(s)) {
            Some(url) => inputs.push(Input::Url(url.to_string())),
            None => {
                let listing = ingest::list_files(f);
                let (mut own, files): (Vec<_>, Vec<_>) = listing
                    .files
                    .into_iter()
                    .partition(|f| is_store_file(paths, f));
                let (own_skipped, skipped): (Vec<_>, Vec<_>) = listing
                    .skipped
                    .into_iter()
                    .partition(|(f, _)| is_store_file(paths, f));
                own.extend(own_skipped.into_iter().map(|(f, _)| f));
                for f in own {
                    eprintln!(
                        "edicola: {}: skipped: Edicola's own store",
                        output::line(&f.to_string_lossy())
                    );
                }
                if f.is_dir() {
                    in_folders.extend(files.iter().cloned());
                }
                inputs.extend(files.into_iter().map(Input::File));
                unreadable.extend(listing.errors);
                not_articles.extend(skipped);
            }
        }
    }
    report_not_articles(&not_articles);
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

    let rules = super::ignored::load_rules(paths)?;
    let mut run = Run::new(opts, session.as_mut().map(|s| &mut s.store));
    run.in_folders = in_folders;
    for (path, e) in unreadable {
        run.take(path, Err(e))?;
    }
    // Only JSON output shows the articles' texts.
    parse_in_parallel(&inputs, opts, &rules, |file, result| run.take(file, result))?;
    run.finish()?;
    let Run {
        stats,
        json_values,
        subscriptions,
        failed,
        sources,
        unrecorded,
        left_out,
        ..
    } = run;
    stamps.retain(|s| !unrecorded.contains(&s.path));

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
                    " ({} not read again: unchanged since they were imported; --force reads them)",
                    crate::text::plural::count(skipped, "file", "files")
                )
            } else {
                String::new()
            };
            let not_read = match not_articles.len() + left_out {
                0 => String::new(),
                n => format!(
                    " ({} in folders left out: not articles)",
                    crate::text::plural::count(n, "file", "files")
                ),
            };
            eprintln!(
                "{} added, {} updated, {} unchanged{}, {failed} failed in {:.2} s{unchanged_files}{not_read}",
                stats.added,
                stats.updated,
                stats.unchanged,
                removed_skipped(stats.removed_skipped),
                stored.as_secs_f64()
            );
            super::ignored::report_ignored(stats.ignored);
        }
        if !opts.no_index {
            super::index::build_index(&mut s.store)?;
        }
    }
    if !opts.dry_run && !subscriptions.is_empty() {
        let added = super::feeds::add_subscriptions(paths, &subscriptions)?;
        eprintln!(
            "{} ({} listed); run `edicola fetch` to get their articles",
            crate::text::plural::count(added, "new subscription", "new subscriptions"),
            subscriptions.len()
        );
    }
    if failed > 0 {
        return Err(Failure::input(format!(
            "{failed} of {} could not be imported",
            crate::text::plural::count(sources, "file", "files")
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

/// Files in folders that are not articles, each with why (the first
/// ones: a folder of source code would fill the screen).
fn report_not_articles(skipped: &[(PathBuf, &str)]) {
    const SHOWN: usize = 20;
    for (path, why) in skipped.iter().take(SHOWN) {
        eprintln!(
            "edicola: {}: skipped: {why}",
            output::line(&path.to_string_lossy())
        );
    }
    if skipped.len() > SHOWN {
        eprintln!(
            "edicola: and {} skipped: not articles",
            crate::text::plural::count(skipped.len() - SHOWN, "more file", "more files")
        );
    }
}

/// ", N removed earlier, skipped" when some were; else nothing.
pub(super) fn removed_skipped(n: usize) -> String {
    match n {
        0 => String::new(),
        n => format!(", {n} removed earlier, skipped"),
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}
