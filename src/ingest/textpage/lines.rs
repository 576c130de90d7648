//! Splitting a copied page into lines and classifying each line.

use std::collections::HashMap;

use super::boilerplate;
use super::dates;
use super::meta;
use super::phrases;

#[path = "line_shapes.rs"]
pub(super) mod shapes;

pub(super) use super::split::split_lines;

use super::measure::{
    cjk_count, digit_share, eff_len, ends_with_any, ends_with_period, final_char, word_count,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Barrier {
    Related,
    Comments,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Paragraph-like prose.
    Text,
    /// Headline-like: a few words, no closing period.
    Heading,
    Short,
    Boiler,
    /// Carries nothing: lone symbols, image placeholders repeated all over the page.
    Noise,
    /// A section heading after which the article does not continue.
    Barrier(Barrier),
    /// An inline "Read more"-style box heading; the article may resume after it.
    Soft,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub text: String,
    pub eff: usize,
    pub words: usize,
    pub kind: Kind,
    pub date: Option<i64>,
    pub byline: Option<String>,
}

/// Words beside its date from which a dated line is a headline with a date
/// in it ("Protokoll der Vorstandssitzung vom 10. Oktober 2019"), not a
/// date line ("Published on Thursday, 11 November 2021 at 18:00").
const HEADLINE_WORDS: usize = 4;

impl Line {
    pub fn is_text(&self) -> bool {
        self.kind == Kind::Text
    }

    /// Lines that sit between a headline and its blurb without breaking the pair.
    pub fn is_meta(&self) -> bool {
        self.kind == Kind::Noise
            || self.date.is_some()
            || self.byline.is_some()
            || (self.kind == Kind::Short && self.words <= 4)
    }

    /// Could be a page title: a headline of at least two words (or a short CJK phrase).
    pub fn is_title_like(&self) -> bool {
        let digits = digit_share(&self.text);
        matches!(self.kind, Kind::Heading | Kind::Short)
            && (self.date.is_none() || dates::words_beside_date(&self.text) >= HEADLINE_WORDS)
            && self.byline.is_none()
            && (self.words >= 2 || cjk_count(&self.text) >= 4)
            && self.eff >= 6
            && self.eff <= 250
            && (!ends_with_any(&self.text, &['.', ':', ';', ','])
                || is_headline_ending_in_initialism(&self.text))
            && (digits < 0.3
                // A headline naming models by number ("… an RTX 3080, 3090
                // or 3070") still has five words or more; a score or a
                // table's row has fewer.
                || (digits < 0.5
                    && dates::words_beside_date(&self.text) >= HEADLINE_WORDS))
            && !starts_with_bullet(&self.text)
    }
}

/// Abbreviations, lowercased, that a title-cased headline may end on ("…
/// Cold Wave Alert Tues.", "… Martin Luther King Jr.").
const CLOSING_ABBREVIATIONS: &[&str] = &[
    "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.", "jan.",
    "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "jr.", "sr.", "inc.", "corp.", "ltd.",
];

/// A title-cased line whose final period closes an initialism ("… With
/// U.S.") or an abbreviation ("… Alert Tues."): a headline, not a
/// sentence. Prose is not title-cased.
pub(super) fn is_headline_ending_in_initialism(s: &str) -> bool {
    let Some(last) = s.split_whitespace().last() else {
        return false;
    };
    let last = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    let parts: Vec<&str> = last.split_terminator('.').collect();
    let initialism = last.ends_with('.')
        && parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    let abbreviation = CLOSING_ABBREVIATIONS.contains(&last.to_lowercase().as_str());
    (initialism || abbreviation) && !has_inner_sentence_end(s) && is_title_cased(s)
}

/// Title Case: three words of four letters or more, seven in ten of them
/// capitalised. Prose and standfirsts are written in sentence case.
pub(super) fn is_title_cased(s: &str) -> bool {
    let long: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalised * 10 >= long.len() * 7
}

/// Whether a sentence ends inside the line: `.`, `!` or `?` then a space
/// and a capital letter.
pub(super) fn has_inner_sentence_end(s: &str) -> bool {
    let chars: Vec<char> = s.trim_end().chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase())
}

fn ends_with_question(s: &str) -> bool {
    matches!(final_char(s), Some('!' | '?' | '！' | '？'))
}

/// Lower-cased text with surrounding punctuation, counts and bullets removed.
pub(super) fn marker_key(s: &str) -> String {
    let lower = s.to_lowercase();
    let trimmed = lower.trim_matches(|c: char| !c.is_alphabetic());
    let mut key = String::new();
    let mut prev_space = false;
    for c in trimmed.chars() {
        if c.is_ascii_digit() || c == '(' || c == ')' {
            continue;
        }
        if c.is_whitespace() {
            if !prev_space && !key.is_empty() {
                key.push(' ');
            }
            prev_space = true;
        } else {
            key.push(c);
            prev_space = false;
        }
    }
    key.trim_end_matches(|c: char| !c.is_alphabetic())
        .to_string()
}

pub(super) fn build(lines: Vec<String>) -> Vec<Line> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in &lines {
        *counts.entry(l.to_lowercase()).or_default() += 1;
    }
    lines
        .into_iter()
        .map(|text| {
            let eff = eff_len(&text);
            let words = word_count(&text);
            let repeated = counts.get(&text.to_lowercase()).copied().unwrap_or(0);
            let kind = classify(&text, eff, words, repeated);
            let (date, byline) = if eff <= 160 && kind != Kind::Text {
                (dates::find_date(&text), meta::byline_of(&text))
            } else {
                (None, None)
            };
            Line {
                text,
                eff,
                words,
                kind,
                date,
                byline,
            }
        })
        .collect::<Vec<_>>()
        .tap_lists()
        .tap_verse()
        .tap_comment_heads()
        .tap_galleries()
        .tap_split_bylines()
}

/// Bulleted items of at least this many words, this many in a row, are
/// the article's text (a changelog, a list article), not a menu.
const LIST_WORDS: usize = 3;
const LIST_RUN: usize = 5;

trait TapLists {
    fn tap_lists(self) -> Self;
    fn tap_verse(self) -> Self;
    fn tap_comment_heads(self) -> Self;
    fn tap_galleries(self) -> Self;
    fn tap_split_bylines(self) -> Self;
}

impl TapLists for Vec<Line> {
    /// A "By" alone on its line over a name ("By" / "Todd Bates"): the
    /// name's line is the byline.
    fn tap_split_bylines(mut self) -> Self {
        for i in 1..self.len() {
            let by = self[i - 1].text.trim().to_lowercase();
            if meta::is_by_word(&by) && self[i].byline.is_none() {
                self[i].byline = meta::bare_name(&self[i]);
            }
        }
        self
    }

    /// Heads of readers' comments without a heading over them: see
    /// [`super::comment_heads`].
    fn tap_comment_heads(mut self) -> Self {
        super::comment_heads::mark_comment_heads(&mut self);
        self
    }

    /// A picture gallery's counted items are noise: see [`super::gallery`].
    fn tap_galleries(mut self) -> Self {
        super::gallery::mark_galleries(&mut self);
        self
    }

    /// Runs of verse (lyrics, a poem) read as text: see [`super::verse`].
    fn tap_verse(mut self) -> Self {
        super::verse::mark_verse(&mut self);
        self
    }

    /// Runs of bulleted items (one marker, [`LIST_RUN`] or more items of
    /// [`LIST_WORDS`] words or more) read as text.
    fn tap_lists(mut self) -> Self {
        for (i, end) in marker_runs(&self, bullet) {
            if end - i >= LIST_RUN {
                make_text(&mut self[i..end]);
            }
        }
        tap_mixed_lists(&mut self);
        self
    }
}

/// A list of one marker where half the items or more are of several words
/// ([`LIST_RUN`] of them at least) is the article's text, its short items
/// too ("+ Added Banners" in a changelog): a menu's items are all short.
fn tap_mixed_lists(lines: &mut [Line]) {
    let marker = |l: &Line| {
        starts_with_bullet(&l.text)
            .then(|| l.text.chars().next())
            .flatten()
    };
    for (i, end) in marker_runs(lines, marker) {
        let long = lines[i..end]
            .iter()
            .filter(|l| l.words > LIST_WORDS)
            .count();
        if long >= LIST_RUN && long * 2 >= end - i {
            make_text(&mut lines[i..end]);
        }
    }
}

/// The runs `start..end` of consecutive lines opened by one same marker.
fn marker_runs(lines: &[Line], marker: impl Fn(&Line) -> Option<char>) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(m) = marker(&lines[i]) else {
            i += 1;
            continue;
        };
        let end = (i..lines.len())
            .find(|&j| marker(&lines[j]) != Some(m))
            .unwrap_or(lines.len());
        runs.push((i, end));
        i = end.max(i + 1);
    }
    runs
}

/// Headline- and label-like lines of a list become text.
fn make_text(lines: &mut [Line]) {
    for line in lines {
        if matches!(line.kind, Kind::Heading | Kind::Short) {
            line.kind = Kind::Text;
        }
    }
}

/// The bullet a list item starts with, when it is one of several words.
fn bullet(line: &Line) -> Option<char> {
    (starts_with_bullet(&line.text) && line.words > LIST_WORDS)
        .then(|| line.text.chars().next())
        .flatten()
}

/// A list item's line: a bullet, then a space.
fn starts_with_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    let mark = matches!(
        first,
        Some('+' | '-' | '*' | '•' | '·' | '–' | '—' | '▪' | '◦')
    ) && second == Some(' ');
    // A list item lettered "a) ", "b) ".
    let lettered = first.is_some_and(|c| c.is_ascii_lowercase())
        && second == Some(')')
        && chars.next() == Some(' ');
    mark || lettered
}

/// Times a related-stories heading is repeated when its boxes are set
/// inside the article (at the top and at the end makes two).
const INLINE_BOX_TIMES: usize = 3;

pub(super) fn classify(text: &str, eff: usize, words: usize, repeated: usize) -> Kind {
    let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
    if alnum == 0 || (alnum <= 1 && cjk_count(text) == 0) {
        return Kind::Noise;
    }
    if let Some(b) = phrases::barrier(text) {
        // A "Most popular" box set three times or more into the page sits
        // between the article's paragraphs: the article goes on after it.
        if b == Barrier::Related && repeated >= INLINE_BOX_TIMES {
            return Kind::Soft;
        }
        return Kind::Barrier(b);
    }
    if phrases::is_soft_marker(text) {
        return Kind::Soft;
    }
    if phrases::is_inline_link(text) || shapes::is_glued_menu(text, words) {
        return Kind::Noise;
    }
    if boilerplate::is_noise(text, eff) || (repeated >= 3 && (4..8).contains(&words) && eff <= 100)
    {
        return Kind::Noise;
    }
    if boilerplate::is_boilerplate(text, eff) {
        return Kind::Boiler;
    }
    if shapes::is_label_run(text, words)
        || shapes::is_hashtags(text)
        || shapes::is_tag_cloud(text)
        || shapes::is_said_twice(text, words)
    {
        return Kind::Boiler;
    }
    let period = ends_with_period(text) && !is_headline_ending_in_initialism(text);
    let exclaims = ends_with_question(text);
    // A headline is one phrase: a line of several sentences is prose.
    let sentences = (period || exclaims) && has_inner_sentence_end(text);
    if eff >= 150
        || (period && eff >= 40 && words >= 6)
        || (sentences && eff >= 80)
        || (exclaims && eff >= 100)
    {
        return Kind::Text;
    }
    let headline = !period
        && !ends_with_any(text, &[':', ';', ','])
        && (10..=250).contains(&eff)
        && (words >= 3 || cjk_count(text) >= 4);
    if headline { Kind::Heading } else { Kind::Short }
}
