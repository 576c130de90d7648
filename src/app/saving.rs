//! Marks written off the UI thread: the screen shows a change at once and
//! the writer thread (`jobs::Writer`) saves it; the status bar says when it
//! is saved, while it waits for another process, or that it failed (and
//! the screen then shows the marks as they are again).

use std::collections::BTreeMap;

use super::{App, Severity};
use crate::jobs::{Applied, WriteRequest, Writer};
use crate::store::{Mark, StoreError};

/// A write sent to the writer thread and not yet reported.
#[derive(Debug)]
pub(super) struct Pending {
    /// What to say when it is saved (None: say nothing).
    what: Option<String>,
    /// The mark's value before the change, shown again if it fails.
    before: Option<(String, Mark, bool)>,
    /// How many marks it changes, when all is well.
    expected: usize,
    /// Whether the list must be read again once it is saved (the list
    /// shows only bookmarked or unread articles).
    reload: bool,
    /// A mark-all-read, whose undo step and message follow its save.
    all_read: bool,
    /// A removal or a restore, whose list change and message follow it.
    removal: Option<WriteRequest>,
}

/// The queue of writes in flight.
#[derive(Default)]
pub(super) struct Saving {
    writer: Option<Writer>,
    next: u64,
    pending: BTreeMap<u64, Pending>,
}

impl App {
    /// From now on marks are written by `writer`, off the UI thread.
    pub fn set_writer(&mut self, writer: Writer) {
        self.saving_queue.writer = Some(writer);
    }

    /// True while a write is on its way (the event loop then polls).
    pub fn writing(&self) -> bool {
        !self.saving_queue.pending.is_empty()
    }

    /// Writes a change: through the writer thread when there is one (None
    /// is returned: the result comes as a job event), else at once (how
    /// many marks it changed is returned).
    pub(super) fn write(
        &mut self,
        request: WriteRequest,
        what: Option<String>,
    ) -> Result<Option<Applied>, StoreError> {
        let Some(writer) = &self.saving_queue.writer else {
            let applied = crate::jobs::apply_write(&mut self.store, &request)?;
            self.note_waiting(&applied);
            return Ok(Some(applied));
        };
        let seq = self.saving_queue.next;
        // An undo may change any article's marks: the list is read again.
        let (before, expected, reload) = match &request {
            WriteRequest::Mark { id, mark, on } => (
                Some((id.clone(), *mark, !on)),
                1,
                self.list.filter.bookmarked || self.list.filter.unread,
            ),
            WriteRequest::Undo { changes } => (None, changes.len(), true),
            WriteRequest::MarkAllRead { .. } => (None, 0, false),
            WriteRequest::Stop { .. } | WriteRequest::ReaderState { .. } => (None, 1, false),
            WriteRequest::Remove { .. } | WriteRequest::Restore { .. } => (None, 1, false),
        };
        let all_read = matches!(request, WriteRequest::MarkAllRead { .. });
        let removal = matches!(
            request,
            WriteRequest::Remove { .. } | WriteRequest::Restore { .. }
        )
        .then(|| request.clone());
        match writer.send(seq, request) {
            Ok(()) => {
                self.saving_queue.next += 1;
                let pending = Pending {
                    what,
                    before,
                    expected,
                    reload,
                    all_read,
                    removal,
                };
                self.saving_queue.pending.insert(seq, pending);
                Ok(None)
            }
            Err(request) => {
                // The thread is gone: write here.
                self.saving_queue.writer = None;
                let applied = crate::jobs::apply_write(&mut self.store, &request)?;
                self.note_waiting(&applied);
                Ok(Some(applied))
            }
        }
    }

    /// The writer thread is waiting for another process's write lock.
    pub(super) fn on_write_waiting(&mut self, seq: u64) {
        if self.saving_queue.pending.contains_key(&seq) {
            self.notify(
                Severity::Info,
                "Saving: waiting for another Edicola command to finish writing",
            );
        }
    }

    /// A write landed or failed.
    pub(super) fn on_written(
        &mut self,
        seq: u64,
        result: Result<Applied, crate::jobs::JobError>,
    ) -> Result<(), StoreError> {
        if let Ok(applied) = &result {
            self.note_waiting(applied);
        }
        let Some(pending) = self.saving_queue.pending.remove(&seq) else {
            return Ok(());
        };
        match result {
            Ok(applied) if pending.all_read => self.marked_all_read(applied.before)?,
            Ok(applied) if pending.removal.is_some() => match pending.removal {
                Some(WriteRequest::Restore { removed }) => self.restored(&removed)?,
                _ => self.removed(applied.removed)?,
            },
            Ok(Applied { changed, .. }) => {
                if pending.reload {
                    self.reload_keeping_selection()?;
                }
                if let Some(what) = pending.what {
                    let kept = pending.expected.saturating_sub(changed);
                    let message = if kept > 0 {
                        format!("{what} (saved; {kept} changed since elsewhere were kept)")
                    } else {
                        format!("{what} (saved)")
                    };
                    self.notify(Severity::Info, message);
                }
            }
            Err(e) => {
                if let Some((id, mark, before)) = pending.before {
                    self.show_mark(&id, mark, before);
                }
                let what = pending.what.unwrap_or_else(|| "A change".into());
                self.notify(Severity::Error, format!("{what}: not saved: {e}"));
            }
        }
        Ok(())
    }

    /// Keeps the count of marks waiting to go up that a write reported.
    fn note_waiting(&mut self, applied: &Applied) {
        if let Some(n) = applied.waiting {
            self.waiting_marks = n;
        }
    }

    /// Shows a mark's value in the reading pane and the list.
    pub(super) fn show_mark(&mut self, id: &str, mark: Mark, on: bool) {
        if let Some(o) = self.opened.as_mut().filter(|o| o.article.id == id) {
            let was = match mark {
                Mark::Bookmarked => std::mem::replace(&mut o.bookmarked, on),
                Mark::Read => std::mem::replace(&mut o.read, on),
            };
            self.list.set_marks(id, o.bookmarked, o.read);
            if was != on {
                self.count_mark(id, mark, on);
            }
        }
    }
}
