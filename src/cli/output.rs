//! What the scripting commands print: plain text for people, JSON for
//! programs (a stable interface: fields are only ever added).
//!
//! Everything printed that came from outside (the store, files, servers,
//! errors) goes through [`line`] or [`lines`] (text) or [`json_text`]
//! (JSON), so no escape sequence or bidi override reaches the terminal.

use std::borrow::Cow;

use serde_json::{Value, json};

use crate::app::reading::meta_line;
use crate::date::{format_date, format_rfc3339};
use crate::model::Article;
use crate::store::Summary;
use crate::text::controls::{Layout, for_terminal};

/// Text for one line of output: controls, tabs, line breaks and bidi
/// overrides become U+FFFD.
pub fn line(s: &str) -> Cow<'_, str> {
    for_terminal(s, Layout::Line)
}

/// Text of several lines (paragraphs, messages): as [`line`], but tabs and
/// line breaks stay.
pub fn lines(s: &str) -> Cow<'_, str> {
    for_terminal(s, Layout::Lines)
}

/// JSON text of `value`, C1 and bidi controls escaped too.
pub fn json_text(value: &impl serde::Serialize, pretty: bool) -> serde_json::Result<String> {
    super::safe_json::to_string(value, pretty)
}

/// Prints list rows as they come, as text lines or one JSON array.
pub struct Lister {
    json: bool,
    first: bool,
}

impl Lister {
    pub fn new(json: bool) -> Lister {
        if json {
            print!("[");
        }
        Lister { json, first: true }
    }

    pub fn row(&mut self, row: &Summary) {
        if self.json {
            let value = json!({
                "id": row.id,
                "title": row.title,
                "source": row.source,
                "published": row.published.map(format_rfc3339),
                "bookmarked": row.bookmarked,
                "read": row.read,
            });
            // A `Value` of strings and numbers always serializes.
            let value = json_text(&value, false).unwrap_or_default();
            print!("{}\n  {value}", if self.first { "" } else { "," });
        } else {
            let marks = format!(
                "{}{}",
                if row.bookmarked { "★" } else { " " },
                if row.read { " " } else { "•" }
            );
            let date = row
                .published
                .map(format_date)
                .unwrap_or_else(|| "          ".into());
            let source = row.source.as_deref().unwrap_or("");
            println!(
                "{} {marks} {date}  {}  [{}]",
                line(&row.id),
                line(&row.title),
                line(source)
            );
        }
        self.first = false;
    }

    pub fn finish(self) {
        if self.json {
            println!("{}]", if self.first { "" } else { "\n" });
        }
    }
}

/// What the store adds to an article's JSON: its marks, and the ids of the
/// stored articles its related entries link to.
pub struct StoredInfo<'a> {
    pub bookmarked: bool,
    pub read: bool,
    pub related_ids: &'a [Option<String>],
}

/// The JSON form of an article, with marks and related ids when stored.
pub fn article_json(a: &Article, stored: Option<&StoredInfo>) -> Value {
    let related: Vec<Value> = a
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "title": r.title,
                "blurb": r.blurb,
                "category": r.category,
                "byline": r.byline,
                "url": r.url,
                "id": stored.and_then(|s| s.related_ids.get(i).cloned().flatten()),
            })
        })
        .collect();
    let mut value = json!({
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "guid": a.guid,
        "byline": a.byline,
        "published": a.published.map(format_rfc3339),
        "standfirst": a.standfirst,
        "category": a.category,
        "authors": listed(&a.authors, a.byline.as_deref()),
        "categories": listed(&a.categories, a.category.as_deref()),
        "lang": a.lang,
        "body": super::body::plain_paragraphs(a),
        "blocks": super::body::blocks(a),
        "related": related,
        "links": a.links,
    });
    if let (Some(info), Some(map)) = (stored, value.as_object_mut()) {
        map.insert("bookmarked".into(), info.bookmarked.into());
        map.insert("read".into(), info.read.into());
    }
    value
}

/// A list field of the JSON form: the list kept, else the one value shown
/// (articles stored before lists were kept), else empty.
fn listed<'a>(list: &'a [String], single: Option<&'a str>) -> Vec<&'a str> {
    if list.is_empty() {
        single.into_iter().filter(|s| !s.is_empty()).collect()
    } else {
        list.iter().map(String::as_str).collect()
    }
}

/// The plain-text form of an article, for reading in a pipe.
pub fn article_text(
    a: &Article,
    (bookmarked, _): (bool, bool),
    related_ids: &[Option<String>],
) -> String {
    let mut out = format!("{}\n", line(&a.title));
    let meta = meta_line(a);
    if !meta.is_empty() {
        out.push_str(&format!("{}\n", line(&meta)));
    }
    if let Some(url) = &a.url {
        out.push_str(&format!("{}\n", line(url)));
    }
    if bookmarked {
        out.push_str("★ bookmarked\n");
    }
    if let Some(s) = &a.standfirst {
        out.push_str(&format!("\n{}\n", lines(s)));
    }
    for p in super::body::text_blocks(a) {
        out.push_str(&format!("\n{}\n", lines(&p)));
    }
    if !a.related.is_empty() {
        out.push_str("\nRelated:\n");
        for (r, id) in a.related.iter().zip(related_ids) {
            let category = r
                .category
                .as_deref()
                .map(|c| format!("[{}] ", line(c)))
                .unwrap_or_default();
            let stored = id
                .as_deref()
                .map(|i| format!("  (id {})", line(i)))
                .unwrap_or_default();
            out.push_str(&format!("- {category}{}{stored}\n", line(&r.title)));
        }
    }
    if !a.links.is_empty() {
        out.push_str("\nLinks:\n");
        for (n, l) in a.links.iter().enumerate() {
            out.push_str(&format!("[{}] {} {}\n", n + 1, line(&l.text), line(&l.url)));
        }
    }
    out
}
