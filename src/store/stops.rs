//! Where the reader stopped in each article, and the reader's own small
//! state kept in `meta` (when the user last looked).

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, now};

/// A place in an article that does not depend on the pane's width: a block
/// of its text (0 the title, then the line under it, the standfirst, the
/// body's paragraphs) and a character offset in that block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadingStop {
    pub block: usize,
    pub offset: usize,
}

impl Store {
    /// Where the reader stopped in article `id`, if it was left scrolled.
    pub fn reading_stop(&self, id: &str) -> Result<Option<ReadingStop>> {
        let row: Option<(Option<i64>, Option<i64>)> = self
            .conn
            .prepare_cached("SELECT stop_block, stop_offset FROM marks WHERE article_id = ?1")
            .and_then(|mut s| s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .map_err(|e| self.err(e))?;
        Ok(match row {
            Some((Some(block), Some(offset))) => Some(ReadingStop {
                block: usize::try_from(block).unwrap_or(0),
                offset: usize::try_from(offset).unwrap_or(0),
            }),
            _ => None,
        })
    }

    /// Keeps where the reader stopped in article `id` (None: at its top),
    /// and whether it was begun and left before its end. The marks of the
    /// article are left as they are.
    pub fn set_reading_stop(&self, id: &str, stop: Option<ReadingStop>, begun: bool) -> Result<()> {
        let (block, offset) = match stop {
            Some(s) => (Some(s.block as i64), Some(s.offset as i64)),
            None => (None, None),
        };
        self.conn
            .prepare_cached(
                "INSERT INTO marks (article_id, updated, stop_block, stop_offset, begun)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (article_id) DO UPDATE
                 SET stop_block = ?3, stop_offset = ?4, begun = ?5",
            )
            .and_then(|mut s| s.execute(params![id, now(), block, offset, i64::from(begun)]))
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The articles begun and left before their end (their own index).
    pub fn begun_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_id FROM marks WHERE begun = 1")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| self.err(e))
    }

    /// A value of the reader's state kept in the store.
    pub fn reader_state(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [format!("reader.{key}")],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Keeps a value of the reader's state.
    pub fn set_reader_state(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                [format!("reader.{key}"), value.to_string()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}
