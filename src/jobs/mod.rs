//! Work for the reader that runs off the UI thread, each on its own thread
//! (with its own store connection where it needs one): terminal input,
//! refresh, the index build, full text, sidebar lookups, search, writes.
//! All of them report into one channel of `Msg`, the only thing the
//! reader's event loop waits on; none touches the UI.

mod account_feeds;
mod error;
pub mod feeds;
pub mod full_text;
mod input;
pub mod lookups;
pub mod notify;
pub mod pipe;
pub mod ranks;
pub mod search;
pub mod sync;
mod writer;

pub use error::JobError;
pub use feeds::{
    ConfigFiles, Edited, FeedEdit, FeedRow, FeedsData, FeedsRequest, FeedsWorker, OnAccount,
};
pub use full_text::FullText;
pub use input::{InputControl, spawn_input};
pub use lookups::{LookupAnswer, LookupRequest, Lookups, StoredIds};
pub use ranks::Sampler;
pub use search::{Found, SearchAnswer, SearchRequest, SearchTotal, Searches};
pub(crate) use writer::apply as apply_write;
pub use writer::{Applied, WriteRequest, Writer};

use std::path::Path;
use std::sync::mpsc::Sender;

use ratatui::crossterm::event::Event;

use crate::fetch::{self, Outcome};
use crate::store::Store;
use crate::subs::SubsFile;

/// What reaches the reader's event loop.
#[derive(Debug)]
pub enum Msg {
    /// A terminal event (key, mouse, resize…).
    Input(Event),
    /// The terminal can no longer be read: the reader ends with this error.
    InputFailed(String),
    /// A report from background work.
    Job(JobEvent),
}

/// A report from work running off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum JobEvent {
    /// A refresh fetched `done` of `total` feeds, the last one `name`.
    Progress {
        done: usize,
        total: usize,
        name: String,
    },
    /// A refresh ended: how many articles it added, the lines of the feeds
    /// that failed, or why it could not run.
    Refreshed {
        added: usize,
        /// Feeds that brought new articles.
        feeds: usize,
        failed: Vec<String>,
        error: Option<JobError>,
    },
    /// The refresh synced the feed-server accounts: articles added, marks
    /// still waiting to go up, the accounts that failed (with why).
    Synced {
        added: usize,
        pending: usize,
        failed: Vec<String>,
    },
    /// A full-text fetch for article `id` ended.
    FullText {
        id: String,
        result: Result<FullText, JobError>,
    },
    /// The search index is being built: `done` of `total` queued articles.
    Indexing { done: usize, total: usize },
    /// The index build ended (complete, or stopped by an error).
    Indexed { error: Option<JobError> },
    /// Sidebar lookups answered on another thread.
    Lookup(LookupAnswer),
    /// A search answered on another thread.
    Search(SearchAnswer),
    /// The count of a search answered with a lower bound.
    SearchTotal(SearchTotal),
    /// Sampled row numbers of a list, taken on another thread.
    Ranks(Box<crate::store::Ranks>),
    /// The feeds pane's data, read on the feeds thread.
    Feeds(std::sync::Arc<FeedsData>),
    /// The feeds pane's data could not be read.
    FeedsFailed(JobError),
    /// An edit from the feeds pane ended.
    FeedEdited(Result<Edited, JobError>),
    /// A command the open article was piped to ended (or could not start).
    Piped(Result<pipe::Piped, crate::program::ProgramError>),
    /// A command of the settings (notify, bookmark) failed: the message.
    CommandFailed(String),
    /// An article was saved to this file (or why not).
    Saved(Result<std::path::PathBuf, JobError>),
    /// A queued write waits for another process's write lock.
    WriteWaiting { seq: u64 },
    /// A queued write landed (how many marks it changed) or failed.
    Written {
        seq: u64,
        result: Result<Applied, JobError>,
    },
}

/// The sending end that background work reports through.
#[derive(Debug, Clone)]
pub struct Reporter(Sender<Msg>);

/// The event loop is gone (the reader is closing): work can stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

impl Reporter {
    pub fn new(tx: Sender<Msg>) -> Reporter {
        Reporter(tx)
    }

    /// Reports to the loop.
    pub fn send(&self, event: JobEvent) -> Result<(), Closed> {
        self.0.send(Msg::Job(event)).map_err(|_| Closed)
    }
}

/// Fetches every subscription, reporting progress and the outcome.
pub fn refresh(store_file: &Path, subs_file: &Path, tx: &Reporter) {
    let mut event = match run_refresh(store_file, subs_file, tx) {
        Ok((added, feeds, failed)) => JobEvent::Refreshed {
            added,
            feeds,
            failed,
            error: None,
        },
        Err(error) => JobEvent::Refreshed {
            added: 0,
            feeds: 0,
            failed: Vec::new(),
            error: Some(error),
        },
    };
    let synced = sync::sync_beside(store_file, subs_file);
    if synced.is_some()
        && let JobEvent::Refreshed { error, .. } = &mut event
        && matches!(error, Some(JobError::NoSubscriptions))
    {
        // Accounts alone are something to refresh.
        *error = None;
    }
    let _ = tx.send(event);
    if let Some(synced) = synced {
        let _ = tx.send(synced);
    }
}

fn run_refresh(
    store_file: &Path,
    subs_file: &Path,
    tx: &Reporter,
) -> Result<(usize, usize, Vec<String>), JobError> {
    let mut subs = SubsFile::load(subs_file)?;
    if subs.feeds.is_empty() {
        return Err(JobError::NoSubscriptions);
    }
    let mut store = Store::open(store_file)?;
    // The reader reported the rules' problems at start-up: the usable
    // rules apply.
    store.set_ignore_rules(std::sync::Arc::new(crate::ignore::load_beside(subs_file)));
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
    )?;
    if subs.feeds.iter().map(|f| &f.url).ne(before.iter()) {
        subs.save()?;
    }
    // Large feeds leave their articles to the index queue.
    if store.index_state()?.pending > 0 {
        store.index_all(|done, total| {
            let _ = tx.send(JobEvent::Indexing { done, total });
        })?;
        let _ = tx.send(JobEvent::Indexed { error: None });
    }
    let added_by_feed: Vec<usize> = reports
        .iter()
        .map(|r| match r.outcome {
            Outcome::Updated { added, .. } => added,
            _ => 0,
        })
        .collect();
    let added = added_by_feed.iter().sum();
    let feeds = added_by_feed.iter().filter(|&&n| n > 0).count();
    let failed = reports
        .iter()
        .filter(|r| r.failed())
        .map(|r| r.line())
        .collect();
    Ok((added, feeds, failed))
}

/// Builds the queued part of the search index, reporting progress.
pub fn build_index(store_file: &Path, tx: &Reporter) {
    let result = Store::open(store_file).and_then(|mut store| {
        store.index_all(|done, total| {
            let _ = tx.send(JobEvent::Indexing { done, total });
        })
    });
    let _ = tx.send(JobEvent::Indexed {
        error: result.err().map(JobError::from),
    });
}

/// Saves an article (its Markdown or HTML) as a new file in `dir`, then reports.
pub fn save_article(dir: &Path, name: &str, content: &str, tx: &Reporter) {
    let result = crate::export::save_new(dir, name, content.as_bytes()).map_err(JobError::from);
    let _ = tx.send(JobEvent::Saved(result));
}
