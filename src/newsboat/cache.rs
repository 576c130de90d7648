//! newsboat's `cache.db`, opened read-only: its feeds and their items
//! (deleted ones left out), with read state and flags.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

/// Why the cache could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct CacheError {
    pub path: PathBuf,
    pub message: String,
}

/// A feed of the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheFeed {
    pub rssurl: String,
    pub title: String,
}

/// An item of the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheItem {
    pub guid: String,
    pub title: String,
    pub author: String,
    pub url: String,
    pub feedurl: String,
    /// Seconds since the epoch; 0 when unknown.
    pub pub_date: i64,
    /// HTML, as the feed gave it.
    pub content: String,
    pub unread: bool,
    /// newsboat's flag letters (`a`–`z`, `A`–`Z`).
    pub flags: String,
    /// The address relative links in `content` start from.
    pub base: String,
}

/// The most of an item's content read: a bound on what one item of a
/// damaged or hostile cache can make the import hold.
pub const MAX_CONTENT: usize = 4 << 20;

/// The cache, open for reading only: nothing of newsboat's is changed.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

impl Cache {
    /// Opens `path` read-only; a file that is not a newsboat cache is an
    /// error naming it.
    pub fn open(path: &Path) -> Result<Cache, CacheError> {
        let err = |message: String| CacheError {
            path: path.into(),
            message,
        };
        if !path.is_file() {
            return Err(err("no such file".into()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| err(e.to_string()))?;
        // newsboat may be running and writing: wait for it a little.
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| err(e.to_string()))?;
        let cache = Cache {
            conn,
            path: path.into(),
        };
        let has = |table: &str| -> Result<bool, CacheError> {
            cache
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n > 0)
                .map_err(|e| cache.err(e))
        };
        if !has("rss_item")? || !has("rss_feed")? {
            return Err(err(
                "not a newsboat cache (no rss_item and rss_feed tables)".into(),
            ));
        }
        Ok(cache)
    }

    fn err(&self, e: rusqlite::Error) -> CacheError {
        CacheError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Every feed the cache holds.
    pub fn feeds(&self) -> Result<Vec<CacheFeed>, CacheError> {
        let mut stmt = self
            .conn
            .prepare("SELECT rssurl, title FROM rss_feed ORDER BY rowid")
            .map_err(|e| self.err(e))?;
        stmt.query_map([], |r| {
            Ok(CacheFeed {
                rssurl: r.get(0)?,
                title: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.err(e))
    }

    /// The feed addresses items belong to (also of feeds no longer listed).
    pub fn item_feeds(&self) -> Result<Vec<String>, CacheError> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT feedurl FROM rss_item WHERE deleted = 0 ORDER BY feedurl")
            .map_err(|e| self.err(e))?;
        stmt.query_map([], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))
    }

    /// The items of one feed that are not deleted, newest first.
    pub fn items(&self, feedurl: &str) -> Result<Vec<CacheItem>, CacheError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT guid, title, author, url, feedurl, pubDate,
                        substr(content, 1, ?2), unread, flags, base
                 FROM rss_item WHERE feedurl = ?1 AND deleted = 0
                 ORDER BY pubDate DESC, id DESC",
            )
            .map_err(|e| self.err(e))?;
        let text = |r: &rusqlite::Row, i| -> rusqlite::Result<String> {
            Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
        };
        stmt.query_map(rusqlite::params![feedurl, MAX_CONTENT as i64], |r| {
            Ok(CacheItem {
                guid: text(r, 0)?,
                title: text(r, 1)?,
                author: text(r, 2)?,
                url: text(r, 3)?,
                feedurl: text(r, 4)?,
                pub_date: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                content: text(r, 6)?,
                unread: r.get::<_, Option<i64>>(7)?.unwrap_or(1) != 0,
                flags: text(r, 8)?,
                base: text(r, 9)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.err(e))
    }
}
