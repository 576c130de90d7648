//! A remote store of feeds and marks: what the sync engine asks of every
//! feed server, whatever its API.

use std::collections::{HashMap, HashSet};

/// A subscription on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFeed {
    /// The server's id for it.
    pub id: String,
    pub title: String,
    /// The feed's own address.
    pub url: String,
    pub site_url: Option<String>,
    /// The folders (categories, groups) it is in.
    pub folders: Vec<String>,
}

impl RemoteFeed {
    /// As the store keeps it for `account`, its texts without control
    /// characters (they reach the terminal in messages too).
    pub fn stored(&self, account: &str) -> crate::store::AccountFeed {
        let clean = |s: &str| crate::text::controls::without_controls(s).into_owned();
        crate::store::AccountFeed {
            account: account.to_string(),
            feed_id: self.id.clone(),
            url: self.url.clone(),
            title: clean(&self.title),
            folders: self.folders.iter().map(|f| clean(f)).collect(),
        }
    }
}

/// An article on the server, with its marks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RemoteItem {
    /// The server's id for it.
    pub id: String,
    pub feed_id: String,
    pub title: String,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Seconds since the epoch.
    pub published: Option<i64>,
    /// The article's HTML as the server has it.
    pub html: String,
    pub read: bool,
    pub starred: bool,
    /// When the server last changed its marks, if it says.
    pub changed: Option<i64>,
}

/// A page of new items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemPage {
    pub items: Vec<RemoteItem>,
    /// Where the next page (or next sync) starts; opaque to the engine.
    pub cursor: Option<String>,
    /// More pages follow at once.
    pub more: bool,
}

/// The server's marks of every item it keeps state for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoteState {
    pub unread: HashSet<String>,
    pub starred: HashSet<String>,
    /// When the server last changed an item's marks, where it says.
    pub changed: HashMap<String, i64>,
}

/// A page of what came or changed on the server since a cursor of
/// [`Remote::changes`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Items that came or whose marks changed, with their marks now.
    pub items: Vec<RemoteItem>,
    /// Where the next sync's changes start, once every page is read.
    pub cursor: String,
    /// More pages follow (from `offset` plus this page's items).
    pub more: bool,
}

/// A change of a mark sent to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkOp {
    Read,
    Unread,
    Star,
    Unstar,
}

/// Why a request failed, with what the server said.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemoteError {
    #[error("the server refused the user name or password ({0})")]
    Auth(String),
    #[error("rate limited by the server{}", retry_after.map(|s| format!(": retry in {s} s")).unwrap_or_default())]
    RateLimited { retry_after: Option<u64> },
    #[error("cannot reach the server: {0}")]
    Unreachable(String),
    #[error("the server timed out")]
    Timeout,
    #[error("the server answered {status}: {message}")]
    Server { status: u16, message: String },
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
    #[error("{0}")]
    Unsupported(&'static str),
}

impl RemoteError {
    /// A failure worth trying again at the next sync, with nothing wrong
    /// in the account itself.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            RemoteError::Timeout | RemoteError::Unreachable(_) | RemoteError::RateLimited { .. }
        )
    }
}

pub type RemoteResult<T> = Result<T, RemoteError>;

/// A feed server's account.
pub trait Remote {
    /// A sync begins from `cursor` (the one the last sync left), before
    /// any other call: a client may ask ahead what the sync will want.
    fn begin(&mut self, cursor: Option<&str>) {
        let _ = cursor;
    }
    /// The subscriptions with their folders.
    fn subscriptions(&mut self) -> RemoteResult<Vec<RemoteFeed>>;
    /// New items after `cursor` (None: the first sync, back to `since`,
    /// seconds since the epoch), a page at a time.
    fn items(&mut self, cursor: Option<&str>, since: i64) -> RemoteResult<ItemPage>;
    /// Items by id (a few hundred at most per call).
    fn items_by_id(&mut self, ids: &[String]) -> RemoteResult<Vec<RemoteItem>>;
    /// The ids of every unread and every starred item.
    fn state(&mut self) -> RemoteResult<RemoteState>;
    /// A page, from `offset`, of the items that came or whose marks
    /// changed since `cursor`, where the API can list them and `cursor` is
    /// one that [`Remote::changes_cursor`] or an earlier call gave. None:
    /// the engine reads the whole state and the new items instead.
    fn changes(&mut self, cursor: Option<&str>, offset: usize) -> RemoteResult<Option<Changes>> {
        let _ = (cursor, offset);
        Ok(None)
    }
    /// After a sync that read the whole state: the cursor from which
    /// [`Remote::changes`] lists what comes next (None: the API cannot).
    fn changes_cursor(&self) -> Option<String> {
        None
    }
    /// Changes one mark of items.
    fn mark(&mut self, ids: &[String], op: MarkOp) -> RemoteResult<()>;
    /// Marks every item of a feed read up to `before` (seconds).
    fn mark_feed_read(&mut self, feed_id: &str, before: i64) -> RemoteResult<()>;
    /// Subscribes; the server's feed. Errors with `Unsupported` where the
    /// API cannot.
    fn subscribe(&mut self, url: &str, folder: Option<&str>) -> RemoteResult<RemoteFeed>;
    /// Unsubscribes.
    fn unsubscribe(&mut self, feed_id: &str) -> RemoteResult<()>;
    /// Gives a subscription a title of the user's.
    fn rename(&mut self, feed_id: &str, title: &str) -> RemoteResult<()>;
    /// Moves a subscription from the folders `from` (where it is now) to
    /// `to`; the folders it is in afterwards (an API with one folder per
    /// feed keeps the first).
    fn set_folders(
        &mut self,
        feed_id: &str,
        from: &[String],
        to: &[String],
    ) -> RemoteResult<Vec<String>>;
    /// The token the server handed out, to keep between runs (None: none).
    fn token(&self) -> Option<String> {
        None
    }
}
