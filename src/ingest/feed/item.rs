//! One feed entry to one article.

use feed_rs::model::{Entry, Text};
use url::Url;

use super::plain_text;
use crate::ingest::htmltext::{HtmlText, html_to_text, squash};
use crate::ingest::ids::{feed_item_id, resolve_url};
use crate::model::{Article, Link};

/// The longest title made up from an item's text.
const MADE_UP_TITLE_CHARS: usize = 80;

/// What every item of a feed shares.
pub struct FeedContext {
    pub title: Option<String>,
    pub lang: Option<String>,
    pub feed_url: String,
    pub base: Option<Url>,
    /// Titles typed as plain text are plain text (Atom, JSON Feed), not
    /// HTML as RSS titles are in practice: `the <blink> tag` stays.
    pub typed_titles: bool,
}

pub fn convert_entry(entry: Entry, feed: &FeedContext) -> Article {
    let base = entry
        .base
        .as_deref()
        .and_then(|b| match &feed.base {
            Some(outer) => outer.join(b).ok(),
            None => Url::parse(b).ok(),
        })
        .or_else(|| feed.base.clone());
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate") && !is_attachment(l))
        .or_else(|| entry.links.first())
        .and_then(|l| resolve_url(base.as_ref(), &l.href).or_else(|| Some(l.href.clone())))
        .filter(|u| u != super::elements::NOWHERE);
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref().map(|b| (b, c.content_type.to_string())))
        .filter(|(b, _)| !b.trim().is_empty())
        .map(|(body, kind)| body_text(body, &kind, base.as_ref()));
    let summary = entry
        .summary
        .as_ref()
        .filter(|s| !s.content.trim().is_empty())
        .map(|s| text_body(s, base.as_ref()));
    let (mut main, standfirst) = match (content, summary) {
        (Some(content), Some(summary)) => {
            let s = summary.paragraphs.join(" ");
            let differs = squash(&s) != squash(&content.paragraphs.join(" "));
            (content, differs.then_some(s).filter(|s| !s.is_empty()))
        }
        (Some(content), None) => (content, None),
        (None, Some(summary)) => (summary, None),
        // A video's or a picture's description (YouTube's feeds have no
        // other text) when the item has none of its own.
        (None, None) => (media_description(&entry, base.as_ref()), None),
    };
    add_attachments(&entry, base.as_ref(), &mut main.links);
    let title = entry
        .title
        .as_ref()
        .map(
            |t| match feed.typed_titles && t.content_type.as_ref().starts_with("text/plain") {
                true => squash(&t.content),
                false => plain_text(&t.content),
            },
        )
        .filter(|t| !t.is_empty())
        .or_else(|| made_up_title(&main.running_text()))
        .or_else(|| {
            standfirst
                .as_deref()
                .and_then(|s| made_up_title(&[s.to_string()]))
        })
        .or_else(|| media_title(&entry))
        .or_else(|| url.clone())
        .unwrap_or_else(|| "(untitled)".to_string());
    let authors = distinct(entry.authors.iter().map(person_name));
    let byline = authors.join(", ");
    // The label is what a reader is shown; the term is for machines.
    let categories = distinct(
        entry
            .categories
            .iter()
            .map(|c| plain_text(c.label.as_deref().unwrap_or(&c.term))),
    );
    let article = Article {
        title,
        source: feed.title.clone(),
        url,
        guid: Some(entry.id.trim().to_string()).filter(|g| !g.is_empty()),
        byline: Some(byline).filter(|b| !b.is_empty()),
        published: entry.published.or(entry.updated).map(|t| t.timestamp()),
        standfirst,
        category: categories.first().cloned(),
        authors: if authors.len() > 1 {
            authors
        } else {
            Vec::new()
        },
        categories: if categories.len() > 1 {
            categories
        } else {
            Vec::new()
        },
        lang: entry.language.clone().or_else(|| feed.lang.clone()),
        ..Article::default()
    };
    let mut article = article;
    article.links = main.into_body(&mut article);
    Article {
        id: feed_item_id(&article, &feed.feed_url),
        ..article
    }
}

/// The non-empty values, each once, in order.
pub(super) fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// A person's name; RSS gives only an address, as `mail@host (Name)`,
/// `Name <mail@host>` or a bare name, and `feed-rs` names the person by role.
/// Names written with their address (`Name (mail@host)`) lose it.
fn person_name(person: &feed_rs::model::Person) -> String {
    let is_role = matches!(
        person.name.as_str(),
        "author" | "managingEditor" | "webMaster"
    );
    let written = match person.email.as_deref().filter(|_| is_role) {
        Some(email) => email,
        None => &person.name,
    };
    plain_text(without_address(written.trim()))
}

/// The name in `mail@host (Name)`, `Name <mail@host>` or `Name
/// (mail@host)`; anything else as it is.
pub(super) fn without_address(written: &str) -> &str {
    let is_address = |s: &str| s.contains('@') && !s.contains(' ');
    if let Some((first, rest)) = written.split_once(" (")
        && let Some(second) = rest.strip_suffix(')')
    {
        if is_address(first) {
            return second;
        }
        if is_address(second) {
            return first;
        }
    }
    if let Some((name, rest)) = written.split_once(" <")
        && let Some(address) = rest.strip_suffix('>')
        && is_address(address)
    {
        return name;
    }
    written
}

fn text_body(text: &Text, base: Option<&Url>) -> HtmlText {
    body_text(&text.content, text.content_type.as_ref(), base)
}

/// Plain-text bodies are split at blank lines; anything else is HTML.
fn body_text(body: &str, content_type: &str, base: Option<&Url>) -> HtmlText {
    let plain = content_type.starts_with("text/plain") && !looks_like_html(body);
    if plain {
        HtmlText {
            paragraphs: body
                .split("\n\n")
                .map(squash)
                .filter(|p| !p.is_empty())
                .collect(),
            ..HtmlText::default()
        }
    } else {
        html_to_text(body, base)
    }
}

fn looks_like_html(text: &str) -> bool {
    [
        "</", "<p", "<br", "<a ", "<img", "<div", "&lt;", "&amp;", "&#",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// Enclosures and media objects, after the links cited in the text.
fn add_attachments(entry: &Entry, base: Option<&Url>, links: &mut Vec<Link>) {
    let mut push = |text: String, href: &str| {
        if let Some(url) = resolve_url(base, href).or_else(|| Some(href.to_string()))
            && !href.trim().is_empty()
            && !links.iter().any(|l| l.url == url)
        {
            links.push(Link { text, url });
        }
    };
    for link in &entry.links {
        if is_attachment(link) {
            let kind = link.media_type.as_deref().unwrap_or("file");
            push(
                link.title
                    .clone()
                    .unwrap_or_else(|| format!("{kind} enclosure")),
                &link.href,
            );
        }
    }
    // Out-of-line content only (Atom's `src`, with no body): for inline
    // content, `feed-rs` fills `src` with the document's base address.
    if let Some(src) = entry
        .content
        .as_ref()
        .filter(|c| c.body.is_none())
        .and_then(|c| c.src.as_ref())
    {
        push("full content".to_string(), &src.href);
    }
    for media in &entry.media {
        let title = media
            .title
            .as_ref()
            .map(|t| plain_text(&t.content))
            .filter(|t| !t.is_empty());
        for content in &media.content {
            if let Some(url) = &content.url {
                let kind = content
                    .content_type
                    .as_ref()
                    .map_or_else(|| "media".to_string(), |t| t.to_string());
                push(
                    title.clone().unwrap_or_else(|| format!("{kind} enclosure")),
                    url.as_str(),
                );
            }
        }
        for thumb in &media.thumbnails {
            push(
                title
                    .clone()
                    .map_or_else(|| "thumbnail".to_string(), |t| format!("{t} (thumbnail)")),
                &thumb.image.uri,
            );
        }
    }
}

/// An enclosure, or a link to a non-HTML file (JSON Feed attachments).
fn is_attachment(link: &feed_rs::model::Link) -> bool {
    let rel = link.rel.as_deref().unwrap_or("alternate");
    let kind = link.media_type.as_deref().unwrap_or("text/html");
    rel == "enclosure" || (rel == "alternate" && !kind.contains("html"))
}

/// The title or description of the item's first titled media object.
fn media_description(entry: &Entry, base: Option<&Url>) -> HtmlText {
    entry
        .media
        .iter()
        .filter_map(|m| m.description.as_ref())
        .find(|d| !d.content.trim().is_empty())
        .map(|d| text_body(d, base))
        .unwrap_or_default()
}

fn media_title(entry: &Entry) -> Option<String> {
    entry.media.iter().find_map(|m| {
        let text = m.title.as_ref().or(m.description.as_ref())?;
        Some(plain_text(&text.content)).filter(|t| !t.is_empty())
    })
}

/// A title for an untitled item: its first sentence, shortened to a word
/// boundary near [`MADE_UP_TITLE_CHARS`].
pub fn made_up_title(paragraphs: &[String]) -> Option<String> {
    let first = paragraphs
        .iter()
        .map(|p| strip_link_marks(p))
        .find(|p| !p.trim().is_empty())?;
    let end = first
        .char_indices()
        .find(|(i, c)| {
            matches!(c, '。' | '！' | '？')
                || (matches!(c, '.' | '!' | '?')
                    && first[i + c.len_utf8()..].starts_with(char::is_whitespace))
        })
        .map_or(first.len(), |(i, c)| i + c.len_utf8());
    let sentence = first[..end].trim();
    if sentence.chars().count() <= MADE_UP_TITLE_CHARS {
        return Some(sentence.to_string());
    }
    let cut: String = sentence.chars().take(MADE_UP_TITLE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MADE_UP_TITLE_CHARS / 2 => &cut[..space],
        _ => &cut,
    };
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':', ' '])))
}

/// Text without the `[n]` link numbers and `[image: …]` marks.
fn strip_link_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match after.find(']') {
            Some(close)
                if after[1..close].chars().all(|c| c.is_ascii_digit())
                    || after.starts_with("[image:") =>
            {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    squash(&out)
}

#[cfg(test)]
#[path = "item_tests.rs"]
mod tests;
