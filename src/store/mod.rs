//! The article store: one SQLite database in the data directory (WAL mode,
//! versioned schema). Nothing outside this module knows it is SQLite.

pub(crate) mod blocks;
pub(crate) mod body;
mod bookmarked;
mod counts;
mod error;
mod feeds;
mod files;
mod filter;
mod ignored;
mod index;
mod known;
mod list;
mod marks;
mod migrations;
mod neighbours;
mod open;
mod order;
mod prepare;
mod ranking;
mod ranks;
mod read;
mod removal;
mod schema;
mod spelled;
mod stops;
mod sync;
mod sync_feeds;
mod texts;
mod tombstones;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use bookmarked::Bookmarked;
pub use counts::{FeedCounts, GroupCount};
pub use error::StoreError;
use error::sql_err;
pub use feeds::FeedState;
pub use files::FileStamp;
pub use filter::Filter;
pub use ignored::IgnoredSummary;
pub use index::{IndexState, Indexer};
pub use prepare::{Prepared, Undated};
pub use ranking::FirstPage;
pub use ranks::{Ranks, RanksToken, SAMPLED_FROM};
pub use texts::ArticleText;
pub use tombstones::{MAX_TOMBSTONES, UNSEEN_DAYS};
// Where the sidebar and the CLI have always found them.
pub use crate::index::{AlsoIn, Similar};
pub use marks::{Mark, MarkChange, MarkState};
pub use order::{Anchor, FeedKey, Order, ReadingStop, Seek};
pub use removal::Removed;
pub use sync::{QueuedMark, ServerMark, SyncMark, SyncWritten, SyncedItem, SyncedState};
pub use sync_feeds::AccountFeed;

/// A row of the list pane: what is needed to draw it and nothing more.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<i64>,
    pub bookmarked: bool,
    pub read: bool,
}

/// Where an article came from: the built-in samples or the user's imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    User,
}

impl Origin {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Origin::Embedded => "embedded",
            Origin::User => "user",
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertStats {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Articles not stored because they were removed earlier (tombstones).
    pub removed_skipped: usize,
    /// New articles kept out by an ignore rule (stored apart).
    pub ignored: usize,
}

type Result<T> = std::result::Result<T, StoreError>;

/// An open article store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The stored articles' keys, while an import's bulk transaction is
    /// open (see `begin_bulk`).
    known: Option<known::KnownKeys>,
    /// Ignore rules applied to arriving articles (`ignored.rs`).
    ignore: Option<std::sync::Arc<crate::ignore::IgnoreRules>>,
    /// Sampled row numbers of the list shown (`ranks.rs`).
    ranks: ranks::RanksSlot,
    /// The words the last typed prefix began (`spelled.rs`).
    spelled: spelled::WordsSlot,
}

impl Store {
    /// Prepares the connection for a large write (import, fetch): a page
    /// cache big enough that the batch's index pages stay in memory.
    /// The cache is an upper bound: pages are only held once read.
    pub fn bulk_writes(&self) {
        let _ = self.conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB);
    }

    /// Opens a transaction that the next `upsert_batch` calls join until
    /// `commit_bulk` (it is atomic as a whole; a failed batch ends the
    /// import, and closing the store rolls the transaction back). Fewer
    /// commits write the pages of the article indexes fewer times: their
    /// keys are random, so every batch touches most of their pages.
    ///
    /// `written` is how many articles the import has stored so far: when
    /// that is large next to the store, the stored articles' keys are read
    /// into memory, so that new articles are stored without looking for
    /// earlier versions of them (`known.rs`).
    pub fn begin_bulk(&mut self, written: usize) -> Result<()> {
        if !self.conn.is_autocommit() {
            return Ok(());
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        if known::worth_loading(self.count(&Filter::all())?, written) {
            self.known = Some(known::KnownKeys::load(&self.conn).map_err(|e| self.err(e))?);
        }
        Ok(())
    }

    /// While `deferred`, commits leave what they wrote in the write-ahead
    /// log and skip SQLite's automatic checkpoint (the copy of the log into
    /// the store file): other processes see the articles, and they are as
    /// durable, as soon as the commit returns. The copy is then made by the
    /// next commit after checkpoints are no longer deferred, or when the
    /// store is closed. An import defers the checkpoint of its last commit,
    /// so that its articles are stored without waiting for it.
    pub fn defer_checkpoints(&self, deferred: bool) -> Result<()> {
        // SQLite's default: a checkpoint once the log passes 1,000 pages.
        let pages = if deferred { 0 } else { 1000 };
        self.conn
            .pragma_update(None, "wal_autocheckpoint", pages)
            .map_err(|e| self.err(e))
    }

    /// Commits what the batches since `begin_bulk` wrote.
    pub fn commit_bulk(&mut self) -> Result<()> {
        self.known = None;
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// True when the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// A handle that stops, from another thread, the query this store's
    /// connection is running (it then fails as interrupted).
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// The database file (or `:memory:`).
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_err(&self.path, e)
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

/// The same text as `json` for a list of strings (an article's body),
/// written in one go: the output is sized up front, and text that needs no
/// escaping, most of it, is copied eight bytes at a time.
pub(crate) fn json_strings(items: &[String]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + 3).sum::<usize>() + 2);
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        json_escape_into(&mut out, item);
        out.push('"');
    }
    out.push(']');
    out
}

/// Appends `s` escaped as `serde_json` escapes strings: quotes,
/// backslashes and control characters (short forms where JSON has them,
/// else `\u00xx`); nothing else.
fn json_escape_into(out: &mut String, s: &str) {
    use crate::text::swar;
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(w) = swar::chunk_at(bytes, i)
            && swar::controls(w) | swar::equal(w, b'"') | swar::equal(w, b'\\') == 0
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[copied..i]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(short);
        }
        i += 1;
        copied = i;
    }
    out.push_str(&s[copied..]);
}

/// Page size of new stores, in bytes.
const PAGE_SIZE: i64 = 16384;

/// Page cache of large writes, in KiB (SQLite's default is 2 MiB): the
/// index pages a batch touches stay in memory instead of being written to
/// the WAL mid-transaction and read back.
const BULK_CACHE_KIB: i64 = 64 * 1024;

/// Milliseconds since the epoch: the sort key of undated articles.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests;
