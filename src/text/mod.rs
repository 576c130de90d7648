//! Text utilities shared by the store, the importers and the UI: folding,
//! tokens, stopwords, hashing, near-duplicate texts and wrapping.

pub mod controls;
pub mod hyphen;
pub mod neardup;
pub mod plural;
pub mod scripts;
mod squash;
pub mod stem;
mod stopwords;
pub(crate) mod swar;
mod terms;
pub mod wrap;

use unicode_normalization::char::is_combining_mark;

pub use squash::{squash, squash_into};
pub use stopwords::is_stopword;
pub use terms::first_terms_hash;

/// Lower-cases and strips accents: `Perché` -> `perche`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// Appends `s` folded to `out`.
pub fn fold_into(out: &mut String, s: &str) {
    fold_into_with(out, s, false);
}

/// `fold` for the search index and similar-article terms: the marks of
/// scripts that write vowels and tones as marks (`is_letter_mark`) stay,
/// since without them different words read the same. Keys that identify
/// stored articles use `fold`, which never changes.
pub fn fold_terms(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into_with(&mut out, s, true);
    out
}

/// True for a combining mark that is part of its letter rather than an
/// accent on it: the vowel signs, viramas and tone marks of the Indic
/// scripts, Thai, Lao, Tibetan, Myanmar and Khmer.
pub fn is_letter_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0900..=0x0DFF | 0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF)
        && is_combining_mark(c)
}

fn fold_into_with(out: &mut String, s: &str, letter_marks: bool) {
    let mut rest = s;
    while !rest.is_empty() {
        // Runs of ASCII, most of any Latin text, are copied and lower-cased
        // in place.
        let ascii = swar::position(rest.as_bytes(), swar::non_ascii).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        if let Some(tail) = out.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            match FoldTable::get().lookup(c) {
                Some(folded) => out.push_str(folded),
                None => fold_char(c, letter_marks, out),
            }
            rest = chars.as_str();
        }
    }
}

/// One character folded: decomposed (char by char equals NFD here: NFD
/// only adds the reordering of combining marks, and they are all dropped),
/// marks dropped (letter marks kept if asked), lower-cased.
fn fold_char(c: char, letter_marks: bool, out: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !is_combining_mark(d) || (letter_marks && is_letter_mark(d)) {
            out.extend(d.to_lowercase());
        }
    });
}

/// `fold_char` worked out once for the characters of Latin, Greek and
/// Cyrillic text (U+0080..U+07FF: two bytes in UTF-8) and for general
/// punctuation (U+2000..U+206F: quotes, dashes), so folding them is a
/// lookup.
struct FoldTable {
    /// Where each character's folded form ends in `text`; it starts where
    /// the previous one ends.
    ends: Vec<u32>,
    text: String,
}

impl FoldTable {
    const RANGES: [(u32, u32); 2] = [(0x80, 0x800), (0x2000, 0x2070)];

    fn get() -> &'static FoldTable {
        static TABLE: std::sync::OnceLock<FoldTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut table = FoldTable {
                ends: Vec::new(),
                text: String::new(),
            };
            for (from, to) in Self::RANGES {
                for code in from..to {
                    if let Some(c) = char::from_u32(code) {
                        fold_char(c, false, &mut table.text);
                    }
                    table.ends.push(table.text.len() as u32);
                }
            }
            table
        })
    }

    fn lookup(&self, c: char) -> Option<&str> {
        let code = u32::from(c);
        let mut offset = 0;
        for (from, to) in Self::RANGES {
            if (from..to).contains(&code) {
                let i = (offset + code - from) as usize;
                let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
                return self.text.get(start..self.ends[i] as usize);
            }
            offset += to - from;
        }
        None
    }
}

/// A key under which two spellings of one title are equal: folded, with
/// punctuation dropped and spaces collapsed.
pub fn fold_key(s: &str) -> String {
    words(&fold(s)).collect::<Vec<_>>().join(" ")
}

/// The words of a text: runs of letters and digits. Apostrophes split
/// elisions (`l'estero` -> `l`, `estero`).
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The words of a text folded by `fold_terms`: runs of letters, digits
/// and letter marks.
pub fn term_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || is_letter_mark(c)))
        .filter(|w| !w.is_empty())
}

/// The content terms of a text, folded, without stopwords or one-letter words.
pub fn terms(s: &str) -> Vec<String> {
    let folded = fold(s);
    words(&folded)
        .filter(|w| w.chars().count() > 1 && !is_stopword(w))
        .map(str::to_string)
        .collect()
}

/// 64-bit FNV-1a: a stable hash for ids and digests (never changes between
/// versions, unlike `std`'s hasher).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| fnv1a_step(h, b))
}

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
pub(crate) fn fnv1a_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn first_terms_hash_is_the_hash_of_the_joined_terms(
            paragraphs in proptest::collection::vec(
                "([A-Za-z0-9]{1,6}|[ ,.’'\\-]|È|perché|\u{301}|\u{2019}|ß|Σ|σ|東京|\u{a0}|il|the|di|[a-z]{60,70}){0,30}", 0..4),
            limit in 1usize..12,
        ) {
            let all: Vec<String> = paragraphs.iter().flat_map(|p| terms(p)).collect();
            let taken = &all[..all.len().min(limit)];
            proptest::prop_assert_eq!(
                first_terms_hash(&paragraphs, limit),
                (fnv1a(taken.join(" ").as_bytes()), taken.len())
            );
        }

        #[test]
        fn fold_is_fold_char_by_char(text in "\\PC{0,30}") {
            let mut expected = String::new();
            for c in text.chars() {
                fold_char(c, false, &mut expected);
            }
            proptest::prop_assert_eq!(fold(&text), expected);
        }

    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Perché Così"), "perche cosi");
        assert_eq!(
            fold("ÀÉÎÕÜ Ǆ ΆΣ Ёж c’è ﬁ"),
            "aeiou ǆ ασ еж c’è ﬁ".replace('è', "e")
        );
        // The lookup table agrees with folding each character.
        for code in 0..0x3000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut expected = String::new();
            fold_char(c, false, &mut expected);
            assert_eq!(fold(&c.to_string()), expected, "U+{code:04X}");
        }
        assert_eq!(fold_key("  Ecco perché — la Cina!"), "ecco perche la cina");
    }

    #[test]
    fn terms_drop_stopwords_in_both_languages() {
        assert_eq!(
            terms("L'estero e la Cina: the chips of Nvidia"),
            vec!["estero", "cina", "chips", "nvidia"]
        );
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
