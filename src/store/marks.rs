//! Marks (bookmarked, read): setting them, marking all read, and undoing
//! those changes. Each is one committed transaction.

use rusqlite::params;

use super::{Filter, Result, Store, now, sql_err};

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
}
