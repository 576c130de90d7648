//! A post made of short lines (an agenda, a list of links, each with its
//! source): no paragraph of it reads as prose, so the densest run of prose
//! is elsewhere (the blog's description, a feed of tweets in the sidebar).
//! Such a post still has a head: a headline over its date line. The lines
//! under that head, up to the share bar, are the post when they outweigh
//! the prose found.

use super::lines::{Kind, Line};
use super::{DATE_LINE_WORDS, next_content};

/// Fewest lines of a post of short lines.
const POST_LINES: usize = 5;
/// Fewest words per line, on average, of such a post: a menu's items have
/// one or two.
const POST_LINE_WORDS: usize = 4;
/// Most words of a button's label.
const LABEL_WORDS: usize = 3;
/// Prose (in Latin characters) from which the run found is an article,
/// whatever lines of another post there are.
const PROSE_ENOUGH: usize = 200;

/// The post of short lines under a dated headline, as `(first, last)`
/// lines, when it outweighs the prose of the run `start..=end`.
pub(super) fn list_post(lines: &[Line], start: usize, end: usize) -> Option<(usize, usize)> {
    let prose: usize = lines[start..=end]
        .iter()
        .filter(|l| l.is_text())
        .map(|l| l.eff)
        .sum();
    if prose >= PROSE_ENOUGH {
        return None;
    }
    (1..lines.len())
        .filter(|&d| is_dated_head(lines, d))
        .filter_map(|d| post_under(lines, d + 1))
        .find(|&(first, last)| {
            let weight: usize = lines[first..=last].iter().map(|l| l.eff).sum();
            weight > prose && !(first..=last).contains(&start)
        })
}

/// Whether line `d` is a date line (with its credit) right under a headline.
fn is_dated_head(lines: &[Line], d: usize) -> bool {
    let l = &lines[d];
    let headline = (0..d)
        .rev()
        .find(|&h| lines[h].kind != Kind::Noise)
        .is_some_and(|h| lines[h].is_title_like() && lines[h].date.is_none());
    l.date.is_some() && l.words <= DATE_LINE_WORDS && headline
}

/// The lines from `from` on up to the first button, section marker or
/// boilerplate line, when they make a post: several lines of some words
/// each, none of them a date line (a list of dated teasers is no post).
fn post_under(lines: &[Line], from: usize) -> Option<(usize, usize)> {
    let first = next_content(lines, from)?;
    let mut run: Vec<usize> = (first..lines.len())
        .take_while(|&i| {
            matches!(
                lines[i].kind,
                Kind::Text | Kind::Heading | Kind::Short | Kind::Noise
            )
        })
        .filter(|&i| lines[i].kind != Kind::Noise)
        .collect();
    // The labels over the buttons ("Share this", "Print") close no post.
    while run
        .last()
        .is_some_and(|&i| !lines[i].is_text() && lines[i].words <= LABEL_WORDS)
    {
        run.pop();
    }
    let last = *run.last()?;
    let words: usize = run.iter().map(|&i| lines[i].words).sum();
    let dated = run.iter().any(|&i| lines[i].date.is_some());
    (run.len() >= POST_LINES && words >= POST_LINE_WORDS * run.len() && !dated)
        .then_some((first, last))
}
