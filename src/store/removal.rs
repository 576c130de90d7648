//! Removing an article, and putting it back (undo) with its marks.

use rusqlite::params;

use super::marks::MarkState;
use super::prepare::{Prepared, Undated};
use super::tombstones::{self, Buried, MAX_TOMBSTONES};
use super::write::{Checks, write_rows};
use super::{Origin, Result, Store, now, sql_err};
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
    /// Removes an article and leaves its tombstone (one transaction), so
    /// that fetches and imports do not bring it back; its marks stay.
    /// Returns what undo needs to put it back.
    pub fn remove(&mut self, id: &str) -> Result<Option<Removed>> {
        self.remove_keeping(id, MAX_TOMBSTONES)
    }

    /// `remove`, keeping at most `max` tombstones.
    pub(super) fn remove_keeping(&mut self, id: &str, max: usize) -> Result<Option<Removed>> {
        let Some(article) = self.get(id)? else {
            return Ok(None);
        };
        let (bookmarked, read) = self.marks(id)?;
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let (feed_url, origin, url_key, text_key): Row = tx
            .query_row(
                "SELECT feed_url, origin, url_key, text_key FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(err)?;
        tx.execute("DELETE FROM articles WHERE id = ?1", [id])
            .map_err(err)?;
        let buried = Buried {
            id,
            url_key: url_key.as_deref(),
            text_key: text_key.as_deref(),
            feed_url: feed_url.as_deref(),
        };
        tombstones::bury(&tx, &buried, now()).map_err(err)?;
        tombstones::cap(&tx, max).map_err(err)?;
        tx.commit().map_err(err)?;

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

    /// Puts a removed article back with its marks (undo), and takes its
    /// tombstone away: it is then updated by fetches and imports again.
    pub fn restore(&mut self, removed: &Removed) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        tombstones::forget(&tx, &removed.article.id).map_err(err)?;
        let prepared = Prepared::new(removed.article.clone());
        // Not held back by another tombstone that shares one of its keys.
        write_rows(
            &tx,
            None,
            Checks {
                restoring: true,
                rules: None,
            },
            std::slice::from_ref(&prepared),
            removed.origin,
            removed.feed_url.as_deref(),
            &mut Undated::now(),
        )
        .map_err(err)?;
        // Marks outlive their article; they are put back only where none
        // are left, so that changes made since (elsewhere) are kept.
        let m = &removed.marks;
        tx.execute(
            "INSERT INTO marks (article_id, bookmarked, read, updated) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (article_id) DO NOTHING",
            params![m.id, i64::from(m.bookmarked), i64::from(m.read), now()],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        // Searchable at once, as other small writes are.
        self.index_some(&mut super::Indexer::default(), super::index::BATCH)
            .map(drop)
    }
}

/// feed_url, origin, url_key, text_key of a stored article.
type Row = (Option<String>, String, Option<String>, Option<String>);
