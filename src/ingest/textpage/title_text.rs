//! The text a chosen headline line gives: without a day stamp glued to
//! it, in the copy that keeps the page's separator, or the body's first
//! sentence when no line is the headline.

use super::lines::Line;

/// The title a headline line gives: without the day stamp ("Jun 17") that
/// the line right above it carries alone, when the copy joined the stamp to
/// the headline ("Jun 17 The Headline").
pub(super) fn title_text(lines: &[Line], t: usize) -> String {
    let text = &lines[t].text;
    let stamp = super::prev_content(lines, t)
        .map(|j| lines[j].text.as_str())
        .filter(|s| super::dates::is_day_stamp(s));
    stamp
        .and_then(|s| text.strip_prefix(s))
        .filter(|rest| rest.starts_with(' '))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(text)
        .trim_start_matches(|c| LINK_MARKS.contains(&c) && !text.contains('‹'))
        .trim_start()
        .to_string()
}

/// Marks a menu sets before a link ("› Atomkraft …"): no part of a title.
const LINK_MARKS: &[char] = &['›', '→', '▸', '►'];

/// A headline set in two parts ("Prince" over "Woman Warns …") is copied
/// once with its separator, where the page names itself, and once glued,
/// where it is styled: of two lines a few apart with the same words, the
/// one that keeps the separator the page wrote is the title.
pub(super) fn punctuated_twin(lines: &[Line], t: usize) -> usize {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let own = words(&lines[t].text);
    (t.saturating_sub(TWIN_REACH)..t)
        .rev()
        .find(|&j| {
            lines[j].text.chars().count() > lines[t].text.chars().count()
                && words(&lines[j].text) == own
        })
        .unwrap_or(t)
}

/// Lines above a headline searched for its copy with the separator: a
/// teaser picture or a share bar may sit between the two.
const TWIN_REACH: usize = 8;

pub(super) fn fallback_title(body: &[String]) -> String {
    let first = body.first().map(String::as_str).unwrap_or_default();
    let sentence_end = first
        .char_indices()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '。'))
        .map_or(first.len(), |(p, c)| p + c.len_utf8());
    let words: Vec<&str> = first[..sentence_end].split_whitespace().take(14).collect();
    words.join(" ")
}
