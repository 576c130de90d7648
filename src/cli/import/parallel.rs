//! Parsing the sources on every core, handed on in the order given.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;

use super::{ImportOptions, Input};
use crate::cli::Failure;
use crate::ignore::IgnoreRules;
use crate::ingest::{self, ImportError, Parsed};
use crate::store::Prepared;

/// A parsed source, its articles ready to store.
pub(super) struct Done {
    pub(super) parsed: Parsed,
    pub(super) prepared: Vec<Prepared>,
}

/// Parses inputs on every core; `take` sees the results in input order,
/// with the articles' texts only for JSON output (else only their stored
/// form), tested against the ignore rules.
pub(super) fn parse_in_parallel(
    inputs: &[Input],
    opts: ImportOptions,
    rules: &IgnoreRules,
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
                let mut matcher = rules.matcher();
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
                                if !rules.is_empty() {
                                    p.check_rules(rules, &mut matcher, &[]);
                                }
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

/// Fetches a URL and parses what it holds (feed, page, OPML...).
fn import_url(url: &str) -> Result<Parsed, ImportError> {
    let doc = crate::fetch::get_document(&crate::fetch::default_http(), url).map_err(|source| {
        ImportError::Fetch {
            url: url.to_string(),
            source,
        }
    })?;
    ingest::parse_bytes(&doc.bytes, &doc.source()).map_err(|problem| ImportError::Content {
        path: PathBuf::from(url),
        problem,
    })
}
