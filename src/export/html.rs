//! An article as a standalone HTML document: title, source, date and
//! address, then the body's blocks as the elements they are (headings,
//! paragraphs, lists, quotes, code, tables, figures). Everything from the
//! article is escaped; only web and mail addresses become links.

use super::clean;
use super::inline::{Markup, render};
use crate::model::{Article, Block, Link, Span, SpanKind};

/// One or more articles as one HTML document (`title` names it).
pub fn document(title: &str, articles: &[Article]) -> String {
    let lang = match articles {
        [one] => one.lang.as_deref().map(attr).unwrap_or_default(),
        _ => String::new(),
    };
    let lang = if lang.is_empty() {
        String::new()
    } else {
        format!(" lang=\"{lang}\"")
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"Edicola\">\n<title>{}</title>\n\
         <style>body{{max-width:42em;margin:2em auto;padding:0 1em;font-family:serif;line-height:1.5}}\
         .meta{{color:#555}}pre{{overflow-x:auto}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #aaa;padding:.2em .5em}}</style>\n</head>\n<body>\n",
        text(title)
    );
    for a in articles {
        out.push_str(&article(a));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// One `<article>` element.
pub fn article(a: &Article) -> String {
    let mut out = format!("<article>\n<h1>{}</h1>\n", text(&a.title));
    let mut meta: Vec<String> = [a.source.as_deref(), a.byline.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .map(text)
        .collect();
    if let Some(t) = a.published {
        meta.push(format!(
            "<time datetime=\"{}\">{}</time>",
            crate::date::format_rfc3339(t),
            text(&crate::date::format_date(t))
        ));
    }
    if !meta.is_empty() {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    }
    if let Some(url) = a.url.as_deref().and_then(safe_href) {
        out.push_str(&format!(
            "<p class=\"source\"><a href=\"{url}\">{}</a></p>\n",
            text(a.url.as_deref().unwrap_or_default())
        ));
    }
    if let Some(s) = a.standfirst.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str(&format!(
            "<p class=\"standfirst\"><strong>{}</strong></p>\n",
            text(s)
        ));
    }
    let mut lists: Vec<(bool, u8)> = Vec::new();
    for block in a.blocks().iter() {
        let (depth, ordered) = match block {
            Block::ListItem { depth, ordered, .. } => (Some(*depth), *ordered),
            _ => (None, false),
        };
        close_lists(&mut out, &mut lists, depth, ordered);
        if let Some(d) = depth {
            // Lists open down to the item's depth (a list skipped over
            // takes the item's kind).
            loop {
                let top = lists.last().map(|(_, level)| *level);
                if top.is_some_and(|level| level >= d) {
                    break;
                }
                out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
                lists.push((ordered, top.map_or(0, |level| level + 1)));
            }
        }
        out.push_str(&block_html(block, &a.links));
    }
    close_lists(&mut out, &mut lists, None, false);
    if !a.links.is_empty() {
        out.push_str("<h2>Links</h2>\n<ol class=\"links\">\n");
        for l in &a.links {
            out.push_str(&format!("<li>{}</li>\n", link(&l.url, &text(&l.text))));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</article>\n");
    out
}

/// Closes the open lists deeper than an item at `depth` (all of them for
/// a block that is not an item), and one of the other kind at its depth.
fn close_lists(out: &mut String, lists: &mut Vec<(bool, u8)>, depth: Option<u8>, ordered: bool) {
    while let Some(&(was_ordered, level)) = lists.last() {
        let keep = depth.is_some_and(|d| level < d || (level == d && was_ordered == ordered));
        if keep {
            break;
        }
        out.push_str(if was_ordered { "</ol>\n" } else { "</ul>\n" });
        lists.pop();
    }
}

fn block_html(block: &Block, links: &[Link]) -> String {
    let inline = |t: &str, spans: &[Span]| render(&Html { links }, t, spans);
    match block {
        Block::Heading { level, text, spans } => {
            let h = (*level).clamp(2, 6);
            format!("<h{h}>{}</h{h}>\n", inline(text, spans))
        }
        Block::Paragraph { text, spans } => format!("<p>{}</p>\n", inline(text, spans)),
        Block::ListItem {
            number,
            text,
            spans,
            ordered,
            ..
        } => match number.filter(|_| *ordered) {
            Some(n) => format!("<li value=\"{n}\">{}</li>\n", inline(text, spans)),
            None => format!("<li>{}</li>\n", inline(text, spans)),
        },
        Block::Quote { depth, text, spans } => {
            let d = usize::from(*depth).clamp(1, 8);
            format!(
                "{}<p>{}</p>{}\n",
                "<blockquote>".repeat(d),
                inline(text, spans),
                "</blockquote>".repeat(d)
            )
        }
        Block::Code { text: code } => format!("<pre><code>{}</code></pre>\n", text(code)),
        Block::Table { rows, header } => table(rows, *header),
        Block::Image { alt, caption, link } => {
            let src = link
                .and_then(|l| links.get(l))
                .and_then(|l| safe_href(&l.url));
            let img = match src {
                Some(src) => format!("<img src=\"{src}\" alt=\"{}\">", attr(alt)),
                None => format!("[image: {}]", text(alt)),
            };
            let caption = caption
                .as_deref()
                .map(|c| format!("<figcaption>{}</figcaption>", text(c)))
                .unwrap_or_default();
            format!("<figure>{img}{caption}</figure>\n")
        }
        Block::Rule => "<hr>\n".to_string(),
    }
}

fn table(rows: &[Vec<String>], header: bool) -> String {
    let mut out = String::from("<table>\n");
    for (i, row) in rows.iter().enumerate() {
        let cell = if header && i == 0 { "th" } else { "td" };
        out.push_str("<tr>");
        for c in row {
            out.push_str(&format!("<{cell}>{}</{cell}>", text(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

struct Html<'a> {
    links: &'a [Link],
}

impl Markup for Html<'_> {
    fn text(&self, out: &mut String, t: &str) {
        out.push_str(&text(t));
    }
    fn open(&self, out: &mut String, span: &Span) {
        match span.kind {
            SpanKind::Link => {
                match span
                    .link
                    .and_then(|l| self.links.get(l))
                    .and_then(|l| safe_href(&l.url))
                {
                    Some(href) => out.push_str(&format!("<a href=\"{href}\">")),
                    None => out.push_str("<a>"),
                }
            }
            SpanKind::Emphasis => out.push_str("<em>"),
            SpanKind::Strong => out.push_str("<strong>"),
            SpanKind::Code => out.push_str("<code>"),
        }
    }
    fn close(&self, out: &mut String, span: &Span) {
        out.push_str(match span.kind {
            SpanKind::Link => "</a>",
            SpanKind::Emphasis => "</em>",
            SpanKind::Strong => "</strong>",
            SpanKind::Code => "</code>",
        });
    }
}

fn link(url: &str, label: &str) -> String {
    match safe_href(url) {
        Some(href) => format!("<a href=\"{href}\">{label}</a>"),
        None => label.to_string(),
    }
}

/// An address fit for `href`/`src`, escaped: web and mail addresses only
/// (never `javascript:` or `data:`).
pub fn safe_href(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase())?;
    matches!(scheme.as_str(), "http" | "https" | "mailto").then(|| attr(url))
}

/// Text for element content: `& < >` escaped, no control characters.
pub fn text(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text for a quoted attribute value: as [`text`], and quotes escaped.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_and_scripts_never_linked() {
        assert_eq!(text("<b>&</b>"), "&lt;b&gt;&amp;&lt;/b&gt;");
        assert_eq!(attr("a\"b'c"), "a&quot;b&#39;c");
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href(" DATA:text/html,x"), None);
        assert_eq!(
            safe_href("https://e.example/?a=1&b=\"2\"").as_deref(),
            Some("https://e.example/?a=1&amp;b=&quot;2&quot;")
        );
    }

    #[test]
    fn list_items_nest_by_depth() {
        let item = |depth, ordered, t: &str| Block::ListItem {
            ordered,
            number: None,
            depth,
            continued: false,
            text: t.into(),
            spans: Vec::new(),
        };
        let mut a = Article::default();
        a.set_blocks(vec![
            item(0, false, "a"),
            item(1, true, "b"),
            item(0, false, "c"),
            Block::paragraph("p"),
        ]);
        let html = article(&a);
        let body: String = html
            .lines()
            .filter(|l| !l.starts_with("<h1") && !l.contains("article>"))
            .collect();
        assert_eq!(
            body,
            "<ul><li>a</li><ol><li>b</li></ol><li>c</li></ul><p>p</p>"
        );
    }
}
