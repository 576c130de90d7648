//! The sidebar's lookups in the store, answered on their own thread with
//! a read-only connection: which headlines the page listed and which links
//! are stored articles (a fuzzy title query each, milliseconds apiece in a
//! large store), then the similar articles (the costliest).

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{JobError, JobEvent, Reporter};
use crate::store::{Similar, Store, StoreError};

/// What the open article's sidebar needs from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct LookupRequest {
    /// The opening it is for (`Opened::opening`).
    pub opening: u64,
    pub id: String,
    /// Titles of the related entries the page listed, in order.
    pub titles: Vec<String>,
    /// Addresses of the article's links, in order.
    pub urls: Vec<String>,
}

/// The stored articles the related entries and the links open, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredIds {
    pub related: Vec<Option<String>>,
    pub links: Vec<Option<String>>,
}

/// An answer to a `LookupRequest`, in two parts so that the cheap one shows
/// first. Errors are messages for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum LookupAnswer {
    Stored {
        opening: u64,
        result: Result<StoredIds, JobError>,
    },
    Similar {
        opening: u64,
        result: Result<Vec<Similar>, JobError>,
    },
}

impl LookupRequest {
    /// Matches the page's headlines (by title) and the links (by address)
    /// to stored articles.
    pub fn stored(&self, store: &Store) -> LookupAnswer {
        let find = || -> Result<StoredIds, StoreError> {
            let mut ids = StoredIds::default();
            for title in &self.titles {
                let found = store.find_by_title(title)?;
                ids.related.push(found.filter(|id| *id != self.id));
            }
            for url in &self.urls {
                ids.links.push(store.find_by_url(url)?);
            }
            Ok(ids)
        };
        LookupAnswer::Stored {
            opening: self.opening,
            result: find().map_err(JobError::from),
        }
    }

    /// The articles most similar to this one.
    pub fn similar(&self, store: &Store) -> LookupAnswer {
        LookupAnswer::Similar {
            opening: self.opening,
            result: crate::index::related(store, &self.id, 5).map_err(JobError::from),
        }
    }
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
    pub fn spawn(store_file: &Path, events: Reporter) -> Option<Lookups> {
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

fn serve(store: &Store, rx: &Receiver<LookupRequest>, events: &Reporter) {
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
    use crate::jobs::JobEvent::Lookup;
    use crate::jobs::Msg;
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
        let lookups = Lookups::spawn(&file, Reporter::new(tx)).expect("worker");
        let request = LookupRequest {
            opening: 7,
            id: "a".into(),
            titles: vec!["Nvidia rules".into()],
            urls: vec!["https://x.org/b".into()],
        };
        lookups.ask(request).expect("asked");
        let wait = || match rx.recv_timeout(Duration::from_secs(10)).expect("answer") {
            Msg::Job(event) => event,
            other => panic!("not a job's report: {other:?}"),
        };
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
