//! Importer for "select all + copy" text copies of news pages.
//!
//! The page is read as a sequence of lines. Each line is classified (prose, headline,
//! boilerplate, section marker...), the article body is the densest run of prose between
//! section markers, and the title is the nearby headline whose words overlap the body most.

mod dates;
mod lines;
mod meta;
mod phrases;
mod related;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::Article;

use lines::{Barrier, Kind, Line};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPageError {
    /// The input holds nothing but whitespace.
    Empty,
    /// The input is not text (NUL bytes, mostly control characters).
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
    let region_keys = keys_of(
        lines[start..=end]
            .iter()
            .filter(|l| l.is_text())
            .map(|l| l.text.as_str()),
    );
    let title_idx = pick_title(&lines, start, end, &region_keys);

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

    let body = body_paragraphs(&lines, body_start, end, standfirst);
    if body.is_empty() {
        return Err(TextPageError::NotAPage(
            "no paragraph of article text found".into(),
        ));
    }
    let title = match title_idx {
        Some(t) => lines[t].text.clone(),
        None => fallback_title(&body),
    };

    let zone = meta_zone(&lines, title_idx, body_start);
    let published = find_published(&lines, &zone, body.first());
    let byline = find_byline(&lines, &zone, title_idx, standfirst);
    let category = find_category(&lines, &zone, title_idx, end);
    let source =
        meta::site_from_title_line(&lines, &title).or_else(|| first_line_site(&lines, &title));

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
    if text.contains('\0') {
        return true;
    }
    let total = text.chars().count();
    let odd = text
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}'
        })
        .count();
    odd * 10 > total
}

fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| lines[i].kind != Kind::Noise)
}

/// A summary-like line that is not prose by our measure but reads as a lead.
fn is_lead(line: &Line) -> bool {
    line.kind == Kind::Heading
        && line.words >= 6
        && line.eff >= 40
        && line.byline.is_none()
        && line.date.is_none()
}

/// Prose lines that are blurbs in a list of headline + blurb pairs (two pairs or more).
fn teaser_flags(lines: &[Line]) -> Vec<bool> {
    let n = lines.len();
    let prev_content = |i: usize| {
        (i.saturating_sub(6)..i)
            .rev()
            .find(|&j| !lines[j].is_meta())
    };
    let next_content = |i: usize| (i + 1..n.min(i + 7)).find(|&j| !lines[j].is_meta());
    let paired: Vec<Option<usize>> = (0..n)
        .map(|i| {
            if !lines[i].is_text() || next_content(i).is_some_and(|j| lines[j].is_text()) {
                return None;
            }
            prev_content(i).filter(|&h| lines[h].kind == Kind::Heading)
        })
        .collect();
    (0..n)
        .map(|i| {
            let Some(h) = paired[i] else {
                return false;
            };
            let pair_before = prev_content(h).is_some_and(|p| paired[p].is_some());
            let pair_after = next_content(i)
                .and_then(next_content)
                .is_some_and(|q| paired[q].is_some_and(|qh| qh > i));
            pair_before || pair_after
        })
        .collect()
}

/// The highest-scoring run of lines between section markers (maximum-sum subarray).
fn body_region(lines: &[Line]) -> Option<(usize, usize)> {
    let teaser = teaser_flags(lines);
    let mut good_before: i64 = 0;
    let mut decay = false;
    let mut best: Option<(i64, usize, usize)> = None;
    let mut run: Option<(i64, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        let weight = match line.kind {
            Kind::Barrier(b) => {
                if matches!(b, Barrier::Related | Barrier::Comments) && good_before >= 800 {
                    decay = true;
                }
                run = None;
                continue;
            }
            Kind::Text if teaser[i] => -10,
            Kind::Text => {
                let w = i64::try_from(line.eff.min(1000)).unwrap_or(1000);
                good_before += w;
                if decay { w * 35 / 100 } else { w }
            }
            Kind::Heading | Kind::Short => -20,
            Kind::Noise => -5,
            Kind::Boiler => -80,
            Kind::Soft => -60,
        };
        let (sum, s) = match run {
            Some((sum, s)) if sum > 0 => (sum + weight, s),
            _ => (weight, i),
        };
        run = Some((sum, s));
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, s, i));
        }
    }
    let (score, s, e) = best?;
    (score >= 120 && lines[s..=e].iter().any(|l| l.is_text() && l.eff >= 80)).then_some((s, e))
}

const EXTRA_STOPWORDS: &[&str] = &[
    "the", "and", "that", "this", "with", "from", "have", "has", "was", "were", "are", "for",
    "not", "but", "you", "your", "they", "their", "them", "what", "which", "who", "how", "why",
    "when", "will", "would", "can", "could", "about", "into", "than", "then", "there", "these",
    "those", "been", "also", "more", "most", "some", "such", "only", "other", "even", "though",
    "just", "its", "our", "out", "all", "any", "one", "new", "says", "said", "don", "doesn", "isn",
    "didn", "won", "can't", "che", "per", "non", "una", "della", "delle", "dello", "degli", "del",
    "dei", "con", "sono", "anche", "nel", "nella", "alla", "alle", "allo", "agli", "più", "come",
    "questo", "questa", "perché", "ecco", "gli", "dal", "dalla", "tra", "fra", "sul", "sulla",
    "suo", "sua", "loro", "les", "des", "une", "dans", "pour", "pas", "sur", "avec", "sont",
    "plus", "est", "qui", "que", "los", "las", "por", "para", "como", "más", "del", "una", "der",
    "die", "das", "und", "ist", "nicht", "ein", "eine", "den", "mit", "von", "sich", "auf", "für",
    "dem", "auch",
];

/// Content-word keys of a text: a 5-character prefix of each word, or CJK bigrams.
fn keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        let chars: Vec<char> = token.chars().collect();
        if chars.iter().any(|&c| lines::is_cjk(c)) {
            out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
            continue;
        }
        let lower = token.to_lowercase();
        if lower.chars().count() < 3 || EXTRA_STOPWORDS.contains(&lower.as_str()) {
            continue;
        }
        out.push(lower.chars().take(5).collect());
    }
    out
}

fn keys_of<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for k in texts.flat_map(keys) {
        *counts.entry(k).or_default() += 1;
    }
    counts
}

/// Share of a line's words found in the body; words frequent in the body count fully.
fn overlap(text: &str, body: &HashMap<String, usize>) -> Option<f64> {
    let own: HashSet<String> = keys(text).into_iter().collect();
    if own.is_empty() {
        return None;
    }
    let hits: f64 = own
        .iter()
        .map(|k| match body.get(k).copied().unwrap_or(0) {
            0 => 0.0,
            1 | 2 => 0.5,
            _ => 1.0,
        })
        .sum();
    Some(hits / own.len() as f64)
}

/// A date or credit line just after a headline marks it as an article's own title.
fn has_meta_after(lines: &[Line], i: usize) -> bool {
    (i + 1..lines.len().min(i + 6)).any(|j| {
        lines[j].date.is_some() || lines[j].byline.is_some() || meta::bare_name(&lines[j]).is_some()
    })
}

fn is_duplicated(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.to_lowercase();
    lines.iter().enumerate().any(|(j, l)| {
        j != i
            && (l.text.to_lowercase() == t
                || (l.eff > lines[i].eff && l.text.to_lowercase().starts_with(&t)))
    })
}

/// The headline closest to the body whose words (with its standfirst) overlap the body most.
fn pick_title(
    lines: &[Line],
    start: usize,
    end: usize,
    body: &HashMap<String, usize>,
) -> Option<usize> {
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    let mut dist = 0usize;
    for i in (start.saturating_sub(60)..start).rev() {
        if lines[i].kind == Kind::Noise {
            continue;
        }
        dist += 1;
        if lines[i].is_title_like() {
            candidates.push((i, 1.0 / (1.0 + (dist - 1) as f64 / 6.0)));
        }
    }
    for (d, i) in (end + 1..lines.len().min(end + 14)).enumerate() {
        if matches!(lines[i].kind, Kind::Barrier(_) | Kind::Soft) {
            break;
        }
        if lines[i].is_title_like() {
            candidates.push((i, 0.4 / (1.0 + d as f64 / 3.0)));
        }
    }
    let mut best: Option<(f64, usize)> = None;
    for (i, proximity) in candidates {
        if meta::bare_name(&lines[i]).is_some() {
            continue;
        }
        let Some(own) = overlap(&lines[i].text, body) else {
            continue;
        };
        let lead = next_content(lines, i + 1)
            .filter(|&j| (j < start || j > end) && (lines[j].is_text() || is_lead(&lines[j])))
            .and_then(|j| overlap(&lines[j].text, body));
        let ov = lead.map_or(own, |l| 0.6 * own + 0.4 * l);
        let size = (lines[i].words.max(lines::cjk_count(&lines[i].text) / 2) as f64 / 5.0).min(1.0);
        let dup = if is_duplicated(lines, i) { 0.3 } else { 0.0 };
        let near = if has_meta_after(lines, i) {
            0.6
        } else if next_content(lines, i + 1) == Some(start) {
            -0.4
        } else {
            0.0
        };
        let score = 2.0 * ov * size + proximity + dup + near;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The lead paragraph between a title and the body, if the page has one.
fn standfirst_before_body(lines: &[Line], title: usize, start: usize) -> Option<usize> {
    let j = next_content(lines, title + 1)?;
    if j < start {
        let l = &lines[j];
        let ok = (l.is_text() || is_lead(l)) && l.byline.is_none() && l.date.is_none();
        return ok.then_some(j);
    }
    if j == start && start - title <= 2 {
        let after = (start + 1..lines.len()).find(|&i| lines[i].kind != Kind::Noise)?;
        return (!lines[after].is_text()).then_some(start);
    }
    None
}

fn body_paragraphs(
    lines: &[Line],
    start: usize,
    end: usize,
    standfirst: Option<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    for i in start..=end.min(lines.len().saturating_sub(1)) {
        if Some(i) == standfirst {
            continue;
        }
        let l = &lines[i];
        let keep = l.is_text()
            || (matches!(l.kind, Kind::Heading | Kind::Short)
                && l.date.is_none()
                && l.byline.is_none()
                && next_content(lines, i + 1).is_some_and(|j| j <= end && lines[j].is_text())
                && (start..i)
                    .rev()
                    .find(|&j| lines[j].kind != Kind::Noise)
                    .is_some_and(|j| lines[j].is_text()));
        if keep {
            out.push(l.text.clone());
        }
    }
    out
}

fn fallback_title(body: &[String]) -> String {
    let first = body.first().map(String::as_str).unwrap_or_default();
    let sentence_end = first
        .char_indices()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '。'))
        .map_or(first.len(), |(p, c)| p + c.len_utf8());
    let words: Vec<&str> = first[..sentence_end].split_whitespace().take(14).collect();
    words.join(" ")
}

/// Lines around the title that may carry its byline, date and category.
fn meta_zone(lines: &[Line], title: Option<usize>, body_start: usize) -> Vec<usize> {
    match title {
        Some(t) if t < body_start => {
            let after = t + 1..body_start.min(t + 12);
            let before = t.saturating_sub(4)..t;
            after.chain(before.rev()).collect()
        }
        Some(t) => (t + 1..lines.len().min(t + 3)).collect(),
        None => (body_start.saturating_sub(8)..body_start).collect(),
    }
}

fn find_published(lines: &[Line], zone: &[usize], first_para: Option<&String>) -> Option<i64> {
    zone.iter().find_map(|&i| lines[i].date).or_else(|| {
        let p = first_para?;
        let head: String = p.chars().take(40).collect();
        dates::find_date(&head)
    })
}

fn find_byline(
    lines: &[Line],
    zone: &[usize],
    title: Option<usize>,
    standfirst: Option<usize>,
) -> Option<String> {
    if let Some(b) = zone.iter().find_map(|&i| lines[i].byline.clone()) {
        return Some(b);
    }
    let t = title?;
    zone.iter()
        .filter(|&&i| i > t && i < t + 8 && Some(i) != standfirst)
        .find_map(|&i| meta::bare_name(&lines[i]))
}

fn find_category(
    lines: &[Line],
    zone: &[usize],
    title: Option<usize>,
    end: usize,
) -> Option<String> {
    let after_body = end + 1..lines.len().min(end + 8);
    if let Some(c) = after_body
        .chain(zone.iter().copied())
        .find_map(|i| meta::category_of(&lines[i].text))
    {
        return Some(c);
    }
    let t = title.filter(|&t| t < end)?;
    let prev = (0..t).rev().find(|&i| {
        let l = &lines[i];
        !matches!(l.kind, Kind::Noise | Kind::Boiler) && l.date.is_none() && l.byline.is_none()
    })?;
    (meta::is_label(&lines[prev]) && prev > 0).then(|| lines[prev].text.clone())
}

/// A short brand line opening the page: the very first line, or one the page repeats
/// elsewhere (a copyright footer, a title suffix).
fn first_line_site(lines: &[Line], title: &str) -> Option<String> {
    let (i, first) = lines
        .iter()
        .enumerate()
        .take(3)
        .find(|(_, l)| !matches!(l.kind, Kind::Boiler | Kind::Noise))?;
    if !meta::is_label(first) || first.words > 3 || first.text == title {
        return None;
    }
    let needle = first.text.to_lowercase();
    let repeated = lines
        .iter()
        .enumerate()
        .any(|(j, l)| j != i && l.text.to_lowercase().contains(&needle));
    (i == 0 || repeated).then(|| first.text.clone())
}
