//! The sync engine, the same for every API: brings subscriptions, items
//! and marks down, sends queued local marks up, and settles conflicts.
//!
//! Order of a sync: the server's marks are read first and compared with
//! the queue (the conflict rule below), then new items come down a page at
//! a time (each page committed with its cursor), then the queue goes up in
//! batches (each batch dropped from the queue once the server took it).
//! Every step is committed before the next request, so a sync cut short
//! anywhere resumes at the next one, and a mark is never sent with a
//! meaning other than the newest local change of it.
//!
//! Where the API lists what changed since a cursor (Miniflux), a sync
//! after the first reads that list instead of the whole state and the new
//! items: the changed items come with their marks, and a queued mark of an
//! item the server did not change is sent as it is.
//!
//! Conflict rule, per mark of an item: when the server says when it last
//! changed the item and that is later than the local change, the server
//! wins; otherwise a local change still queued wins; with nothing queued,
//! the server's state wins.

use std::collections::{HashMap, HashSet};

use super::remote::{MarkOp, Remote, RemoteError, RemoteFeed, RemoteItem, RemoteState};
use crate::ingest::{feed_item_id, htmltext::html_to_text};
use crate::model::Article;
use crate::store::{
    AccountFeed, Prepared, QueuedMark, ServerMark, Store, StoreError, SyncMark, SyncedItem,
    SyncedState,
};

/// Items asked for by id per request, and per sync at most.
const BY_ID_BATCH: usize = 100;
const BY_ID_MAX: usize = 2_000;
/// Marks sent per request.
const MARK_BATCH: usize = 200;

/// What a sync of one account did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    pub account: String,
    pub feeds: usize,
    pub added: usize,
    pub updated: usize,
    /// Marks set from the server's state.
    pub marks_down: usize,
    /// Local marks the server took.
    pub marks_up: usize,
    /// Local marks still waiting.
    pub pending: usize,
    /// Why it stopped early, if it did.
    pub error: Option<String>,
}

/// Why a sync stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Remote(#[from] RemoteError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How far back a first sync goes, and where progress is told.
pub struct SyncOptions<'a> {
    /// Seconds since the epoch: items older than this come down only when
    /// unread or starred.
    pub since: i64,
    pub progress: &'a mut dyn FnMut(&str),
}

/// Syncs one account; the report says how far it got, also on failure.
pub fn sync_account(
    store: &mut Store,
    remote: &mut dyn Remote,
    account: &str,
    opts: SyncOptions,
) -> SyncReport {
    let mut report = SyncReport {
        account: account.to_string(),
        ..SyncReport::default()
    };
    if let Err(e) = run(store, remote, account, opts, &mut report) {
        report.error = Some(e.to_string());
    }
    report.pending = store.sync_pending_count(Some(account)).unwrap_or(0);
    report
}

fn run(
    store: &mut Store,
    remote: &mut dyn Remote,
    account: &str,
    opts: SyncOptions,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let progress = opts.progress;
    let cursor = store.sync_cursor(account)?;
    remote.begin(cursor.as_deref());
    let feeds: HashMap<String, RemoteFeed> = remote
        .subscriptions()?
        .into_iter()
        .map(|f| (f.id.clone(), f))
        .collect();
    report.feeds = feeds.len();
    let stored: Vec<AccountFeed> = feeds.values().map(|f| f.stored(account)).collect();
    store.sync_set_feeds(account, &stored)?;
    if apply_changes(store, remote, account, cursor.as_deref(), &feeds, report)? {
        progress(&format!("{account}: {} feeds, changes read", feeds.len()));
        let queue = store.sync_pending(account)?;
        report.marks_up += push(store, remote, account, queue)?;
        return Ok(());
    }
    let state = remote.state()?;
    let known = store.sync_known(account)?;
    let pending = store.sync_pending(account)?;
    let (server_wins, keep) = settle(&state, &known, pending);
    store.sync_settled(account, &server_wins)?;
    let marks = server_marks(&state, &known);
    report.marks_down += store.sync_write(account, &[], &marks, None)?.marks;
    progress(&format!("{account}: {} feeds, marks compared", feeds.len()));

    let mut fetched: HashSet<String> = HashSet::new();
    let mut cursor = cursor;
    loop {
        let page = remote.items(cursor.as_deref(), opts.since)?;
        fetched.extend(page.items.iter().map(|i| i.id.clone()));
        let items = to_store(&page.items, &feeds);
        let w = store.sync_write(account, &items, &[], page.cursor.as_deref())?;
        report.added += w.added;
        report.updated += w.updated;
        report.marks_down += w.marks;
        crate::crashpoint::reached(crate::crashpoint::Point::SyncPage);
        progress(&format!("{account}: {} new articles", report.added));
        if page.cursor.is_some() {
            cursor = page.cursor;
        }
        if !page.more || page.items.is_empty() {
            break;
        }
    }

    // Unread and starred items older than the first sync's horizon.
    let missing: Vec<String> = state
        .unread
        .iter()
        .chain(&state.starred)
        .filter(|id| !known.contains_key(*id) && !fetched.contains(*id))
        .cloned()
        .collect::<HashSet<_>>()
        .into_iter()
        .take(BY_ID_MAX)
        .collect();
    for chunk in missing.chunks(BY_ID_BATCH) {
        let items = remote.items_by_id(chunk)?;
        let w = store.sync_write(account, &to_store(&items, &feeds), &[], None)?;
        report.added += w.added;
        report.updated += w.updated;
        report.marks_down += w.marks;
    }
    // From now on the server's list of changes, where it has one, replaces
    // the whole state and the new items.
    if let Some(next) = remote.changes_cursor() {
        store.sync_write(account, &[], &[], Some(&next))?;
    }

    report.marks_up += push(store, remote, account, keep)?;
    Ok(())
}

/// Takes what changed on the server since the last sync, a page at a
/// time: the queued marks of the page's items are settled by the conflict
/// rule, the items are stored with their marks. A queued mark of an item
/// the server did not change stays queued, to be sent. False: the API
/// lists no changes from this cursor.
fn apply_changes(
    store: &mut Store,
    remote: &mut dyn Remote,
    account: &str,
    cursor: Option<&str>,
    feeds: &HashMap<String, RemoteFeed>,
    report: &mut SyncReport,
) -> Result<bool, SyncError> {
    let known = store.sync_known(account)?;
    let mut offset = 0;
    loop {
        let Some(page) = remote.changes(cursor, offset)? else {
            return Ok(offset > 0);
        };
        let mut state = RemoteState::default();
        for item in &page.items {
            if !item.read {
                state.unread.insert(item.id.clone());
            }
            if item.starred {
                state.starred.insert(item.id.clone());
            }
            if let Some(t) = item.changed {
                state.changed.insert(item.id.clone(), t);
            }
        }
        let ids: HashSet<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
        let touched: Vec<QueuedMark> = store
            .sync_pending(account)?
            .into_iter()
            .filter(|q| ids.contains(q.remote_id.as_str()))
            .collect();
        let (server_wins, _) = settle(&state, &known, touched);
        store.sync_settled(account, &server_wins)?;
        // The cursor moves with the last page only: a sync cut short reads
        // the same changes again, which are the same marks.
        let last = (!page.more).then_some(page.cursor.as_str());
        let w = store.sync_write(account, &to_store(&page.items, feeds), &[], last)?;
        crate::crashpoint::reached(crate::crashpoint::Point::SyncPage);
        report.added += w.added;
        report.updated += w.updated;
        report.marks_down += w.marks;
        offset += page.items.len();
        if !page.more || page.items.is_empty() {
            return Ok(true);
        }
    }
}

/// Splits the queue by the conflict rule: the changes the server's newer
/// state overrides or already has (to drop), and those to send.
fn settle(
    state: &RemoteState,
    known: &HashMap<String, SyncedState>,
    pending: Vec<QueuedMark>,
) -> (Vec<QueuedMark>, Vec<QueuedMark>) {
    let mut drop = Vec::new();
    let mut keep = Vec::new();
    for q in pending {
        if !known.contains_key(&q.remote_id) {
            keep.push(q);
            continue;
        }
        let server = server_value(state, &q.remote_id, q.mark);
        let newer_on_server = state
            .changed
            .get(&q.remote_id)
            .is_some_and(|&t| t > q.changed);
        if server == q.value || newer_on_server {
            drop.push(q);
        } else {
            keep.push(q);
        }
    }
    (drop, keep)
}

fn server_value(state: &RemoteState, id: &str, mark: SyncMark) -> bool {
    match mark {
        SyncMark::Read => !state.unread.contains(id),
        SyncMark::Starred => state.starred.contains(id),
    }
}

/// The marks of known items that differ from the server's (the store
/// leaves alone any still queued).
fn server_marks(state: &RemoteState, known: &HashMap<String, SyncedState>) -> Vec<ServerMark> {
    let mut out = Vec::new();
    for (id, local) in known {
        for (mark, value) in [
            (SyncMark::Read, local.read),
            (SyncMark::Starred, local.starred),
        ] {
            let server = server_value(state, id, mark);
            if server != value {
                out.push(ServerMark {
                    remote_id: id.clone(),
                    mark,
                    value: server,
                });
            }
        }
    }
    out
}

/// Sends the queue in batches; each batch leaves the queue once the server
/// took it. Returns how many marks went up.
fn push(
    store: &mut Store,
    remote: &mut dyn Remote,
    account: &str,
    queue: Vec<QueuedMark>,
) -> Result<usize, SyncError> {
    let mut by_op: HashMap<MarkOp, Vec<QueuedMark>> = HashMap::new();
    for q in queue {
        let op = match (q.mark, q.value) {
            (SyncMark::Read, true) => MarkOp::Read,
            (SyncMark::Read, false) => MarkOp::Unread,
            (SyncMark::Starred, true) => MarkOp::Star,
            (SyncMark::Starred, false) => MarkOp::Unstar,
        };
        by_op.entry(op).or_default().push(q);
    }
    let mut sent = 0;
    for op in [MarkOp::Read, MarkOp::Unread, MarkOp::Star, MarkOp::Unstar] {
        let Some(list) = by_op.get(&op) else { continue };
        for chunk in list.chunks(MARK_BATCH) {
            let ids: Vec<String> = chunk.iter().map(|q| q.remote_id.clone()).collect();
            remote.mark(&ids, op)?;
            crate::crashpoint::reached(crate::crashpoint::Point::SyncMarksSent);
            store.sync_settled(account, chunk)?;
            sent += chunk.len();
        }
    }
    Ok(sent)
}

/// Remote items as articles to store. Making an article (HTML to text,
/// language, keys, compressed body) is most of a first sync's work: it is
/// spread over the cores, as an import's parsing is.
fn to_store(items: &[RemoteItem], feeds: &HashMap<String, RemoteFeed>) -> Vec<SyncedItem> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || items.len() < 32 {
        return items.iter().map(|i| synced_item(i, feeds)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|i| synced_item(i, feeds))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect::<Vec<SyncedItem>>()
    })
}

fn synced_item(item: &RemoteItem, feeds: &HashMap<String, RemoteFeed>) -> SyncedItem {
    let feed = feeds.get(&item.feed_id);
    let feed_url = feed.map_or_else(|| format!("sync:{}", item.feed_id), |f| f.url.clone());
    let article = to_article(item, feed, &feed_url);
    SyncedItem {
        remote_id: item.id.clone(),
        feed_id: item.feed_id.clone(),
        feed_url,
        article: Prepared::new(article),
        read: Some(item.read),
        starred: Some(item.starred),
    }
}

/// An article from a remote item: its id comes from its URL as a local
/// feed's or page's would, so the store's duplicate keys find them.
pub(crate) fn to_article(item: &RemoteItem, feed: Option<&RemoteFeed>, feed_url: &str) -> Article {
    let url = item.url.clone().filter(|u| !u.trim().is_empty());
    let base = url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let mut article = Article {
        title: item.title.clone(),
        source: feed.map(|f| f.title.clone()).filter(|t| !t.is_empty()),
        url,
        byline: item.author.clone().filter(|a| !a.trim().is_empty()),
        published: item.published,
        ..Article::default()
    };
    let links = html_to_text(&item.html, base.as_ref()).into_body(&mut article);
    article.links = links;
    if article.title.trim().is_empty() {
        article.title = article
            .body
            .first()
            .map(|p| p.chars().take(80).collect::<String>())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "(untitled)".to_string());
    }
    if article.url.is_none() {
        article.guid = Some(item.id.clone());
    }
    article.id = feed_item_id(&article, feed_url);
    article
}
