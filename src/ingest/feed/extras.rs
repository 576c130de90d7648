//! What RSS items say in elements `feed-rs` does not read, used where the
//! item says nothing else: Dublin Core titles, descriptions, subjects and
//! authors (`dc:title`, `dc:description`, `dc:subject`, `dc:author`),
//! DCMI Terms dates (`dcterms:issued`, `created`, `modified`), the iTunes
//! author and summary, Atom elements in RSS items (`atom:published`,
//! `updated`, `author`, `content`, `summary`, `title`, as gofeed reads
//! them: Blogger and WordPress plugins write them), `pubDate` and
//! `dc:date` in forms the readers refuse (`dates.rs`), and a `guid` that
//! is a permalink as the item's link (as feedparser reads them). One pass
//! of quick-xml over the text, after either reader: both give their items
//! in document order, so the n-th item read here is the n-th article (when
//! the counts differ, nothing is applied).

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::plain_text;
use super::xmltext::push_reference;
use crate::model::Article;

const DC_NS: &[u8] = b"http://purl.org/dc/elements/1.1/";
const DCTERMS_NS: &[u8] = b"http://purl.org/dc/terms/";
const ITUNES_NS: &[u8] = b"http://www.itunes.com/dtds/podcast-1.0.dtd";
/// Media RSS, spelt with and without its final slash.
const MRSS_NS: &[u8] = b"http://search.yahoo.com/mrss";
const XHTML_NS: &[u8] = b"http://www.w3.org/1999/xhtml";
/// Atom 1.0 and 0.3.
const ATOM_NAMESPACES: &[&[u8]] = &[b"http://www.w3.org/2005/Atom", b"http://purl.org/atom/ns#"];
/// RSS 1.0 and 0.90, whose elements are in a default namespace.
const RSS_NAMESPACES: &[&[u8]] = &[
    b"http://purl.org/rss/1.0/",
    b"http://my.netscape.com/rdf/simple/0.9/",
];

/// An item's fields from elements the readers leave out, and which of its
/// own it has.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Extras {
    has_title: bool,
    has_link: bool,
    has_body: bool,
    title: Option<String>,
    description: Option<String>,
    /// An `atom:content`, which beats any description.
    content: Option<String>,
    subjects: Vec<String>,
    authors: Vec<String>,
    date: Option<i64>,
    /// A date of change, the date of an item with no other.
    updated: Option<i64>,
    permalink: Option<String>,
}

/// Whether `text` may hold extras that `articles` lack: a second pass over
/// every feed would cost imports a good share of their parsing.
pub(super) fn worth_reading(text: &str, articles: &[Article]) -> bool {
    let has = |needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some();
    let lacks = |missing: fn(&Article) -> bool| articles.iter().any(missing);
    if lacks(|a| a.url.is_none() || a.body.is_empty() || a.published.is_none()) {
        return true;
    }
    let count =
        |needle: &str| memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).count();
    let namespaced = has("purl.org/dc/")
        || has("itunes.com/dtds")
        || has("search.yahoo.com/mrss")
        || (super::repair::root_holds(text, "2005/Atom") && has("<atom:author"));
    // Some item lacks a `<title>` of its own (the channel has one).
    let untitled = || count("<title") <= count("<item");
    namespaced
        && ((has(":title>") && untitled())
            || has(":subject")
            || has(":category")
            || (lacks(|a| a.byline.is_none()) && (has(":author") || has(":creator"))))
}

/// The extras of every RSS item in `text`, in order; None for text that is
/// not RSS or cannot be read to its end.
pub(super) fn read(text: &str) -> Option<Vec<Extras>> {
    let mut reader = NsReader::from_str(text);
    let mut items = Vec::new();
    let mut item: Option<Extras> = None;
    // The element being read inside an item, with its text so far.
    let mut open: Option<(Field, String)> = None;
    // Whether the text inside the open element is not its value (an
    // `atom:author` outside its `atom:name`).
    let mut muted = false;
    let mut depth_in_item = 0usize;
    loop {
        let (ns, event) = reader.read_resolved_event().ok()?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                if let Some(current) = item.as_mut() {
                    itunes_category(&ns, &e, current);
                }
                if item.is_none() {
                    if local.as_ref() == b"item" {
                        item = Some(Extras::default());
                        depth_in_item = 0;
                    } else if local.as_ref() == b"entry" {
                        return None;
                    }
                    continue;
                }
                depth_in_item += 1;
                if depth_in_item == 1
                    && let Some(current) = item.as_mut()
                {
                    let permalink = e
                        .try_get_attribute("isPermaLink")
                        .ok()
                        .flatten()
                        .is_none_or(|a| !a.value.eq_ignore_ascii_case(b"false"));
                    open =
                        field(&ns, local.as_ref(), permalink, current).map(|f| (f, String::new()));
                    muted = matches!(open, Some((Field::AtomAuthor, _)));
                } else if let Some((f, buffer)) = open.as_mut() {
                    match f {
                        Field::AtomAuthor => muted = !(depth_in_item == 2 && is_atom_name(&ns, &e)),
                        // Markup inside a body (xhtml): words of two
                        // elements stay apart.
                        _ => buffer.push(' '),
                    }
                }
            }
            Event::Empty(e) => {
                if let Some(current) = item.as_mut() {
                    itunes_category(&ns, &e, current);
                    if depth_in_item == 0 {
                        field(&ns, e.local_name().as_ref(), false, current);
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, buffer)) = open.as_mut().filter(|_| !muted) {
                    buffer.push_str(&t.decode().ok()?);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, buffer)) = open.as_mut().filter(|_| !muted) {
                    push_reference(buffer, &r.decode().ok()?)?;
                }
            }
            Event::CData(c) => {
                if let Some((_, buffer)) = open.as_mut().filter(|_| !muted) {
                    buffer.push_str(std::str::from_utf8(&c).ok()?);
                }
            }
            Event::End(_) if item.is_some() => {
                if depth_in_item == 0 {
                    items.extend(item.take());
                } else {
                    depth_in_item -= 1;
                    // Back in an author, outside its name.
                    muted = depth_in_item == 1 && matches!(open, Some((Field::AtomAuthor, _)));
                    if depth_in_item == 0
                        && let (Some((f, value)), Some(current)) = (open.take(), item.as_mut())
                    {
                        f.keep(value, current);
                    }
                }
            }
            Event::Eof => return Some(items),
            _ => {}
        }
    }
}

/// An item element this pass keeps.
#[derive(Debug, Clone, Copy)]
enum Field {
    Title,
    Description,
    Subject,
    Author,
    Date,
    Updated,
    Content,
    /// An `atom:author`, whose `atom:name` is kept.
    AtomAuthor,
    Permalink,
}

fn is_atom_name(ns: &ResolveResult, e: &quick_xml::events::BytesStart) -> bool {
    matches!(ns, ResolveResult::Bound(n) if ATOM_NAMESPACES.contains(&n.as_ref()))
        && e.local_name().as_ref() == b"name"
}

/// Which field an element of an item is; notes the item's own title, link
/// and body elements on `item`.
fn field(ns: &ResolveResult, local: &[u8], permalink: bool, item: &mut Extras) -> Option<Field> {
    const CONTENT_NS: &[u8] = b"http://purl.org/rss/1.0/modules/content/";
    match ns {
        ResolveResult::Bound(n) if n.as_ref() == DC_NS => match local {
            b"title" => Some(Field::Title),
            b"description" => Some(Field::Description),
            b"subject" => Some(Field::Subject),
            b"author" | b"creator" => Some(Field::Author),
            b"date" => Some(Field::Date),
            _ => None,
        },
        ResolveResult::Bound(n) if n.as_ref() == DCTERMS_NS => match local {
            b"issued" | b"created" | b"modified" | b"date" => Some(Field::Date),
            _ => None,
        },
        // Podcast feeds spell the iTunes namespace in more than one case.
        ResolveResult::Bound(n) if n.as_ref().eq_ignore_ascii_case(ITUNES_NS) => match local {
            b"author" => Some(Field::Author),
            b"summary" | b"subtitle" => Some(Field::Description),
            _ => None,
        },
        ResolveResult::Bound(n)
            if n.as_ref().strip_suffix(b"/").unwrap_or(n.as_ref()) == MRSS_NS =>
        {
            (local == b"category").then_some(Field::Subject)
        }
        ResolveResult::Bound(n) if n.as_ref() == CONTENT_NS => {
            item.has_body |= local == b"encoded";
            None
        }
        ResolveResult::Bound(n) if ATOM_NAMESPACES.contains(&n.as_ref()) => match local {
            b"title" => Some(Field::Title),
            b"published" | b"issued" | b"created" => Some(Field::Date),
            b"updated" | b"modified" => Some(Field::Updated),
            b"author" => Some(Field::AtomAuthor),
            b"content" => Some(Field::Content),
            b"summary" => Some(Field::Description),
            _ => None,
        },
        ResolveResult::Bound(n) if n.as_ref() == XHTML_NS => {
            (local == b"body").then_some(Field::Description)
        }
        ResolveResult::Bound(n) if !RSS_NAMESPACES.contains(&n.as_ref()) => None,
        ResolveResult::Unbound | ResolveResult::Bound(_) => {
            match local {
                b"title" => item.has_title = true,
                b"link" => item.has_link = true,
                b"description" => item.has_body = true,
                b"guid" if permalink => return Some(Field::Permalink),
                // Read again for the dates the readers take in no form.
                b"pubDate" => return Some(Field::Date),
                // Bodies some RSS 2.0 feeds give instead of a description.
                b"body" | b"fullitem" => return Some(Field::Description),
                _ => {}
            }
            // The item's own elements are only noted: their text is not kept.
            None
        }
        ResolveResult::Unknown(_) => None,
    }
}

impl Field {
    /// Keeps `value` on `item` (the first of each kind wins).
    fn keep(self, value: String, item: &mut Extras) {
        let value = value.trim().to_string();
        if value.is_empty() {
            return;
        }
        let slot = match self {
            Field::Title => &mut item.title,
            Field::Description => &mut item.description,
            Field::Subject => return push_new(&mut item.subjects, value),
            Field::Content => &mut item.content,
            Field::Author | Field::AtomAuthor => return push_new(&mut item.authors, value),
            Field::Permalink => &mut item.permalink,
            Field::Date => {
                item.date = item.date.or_else(|| super::dates::timestamp(&value));
                return;
            }
            Field::Updated => {
                item.updated = item.updated.or_else(|| super::dates::timestamp(&value));
                return;
            }
        };
        slot.get_or_insert(value);
    }
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// An iTunes category (its name in `text`, maybe nested in another) of
/// the item.
fn itunes_category(ns: &ResolveResult, e: &quick_xml::events::BytesStart, item: &mut Extras) {
    let is_itunes =
        matches!(ns, ResolveResult::Bound(n) if n.as_ref().eq_ignore_ascii_case(ITUNES_NS));
    if is_itunes
        && e.local_name().as_ref() == b"category"
        && let Some(Some(value)) = super::xmltext::attr(e, b"text")
    {
        let value = value.trim().to_string();
        if !value.is_empty() {
            push_new(&mut item.subjects, value);
        }
    }
}

/// Fills what each article lacks from its item's extras; for each, true
/// when its title or link changed (its id is then made again).
pub(super) fn apply(articles: &mut [Article], extras: &[Extras]) -> Vec<bool> {
    if articles.len() != extras.len() {
        return vec![false; articles.len()];
    }
    articles
        .iter_mut()
        .zip(extras)
        .map(|(article, extra)| fill(article, extra))
        .collect()
}

fn fill(article: &mut Article, extra: &Extras) -> bool {
    let mut changed = false;
    if !extra.has_title
        && let Some(title) = extra
            .title
            .as_deref()
            .map(plain_text)
            .filter(|t| !t.is_empty())
    {
        article.title = title;
        changed = true;
    }
    if !extra.has_link
        && article.url.is_none()
        && let Some(link) = extra.permalink.as_ref().filter(|l| is_web_address(l))
    {
        article.url = Some(link.clone());
        changed = true;
    }
    if !extra.has_body
        && article.body.is_empty()
        && let Some(text) = extra
            .content
            .as_deref()
            .or(extra.description.as_deref())
            .map(plain_text)
            .filter(|t| !t.is_empty())
    {
        article.body = vec![text];
    }
    if !extra.subjects.is_empty() {
        let mut all = match (&article.category, article.categories.is_empty()) {
            (Some(one), true) => vec![one.clone()],
            _ => std::mem::take(&mut article.categories),
        };
        all.extend(extra.subjects.iter().map(|s| plain_text(s)));
        let all = super::item::distinct(all.into_iter());
        article.category = all.first().cloned();
        article.categories = if all.len() > 1 { all } else { Vec::new() };
    }
    if article.byline.is_none() {
        let authors = super::item::distinct(
            extra
                .authors
                .iter()
                .map(|a| plain_text(super::item::without_address(a.trim()))),
        );
        article.byline = Some(authors.join(", ")).filter(|b| !b.is_empty());
        article.authors = if authors.len() > 1 {
            authors
        } else {
            Vec::new()
        };
    }
    if article.published.is_none() {
        article.published = extra.date.or(extra.updated);
    }
    changed
}

fn is_web_address(s: &str) -> bool {
    url::Url::parse(s).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

#[cfg(test)]
#[path = "extras_tests.rs"]
mod tests;
