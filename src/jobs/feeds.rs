//! The feeds pane's data and its edits, on a thread of their own: counting
//! every article, reading the config files and fetching a new feed never
//! hold up a key. Without the thread (a store held in memory), the app runs
//! the same functions itself.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{JobError, JobEvent, Reporter};
use crate::fetch;
use crate::model::Subscription;
use crate::searches::{SavedSearch, SearchesFile};
use crate::store::{FeedCounts, Filter, GroupCount, Store};
use crate::subs::SubsFile;

/// The config files the feeds pane reads and edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFiles {
    pub subscriptions: PathBuf,
    pub searches: PathBuf,
}

/// A subscription as the pane shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub url: String,
    /// The user's title, else the feed's, else its address.
    pub title: String,
    pub tags: Vec<String>,
    pub count: GroupCount,
    /// Why the last fetch failed, when it did.
    pub error: Option<String>,
    /// Unix time of the last fetch attempt.
    pub last_fetch: Option<i64>,
    /// The account it is a subscription of (None: the subscriptions
    /// file's); `tags` are then the server's folders.
    pub remote: Option<OnAccount>,
}

/// Which subscription of which account a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnAccount {
    pub account: String,
    pub feed_id: String,
}

/// Everything the feeds pane shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedsData {
    pub feeds: Vec<FeedRow>,
    pub searches: Vec<(SavedSearch, GroupCount)>,
    pub counts: FeedCounts,
    /// Articles ignore rules kept out: how many, and the newest of them.
    pub ignored_total: usize,
    pub ignored: Vec<crate::store::IgnoredSummary>,
    /// What could not be read in the config files (file, line, column).
    pub problems: Vec<String>,
}

/// A change asked for from the feeds pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEdit {
    /// Find the feed at an address, subscribe and fetch it.
    Add {
        url: String,
    },
    /// Subscribe to an address that could not be read (after a failed
    /// `Add` the user chose to keep); the pane shows why.
    Subscribe {
        url: String,
        error: String,
    },
    Rename {
        url: String,
        title: String,
    },
    Tags {
        url: String,
        tags: Vec<String>,
    },
    /// Unsubscribe; bookmarked articles stay.
    Remove {
        url: String,
    },
    SaveSearch {
        name: String,
        query: String,
    },
    RenameSearch {
        old: String,
        new: String,
    },
    RemoveSearch {
        name: String,
    },
    /// Take an ignored article back (no rule ignores it again).
    Unignore {
        id: String,
    },
    /// A change to an account's subscriptions, made on its server.
    Account {
        account: String,
        change: crate::sync::subs::SubsChange,
    },
}

/// How an edit ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// Done: what to tell the user.
    Done(String),
    /// Adding a feed failed: the address and why (the user may keep it).
    AddFailed { url: String, error: String },
}

/// How many ignored articles the pane lists (the newest); `edicola ignored`
/// lists them all.
const IGNORED_SHOWN: usize = 500;

/// Reads the pane's data: the subscriptions with their state and counts,
/// the saved searches with theirs, and the local sources.
/// The store's copy of the tags (which tag filters read) follows the
/// subscriptions file, which the user may have edited by hand.
pub fn load(store: &mut Store, files: &ConfigFiles) -> Result<FeedsData, JobError> {
    let mut problems = Vec::new();
    let subs = match SubsFile::load(&files.subscriptions) {
        Ok(s) => s.feeds,
        Err(e) => {
            problems.push(e.to_string());
            Vec::new()
        }
    };
    let searches = match SearchesFile::load(&files.searches) {
        Ok(s) => {
            problems.extend(s.problems);
            s.searches
        }
        Err(e) => {
            problems.push(e.to_string());
            Vec::new()
        }
    };
    let tags: Vec<(String, Vec<String>)> = subs
        .iter()
        .map(|f| (f.url.clone(), f.tags.clone()))
        .collect();
    if !store.is_read_only() && !store.tags_match(&tags)? {
        store.sync_tags(&tags)?;
    }
    let counts = store.feed_counts()?;
    let mut feeds = Vec::with_capacity(subs.len());
    for f in subs {
        let state = store.feed_state(&f.url)?.unwrap_or_default();
        let title = f
            .title
            .clone()
            .or(state.title.clone())
            .unwrap_or_else(|| f.url.clone());
        feeds.push(FeedRow {
            count: counts.feeds.get(&f.url).copied().unwrap_or_default(),
            title,
            tags: f.tags,
            error: state
                .last_error
                .filter(|_| state.last_status.as_deref() == Some("error")),
            last_fetch: state.last_fetch,
            url: f.url,
            remote: None,
        });
    }
    feeds.extend(super::account_feeds::rows(store, &counts)?);
    let mut with_counts = Vec::with_capacity(searches.len());
    for s in searches {
        let filter = Filter {
            query: Some(s.query.clone()),
            ..Filter::default()
        };
        with_counts.push((s, store.filter_counts(&filter)?));
    }
    Ok(FeedsData {
        feeds,
        searches: with_counts,
        counts,
        ignored_total: store.ignored_count()?,
        ignored: store.ignored_page(0, IGNORED_SHOWN)?,
        problems,
    })
}

/// Applies an edit to the config files (and the store where it follows).
pub fn edit(store: &mut Store, files: &ConfigFiles, edit: FeedEdit) -> Result<Edited, JobError> {
    let searches = || SearchesFile::load(&files.searches).map_err(JobError::from);
    let subs = || SubsFile::load(&files.subscriptions).map_err(JobError::from);
    let message = match edit {
        FeedEdit::Add { url } => return add(store, files, &url),
        FeedEdit::Account { account, change } => {
            return super::account_feeds::edit(store, files, &account, change);
        }
        FeedEdit::Subscribe { url, error } => {
            let mut subs = subs()?;
            subs.add(&Subscription {
                url: url.clone(),
                ..Subscription::default()
            });
            subs.save()?;
            store.save_feed_state(&crate::store::FeedState {
                url: url.clone(),
                last_fetch: Some(crate::store::now()),
                last_status: Some("error".into()),
                last_error: Some(error),
                ..crate::store::FeedState::default()
            })?;
            format!("Subscribed to {url}: it is fetched again at each refresh")
        }
        FeedEdit::Rename { url, title } => {
            let mut subs = subs()?;
            if !subs.set_title(&url, Some(&title)) {
                return Err(JobError::Refused(format!("not subscribed to {url}")));
            }
            subs.save()?;
            format!("Renamed to “{}”; new articles carry the name", title.trim())
        }
        FeedEdit::Tags { url, tags } => {
            let mut subs = subs()?;
            if !subs.set_tags(&url, &tags) {
                return Err(JobError::Refused(format!("not subscribed to {url}")));
            }
            subs.save()?;
            let all: Vec<(String, Vec<String>)> = subs
                .feeds
                .iter()
                .map(|f| (f.url.clone(), f.tags.clone()))
                .collect();
            store.sync_tags(&all)?;
            match subs.find(&url).map(|f| f.tags.join(", ")) {
                Some(t) if !t.is_empty() => format!("Tags: {t}"),
                _ => "No tags".to_string(),
            }
        }
        FeedEdit::Remove { url } => {
            let mut subs = subs()?;
            let gone = subs
                .remove(&url)
                .ok_or_else(|| JobError::Refused(format!("not subscribed to {url}")))?;
            subs.save()?;
            let removed = store.forget_feed(&url)?;
            let name = gone.title.unwrap_or(url);
            format!(
                "Unsubscribed from {name}: {} removed, bookmarks kept",
                crate::text::plural::count(removed, "article", "articles")
            )
        }
        FeedEdit::SaveSearch { name, query } => {
            let mut file = searches()?;
            file.add(SavedSearch {
                name: name.clone(),
                query,
            })?;
            file.save()?;
            format!("Saved the search as “{}” (feeds pane: s)", name.trim())
        }
        FeedEdit::RenameSearch { old, new } => {
            let mut file = searches()?;
            file.rename(&old, &new)?;
            file.save()?;
            format!("Renamed the search to “{}”", new.trim())
        }
        FeedEdit::Unignore { id } => {
            let title = store.get_ignored(&id)?.map(|a| a.title).unwrap_or_default();
            if !store.unignore(&id)? {
                return Err(JobError::Refused(
                    "that article is no longer ignored".into(),
                ));
            }
            format!("Took back “{title}”: it is in the list again, and no rule ignores it again")
        }
        FeedEdit::RemoveSearch { name } => {
            let mut file = searches()?;
            file.remove(&name)?;
            file.save()?;
            format!("Removed the saved search “{name}”")
        }
    };
    Ok(Edited::Done(message))
}

/// Finds the feed at `url`, subscribes and fetches it.
fn add(store: &mut Store, files: &ConfigFiles, url: &str) -> Result<Edited, JobError> {
    let http = fetch::default_http();
    let found = match fetch::discover(&http, url) {
        Ok(found) => found,
        Err(error) => {
            return Ok(Edited::AddFailed {
                url: url.to_string(),
                error: error.to_string(),
            });
        }
    };
    let mut subs = SubsFile::load(&files.subscriptions)?;
    let sub = Subscription {
        url: found.url.clone(),
        ..Subscription::default()
    };
    if !subs.add(&sub) {
        return Ok(Edited::Done(format!("Already subscribed to {}", found.url)));
    }
    subs.save()?;
    // Only the new feed is fetched: a list of one, never saved.
    let mut one = SubsFile::parse(&files.subscriptions, "")?;
    one.add(&sub);
    let reports = fetch::update_all(store, &mut one, &http, true, |_, _, _| {})?;
    let line = reports.first().map(fetch::Report::line).unwrap_or_default();
    Ok(Edited::Done(format!("Subscribed: {line}")))
}

/// A request to the feeds thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedsRequest {
    Load,
    Edit(FeedEdit),
}

/// The feeds thread's end of the app.
#[derive(Debug)]
pub struct FeedsWorker {
    requests: Sender<FeedsRequest>,
}

impl FeedsWorker {
    /// Starts the thread with its own connection to the store file.
    pub fn spawn(
        store_file: &std::path::Path,
        files: ConfigFiles,
        events: Reporter,
    ) -> Option<FeedsWorker> {
        let store = Store::open(store_file).ok()?;
        let (requests, rx) = channel();
        std::thread::Builder::new()
            .name("feeds".into())
            .spawn(move || serve(store, &files, &rx, &events))
            .ok()?;
        Some(FeedsWorker { requests })
    }

    /// Hands a request over; gives it back if the thread is gone.
    pub fn ask(&self, request: FeedsRequest) -> Result<(), FeedsRequest> {
        self.requests.send(request).map_err(|e| e.0)
    }
}

fn serve(mut store: Store, files: &ConfigFiles, rx: &Receiver<FeedsRequest>, events: &Reporter) {
    let mut pending: Vec<FeedsRequest> = Vec::new();
    loop {
        if pending.is_empty() {
            match rx.recv() {
                Ok(r) => pending.push(r),
                Err(_) => return,
            }
        }
        pending.extend(rx.try_iter());
        // Edits in order; loads asked for meanwhile become one, after them
        // (an edit is followed by one too).
        for request in std::mem::take(&mut pending) {
            if let FeedsRequest::Edit(e) = request {
                let result = edit(&mut store, files, e);
                if events.send(JobEvent::FeedEdited(result)).is_err() {
                    return;
                }
            }
        }
        let answer = load_event(&mut store, files);
        if events.send(answer).is_err() {
            return;
        }
    }
}

/// The pane's data as a report.
pub fn load_event(store: &mut Store, files: &ConfigFiles) -> JobEvent {
    match load(store, files) {
        Ok(data) => JobEvent::Feeds(Arc::new(data)),
        Err(e) => JobEvent::FeedsFailed(e),
    }
}
