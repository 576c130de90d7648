//! The thread that writes the reader's marks with its own connection, in
//! the order they were made, so that a key never waits for another
//! process's write lock (an import holds it for seconds at a time).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::{JobError, JobEvent, Reporter};
use crate::store::{Filter, Mark, MarkChange, ReadingStop, Removed, Store, StoreError};

/// A change for the writer thread.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteRequest {
    Mark {
        id: String,
        mark: Mark,
        on: bool,
    },
    Undo {
        changes: Vec<MarkChange>,
    },
    /// Marks every unread article the filter covers read.
    MarkAllRead {
        filter: Filter,
    },
    /// Keeps where the reader stopped in an article (None: at its top).
    Stop {
        id: String,
        stop: Option<ReadingStop>,
        begun: bool,
    },
    /// Removes an article (tombstones and all); `Applied::removed` holds
    /// what undo needs.
    Remove {
        id: String,
    },
    /// Puts a removed article back (undo).
    Restore {
        removed: Box<Removed>,
    },
    /// Keeps a value of the reader's own state.
    ReaderState {
        key: String,
        value: String,
    },
}

/// What a write did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// How many marks it changed.
    pub changed: usize,
    /// The marks as they were before, for undo (mark-all-read only).
    pub before: Vec<MarkChange>,
    /// The removed article (a removal only; None when it was gone already).
    pub removed: Option<Box<Removed>>,
    /// The marks waiting to go up to feed servers after a change of marks
    /// (None: not a change of marks, or the count failed).
    pub waiting: Option<usize>,
}

/// How long a write may wait for other processes' write locks before it
/// is reported as failed.
const GIVE_UP_AFTER: Duration = Duration::from_secs(120);

/// The writer thread's end of the queue.
pub struct Writer {
    requests: Sender<(u64, WriteRequest)>,
}

impl Writer {
    /// Starts the thread on the store at `store_file`; None when the store
    /// cannot be opened a second time (the app then writes by itself).
    pub fn spawn(store_file: &std::path::Path, events: Reporter) -> Option<Writer> {
        let store = Store::open(store_file).ok()?;
        let (requests, rx) = channel();
        std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || serve(store, &rx, &events))
            .ok()?;
        Some(Writer { requests })
    }

    /// Queues a write; gives it back if the thread is gone.
    pub fn send(&self, seq: u64, request: WriteRequest) -> Result<(), WriteRequest> {
        self.requests.send((seq, request)).map_err(|e| e.0.1)
    }
}

fn serve(mut store: Store, rx: &Receiver<(u64, WriteRequest)>, events: &Reporter) {
    for (seq, request) in rx {
        let started = Instant::now();
        let mut told = false;
        let result = loop {
            match apply(&mut store, &request) {
                Err(e) if e.is_busy() && started.elapsed() < GIVE_UP_AFTER => {
                    if !told {
                        told = true;
                        let _ = events.send(JobEvent::WriteWaiting { seq });
                    }
                }
                other => break other.map_err(JobError::from),
            }
        };
        if events.send(JobEvent::Written { seq, result }).is_err() {
            return;
        }
    }
}

/// Applies one request; after a change of marks, counts the marks waiting
/// to go up (the store's triggers queue those of synced articles).
pub(crate) fn apply(store: &mut Store, request: &WriteRequest) -> Result<Applied, StoreError> {
    let mut applied = apply_only(store, request)?;
    if matches!(
        request,
        WriteRequest::Mark { .. } | WriteRequest::Undo { .. } | WriteRequest::MarkAllRead { .. }
    ) {
        applied.waiting = store.sync_pending_count(None).ok();
    }
    Ok(applied)
}

fn apply_only(store: &mut Store, request: &WriteRequest) -> Result<Applied, StoreError> {
    let changed = |changed| Applied {
        changed,
        ..Applied::default()
    };
    match request {
        WriteRequest::Mark { id, mark, on } => store.set_mark(id, *mark, *on).map(|()| changed(1)),
        WriteRequest::Undo { changes } => store.undo_marks(changes).map(changed),
        WriteRequest::MarkAllRead { filter } => {
            let before = store.mark_all_read(filter)?;
            Ok(Applied {
                changed: before.len(),
                before,
                ..Applied::default()
            })
        }
        WriteRequest::Remove { id } => {
            let removed = store.remove(id)?.map(Box::new);
            Ok(Applied {
                changed: usize::from(removed.is_some()),
                removed,
                ..Applied::default()
            })
        }
        WriteRequest::Restore { removed } => store.restore(removed).map(|()| changed(1)),
        WriteRequest::Stop { id, stop, begun } => store
            .set_reading_stop(id, *stop, *begun)
            .map(|()| changed(1)),
        WriteRequest::ReaderState { key, value } => {
            store.set_reader_state(key, value).map(|()| changed(1))
        }
    }
}
