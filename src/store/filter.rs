//! Which articles a listing covers, as SQL conditions.

use rusqlite::types::Value;

use super::{Result, Store};
use crate::index::query::{Query, matching_names};

/// A view of the store: all articles, or narrowed by marks, source or tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub bookmarked: bool,
    pub unread: bool,
    /// Only articles whose source (site or feed name) is this.
    pub source: Option<String>,
    /// Only articles from subscriptions with this tag.
    pub tag: Option<String>,
    /// Only articles from this subscription (its feed URL).
    pub feed: Option<String>,
    /// Only articles that came from no subscription (imported pages, text
    /// copies, files).
    pub local: bool,
    /// A search (see `crate::index::query`): matches ranked best first.
    pub query: Option<String>,
    /// The list's order; a search keeps its ranking whatever it is.
    pub order: super::Order,
}

impl Filter {
    /// Every article.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// Bookmarked articles.
    pub fn bookmarks() -> Filter {
        Filter {
            bookmarked: true,
            ..Filter::default()
        }
    }

    /// True when nothing narrows the list.
    pub fn is_all(&self) -> bool {
        !self.bookmarked
            && !self.unread
            && self.source.is_none()
            && self.tag.is_none()
            && self.query.is_none()
    }

    /// `WHERE` conditions over `articles a LEFT JOIN marks m`, with the
    /// values of their `?` placeholders in order; the query is left out.
    pub(crate) fn conditions(&self) -> (String, Vec<Value>) {
        Narrowed::without_query(self).conditions()
    }

    /// A short label for the status bar, empty for all articles.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if self.bookmarked {
            parts.push("bookmarks".to_string());
        }
        if self.unread {
            parts.push("unread".to_string());
        }
        if let Some(s) = &self.source {
            parts.push(format!("source: {s}"));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag: {t}"));
        }
        if let Some(f) = &self.feed {
            // The site says which feed; the whole address rarely fits.
            let host = url::Url::parse(f)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string));
            parts.push(format!("feed: {}", host.as_deref().unwrap_or(f)));
        }
        if self.local {
            parts.push("imported".to_string());
        }
        if let Some(q) = &self.query {
            parts.push(format!("search: {q}"));
        }
        parts.join(", ")
    }
}

/// A filter with its query's own filters (`source:`, `is:unread`...)
/// resolved against the store: names as stored, and the full-text match
/// expression.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Narrowed {
    pub bookmarked: bool,
    pub unread: bool,
    /// Articles from one of these sources (None: from any).
    pub sources: Option<Vec<String>>,
    /// Articles from subscriptions with one of these tags (None: any).
    pub tags: Option<Vec<String>>,
    /// Articles from this subscription only.
    pub feed: Option<String>,
    /// Articles from no subscription only.
    pub local: bool,
    /// `author:` as typed, tested on each byline (`name_match` in SQL).
    pub author: Option<String>,
    pub fts: Option<String>,
    /// The query, when its last word is typed as a prefix that
    /// `Store::spelled_out` may spell out.
    pub typed: Option<Query>,
    /// Sources and tags are tested on each article met in time order,
    /// not looked up by their indexes (see `Store::choose_walk`).
    pub by_time: bool,
}

impl Narrowed {
    /// `filter` as it is, its query left out.
    fn without_query(filter: &Filter) -> Narrowed {
        Narrowed {
            bookmarked: filter.bookmarked,
            unread: filter.unread,
            sources: filter.source.clone().map(|s| vec![s]),
            tags: filter.tag.clone().map(|t| vec![t]),
            feed: filter.feed.clone(),
            local: filter.local,
            ..Narrowed::default()
        }
    }

    /// True when nothing but the match expression narrows the list.
    pub fn is_all(&self) -> bool {
        !self.bookmarked
            && !self.unread
            && self.sources.is_none()
            && self.tags.is_none()
            && self.feed.is_none()
            && !self.local
            && self.author.is_none()
    }

    /// `WHERE` conditions over `articles a LEFT JOIN marks m` (without the
    /// match expression), with the values of their `?` placeholders.
    pub fn conditions(&self) -> (String, Vec<Value>) {
        let mut clauses: Vec<String> = Vec::new();
        let mut values = Vec::new();
        if self.bookmarked {
            clauses.push("m.bookmarked = 1".into());
        }
        if self.unread {
            clauses.push("coalesce(m.read, 0) = 0".into());
        }
        // A unary `+` keeps SQLite from using an index for the term.
        let walk = if self.by_time { "+" } else { "" };
        if let Some(sources) = &self.sources {
            values.extend(sources.iter().cloned().map(Value::Text));
            clauses.push(format!(
                "{walk}a.source IN ({})",
                placeholders(sources.len())
            ));
        }
        if let Some(tags) = &self.tags {
            values.extend(tags.iter().cloned().map(Value::Text));
            clauses.push(format!(
                "{walk}a.feed_url IN (SELECT feed_url FROM feed_tags WHERE tag IN ({}))",
                placeholders(tags.len())
            ));
        }
        if let Some(feed) = &self.feed {
            values.push(Value::Text(feed.clone()));
            clauses.push(format!("{walk}a.feed_url = ?"));
        }
        if self.local {
            clauses.push(format!("{walk}a.feed_url IS NULL"));
        }
        if let Some(author) = &self.author {
            values.push(Value::Text(author.clone()));
            clauses.push("name_match(?, a.byline)".into());
        }
        if clauses.is_empty() {
            (String::from("1"), values)
        } else {
            (clauses.join(" AND "), values)
        }
    }
}

/// `?, ?, ?` for `n` values; `NULL` for none (`IN (NULL)` holds nothing).
fn placeholders(n: usize) -> String {
    if n == 0 {
        return "NULL".into();
    }
    vec!["?"; n].join(", ")
}

impl Store {
    /// `filter` with its query parsed and its `source:` and `tag:` turned
    /// into the stored names they match (there are few names, and each
    /// is then an indexed lookup).
    pub(crate) fn narrow(&self, filter: &Filter) -> Result<Narrowed> {
        let mut narrowed = Narrowed::without_query(filter);
        let Some(text) = &filter.query else {
            return Ok(narrowed);
        };
        let q = Query::parse(text);
        if let Some(wanted) = &q.source {
            narrowed.sources = Some(self.names_matching(wanted, DISTINCT_SOURCES)?);
        }
        if let Some(wanted) = &q.tag {
            narrowed.tags = Some(self.names_matching(wanted, DISTINCT_TAGS)?);
        }
        narrowed.author = q.author.clone();
        narrowed.bookmarked |= q.bookmarked;
        narrowed.unread |= q.unread;
        narrowed.fts = q.fts(true);
        if q.typed_word().is_some() {
            narrowed.typed = Some(q);
        }
        Ok(narrowed)
    }

    /// Sets `by_time` for a list window when the sources or tags asked for
    /// hold a good share of the newest articles: walking the time index
    /// then finds a page at once, while reading every match of several
    /// large sources by their index means sorting them all (seconds at
    /// 1,000,000 articles). One source is best read by its index, already
    /// in time order.
    pub(crate) fn choose_walk(&self, narrowed: &mut Narrowed) -> Result<()> {
        const SAMPLE: i64 = 1000;
        let several = narrowed.sources.as_ref().is_some_and(|s| s.len() > 1);
        if !several && narrowed.tags.is_none() {
            return Ok(());
        }
        let names = Narrowed {
            sources: narrowed.sources.clone(),
            tags: narrowed.tags.clone(),
            ..Narrowed::default()
        };
        let (cond, values) = names.conditions();
        // Only `source` is in the time index: `feed_url` costs a row read.
        let columns = match narrowed.tags {
            Some(_) => "a.source AS source, a.feed_url AS feed_url",
            None => "a.source AS source",
        };
        let sql = format!(
            "SELECT count(*) FROM (SELECT {columns} FROM articles a
                                   ORDER BY a.sort_key DESC LIMIT {SAMPLE}) a
             WHERE {cond}"
        );
        let hits: i64 = self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(values), |r| r.get(0))
            .map_err(|e| self.err(e))?;
        narrowed.by_time = hits * 20 >= SAMPLE;
        Ok(())
    }

    fn names_matching(&self, wanted: &str, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let names = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        Ok(matching_names(wanted, names))
    }
}

/// Every source name, one index seek each (a plain `DISTINCT` would read
/// an entry per article).
const DISTINCT_SOURCES: &str = "WITH RECURSIVE s(name) AS (
        SELECT (SELECT min(source) FROM articles WHERE source > '')
        UNION ALL
        SELECT (SELECT min(source) FROM articles WHERE source > s.name)
        FROM s WHERE s.name IS NOT NULL
    )
    SELECT name FROM s WHERE name IS NOT NULL";

const DISTINCT_TAGS: &str = "SELECT DISTINCT tag FROM feed_tags";
