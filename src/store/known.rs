//! The keys stored articles are found by (id, URL key, text key), and
//! those of removed articles' tombstones, as hashes, held while an
//! import's bulk transaction is open: an article none of whose keys is
//! among them is new, and storing it needs no lookup in the indexes. A
//! hash shared by chance only costs that lookup.
//!
//! The set is loaded inside the transaction, which holds the write lock,
//! and every key written is added to it, so it misses no stored key; it is
//! dropped at commit, when other processes may write again.

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use rustc_hash::FxHashSet;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::prepare::Keys;

pub(super) struct KnownKeys(FxHashSet<u64>);

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
    /// The keys of every stored article, read from the indexes on them.
    pub(super) fn load(conn: &Connection) -> rusqlite::Result<KnownKeys> {
        let mut set = FxHashSet::default();
        for (column, sql) in [
            (Column::Id, "SELECT id FROM articles"),
            (
                Column::Url,
                "SELECT url_key FROM articles WHERE url_key IS NOT NULL",
            ),
            (
                Column::Text,
                "SELECT text_key FROM articles WHERE text_key IS NOT NULL",
            ),
            // Removed articles' keys: a match is looked up (and skipped).
            (Column::Id, "SELECT id FROM tombstones"),
            (
                Column::Url,
                "SELECT url_key FROM tombstones WHERE url_key IS NOT NULL",
            ),
            (
                Column::Text,
                "SELECT text_key FROM tombstones WHERE text_key IS NOT NULL",
            ),
        ] {
            let mut stmt = conn.prepare(sql)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                if let ValueRef::Text(key) = row.get_ref(0)? {
                    set.insert(hash(column, key));
                }
            }
        }
        Ok(KnownKeys(set))
    }

    /// False when no stored article has any of these keys.
    pub(super) fn may_know(&self, id: &str, keys: &Keys) -> bool {
        Self::hashes(id, keys).any(|h| self.0.contains(&h))
    }

    /// Records the keys of an article just written.
    pub(super) fn add(&mut self, id: &str, keys: &Keys) {
        self.0.extend(Self::hashes(id, keys));
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
