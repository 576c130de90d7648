//! Common Italian and English words that carry no topic. Folded (no accents,
//! lower case) and sorted (to keep the list tidy), kept in `stopwords.txt`;
//! looked up in a table.

/// The words, one a line (`stopwords.txt`).
const STOPWORDS: &str = include_str!("stopwords.txt");

fn stopwords() -> impl Iterator<Item = &'static str> {
    STOPWORDS.lines().filter(|w| !w.is_empty())
}

/// True for a folded word that is a stopword.
pub fn is_stopword(word: &str) -> bool {
    // Stopwords are short: longer words are not looked up at all, and the
    // rest are looked up as one number (their bytes), not as strings.
    packed(word.as_bytes()).is_some_and(is_stopword_key)
}

/// The stopwords' numbers in buckets of four, a bucket picked by a hash
/// whose multiplier is chosen when the table is built so that no bucket
/// overflows: a lookup is one multiplication and four comparisons, with no
/// branch to mispredict.
struct Table {
    buckets: Vec<[u128; 4]>,
    multiplier: u64,
}

const BUCKETS: usize = 512;

impl Table {
    fn new() -> Table {
        let keys: Vec<u128> = stopwords().filter_map(|w| packed(w.as_bytes())).collect();
        let mut multiplier = 0x9E37_79B9_7F4A_7C15_u64;
        loop {
            if let Some(table) = Table::fill(&keys, multiplier) {
                return table;
            }
            multiplier = multiplier.wrapping_add(0x6A09_E667_F3BC_C90A) | 1;
        }
    }

    fn fill(keys: &[u128], multiplier: u64) -> Option<Table> {
        let mut table = Table {
            buckets: vec![[0; 4]; BUCKETS],
            multiplier,
        };
        for &key in keys {
            let i = table.bucket(key);
            let slot = table.buckets[i].iter().position(|&k| k == 0 || k == key)?;
            table.buckets[i][slot] = key;
        }
        Some(table)
    }

    fn bucket(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (mixed.wrapping_mul(self.multiplier) >> 55) as usize % BUCKETS
    }

    #[inline]
    fn contains(&self, key: u128) -> bool {
        let b = &self.buckets[self.bucket(key)];
        (b[0] == key) | (b[1] == key) | (b[2] == key) | (b[3] == key)
    }
}

/// Looks up a word packed by `packed` (0 for no word: never found).
pub(super) fn is_stopword_key(key: u128) -> bool {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    key != 0 && TABLE.get_or_init(Table::new).contains(key)
}

/// The packed number of the word that starts `bytes` and is `len` bytes
/// long, read with one 16-byte load: `bytes` must hold 16 bytes (pad the
/// end of a text). 0 for words longer than any stopword.
pub(super) fn packed_prefix(bytes: &[u8; 16], len: usize) -> u128 {
    let all = u128::from_le_bytes(*bytes);
    match len {
        0 | 17.. => 0,
        16 => all,
        _ => all & ((1u128 << (8 * len)) - 1),
    }
}

/// The bytes of a word of up to 16 bytes as one number (zero-padded: no
/// word contains a NUL byte, so two words never share a number, and no
/// word is 0).
fn packed(bytes: &[u8]) -> Option<u128> {
    if bytes.len() > LONGEST || bytes.is_empty() {
        return None;
    }
    Some(
        bytes
            .iter()
            .rev()
            .fold(0u128, |key, &b| (key << 8) | u128::from(b)),
    )
}

/// Bytes in the longest stopword.
const LONGEST: usize = 16;

#[cfg(test)]
mod tests {
    #[test]
    fn list_is_sorted_and_every_word_is_found() {
        let words: Vec<&str> = super::stopwords().collect();
        assert_eq!(words.len(), 357);
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(words.iter().all(|w| w.len() <= super::LONGEST));
        assert!(
            words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(super::is_stopword("perche"));
        assert!(!super::is_stopword("cina"));
        assert!(!super::is_stopword(""));
        // Every listed word is found, and no prefix or extension of one.
        for w in words {
            assert!(super::is_stopword(w), "{w}");
            assert!(!super::is_stopword(&format!("{w}zq")), "{w}zq");
        }
    }
}
