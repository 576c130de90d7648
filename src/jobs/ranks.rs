//! Sampling the list's row numbers (`store::Ranks`) on a thread of its own
//! with a read-only connection: one walk of the list's index, which takes
//! too long for the UI thread on a large store. Only the newest request
//! matters; the app hands the samples to its store when they come.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{JobEvent, Reporter};
use crate::store::{Filter, Store};

/// The sampling thread's end of the queue.
pub struct Sampler {
    requests: Sender<Filter>,
}

impl Sampler {
    /// Starts the thread on the store at `store_file`; None when the store
    /// cannot be opened a second time (lists are then counted as before).
    pub fn spawn(store_file: &Path, events: Reporter) -> Option<Sampler> {
        let store = Store::open_read_only(store_file).ok()?;
        let (requests, rx) = channel();
        std::thread::Builder::new()
            .name("ranks".into())
            .spawn(move || serve(&store, &rx, &events))
            .ok()?;
        Some(Sampler { requests })
    }

    /// Asks for samples of `filter`'s list; false if the thread is gone.
    pub fn ask(&self, filter: Filter) -> bool {
        self.requests.send(filter).is_ok()
    }
}

fn serve(store: &Store, rx: &Receiver<Filter>, events: &Reporter) {
    while let Ok(mut filter) = rx.recv() {
        while let Ok(newer) = rx.try_recv() {
            filter = newer;
        }
        // A failure leaves the list counted as before: nothing to report.
        let Ok(Some(ranks)) = store.build_ranks(&filter) else {
            continue;
        };
        if events.send(JobEvent::Ranks(Box::new(ranks))).is_err() {
            return;
        }
    }
}
