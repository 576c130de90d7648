//! Search results arrive asynchronously: each key in the prompt sends a
//! request to the search thread (`jobs::search`) and draws at once; the
//! answer replaces the list when it comes, unless a newer request was sent
//! meanwhile. Without a search thread (tests, stores held in memory) the
//! request is answered on this thread, through the same path.

use super::{App, Severity};
use crate::jobs::{SearchAnswer, SearchRequest, SearchTotal, Searches};
use crate::store::{Filter, StoreError};

/// The app's side of searching.
#[derive(Default)]
pub(super) struct Searching {
    worker: Option<Searches>,
    /// The latest request sent; answers to older ones are dropped.
    seq: u64,
    /// True while the latest request is unanswered.
    pending: bool,
    /// Enter was pressed before the answer came: its count is announced.
    announce: bool,
    /// The list shows the latest answer's first rows, its count still
    /// coming (`list.total` is a lower bound meanwhile).
    counting: bool,
    /// The list position to select again when the answer comes (the same
    /// search read again after a change), instead of the top.
    keep: Option<usize>,
    /// `G` was pressed while the count was coming: the list goes to the
    /// end when it comes.
    to_end: bool,
}

/// Rows a search read again after a change sends at most: the selection
/// is kept when it is among them, and the list loads the rest as it scrolls.
const RELOAD_ROWS: usize = 1000;

impl std::fmt::Debug for Searching {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searching")
            .field("worker", &self.worker.is_some())
            .field("seq", &self.seq)
            .field("pending", &self.pending)
            .field("counting", &self.counting)
            .finish()
    }
}

impl App {
    /// From now on searches run on `worker`'s thread.
    pub fn set_searcher(&mut self, worker: Searches) {
        self.search.worker = Some(worker);
    }

    /// True while the results of the query typed last are being computed.
    pub fn searching(&self) -> bool {
        self.search.pending
    }

    /// True while the list's total is a lower bound, its count coming.
    pub fn counting(&self) -> bool {
        self.search.counting
    }

    /// Shows `filter`'s results: at once when it has no query (cheap), else
    /// when the search thread answers. Answers to earlier requests, still
    /// on their way, are dropped either way.
    pub(super) fn search_for(&mut self, filter: Filter) -> Result<(), StoreError> {
        self.search.seq += 1;
        self.search.pending = false;
        self.search.counting = false;
        self.search.keep = None;
        self.search.to_end = false;
        if filter.query.is_none() {
            return self.set_filter(filter);
        }
        let request = SearchRequest {
            seq: self.search.seq,
            filter,
            rows: self.list_height(),
            at: None,
        };
        let unsent = match &self.search.worker {
            Some(worker) => worker.ask(request).err(),
            None => Some(Box::new(request)),
        };
        match unsent {
            None => self.search.pending = true,
            Some(request) => {
                self.search.worker = None;
                let answer = request.answer(&self.store);
                self.on_search(answer)?;
            }
        }
        Ok(())
    }

    /// Reads the list's search again on the search thread after a change
    /// (a refresh, a save, the index completed), keeping the selection.
    /// False when there is no search thread: the caller reads it here.
    pub(super) fn search_again(&mut self) -> bool {
        let Some(worker) = &self.search.worker else {
            return false;
        };
        let request = SearchRequest {
            seq: self.search.seq + 1,
            filter: self.list.filter.clone(),
            rows: (self.list.selected + self.list_height()).min(RELOAD_ROWS),
            at: None,
        };
        if worker.ask(request).is_err() {
            self.search.worker = None;
            return false;
        }
        self.search.seq += 1;
        self.search.pending = true;
        self.search.counting = false;
        self.search.keep = Some(self.list.selected);
        true
    }

    /// A move in a search's results to row `index`, far from the rows
    /// loaded, is read on the search thread: reading down to it costs up
    /// to a whole count. The list shows the position at once and the rows
    /// when they come. `G` while the count is coming goes to the end when
    /// it comes. False when the caller should move here (no search, no
    /// search thread, or a cheap move).
    pub(super) fn jump_in_results(&mut self, index: usize, to_end: bool) -> bool {
        if self.list.filter.query.is_none() || self.search.worker.is_none() {
            return false;
        }
        if to_end && self.search.counting {
            self.search.to_end = true;
            self.notify(
                Severity::Info,
                "Counting the results: G goes to the end when done",
            );
            return true;
        }
        let height = self.list_height().max(1);
        let index = index.min(self.list.total.saturating_sub(1));
        if !self.list.is_far(index, height) {
            return false;
        }
        let request = SearchRequest {
            seq: self.search.seq + 1,
            filter: self.list.filter.clone(),
            rows: height * 2,
            at: Some((index.saturating_sub(height), self.list.total)),
        };
        let Some(worker) = &self.search.worker else {
            return false;
        };
        if worker.ask(request).is_err() {
            self.search.worker = None;
            return false;
        }
        self.search.seq += 1;
        self.search.pending = true;
        self.search.keep = Some(index);
        self.list.select_unloaded(index, height);
        self.opened = None;
        true
    }

    /// Enter in the prompt: the count is announced now, or when it comes.
    pub(super) fn announce_results(&mut self) {
        if self.search.pending || self.search.counting {
            self.search.announce = true;
        } else if self.list.filter.query.is_some() {
            let found = super::prompt::results(self.list.total);
            self.notify(
                Severity::Info,
                format!("{found} (Esc in / clears the search)"),
            );
        }
    }

    /// Shows a search's answer, if it is for the latest request.
    pub fn on_search(&mut self, answer: SearchAnswer) -> Result<(), StoreError> {
        if answer.seq != self.search.seq {
            return Ok(());
        }
        self.search.pending = false;
        match answer.result {
            Ok(found) => {
                self.search.counting = !found.counted;
                self.list.show_found(answer.filter, found);
                if let Some(index) = self.search.keep.take() {
                    let height = self.list_height();
                    self.list.select(index, &self.store, height)?;
                    self.refresh_open_marks()?;
                }
                self.open_selected()?;
                if !self.search.counting && std::mem::take(&mut self.search.announce) {
                    self.announce_results();
                }
            }
            Err(e) => {
                self.search.announce = false;
                self.search.keep = None;
                self.notify(Severity::Error, e.to_string());
            }
        }
        Ok(())
    }

    /// The count of the list's search, when it came with a lower bound.
    pub fn on_search_total(&mut self, total: SearchTotal) {
        if total.seq != self.search.seq || !self.search.counting {
            return;
        }
        self.search.counting = false;
        self.list.total = total.total;
        // Fewer only when articles went meanwhile.
        self.list.selected = self.list.selected.min(total.total.saturating_sub(1));
        self.list.offset = self.list.offset.min(self.list.selected);
        if std::mem::take(&mut self.search.announce) {
            self.announce_results();
        }
        if std::mem::take(&mut self.search.to_end) {
            let last = self.list.total.saturating_sub(1);
            let height = self.list_height();
            if !self.jump_in_results(last, false)
                && let Err(e) = self.list.select(last, &self.store, height)
            {
                self.notify(Severity::Error, e.to_string());
            }
        }
    }
}
