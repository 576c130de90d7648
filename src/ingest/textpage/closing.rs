//! The short lines that close an article after its last paragraph: a
//! closing sentence ("I hope you like it.", "Schönen Sonntag <3") and the
//! writer's sign-off ("x Franzi", "Euer Hans").

use super::body::is_plain;
use super::lines::{Kind, Line};
use super::next_content;

/// Most short lines taken as the article's close after its run.
const CLOSING_LINES: usize = 2;
/// Fewest words of a closing sentence.
const CLOSING_WORDS: usize = 4;
/// Most words of a sign-off.
const SIGN_OFF_WORDS: usize = 4;

/// Where emoji start in Unicode (most of them).
const EMOJI: u32 = 0x1F300;

/// Smileys typed with punctuation that end a blog's sentence.
const SMILEYS: &[&str] = &["<3", ":)", ";)", "=)", ":-)", ";-)", ":D", "^^"];

/// How a writer's sign-off opens, lowercased: a kiss, a greeting, "your".
const SIGN_OFFS: &[&str] = &[
    "x ",
    "xx",
    "xoxo",
    "euer ",
    "eure ",
    "dein ",
    "deine ",
    "liebe grüße",
    "alles liebe",
    "herzliche grüße",
    "viele grüße",
    "lg ",
    "lg,",
    "love,",
    "cheers,",
    "yours,",
    "yours ",
    "bis bald",
    "bisous",
    "besos",
    "un abrazo",
    "a presto",
    "à bientôt",
];

/// A sentence too short to count as prose, or the lead-in of one ("What
/// is left is this:"), that may close an article: "I hope you like it.",
/// "And I like that 😉". A question may be another story's headline.
pub(super) fn is_closing_sentence(l: &Line) -> bool {
    let text = l.text.trim_end();
    let ends = super::measure::final_char(text)
        .is_some_and(|c| matches!(c, '.' | '!' | '…' | ':') || u32::from(c) >= EMOJI)
        || SMILEYS.iter().any(|s| text.ends_with(s));
    is_plain(l) && l.words >= CLOSING_WORDS && ends
}

/// A writer's sign-off under the text: a few words opened by a kiss or a
/// greeting ("x Franzi", "Liebe Grüße, Anna").
fn is_sign_off(l: &Line) -> bool {
    let lower = l.text.trim().to_lowercase();
    is_plain(l) && l.words <= SIGN_OFF_WORDS && SIGN_OFFS.iter().any(|s| lower.starts_with(s))
}

/// A wish of a word or three closed by an exclamation mark ("Good luck!").
fn is_wish(l: &Line) -> bool {
    is_plain(l) && l.words < CLOSING_WORDS && l.text.trim_end().ends_with('!')
}

/// A closing sentence or a sign-off.
pub(super) fn is_closing_line(l: &Line) -> bool {
    is_closing_sentence(l) || is_sign_off(l)
}

/// The run's end moved down over the short lines that close the article
/// right after its last paragraph, when nothing of another story (prose, a
/// headline) follows them.
pub(super) fn with_closing_sentences(lines: &[Line], e: usize) -> usize {
    if !lines[e].is_text() {
        return e;
    }
    let mut end = e;
    for _ in 0..CLOSING_LINES {
        let Some(k) = next_content(lines, end + 1) else {
            break;
        };
        // A short wish over a sign-off ("Viel Glück!", "Euer Hans").
        if is_wish(&lines[k]) {
            if let Some(s) = next_content(lines, k + 1).filter(|&s| is_sign_off(&lines[s])) {
                end = s;
                break;
            }
        }
        if !is_closing_line(&lines[k]) {
            break;
        }
        // A sign-off closes the article whatever follows it.
        if is_sign_off(&lines[k]) {
            end = k;
            break;
        }
        let after = next_content(lines, k + 1).map(|a| &lines[a]);
        if after.is_some_and(|a| a.is_text() || (a.kind == Kind::Heading && !is_closing_line(a))) {
            break;
        }
        end = k;
    }
    // A lead-in closes nothing without what it leads to.
    if lines[end].text.trim_end().ends_with(':') {
        e
    } else {
        end
    }
}

/// Fewest words of a lead-in whose list closes the article.
const CLOSING_LEAD_IN_WORDS: usize = 5;
/// Most items of such a list: a longer run of short lines is the page's
/// furniture (another story's links, the offers of a paywall).
const CLOSING_ITEMS: usize = 8;

/// The run's end moved down over the list that closes the article: a
/// sentence's lead-in right after the last paragraph ("What is left is
/// this certainty:") and the few short lines it leads to, up to a line
/// that is no item (a date, prose, a section marker, a closing sentence, a
/// label with its values such as "Category: News").
pub(super) fn with_closing_list(lines: &[Line], e: usize) -> usize {
    let Some(k) = next_content(lines, e + 1) else {
        return e;
    };
    let lead = &lines[k];
    let leads_in = lines[e].is_text()
        && is_plain(lead)
        && lead.words >= CLOSING_LEAD_IN_WORDS
        && lead.text.trim_end().ends_with(':')
        && !super::phrases::is_related_marker(&lead.text);
    if !leads_in {
        return e;
    }
    // A sentence may be the list's one item; after items, it is the page's.
    let is_item = |l: &Line, first: bool| {
        is_plain(l) && (first || !is_closing_sentence(l)) && !is_labelled(&l.text)
    };
    let mut end = k;
    let mut items = 0;
    while let Some(j) = next_content(lines, end + 1).filter(|&j| is_item(&lines[j], end == k)) {
        items += 1;
        if items > CLOSING_ITEMS {
            return e;
        }
        end = j;
    }
    if end == k { e } else { end }
}

/// A label and its values: one word before a colon ("Kategorie: News").
fn is_labelled(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, rest)| !label.trim().contains(' ') && !rest.trim().is_empty())
}
