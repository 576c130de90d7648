//! What the sync engine keeps in the store: which stored article each
//! remote item is, each account's cursor, and the queue of marks waiting to
//! go up (filled by triggers on `marks`, see the schema). The engine's own
//! writes of the server's state must not go back up: they run in one
//! transaction that drops the queue rows it added for its account.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::prepare::Prepared;
use super::write::{Checks, write_rows};
use super::{Origin, Result, Store, Undated, now, sql_err};

/// A mark as feed servers know them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncMark {
    Read,
    Starred,
}

impl SyncMark {
    fn as_str(self) -> &'static str {
        match self {
            SyncMark::Read => "read",
            SyncMark::Starred => "starred",
        }
    }

    fn column(self) -> &'static str {
        match self {
            SyncMark::Read => "read",
            SyncMark::Starred => "bookmarked",
        }
    }
}

/// The newest queued change of one mark of one remote item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMark {
    pub remote_id: String,
    pub mark: SyncMark,
    pub value: bool,
    /// When it was made locally (seconds since the epoch).
    pub changed: i64,
    /// Its place in the queue: sending it settles every older change of
    /// the same mark, never a newer one.
    pub seq: i64,
}

/// A remote item to store, with the server's state of its marks where the
/// engine decided the server wins (None: the local mark stays).
pub struct SyncedItem {
    pub remote_id: String,
    pub feed_id: String,
    pub feed_url: String,
    pub article: Prepared,
    pub read: Option<bool>,
    pub starred: Option<bool>,
}

/// One mark of a known remote item set to the server's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerMark {
    pub remote_id: String,
    pub mark: SyncMark,
    pub value: bool,
}

/// What a sync write changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncWritten {
    pub added: usize,
    pub updated: usize,
    pub marks: usize,
}

/// A remote item's stored article and its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncedState {
    pub article_id: String,
    pub feed_id: String,
    pub read: bool,
    pub starred: bool,
}

impl Store {
    /// The marks waiting to go up for an account: the newest change of each
    /// mark of each item, oldest first.
    pub fn sync_pending(&self, account: &str) -> Result<Vec<QueuedMark>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT remote_id, mark, value, changed, seq FROM sync_queue q
                 WHERE account = ?1 AND seq = (SELECT max(seq) FROM sync_queue
                   WHERE account = q.account AND remote_id = q.remote_id AND mark = q.mark)
                 ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([account], |r| {
            let mark: String = r.get(1)?;
            Ok(QueuedMark {
                remote_id: r.get(0)?,
                mark: if mark == "read" {
                    SyncMark::Read
                } else {
                    SyncMark::Starred
                },
                value: r.get::<_, i64>(2)? != 0,
                changed: r.get(3)?,
                seq: r.get(4)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.err(e))
    }

    /// How many marks wait to go up (one per mark of an item), for one
    /// account or all.
    pub fn sync_pending_count(&self, account: Option<&str>) -> Result<usize> {
        self.conn
            .query_row(
                "SELECT count(*) FROM (SELECT DISTINCT account, remote_id, mark
                 FROM sync_queue WHERE ?1 IS NULL OR account = ?1)",
                [account],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.err(e))
    }

    /// Drops queued changes the server now has (or that lost to a newer
    /// change on the server): each one and the older changes of its mark.
    pub fn sync_settled(&mut self, account: &str, settled: &[QueuedMark]) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "DELETE FROM sync_queue
                     WHERE account = ?1 AND remote_id = ?2 AND mark = ?3 AND seq <= ?4",
                )
                .map_err(err)?;
            for q in settled {
                stmt.execute(params![account, q.remote_id, q.mark.as_str(), q.seq])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Every known remote item of an account with its article's marks.
    pub fn sync_known(&self, account: &str) -> Result<HashMap<String, SyncedState>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.remote_id, s.article_id, s.feed_id,
                        coalesce(m.read, 0), coalesce(m.bookmarked, 0)
                 FROM sync_items s LEFT JOIN marks m ON m.article_id = s.article_id
                 WHERE s.account = ?1",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([account], |r| {
            Ok((
                r.get::<_, String>(0)?,
                SyncedState {
                    article_id: r.get(1)?,
                    feed_id: r.get(2)?,
                    read: r.get::<_, i64>(3)? != 0,
                    starred: r.get::<_, i64>(4)? != 0,
                },
            ))
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.err(e))
    }

    /// The account's cursor (where the next sync asks for new items).
    pub fn sync_cursor(&self, account: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT cursor FROM sync_accounts WHERE account = ?1",
                [account],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()
            .map(Option::flatten)
            .map_err(|e| self.err(e))
    }

    /// Stores remote items, sets marks to the server's state and moves the
    /// cursor, in one transaction: a sync cut short resumes from the last
    /// cursor with nothing half written.
    pub fn sync_write(
        &mut self,
        account: &str,
        items: &[SyncedItem],
        marks: &[ServerMark],
        cursor: Option<&str>,
    ) -> Result<SyncWritten> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let rules = self.ignore.clone();
        let tx = self.conn.transaction().map_err(err)?;
        let before: i64 = tx
            .query_row("SELECT coalesce(max(seq), 0) FROM sync_queue", [], |r| {
                r.get(0)
            })
            .map_err(err)?;
        let mut written = SyncWritten::default();
        let checks = Checks {
            restoring: false,
            rules: rules.as_deref(),
        };
        let mut clock = Undated::now();
        // One write per feed of the page: each write sets up its checks
        // (ignore rules, tombstones, keys) once for all its rows.
        for (feed_url, group) in by_feed(items) {
            let stats = write_rows(
                &tx,
                None,
                checks,
                &group,
                Origin::User,
                Some(feed_url),
                &mut clock,
            )
            .map_err(err)?;
            written.added += stats.added;
            written.updated += stats.updated;
        }
        for item in items {
            let id = stored_id(&tx, &item.article).map_err(err)?;
            tx.prepare_cached(
                "INSERT INTO sync_items (account, remote_id, article_id, feed_id)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (account, remote_id) DO UPDATE SET article_id = ?3, feed_id = ?4",
            )
            .map_err(err)?
            .execute(params![account, item.remote_id, id, item.feed_id])
            .map_err(err)?;
            for (mark, value) in [
                (SyncMark::Read, item.read),
                (SyncMark::Starred, item.starred),
            ] {
                if let Some(v) = value
                    && !queued(&tx, account, &item.remote_id, mark).map_err(err)?
                {
                    written.marks += set_mark(&tx, &id, mark, v).map_err(err)?;
                }
            }
        }
        for m in marks {
            let id: Option<String> = tx
                .prepare_cached(
                    "SELECT article_id FROM sync_items WHERE account = ?1 AND remote_id = ?2",
                )
                .map_err(err)?
                .query_row(params![account, m.remote_id], |r| r.get(0))
                .optional()
                .map_err(err)?;
            if let Some(id) = id
                && !queued(&tx, account, &m.remote_id, m.mark).map_err(err)?
            {
                written.marks += set_mark(&tx, &id, m.mark, m.value).map_err(err)?;
            }
        }
        // The server's own state, set just now, is not a change to send.
        tx.execute(
            "DELETE FROM sync_queue WHERE account = ?1 AND seq > ?2",
            params![account, before],
        )
        .map_err(err)?;
        set_cursor(&tx, account, cursor).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(written)
    }

    /// Forgets an account: its item map, queue and cursor (its articles
    /// stay, as a removed subscription's bookmarked ones do).
    pub fn sync_forget(&mut self, account: &str) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        for table in ["sync_items", "sync_queue", "sync_accounts", "sync_feeds"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE account = ?1"),
                [account],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }
}

/// The items' articles grouped by feed, feeds in order of first
/// appearance, items in page order within each.
fn by_feed(items: &[SyncedItem]) -> Vec<(&str, Vec<Prepared>)> {
    let mut groups: Vec<(&str, Vec<Prepared>)> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|(url, _)| *url == item.feed_url) {
            Some((_, group)) => group.push(item.article.clone()),
            None => groups.push((&item.feed_url, vec![item.article.clone()])),
        }
    }
    groups
}

/// The id the article was stored under: its own, or that of the earlier
/// version (or duplicate) the store's keys found. An article kept out (a
/// tombstone, an ignore rule) keeps its own id, so that it is not asked for
/// again.
fn stored_id(conn: &Connection, p: &Prepared) -> rusqlite::Result<String> {
    let a = &p.article;
    let found: Option<String> = conn
        .prepare_cached(
            "SELECT id FROM (
                 SELECT 0 AS rank, id FROM articles WHERE id = ?1
                 UNION ALL
                 SELECT * FROM (SELECT 1, id FROM articles
                                WHERE ?2 IS NOT NULL AND url_key = ?2 LIMIT 1)
                 UNION ALL
                 SELECT * FROM (SELECT 2, id FROM articles
                                WHERE ?3 IS NOT NULL AND text_key = ?3 LIMIT 1))
             ORDER BY rank LIMIT 1",
        )?
        .query_row(params![a.id, p.keys.url, p.keys.text], |r| r.get(0))
        .optional()?;
    Ok(found.unwrap_or_else(|| a.id.clone()))
}

/// Sets one mark when it differs; returns 1 when it changed.
fn set_mark(tx: &Transaction, id: &str, mark: SyncMark, on: bool) -> rusqlite::Result<usize> {
    let column = mark.column();
    let sql = format!(
        "INSERT INTO marks (article_id, {column}, updated) VALUES (?1, ?2, ?3)
         ON CONFLICT (article_id) DO UPDATE SET {column} = ?2, updated = ?3
         WHERE {column} <> ?2"
    );
    let on = i64::from(on);
    let exists: bool = tx
        .prepare_cached(&format!(
            "SELECT 1 FROM marks WHERE article_id = ?1 AND {column} = ?2"
        ))?
        .exists(params![id, on])?;
    if exists || (on == 0 && !has_marks(tx, id)?) {
        return Ok(0);
    }
    tx.prepare_cached(&sql)?.execute(params![id, on, now()])
}

/// A local change of the mark still waits to go up: it wins over the
/// server's state (the engine drops the ones that lose first).
fn queued(
    tx: &Transaction,
    account: &str,
    remote_id: &str,
    mark: SyncMark,
) -> rusqlite::Result<bool> {
    tx.prepare_cached(
        "SELECT 1 FROM sync_queue WHERE account = ?1 AND remote_id = ?2 AND mark = ?3",
    )?
    .exists(params![account, remote_id, mark.as_str()])
}

fn has_marks(tx: &Transaction, id: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached("SELECT 1 FROM marks WHERE article_id = ?1")?
        .exists([id])
}

fn set_cursor(tx: &Transaction, account: &str, cursor: Option<&str>) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_accounts (account, cursor, last_sync) VALUES (?1, ?2, ?3)
         ON CONFLICT (account) DO UPDATE SET cursor = coalesce(?2, cursor), last_sync = ?3",
    )?
    .execute(params![account, cursor, now()])
    .map(drop)
}
