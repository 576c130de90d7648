//! Wrapping with hyphenation: long words may break at the hyphenation
//! points of the text's language (TeX patterns, embedded) when keeping them
//! whole would leave a line very ragged.
//!
//! The lines are the ones `wrap::wrap` gives, except that a word may end a
//! line with an inserted `-` and go on at the start of the next one. Only
//! words made of letters are hyphenated: never a word with digits, an
//! address, a path or an identifier (`.`, `/`, `@`, `_`, `:` inside).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use hyphenation::{Hyphenator, Language, Load, Standard};
use textwrap::core::{Word, break_words};
use textwrap::word_splitters::{WordSplitter, split_words};
use textwrap::wrap_algorithms::Penalties;
use textwrap::{WordSeparator, WrapAlgorithm};

use super::wrap::{sanitize, split_overwide};

/// A wrapped line; `hyphen` when it ends with an inserted `-` (not in the
/// text) because its last word goes on on the next line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub hyphen: bool,
}

/// Words shorter than this (in characters) are never hyphenated.
const MIN_WORD: usize = 6;

/// The embedded patterns for a language tag (`it`, `en-GB`, `de_CH`...),
/// loaded once per language; None for a language they do not cover.
pub fn dictionary(tag: &str) -> Option<&'static Standard> {
    let language = language(tag)?;
    static LOADED: OnceLock<Mutex<HashMap<Language, Option<&'static Standard>>>> = OnceLock::new();
    let loaded = LOADED.get_or_init(Default::default);
    let mut loaded = loaded.lock().unwrap_or_else(|e| e.into_inner());
    *loaded.entry(language).or_insert_with(|| {
        // At most one dictionary per language is ever loaded, so leaking
        // it is bounded and lets every layout borrow it freely.
        Standard::from_embedded(language)
            .ok()
            .map(|d| &*Box::leak(Box::new(d)))
    })
}

/// The patterns' language for a BCP 47 tag or a three-letter/English name
/// as sources give it.
fn language(tag: &str) -> Option<Language> {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let region = parts.next().unwrap_or("");
    let code = match primary {
        "en" | "eng" | "english" => match region {
            "gb" | "uk" | "ie" | "au" | "nz" | "za" | "in" => "en-gb",
            _ => "en-us",
        },
        "it" | "ita" | "italian" | "italiano" => "it",
        "de" | "deu" | "ger" | "german" | "deutsch" => match region {
            "ch" => "de-ch-1901",
            _ => "de-1996",
        },
        "fr" | "fra" | "fre" | "french" | "français" => "fr",
        "es" | "spa" | "spanish" | "español" => "es",
        "pt" | "por" | "portuguese" => "pt",
        "nl" | "nld" | "dut" | "dutch" => "nl",
        "el" | "ell" | "gre" | "greek" => "el-monoton",
        "no" | "nb" | "nor" | "nob" => "nb",
        "nn" | "nno" => "nn",
        "sr" => "sr-cyrl",
        "mn" => "mn-cyrl",
        other => other,
    };
    Language::try_from_code(code)
}

/// Wraps a paragraph to lines no wider than `width`, hyphenating with
/// `dict`. Text that needs no hyphen comes out as `wrap::wrap` gives it.
pub fn wrap_hyphenated(text: &str, width: usize, dict: &Standard) -> Vec<Piece> {
    let plain = super::wrap::wrap(text, width);
    // Hyphens only for a paragraph some line of which (not its last) would
    // leave more than a third of the line empty, or with a word wider than
    // the line (cut anyway); and not below 4 columns, with no room for a
    // syllable and its hyphen.
    let ragged = |line: &String| width.saturating_sub(super::wrap::width(line)) > width / 3;
    // The words that may break: the first of a ragged line (not the last)
    // and of the line after it (which would not fit there whole), and each
    // word wider than the line.
    let mut candidates: Vec<&str> = plain
        .windows(2)
        .filter(|pair| ragged(&pair[0]))
        .flat_map(|pair| [pair[0].split(' ').next(), pair[1].split(' ').next()])
        .flatten()
        .collect();
    candidates.extend(
        text.split_whitespace()
            .filter(|w| super::wrap::width(w) > width),
    );
    if width < 4 || candidates.is_empty() {
        return plain
            .into_iter()
            .map(|text| Piece {
                text,
                hyphen: false,
            })
            .collect();
    }
    let clean = super::squash(&sanitize(text));
    if clean.is_empty() {
        return Vec::new();
    }
    let mut fragments = Vec::new();
    let mut token = Vec::new();
    for word in WordSeparator::new().find_words(&clean) {
        let ends = !word.whitespace.is_empty();
        token.push(word);
        if ends {
            split_token(&mut token, dict, &candidates, &mut fragments);
        }
    }
    split_token(&mut token, dict, &candidates, &mut fragments);
    let fragments = break_words(fragments, width);
    let mut penalties = Penalties::new();
    // Optimal fit costs a gap of g columns g²: a hyphen is worth it only
    // when it saves about as much as a third of a line left empty.
    penalties.hyphen_penalty = penalties.hyphen_penalty.max((width / 3).pow(2));
    let widths = [width];
    let lines = WrapAlgorithm::OptimalFit(penalties).wrap(&fragments, &widths);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let Some((last, rest)) = line.split_last() else {
            continue;
        };
        let mut s = String::new();
        for w in rest {
            s.push_str(w.word);
            s.push_str(w.whitespace);
        }
        s.push_str(last.word);
        let hyphen = last.penalty == "-";
        let s = s.trim_end();
        let mut pieces = split_overwide(s, width.saturating_sub(usize::from(hyphen)).max(1));
        let count = pieces.len();
        for (i, text) in pieces.drain(..).enumerate() {
            let hyphen = hyphen && i + 1 == count;
            let text = if hyphen { format!("{text}-") } else { text };
            out.push(Piece { text, hyphen });
        }
    }
    out
}

/// Splits the words of one token (the text between two spaces, which the
/// line-break rules may have cut at `/`, `-` or between ideographs) into
/// fragments, at hyphenation points when the token is a word of letters.
fn split_token<'a>(
    token: &mut Vec<Word<'a>>,
    dict: &Standard,
    candidates: &[&str],
    out: &mut Vec<Word<'a>>,
) {
    let text: String = token.iter().map(|w| w.word).collect();
    let letters = candidates
        .iter()
        .any(|c| text.starts_with(c) || c.starts_with(&text))
        && is_wordlike(&text);
    for word in token.drain(..) {
        match letters.then(|| breaks(word.word, dict)).flatten() {
            Some(points) => out.extend(split_at(word, &points)),
            None => out.extend(split_words([word], &WordSplitter::HyphenSplitter)),
        }
    }
}

/// Letters, maybe joined by hyphens or apostrophes, maybe with
/// punctuation around: not an address, a number or an identifier.
fn is_wordlike(token: &str) -> bool {
    let addressy = |c: char| {
        c.is_numeric()
            || matches!(
                c,
                '/' | '@' | '_' | '\\' | '#' | '=' | '&' | '%' | '~' | '+' | '<' | '>' | '|'
            )
    };
    let joiner = |c: char| matches!(c, '-' | '\'' | '’');
    let core_start = token.len() - token.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let core_end = token.trim_end_matches(|c: char| !c.is_alphabetic()).len();
    if core_start >= core_end {
        return false;
    }
    let (lead, core, tail) = (
        &token[..core_start],
        &token[core_start..core_end],
        &token[core_end..],
    );
    !lead.chars().any(|c| addressy(c) || c == '.' || c == ':')
        && core.chars().all(|c| c.is_alphabetic() || joiner(c))
        && !tail.chars().any(addressy)
}

/// Byte offsets in `word` where it may break with a hyphen, or None when
/// it is not a word to hyphenate.
fn breaks(word: &str, dict: &Standard) -> Option<Vec<usize>> {
    // Too short to break.
    word.chars().nth(MIN_WORD - 1)?;
    let start = word.find(|c: char| c.is_alphabetic())?;
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8())?;
    let core = &word[start..end];
    let joiner = |c: char| matches!(c, '-' | '\'' | '’');
    if !core.chars().all(|c| c.is_alphabetic() || joiner(c)) {
        return None;
    }
    let mut points = Vec::new();
    let mut at = start;
    for run in core.split(joiner) {
        if run.chars().nth(MIN_WORD - 2).is_some() {
            points.extend(dict.hyphenate(run).breaks.into_iter().map(|b| at + b));
        }
        at += run.len();
        // After a hyphen of the word itself the line may break too.
        if word[at..].starts_with('-') && at + 1 < end {
            points.push(at + 1);
        }
        at += word[at..].chars().next().map_or(0, char::len_utf8);
    }
    points.retain(|&p| p > start && p < end && word.is_char_boundary(p));
    points.sort_unstable();
    points.dedup();
    (!points.is_empty()).then_some(points)
}

/// The word's pieces between `points`: each but the last ends with an
/// inserted hyphen unless it ends with one already.
fn split_at<'a>(word: Word<'a>, points: &[usize]) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(points.len() + 1);
    let mut prev = 0;
    for &p in points {
        let mut piece = Word::from(&word.word[prev..p]);
        piece.penalty = if piece.word.ends_with('-') { "" } else { "-" };
        out.push(piece);
        prev = p;
    }
    let mut last = Word::from(&word.word[prev..]);
    last.whitespace = word.whitespace;
    last.penalty = word.penalty;
    out.push(last);
    out
}

#[cfg(test)]
#[path = "hyphen_tests.rs"]
mod tests;
