//! Changes: imports (with duplicate detection), marks, removal, and the
//! inverse operations that undo uses. Each is one committed transaction,
//! except the batches of an import's bulk transaction (`begin_bulk`).

use rusqlite::{Connection, OptionalExtension, params};

use super::known::KnownKeys;
use super::prepare::{Keys, Prepared, Undated};
use super::{Filter, Origin, Result, Store, UpsertStats, now, sql_err};
use crate::model::Article;
use xxhash_rust::xxh3::xxh3_64;

/// One of an article's marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bookmarked,
    Read,
}

impl Mark {
    fn column(self) -> &'static str {
        match self {
            Mark::Bookmarked => "bookmarked",
            Mark::Read => "read",
        }
    }
}

/// A change of one mark, as undo needs it: undone only while the mark is
/// still what the change left, so that another process's later change of
/// the same mark, or of the other one, is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkChange {
    pub id: String,
    pub mark: Mark,
    pub before: bool,
}

/// An article's marks, as a removal keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkState {
    pub id: String,
    pub bookmarked: bool,
    pub read: bool,
}

/// A removed article with its marks, enough to put it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub article: Article,
    pub marks: MarkState,
    pub feed_url: Option<String>,
    pub origin: Origin,
}

impl Store {
    /// Sets the bookmark mark; committed before it returns.
    pub fn set_bookmarked(&self, id: &str, on: bool) -> Result<()> {
        self.set_mark(id, Mark::Bookmarked, on)
    }

    /// Sets the read mark; committed before it returns.
    pub fn set_read(&self, id: &str, on: bool) -> Result<()> {
        self.set_mark(id, Mark::Read, on)
    }

    /// Sets one mark; committed before it returns.
    pub fn set_mark(&self, id: &str, mark: Mark, on: bool) -> Result<()> {
        let column = mark.column();
        let sql = format!(
            "INSERT INTO marks (article_id, {column}, updated) VALUES (?1, ?2, ?3)
             ON CONFLICT (article_id) DO UPDATE SET {column} = ?2, updated = ?3"
        );
        self.conn
            .execute(&sql, params![id, i64::from(on), now()])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Undoes changes of marks: each mark goes back to its value before
    /// the change where it still has the value the change left. Returns how
    /// many were undone (the others were changed since, by another process).
    pub fn undo_marks(&mut self, changes: &[MarkChange]) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut undone = 0;
        {
            let t = now();
            for c in changes {
                let column = c.mark.column();
                let sql = format!(
                    "UPDATE marks SET {column} = ?2, updated = ?3
                     WHERE article_id = ?1 AND {column} = ?4"
                );
                let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
                undone += stmt
                    .execute(params![c.id, i64::from(c.before), t, i64::from(!c.before)])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(undone)
    }

    /// Marks every unread article the filter covers as read; returns the
    /// changes (for undo).
    pub fn mark_all_read(&mut self, filter: &Filter) -> Result<Vec<MarkChange>> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let (cond, values) = filter.conditions();
        let tx = self.conn.transaction().map_err(err)?;
        let before: Vec<MarkChange> = {
            let sql = format!(
                "SELECT a.id FROM articles a
                 LEFT JOIN marks m ON m.article_id = a.id
                 WHERE ({cond}) AND coalesce(m.read, 0) = 0"
            );
            let mut stmt = tx.prepare(&sql).map_err(err)?;
            stmt.query_map(rusqlite::params_from_iter(values), |r| {
                Ok(MarkChange {
                    id: r.get(0)?,
                    mark: Mark::Read,
                    before: false,
                })
            })
            .map_err(err)?
            .collect::<rusqlite::Result<_>>()
            .map_err(err)?
        };
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO marks (article_id, read, updated) VALUES (?1, 1, ?2)
                     ON CONFLICT (article_id) DO UPDATE SET read = 1, updated = ?2",
                )
                .map_err(err)?;
            let t = now();
            for s in &before {
                stmt.execute(params![s.id, t]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(before)
    }

    /// Removes an article; returns what undo needs to put it back.
    pub fn remove(&mut self, id: &str) -> Result<Option<Removed>> {
        let Some(article) = self.get(id)? else {
            return Ok(None);
        };
        let (bookmarked, read) = self.marks(id)?;
        let (feed_url, origin): (Option<String>, String) = self
            .conn
            .query_row(
                "SELECT feed_url, origin FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        self.conn
            .execute("DELETE FROM articles WHERE id = ?1", [id])
            .map_err(|e| self.err(e))?;

        let origin = if origin == Origin::Embedded.as_str() {
            Origin::Embedded
        } else {
            Origin::User
        };
        Ok(Some(Removed {
            article,
            marks: MarkState {
                id: id.to_string(),
                bookmarked,
                read,
            },
            feed_url,
            origin,
        }))
    }

    /// Puts a removed article back with its marks (undo).
    pub fn restore(&mut self, removed: &Removed) -> Result<()> {
        self.write(
            std::slice::from_ref(&removed.article),
            removed.origin,
            removed.feed_url.as_deref(),
        )?;
        // Marks outlive their article; they are put back only where none
        // are left, so that changes made since (elsewhere) are kept.
        let m = &removed.marks;
        self.conn
            .execute(
                "INSERT INTO marks (article_id, bookmarked, read, updated) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (article_id) DO NOTHING",
                params![m.id, i64::from(m.bookmarked), i64::from(m.read), now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Puts the built-in samples in a store that has no articles of the
    /// user's. Returns true when the samples are what the store shows.
    pub fn ensure_defaults(&mut self, defaults: impl FnOnce() -> Vec<Article>) -> Result<bool> {
        if !self.only_embedded()? {
            // The user's own store: the samples are not even parsed.
            return Ok(false);
        }
        let defaults = defaults();
        if self.count(&Filter::all())? < defaults.len() {
            self.upsert(&defaults, Origin::Embedded)?;
        }
        Ok(true)
    }

    /// Adds or updates imported articles in one transaction. User articles
    /// replace the built-in samples (except the ones the user bookmarked).
    pub fn upsert(&mut self, articles: &[Article], origin: Origin) -> Result<UpsertStats> {
        self.write(articles, origin, None)
    }

    /// Adds or updates a feed's articles in one transaction, then keeps only
    /// the newest `keep` of that feed (bookmarked ones always stay).
    pub fn upsert_feed(
        &mut self,
        feed_url: &str,
        articles: &[Article],
        keep: Option<usize>,
    ) -> Result<UpsertStats> {
        let prepared: Vec<Prepared> = articles.iter().cloned().map(Prepared::new).collect();
        self.upsert_feed_prepared(feed_url, &prepared, keep)
    }

    /// `upsert_feed` for articles prepared on another thread.
    pub fn upsert_feed_prepared(
        &mut self,
        feed_url: &str,
        articles: &[Prepared],
        keep: Option<usize>,
    ) -> Result<UpsertStats> {
        let stats = self.write_prepared(articles, Origin::User, Some(feed_url))?;
        if let Some(keep) = keep {
            self.conn
                .execute(
                    "DELETE FROM articles WHERE feed_url = ?1
                       AND id NOT IN (SELECT id FROM articles WHERE feed_url = ?1
                                      ORDER BY sort_key DESC LIMIT ?2)
                       AND id NOT IN (SELECT article_id FROM marks WHERE bookmarked = 1)",
                    params![feed_url, keep as i64],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(stats)
    }

    fn write(
        &mut self,
        articles: &[Article],
        origin: Origin,
        feed_url: Option<&str>,
    ) -> Result<UpsertStats> {
        let prepared: Vec<Prepared> = articles.iter().cloned().map(Prepared::new).collect();
        self.write_prepared(&prepared, origin, feed_url)
    }

    fn write_prepared(
        &mut self,
        prepared: &[Prepared],
        origin: Origin,
        feed_url: Option<&str>,
    ) -> Result<UpsertStats> {
        let articles = prepared;
        let mut clock = Undated::now();
        let stats = self.write_with(prepared, origin, feed_url, &mut clock)?;
        // Small writes (a feed, a page, an undo) are searchable at once;
        // large imports leave the index to catch up (see index.rs).
        if articles.len() <= SMALL_WRITE {
            self.index_some(&mut super::Indexer::default(), super::index::BATCH)?;
        }
        Ok(stats)
    }

    /// Adds or updates one batch of a large import in one transaction.
    /// `clock` orders undated articles across batches (earlier first in
    /// the import = newer in the list, as within one batch).
    pub fn upsert_batch(
        &mut self,
        articles: &[Prepared],
        origin: Origin,
        clock: &mut Undated,
    ) -> Result<UpsertStats> {
        self.write_with(articles, origin, None, clock)
    }

    fn write_with(
        &mut self,
        articles: &[Prepared],
        origin: Origin,
        feed_url: Option<&str>,
        clock: &mut Undated,
    ) -> Result<UpsertStats> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        if !self.conn.is_autocommit() {
            // Part of the transaction an import holds open (`begin_bulk`):
            // atomic as a whole, so no savepoint (which would copy every
            // page it changes first).
            let known = self.known.as_mut();
            return write_rows(&self.conn, known, articles, origin, feed_url, clock).map_err(err);
        }
        let tx = self.conn.transaction().map_err(err)?;
        let stats = write_rows(&tx, None, articles, origin, feed_url, clock).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(stats)
    }
}

/// Adds or updates articles on a connection inside a transaction.
fn write_rows(
    conn: &Connection,
    mut known: Option<&mut KnownKeys>,
    articles: &[Prepared],
    origin: Origin,
    feed_url: Option<&str>,
    clock: &mut Undated,
) -> rusqlite::Result<UpsertStats> {
    let mut stats = UpsertStats::default();
    let added_at = now();
    let mut inserted: i64 = 0;
    // New rows get keys above every stored one (integer primary key):
    // they are queued for the index together, after the loop.
    let last_key: i64 = conn.query_row("SELECT coalesce(max(key), 0) FROM articles", [], |r| {
        r.get(0)
    })?;
    for p in articles {
        let undated_key = clock.next();
        let a = &p.article;
        let keys = &p.keys;
        let digest = format!(
            "{:016x}",
            xxh3_64(
                format!(
                    "{}\0{}\0{:016x}",
                    origin.as_str(),
                    feed_url.unwrap_or(""),
                    p.content
                )
                .as_bytes()
            )
        );
        let existing = match known.as_deref() {
            Some(known) if !known.may_know(&a.id, keys) => None,
            _ => find_existing(conn, a, keys)?,
        };
        match &existing {
            Some(old) if old.digest == digest => {
                stats.unchanged += 1;
                continue;
            }
            // A sample the user imports becomes theirs: new to them.
            Some(old) if old.origin == Origin::Embedded.as_str() => stats.added += 1,
            Some(_) => stats.updated += 1,
            None => stats.added += 1,
        }
        let id = existing
            .as_ref()
            .map_or(a.id.as_str(), |old| old.id.as_str());
        if let Some(known) = known.as_deref_mut() {
            known.add(id, keys);
        }
        let values = params![
            id,
            a.title,
            p.title_key,
            a.source,
            a.url,
            a.byline,
            a.published,
            a.standfirst,
            a.category,
            a.lang,
            p.body,
            p.related,
            p.links,
            origin.as_str(),
            added_at,
            undated_key,
            digest,
            a.guid,
            feed_url,
            keys.url,
            keys.text,
        ];
        match &existing {
            Some(old) => {
                conn.prepare_cached(
                    "UPDATE articles SET title = ?2, title_key = ?3, source = ?4,
                        url = ?5, byline = ?6, published = ?7, standfirst = ?8, category = ?9,
                        lang = ?10, body = ?11, related = ?12, links = ?13, origin = ?14,
                        sort_key = coalesce(?7 * 1000, sort_key), digest = ?17, guid = ?18,
                        feed_url = coalesce(?19, feed_url), url_key = ?20, text_key = ?21
                     WHERE id = ?1",
                )?
                .execute(values)?;
                // The search index follows from the queue (see index.rs).
                conn.prepare_cached(
                    "INSERT INTO index_queue (key, fresh) VALUES (?1, 0)
                     ON CONFLICT (key) DO UPDATE SET version = version + 1",
                )?
                .execute([old.key])?;
            }
            None => {
                conn.prepare_cached(
                    "INSERT INTO articles (id, title, title_key, source, url, byline, published,
                        standfirst, category, lang, body, related, links, origin, added,
                        sort_key, digest, guid, feed_url, url_key, text_key)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                        ?15, coalesce(?7 * 1000, ?16), ?17, ?18, ?19, ?20, ?21)",
                )?
                .execute(values)?;
                inserted += 1;
            }
        }
    }
    if inserted > 0 {
        conn.prepare_cached(
            "INSERT INTO index_queue (key, fresh) SELECT key, 1 FROM articles WHERE key > ?1
             ON CONFLICT (key) DO UPDATE SET version = version + 1",
        )?
        .execute([last_key])?;
        conn.prepare_cached(
            "UPDATE meta SET value = CAST(value AS INTEGER) + ?1 WHERE key = 'articles'",
        )?
        .execute([inserted])?;
    }
    if origin == Origin::User && !articles.is_empty() && !clock.samples_dropped {
        drop_samples(conn)?;
        clock.samples_dropped = true;
    }

    Ok(stats)
}

/// Writes up to this many articles index them before returning.
const SMALL_WRITE: usize = 500;

/// A stored article found as an earlier version of a new one.
struct Existing {
    key: i64,
    id: String,
    digest: String,
    origin: String,
}

/// The earlier version of an article: the one with its id, else one with
/// its URL key, else one with its text key. One statement (three index
/// probes): an import asks this of every article.
fn find_existing(tx: &Connection, a: &Article, keys: &Keys) -> rusqlite::Result<Option<Existing>> {
    tx.prepare_cached(
        "SELECT key, id, digest, origin FROM (
             SELECT 0 AS rank, key, id, digest, origin FROM articles WHERE id = ?1
             UNION ALL
             SELECT * FROM (SELECT 1, key, id, digest, origin FROM articles
                            WHERE ?2 IS NOT NULL AND url_key = ?2 LIMIT 1)
             UNION ALL
             SELECT * FROM (SELECT 2, key, id, digest, origin FROM articles
                            WHERE ?3 IS NOT NULL AND text_key = ?3 LIMIT 1))
         ORDER BY rank LIMIT 1",
    )?
    .query_row(params![a.id, keys.url, keys.text], |r| {
        Ok(Existing {
            key: r.get(0)?,
            id: r.get(1)?,
            digest: r.get(2)?,
            origin: r.get(3)?,
        })
    })
    .optional()
}

/// The user's first import replaces the samples, except bookmarked ones,
/// which become the user's.
fn drop_samples(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM articles WHERE origin = 'embedded' AND id NOT IN
            (SELECT article_id FROM marks WHERE bookmarked = 1)",
        [],
    )?;
    tx.execute(
        "UPDATE articles SET origin = 'user' WHERE origin = 'embedded'",
        [],
    )?;
    Ok(())
}
