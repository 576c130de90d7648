//! An article as Markdown (CommonMark with GitHub's tables): title,
//! the line of source, byline and date, its address, the standfirst, the
//! body from its typed blocks, and the links. Text from the article is
//! escaped, so nothing in it becomes markup, and has no control characters.

use super::clean;
use super::inline::{Markup, render};
use crate::model::{Article, Block, Link, Span, SpanKind};

/// The article as a Markdown document.
pub fn markdown(a: &Article) -> String {
    let mut parts = vec![format!("# {}", escape(&clean(&a.title)))];
    let meta = crate::app::reading::meta_line(a);
    if !meta.is_empty() {
        parts.push(format!("*{}*", escape(&clean(&meta))));
    }
    if let Some(url) = a.url.as_deref().filter(|u| !u.trim().is_empty()) {
        parts.push(format!("<{}>", autolink(url)));
    }
    if let Some(s) = a.standfirst.as_deref().filter(|s| !s.trim().is_empty()) {
        parts.push(format!("**{}**", escape(&clean(s)).trim()));
    }
    let mut prev_list = false;
    for block in a.blocks().iter() {
        let Some(text) = block_markdown(block, &a.links) else {
            continue;
        };
        let list = matches!(block, Block::ListItem { .. });
        match parts.last_mut() {
            // Items of one list stay together.
            Some(last) if list && prev_list => {
                last.push('\n');
                last.push_str(&text);
            }
            _ => parts.push(text),
        }
        prev_list = list;
    }
    if !a.links.is_empty() {
        let mut links = String::from("## Links\n");
        for (n, l) in a.links.iter().enumerate() {
            links.push_str(&format!(
                "\n{}. [{}](<{}>)",
                n + 1,
                escape(&clean(&l.text)),
                autolink(&l.url)
            ));
        }
        parts.push(links);
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One block as Markdown (without the blank line around it); None for a
/// block with nothing to show.
fn block_markdown(block: &Block, links: &[Link]) -> Option<String> {
    let inline = |text: &str, spans: &[Span]| render(&Md { links }, text, spans).trim().to_string();
    let shown = match block {
        Block::Heading { level, text, spans } => {
            // The title is the one level-1 heading.
            let hashes = "#".repeat(usize::from((*level).clamp(2, 6)));
            format!("{hashes} {}", inline(text, spans))
        }
        Block::Paragraph { text, spans } => escape_start(&inline(text, spans)),
        Block::ListItem {
            ordered,
            number,
            depth,
            continued,
            text,
            spans,
        } => {
            let marker = match (ordered, number) {
                (true, Some(n)) => format!("{n}. "),
                (true, None) => "1. ".to_string(),
                _ => "- ".to_string(),
            };
            let indent = "   ".repeat(usize::from(*depth).min(8));
            let lead = if *continued {
                " ".repeat(marker.len())
            } else {
                marker
            };
            format!("{indent}{lead}{}", inline(text, spans))
        }
        Block::Quote { depth, text, spans } => {
            let prefix = "> ".repeat(usize::from(*depth).clamp(1, 8));
            inline(text, spans)
                .lines()
                .map(|l| format!("{prefix}{l}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::Code { text } => {
            let text = clean(text);
            let fence = "`".repeat(longest_run(&text, '`').max(2) + 1);
            format!("{fence}\n{}\n{fence}", text.trim_end_matches('\n'))
        }
        Block::Table { rows, header } => table(rows, *header),
        Block::Image { alt, caption, link } => {
            let url = link.and_then(|l| links.get(l)).map(|l| autolink(&l.url));
            let mut s = match url {
                Some(url) => format!("![{}](<{url}>)", escape(&clean(alt))),
                None => format!("*\\[image: {}\\]*", escape(&clean(alt))),
            };
            if let Some(c) = caption.as_deref().filter(|c| !c.trim().is_empty()) {
                s.push_str(&format!("\n\n*{}*", escape(&clean(c)).trim()));
            }
            s
        }
        Block::Rule => "---".to_string(),
    };
    (!shown.trim().is_empty()).then_some(shown)
}

/// Inline Markdown: links to the article's links, `*`, `**`, backticks.
struct Md<'a> {
    links: &'a [Link],
}

impl Markup for Md<'_> {
    fn text(&self, out: &mut String, text: &str) {
        out.push_str(&escape(&clean(text)));
    }
    fn open(&self, out: &mut String, span: &Span) {
        out.push_str(match span.kind {
            SpanKind::Link => "[",
            SpanKind::Emphasis => "*",
            SpanKind::Strong => "**",
            SpanKind::Code => "`",
        });
    }
    fn close(&self, out: &mut String, span: &Span) {
        match span.kind {
            SpanKind::Link => match span.link.and_then(|l| self.links.get(l)) {
                Some(l) => out.push_str(&format!("](<{}>)", autolink(&l.url))),
                None => out.push_str("]()"),
            },
            SpanKind::Emphasis => out.push('*'),
            SpanKind::Strong => out.push_str("**"),
            SpanKind::Code => out.push('`'),
        }
    }
}

/// A table with a header row (the first row, or an empty one).
fn table(rows: &[Vec<String>], header: bool) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let row = |cells: &[String]| {
        let mut cells: Vec<String> = cells
            .iter()
            .map(|c| escape(&clean(c)).replace('\n', " "))
            .collect();
        cells.resize(width, String::new());
        format!("| {} |", cells.join(" | "))
    };
    let (head, body) = match (header, rows.split_first()) {
        (true, Some((first, rest))) => (row(first), rest),
        _ => (row(&[]), rows),
    };
    let mut lines = vec![head, format!("|{}", " --- |".repeat(width))];
    lines.extend(body.iter().map(|r| row(r)));
    lines.join("\n")
}

/// Text with every character that Markdown could read as markup escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph that would start a list, a heading or a rule escaped at its
/// start (`1.` `-` `+` `=`).
fn escape_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = &text[digits..];
    if digits > 0 && (after.starts_with(". ") || after.starts_with(") ")) {
        return format!("{}\\{}", &text[..digits], after);
    }
    if text.starts_with(['-', '+', '=']) {
        return format!("\\{text}");
    }
    text.to_string()
}

/// An address inside `<...>`: spaces, `<` and `>` percent-encoded so it
/// cannot end early.
fn autolink(url: &str) -> String {
    clean(url)
        .trim()
        .replace(' ', "%20")
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace('\n', "")
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_text_is_escaped_and_starts_of_lists_too() {
        assert_eq!(escape("a *b* [c](d) <x>"), "a \\*b\\* \\[c\\](d) \\<x\\>");
        assert_eq!(escape_start("1. not a list"), "1\\. not a list");
        assert_eq!(escape_start("- not an item"), "\\- not an item");
        assert_eq!(escape_start("2024 was"), "2024 was");
    }

    #[test]
    fn code_fences_are_longer_than_any_run_of_backticks_inside() {
        let b = Block::Code {
            text: "a ```` b".into(),
        };
        let md = block_markdown(&b, &[]).unwrap_or_default();
        assert!(md.starts_with("`````\n"), "{md}");
    }
}
