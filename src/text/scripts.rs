//! Scripts written without spaces between words: Chinese, Japanese, Korean
//! (whose spaced words carry particles: 서울에서), Thai, Lao, Khmer and
//! Myanmar. The index cannot tell where their words end, so it holds every
//! overlapping pair of characters of a run ("bigrams"), and a query for any
//! run of two or more characters is the phrase of its pairs.
//!
//! A run of n characters gives n tokens, one per character: the pair it
//! starts, or the character alone for the last one. So phrase positions
//! follow the characters, and every character begins some token (a query
//! of one character is a prefix search).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Which tokens a run gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokens {
    /// A stored text: one token per character (see the module).
    Index,
    /// A query, matching the run anywhere inside a longer one: its pairs
    /// only (a run of one character gives that character).
    Query,
}

/// True for a character of a script written without spaces.
pub fn is_unspaced(c: char) -> bool {
    let code = u32::from(c);
    let in_script = matches!(code,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1100..=0x11FF // Hangul jamo
        | 0x1780..=0x17FF // Khmer
        | 0x3005..=0x3007 // 々 〆 〇
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3130..=0x318F // Hangul compatibility jamo
        | 0x31F0..=0x31FF // Katakana extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xA960..=0xA97F // Hangul jamo extended A
        | 0xAC00..=0xD7FF // Hangul syllables, jamo extended B
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFFDC // halfwidth Katakana and Hangul
        | 0x20000..=0x3FFFF // CJK extensions B and later
    );
    in_script && (c.is_alphanumeric() || is_combining_mark(c))
}

/// True when `text` may hold an unspaced script: every such character
/// takes three or four bytes in UTF-8, and none starts with 0xE2
/// (U+2000..U+2FFF: quotes, dashes, symbols), so most Latin, Greek and
/// Cyrillic text is skipped cheaply.
pub fn may_have_unspaced(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xE0 && b != 0xE2)
}

/// `text` cut into runs of unspaced script (`true`) and the rest (`false`),
/// in order; no run is empty.
pub fn runs(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let unspaced = is_unspaced(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_unspaced(c) != unspaced)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some((unspaced, run))
    })
}

/// The characters of a run as the index holds them: compatibility forms
/// unified (halfwidth Katakana, compatibility ideographs, decomposed kana),
/// marks dropped except the vowel and tone marks that are part of letters
/// (Thai, Lao, Khmer, Myanmar: see `text::is_letter_mark`).
/// A mark before any letter of the run is dropped: it marks nothing.
pub fn normalized(run: &str) -> Vec<char> {
    kept(run).collect()
}

fn kept(run: &str) -> impl Iterator<Item = char> + '_ {
    let mut after_letter = false;
    run.nfkc().filter(move |&c| {
        if c.is_alphanumeric() && !is_combining_mark(c) {
            after_letter = true;
            return true;
        }
        after_letter && crate::text::is_letter_mark(c)
    })
}

/// Appends the characters of `normalized(run)` to `out`.
pub fn normalized_into(run: &str, out: &mut String) {
    out.extend(kept(run));
}

/// Appends the tokens of one run, space-separated, to `out`.
pub fn run_tokens_into(run: &str, tokens: Tokens, out: &mut String) {
    let chars = normalized(run);
    let n = chars.len();
    let count = match tokens {
        Tokens::Index => n,
        Tokens::Query if n == 1 => 1,
        Tokens::Query => n.saturating_sub(1),
    };
    for i in 0..count {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(chars[i]);
        if let Some(&next) = chars.get(i + 1) {
            out.push(next);
        }
    }
}

/// The pairs of a run (its content terms: a single character says little).
pub fn pairs(run: &str) -> Vec<String> {
    let chars = normalized(run);
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, kind: Tokens) -> String {
        let mut out = String::new();
        for (unspaced, run) in runs(text) {
            if unspaced {
                run_tokens_into(run, kind, &mut out);
            }
        }
        out
    }

    #[test]
    fn runs_split_scripts_and_stop_at_punctuation() {
        let parts: Vec<(bool, &str)> = runs("iPhone 16发布，苹果・アップル").collect();
        assert_eq!(
            parts,
            [
                (false, "iPhone 16"),
                (true, "发布"),
                (false, "，"),
                (true, "苹果"),
                (false, "・"),
                (true, "アップル")
            ]
        );
        assert!(!may_have_unspaced("Perché l’Europa"));
        assert!(may_have_unspaced("東京"));
    }

    #[test]
    fn a_run_gives_one_token_per_character_and_a_query_its_pairs() {
        assert_eq!(tokens("东京大学", Tokens::Index), "东京 京大 大学 学");
        assert_eq!(tokens("东京大学", Tokens::Query), "东京 京大 大学");
        assert_eq!(tokens("京", Tokens::Query), "京");
        assert_eq!(tokens("서울에서", Tokens::Query), "서울 울에 에서");
    }

    #[test]
    fn compatibility_forms_unify_and_thai_marks_stay() {
        // Halfwidth katakana and decomposed kana are the full forms.
        assert_eq!(tokens("ｶﾞｽ", Tokens::Query), "ガス");
        assert_eq!(tokens("か\u{3099}す", Tokens::Query), "がす");
        // ข้าว (rice) and ขาว (white) differ only by the tone mark.
        assert_eq!(tokens("ข้าว", Tokens::Index), "ข\u{0E49} \u{0E49}า าว ว");
        assert_eq!(tokens("ขาว", Tokens::Index), "ขา าว ว");
        assert!(is_unspaced('ข') && is_unspaced('\u{0E49}'));
        // A mark alone is no token (found by the search fuzzer).
        assert_eq!(tokens("\u{0E49}", Tokens::Query), "");
        assert_eq!(tokens("\u{0E49}", Tokens::Index), "");
    }
}
