//! Imports: adding or updating articles (with duplicate detection), and
//! the built-in samples. Each is one committed transaction, except the
//! batches of an import's bulk transaction (`begin_bulk`).

use rusqlite::{Connection, OptionalExtension, params};

use super::ignored::{Arrival, Ignoring};
use super::known::KnownKeys;
use super::prepare::{Keys, Prepared, Undated};
use super::tombstones;
use super::{Filter, Origin, Result, Store, UpsertStats, now, sql_err};
use crate::model::Article;
use xxhash_rust::xxh3::xxh3_64;

impl Store {
    /// Puts the built-in samples in a store that has no articles of the
    /// user's. Returns true when the samples are what the store shows.
    pub fn ensure_defaults(&mut self, defaults: impl FnOnce() -> Vec<Article>) -> Result<bool> {
        if !self.only_embedded()? {
            // The user's own store: the samples are not even parsed.
            return Ok(false);
        }
        let defaults = defaults();
        // Samples the user removed stay removed (and are not counted).
        let mut wanted = 0;
        for a in &defaults {
            if !self.was_removed(&a.id)? {
                wanted += 1;
            }
        }
        if self.count(&Filter::all())? < wanted {
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
        self.drop_unseen_tombstones(feed_url)?;
        Ok(stats)
    }

    pub(super) fn write(
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
            let rules = self.ignore.as_deref();
            let checks = Checks {
                restoring: false,
                rules,
            };
            return write_rows(&self.conn, known, checks, articles, origin, feed_url, clock)
                .map_err(err);
        }
        let tx = self.conn.transaction().map_err(err)?;
        let rules = self.ignore.as_deref();
        let checks = Checks {
            restoring: false,
            rules,
        };
        let stats =
            write_rows(&tx, None, checks, articles, origin, feed_url, clock).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(stats)
    }
}

/// What arriving articles are checked against before they are stored.
#[derive(Clone, Copy)]
pub(super) struct Checks<'a> {
    /// An undo puts an article back: no tombstone holds it back.
    pub restoring: bool,
    /// Ignore rules that divert new articles (None: none apply).
    pub rules: Option<&'a crate::ignore::IgnoreRules>,
}

/// Adds or updates articles on a connection inside a transaction; unless
/// `checks.restoring` (undo), articles removed earlier (a tombstone has one
/// of their keys) are skipped.
pub(super) fn write_rows(
    conn: &Connection,
    mut known: Option<&mut KnownKeys>,
    checks: Checks,
    articles: &[Prepared],
    origin: Origin,
    feed_url: Option<&str>,
    clock: &mut Undated,
) -> rusqlite::Result<UpsertStats> {
    let Checks { restoring, rules } = checks;
    let mut stats = UpsertStats::default();
    let mut ignoring = Ignoring::new(conn, rules, origin, feed_url)?;
    let added_at = now();
    let tombstoned = !restoring && tombstones::any(conn)?;
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
        let (may_know, may_be_removed) = match known.as_deref() {
            Some(k) => (
                k.may_know(&a.id, keys),
                !restoring && k.may_be_removed(&a.id, keys),
            ),
            None => (true, tombstoned),
        };
        if may_be_removed && tombstones::offered(conn, &a.id, keys, added_at)? {
            stats.removed_skipped += 1;
            continue;
        }
        let existing = match may_know {
            false => None,
            true => find_existing(conn, a, keys)?,
        };
        if existing.is_none() {
            let at = Arrival {
                digest: &digest,
                origin,
                feed_url,
                added_at,
                undated_key,
            };
            if ignoring.divert(conn, p, &at, &mut stats)? {
                continue;
            }
        }
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
            p.authors,
            p.categories,
        ];
        match &existing {
            Some(old) => {
                conn.prepare_cached(
                    "UPDATE articles SET title = ?2, title_key = ?3, source = ?4,
                        url = ?5, byline = ?6, published = ?7, standfirst = ?8, category = ?9,
                        lang = ?10, body = ?11, related = ?12, links = ?13, origin = ?14,
                        sort_key = coalesce(?7 * 1000, sort_key), digest = ?17, guid = ?18,
                        feed_url = coalesce(?19, feed_url), url_key = ?20, text_key = ?21,
                        authors = ?22, categories = ?23
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
                        sort_key, digest, guid, feed_url, url_key, text_key, authors, categories)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                        ?15, coalesce(?7 * 1000, ?16), ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
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
        // Marks outlive their articles: one read before comes back read.
        conn.prepare_cached(
            "UPDATE articles SET is_read = 1 WHERE key > ?1 AND EXISTS
                (SELECT 1 FROM marks m WHERE m.article_id = articles.id AND m.read = 1)",
        )?
        .execute([last_key])?;
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
