//! A headline inside the opening lines of the body run: a site's tagline or
//! a browser notice (prose) above the headline joins the headline, its date
//! and the article into one run of prose.

use super::lines::{Kind, Line};
use super::title_heads::credited_under_standfirst;
use super::title_neighbours::byline_right_under;
use super::{SHORT_DATE_WORDS, dates, meta, next_content};

/// Lines from the start of the run searched for a headline.
const OPENING: usize = 16;
/// Prose lines at most above the headline in the run (a tagline, a notice).
const PROSE_ABOVE: usize = 2;
/// Longest prose line taken for a blurb above the headline ("Self care and
/// ideas to help you live a healthier, happier life.").
const BLURB_EFF: usize = 160;
/// From this length, a prose line is a paragraph of the article, not a
/// tagline or a notice above its headline: no headline comes under it.
const PARAGRAPH_EFF: usize = 500;
/// Longest prose line that may be a headline (two short sentences).
const PROSE_HEADLINE_EFF: usize = 120;

/// The headline among the first lines of the body run `start..=end`: a
/// headline-like line (not a name) with a date right above it or a byline
/// right under it (or a short date line, under a tagline at most), with at most [`PROSE_ABOVE`] prose lines
/// above it in the run. A headline written as sentences ("… a century. Now,
/// it is reborn.") counts when it is short, holds no date, has no headline,
/// credit or date right above it, and has its credit or date under it or
/// under its standfirst;
/// a headline-like line goes first (a tagline is prose).
pub(super) fn opening_headline(lines: &[Line], start: usize, end: usize) -> Option<usize> {
    let found = opening(lines, start, end);
    found
        .iter()
        .find(|&&h| lines[h].is_title_like())
        .or(found.first())
        .copied()
}

/// The lines of the opening that may be its headline, in order.
fn opening(lines: &[Line], start: usize, end: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut prose = 0;
    let mut longest_prose = 0;
    for h in start..end.min(start + OPENING) {
        let l = &lines[h];
        if l.date.is_some()
            || l.byline.is_some()
            || l.kind == Kind::Noise
            || meta::bare_name(l).is_some()
        {
            continue;
        }
        let dated = (start.saturating_sub(3)..h)
            .rev()
            .find(|&j| lines[j].kind != Kind::Noise)
            .is_some_and(|j| {
                (lines[j].date.is_some() && lines[j].words <= SHORT_DATE_WORDS)
                    || dates::is_day_stamp(&lines[j].text)
            });
        let opens = if prose > PROSE_ABOVE {
            // Past a few lines of prose, only a headline dated above and
            // credited below opens the article under a run of blurbs, or
            // one dated below under the copyright closing a box (an
            // author's profile set above the post), or one with its date
            // line and its credit under it when the prose above was all
            // blurbs.
            l.is_title_like()
                && ((dated && meta_within(lines, h, 3))
                    || (date_line_under(lines, h) && under_a_copyright(lines, h))
                    || (longest_prose <= BLURB_EFF && dated_and_credited_under(lines, h)))
        } else if l.is_title_like() {
            // A headline over its standfirst and credit opens the article
            // when a date or a byline comes with the credit: a quote over
            // its speaker's name has none.
            dated
                || byline_right_under(lines, h)
                || (date_line_under(lines, h) && prose <= 1 && longest_prose <= BLURB_EFF)
                || (credited_under_standfirst(lines, h) && meta_within(lines, h, 3))
                || (prose == 1 && over_the_opening_again(lines, start, h))
                || dateline_under(lines, h)
        } else {
            // A long headline opening the run counts when a date line
            // alone sits right under it: a paragraph carries no date line.
            // A sentence closed by its full stop is a standfirst over its
            // writer's credit and date.
            let sentence = l.text.trim_end().ends_with('.');
            let limit = if h == start && !sentence && date_line_under(lines, h) {
                LONG_HEADLINE_EFF
            } else {
                PROSE_HEADLINE_EFF
            };
            l.is_text()
                && l.eff <= limit
                && dates::find_date(&l.text).is_none()
                && meta_within(lines, h, 2)
                && !headline_or_meta_above(lines, h)
        };
        if opens {
            found.push(h);
        }
        if l.is_text() {
            prose += 1;
            longest_prose = longest_prose.max(l.eff);
            // Short blurbs (a menu's descriptions) may stand above the
            // headline in any number; a paragraph of the article may not.
            if (prose > PROSE_ABOVE && l.eff > BLURB_EFF) || l.eff > PARAGRAPH_EFF {
                break;
            }
        }
    }
    found
}

/// Characters of the run's first line that its repeat holds.
const REPEAT_CHARS: usize = 50;

/// Whether the paragraph under the headline `h` tells again the run's first
/// line (the page's description set above the headline, "Sensation in …"
/// over "06.11.23 - Sensation in …").
fn over_the_opening_again(lines: &[Line], start: usize, h: usize) -> bool {
    let first = &lines[start];
    let head: String = first.text.chars().take(REPEAT_CHARS).collect();
    first.is_text()
        && head.chars().count() == REPEAT_CHARS
        && next_content(lines, h + 1)
            .is_some_and(|j| lines[j].is_text() && lines[j].text.contains(&head))
}

/// Longest prose line that may be a headline opening the run over its date
/// line (a headline with a quote in it, "… - ”Meidän näkemyksiämme …”").
const LONG_HEADLINE_EFF: usize = 250;

/// Words at the head of a paragraph in which its dateline's date sits.
const DATELINE_WORDS: usize = 4;

/// Whether the paragraph right under the line opens with a dateline, a
/// place or a credit then a date ("Red. / 31.10.2023 The former colony …",
/// "BERLIN, 2 March 2021 – …"): the article's first paragraph, under its
/// headline.
fn dateline_under(lines: &[Line], i: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|j| {
        let text = &lines[j].text;
        // A paragraph opening with the date alone is a dated section, one
        // of several ("01.02.2022 The labour market …").
        let place = text.trim_start().starts_with(char::is_alphabetic);
        let head = || {
            let words: Vec<&str> = text.split_whitespace().take(DATELINE_WORDS).collect();
            words.join(" ")
        };
        lines[j].is_text() && place && dates::find_date(&head()).is_some()
    })
}

/// A short date line right under the line.
fn date_line_under(lines: &[Line], i: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|j| {
        let l = &lines[j];
        l.date.is_some() && l.byline.is_none() && l.words <= SHORT_DATE_WORDS
    })
}

/// Whether a date line and then a byline are right under the line: a
/// post's head, which opens the article under a run of blurbs (readers'
/// latest comments in a sidebar).
fn dated_and_credited_under(lines: &[Line], i: usize) -> bool {
    date_line_under(lines, i)
        && next_content(lines, i + 1)
            .and_then(|d| next_content(lines, d + 1))
            .is_some_and(|b| lines[b].byline.is_some() || by_a_user_name(&lines[b].text))
}

/// A credit to a user name in lower case ("By oradmin"), which is no
/// writer's name to read as a byline but credits a post all the same.
pub(super) fn by_a_user_name(text: &str) -> bool {
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(by), Some(name), None) => {
            meta::is_by_word(&by.to_lowercase())
                && name.chars().all(|c| c.is_lowercase() || c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether the line above `i` is a copyright ("© Anna Rossi").
fn under_a_copyright(lines: &[Line], i: usize) -> bool {
    super::prev_content(lines, i).is_some_and(|j| {
        let lower = lines[j].text.trim_start().to_lowercase();
        lower.starts_with('©') || lower.starts_with("(c) ") || lower.starts_with("copyright")
    })
}

/// A byline or a date on one of the next `n` lines that are not noise.
fn meta_within(lines: &[Line], i: usize, n: usize) -> bool {
    let mut j = i;
    for _ in 0..n {
        match next_content(lines, j + 1) {
            Some(k) if lines[k].byline.is_some() || lines[k].date.is_some() => return true,
            Some(k) => j = k,
            None => return false,
        }
    }
    false
}

/// A headline-like line of three words or more, a byline or a date among
/// the two lines above: a headline stands above its credit, not under it.
/// A headline the page says so often that it is noise counts too.
fn headline_or_meta_above(lines: &[Line], i: usize) -> bool {
    let repeated = |j: usize| super::title_repeats::is_repeated_headline(&lines[j]);
    (0..i)
        .rev()
        .filter(|&j| lines[j].kind != Kind::Noise || repeated(j))
        .take(2)
        .any(|j| {
            let l = &lines[j];
            (l.is_title_like() && l.words >= 3)
                || repeated(j)
                || l.byline.is_some()
                || l.date.is_some()
        })
}
