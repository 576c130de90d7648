//! OPML 1.0 and 2.0 subscription lists: outlines with an `xmlUrl` are
//! feeds; the outlines around them are folders, which become tags
//! (outermost first). OPML 1.0 `category` paths also become tags.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::OpmlError;
use super::htmltext::plain_text;
use crate::model::Subscription;
use crate::text::controls::without_controls;

/// Tags a subscription takes from its folders and categories: the outer
/// ones. Without a cap, feeds inside folders nested n deep would cost n
/// each.
const MAX_TAGS: usize = 16;

/// The subscriptions in an OPML document, in document order.
pub fn parse(bytes: &[u8]) -> Result<Vec<Subscription>, OpmlError> {
    let text = super::decode::strip_xml_encoding(&super::decode::decode(bytes, None)).into_owned();
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = false;
    let mut subs = Vec::new();
    // One entry per open outline: its folder name when it is a folder.
    let mut open: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if is_outline(&e) => {
                let folder = read_outline(&e, reader.decoder(), &open, &mut subs);
                open.push(folder);
            }
            Ok(Event::Empty(e)) if is_outline(&e) => {
                read_outline(&e, reader.decoder(), &open, &mut subs);
            }
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"opml" => {
                saw_opml = true;
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"outline" => {
                open.pop();
            }
            Ok(Event::Eof) => break,
            Err(e) if subs.is_empty() => return Err(OpmlError::Xml(e.to_string())),
            // Keep what was read before the damage.
            Err(_) => break,
            Ok(_) => {}
        }
    }
    if !saw_opml {
        return Err(OpmlError::NoOpmlElement);
    }
    Ok(subs)
}

fn is_outline(e: &BytesStart) -> bool {
    e.local_name().as_ref() == b"outline"
}

/// Records a feed outline; returns the folder name of a folder outline.
fn read_outline(
    e: &BytesStart,
    reader_decoder: quick_xml::encoding::Decoder,
    open: &[Option<String>],
    subs: &mut Vec<Subscription>,
) -> Option<String> {
    let mut url = None;
    let mut text = None;
    let mut title = None;
    let mut site = None;
    let mut category = None;
    for attr in e.attributes().with_checks(false).flatten() {
        let value = attr
            .decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, reader_decoder)
            .map(|v| v.into_owned())
            // HTML entities such as `&eacute;` are not XML: read them as HTML.
            .unwrap_or_else(|_| plain_text(&String::from_utf8_lossy(&attr.value)));
        // A value of control characters only is no value (they never
        // reach the store, nor an exported list).
        let value = without_controls(&value).trim().to_string();
        if value.is_empty() {
            continue;
        }
        match attr
            .key
            .local_name()
            .as_ref()
            .to_ascii_lowercase()
            .as_slice()
        {
            b"xmlurl" | b"url" => url = Some(value),
            b"text" => text = Some(value),
            b"title" => title = Some(value),
            b"htmlurl" => site = Some(value),
            b"category" => category = Some(value),
            _ => {}
        }
    }
    let name = title.or(text);
    let Some(url) = url else {
        return name.or_else(|| Some(String::new()));
    };
    let mut tags: Vec<String> = open
        .iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .take(MAX_TAGS)
        .cloned()
        .collect();
    let categories = category.iter().flat_map(|c| c.split(','));
    for tag in categories.flat_map(|path| path.split('/').map(str::trim)) {
        if tags.len() >= MAX_TAGS {
            break;
        }
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    subs.push(Subscription {
        url,
        title: name,
        site_url: site,
        tags,
    });
    None
}

/// An OPML 2.0 document listing `subs`, nested in folders by their tags.
pub fn export(subs: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    \
         <title>Edicola subscriptions</title>\n  </head>\n  <body>\n",
    );
    write_level(subs, 0, &mut out);
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Writes the subscriptions whose tag path has `depth` levels here, then
/// one folder per distinct next tag, in order of first appearance.
fn write_level(subs: &[Subscription], depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth + 2);
    let mut folders: Vec<&str> = Vec::new();
    for sub in subs {
        match sub.tags.get(depth) {
            None => {
                let title = sub.title.as_deref().unwrap_or("");
                out.push_str(&format!(
                    "{indent}<outline type=\"rss\" text=\"{t}\" title=\"{t}\" xmlUrl=\"{}\"",
                    escape(&sub.url),
                    t = escape(title)
                ));
                if let Some(site) = &sub.site_url {
                    out.push_str(&format!(" htmlUrl=\"{}\"", escape(site)));
                }
                out.push_str("/>\n");
            }
            Some(tag) if !folders.contains(&tag.as_str()) => folders.push(tag),
            Some(_) => {}
        }
    }
    for folder in folders {
        let inside: Vec<Subscription> = subs
            .iter()
            .filter(|s| s.tags.get(depth).is_some_and(|t| t == folder))
            .cloned()
            .collect();
        out.push_str(&format!(
            "{indent}<outline text=\"{f}\" title=\"{f}\">\n",
            f = escape(folder)
        ));
        write_level(&inside, depth + 1, out);
        out.push_str(&format!("{indent}</outline>\n"));
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
