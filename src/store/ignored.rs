//! Ignored articles: new articles an ignore rule matches are stored in
//! `ignored_articles` instead of `articles`, so every list, count, search
//! and lookup leaves them out without a condition of its own. A later copy
//! of one (same id, URL key or text key) updates it there. `unignore` moves
//! one back and records it in `ignore_exempt`, so no rule takes it again.

use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};

use super::prepare::Prepared;
use super::{Origin, Result, Store, UpsertStats};
use crate::ignore::{IgnoreRules, Matcher};
use crate::model::Article;

/// A row of the list of ignored articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredSummary {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<i64>,
    /// The rule that matched it (its name and query, or its query).
    pub rule: String,
    /// When it was kept out (seconds since the epoch).
    pub ignored_at: i64,
}

/// What storing an arriving article needs besides the article.
pub(super) struct Arrival<'a> {
    pub digest: &'a str,
    pub origin: Origin,
    pub feed_url: Option<&'a str>,
    pub added_at: i64,
    pub undated_key: i64,
}

/// Applies ignore rules during one write.
pub(super) struct Ignoring<'r> {
    rules: Option<(&'r IgnoreRules, Matcher<'r>)>,
    tags: Vec<String>,
    /// Some article is ignored (else nothing is looked up).
    any: bool,
}

impl<'r> Ignoring<'r> {
    /// Rules apply to the user's articles, not to the built-in samples.
    pub fn new(
        conn: &Connection,
        rules: Option<&'r IgnoreRules>,
        origin: Origin,
        feed_url: Option<&str>,
    ) -> rusqlite::Result<Ignoring<'r>> {
        let rules = rules.filter(|r| !r.is_empty() && origin == Origin::User);
        let mut tags = Vec::new();
        if let (Some(url), Some(r)) = (feed_url, rules)
            && r.uses_tags()
        {
            tags = conn
                .prepare_cached("SELECT tag FROM feed_tags WHERE feed_url = ?1")?
                .query_map([url], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
        }
        let any = conn.query_row("SELECT EXISTS (SELECT 1 FROM ignored_articles)", [], |r| {
            r.get(0)
        })?;
        Ok(Ignoring {
            rules: rules.map(|r| (r, r.matcher())),
            tags,
            any,
        })
    }

    /// Stores `p` apart when it is an ignored article again (updated
    /// there) or a rule matches it (counted in `stats`); called for
    /// articles not already in `articles`. True when it was stored apart.
    pub fn divert(
        &mut self,
        conn: &Connection,
        p: &Prepared,
        at: &Arrival,
        stats: &mut UpsertStats,
    ) -> rusqlite::Result<bool> {
        let (url_key, text_key) = (&p.keys.url, &p.keys.text);
        if self.any {
            let found: Option<(i64, String)> = conn
                .prepare_cached(
                    "SELECT key, digest FROM ignored_articles
                     WHERE id = ?1 OR (?2 IS NOT NULL AND url_key = ?2)
                        OR (?3 IS NOT NULL AND text_key = ?3) LIMIT 1",
                )?
                .query_row(params![p.article.id, url_key, text_key], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if let Some((key, digest)) = found {
                if digest != at.digest {
                    update(conn, key, p, at)?;
                }
                return Ok(true);
            }
        }
        let rule = if p.rules_checked {
            p.ignored_by.clone()
        } else {
            self.rules.as_mut().and_then(|(rules, matcher)| {
                rules
                    .first_match(matcher, &p.article, &self.tags)
                    .map(crate::ignore::Rule::label)
            })
        };
        let Some(rule) = rule else {
            return Ok(false);
        };
        let exempt: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM ignore_exempt
                 WHERE id = ?1 OR (?2 IS NOT NULL AND url_key = ?2)
                    OR (?3 IS NOT NULL AND text_key = ?3))",
            )?
            .query_row(params![p.article.id, url_key, text_key], |r| r.get(0))?;
        if exempt {
            return Ok(false);
        }
        insert(conn, p, at, &rule)?;
        self.any = true;
        stats.ignored += 1;
        Ok(true)
    }
}

fn insert(conn: &Connection, p: &Prepared, at: &Arrival, rule: &str) -> rusqlite::Result<()> {
    let a = &p.article;
    conn.prepare_cached(
        "INSERT INTO ignored_articles (id, sort_key, title, title_key, source, published,
            feed_url, url_key, text_key, digest, origin, added, lang, url, guid, byline,
            category, standfirst, body, related, links, rule, ignored_at, authors, categories)
         VALUES (?1, coalesce(?6 * 1000, ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
            ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?12, ?23, ?24)",
    )?
    .execute(params![
        a.id,
        at.undated_key,
        a.title,
        p.title_key,
        a.source,
        a.published,
        at.feed_url,
        p.keys.url,
        p.keys.text,
        at.digest,
        at.origin.as_str(),
        at.added_at,
        a.lang,
        a.url,
        a.guid,
        a.byline,
        a.category,
        a.standfirst,
        p.body,
        p.related,
        p.links,
        rule,
        p.authors,
        p.categories,
    ])?;
    Ok(())
}

fn update(conn: &Connection, key: i64, p: &Prepared, at: &Arrival) -> rusqlite::Result<()> {
    let a = &p.article;
    conn.prepare_cached(
        "UPDATE ignored_articles SET title = ?2, title_key = ?3, source = ?4, url = ?5,
            byline = ?6, published = ?7, standfirst = ?8, category = ?9, lang = ?10,
            body = ?11, related = ?12, links = ?13, digest = ?14, guid = ?15,
            sort_key = coalesce(?7 * 1000, sort_key), feed_url = coalesce(?16, feed_url),
            url_key = ?17, text_key = ?18, authors = ?19, categories = ?20
         WHERE key = ?1",
    )?
    .execute(params![
        key,
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
        at.digest,
        a.guid,
        at.feed_url,
        p.keys.url,
        p.keys.text,
        p.authors,
        p.categories,
    ])?;
    Ok(())
}

/// The columns an article keeps when it moves back to `articles`.
const COLUMNS: &str = "id, sort_key, title, title_key, source, published, feed_url, url_key,
    text_key, digest, origin, added, lang, url, guid, byline, category, standfirst, body,
    related, links, authors, categories";

impl Store {
    /// Ignore rules for the articles this store is given from now on
    /// (fetch, refresh, import). Articles prepared with `check_rules` keep
    /// the outcome they were given.
    pub fn set_ignore_rules(&mut self, rules: Arc<IgnoreRules>) {
        self.ignore = Some(rules);
    }

    /// The rules `set_ignore_rules` gave.
    pub fn ignore_rules(&self) -> Option<Arc<IgnoreRules>> {
        self.ignore.clone()
    }

    /// How many articles ignore rules kept out.
    pub fn ignored_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM ignored_articles", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Ignored articles, newest first.
    pub fn ignored_page(&self, offset: usize, limit: usize) -> Result<Vec<IgnoredSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, source, published, rule, ignored_at FROM ignored_articles
                 ORDER BY sort_key DESC, id LIMIT ?1 OFFSET ?2",
            )
            .map_err(|e| self.err(e))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        stmt.query_map([limit, offset], |r| {
            Ok(IgnoredSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                source: r.get(2)?,
                published: r.get(3)?,
                rule: r.get(4)?,
                ignored_at: r.get(5)?,
            })
        })
        .map_err(|e| self.err(e))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| self.err(e))
    }

    /// An ignored article, whole (to open and read it).
    pub fn get_ignored(&self, id: &str) -> Result<Option<Article>> {
        self.article_in("ignored_articles", id)
    }

    /// Resolves the full id or a unique prefix of an ignored article.
    pub fn resolve_ignored_id(&self, prefix: &str) -> Result<Option<String>> {
        self.resolve_id_in("ignored_articles", prefix)
    }

    /// Moves an ignored article back among the others (queued for the
    /// search index like a new one) and exempts it from the rules for
    /// good. False when no ignored article has this id.
    pub fn unignore(&mut self, id: &str) -> Result<bool> {
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let found: Option<(i64, Option<String>, Option<String>)> = tx
            .query_row(
                "SELECT key, url_key, text_key FROM ignored_articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(err)?;
        let Some((key, url_key, text_key)) = found else {
            return Ok(false);
        };
        let inserted = tx
            .execute(
                &format!(
                    "INSERT INTO articles ({COLUMNS}) SELECT {COLUMNS} FROM ignored_articles
                     WHERE key = ?1 AND id NOT IN (SELECT id FROM articles)"
                ),
                [key],
            )
            .map_err(err)?;
        if inserted > 0 {
            tx.execute(
                "INSERT INTO index_queue (key, fresh) VALUES (last_insert_rowid(), 1)
                 ON CONFLICT (key) DO UPDATE SET version = version + 1",
                [],
            )
            .map_err(err)?;
            tx.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles'",
                [],
            )
            .map_err(err)?;
        }
        tx.execute("DELETE FROM ignored_articles WHERE key = ?1", [key])
            .map_err(err)?;
        tx.execute(
            "INSERT OR REPLACE INTO ignore_exempt (id, url_key, text_key) VALUES (?1, ?2, ?3)",
            params![id, url_key, text_key],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        self.index_some(&mut super::Indexer::default(), super::index::BATCH)?;
        Ok(true)
    }
}
