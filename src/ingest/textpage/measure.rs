//! Measures of a copied line's text: CJK characters, length in Latin
//! equivalents, words, how it ends.

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF
        | 0x2E80..=0x2FDF
        | 0x3000..=0x30FF
        | 0x3130..=0x318F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFF60)
}

pub(super) fn cjk_count(s: &str) -> usize {
    s.chars().filter(|&c| is_cjk(c)).count()
}

/// Length in Latin-character equivalents: a CJK character carries about as much as two.
pub(super) fn eff_len(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

pub(super) fn word_count(s: &str) -> usize {
    let latin = s
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)))
        .count();
    latin + cjk_count(s) / 2
}

/// The share of digits among a line's letters and digits. A year's digits
/// ("2021-2022 Line Outline") count as letters: a year names a season or an
/// edition as a word does, where scores and times are figures.
pub(super) fn digit_share(s: &str) -> f64 {
    let alnum = s.chars().filter(|c| c.is_alphanumeric()).count();
    if alnum == 0 {
        return 1.0;
    }
    let digits: usize = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !is_year(run))
        .map(str::len)
        .sum();
    digits as f64 / alnum as f64
}

/// A four-digit year of the 1900s or 2000s.
pub(super) fn is_year(run: &str) -> bool {
    run.len() == 4
        && (run.starts_with("19") || run.starts_with("20"))
        && run.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn ends_with_any(s: &str, chars: &[char]) -> bool {
    s.chars().last().is_some_and(|c| chars.contains(&c))
}

/// The last character that is not a closing quote or bracket.
pub(super) fn final_char(s: &str) -> Option<char> {
    s.chars().rev().find(|c| {
        !matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '）' | '」' | '』' | '*'
        )
    })
}

pub(super) fn ends_with_period(s: &str) -> bool {
    matches!(final_char(s), Some('.' | '…' | '。'))
}

/// How often a word has `lower` lower-case letters running into a capital
/// ("BekenntnisChristlicher"): words whose space was lost in copying.
pub(super) fn glued_junctions(word: &str, lower: usize) -> usize {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(lower + 1)
        .filter(|w| w[..lower].iter().all(|c| c.is_lowercase()) && w[lower].is_uppercase())
        .count()
}

/// Whether the text names a price: a currency sign with a number beside it
/// ("$10", "4,80 €").
pub(super) fn has_price(text: &str) -> bool {
    text.char_indices().any(|(p, c)| {
        matches!(c, '$' | '€' | '£' | '¥')
            && (text[p + c.len_utf8()..]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit())
                || text[..p].trim_end().ends_with(|d: char| d.is_ascii_digit()))
    })
}

/// A lower-case word of five letters or more: no time or label of a credit.
pub(super) fn is_sentence_word(w: &str) -> bool {
    w.chars().count() >= 5 && w.chars().all(char::is_lowercase)
}
