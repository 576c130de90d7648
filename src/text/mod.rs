//! Text utilities shared by the store, the importers and the UI: folding,
//! tokens, stopwords, hashing, near-duplicate texts and wrapping.

pub mod neardup;
pub mod stem;
mod stopwords;
pub mod wrap;

use unicode_normalization::char::is_combining_mark;

pub use stopwords::is_stopword;

/// Lower-cases and strips accents: `Perché` -> `perche`.
pub fn fold(s: &str) -> String {
    // Decomposing char by char equals NFD here: NFD only adds the
    // reordering of combining marks, and they are all dropped.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
    }
    out
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

/// The content terms of a text, folded, without stopwords or one-letter words.
pub fn terms(s: &str) -> Vec<String> {
    let folded = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        fold(s)
    };
    words(&folded)
        .filter(|w| w.chars().count() > 1 && !is_stopword(w))
        .map(str::to_string)
        .collect()
}

/// 64-bit FNV-1a: a stable hash for ids and digests (never changes between
/// versions, unlike `std`'s hasher).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Collapses runs of whitespace (including no-break spaces) to one space.
pub fn squash(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // Start of the current run of non-space text.
    let mut run: Option<usize> = None;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, run) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
                run = None;
            }
            (false, None) => run = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = run {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_matches_split_whitespace() {
        for text in [
            "",
            "   ",
            "a",
            " a  b\t\nc ",
            "perché\u{a0}\u{a0}così\u{3000}东京 ",
            "\u{2028}x\u{85}y\u{b}z",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash(text), expected, "{text:?}");
        }
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Perché Così"), "perche cosi");
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
