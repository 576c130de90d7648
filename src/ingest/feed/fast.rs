//! A fast reader for plain RSS 2.0, the format of most news feeds. It walks
//! quick-xml's borrowed events once and fills in the parts of `feed-rs`'s
//! model that Edicola uses, reading each element as `feed-rs` does (same
//! text joining, trimming, entity and URL handling).
//!
//! It gives up (returns `None`) on anything it does not read exactly like
//! `feed-rs`, and the caller then parses the feed with `feed-rs`:
//! another root or RSS version, a DOCTYPE, `xml:base`, namespaces declared
//! anywhere but the root or a default namespace, markup inside a text
//! element, iTunes or Media RSS elements, a date that is neither strict
//! RFC 2822 nor RFC 3339, malformed XML. Tests check that both readers give
//! the same articles on every feed fixture (`tests::same_as_feed_rs`).

mod values;

use feed_rs::model::{Category, Content, Entry, Feed, MediaObject, Person};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use url::Url;

use super::xmltext::attr;
use values::{empty_feed, html, plain, text, timestamp};

const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
/// Namespaces whose item elements `feed-rs` reads into media objects:
/// left to it.
const MEDIA_NAMESPACES: &[&str] = &[
    "http://search.yahoo.com/mrss/",
    "http://www.itunes.com/dtds/podcast-1.0.dtd",
];

/// Reads an RSS 2.0 feed, or `None` when `feed-rs` must read it.
pub fn parse(text: &str, base: Option<&str>) -> Option<Feed> {
    if !sniffed_as_xml(text) {
        return None;
    }
    let base = match base {
        Some(b) => Some(Url::parse(b).ok()?),
        None => None,
    };
    let mut r = Rss {
        doc: text,
        reader: Reader::from_str(text),
        prefixes: Vec::new(),
        base,
    };
    r.reader.config_mut().trim_text(false);
    r.root()?;
    r.channel()
}

/// Whether `feed-rs` reads the document as XML: it looks for the first `<`
/// or `{` in what its buffered reader first holds (8 KiB) and reads JSON
/// when a `{` comes first, so stray bytes before the root decide the format.
fn sniffed_as_xml(text: &str) -> bool {
    const FEED_RS_PEEK: usize = 8 * 1024;
    let head = &text.as_bytes()[..text.len().min(FEED_RS_PEEK)];
    head.iter().find(|&&b| b == b'<' || b == b'{') == Some(&b'<')
}

/// What a child element of `<channel>` or `<item>` is, by namespace.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ns {
    Rss,
    Content,
    Dc,
    Atom,
    Media,
    Other,
}

struct Rss<'a> {
    /// The whole document, which events borrow from.
    doc: &'a str,
    reader: Reader<&'a [u8]>,
    /// Prefixes declared on `<rss>`, with their namespaces.
    prefixes: Vec<(Vec<u8>, Ns)>,
    base: Option<Url>,
}

impl<'a> Rss<'a> {
    fn event(&mut self) -> Option<Event<'a>> {
        match self.reader.read_event().ok()? {
            Event::DocType(_) => None,
            event => Some(event),
        }
    }

    /// Reads up to `<rss version="2.0">` and its namespace declarations.
    fn root(&mut self) -> Option<()> {
        loop {
            match self.event()? {
                Event::Start(e) if e.name().as_ref() == b"rss" => {
                    let mut version = None;
                    for a in e.attributes() {
                        let a = a.ok()?;
                        let key = a.key.as_ref();
                        match key {
                            b"version" => version = Some(a.value),
                            b"xmlns" => return None,
                            _ if key.starts_with(b"xml:base") => return None,
                            _ => {
                                if let Some(prefix) = key.strip_prefix(b"xmlns:") {
                                    let uri = std::str::from_utf8(&a.value).ok()?;
                                    self.prefixes.push((prefix.to_vec(), ns_of(uri)));
                                }
                            }
                        }
                    }
                    return (version.as_deref() == Some(b"2.0")).then_some(());
                }
                Event::Start(_) | Event::Empty(_) | Event::Eof => return None,
                _ => {}
            }
        }
    }

    /// The namespace and local name of an element, or `None` for elements
    /// that declare namespaces or `xml:base` (left to `feed-rs`).
    fn name<'e>(&self, e: &'e BytesStart) -> Option<(Ns, &'e [u8])> {
        for a in e.attributes().with_checks(false) {
            let key = a.ok()?.key;
            let key = key.as_ref();
            if key == b"xmlns" || key.starts_with(b"xmlns:") || key == b"xml:base" {
                return None;
            }
        }
        let full = e.name().into_inner();
        Some(match full.iter().position(|&b| b == b':') {
            None => (Ns::Rss, full),
            Some(colon) => {
                let prefix = &full[..colon];
                let ns = self
                    .prefixes
                    .iter()
                    .find(|(p, _)| *p == prefix)
                    .map_or(Ns::Other, |(_, ns)| *ns);
                (ns, &full[colon + 1..])
            }
        })
    }

    fn channel(&mut self) -> Option<Feed> {
        let mut feed = empty_feed();
        // `<channel>` first: other elements before it are ignored.
        loop {
            let (e, empty) = self.child()??;
            if self.name(&e)? == (Ns::Rss, b"channel") && !empty {
                break;
            }
            self.skip(&e, empty)?;
        }
        while let Some((e, empty)) = self.child()? {
            match self.name(&e)? {
                (Ns::Rss, b"title") => feed.title = Some(text(self.string(&e, empty)?, plain())),
                (Ns::Rss, b"link") => {
                    if let Some(href) = self.first_text(&e, empty)? {
                        feed.links.push(self.link(&href));
                    }
                }
                (Ns::Atom, b"link") => {
                    feed.links.extend(self.atom_link(&e)?);
                    self.skip(&e, empty)?;
                }
                (Ns::Rss, b"language") => {
                    feed.language = self.first_text(&e, empty)?.map(|l| l.to_lowercase());
                }
                (Ns::Rss, b"item") => feed.entries.push(self.item(empty)?),
                _ => self.skip(&e, empty)?,
            }
        }
        // Whatever follows `</channel>` must still be well-formed.
        loop {
            match self.event()? {
                Event::Eof => return Some(feed),
                Event::Start(e) => self.skip(&e, false)?,
                _ => {}
            }
        }
    }

    /// The next child element (and whether it is empty, `<x/>`), or `None`
    /// at the end of the parent.
    fn child(&mut self) -> Option<Option<(BytesStart<'a>, bool)>> {
        loop {
            match self.event()? {
                Event::Start(e) => return Some(Some((e, false))),
                Event::Empty(e) => return Some(Some((e, true))),
                Event::End(_) => return Some(None),
                Event::Eof => return None,
                _ => {}
            }
        }
    }

    fn item(&mut self, empty: bool) -> Option<Entry> {
        let mut entry = Entry::default();
        let mut media = MediaObject::default();
        while let Some((e, empty)) = if empty { None } else { self.child()? } {
            match self.name(&e)? {
                (Ns::Media, _) => return None,
                (Ns::Rss, b"enclosure") => {
                    self.enclosure(&e, &mut media)?;
                    self.skip(&e, empty)?;
                }
                (Ns::Rss, b"title") => entry.title = Some(text(self.string(&e, empty)?, plain())),
                (Ns::Rss, b"link") => {
                    if let Some(href) = self.first_text(&e, empty)? {
                        entry.links.push(self.link(&href));
                    }
                }
                (Ns::Rss, b"description") => {
                    entry.summary = Some(text(self.string(&e, empty)?, html()));
                }
                (Ns::Rss, b"author") => {
                    if let Some(email) = self.first_text(&e, empty)? {
                        entry.authors.push(Person {
                            name: "author".into(),
                            uri: None,
                            email: Some(email),
                        });
                    }
                }
                (Ns::Rss, b"category") => {
                    let scheme = attr(&e, b"domain")?;
                    let mut category = Category::new(&self.string(&e, empty)?);
                    category.scheme = scheme;
                    entry.categories.push(category);
                }
                (Ns::Rss, b"guid") => {
                    if let Some(guid) = self.first_text(&e, empty)? {
                        entry.id = guid.trim().to_string();
                    }
                }
                (Ns::Rss, b"pubDate") | (Ns::Dc, b"date") => {
                    entry.published = match self.first_text(&e, empty)? {
                        Some(t) => Some(timestamp(&t)?),
                        None => None,
                    };
                }
                (Ns::Content, b"encoded") => {
                    let body = self.string(&e, empty)?;
                    entry.content = (!body.is_empty()).then(|| Content {
                        body: Some(body),
                        content_type: html(),
                        length: None,
                        src: self.base.as_ref().map(|b| self.link(b.as_str())),
                    });
                }
                (Ns::Dc, b"creator") => entry.authors.push(Person {
                    name: self.string(&e, empty)?.trim().to_string(),
                    uri: None,
                    email: None,
                }),
                _ => self.skip(&e, empty)?,
            }
        }
        if !media.content.is_empty() {
            entry.media.push(media);
        }
        if entry.updated.is_none() {
            entry.updated = entry.published;
        }
        Some(entry)
    }

    /// Skips an element and everything in it.
    fn skip(&mut self, start: &BytesStart, empty: bool) -> Option<()> {
        if empty {
            return Some(());
        }
        self.reader.read_to_end(start.name()).ok().map(drop)
    }
}

fn ns_of(uri: &str) -> Ns {
    match uri {
        CONTENT_NS => Ns::Content,
        DC_NS => Ns::Dc,
        ATOM_NS => Ns::Atom,
        _ if MEDIA_NAMESPACES.contains(&uri) => Ns::Media,
        _ => Ns::Other,
    }
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
