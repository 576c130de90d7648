//! The keys stored articles are found by (id, URL key, text key), and
//! those of removed articles' tombstones, as hashes, held while an
//! import's bulk transaction is open: an article none of whose keys is
//! among the stored ones is new, and storing it needs no lookup in the
//! indexes; one none of whose keys is a tombstone's was not removed. A
//! hash shared by chance only costs that lookup.
//!
//! The sets are loaded inside the transaction, which holds the write lock,
//! and every key written is added to them, so they miss no stored key;
//! they are dropped at commit, when other processes may write again.

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use rustc_hash::FxHashSet;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::prepare::Keys;

pub(super) struct KnownKeys {
    stored: FxHashSet<u64>,
    /// The keys of removed articles' tombstones.
    removed: FxHashSet<u64>,
}

/// Stored keys read in the time of one lookup.
const KEYS_PER_LOOKUP: usize = 10;

/// The fewest articles an import is expected to write.
const MIN_IMPORT: usize = 1000;

/// Whether reading the keys of `stored` articles costs less than the
/// lookups they save, for an import that has written `written` so far and
/// is expected to write at least as many again.
pub(super) fn worth_loading(stored: usize, written: usize) -> bool {
    stored <= written.max(MIN_IMPORT) * KEYS_PER_LOOKUP
}

/// Which column a key comes from (keys of different columns never match).
#[derive(Clone, Copy)]
enum Column {
    Id = 1,
    Url = 2,
    Text = 3,
}

impl KnownKeys {
    /// The keys of every stored article and tombstone, read from the
    /// indexes on them.
    pub(super) fn load(conn: &Connection) -> rusqlite::Result<KnownKeys> {
        Ok(KnownKeys {
            stored: read_keys(conn, "articles")?,
            removed: read_keys(conn, "tombstones")?,
        })
    }

    /// False when no stored article has any of these keys.
    pub(super) fn may_know(&self, id: &str, keys: &Keys) -> bool {
        Self::hashes(id, keys).any(|h| self.stored.contains(&h))
    }

    /// False when no tombstone has any of these keys.
    pub(super) fn may_be_removed(&self, id: &str, keys: &Keys) -> bool {
        !self.removed.is_empty() && Self::hashes(id, keys).any(|h| self.removed.contains(&h))
    }

    /// Records the keys of an article just written.
    pub(super) fn add(&mut self, id: &str, keys: &Keys) {
        self.stored.extend(Self::hashes(id, keys));
    }

    fn hashes<'a>(id: &'a str, keys: &'a Keys) -> impl Iterator<Item = u64> + 'a {
        [
            Some((Column::Id, id)),
            keys.url.as_deref().map(|k| (Column::Url, k)),
            keys.text.as_deref().map(|k| (Column::Text, k)),
        ]
        .into_iter()
        .flatten()
        .map(|(column, key)| hash(column, key.as_bytes()))
    }
}

/// The id, URL key and text key hashes of every row of `table` (both
/// tables have the three columns, indexed).
fn read_keys(conn: &Connection, table: &str) -> rusqlite::Result<FxHashSet<u64>> {
    let mut set = FxHashSet::default();
    for (column, name) in [
        (Column::Id, "id"),
        (Column::Url, "url_key"),
        (Column::Text, "text_key"),
    ] {
        let sql = format!("SELECT {name} FROM {table} WHERE {name} IS NOT NULL");
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let ValueRef::Text(key) = row.get_ref(0)? {
                set.insert(hash(column, key));
            }
        }
    }
    Ok(set)
}

fn hash(column: Column, key: &[u8]) -> u64 {
    xxh3_64_with_seed(key, column as u64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_read_for_imports_large_next_to_the_store() {
        assert!(super::worth_loading(0, 0));
        assert!(super::worth_loading(10_000, 0));
        assert!(!super::worth_loading(100_000, 0));
        assert!(!super::worth_loading(100_000, 5_000));
        assert!(super::worth_loading(100_000, 10_000));
    }
}
