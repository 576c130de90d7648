//! The state of one import as parsed sources arrive: what is printed of
//! each, and their articles stored in batches and commits.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use super::parallel::Done;
use super::{ImportOptions, fatal};
use crate::cli::{Failure, output};
use crate::crashpoint::{self, Point};
use crate::ingest::{self, ImportError};
use crate::model::Subscription;
use crate::store::{Origin, Prepared, Store, Undated, UpsertStats};

/// Articles handed to the store at a time: what parsing may hold in
/// memory ahead of it.
const BATCH: usize = 2000;

/// Articles per commit. A kill loses the articles since the last commit
/// (the next import stores them again); a store always holds whole commits.
const COMMIT_EVERY: usize = 25_000;

/// The state of one import as parsed files arrive, in order.
pub(super) struct Run<'a> {
    opts: ImportOptions,
    store: Option<&'a mut Store>,
    clock: Undated,
    batch: Vec<Prepared>,
    pub(super) stats: UpsertStats,
    pub(super) json_values: Vec<serde_json::Value>,
    pub(super) subscriptions: Vec<Subscription>,
    pub(super) failed: usize,
    pub(super) sources: usize,
    /// Articles written since the last commit.
    uncommitted: usize,
    /// Files that failed (canonical paths, as stamps hold them): not
    /// recorded as imported, so the next import reads them and says why
    /// again (one refused for its size may pass a higher cap).
    pub(super) unrecorded: Vec<String>,
    /// Files found by walking a folder: one that turns out to be no
    /// article (JSON data, an empty file) is left out, not failed.
    pub(super) in_folders: HashSet<PathBuf>,
    /// Files of folders left out once read.
    pub(super) left_out: usize,
}

impl<'a> Run<'a> {
    /// A run storing into `store`, or storing nothing without one.
    pub(super) fn new(opts: ImportOptions, store: Option<&'a mut Store>) -> Self {
        Run {
            opts,
            store,
            clock: Undated::now(),
            batch: Vec::new(),
            stats: UpsertStats::default(),
            json_values: Vec::new(),
            subscriptions: Vec::new(),
            failed: 0,
            sources: 0,
            uncommitted: 0,
            unrecorded: Vec::new(),
            in_folders: HashSet::new(),
            left_out: 0,
        }
    }

    pub(super) fn take(
        &mut self,
        file: PathBuf,
        result: Result<Done, ImportError>,
    ) -> Result<(), Failure> {
        let Done { parsed, prepared } = match result {
            Ok(done) => done,
            Err(e) => {
                if let Ok(full) = std::fs::canonicalize(&file) {
                    self.unrecorded.push(full.to_string_lossy().into_owned());
                }
                if let Some(why) = no_article(&e).filter(|_| self.in_folders.contains(&file)) {
                    eprintln!(
                        "edicola: {}: skipped: {why}",
                        output::line(&file.to_string_lossy())
                    );
                    self.left_out += 1;
                    return Ok(());
                }
                self.sources += 1;
                match &e {
                    ImportError::TooLarge { size, .. } => {
                        // A pipe's size is unknown: the suggestion is a guess.
                        let cap = size.map_or_else(
                            || ingest::cap_admitting(self.opts.max_size.saturating_mul(4)),
                            ingest::cap_admitting,
                        );
                        eprintln!(
                            "edicola: {}; to import it, raise the cap with --max-size {cap}",
                            output::lines(&e.to_string())
                        );
                    }
                    _ => eprintln!("edicola: {}", output::lines(&e.to_string())),
                }
                self.failed += 1;
                return Ok(());
            }
        };
        self.sources += 1;
        let format = parsed.format.name();
        if self.opts.dry_run {
            eprintln!(
                "{}: {format}, {}, {}",
                output::line(&file.to_string_lossy()),
                crate::text::plural::count(prepared.len(), "article", "articles"),
                crate::text::plural::count(
                    parsed.subscriptions.len(),
                    "subscription",
                    "subscriptions"
                )
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
        self.stats.removed_skipped += s.removed_skipped;
        self.stats.ignored += s.ignored;
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
    pub(super) fn finish(&mut self) -> Result<(), Failure> {
        self.flush()?;
        if let Some(store) = self.store.as_deref_mut() {
            store.defer_checkpoints(true).map_err(fatal)?;
            store.commit_bulk().map_err(fatal)?;
            crashpoint::reached(Point::ImportCommit);
        }
        Ok(())
    }
}

/// Why a file that could not be imported is no article at all (data that
/// is not a feed), rather than an article that failed. An empty file
/// fails: it is often a download cut short.
fn no_article(e: &ImportError) -> Option<&'static str> {
    match e {
        ImportError::Content {
            problem: ingest::ParseError::NotJsonFeed,
            ..
        } => Some("JSON data, not a JSON Feed"),
        _ => None,
    }
}
