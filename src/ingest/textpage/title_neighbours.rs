//! What the lines around a headline candidate say of it: a byline or a
//! date under it (its own credit), a date over it, a longer headline of
//! the story right above it (then it is that headline's subtitle).

use super::lines::{Kind, Line};
use super::title_furniture::has_credit_label;
use super::{DATE_LINE_WORDS, SHORT_DATE_WORDS, meta, next_content};

/// A byline on the next line that is not noise, or the names of the
/// writers alone ("Anna Rossi, Paolo Bianchi"); a category in capitals
/// may sit between them ("Libre cours : …" / "AVOCAT" / "Par Matthieu Hy
/// le 07 Mai 2020").
pub(super) fn byline_right_under(lines: &[Line], i: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|j| {
        lines[j].byline.is_some()
            || meta::is_name_list(lines[j].text.trim())
            || (is_caps_label(&lines[j])
                && next_content(lines, j + 1).is_some_and(|k| lines[k].byline.is_some()))
    })
}

/// Most words of a category written in capitals.
const CAPS_LABEL_WORDS: usize = 2;

/// A category written in capitals ("AVOCAT", "POLITIK").
fn is_caps_label(l: &Line) -> bool {
    let letters = l.text.chars().filter(|c| c.is_alphabetic()).count();
    l.words <= CAPS_LABEL_WORDS
        && letters >= 3
        && l.date.is_none()
        && l.byline.is_none()
        && l.text
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// A date line right under the line and a byline right under the date: a
/// blog post's head ("Nach viel zu langer Zeit …" / "31 Donnerstag Okt
/// 2019" / "Posted by DT in Tagebuch").
/// A section's label over the date and byline of a headline under them
/// ("Formel 1-News" / "02.02.2022 · 11:14" / "von X" / headline) is not
/// one.
pub(super) fn date_then_byline_under(lines: &[Line], i: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|d| {
        lines[d].date.is_some()
            && lines[d].byline.is_none()
            && lines[d].words <= SHORT_DATE_WORDS
            && super::dates::words_beside_date(&lines[d].text) <= DATE_LINE_OTHER_WORDS
            && next_content(lines, d + 1).is_some_and(|b| {
                lines[b].byline.is_some()
                    && next_content(lines, b + 1).is_none_or(|h| !lines[h].is_title_like())
            })
    })
}

/// Most words beside the date in a date line under a headline ("Posted on
/// Thursday, …"); a line with more is a headline with a date in it.
const DATE_LINE_OTHER_WORDS: usize = 2;

/// Most words of a date line standing over a headline.
const DATE_OVER_WORDS: usize = 6;

/// A date line (or a date and credit line) right above the line, and above
/// that no headline of its own (a label, a menu's last item, or nothing):
/// a date over a
/// name-like line makes it the story's headline ("20.06.2019 11:43" over
/// "Ben Wilson Surf"), where a headline, then its date, then a name make
/// the name its byline.
pub(super) fn dated_headline(lines: &[Line], i: usize) -> bool {
    let content = |j: usize| (0..j).rev().find(|&k| lines[k].kind != Kind::Noise);
    // A date line may carry the credit ("05.02.2020 - Redaktion: NAME"):
    // then the name-like line under it is no byline either.
    let Some(d) = content(i).filter(|&d| {
        let l = &lines[d];
        l.date.is_some()
            && (l.words <= DATE_OVER_WORDS
                || ((l.byline.is_some() || has_credit_label(&l.text))
                    && l.words <= 2 * DATE_OVER_WORDS))
    }) else {
        return false;
    };
    // A trail's crumb ("Presse und News >") is no headline.
    let crumb = |h: usize| lines[h].text.trim_end().ends_with(['>', '›', '»']);
    content(d).is_none_or(|h| !(lines[h].is_title_like() && lines[h].words >= 3) || crumb(h))
}

/// Whether the line is a dated headline (see [`dated_headline`]) whose
/// date line carries its credit ("05.02.2020 - Redaktion: NAME").
pub(super) fn under_a_credited_date(lines: &[Line], i: usize) -> bool {
    dated_headline(lines, i)
        && super::prev_content(lines, i)
            .is_some_and(|d| lines[d].byline.is_some() || has_credit_label(&lines[d].text))
}

/// Fewest words of a headline right above that makes a line its subtitle.
const HEADLINE_ABOVE_WORDS: usize = 6;

/// Whether a headline of the story (six words or more: no kicker) stands
/// right above the line: a page sets its headline first, and a second line
/// telling the story under it is its subtitle or standfirst, whatever its
/// case or length.
pub(super) fn under_a_headline(lines: &[Line], i: usize, story: impl Fn(usize) -> f64) -> bool {
    super::prev_content(lines, i).is_some_and(|j| {
        lines[j].is_title_like()
            && lines[j].words >= HEADLINE_ABOVE_WORDS
            && lines[j].date.is_none()
            && story(j) >= 0.3
    })
}

/// A line right under a longer headline that the page says again while
/// it says this line once: the headline's short form, set between the
/// headline and its credit, and no headline of its own.
pub(super) fn shorter_than_a_repeated_headline(lines: &[Line], i: usize) -> bool {
    super::prev_content(lines, i).is_some_and(|j| {
        lines[j].words > lines[i].words
            && super::title_repeats::is_duplicated(lines, j)
            && !super::title_repeats::is_duplicated(lines, i)
    })
}

/// A byline, a date or a writer's name alone on the next line that is not
/// noise: a headline's own credit, which a subtitle under the headline
/// does not have.
pub(super) fn meta_right_under(lines: &[Line], i: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|j| {
        let l = &lines[j];
        l.byline.is_some() || l.date.is_some() || meta::bare_name(l).is_some()
    })
}

/// A byline within three lines under a line.
pub(super) fn byline_under(lines: &[Line], i: usize) -> bool {
    (i + 1..lines.len().min(i + 4)).any(|j| lines[j].byline.is_some())
}

/// A byline within three lines under a line with no other headline
/// between (a picture's credit may be): a credit that belongs to the line
/// and not to a headline under it.
pub(super) fn own_byline_under(lines: &[Line], i: usize) -> bool {
    (i + 1..lines.len().min(i + 4))
        .take_while(|&j| {
            lines[j].byline.is_some()
                || !lines[j].is_title_like()
                || super::title_captions::is_credit_line(&lines[j])
        })
        .any(|j| lines[j].byline.is_some())
}

/// Whether the line is a headline over its picture's credit, its date line
/// right under the credit and right over the text ("Verjährung von …" /
/// "Bild: AdobeStock/…" / "20.12.2022" / text), or dated right above with
/// the text right under the credit: no caption, which sits under its
/// picture and not over the article's date.
pub(super) fn dated_under_its_picture(lines: &[Line], i: usize, start: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|c| {
        let after = next_content(lines, c + 1);
        super::title_captions::is_credit_line(&lines[c])
            && (after.is_some_and(|d| date_over_the_text(lines, d, start))
                || (super::title_heads::date_right_above(lines, i) && after == Some(start)))
    })
}

/// A byline or a date within three lines under a line.
pub(super) fn meta_under(lines: &[Line], i: usize) -> bool {
    (i + 1..lines.len().min(i + 4)).any(|j| lines[j].byline.is_some() || lines[j].date.is_some())
}

/// Most words of a headline closed by a period.
const PERIOD_HEADLINE_WORDS: usize = 8;

/// Whether the line is a short headline a blog closes with a period
/// ("Elektro-Zapfsäulen.", "Nebelsuppe."): one phrase opening in a capital,
/// a date line right under it and the article right under the date.
pub(super) fn period_headline(lines: &[Line], i: usize, start: usize) -> bool {
    let l = &lines[i];
    let text = l.text.trim_end();
    let one_phrase = text.ends_with('.')
        && !text.ends_with("..")
        && !text[..text.len() - 1].contains(['.', '!', '?', ':', ';']);
    one_phrase
        && matches!(l.kind, Kind::Heading | Kind::Short)
        && l.date.is_none()
        && l.byline.is_none()
        && (1..=PERIOD_HEADLINE_WORDS).contains(&l.words)
        && text.starts_with(char::is_uppercase)
        && next_content(lines, i + 1).is_some_and(|d| date_over_the_text(lines, d, start))
}

/// Whether line `d` is a date line (with its credit, if any) right over
/// the text at `start`, or over a post format's label of one word
/// ("Standard") right over it.
fn date_over_the_text(lines: &[Line], d: usize, start: usize) -> bool {
    let label =
        |j: usize| lines[j].kind == Kind::Short && lines[j].words == 1 && lines[j].date.is_none();
    lines[d].date.is_some()
        && lines[d].words <= DATE_LINE_WORDS
        && next_content(lines, d + 1)
            .is_some_and(|j| j == start || (label(j) && next_content(lines, j + 1) == Some(start)))
}

/// Whether the line is a headline right over its date line, itself right
/// over the text: a blog post's own headline, however short, where a
/// blog's tagline sits higher up.
pub(super) fn dated_right_over_the_text(lines: &[Line], i: usize, start: usize) -> bool {
    i < start
        && lines[i].date.is_none()
        && lines[i].byline.is_none()
        && next_content(lines, i + 1).is_some_and(|d| date_over_the_text(lines, d, start))
}

/// Whether a name-like line set in capitals ("OUTDOOR LOVERS") is a post's
/// headline: right over its date line over the text, with no headline
/// above it (a menu's last item at most). A writer's name over the date
/// sits under a headline, or is set in the text's case ("Anna Rossi/").
pub(super) fn dated_post_under_no_headline(lines: &[Line], i: usize, start: usize) -> bool {
    !lines[i].text.chars().any(char::is_lowercase)
        && dated_right_over_the_text(lines, i, start)
        && super::prev_content(lines, i)
            .is_none_or(|h| !(lines[h].is_title_like() && lines[h].words >= 3))
}

/// Whether the line goes on with the sentence of the line above: it opens
/// in lower case under a line closed by a comma ("Help us break the
/// censorship," over "we need your support to keep reporting"). A
/// headline starts its own line.
pub(super) fn continues_the_line_above(lines: &[Line], i: usize) -> bool {
    let lower = lines[i]
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    lower && super::prev_content(lines, i).is_some_and(|j| lines[j].text.trim_end().ends_with(','))
}
