//! Signs of an article's head around a headline candidate: the date or
//! credit under it, the menu a name sits in, the kicker over a head, the
//! head or the date line above it, and the standfirst and credit under a
//! headline that make it an article's head.

use std::collections::HashSet;

use super::lines::Line;
use super::stamps::is_relative_stamp;
use super::title::{STORY, keys};
use super::title_signs::is_bracketed;
use super::{SHORT_DATE_WORDS, meta, next_content};

/// A date or credit line just after a headline marks it as an article's own title.
/// Only lines above the body count, and the body's first line when it is
/// the credit itself: a date inside the body (a quote's) marks nothing.
pub(super) fn has_meta_after(lines: &[Line], i: usize, start: usize) -> bool {
    let first_is_credit = lines.get(start).is_some_and(|l| l.byline.is_some());
    let until = if first_is_credit { start + 1 } else { start };
    // A relative stamp ("2 hours ago") dates only the line right above it,
    // and a reading time ("6 min read") is only the headline's right above.
    let stamped = next_content(lines, i + 1).is_some_and(|j| {
        j < until
            && (is_relative_stamp(&lines[j].text) || super::stamps::is_reading_time(&lines[j].text))
    });
    stamped
        || (i + 1..until.min(i + 6)).any(|j| {
            lines[j].date.is_some()
                || lines[j].byline.is_some()
                || (meta::bare_name(&lines[j]).is_some() && !in_a_menu(lines, j))
        })
}

/// Whether a short line sits between two more short labels, as a menu's
/// item does ("Transparenz", "Amnesty Shop", "Spenden"): a name there is
/// an item's, not a writer's.
fn in_a_menu(lines: &[Line], j: usize) -> bool {
    // A credit's label ("By") or a writer's handle ("@anna") is no item.
    let label = |k: usize| {
        let l = &lines[k];
        !l.is_text()
            && l.words <= MENU_ITEM_WORDS
            && l.date.is_none()
            && l.byline.is_none()
            && !meta::is_by_word(&l.text.trim().to_lowercase())
            && !l.text.starts_with('@')
    };
    j.checked_sub(1).is_some_and(label) && (j + 1 < lines.len() && label(j + 1))
}

/// Most words of a menu's item.
const MENU_ITEM_WORDS: usize = 3;

/// A short date line right above a headline (noise aside) dates it, as one
/// right under it does.
pub(super) fn date_right_above(lines: &[Line], i: usize) -> bool {
    super::prev_content(lines, i)
        .is_some_and(|j| lines[j].date.is_some() && lines[j].words <= SHORT_DATE_WORDS)
}

/// Whether a date or byline sits a few lines above `i` with a headline
/// right above it (at most one line, a kicker, between them) that tells the
/// body's story (`story` gives a line's overlap with the body): a menu line
/// above a date heads nothing.
pub(super) fn below_a_headlines_meta(
    lines: &[Line],
    i: usize,
    story: impl Fn(usize) -> f64,
) -> bool {
    let is_meta = |l: &Line| l.date.is_some() || l.byline.is_some();
    (i.saturating_sub(12)..i).any(|m| {
        is_meta(&lines[m])
            && (m.saturating_sub(2)..m)
                .any(|h| lines[h].is_title_like() && lines[h].words >= 4 && story(h) >= STORY)
    })
}

/// Whether a headline over its standfirst and credit, telling the body's
/// story, sits a few lines above `i`.
pub(super) fn below_an_article_head(
    lines: &[Line],
    i: usize,
    story: impl Fn(usize) -> f64,
) -> bool {
    (i.saturating_sub(HEAD_REACH)..i).any(|h| {
        lines[h].is_title_like()
            && lines[h].words >= 2
            && story(h) >= STORY
            && credited_under_standfirst(lines, h)
    })
}

/// Lines above a headline searched for an article head it would sit under.
const HEAD_REACH: usize = 8;

/// What a line right over an article's head loses: it is the head's kicker.
pub(super) const KICKER: f64 = -0.6;

/// Whether the next line is a headline over its standfirst and credit:
/// an article's head starts with its headline, so a line right above it is
/// its kicker ("Der Begriff Imperialismus hat heutzutage keinen
/// analytischen Wert" over "Das Imperialismus-Phantom"), however long.
/// A headline set twice in other words ("Kind krank: Was Arbeitgeber
/// wissen müssen" over a longer wording) is no kicker, nor is a credit
/// line with its date. A shorter line over a headline right over its
/// byline is its kicker too ("Le droit en débats" over "Libre cours :
/// Raoult, les nazis et moi" over "Par Matthieu Hy"); a longer one may be
/// the headline over its subtitle.
pub(super) fn over_an_article_head(lines: &[Line], i: usize) -> bool {
    kicks_a_captioned_headline(lines, i)
        || next_content(lines, i + 1).is_some_and(|j| {
            lines[j].is_title_like()
                && lines[j].date.is_none()
                && (credited_under_standfirst(lines, j)
                    || (super::title_neighbours::byline_right_under(lines, j)
                        && lines[i].words < lines[j].words))
                && !says_again(&lines[i].text, &lines[j].text)
        })
}

/// Whether the line, dated right above, sits over a headline with its
/// picture's caption or credit right under it ("19. November 2021" /
/// kicker / headline / "… Foto: X"): the kicker, set between the date
/// and the headline. A line said again under its picture is the
/// standfirst under the headline.
fn kicks_a_captioned_headline(lines: &[Line], i: usize) -> bool {
    let credit = |k: usize| {
        super::title_captions::is_credit_line(&lines[k])
            || super::title_captions::is_credited_caption(&lines[k].text)
    };
    date_right_above(lines, i)
        && next_content(lines, i + 1).is_some_and(|j| {
            lines[j].is_title_like()
                && lines[j].date.is_none()
                && next_content(lines, j + 1).is_some_and(credit)
                && !(j + 1..lines.len().min(j + 4)).any(|k| lines[k].text == lines[j].text)
        })
}

/// Fewest letters of a label in capitals opening a kicker ("KOMMENTAR",
/// "EXKLUSIV"): an acronym opening a headline is shorter.
const LABEL_LETTERS: usize = 7;

/// Whether the line opens with a label in capitals ("KOMMENTAR
/// Bürgermeisterwahl in Petersberg") and a headline follows it: a kicker.
pub(super) fn labels_the_headline_under(lines: &[Line], i: usize) -> bool {
    let text = lines[i].text.trim();
    let mut words = text.split_whitespace();
    let label = words.next().unwrap_or("");
    let capitals = label.chars().count() >= LABEL_LETTERS
        && label.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    capitals
        && words.any(|w| w.chars().any(char::is_lowercase))
        && next_content(lines, i + 1).is_some_and(|j| lines[j].is_title_like())
}

/// Whether half of the content words of `a` or more come back in `b`.
fn says_again(a: &str, b: &str) -> bool {
    let other: HashSet<String> = keys(b).into_iter().collect();
    let own = keys(a);
    2 * own.iter().filter(|k| other.contains(*k)).count() >= own.len()
}

/// Shortest standfirst set as a heading (no final stop) between a headline
/// and its credit: a sentence's length.
const LEAD_STANDFIRST_EFF: usize = 60;

/// Longest standfirst between a headline and its credit: a sentence or two.
const STANDFIRST_EFF: usize = 300;

/// A headline over its standfirst and its credit: the line under it is a
/// sentence or two, and a byline or an author's name follows that. The
/// three make an article's head; a teaser in a list has no credit of its
/// own between its blurb and the next teaser.
pub(super) fn credited_under_standfirst(lines: &[Line], i: usize) -> bool {
    credited_under(lines, i, false)
}

/// As [`credited_under_standfirst`], with a standfirst also set as a
/// heading (no final stop) of a sentence's length: enough to mark the
/// headline over it, too little to make the line above its kicker.
pub(super) fn credited_under_any_standfirst(lines: &[Line], i: usize) -> bool {
    credited_under(lines, i, true)
}

fn credited_under(lines: &[Line], i: usize, headed: bool) -> bool {
    let Some(j) = next_content(lines, i + 1) else {
        return false;
    };
    let s = &lines[j];
    let lead = headed && super::is_lead(s) && s.eff >= LEAD_STANDFIRST_EFF;
    let standfirst =
        (s.is_text() || lead) && s.eff <= STANDFIRST_EFF && s.byline.is_none() && s.date.is_none();
    standfirst && next_content(lines, j + 1).is_some_and(|k| is_credit(&lines[k]))
}

/// Most words of a credit in brackets ("[Anna Rossi, Gazette]").
const BRACKETED_CREDIT_WORDS: usize = 4;

/// A credit: a byline, an author's name alone, a credit's label alone
/// ("By", "Author:") with the name on the next line, or a few words in
/// brackets ("[Anna Rossi, Gazette]", as Japanese pages credit).
fn is_credit(line: &Line) -> bool {
    let label = line.text.trim().to_lowercase();
    line.byline.is_some()
        || meta::bare_name(line).is_some()
        || meta::is_by_word(&label)
        || (is_bracketed(line) && line.words <= BRACKETED_CREDIT_WORDS)
}

/// Labels, lowercased, that open a paper's abstract.
const ABSTRACT_LABELS: &[&str] = &[
    "abstract",
    "zusammenfassung",
    "résumé",
    "resumen",
    "riassunto",
    "streszczenie",
    "samenvatting",
];

/// Whether the line is right under an "Abstract" label: the heading of the
/// abstract's first part ("Purpose of the Review"), not the paper's title.
pub(super) fn under_an_abstract_label(lines: &[Line], i: usize) -> bool {
    super::prev_content(lines, i).is_some_and(|j| {
        let key = lines[j].text.trim().trim_end_matches(':').to_lowercase();
        ABSTRACT_LABELS.contains(&key.as_str())
    })
}
