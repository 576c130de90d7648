//! A cap on how deep HTML nests, applied before it is parsed.
//!
//! The HTML parser looks through its stack of open elements at many tags
//! (scope checks), and selectors and tree walks climb through ancestors, so
//! n elements nested inside each other cost n² in each. Past `MAX_DEPTH`
//! open elements, further tags are dropped (end tags as many as start
//! tags): their text stays, in the deepest element kept. Browsers cap
//! depth the same way.
//!
//! The count is an estimate, kept cheap: elements whose end tag
//! may be left out (`p`, `li`, `td`...), void and self-closed elements, and
//! the content of raw-text elements (`script`, `style`...) do not count.

use std::borrow::Cow;

use memchr::{memchr, memchr_iter};

/// Open elements kept; ordinary pages stay far below (tens of levels).
pub const MAX_DEPTH: usize = 256;

/// Elements that are never open, or that the parser closes by itself when
/// a sibling starts; they do not count towards the depth.
const NOT_COUNTED: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"rb",
    b"rt",
    b"rtc",
    b"rp",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
    b"frame",
    b"keygen",
    b"image",
];

/// HTML elements that end SVG or MathML content where they start.
const BREAKOUT: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
    b"font",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// Elements kept open in XML: feeds nest a few levels, and past 65,535 the
/// XML parser's namespace scopes overflow.
pub const MAX_XML_DEPTH: usize = 1024;

/// How tags count towards the depth.
struct Rules {
    /// XML: CDATA sections, and comments end only at `-->`.
    xml: bool,
    max_depth: usize,
    not_counted: &'static [&'static [u8]],
    raw_text: &'static [&'static [u8]],
}

/// `html` with nesting past `MAX_DEPTH` flattened; borrowed when it has
/// none (nearly always).
pub fn flatten(html: &str) -> Cow<'_, str> {
    let rules = Rules {
        xml: false,
        max_depth: MAX_DEPTH,
        not_counted: NOT_COUNTED,
        raw_text: RAW_TEXT,
    };
    flatten_with(html, &rules)
}

/// `xml` with nesting past `MAX_XML_DEPTH` flattened; JSON is left alone.
/// Only a text with more tags than that could nest so deep: most are
/// returned after one count of their `<`.
pub fn flatten_xml(xml: &str) -> Cow<'_, str> {
    if !xml.trim_start().starts_with('<')
        || memchr_iter(b'<', xml.as_bytes())
            .nth(MAX_XML_DEPTH)
            .is_none()
    {
        return Cow::Borrowed(xml);
    }
    let rules = Rules {
        xml: true,
        max_depth: MAX_XML_DEPTH,
        not_counted: &[],
        raw_text: &[],
    };
    flatten_with(xml, &rules)
}

fn flatten_with<'a>(html: &'a str, rules: &Rules) -> Cow<'a, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    // In HTML, the depth at which SVG or MathML started, if inside.
    let mut foreign: Option<usize> = None;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let Some(tag) = Tag::read(bytes, start, rules.xml) else {
            break;
        };
        at = tag.end;
        let raw = is_one_of(tag.name, rules.raw_text);
        let counted = !tag.name.is_empty() && !raw && !is_one_of(tag.name, rules.not_counted);
        // At the cap, only text and raw-text elements are kept: every tag
        // would cost the parser a look through the whole stack.
        let full = depth >= rules.max_depth;
        let kind = if rules.xml {
            tag.kind
        } else {
            html_kind(&tag, &mut foreign)
        };
        let drop = match kind {
            Kind::Other => false,
            Kind::Start | Kind::SelfClosed if raw => {
                at = raw_text_end(bytes, tag.end, tag.name);
                false
            }
            Kind::End if counted && dropped > 0 => {
                dropped -= 1;
                true
            }
            Kind::End if counted => {
                depth = depth.saturating_sub(1);
                if foreign.is_some_and(|from| depth <= from) {
                    foreign = None;
                }
                false
            }
            Kind::Start if counted && full => {
                dropped += 1;
                true
            }
            Kind::Start if counted => {
                if foreign.is_none() && is_one_of(tag.name, &[b"svg", b"math"]) {
                    foreign = Some(depth);
                }
                depth += 1;
                false
            }
            Kind::Start | Kind::SelfClosed | Kind::End => full,
        };
        if drop {
            let kept = out.get_or_insert_with(|| String::with_capacity(html.len()));
            kept.push_str(&html[copied..start]);
            copied = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut kept) => {
            kept.push_str(&html[copied..]);
            Cow::Owned(kept)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    SelfClosed,
    End,
    /// A comment, doctype or processing instruction, or a `<` that starts
    /// no tag.
    Other,
}

struct Tag<'a> {
    kind: Kind,
    /// Lowercase only when the source is; compared ignoring case.
    name: &'a [u8],
    /// Just past the tag.
    end: usize,
}

impl<'a> Tag<'a> {
    /// The markup starting at `bytes[start] == b'<'`; None when it runs to
    /// the end of the text unclosed.
    fn read(bytes: &'a [u8], start: usize, xml: bool) -> Option<Tag<'a>> {
        let rest = &bytes[start + 1..];
        let other = |end| Tag {
            kind: Kind::Other,
            name: b"",
            end,
        };
        if let Some(body) = rest.strip_prefix(b"!--") {
            return Some(other(start + 4 + comment_length(body, xml)?));
        }
        if let Some(body) = rest.strip_prefix(b"![CDATA[").filter(|_| xml) {
            let end = memchr::memmem::find(body, b"]]>")?;
            return Some(other(start + 9 + end + 3));
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            return Some(other(start + 1 + memchr(b'>', rest)? + 1));
        }
        let (kind, name_from) = match rest.first() {
            Some(b'/') => (Kind::End, 1),
            Some(b) if b.is_ascii_alphabetic() => (Kind::Start, 0),
            _ => return Some(other(start + 1)),
        };
        if !rest.get(name_from).is_some_and(u8::is_ascii_alphabetic) {
            return Some(other(start + 1));
        }
        let name_len = rest[name_from..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .unwrap_or(rest.len() - name_from);
        let name = &rest[name_from..name_from + name_len];
        let close = tag_end(rest, name_from + name_len)?;
        let kind = if kind == Kind::Start && close > 0 && rest[close - 1] == b'/' {
            Kind::SelfClosed
        } else {
            kind
        };
        Some(Tag {
            kind,
            name,
            end: start + 1 + close + 1,
        })
    }
}

/// How the HTML parser takes a tag: `/>` closes an element only inside
/// SVG or MathML (`<div/>` elsewhere opens a `div`), and an HTML tag such as
/// `<div>` or `<b>` there ends them.
fn html_kind(tag: &Tag, foreign: &mut Option<usize>) -> Kind {
    if foreign.is_some() && tag.kind != Kind::End && is_one_of(tag.name, BREAKOUT) {
        *foreign = None;
    }
    match tag.kind {
        Kind::SelfClosed if foreign.is_none() => Kind::Start,
        kind => kind,
    }
}

/// The length of a comment's text and end, after its `<!--`. HTML ends
/// comments in more ways than XML: `<!-->`, `<!--->`, `--!>`. (Counting
/// tags that the parser reads as a comment is harmless; the reverse would
/// hide them from the count.)
fn comment_length(body: &[u8], xml: bool) -> Option<usize> {
    if !xml {
        if body.starts_with(b">") {
            return Some(1);
        }
        if body.starts_with(b"->") {
            return Some(2);
        }
    }
    let dashes = memchr::memmem::find(body, b"-->").map(|at| at + 3);
    let bang = memchr::memmem::find(body, b"--!>")
        .filter(|_| !xml)
        .map(|at| at + 4);
    match (dashes, bang) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The position of the `>` closing a tag, skipping quoted attribute values.
fn tag_end(rest: &[u8], mut i: usize) -> Option<usize> {
    while i < rest.len() {
        match rest[i] {
            b'>' => return Some(i),
            b'=' => {
                i += 1;
                while rest.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = rest.get(i) {
                    i += 1 + memchr(quote, &rest[i + 1..])?;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Just past the end tag of the raw-text element `name` whose content
/// starts at `from` (or the end of the text).
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    for at in memchr_iter(b'<', &bytes[from..]).map(|i| from + i) {
        let candidate = &bytes[at + 1..];
        if candidate.first() == Some(&b'/')
            && candidate
                .get(1..1 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return at;
        }
    }
    bytes.len()
}

fn is_one_of(name: &[u8], set: &[&[u8]]) -> bool {
    set.iter().any(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
#[path = "nesting_tests.rs"]
mod tests;
