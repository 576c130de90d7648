//! Values as `feed-rs` builds them: an element's text, links resolved
//! against the base, `<atom:link>` and enclosures, texts, dates, and the
//! empty feed that the reader fills in.

use chrono::{DateTime, Utc};
use feed_rs::model::{Feed, FeedType, Link, MediaContent, MediaObject, Text};
use mediatype::{MediaTypeBuf, names};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use url::Url;

use super::Rss;
use crate::ingest::feed::xmltext::{attr, attr_text, push_reference, unescape, within};

impl Rss<'_> {
    /// Like `feed-rs`'s `children_as_string` for an element holding only
    /// text: its text, CDATA and references joined, unknown entities kept
    /// as written. Markup inside gives up.
    pub(super) fn string(&mut self, start: &BytesStart, empty: bool) -> Option<String> {
        if empty {
            return Some(String::new());
        }
        let raw = self.reader.read_text(start.name()).ok()?;
        let raw = within(self.doc, &raw)?;
        if memchr::memchr(b'<', raw.as_bytes()).is_none() {
            // Text and references only, the common case: one pass.
            return unescape(raw);
        }
        // CDATA, comments or markup: read as events.
        let mut out = String::new();
        let mut inner = Reader::from_str(raw);
        loop {
            match inner.read_event().ok()? {
                Event::Text(t) => out.push_str(within(raw, &t)?),
                Event::CData(t) => out.push_str(within(raw, &t)?),
                Event::GeneralRef(r) => push_reference(&mut out, within(raw, &r)?)?,
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => return Some(out),
                _ => return None,
            }
        }
    }

    /// Like `feed-rs`'s `child_as_text`: the text, if the element has any.
    pub(super) fn first_text(&mut self, start: &BytesStart, empty: bool) -> Option<Option<String>> {
        let s = self.string(start, empty)?;
        Some((!s.is_empty()).then_some(s))
    }

    /// `feed-rs`'s `Link::new`: resolved against the base, trimmed.
    pub(super) fn link(&self, href: &str) -> Link {
        let href = self
            .parse_uri(href)
            .map_or_else(|| href.to_string(), |u| u.to_string());
        Link {
            href: href.trim().to_string(),
            rel: None,
            media_type: None,
            href_lang: None,
            title: None,
            length: None,
        }
    }

    /// `feed-rs`'s `parse_uri`: an absolute URL, or a relative one
    /// resolved against the base.
    fn parse_uri(&self, href: &str) -> Option<Url> {
        match Url::parse(href) {
            Ok(url) => Some(url),
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                self.base.as_ref().and_then(|b| b.join(href).ok())
            }
            Err(_) => None,
        }
    }

    /// `<atom:link>` in a channel, as `feed-rs` reads it.
    pub(super) fn atom_link(&self, e: &BytesStart) -> Option<Option<Link>> {
        let Some(href) = attr(e, b"href")? else {
            return Some(None);
        };
        let mut link = self.link(&href);
        for a in e.attributes() {
            let a = a.ok()?;
            let value = Some(attr_text(&a.value)?);
            match a.key.as_ref() {
                b"rel" => link.rel = value,
                b"type" => link.media_type = value,
                b"hreflang" => link.href_lang = value,
                b"title" => link.title = value,
                b"length" => link.length = value.and_then(|v| v.parse().ok()),
                _ => {}
            }
        }
        link.rel.get_or_insert_with(|| "alternate".to_string());
        Some(Some(link))
    }

    pub(super) fn enclosure(&self, e: &BytesStart, media: &mut MediaObject) -> Option<()> {
        let mut content = MediaContent {
            url: None,
            content_type: None,
            height: None,
            width: None,
            duration: None,
            size: None,
            rating: None,
        };
        for a in e.attributes() {
            let a = a.ok()?;
            let value = attr_text(&a.value)?;
            match a.key.as_ref() {
                b"url" => content.url = self.parse_uri(&value),
                b"length" => content.size = value.parse().ok(),
                b"type" => {
                    if let Ok(t) = value.parse::<MediaTypeBuf>() {
                        content.content_type = Some(t);
                    }
                }
                _ => {}
            }
        }
        if content.url.is_some() {
            media.content.push(content);
        }
        Some(())
    }
}

pub(super) fn plain() -> MediaTypeBuf {
    MediaTypeBuf::new(names::TEXT, names::PLAIN)
}

pub(super) fn html() -> MediaTypeBuf {
    MediaTypeBuf::new(names::TEXT, names::HTML)
}

/// `feed-rs`'s `Text::new` and `Text::html`: trimmed.
pub(super) fn text(mut content: String, content_type: MediaTypeBuf) -> Text {
    let end = content.trim_end().len();
    content.truncate(end);
    let start = content.len() - content.trim_start().len();
    content.drain(..start);
    Text {
        content_type,
        src: None,
        content,
    }
}

/// Dates `feed-rs` reads the same way: strict RFC 2822 or RFC 3339.
pub(super) fn timestamp(t: &str) -> Option<DateTime<Utc>> {
    let t = t.trim();
    DateTime::parse_from_rfc2822(t)
        .or_else(|_| DateTime::parse_from_rfc3339(t))
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

pub(super) fn empty_feed() -> Feed {
    Feed {
        feed_type: FeedType::RSS2,
        id: String::new(),
        title: None,
        updated: None,
        authors: Vec::new(),
        description: None,
        links: Vec::new(),
        categories: Vec::new(),
        contributors: Vec::new(),
        generator: None,
        icon: None,
        language: None,
        logo: None,
        published: None,
        rating: None,
        rights: None,
        ttl: None,
        entries: Vec::new(),
    }
}
