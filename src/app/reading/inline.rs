//! A running-text block as it is shown: its text with a `[n]` marker after
//! each link, and the inline marks (emphasis, strong, code, link, the
//! markers themselves) in byte ranges of that text.

use crate::model::{Span, SpanKind};

/// How a stretch of a line is drawn, over the style of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Emphasis,
    Strong,
    Code,
    /// A link, with its index in the article's links when it has one.
    Link(Option<usize>),
    /// What Edicola adds: bullets, numbers, quote bars, link markers.
    Decor,
}

/// Text to show, with marks in byte ranges of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub marks: Vec<(usize, usize, Mark)>,
}

/// The text shown for `text` with `spans`: ` [n]` after each link.
pub fn inline(text: &str, spans: &[Span]) -> Inline {
    if spans.is_empty() {
        return Inline {
            text: text.to_string(),
            marks: Vec::new(),
        };
    }
    // Byte offset of each character offset (one past the end included).
    let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bytes.push(text.len());
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut inserts: Vec<(usize, String)> = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Link)
        .filter_map(|s| s.link.map(|l| (at(s.end), format!(" [{}]", l + 1))))
        .collect();
    inserts.sort_by_key(|(p, _)| *p);
    inserts.dedup();
    // Bytes inserted before each marker, and after the last.
    let mut before = Vec::with_capacity(inserts.len() + 1);
    let mut total = 0;
    for (_, m) in &inserts {
        before.push(total);
        total += m.len();
    }
    before.push(total);
    // Where original byte `p` lands: after the markers inserted before it
    // (`inclusive`: and at it).
    let shift = |p: usize, inclusive: bool| -> usize {
        let n = inserts.partition_point(|(q, _)| *q < p || (inclusive && *q == p));
        p + before[n]
    };
    let mut out = Inline {
        text: String::with_capacity(text.len() + inserts.len() * 5),
        marks: Vec::with_capacity(spans.len() + inserts.len()),
    };
    let mut copied = 0;
    for (p, marker) in &inserts {
        out.text.push_str(&text[copied..*p]);
        let start = out.text.len() + 1;
        out.text.push_str(marker);
        out.marks.push((start, out.text.len(), Mark::Decor));
        copied = *p;
    }
    out.text.push_str(&text[copied..]);
    for s in spans {
        let (start, end) = (at(s.start), at(s.end));
        let mark = match s.kind {
            SpanKind::Link => Mark::Link(s.link),
            SpanKind::Emphasis => Mark::Emphasis,
            SpanKind::Strong => Mark::Strong,
            SpanKind::Code => Mark::Code,
        };
        out.marks
            .push((shift(start, true), shift(end, false), mark));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: SpanKind, start: usize, end: usize, link: Option<usize>) -> Span {
        Span {
            kind,
            start,
            end,
            link,
        }
    }

    #[test]
    fn links_get_markers_and_marks_stay_on_their_words() {
        let shown = inline(
            "è qui e là",
            &[
                span(SpanKind::Link, 2, 5, Some(0)),
                span(SpanKind::Emphasis, 8, 10, None),
                span(SpanKind::Link, 8, 10, Some(4)),
            ],
        );
        assert_eq!(shown.text, "è qui [1] e là [5]");
        let of = |m: Mark| -> Vec<&str> {
            shown
                .marks
                .iter()
                .filter(|x| match (x.2, m) {
                    (Mark::Link(_), Mark::Link(_)) => true,
                    (a, b) => a == b,
                })
                .map(|&(s, e, _)| &shown.text[s..e])
                .collect()
        };
        assert_eq!(of(Mark::Link(None)), ["qui", "là"]);
        assert!(shown.marks.iter().any(|m| m.2 == Mark::Link(Some(4))));
        assert_eq!(of(Mark::Emphasis), ["là"]);
        assert_eq!(of(Mark::Decor), ["[1]", "[5]"]);
    }
}
