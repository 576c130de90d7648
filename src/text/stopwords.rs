//! Common Italian and English words that carry no topic. Folded (no accents,
//! lower case) and sorted (to keep the list tidy); looked up in a table.

const STOPWORDS: &[&str] = &[
    "a",
    "abbiamo",
    "about",
    "above",
    "ad",
    "after",
    "again",
    "against",
    "agl",
    "agli",
    "ai",
    "al",
    "alcune",
    "alcuni",
    "all",
    "alla",
    "alle",
    "allo",
    "also",
    "altra",
    "altre",
    "altri",
    "altro",
    "am",
    "an",
    "anche",
    "ancora",
    "and",
    "any",
    "are",
    "aren",
    "as",
    "at",
    "avete",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "che",
    "chi",
    "ci",
    "coi",
    "col",
    "come",
    "con",
    "contro",
    "cosi",
    "could",
    "couldn",
    "cui",
    "da",
    "dagl",
    "dagli",
    "dai",
    "dal",
    "dall",
    "dalla",
    "dalle",
    "dallo",
    "degl",
    "degli",
    "dei",
    "del",
    "dell",
    "della",
    "delle",
    "dello",
    "dentro",
    "deve",
    "di",
    "did",
    "didn",
    "do",
    "does",
    "doesn",
    "doing",
    "don",
    "dopo",
    "dov",
    "dove",
    "dovrebbe",
    "down",
    "durante",
    "during",
    "e",
    "each",
    "ed",
    "era",
    "erano",
    "essa",
    "esse",
    "essere",
    "essi",
    "esso",
    "fa",
    "fare",
    "fatto",
    "few",
    "fino",
    "for",
    "fra",
    "from",
    "fuori",
    "further",
    "get",
    "gia",
    "gli",
    "got",
    "ha",
    "had",
    "hadn",
    "hai",
    "hanno",
    "has",
    "hasn",
    "have",
    "haven",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "ho",
    "how",
    "i",
    "ieri",
    "if",
    "il",
    "in",
    "inoltre",
    "into",
    "invece",
    "io",
    "is",
    "isn",
    "it",
    "its",
    "itself",
    "just",
    "la",
    "le",
    "lei",
    "let",
    "li",
    "like",
    "lo",
    "loro",
    "lui",
    "ma",
    "mai",
    "many",
    "may",
    "me",
    "mentre",
    "mi",
    "mia",
    "mie",
    "miei",
    "might",
    "mio",
    "molta",
    "molte",
    "molti",
    "molto",
    "more",
    "most",
    "much",
    "mustn",
    "my",
    "myself",
    "ne",
    "negl",
    "negli",
    "nei",
    "nel",
    "nell",
    "nella",
    "nelle",
    "nello",
    "nessuno",
    "new",
    "no",
    "noi",
    "non",
    "nor",
    "nostra",
    "nostre",
    "nostri",
    "nostro",
    "not",
    "now",
    "o",
    "of",
    "off",
    "oggi",
    "ogni",
    "on",
    "once",
    "one",
    "only",
    "or",
    "ora",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perche",
    "pero",
    "piu",
    "poco",
    "poi",
    "possono",
    "presso",
    "prima",
    "puo",
    "qualche",
    "quale",
    "quando",
    "quanta",
    "quante",
    "quanti",
    "quanto",
    "quella",
    "quelle",
    "quelli",
    "quello",
    "questa",
    "queste",
    "questi",
    "questo",
    "qui",
    "quindi",
    "said",
    "same",
    "says",
    "se",
    "sei",
    "sempre",
    "senza",
    "shan",
    "she",
    "should",
    "shouldn",
    "si",
    "sia",
    "siamo",
    "siete",
    "so",
    "solo",
    "some",
    "sono",
    "sopra",
    "sotto",
    "stata",
    "state",
    "stati",
    "stato",
    "stessa",
    "stesso",
    "su",
    "sua",
    "such",
    "sue",
    "sugl",
    "sugli",
    "sui",
    "sul",
    "sull",
    "sulla",
    "sulle",
    "sullo",
    "suo",
    "suoi",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "ti",
    "to",
    "too",
    "tra",
    "tramite",
    "tu",
    "tua",
    "tue",
    "tuo",
    "tuoi",
    "tutta",
    "tutte",
    "tutti",
    "tutto",
    "two",
    "un",
    "una",
    "under",
    "uno",
    "until",
    "up",
    "us",
    "verso",
    "very",
    "vi",
    "voi",
    "vostra",
    "vostre",
    "vostri",
    "vostro",
    "was",
    "wasn",
    "we",
    "were",
    "weren",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won",
    "would",
    "wouldn",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

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
        let keys: Vec<u128> = STOPWORDS
            .iter()
            .filter_map(|w| packed(w.as_bytes()))
            .collect();
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
        assert!(super::STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(super::STOPWORDS.iter().all(|w| w.len() <= super::LONGEST));
        assert!(super::is_stopword("perche"));
        assert!(!super::is_stopword("cina"));
        assert!(!super::is_stopword(""));
        // Every listed word is found, and no prefix or extension of one.
        for w in super::STOPWORDS {
            assert!(super::is_stopword(w), "{w}");
            assert!(!super::is_stopword(&format!("{w}zq")), "{w}zq");
        }
    }
}
