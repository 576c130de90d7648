//! Background work for the reader, run on its own thread with its own store
//! connection; it reports through a channel and never touches the UI.

mod writer;

pub(crate) use writer::apply as apply_write;
pub use writer::{WriteRequest, Writer};

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::app::JobEvent;
use crate::app::lookup::LookupRequest;
use crate::fetch::{self, Outcome};
use crate::store::Store;
use crate::subs::SubsFile;

/// Fetches every subscription, reporting progress and the outcome.
pub fn refresh(store_file: &Path, subs_file: &Path, tx: &Sender<JobEvent>) {
    let event = match run_refresh(store_file, subs_file, tx) {
        Ok((added, failed)) => JobEvent::Refreshed {
            added,
            failed,
            error: None,
        },
        Err(error) => JobEvent::Refreshed {
            added: 0,
            failed: Vec::new(),
            error: Some(error),
        },
    };
    let _ = tx.send(event);
}

fn run_refresh(
    store_file: &Path,
    subs_file: &Path,
    tx: &Sender<JobEvent>,
) -> Result<(usize, Vec<String>), String> {
    let mut subs = SubsFile::load(subs_file).map_err(|e| e.to_string())?;
    if subs.feeds.is_empty() {
        return Err("no subscriptions: add one with `edicola add URL`".into());
    }
    let mut store = Store::open(store_file).map_err(|e| e.to_string())?;
    let before: Vec<String> = subs.feeds.iter().map(|f| f.url.clone()).collect();
    let reports = fetch::update_all(
        &mut store,
        &mut subs,
        &fetch::default_http(),
        false,
        |done, total, r| {
            let _ = tx.send(JobEvent::Progress {
                done,
                total,
                name: r.name.clone(),
            });
        },
    )
    .map_err(|e| e.to_string())?;
    if subs.feeds.iter().map(|f| &f.url).ne(before.iter()) {
        subs.save().map_err(|e| e.to_string())?;
    }
    // Large feeds leave their articles to the index queue.
    if store.index_state().map_err(|e| e.to_string())?.pending > 0 {
        store
            .index_all(|done, total| {
                let _ = tx.send(JobEvent::Indexing { done, total });
            })
            .map_err(|e| e.to_string())?;
        let _ = tx.send(JobEvent::Indexed { error: None });
    }
    let added = reports
        .iter()
        .map(|r| match r.outcome {
            Outcome::Updated { added, .. } => added,
            _ => 0,
        })
        .sum();
    let failed = reports
        .iter()
        .filter(|r| r.failed())
        .map(|r| r.line())
        .collect();
    Ok((added, failed))
}

/// Builds the queued part of the search index, reporting progress.
pub fn build_index(store_file: &Path, tx: &Sender<JobEvent>) {
    let result = Store::open(store_file).and_then(|mut store| {
        store.index_all(|done, total| {
            let _ = tx.send(JobEvent::Indexing { done, total });
        })
    });
    let _ = tx.send(JobEvent::Indexed {
        error: result.err().map(|e| e.to_string()),
    });
}

/// The thread that answers the sidebar's lookups (stored titles and links,
/// similar articles) with its own read-only connection, so that the reader
/// never waits for them. Only the newest request is answered.
pub struct Lookups {
    requests: Sender<LookupRequest>,
}

impl Lookups {
    /// Starts the thread on the store at `store_file`; None when the store
    /// cannot be opened a second time (the app then answers by itself).
    pub fn spawn(store_file: &Path, events: Sender<JobEvent>) -> Option<Lookups> {
        let store = Store::open_read_only(store_file).ok()?;
        let (requests, rx) = channel();
        std::thread::Builder::new()
            .name("lookups".into())
            .spawn(move || serve(&store, &rx, &events))
            .ok()?;
        Some(Lookups { requests })
    }

    /// Hands a request over; gives it back if the thread is gone.
    pub fn ask(&self, request: LookupRequest) -> Result<(), LookupRequest> {
        self.requests.send(request).map_err(|e| e.0)
    }
}

fn serve(store: &Store, rx: &Receiver<LookupRequest>, events: &Sender<JobEvent>) {
    let mut next = None;
    loop {
        let Some(mut request) = next.take().or_else(|| rx.recv().ok()) else {
            return;
        };
        while let Ok(newer) = rx.try_recv() {
            request = newer;
        }
        if events
            .send(JobEvent::Lookup(request.stored(store)))
            .is_err()
        {
            return;
        }
        // A newer article makes this one's similar articles useless.
        if let Ok(newer) = rx.try_recv() {
            next = Some(newer);
            continue;
        }
        if events
            .send(JobEvent::Lookup(request.similar(store)))
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::JobEvent::Lookup;
    use crate::app::lookup::LookupAnswer;
    use crate::model::{Article, Link, RelatedEntry};
    use crate::store::Origin;
    use std::time::Duration;

    #[test]
    fn lookups_are_answered_on_their_own_connection() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("edicola.db");
        let mut store = Store::open(&file).expect("store");
        let article = |id: &str, title: &str, url: &str| Article {
            id: id.into(),
            title: title.into(),
            url: Some(url.into()),
            body: vec!["Nvidia chip export rules for China and Alibaba data centres.".into()],
            ..Article::default()
        };
        let mut first = article("a", "Chip war with China", "https://x.org/a");
        first.related = vec![RelatedEntry {
            title: "Nvidia rules".into(),
            ..RelatedEntry::default()
        }];
        first.links = vec![Link {
            url: "https://x.org/b".into(),
            text: "b".into(),
        }];
        store
            .upsert(
                &[
                    first,
                    article("b", "Nvidia rules", "https://x.org/b"),
                    article("c", "Nvidia and China", "https://x.org/c"),
                ],
                Origin::User,
            )
            .expect("upsert");
        let (tx, rx) = channel();
        let lookups = Lookups::spawn(&file, tx).expect("worker");
        let request = LookupRequest {
            opening: 7,
            id: "a".into(),
            titles: vec!["Nvidia rules".into()],
            urls: vec!["https://x.org/b".into()],
        };
        lookups.ask(request).expect("asked");
        let wait = || rx.recv_timeout(Duration::from_secs(10)).expect("answer");
        let Lookup(LookupAnswer::Stored { opening: 7, result }) = wait() else {
            panic!("stored ids first");
        };
        let ids = result.expect("stored ids");
        assert_eq!(ids.related, [Some("b".to_string())]);
        assert_eq!(ids.links, [Some("b".to_string())]);
        let Lookup(LookupAnswer::Similar { opening: 7, result }) = wait() else {
            panic!("then similar articles");
        };
        assert!(result.expect("similar").iter().any(|s| s.id == "c"));
    }
}
