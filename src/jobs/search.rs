//! Searches run on their own thread with a read-only connection, so that
//! typing in the search prompt never waits for a query. Only the newest
//! request matters: a newer one interrupts the query in progress, and
//! requests queued behind a newer one are skipped. A search with many
//! matches is answered in two steps: its first rows with a lower bound of
//! the count at once, then the count (`SearchTotal`), which reads every
//! match.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{JobError, JobEvent, Reporter};
use crate::store::{Filter, Store, StoreError, Summary};

/// A search for the list: its count and first rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Increases with every request: the app shows only its latest.
    pub seq: u64,
    pub filter: Filter,
    /// How many rows from the top of the results to send with the count.
    pub rows: usize,
    /// A jump far down results already counted: the rows from `at.0` on,
    /// of a search with `at.1` results (the count is not read again).
    pub at: Option<(usize, usize)>,
}

/// What a search found: how many articles, and the first rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// How many articles, or at least how many while `counted` is false (a
    /// `SearchTotal` follows).
    pub total: usize,
    pub counted: bool,
    /// The results' rows from `start` on.
    pub rows: Vec<Summary>,
    pub start: usize,
}

/// The count of a search whose answer came with a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchTotal {
    pub seq: u64,
    pub total: usize,
}

/// The answer to a `SearchRequest`; an error is a message for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchAnswer {
    pub seq: u64,
    pub filter: Filter,
    pub result: Result<Found, JobError>,
}

impl SearchRequest {
    /// Runs the search on `store`: the first rows, with a count that may
    /// be a lower bound.
    pub fn run(&self, store: &Store) -> Result<Found, StoreError> {
        if let Some((start, total)) = self.at {
            return Ok(Found {
                total,
                counted: true,
                rows: store.page(&self.filter, start, self.rows)?,
                start,
            });
        }
        let first = store.first_page(&self.filter, self.rows)?;
        Ok(Found {
            total: first.total,
            counted: first.complete,
            rows: first.rows,
            start: 0,
        })
    }

    /// Runs the search, counted, and wraps the outcome as an answer (for a
    /// caller that waits for it anyway).
    pub fn answer(&self, store: &Store) -> SearchAnswer {
        let result = self.run(store).and_then(|mut found| {
            if !found.counted {
                found.total = store.count(&self.filter)?;
                found.counted = true;
            }
            Ok(found)
        });
        SearchAnswer {
            seq: self.seq,
            filter: self.filter.clone(),
            result: result.map_err(JobError::from),
        }
    }
}

/// The search thread's end of the queue, and the handle that stops the
/// query it is running.
pub struct Searches {
    requests: Sender<SearchRequest>,
    interrupt: rusqlite::InterruptHandle,
}

impl Searches {
    /// Starts the thread on the store at `store_file`; None when the store
    /// cannot be opened a second time (the app then searches by itself).
    pub fn spawn(store_file: &Path, events: Reporter) -> Option<Searches> {
        let store = Store::open_read_only(store_file).ok()?;
        let interrupt = store.interrupt_handle();
        let (requests, rx) = channel();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&store, &rx, &events))
            .ok()?;
        Some(Searches {
            requests,
            interrupt,
        })
    }

    /// Hands a request over, stopping the query of any older one; gives
    /// the request back if the thread is gone.
    pub fn ask(&self, request: SearchRequest) -> Result<(), Box<SearchRequest>> {
        self.requests.send(request).map_err(|e| Box::new(e.0))?;
        self.interrupt.interrupt();
        Ok(())
    }
}

fn serve(store: &Store, rx: &Receiver<SearchRequest>, events: &Reporter) {
    let mut next = None;
    while let Some(mut request) = next.take().or_else(|| rx.recv().ok()) {
        while let Ok(newer) = rx.try_recv() {
            request = newer;
        }
        let result = request.run(store);
        // An interrupted query was stopped for a newer request, or (when the
        // interrupt came as this one started) is run again.
        if let Err(e) = &result
            && e.is_interrupted()
        {
            next = Some(rx.try_recv().unwrap_or(request));
            continue;
        }
        if let Ok(newer) = rx.try_recv() {
            next = Some(newer);
            continue;
        }
        let uncounted = matches!(&result, Ok(found) if !found.counted);
        let answer = SearchAnswer {
            seq: request.seq,
            filter: request.filter.clone(),
            result: result.map_err(JobError::from),
        };
        if events.send(JobEvent::Search(answer)).is_err() {
            return;
        }
        if uncounted {
            match count(|| store.count(&request.filter), rx, events, request.seq) {
                Counted::Sent => {}
                Counted::Newer(newer) => next = Some(newer),
                Counted::Closed => return,
            }
        }
    }
}

enum Counted {
    Sent,
    /// A newer request came first (its count no longer matters).
    Newer(SearchRequest),
    Closed,
}

/// Counts a request's matches (`counting`) and reports the count, unless a newer
/// request interrupts it; an error leaves the lower bound shown. An
/// interrupt with no newer request is the late one of `request`'s own
/// `ask` (sent, then interrupted): the count runs again.
fn count(
    mut counting: impl FnMut() -> Result<usize, StoreError>,
    rx: &Receiver<SearchRequest>,
    events: &Reporter,
    seq: u64,
) -> Counted {
    let total = loop {
        let counted = counting();
        if let Ok(newer) = rx.try_recv() {
            return Counted::Newer(newer);
        }
        match counted {
            Ok(total) => break total,
            Err(e) if e.is_interrupted() => continue,
            Err(_) => return Counted::Sent,
        }
    };
    let event = JobEvent::SearchTotal(SearchTotal { seq, total });
    match events.send(event) {
        Ok(()) => Counted::Sent,
        Err(_) => Counted::Closed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::Msg;

    fn interrupted() -> StoreError {
        let code = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT);
        StoreError::Sqlite {
            path: "edicola.db".into(),
            source: rusqlite::Error::SqliteFailure(code, None),
        }
    }

    /// The interrupt of a request's own `ask` (sent, then interrupted) can
    /// land after its rows were read, on its count: the count runs again
    /// rather than leaving "2000+" shown.
    #[test]
    fn a_count_stopped_by_a_late_interrupt_is_counted_again() {
        let (events, reports) = std::sync::mpsc::channel();
        let (_requests, rx) = channel();
        let mut calls = 0;
        let counting = || {
            calls += 1;
            if calls == 1 {
                Err(interrupted())
            } else {
                Ok(30)
            }
        };
        assert!(matches!(
            count(counting, &rx, &Reporter::new(events), 7),
            Counted::Sent
        ));
        match reports.try_recv() {
            Ok(Msg::Job(JobEvent::SearchTotal(total))) => {
                assert_eq!(total, SearchTotal { seq: 7, total: 30 });
            }
            other => panic!("expected the count, got {other:?}"),
        }
    }

    /// A count stopped for a newer request is dropped: the newer one runs.
    #[test]
    fn a_count_stopped_for_a_newer_request_gives_way_to_it() {
        let (events, reports) = std::sync::mpsc::channel();
        let (requests, rx) = channel();
        let newer = SearchRequest {
            seq: 8,
            filter: crate::store::Filter::all(),
            rows: 10,
            at: None,
        };
        requests.send(newer.clone()).expect("send");
        let counted = count(|| Err(interrupted()), &rx, &Reporter::new(events), 7);
        assert!(matches!(counted, Counted::Newer(r) if r == newer));
        assert!(reports.try_recv().is_err(), "nothing reported");
    }
}
