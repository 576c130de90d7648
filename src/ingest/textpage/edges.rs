//! The body's edges. At its opening, a sentence set as a line of its own
//! right before the body's first paragraph (an opening exclamation, a first
//! line of a story) is part of the article, though it is too short to count
//! as prose. At its close, and standing alone inside it, the publication's
//! appeals to the reader ("Subscribe now for the full story", "Follow us on
//! Telegram") are not, nor are lines about the page (notices, disclosures,
//! credits), as in saved pages.

use super::author_note;
use super::lines::{Barrier, Kind, Line};
use super::measure::final_char;
use crate::ingest::page::{self, appeals};

/// Fewest words of a line read as a sentence at the body's edge.
const EDGE_WORDS: usize = 4;
/// Most such lines taken at one edge.
const EDGE_LINES: usize = 3;

/// A line of `words` words or more, not prose by length, that is neither
/// a date nor a credit.
fn is_short_phrase(l: &Line, words: usize) -> bool {
    matches!(l.kind, Kind::Heading | Kind::Short)
        && l.date.is_none()
        && l.byline.is_none()
        && l.words >= words
}

/// A line that is not prose by length but ends as a sentence does.
fn is_sentence_line(l: &Line) -> bool {
    is_short_phrase(l, EDGE_WORDS)
        && final_char(&l.text)
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') || is_emoji(c))
}

/// A standfirst set as a heading that closes as a sentence does.
fn is_lead_sentence(l: &Line) -> bool {
    super::is_lead(l) && final_char(&l.text).is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

/// Most words of a button's label.
const BUTTON_WORDS: usize = 3;

/// Fewest words of a sentence that leads into the first paragraph.
const LEAD_IN_WORDS: usize = 6;

/// A sentence closed by a colon that leads into what follows ("Wolfgang
/// Weber, head of the board, on the draft law:"); not a link set's label.
fn is_lead_in(l: &Line) -> bool {
    is_short_phrase(l, LEAD_IN_WORDS)
        && l.text.trim_end().ends_with(':')
        && !super::phrases::is_related_marker(&l.text)
}

/// Whether the line opens the sentence the first paragraph goes on with
/// ("Der Plakatwettbewerb für Kinder" over "findet in 2020 bereits …"):
/// set in bold as the paragraph's first words, it was copied as a line.
/// A first word in lower case with capitals inside ("iPhone") is a name.
fn opens_the_sentence(l: &Line, first: &Line) -> bool {
    super::body::is_plain(l)
        && !l.text.trim_end().ends_with(['.', '!', '?', ':'])
        && first.text.split_whitespace().next().is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                && w.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
        })
}

/// Lines right above `start` and below `floor` that open the article:
/// sentence lines, nearest first; the nearest may lead into the first
/// paragraph with a colon.
pub(super) fn opening_lines(lines: &[Line], start: usize, floor: usize) -> Vec<usize> {
    let mut taken = Vec::new();
    let mut buttons = false;
    for i in (floor..start).rev() {
        let l = &lines[i];
        // A share bar may sit between the lead and the text, with a link
        // to the comments: they come after the text. A paragraph over the
        // bar is the article's lead.
        // Next to a button, a short label is one more ("twittern").
        let button = (matches!(l.kind, Kind::Boiler | Kind::Barrier(Barrier::Comments))
            || (buttons && super::body::is_plain(l)))
            && l.words <= BUTTON_WORDS;
        if l.kind == Kind::Noise || (button && taken.is_empty()) {
            buttons |= button;
            continue;
        }
        let lead = buttons && (l.is_text() || is_lead_sentence(l)) && l.byline.is_none();
        let lead_in = i + 1 == start && (is_lead_in(l) || opens_the_sentence(l, &lines[start]));
        if taken.len() >= EDGE_LINES || !(is_sentence_line(l) || lead || lead_in) {
            break;
        }
        taken.push(i);
    }
    taken
}

/// Most words of a subheading.
const SUBHEADING_WORDS: usize = 10;

/// A subheading that opens the article: the one line between the headline
/// (or its standfirst) and the first paragraph, set as a short heading
/// ("How it works", "Aufbau und Inhalt"): no date, credit, writer's name,
/// breadcrumb trail, caption or page count ("Page 1 of 2").
pub(super) fn opening_subheading(lines: &[Line], start: usize, floor: usize) -> Option<usize> {
    let mut between = (floor..start).filter(|&i| lines[i].kind != Kind::Noise);
    let h = between.next()?;
    let l = &lines[h];
    (between.next().is_none()
        && matches!(l.kind, Kind::Heading | Kind::Short)
        && l.date.is_none()
        && l.byline.is_none()
        && (2..=SUBHEADING_WORDS).contains(&l.words)
        && !l.text.contains(|c: char| c == '|' || c.is_ascii_digit())
        && super::meta::bare_name(l).is_none())
    .then_some(h)
}

/// Whether a paragraph speaks of the page, not of the story, by the
/// saved-page rules: a copyright or licence notice, a disclosure of
/// affiliate links, a picture's credit, a widget's label or a login prompt.
fn about_the_page(p: &str) -> bool {
    page::lines::is_page_line(&p.trim().to_lowercase())
}

/// Items at least in a list of tags.
const TAG_ITEMS: usize = 4;
/// Words at most in one tag.
const TAG_WORDS: usize = 5;
/// Share of the tags at least that open with a capital: names and topics.
const TAG_CAPITALS: f64 = 0.8;
/// Labels a list of tags may open with, lower-cased.
const TAG_LABELS: &[&str] = &[
    "filed under",
    "tags",
    "tagged",
    "themen",
    "schlagwörter",
    "topics",
];

/// Whether a paragraph is a list of the article's tags: four or more short
/// items parted by commas, most of them capitalised, with no sentence's
/// end ("Politics, Barack Obama, Economy, Media"). A list in prose ends
/// with its sentence; one under a label of its own (a recipe's "Extras:
/// nuts, raisins") is a tag list only under a tag label.
pub(super) fn is_tag_list(p: &str) -> bool {
    let p = p.trim();
    let items: Vec<&str> = match p.split_once(':') {
        Some((label, rest)) if TAG_LABELS.contains(&label.trim().to_lowercase().as_str()) => {
            rest.split(',').map(str::trim).collect()
        }
        Some(_) => return false,
        None => p.split(',').map(str::trim).collect(),
    };
    let capitals = items
        .iter()
        .filter(|i| i.chars().next().is_some_and(char::is_uppercase))
        .count();
    items.len() >= TAG_ITEMS
        && items
            .iter()
            .all(|i| !i.is_empty() && i.split_whitespace().count() <= TAG_WORDS)
        && capitals as f64 >= TAG_CAPITALS * items.len() as f64
        && !p.ends_with(['.', '!', '?', '…'])
}

/// Drops the appeals, the notes on the author and the tag lists that close the body, the
/// appeals standing alone inside it and the lines about the page, keeping
/// at least its first paragraph.
pub(super) fn drop_appeals(body: &mut Vec<String>) {
    while body.len() > 1
        && body.last().is_some_and(|p| {
            appeals::is_appeal(p)
                || appeals::opens_with_pitch(p)
                || author_note::is_author_note(p)
                || is_tag_list(p)
        })
    {
        body.pop();
    }
    let first = body.first().cloned();
    body.retain(|p| !appeals::is_inline_appeal(p) && !about_the_page(p));
    if body.is_empty() {
        body.extend(first);
    }
}
