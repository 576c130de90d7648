//! A headline candidate repeated on the page: by share and e-mail boxes
//! (the headline), at the start of a longer line or after a share box's
//! label, or as an item of a menu (a section's name, no headline).

use super::lines::{self, Kind, Line};
use super::title_neighbours::{byline_under, meta_under};
use super::title_signs::in_tag_list;
use super::{meta, next_content};

/// A headline that share and e-mail boxes (or a header's featured slot)
/// repeat on the page, so that it was taken for a repeated widget line: the
/// copy with a byline under it (or a "By" label over the name), or a date
/// right above it, right under it or under its standfirst, is the headline.
pub(super) fn is_shared_headline(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    l.kind == Kind::Noise
        && l.words >= 4
        && lines::classify(&l.text, l.eff, l.words, 0) == Kind::Heading
        && (byline_under(lines, i)
            || super::title_heads::date_right_above(lines, i)
            || next_content(lines, i + 1).is_some_and(|j| {
                lines[j].date.is_some()
                    || (lines[j].is_text() && meta_under(lines, i))
                    || meta::is_by_word(&lines[j].text.trim().to_lowercase())
            }))
}

/// A headline made noise by its repeats: read alone, a headline of four
/// words or more.
pub(super) fn is_repeated_headline(l: &Line) -> bool {
    l.kind == Kind::Noise
        && l.words >= SHARED_WORDS
        && lines::classify(&l.text, l.eff, l.words, 0) == Kind::Heading
}

/// Words a line needs for a labelled copy of it to be a share box's and
/// not a category line's ("Kategorie: Allgemein, news").
const SHARED_WORDS: usize = 4;

/// Whether the line is repeated elsewhere on the page: whole, at the start
/// of a longer line, or after a label's colon ("Share this story for: …",
/// a share box naming the headline).
pub(super) fn is_duplicated(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.to_lowercase();
    lines.iter().enumerate().any(|(j, l)| {
        if j == i {
            return false;
        }
        let other = l.text.to_lowercase();
        other == t
            || (l.eff > lines[i].eff && other.starts_with(&t))
            || (lines[i].words >= SHARED_WORDS
                && other
                    .strip_suffix(&t)
                    .is_some_and(|label| label.trim_end().ends_with(':')))
    })
}

/// Whether another copy of the line is an item of a menu or a tag list.
pub(super) fn named_in_a_menu(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.to_lowercase();
    (0..lines.len()).any(|j| j != i && lines[j].text.to_lowercase() == t && in_tag_list(lines, j))
}

/// Lines around a headline's credit searched for the same credit again.
const TEASER_CREDIT_REACH: usize = 6;

/// Whether the headline's credit right under it comes again a few lines
/// away under another headline ("von KB_Redaktion" under two teasers): a
/// list of teasers by one desk, not an article's own head. The credit and
/// the line under it copied twice ("Publicado por X" / "La información es
/// de Y", twice) are one head's, repeated.
pub(super) fn in_teasers_by_one_credit(lines: &[Line], i: usize) -> bool {
    let Some(c) = next_content(lines, i + 1).filter(|&c| lines[c].byline.is_some()) else {
        return false;
    };
    let credit = undated(&lines[c].text);
    let lo = c.saturating_sub(TEASER_CREDIT_REACH);
    let hi = (c + TEASER_CREDIT_REACH).min(lines.len() - 1);
    (lo..=hi).any(|k| {
        k != c
            && k > 0
            && undated(&lines[k].text) == credit
            && lines[k - 1].is_title_like()
            && k - 1 != i
            && lines.get(k + 1).map(|l| &l.text) != lines.get(c + 1).map(|l| &l.text)
    })
}

/// A credit without its date's digits: one writer's credits under teasers
/// of different days ("Von Anna Rossi am 16.11.2022") are the same.
fn undated(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect()
}

/// Labels over a table of contents, as marker keys.
const CONTENTS_LABELS: &[&str] = &[
    "contents",
    "table of contents",
    "on this page",
    "in this article",
    "inhalt",
    "inhaltsverzeichnis",
    "auf dieser seite",
    "in diesem artikel",
    "sommaire",
    "table des matières",
    "índice",
    "indice",
    "contenido",
    "contenidos",
    "spis treści",
];

/// Lines a table of contents may list.
const CONTENTS_ITEMS: usize = 30;

/// Whether the line is an entry of a table of contents: under a
/// "Contents" label, with only short lines between (and one paragraph at
/// most: a section's opening the copy took along), and repeated where its
/// section begins.
pub(super) fn in_contents(lines: &[Line], i: usize) -> bool {
    let mut prose = 0;
    let label = (i.saturating_sub(CONTENTS_ITEMS)..i)
        .rev()
        .take_while(|&j| {
            prose += usize::from(lines[j].is_text());
            prose <= 1
        })
        .any(|j| CONTENTS_LABELS.contains(&super::lines::marker_key(&lines[j].text).as_str()));
    label
        && lines
            .iter()
            .skip(i + 1)
            .any(|l| l.text.eq_ignore_ascii_case(&lines[i].text))
}
