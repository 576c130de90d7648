//! The bookmarked articles with what an export of them needs: address and
//! when they were bookmarked.

use super::{Result, Store};

/// A bookmarked article, as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmarked {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<i64>,
    /// When its marks last changed (seconds since the epoch): the time it
    /// was bookmarked, unless it was marked read or unread since.
    pub marked: i64,
}

impl Store {
    /// Every bookmarked article, newest first.
    pub fn bookmarked(&self) -> Result<Vec<Bookmarked>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.title, a.source, a.url, a.published, m.updated
                 FROM marks m JOIN articles a ON a.id = m.article_id
                 WHERE m.bookmarked = 1
                 ORDER BY a.sort_key DESC, a.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Bookmarked {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                    marked: r.get(5)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}
