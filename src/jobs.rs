//! Background work for the reader, run on its own thread with its own store
//! connection; it reports through a channel and never touches the UI.

use std::path::Path;
use std::sync::mpsc::Sender;

use crate::app::JobEvent;
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
