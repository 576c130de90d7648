//! A word being typed, spelled out: FTS5 reads a prefix (`"sta"*`) by
//! merging the lists of every word it begins into one before it returns a
//! row, which at a million articles costs more than a keypress may. An OR
//! of those words (`"stat" OR "start" OR …`) is read newest row first, and
//! when the words are few it is also counted sooner than the merge.

use std::cell::RefCell;

use rusqlite::params;

use super::filter::Narrowed;
use super::{Result, Store};

/// Words a typed prefix is spelled out into at most; a prefix that begins
/// more is left to FTS5 (each row of an OR steps every word's list).
const SPELLED_OUT: usize = 256;

/// Words up to which an OR counts faster than the merged prefix: the merge
/// copies every position of every word, an OR steps each word's list for
/// every row.
const COUNTED_SPELLED: usize = 40;

/// A match expression with its typed prefix spelled out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spelled {
    pub expr: String,
    /// How many words the prefix became.
    pub words: usize,
}

impl Spelled {
    /// Whether counting should read `expr` rather than the prefix.
    pub fn counts_faster(&self) -> bool {
        self.words <= COUNTED_SPELLED
    }
}

/// The words of the index a prefix began, for the next key: a word typed
/// on begins some of them, found without reading the index again.
#[derive(Debug, Default)]
pub(super) struct WordsSlot(RefCell<Option<Words>>);

#[derive(Debug)]
struct Words {
    prefix: String,
    /// Every word of the index that begins with `prefix` (at most
    /// `SPELLED_OUT`).
    words: Vec<String>,
    /// The index as it was read (`Store::index_version`).
    version: (i64, u64),
}

impl Store {
    /// The search's match expression with its typed prefix spelled out as
    /// the words of the index it begins (`Query::fts_expanded`), when there
    /// are at most `SPELLED_OUT`. Reading the words costs a pass over their
    /// lists (fts5vocab counts them), without the merge; the next letter
    /// typed reuses them.
    pub(crate) fn spelled_out(&self, narrowed: &Narrowed) -> Result<Option<Spelled>> {
        let Some(query) = &narrowed.typed else {
            return Ok(None);
        };
        let Some(word) = query.typed_word() else {
            return Ok(None);
        };
        let Some(words) = self.words_beginning(&word)? else {
            return Ok(None);
        };
        if words.is_empty() {
            return Ok(None);
        }
        Ok(query.fts_expanded(&words).map(|expr| Spelled {
            expr,
            words: words.len(),
        }))
    }

    /// The words of the index that begin with `prefix`; None when there
    /// are more than `SPELLED_OUT`.
    fn words_beginning(&self, prefix: &str) -> Result<Option<Vec<String>>> {
        let version = self.index_version()?;
        if let Some(known) = self.spelled.0.borrow().as_ref()
            && known.version == version
            && prefix.starts_with(&known.prefix)
        {
            let words = known.words.iter().filter(|w| w.starts_with(prefix));
            return Ok(Some(words.cloned().collect()));
        }
        let words = self.read_words_beginning(prefix, SPELLED_OUT + 1)?;
        if words.len() > SPELLED_OUT {
            return Ok(None);
        }
        *self.spelled.0.borrow_mut() = Some(Words {
            prefix: prefix.to_string(),
            words: words.clone(),
            version,
        });
        Ok(Some(words))
    }

    /// Up to `limit` words of the index that begin with `prefix`.
    fn read_words_beginning(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT term FROM articles_fts_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3",
            )
            .map_err(|e| self.err(e))?;
        let end = format!("{prefix}{}", char::MAX);
        let rows = stmt
            .query_map(params![prefix, end, limit as i64], |r| {
                r.get::<_, String>(0)
            })
            .map_err(|e| self.err(e))?;
        let words = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        Ok(words
            .into_iter()
            .filter(|w| w.starts_with(prefix))
            .collect())
    }

    /// Changes when anything is written to the store, by this connection
    /// (its count of changes) or another (SQLite's `data_version`).
    fn index_version(&self) -> Result<(i64, u64)> {
        let theirs: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok((theirs, self.conn.total_changes()))
    }
}
