//! Importer for "select all + copy" text copies of news pages.
//!
//! The page is read as a sequence of lines. Each line is classified (prose, headline,
//! boilerplate, section marker...), the article body is the densest run of prose between
//! section markers, and the title is the nearby headline whose words overlap the body most.

mod about_box;
mod author_note;
pub(crate) use author_note::is_author_note;
#[cfg(test)]
mod blog_tests;
mod body;
mod boiler_forms;
mod boiler_phrases;
#[cfg(test)]
mod boiler_tests;
mod boilerplate;
mod breadcrumb;
#[cfg(test)]
mod caption_tests;
mod closing;
mod comment_heads;
mod consent;
#[cfg(test)]
mod copy_tests;
mod date_names;
mod dates;
mod edges;
#[cfg(test)]
mod edges_tests;
mod edition;
#[cfg(test)]
mod end_tests;
mod fields;
mod footer;
mod gallery;
mod glued_menu;
#[cfg(test)]
mod headline_tests;
mod lines;
mod list_post;
mod measure;
mod meta;
mod opening;
mod phrases;
mod player;
mod recipe;
mod related;
mod related_phrases;
#[cfg(test)]
mod repeat_tests;
#[cfg(test)]
mod short_head_tests;
#[cfg(test)]
mod sign_tests;
mod site_meta;
mod split;
mod stamps;
mod table_rows;
#[cfg(test)]
mod teaser_tests;
mod teasers;
#[cfg(test)]
mod tests;
mod title;
mod title_captions;
mod title_furniture;
mod title_heads;
#[cfg(test)]
mod title_lines_tests;
mod title_neighbours;
mod title_repeats;
mod title_signs;
#[cfg(test)]
mod title_tests;
mod title_text;
mod verse;

use std::fmt;

use crate::model::Article;

use body::{body_paragraphs, body_region, standfirst_before_body};
use fields::{find_byline, find_category, find_published, first_line_site, meta_zone};
use lines::{Kind, Line};
use title::{keys_of, pick_title};
use title_text::fallback_title;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPageError {
    /// The input holds nothing but whitespace.
    Empty,
    /// The input is not text (mostly control characters).
    Binary,
    /// The input is text but holds no article.
    NotAPage(String),
}

impl fmt::Display for TextPageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the text page is empty"),
            Self::Binary => f.write_str("the input is binary data, not a text page"),
            Self::NotAPage(why) => write!(f, "not an article page: {why}"),
        }
    }
}

impl std::error::Error for TextPageError {}

/// The name a byline's text credits, as a page's byline element gives it
/// ("By Anna Rossi March 2, 2021", "ByAnna Rossi" glued): the name alone,
/// without the "By" and the date after it. None when it credits nobody
/// (a "By" alone); any other text is kept as it is.
pub(crate) fn credit_of(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let glued = text
        .strip_prefix("By")
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .map(|rest| format!("By {rest}"));
    let text = glued.unwrap_or(text);
    if let Some(credit) = meta::byline_of(&text) {
        return Some(credit);
    }
    let mut words = text.split_whitespace();
    let first = words.next()?.to_lowercase();
    if meta::is_by_word(&first) && words.next().is_none() {
        return None;
    }
    Some(text)
}

/// Parses a text copy of a news page. `id`, `url` and `links` are left empty.
pub fn parse_text_page(text: &str) -> Result<Article, TextPageError> {
    if text.trim().is_empty() {
        return Err(TextPageError::Empty);
    }
    if looks_binary(text) {
        return Err(TextPageError::Binary);
    }
    let lines = lines::build(lines::split_lines(text));
    let (start, end) = body_region(&lines)
        .ok_or_else(|| TextPageError::NotAPage("no paragraph of article text found".into()))?;
    let list_post = list_post::list_post(&lines, start, end);
    let (mut start, end) = list_post.unwrap_or((start, end));
    // A headline written as sentences is prose to pick_title: it is taken as found.
    let mut opening_title = None;
    if let Some(h) = opening::opening_headline(&lines, start, end) {
        if let Some(s) = next_content(&lines, h + 1).filter(|&s| s <= end) {
            start = s;
            opening_title = (!lines[h].is_title_like()).then_some(h);
        }
    }
    let region_keys = keys_of(
        lines[start..=end]
            .iter()
            .filter(|l| l.is_text())
            .map(|l| l.text.as_str()),
    );
    let title_idx = opening_title
        .or_else(|| breadcrumb::heading_named_by_trail(&lines, start))
        .or_else(|| breadcrumb::headline_under_its_trail(&lines, start))
        .or_else(|| breadcrumb::headline_ending_a_labelled_trail(&lines, start))
        .or_else(|| pick_title(&lines, start, end, &region_keys));

    let mut body_start = start;
    let mut standfirst = None;
    if let Some(t) = title_idx {
        if t < start {
            standfirst = standfirst_before_body(&lines, t, start);
            if standfirst == Some(start) {
                body_start = (start + 1..=end)
                    .find(|&i| lines[i].is_text())
                    .unwrap_or(start);
                if body_start == start {
                    standfirst = None;
                }
            }
        } else {
            standfirst = next_content(&lines, t + 1)
                .filter(|&j| j > end && (lines[j].is_text() || is_lead(&lines[j])));
        }
    }

    if let Some(t) = title_idx.filter(|&t| t < body_start) {
        let floor = standfirst.filter(|&s| s < body_start).unwrap_or(t) + 1;
        body_start = body::opening_list(&lines, body_start, floor);
    }
    let mut body = if list_post.is_some() {
        (body_start..=end)
            .filter(|&i| lines[i].kind != Kind::Noise && Some(i) != standfirst)
            .map(|i| lines[i].text.clone())
            .collect()
    } else {
        body_paragraphs(&lines, body_start, end, standfirst)
    };
    if let Some(t) = title_idx.filter(|&t| t < body_start) {
        // A sentence set as a line of its own opens the article.
        let floor = standfirst.filter(|&s| s < body_start).unwrap_or(t) + 1;
        let mut opening = edges::opening_lines(&lines, body_start, floor);
        if opening.is_empty() {
            opening.extend(edges::opening_subheading(&lines, body_start, floor));
        }
        let top = opening.last().copied().unwrap_or(body_start);
        for i in opening {
            body.insert(0, lines[i].text.clone());
        }
        // A recipe's ingredients above its steps.
        let ingredients = recipe::ingredient_lines(&lines, top, floor);
        body.splice(0..0, ingredients.iter().map(|&i| lines[i].text.clone()));
    }
    // A recipe card after the story: its ingredients and steps.
    let card = recipe::card_after(&lines, end);
    body.extend(card.iter().map(|&i| lines[i].text.clone()));
    let end = card.last().copied().unwrap_or(end);
    edges::drop_appeals(&mut body);
    if body.is_empty() {
        return Err(TextPageError::NotAPage(
            "no paragraph of article text found".into(),
        ));
    }
    let title = match title_idx {
        Some(t) => {
            let t = edition::edition_title(&lines, t, start, end).unwrap_or(t);
            title_text::title_text(&lines, title_text::punctuated_twin(&lines, t))
        }
        None => fallback_title(&body),
    };

    let zone = meta_zone(&lines, title_idx, body_start);
    let published = find_published(&lines, &zone, body.first());
    let byline = find_byline(&lines, &zone, title_idx, standfirst);
    let category = find_category(&lines, &zone, title_idx, end);
    let source =
        site_meta::site_from_title_line(&lines, &title).or_else(|| first_line_site(&lines, &title));

    let after_article = standfirst
        .filter(|&j| j > end)
        .or(title_idx.filter(|&t| t > end))
        .unwrap_or(end);
    let related = match (after_article + 1..lines.len())
        .find(|&i| phrases::is_related_marker(&lines[i].text))
    {
        Some(m) => related::collect(&lines, m + 1, true),
        None => related::collect(&lines, after_article + 1, false),
    };

    let lang_sample = format!("{title}\n{}", body.join("\n"));
    Ok(Article {
        title,
        source,
        byline,
        published,
        standfirst: standfirst.map(|j| lines[j].text.clone()),
        category,
        lang: crate::text::stem::detect(&lang_sample).map(str::to_string),
        body,
        related,
        ..Article::default()
    })
}

fn looks_binary(text: &str) -> bool {
    let total = text.chars().count();
    let odd = text
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}'
        })
        .count();
    odd * 10 > total
}

/// Most words of a short date line by a headline, with a category or place
/// ("Hamburg, 2. November 2021"); a longer line is a sentence with a date in it.
const SHORT_DATE_WORDS: usize = 6;
/// Most words of a date line that also carries its credit and category.
const DATE_LINE_WORDS: usize = 12;

fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| lines[i].kind != Kind::Noise)
}

/// The last line above `i` that is not noise.
fn prev_content(lines: &[Line], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| lines[j].kind != Kind::Noise)
}

/// A summary-like line that is not prose by our measure but reads as a lead.
fn is_lead(line: &Line) -> bool {
    line.kind == Kind::Heading
        && line.words >= 6
        && line.eff >= 40
        && line.byline.is_none()
        && line.date.is_none()
}
