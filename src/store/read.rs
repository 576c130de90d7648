//! Queries for whole articles and lookups (by id prefix, title, address).

use rusqlite::OptionalExtension;

use super::{Result, Store};
use crate::model::{Article, Link, RelatedEntry};
use crate::text::fold_key;

impl Store {
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
