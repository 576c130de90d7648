//! Queries: counts, list windows, whole articles, lookups.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::filter::Narrowed;
use super::{Filter, Result, Store, Summary};
use crate::model::{Article, Link, RelatedEntry};
use crate::text::fold_key;

impl Store {
    /// Number of articles the filter covers.
    pub fn count(&self, filter: &Filter) -> Result<usize> {
        if let Some(total) = self.sampled_total(filter)? {
            return Ok(total);
        }
        let filter = self.narrow(filter)?;
        let fts = filter.fts.clone();
        let n: i64 = if filter.is_all() && fts.is_none() {
            self.conn.query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'articles'),
                                 (SELECT count(*) FROM articles))",
                [],
                |r| r.get(0),
            )
        } else if let (true, Some(expr)) = (filter.is_all(), &fts) {
            self.conn.query_row(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
                [expr],
                |r| r.get(0),
            )
        } else {
            let (cond, values) = filter.conditions();
            // Marks only when asked for: joining them costs a lookup per article.
            let marks = filter.bookmarked || filter.unread;
            let (from, values) = from_clause(fts, values, marks);
            let sql = format!("SELECT count(*) {from} ({cond})");
            self.conn
                .query_row(&sql, params_from_iter(values), |r| r.get(0))
        }
        .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// A window of the list: newest first, or best match first when the
    /// filter holds a search.
    pub fn page(&self, filter: &Filter, offset: usize, limit: usize) -> Result<Vec<Summary>> {
        // SQL counts in i64; a larger window is the whole list anyway.
        let (offset, limit) = (offset.min(i64::MAX as usize), limit.min(i64::MAX as usize));
        if filter.query.is_none() && filter.order != super::Order::Newest {
            return self.page_in_order(filter, offset, limit, false);
        }
        let listed = filter;
        let mut filter = self.narrow(filter)?;
        let fts = filter.fts.clone();
        if let (true, Some(expr)) = (filter.is_all(), &fts) {
            let keys = self.ranked_keys(expr, offset, limit)?;
            return self.summaries_by_keys(keys);
        }
        if fts.is_none() {
            if let Some((bound, rest)) = self.sampled_start(listed, offset)? {
                return self.page_from_key(&filter, bound, rest, limit);
            }
            self.choose_walk(&mut filter)?;
        }
        let (cond, values) = filter.conditions();
        // A time window joins the marks of its rows only (see `time_window`).
        let marks = fts.is_some() || filter.bookmarked || filter.unread;
        let (from, mut values) = from_clause(fts.clone(), values, marks);
        values.push(Value::Integer(limit as i64));
        values.push(Value::Integer(offset as i64));
        let sql = if fts.is_some() {
            format!(
                "SELECT a.id, a.title, a.source, a.published,
                        coalesce(m.bookmarked, 0), coalesce(m.read, 0)
                 {from} ({cond}) ORDER BY articles_fts.rank, a.sort_key DESC LIMIT ? OFFSET ?"
            )
        } else {
            time_window(from, &cond, "a.sort_key DESC, a.id")
        };
        self.summaries(&sql, values)
    }

    /// The same rows as `page`, but `offset` counts from the end of the
    /// list: `page_from_end(f, 0, n)` is the oldest `n` articles, in list
    /// order. Without a search it reads the time index backwards, so a
    /// window near the end costs what one near the top does.
    pub fn page_from_end(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        if filter.query.is_some() {
            let total = self.count(filter)?;
            let end = total.saturating_sub(offset);
            let start = end.saturating_sub(limit);
            return self.page(filter, start, end - start);
        }
        if filter.order != super::Order::Newest {
            return self.page_in_order(filter, offset, limit, true);
        }
        if let Some(total) = self.sampled_total(filter)? {
            let end = total.saturating_sub(offset);
            let start = end.saturating_sub(limit);
            return self.page(filter, start, end - start);
        }
        let (cond, mut values) = filter.conditions();
        let (from, _) = from_clause(None, Vec::new(), filter.bookmarked || filter.unread);
        values.push(Value::Integer(limit as i64));
        values.push(Value::Integer(offset as i64));
        let sql = time_window(from, &cond, "a.sort_key, a.id DESC");
        self.summaries(&sql, values)
    }

    /// `limit` rows of a list newest first, `offset` rows after the first
    /// with sort key `bound` or lower (a sample's row, see `ranks.rs`).
    fn page_from_key(
        &self,
        filter: &Narrowed,
        bound: i64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        let (cond, mut values) = filter.conditions();
        let (from, _) = from_clause(None, Vec::new(), false);
        values.extend([
            Value::Integer(bound),
            Value::Integer(limit as i64),
            Value::Integer(offset as i64),
        ]);
        let sql = time_window(
            from,
            &format!("{cond}) AND (a.sort_key <= ?"),
            "a.sort_key DESC, a.id",
        );
        self.summaries(&sql, values)
    }

    fn summaries(&self, sql: &str, values: Vec<Value>) -> Result<Vec<Summary>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(values), summary_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The position of an article in a filtered list, if it is there.
    pub fn position(&self, filter: &Filter, id: &str) -> Result<Option<usize>> {
        if filter.query.is_some() {
            // Search results are ranked, not ordered by time: no cheap position.
            return Ok(None);
        }
        if filter.order != super::Order::Newest {
            return self.position_in_order(filter, id);
        }
        let (cond, mut values) = filter.conditions();
        let marks = super::order::marks_join(filter);
        let key: Option<i64> = self
            .conn
            .query_row(
                &format!(
                    "SELECT a.sort_key FROM articles a {marks}
                     WHERE ({cond}) AND a.id = ?"
                ),
                params_from_iter(values.iter().cloned().chain([Value::Text(id.into())])),
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(key) = key else { return Ok(None) };
        if let Some(position) = self.sampled_position(filter, key, id)? {
            return Ok(Some(position));
        }
        // Two counts rather than one with OR, which SQLite may answer by
        // walking the whole table in id order (seconds at 100,000 articles).
        let second = values.clone();
        values.push(Value::Integer(key));
        values.extend(second);
        values.extend([Value::Integer(key), Value::Text(id.into())]);
        let sql = format!(
            "SELECT (SELECT count(*) FROM articles a {marks}
                     WHERE ({cond}) AND a.sort_key > ?)
                  + (SELECT count(*) FROM articles a {marks}
                     WHERE ({cond}) AND a.sort_key = ? AND a.id < ?)"
        );
        let n: i64 = self
            .conn
            .query_row(&sql, params_from_iter(values), |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).ok())
    }

    /// One whole article.
    pub fn get(&self, id: &str) -> Result<Option<Article>> {
        self.article_in("articles", id)
    }

    /// One whole article of `table` (`articles` or one of the same columns).
    pub(super) fn article_in(&self, table: &str, id: &str) -> Result<Option<Article>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT id, title, source, url, byline, published, standfirst, category, lang,
                        body, related, links, guid, authors, categories
                 FROM {table} WHERE id = ?1"
            ))
            .map_err(|e| self.err(e))?;
        let row = stmt
            .query_row([id], |r| {
                Ok((
                    Article {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        source: r.get(2)?,
                        url: r.get(3)?,
                        byline: r.get(4)?,
                        published: r.get(5)?,
                        standfirst: r.get(6)?,
                        category: r.get(7)?,
                        lang: r.get(8)?,
                        guid: r.get(12)?,
                        authors: super::prepare::list_from(r.get(13)?),
                        categories: super::prepare::list_from(r.get(14)?),
                        ..Article::default()
                    },
                    r.get::<_, super::body::BodyJson>(9)?.0,
                    r.get::<_, String>(10)?,
                    r.get::<_, String>(11)?,
                ))
            })
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((mut article, body, related, links)) = row else {
            return Ok(None);
        };
        article.related = self.decode::<Vec<RelatedEntry>>(&related, id, "related")?;
        article.links = self.decode::<Vec<Link>>(&links, id, "links")?;
        (article.body, article.blocks) = super::blocks::read_body(&body, article.links.len())
            .map_err(|source| super::StoreError::Damaged {
                path: self.path.clone(),
                what: format!("body of article {id}"),
                source,
            })?;
        Ok(Some(article))
    }

    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        json: &str,
        id: &str,
        what: &str,
    ) -> Result<T> {
        serde_json::from_str(json).map_err(|source| super::StoreError::Damaged {
            path: self.path.clone(),
            what: format!("{what} of article {id}"),
            source,
        })
    }

    /// Resolves a full id or a unique prefix of one.
    pub fn resolve_id(&self, prefix: &str) -> Result<Option<String>> {
        self.resolve_id_in("articles", prefix)
    }

    /// The id in `table` that is `prefix` or the only one it begins.
    pub(super) fn resolve_id_in(&self, table: &str, prefix: &str) -> Result<Option<String>> {
        let sql = format!("SELECT id FROM {table} WHERE id >= ?1 AND id < ?1 || x'ff' LIMIT 2");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let ids = stmt
            .query_map([prefix], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        Ok(match ids.as_slice() {
            [one] => Some(one.clone()),
            _ => ids.iter().find(|i| *i == prefix).cloned(),
        })
    }

    /// (bookmarked, read) for an article id.
    pub fn marks(&self, id: &str) -> Result<(bool, bool)> {
        let row: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT bookmarked, read FROM marks WHERE article_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(row.map_or((false, false), |(b, r)| (b != 0, r != 0)))
    }

    /// The stored article with this title: the same folded title, else the
    /// best fuzzy match (most of the words shared, in either direction, as
    /// when a site shortens or extends a headline).
    pub fn find_by_title(&self, title: &str) -> Result<Option<String>> {
        let key = fold_key(title);
        let exact: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE title_key = ?1 ORDER BY sort_key DESC LIMIT 1",
                [&key],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if exact.is_some() {
            return Ok(exact);
        }
        let words: Vec<&str> = key.split(' ').filter(|w| w.chars().count() > 2).collect();
        if words.len() < 3 {
            return Ok(None);
        }
        // Candidates: titles holding at least the two longest words (in
        // any of the forms the index may hold them), taken as written:
        // the index keeps what `fold_key` drops in some scripts (kana's
        // voicing marks).
        let mut longest: Vec<&str> = crate::text::words(title)
            .filter(|w| w.chars().count() > 2)
            .collect();
        if longest.len() < 2 {
            return Ok(None);
        }
        longest.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        let expr = format!(
            "{} AND {}",
            crate::index::compile::any_form_in("title", longest[0]),
            crate::index::compile::any_form_in("title", longest[1])
        );
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title FROM articles a
                 WHERE a.key IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT 50)",
            )
            .map_err(|e| self.err(e))?;
        let candidates = stmt
            .query_map([expr], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let mine: std::collections::HashSet<&str> = words.iter().copied().collect();
        let best = candidates
            .into_iter()
            .map(|(id, other)| {
                let other_key = fold_key(&other);
                let theirs: std::collections::HashSet<&str> = other_key
                    .split(' ')
                    .filter(|w| w.chars().count() > 2)
                    .collect();
                let shared = mine.intersection(&theirs).count() as f64;
                let score = shared / mine.len().min(theirs.len()).max(1) as f64;
                (score, id)
            })
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        Ok(best.map(|(_, id)| id))
    }

    /// The id of the article at `url` (compared normalised), if stored.
    pub fn find_by_url(&self, url: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT id FROM articles WHERE url_key = ?1 LIMIT 1",
                [crate::urlnorm::url_key(url)],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// True when every stored article is a built-in sample.
    pub fn only_embedded(&self) -> Result<bool> {
        let user: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM articles WHERE origin <> 'embedded' LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(user.is_none())
    }
}

/// A list window read from the time index (`articles_list`, which holds the
/// columns a row shows): OFFSET skips index entries, and no article row is
/// read. Rows come newest first; `order` is the direction to walk the index.
fn time_window(from: &str, cond: &str, order: &str) -> String {
    format!(
        "SELECT w.id, w.title, w.source, w.published,
                coalesce(m.bookmarked, 0), coalesce(m.read, 0)
         FROM (SELECT a.id AS id, a.sort_key AS sort_key, a.title AS title,
                      a.source AS source, a.published AS published
               {from} ({cond}) ORDER BY {order} LIMIT ? OFFSET ?) w
         LEFT JOIN marks m ON m.article_id = w.id
         ORDER BY w.sort_key DESC, w.id"
    )
}

/// A list row from `id, title, source, published, bookmarked, read`.
pub(super) fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<Summary> {
    Ok(Summary {
        id: r.get(0)?,
        title: r.get(1)?,
        source: r.get(2)?,
        published: r.get(3)?,
        bookmarked: r.get::<_, i64>(4)? != 0,
        read: r.get::<_, i64>(5)? != 0,
    })
}

/// The FROM clause: the articles (with their marks when `marks`), joined
/// to the full-text index when there is a match expression (whose value
/// goes first).
fn from_clause(fts: Option<String>, values: Vec<Value>, marks: bool) -> (&'static str, Vec<Value>) {
    match (fts, marks) {
        (Some(expr), marks) => (
            if marks {
                "FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid
                 LEFT JOIN marks m ON m.article_id = a.id
                 WHERE articles_fts MATCH ? AND"
            } else {
                "FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid
                 WHERE articles_fts MATCH ? AND"
            },
            std::iter::once(Value::Text(expr)).chain(values).collect(),
        ),
        (None, true) => (
            "FROM articles a LEFT JOIN marks m ON m.article_id = a.id WHERE 1 AND",
            values,
        ),
        (None, false) => ("FROM articles a WHERE 1 AND", values),
    }
}
