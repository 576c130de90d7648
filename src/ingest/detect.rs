//! Which format a decoded text is in, judged from its content alone.

use super::{Format, ParseError};

/// How much of a text is looked at to tell HTML from plain text.
const SNIFF_CHARS: usize = 65_536;

/// The format of `text`, or why it is none of them.
pub fn detect(text: &str) -> Result<Format, ParseError> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if opens_json_object(head) {
        return json_format(text);
    }
    if head.starts_with('<') {
        let format = markup_format(head);
        // A text copy can start with a tag that was text on the page (an
        // `<img ...>` line): then it holds little markup after it.
        if format == Format::Html && !declares_html(head) && mostly_text(head) {
            return Ok(Format::TextPage);
        }
        return Ok(format);
    }
    if looks_like_html(head) {
        return Ok(Format::Html);
    }
    Ok(Format::TextPage)
}

/// Whether the text opens as a JSON object does: `{`, then a key's quote or
/// the closing brace. A text copy may open with a brace that was text on the
/// page (a template's `{{ … }}`): it is no JSON at all.
fn opens_json_object(head: &str) -> bool {
    head.strip_prefix('{').is_some_and(|rest| {
        rest.trim_start().is_empty() || rest.trim_start().starts_with(['"', '}'])
    })
}

fn json_format(text: &str) -> Result<Format, ParseError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ParseError::InvalidJson(e.to_string()))?;
    let version = value.get("version").and_then(|v| v.as_str()).unwrap_or("");
    if version.contains("jsonfeed") || has_json_feed_items(&value) {
        Ok(Format::JsonFeed)
    } else {
        Err(ParseError::NotJsonFeed)
    }
}

/// Whether `value` has items named as only JSON Feed names them: some
/// feeds give a wrong `version` (`"1.0"`) or none, and their items still
/// read as the spec defines them.
fn has_json_feed_items(value: &serde_json::Value) -> bool {
    const ITEM_KEYS: [&str; 3] = ["content_html", "content_text", "date_published"];
    value
        .get("items")
        .and_then(|items| items.as_array())
        .is_some_and(|items| {
            items
                .iter()
                .any(|item| ITEM_KEYS.iter().any(|key| item.get(key).is_some()))
        })
}

/// The format named by the root element of XML or HTML.
fn markup_format(head: &str) -> Format {
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
        } else if rest.starts_with("<?") {
            rest = rest.find("?>").map_or("", |e| &rest[e + 2..]);
        } else if rest
            .get(..9)
            .is_some_and(|h| h.eq_ignore_ascii_case("<!doctype"))
        {
            let decl = &rest[..rest.find('>').unwrap_or(rest.len())];
            if decl.to_ascii_lowercase().contains("html") {
                return Format::Html;
            }
            rest = rest[decl.len()..].trim_start_matches('>');
        } else {
            break;
        }
    }
    let name: String = rest
        .trim_start_matches('<')
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .collect::<String>()
        .to_ascii_lowercase();
    let local = name.rsplit(':').next().unwrap_or("");
    match local {
        "rss" | "rdf" => Format::Rss,
        "feed" | "entry" => Format::Atom,
        "opml" => Format::Opml,
        _ => Format::Html,
    }
}

/// Whether a page says it is HTML: a doctype or an `html`, `head` or
/// `body` element near its start.
fn declares_html(head: &str) -> bool {
    let sample: String = head.chars().take(SNIFF_CHARS).collect();
    let lower = sample.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// Text of several lines with fewer tags than half its lines.
fn mostly_text(head: &str) -> bool {
    let sample: String = head.chars().take(SNIFF_CHARS).collect();
    let lines = sample.lines().filter(|l| !l.trim().is_empty()).count();
    let tags = sample
        .as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
        .count();
    lines >= 3 && tags * 2 < lines
}

/// Text that does not start with a tag but is mostly markup.
fn looks_like_html(head: &str) -> bool {
    let sample: String = head.chars().take(SNIFF_CHARS).collect();
    let lower = sample.to_ascii_lowercase();
    if lower.contains("<html") || lower.contains("<body") {
        return true;
    }
    let tags = [
        "<p>", "<p ", "<div", "<br", "</a>", "<span", "<li>", "<h1", "<h2",
    ]
    .iter()
    .map(|t| lower.matches(t).count())
    .sum::<usize>();
    let lines = sample.lines().count().max(1);
    tags >= 5 && tags * 2 >= lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_name_the_format() {
        let ok = |t: &str| detect(t).ok();
        assert_eq!(
            ok("<?xml version=\"1.0\"?>\n<!-- hi --><rss version=\"2.0\">"),
            Some(Format::Rss)
        );
        assert_eq!(ok("<rdf:RDF xmlns:rdf=\"x\">"), Some(Format::Rss));
        assert_eq!(
            ok("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Format::Atom)
        );
        assert_eq!(ok("<entry>"), Some(Format::Atom));
        assert_eq!(ok("<opml version=\"2.0\">"), Some(Format::Opml));
        assert_eq!(ok("<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(ok("<div><p>hello</p></div>"), Some(Format::Html));
        assert_eq!(
            ok("{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            Some(Format::JsonFeed)
        );
        assert_eq!(ok("Just some text\nwith lines"), Some(Format::TextPage));
        assert!(detect("{\"a\": 1}").is_err());
    }

    #[test]
    fn json_feed_items_make_a_json_feed_whatever_its_version() {
        // As gofeed's testdata/translator/json/json10_simple.json (MIT) has it.
        let wrong = r#"{"version": "1.0", "items": [{"content_text": "x"}]}"#;
        assert_eq!(detect(wrong).ok(), Some(Format::JsonFeed));
        let none = r#"{"items": [{"id": "1", "date_published": "2024-01-01T00:00:00Z"}]}"#;
        assert_eq!(detect(none).ok(), Some(Format::JsonFeed));
        // Any other JSON with items is no feed.
        assert!(detect(r#"{"version": "1.0", "items": [{"name": "x"}]}"#).is_err());
        assert!(detect(r#"{"items": "content_html"}"#).is_err());
    }

    #[test]
    fn a_text_copy_starting_with_a_literal_tag_is_a_text_copy() {
        let copy = "<img src=\"photo.jpg\" alt=\"The harbour\">\nHarbour reopens after storm\nBy A. Writer\n\nThe harbour reopened on Monday.\nShips came back at dawn.\n";
        assert_eq!(detect(copy).ok(), Some(Format::TextPage));
        // Markup without a doctype, and short fragments, stay HTML.
        let fragment = "<div>\n<p>one</p>\n<p>two</p>\n</div>";
        assert_eq!(detect(fragment).ok(), Some(Format::Html));
        let page = "<title>T</title>\n<body>\nline\nline\nline\nline\n</body>";
        assert_eq!(detect(page).ok(), Some(Format::Html));
        assert_eq!(detect("<p>hello</p>").ok(), Some(Format::Html));
    }

    #[test]
    fn a_text_copy_opening_with_a_brace_is_a_text_copy() {
        let copy = "{{ 'message_when_offline' | translate }}\nHarbour reopens after storm\n\
The harbour reopened on Monday after the storm.\n";
        assert_eq!(detect(copy).ok(), Some(Format::TextPage));
        assert_eq!(detect("{ see below }\ntext").ok(), Some(Format::TextPage));
        // A broken JSON file is still read as JSON, to say what is wrong.
        assert!(matches!(
            detect("{\n  \"version\": \"https://jsonfeed.org/version/1\",,"),
            Err(ParseError::InvalidJson(_))
        ));
        assert!(detect("{}").is_err());
    }

    #[test]
    fn html_without_a_leading_tag() {
        let page = "Title\n<p>one</p>\n<p>two</p>\n<p>three</p>\n<div>four</div>\n<br>";
        assert_eq!(detect(page).ok(), Some(Format::Html));
    }
}
