//! The reading pane's content: an article laid out as wrapped, typed lines.
//! Pure: tested without a terminal, cached by the app per article and width.

mod inline;
mod layout;
mod table;

pub use inline::{Inline, Mark, inline};

use crate::date::format_date;
use crate::model::Article;
use crate::text::wrap::wrap;

/// What a line of the reading pane is, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Standfirst,
    /// Paragraphs and list items.
    Body,
    /// A block quote's lines.
    Quote,
    Heading,
    /// Code, shown with its own line breaks.
    Pre,
    Table,
    /// An image's placeholder and caption.
    Image,
    Rule,
    Blank,
}

/// One display line of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadLine {
    pub kind: LineKind,
    pub text: String,
    /// The block of the article it shows (see `ReadingStop`): 0 the title,
    /// 1 the line under it, 2 the standfirst, 3 + n the body's paragraph n.
    pub block: usize,
    /// About where in its block it starts, in characters (the same at any
    /// width); a blank line starts the block after it.
    pub start: usize,
    /// Inline styles in byte ranges of `text`.
    pub marks: Vec<(usize, usize, Mark)>,
}

/// The article as lines no wider than `width`: title, a source/byline/date
/// line, the standfirst, then the body's blocks (see `layout`), long words
/// hyphenated where the article's language allows.
pub fn article_lines(article: &Article, width: usize) -> Vec<ReadLine> {
    article_lines_with(article, width, true)
}

/// `article_lines`, hyphenating only when `hyphenate`.
pub fn article_lines_with(article: &Article, width: usize, hyphenate: bool) -> Vec<ReadLine> {
    let hyph = if hyphenate { patterns(article) } else { None };
    let mut lines = Vec::new();
    push(&mut lines, LineKind::Title, 0, wrap(&article.title, width));
    let meta = meta_line(article);
    if !meta.is_empty() {
        push(&mut lines, LineKind::Meta, 1, wrap(&meta, width));
    }
    if let Some(standfirst) = article
        .standfirst
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        lines.push(blank(2));
        push(&mut lines, LineKind::Standfirst, 2, wrap(standfirst, width));
    }
    let blocks = article.blocks();
    let mut prev = None;
    for (n, block) in blocks.iter().enumerate() {
        if !matches!(block, crate::model::Block::Rule) && block.plain().trim().is_empty() {
            continue;
        }
        layout::block_lines(&mut lines, block, prev, 3 + n, (width, hyph));
        prev = Some(block);
    }
    lines
}

/// Adds a block's wrapped lines, each with where it starts in the block
/// (a break counted as the one space or newline it took).
fn push(lines: &mut Vec<ReadLine>, kind: LineKind, block: usize, wrapped: Vec<String>) {
    let mut start = 0;
    for text in wrapped {
        let next = start + text.chars().count() + 1;
        lines.push(layout::line(kind, text, block, start, Vec::new()));
        start = next;
    }
}

/// "Source · byline · date · category", leaving out what is unknown.
pub fn meta_line(article: &Article) -> String {
    let date = article.published.map(format_date);
    [
        article.source.as_deref(),
        article.byline.as_deref(),
        date.as_deref(),
        article.category.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The hyphenation patterns of the article's language: its tag, else the
/// language its body reads as.
fn patterns(article: &Article) -> Option<&'static hyphenation::Standard> {
    let tag = article.lang.clone().or_else(|| {
        let mut sample = String::new();
        for p in article.body.iter().take(8) {
            sample.push_str(p);
            sample.push('\n');
            if sample.len() > 2000 {
                break;
            }
        }
        crate::text::stem::detect(&sample).map(str::to_string)
    })?;
    crate::text::hyphen::dictionary(&tag)
}

fn blank(block: usize) -> ReadLine {
    layout::line(LineKind::Blank, String::new(), block, 0, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wrap::width;

    fn article() -> Article {
        Article {
            title: "Perché la Cina delocalizza".into(),
            source: Some("Formiche".into()),
            byline: Some("di Mario Rossi".into()),
            published: Some(1_522_886_400),
            standfirst: Some("Un riassunto breve.".into()),
            body: vec![
                "Primo paragrafo con parole abbastanza lunghe da andare a capo.".into(),
                "  ".into(),
                "Secondo: 日本語のテキストも正しく折り返す。".into(),
            ],
            ..Article::default()
        }
    }

    #[test]
    fn lays_out_title_meta_standfirst_and_paragraphs() {
        let lines = article_lines(&article(), 30);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[0], LineKind::Title);
        assert_eq!(lines[1].text, "Formiche · di Mario Rossi ·");
        assert_eq!(lines[2].text, "2018-04-05");
        assert!(kinds.contains(&LineKind::Standfirst));
        assert_eq!(kinds.iter().filter(|k| **k == LineKind::Blank).count(), 3);
        assert!(lines.iter().all(|l| width(&l.text) <= 30));
        let last = lines.last().map(|l| l.text.as_str()).unwrap_or_default();
        assert!(last.ends_with("折り返す。"), "{last}");
    }

    #[test]
    fn tiny_widths_still_produce_bounded_lines() {
        for w in 2..6 {
            assert!(
                article_lines(&article(), w)
                    .iter()
                    .all(|l| width(&l.text) <= w)
            );
        }
    }
}
