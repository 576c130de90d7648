//! An edition's page (a weekly edition, a digest): several articles, each
//! a headline over its byline, follow one another in the body, under a line
//! that names the edition with its date. The page's title is that line.

use super::dates;
use super::lines::{Kind, Line};
use super::next_content;

/// Articles, besides the first, that make the body an edition's.
const MORE_ARTICLES: usize = 2;

/// The line that names the edition the article at `t` opens, if the body
/// run `start..=end` holds [`MORE_ARTICLES`] more articles after it.
pub(super) fn edition_title(lines: &[Line], t: usize, start: usize, end: usize) -> Option<usize> {
    let p = super::prev_content(lines, t)?;
    let name = &lines[p];
    let words: Vec<&str> = name.text.split_whitespace().collect();
    let names_an_edition = name.date.is_some()
        && name.byline.is_none()
        && matches!(name.kind, Kind::Heading | Kind::Short)
        && dates::date_start_word(&words).is_some_and(|at| at >= 2);
    if !names_an_edition {
        return None;
    }
    let more = (t.max(start) + 1..=end)
        .filter(|&k| {
            lines[k].is_title_like()
                && next_content(lines, k + 1).is_some_and(|j| lines[j].byline.is_some())
        })
        .take(MORE_ARTICLES)
        .count();
    (more >= MORE_ARTICLES).then_some(p)
}
