//! Tombstones: what is kept of a removed article (its id, URL key and text
//! key, its feed, when it was removed and when a write last offered it
//! again), so that the next fetch, refresh or import does not bring it
//! back. Undo takes its tombstone away.
//!
//! Bounds (see ARCHITECTURE.md): after a feed's articles are written, its
//! tombstones that no write has offered for `UNSEEN_DAYS` are dropped (the
//! feed no longer serves them: a feed that still does refreshes them in
//! that very write); and each removal keeps at most `MAX_TOMBSTONES`, the
//! ones offered or removed most recently.

use rusqlite::{Connection, OptionalExtension, params};

use super::prepare::Keys;
use super::{Result, Store, now};

/// Days a feed's tombstone is kept once no write offers its article.
pub const UNSEEN_DAYS: i64 = 30;

/// Tombstones kept at most, the most recently seen.
pub const MAX_TOMBSTONES: usize = 50_000;

/// The identity of an article being removed.
pub(super) struct Buried<'a> {
    pub id: &'a str,
    pub url_key: Option<&'a str>,
    pub text_key: Option<&'a str>,
    pub feed_url: Option<&'a str>,
}

/// Records a tombstone (in the transaction that deletes the article).
pub(super) fn bury(conn: &Connection, b: &Buried<'_>, at: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO tombstones (id, url_key, text_key, feed_url, removed, seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![b.id, b.url_key, b.text_key, b.feed_url, at])
    .map(drop)
}

/// True when the store has any tombstone: writes look for them only then.
pub(super) fn any(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM tombstones LIMIT 1")?
        .query_row([], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// True when an incoming article is one that was removed (same id, URL key
/// or text key); its tombstones are then marked as seen at `at`. Looking
/// is one statement of three index probes; only a match writes.
pub(super) fn offered(conn: &Connection, id: &str, keys: &Keys, at: i64) -> rusqlite::Result<bool> {
    let found = conn
        .prepare_cached(
            "SELECT 1 FROM tombstones WHERE id = ?1
             UNION ALL SELECT 1 FROM tombstones WHERE ?2 IS NOT NULL AND url_key = ?2
             UNION ALL SELECT 1 FROM tombstones WHERE ?3 IS NOT NULL AND text_key = ?3
             LIMIT 1",
        )?
        .query_row(params![id, keys.url, keys.text], |_| Ok(()))
        .optional()?
        .is_some();
    if found {
        conn.prepare_cached(
            "UPDATE tombstones SET seen = max(seen, ?4)
             WHERE id = ?1 OR url_key = ?2 OR text_key = ?3",
        )?
        .execute(params![id, keys.url, keys.text, at])?;
    }
    Ok(found)
}

/// Takes an article's tombstone away (undo).
pub(super) fn forget(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM tombstones WHERE id = ?1")?
        .execute([id])
        .map(drop)
}

/// Drops a feed's tombstones not offered since `before`.
fn drop_unseen(conn: &Connection, feed_url: &str, before: i64) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM tombstones WHERE feed_url = ?1 AND seen < ?2")?
        .execute(params![feed_url, before])
}

/// Drops all tombstones but the `max` most recently seen (a walk of the
/// `seen` index up to `max` entries).
pub(super) fn cap(conn: &Connection, max: usize) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "DELETE FROM tombstones WHERE id IN
            (SELECT id FROM tombstones ORDER BY seen DESC, id DESC LIMIT -1 OFFSET ?1)",
    )?
    .execute([i64::try_from(max).unwrap_or(i64::MAX)])
}

impl Store {
    /// Drops the tombstones of a feed that no write has offered for
    /// `UNSEEN_DAYS`: called after the feed's articles are written, which
    /// refreshes the ones it still serves.
    pub(super) fn drop_unseen_tombstones(&self, feed_url: &str) -> Result<usize> {
        let before = now() - UNSEEN_DAYS * 24 * 60 * 60;
        drop_unseen(&self.conn, feed_url, before).map_err(|e| self.err(e))
    }

    /// How many removed articles are remembered.
    pub fn tombstone_count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM tombstones", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.err(e))
    }

    /// True when an article with this id was removed (and not put back).
    pub fn was_removed(&self, id: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM tombstones WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |_| Ok(())).optional())
            .map(|found| found.is_some())
            .map_err(|e| self.err(e))
    }
}
