//! Textual fixes for feeds that `feed-rs` would otherwise reject.

use std::borrow::Cow;

use super::elements;

/// Namespaces of prefixes that feeds often use without declaring them.
const KNOWN_PREFIXES: &[(&str, &str)] = &[
    ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
    ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("media", "http://search.yahoo.com/mrss/"),
    ("atom", "http://www.w3.org/2005/Atom"),
];

/// Gives `<rss>` a version `feed-rs` reads, declares undeclared prefixes,
/// turns Atom 0.3 into Atom 1.0 and gives RSS 1.0 items without a link
/// their `rdf:about` as one.
pub fn patch(original: &str) -> Cow<'_, str> {
    let text = unprefix_rss(original);
    let text = match patch_root(&text) {
        Cow::Owned(patched) => Cow::Owned(patched),
        Cow::Borrowed(_) => text,
    };
    let text = match enclose_channel(&text) {
        Some(enclosed) => Cow::Owned(enclosed),
        None => text,
    };
    let text = match href_from_text(&text) {
        Some(linked) => Cow::Owned(linked),
        None => text,
    };
    let text = match elements::decode_base64_constructs(&text) {
        Some(decoded) => Cow::Owned(decoded),
        None => text,
    };
    let text = match elements::escape_xhtml_text(&text) {
        Some(escaped) => Cow::Owned(escaped),
        None => text,
    };
    let rdf =
        root_tag(&text).is_some_and(|(start, end)| tag_name(&text[start..end]).ends_with("RDF"));
    let text = match rdf && contains(&text, RSS_090_NS) {
        // RSS 0.90 is RSS 1.0's structure under another namespace.
        true => Cow::Owned(text.replace(RSS_090_NS, "http://purl.org/rss/1.0/")),
        false => text,
    };
    match rdf.then(|| elements::link_rdf_items(&text)).flatten() {
        Some(linked) => Cow::Owned(linked),
        None => text,
    }
}

fn patch_root(original: &str) -> Cow<'_, str> {
    let text = if contains(original, ATOM_03_NS) {
        Cow::Owned(atom03_to_atom10(original))
    } else {
        Cow::Borrowed(original)
    };
    let Some((start, end)) = root_tag(&text) else {
        return text;
    };
    let tag = &text[start..end];
    let mut new_tag = tag.trim_end_matches('>').trim_end_matches('/').to_string();
    let self_closing = tag.ends_with("/>");
    if tag_name(tag) == "rss" {
        // RSS 2.0 has no namespace, but some feeds give it one as the
        // default, which hides every element from `feed-rs`.
        for ns in RSS2_NAMESPACES {
            for quote in ['"', '\''] {
                new_tag = new_tag.replace(&format!("xmlns={quote}{ns}{quote}"), "");
            }
        }
        let version = attr_value(tag, "version");
        if !matches!(version.as_deref(), Some("2.0" | "0.91" | "0.92")) {
            if let Some(v) = version {
                new_tag = new_tag.replacen(&v, "2.0", 1);
            } else {
                new_tag.push_str(" version=\"2.0\"");
            }
        }
    }
    for prefix in used_prefixes(&text) {
        if prefix != "xml" && prefix != "xmlns" && !contains(&text, &format!("xmlns:{prefix}=")) {
            let ns = KNOWN_PREFIXES
                .iter()
                .find(|(p, _)| *p == prefix)
                .map_or_else(
                    || format!("urn:undeclared:{prefix}"),
                    |(_, ns)| ns.to_string(),
                );
            new_tag.push_str(&format!(" xmlns:{prefix}=\"{ns}\""));
        }
    }
    new_tag.push_str(if self_closing { "/>" } else { ">" });
    if new_tag == tag {
        return text;
    }
    Cow::Owned(format!("{}{new_tag}{}", &text[..start], &text[end..]))
}

/// RSS 2.0 with every element under a prefix bound to one of the
/// namespaces RSS 2.0 has been given (`<r:rss xmlns:r=...>`): the prefix
/// is dropped, so the elements read as plain RSS 2.0.
fn unprefix_rss(text: &str) -> Cow<'_, str> {
    let Some((start, end)) = root_tag(text) else {
        return Cow::Borrowed(text);
    };
    let tag = &text[start..end];
    let Some(prefix) = tag_name(tag).strip_suffix(":rss").map(str::to_string) else {
        return Cow::Borrowed(text);
    };
    let declared = attr_value(tag, &format!("xmlns:{prefix}"));
    if !declared.is_some_and(|ns| RSS2_NAMESPACES.contains(&ns.as_str())) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace(&format!("<{prefix}:"), "<")
            .replace(&format!("</{prefix}:"), "</"),
    )
}

/// An `<rss>` whose items are not in a `<channel>` (RSS 0.9x feeds written
/// by hand) gets one around its content; one without items is left as it
/// is.
fn enclose_channel(text: &str) -> Option<String> {
    let (start, end) = root_tag(text)?;
    let tag = &text[start..end];
    if tag_name(tag) != "rss"
        || tag.ends_with("/>")
        || contains(text, "<channel")
        || !contains(text, "<item")
    {
        return None;
    }
    let close = text.rfind("</rss")?;
    Some(format!(
        "{}<channel>{}</channel>{}",
        &text[..end],
        &text[end..close],
        &text[close..]
    ))
}

const RSS_090_NS: &str = "http://my.netscape.com/rdf/simple/0.9/";

const ATOM_03_NS: &str = "http://purl.org/atom/ns#";

/// Namespaces that RSS 2.0 feeds have been given as their default.
const RSS2_NAMESPACES: &[&str] = &[
    "http://backend.userland.com/rss2",
    "http://blogs.law.harvard.edu/tech/rss",
];

/// Atom 0.3 element names that Atom 1.0 renamed.
const ATOM_03_RENAMES: &[(&str, &str)] = &[
    ("modified", "updated"),
    ("issued", "published"),
    ("tagline", "subtitle"),
    ("copyright", "rights"),
];

fn atom03_to_atom10(text: &str) -> String {
    let mut text = text.replace(ATOM_03_NS, "http://www.w3.org/2005/Atom");
    // `created` is the date of last resort: only a feed without `issued`
    // dates its entries by it.
    let created = (!contains(&text, "<issued")).then_some(&("created", "published"));
    for (old, new) in ATOM_03_RENAMES.iter().chain(created) {
        for (from, to) in [("<", "<"), ("</", "</")] {
            for end in [">", " "] {
                text = text.replace(&format!("{from}{old}{end}"), &format!("{to}{new}{end}"));
            }
        }
    }
    // Atom 0.3 text constructs name MIME types; Atom 1.0 says text/html/xhtml.
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..tag_end];
        let name = tag_name(tag);
        if ["title", "subtitle", "rights", "summary", "content"].contains(&name.as_str()) {
            out.push_str(
                &tag.replace("\"text/plain\"", "\"text\"")
                    .replace("\"text/html\"", "\"html\"")
                    .replace("\"application/xhtml+xml\"", "\"xhtml\""),
            );
        } else {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// Atom links written as text without `href` (as Atom 0.3 drafts did)
/// given their text as `href`; None when the feed has none.
fn href_from_text(text: &str) -> Option<String> {
    let (start, _) = root_tag(text)?;
    if tag_name(&text[start..]) != "feed" || !contains(text, "</link>") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = memchr::memmem::find(rest.as_bytes(), b"<link") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rest[..tag_end]);
        if let Some((link, after)) = link_from_text(&rest[at..tag_end], &rest[tag_end..]) {
            out.truncate(out.len() - (tag_end - at));
            out.push_str(&link);
            rest = after;
            changed = true;
        } else {
            rest = &rest[tag_end..];
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A `<link>` start tag without `href` whose text is an address, as an
/// empty link element with that `href`; the text after its end tag.
fn link_from_text<'a>(tag: &str, after: &'a str) -> Option<(String, &'a str)> {
    if tag_name(tag) != "link" || tag.ends_with("/>") || tag.contains("href=") {
        return None;
    }
    // An address is short: looking further would make a feed of many
    // unclosed links quadratic.
    let window = &after.as_bytes()[..after.len().min(4096)];
    let close = memchr::memmem::find(window, b"</link>")?;
    let address = after[..close].trim();
    if address.is_empty() || address.contains(['<', '"']) || address.contains(char::is_whitespace) {
        return None;
    }
    let open = tag.trim_end_matches('>');
    Some((
        format!("{open} href=\"{address}\"/>"),
        &after[close + "</link>".len()..],
    ))
}

/// Whether the root is a feed element with no items at all (such a feed is
/// valid, if useless, but `feed-rs` rejects some forms of it).
pub fn is_itemless(text: &str) -> bool {
    let Some((start, _)) = root_tag(text) else {
        return false;
    };
    let root = tag_name(&text[start..]);
    matches!(root.as_str(), "rss" | "feed" | "rdf:RDF")
        && !text.contains("<item")
        && !text.contains("<entry")
}

/// A JSON Feed given what `feed-rs` requires and feeds leave out or get
/// wrong: a `version` URL (feeds write `"1.1"`, `"1.0"` or nothing) and a
/// `title`; None for JSON that is not an object or needs neither.
pub fn complete_json_feed(text: &str) -> Option<String> {
    const VERSION: &str = "https://jsonfeed.org/version/1";
    let mut value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let feed = value.as_object_mut()?;
    let version = feed.get("version").and_then(|v| v.as_str()).unwrap_or("");
    let mut changed = false;
    if !version.starts_with(VERSION) {
        let known = if version.starts_with("1.1") {
            format!("{VERSION}.1")
        } else {
            VERSION.to_string()
        };
        feed.insert("version".into(), known.into());
        changed = true;
    }
    if !feed.get("title").is_some_and(|t| t.is_string()) {
        feed.insert("title".into(), "".into());
        changed = true;
    }
    changed.then(|| value.to_string())
}

/// A feed cut short (or with a broken end tag) closed after its last
/// complete item or entry.
pub fn close_truncated(text: &str) -> Option<String> {
    let (start, _) = root_tag(text)?;
    let root = tag_name(&text[start..]);
    let (item_end, closing) = match root.as_str() {
        "rss" => ("</item>", "</channel></rss>"),
        "rdf:RDF" => ("</item>", "</rdf:RDF>"),
        "feed" => ("</entry>", "</feed>"),
        _ => return None,
    };
    let cut = text.rfind(item_end).map(|i| i + item_end.len())?;
    Some(format!("{}{closing}", &text[..cut]))
}

/// Whether the root element's start tag (where feeds declare their
/// namespaces) holds `needle`: a look at the head of a feed, not a scan.
pub(super) fn root_holds(text: &str, needle: &str) -> bool {
    root_tag(text).is_some_and(|(start, end)| text[start..end].contains(needle))
}

/// Byte range of the root element's start tag.
fn root_tag(text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    while let Some(rel) = text[at..].find('<') {
        let start = at + rel;
        let rest = &text[start..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let close = if rest.starts_with("<!--") { "-->" } else { ">" };
            at = start + rest.find(close)? + close.len();
            continue;
        }
        return Some((start, start + rest.find('>')? + 1));
    }
    None
}

pub(super) fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_string()
}

pub(super) fn attr_value(tag: &str, name: &str) -> Option<String> {
    let needle = format!("{name}=");
    // The attribute's name follows any whitespace, tabs and newlines too.
    let at = tag
        .match_indices(&needle)
        .find(|(i, _)| tag[..*i].ends_with(char::is_whitespace))?
        .0
        + needle.len();
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// Element prefixes in use (`<itunes:author>` gives `itunes`).
/// Whether `needle` is in `text` (memchr's SIMD search: feeds run to
/// megabytes, and every imported feed is searched).
pub(super) fn contains(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

fn used_prefixes(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for at in memchr::memchr_iter(b'<', text.as_bytes()) {
        let piece = &text[at + 1..];
        let name = piece
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or("");
        if let Some((prefix, local)) = name.split_once(':') {
            let valid = !prefix.is_empty()
                && !local.is_empty()
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if valid && !found.iter().any(|f| f == prefix) {
                found.push(prefix.to_string());
            }
        }
    }
    found
}

#[cfg(test)]
#[path = "repair_tests.rs"]
mod tests;
