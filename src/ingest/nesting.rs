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
    b"noscript",
];

/// Elements kept open in XML: feeds nest a few levels, and past 65,535 the
/// XML parser's namespace scopes overflow.
pub const MAX_XML_DEPTH: usize = 1024;

/// How tags count towards the depth.
struct Rules {
    max_depth: usize,
    not_counted: &'static [&'static [u8]],
    raw_text: &'static [&'static [u8]],
}

/// `html` with nesting past `MAX_DEPTH` flattened; borrowed when it has
/// none (nearly always).
pub fn flatten(html: &str) -> Cow<'_, str> {
    let rules = Rules {
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
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let Some(tag) = Tag::read(bytes, start) else {
            break;
        };
        at = tag.end;
        let raw = is_one_of(tag.name, rules.raw_text);
        let counted = !tag.name.is_empty() && !raw && !is_one_of(tag.name, rules.not_counted);
        // At the cap, only text and raw-text elements are kept: every tag
        // would cost the parser a look through the whole stack.
        let full = depth >= rules.max_depth;
        let drop = match tag.kind {
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
                false
            }
            Kind::Start if counted && full => {
                dropped += 1;
                true
            }
            Kind::Start if counted => {
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
    fn read(bytes: &'a [u8], start: usize) -> Option<Tag<'a>> {
        let rest = &bytes[start + 1..];
        let other = |end| Tag {
            kind: Kind::Other,
            name: b"",
            end,
        };
        for (open, close) in [(&b"!--"[..], &b"-->"[..]), (b"![CDATA[", b"]]>")] {
            if rest.starts_with(open) {
                let end = memchr::memmem::find(&rest[open.len()..], close)?;
                return Some(other(start + 1 + open.len() + end + close.len()));
            }
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
mod tests {
    use super::*;

    fn depth_of(html: &str) -> usize {
        let doc = dom_query::Document::from(html);
        let mut deepest = 0;
        let mut stack = vec![(doc.root(), 0)];
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            stack.extend(
                node.children_it(false)
                    .filter(|c| c.is_element())
                    .map(|c| (c, depth + 1)),
            );
        }
        deepest
    }

    #[test]
    fn ordinary_markup_is_left_alone() {
        let page = "<!DOCTYPE html><html><head><title>a <b> c</title>\
            <script>if (a<b && c>d) { x = '</div>'; }</script></head>\
            <body><!-- <div><div> --><p>one<p>two<ul><li>x<li>y</ul>\
            <img src=x><br/><svg><path d='M0>1'/></svg>\
            <a href=\"x>y\" title='q'>link</a><div class=a><div>in</div></div></body></html>";
        assert!(matches!(flatten(page), Cow::Borrowed(_)));
        let unclosed_paragraphs = "<p>para".repeat(10 * MAX_DEPTH);
        assert!(matches!(flatten(&unclosed_paragraphs), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_its_text_kept() {
        let deep = format!("<body>{}end</body>", "<div><span><b>x".repeat(10_000));
        let flat = flatten(&deep);
        assert!(flat.len() < deep.len());
        assert_eq!(flat.matches('x').count(), 10_000);
        assert!(
            flat.ends_with("end"),
            "the body end tag is in the flattened part"
        );
        let depth = depth_of(&flat);
        assert!(
            (MAX_DEPTH..=MAX_DEPTH + 8).contains(&depth),
            "depth {depth}"
        );
    }

    #[test]
    fn closed_nesting_past_the_cap_keeps_what_follows() {
        let n = 2 * MAX_DEPTH;
        let deep = format!(
            "<section>{}deep{}</section><p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = flatten(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH - 1);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH - 1);
        assert!(flat.ends_with("</section><p>after</p>"));
    }

    #[test]
    fn deep_xml_is_cut_past_its_own_cap() {
        let n = 3 * MAX_XML_DEPTH;
        let shallow = "<a>x</a><![CDATA[<b><b>]]><c/>".repeat(n);
        assert!(matches!(flatten_xml(&shallow), Cow::Borrowed(_)));
        let deep = format!("<r>{}x{}</r>", "<p>".repeat(n), "</p>".repeat(n));
        let flat = flatten_xml(&deep);
        assert_eq!(flat.matches("<p>").count(), MAX_XML_DEPTH - 1);
        assert_eq!(flat.matches("</p>").count(), MAX_XML_DEPTH - 1);
        assert!(flat.ends_with("x</p></r>") || flat.ends_with("</p></r>"));
    }

    #[test]
    fn unclosed_markup_at_the_end_is_kept() {
        let text = "<div>a <b class=\"never closed";
        assert_eq!(flatten(text), text);
        assert_eq!(flatten("a < b <"), "a < b <");
        assert_eq!(
            flatten("<script>never closed <div>"),
            "<script>never closed <div>"
        );
    }
}
