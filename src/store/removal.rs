//! Removing an article, and putting it back (undo) with its marks.

use rusqlite::params;

use super::marks::MarkState;
use super::{Origin, Result, Store, now};
use crate::model::Article;

/// A removed article with its marks, enough to put it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub article: Article,
    pub marks: MarkState,
    pub feed_url: Option<String>,
    pub origin: Origin,
}

impl Store {
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
}
