//! Running text with its spans (links, emphasis, strong, code) turned into
//! markup: the walk is shared by Markdown and HTML, which differ in how a
//! span opens and closes and how text is escaped.

use crate::model::{Span, SpanKind};

/// How one markup language writes inline text.
pub trait Markup {
    /// Text outside markup, escaped.
    fn text(&self, out: &mut String, text: &str);
    /// The start of a span.
    fn open(&self, out: &mut String, span: &Span);
    /// The end of a span.
    fn close(&self, out: &mut String, span: &Span);
}

/// `text` with `spans` (offsets in characters) as markup. Spans that
/// overlap without nesting are closed and opened again around the one
/// that ends first, so the markup is always well nested.
pub fn render(markup: &impl Markup, text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 8);
    let mut spans: Vec<Span> = spans
        .iter()
        .filter(|s| s.start < s.end && (s.kind != SpanKind::Link || s.link.is_some()))
        .copied()
        .collect();
    // Outer spans first: earlier start, then later end.
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map_or(text.len(), |(b, _)| *b);
    let mut open: Vec<Span> = Vec::new();
    let mut next = 0;
    let mut from = 0;
    for pos in 0..=chars.len() {
        let ends_here = open.iter().any(|s| s.end == pos);
        let starts_here = spans.get(next).is_some_and(|s| s.start == pos);
        if !ends_here && !starts_here {
            continue;
        }
        markup.text(&mut out, &text[byte_at(from)..byte_at(pos)]);
        from = pos;
        if ends_here {
            // Close down to the deepest span ending here, then reopen the
            // ones above it that go on.
            let deepest = open.iter().position(|s| s.end == pos).unwrap_or(open.len());
            let above: Vec<Span> = open.drain(deepest..).collect();
            for s in above.iter().rev() {
                markup.close(&mut out, s);
            }
            for s in above.into_iter().filter(|s| s.end > pos) {
                markup.open(&mut out, &s);
                open.push(s);
            }
        }
        while let Some(s) = spans.get(next).filter(|s| s.start == pos) {
            if s.end > pos && s.end <= chars.len() {
                markup.open(&mut out, s);
                open.push(*s);
            }
            next += 1;
        }
    }
    markup.text(&mut out, &text[byte_at(from)..]);
    for s in open.iter().rev() {
        markup.close(&mut out, s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Brackets;
    impl Markup for Brackets {
        fn text(&self, out: &mut String, text: &str) {
            out.push_str(text);
        }
        fn open(&self, out: &mut String, span: &Span) {
            out.push(if span.kind == SpanKind::Strong {
                '{'
            } else {
                '('
            });
        }
        fn close(&self, out: &mut String, span: &Span) {
            out.push(if span.kind == SpanKind::Strong {
                '}'
            } else {
                ')'
            });
        }
    }

    fn span(kind: SpanKind, start: usize, end: usize) -> Span {
        Span {
            kind,
            start,
            end,
            link: None,
        }
    }

    #[test]
    fn nested_and_crossing_spans_come_out_well_nested() {
        let text = "città nuova";
        let nested = [
            span(SpanKind::Strong, 0, 11),
            span(SpanKind::Emphasis, 6, 11),
        ];
        assert_eq!(render(&Brackets, text, &nested), "{città (nuova)}");
        let crossing = [
            span(SpanKind::Strong, 0, 7),
            span(SpanKind::Emphasis, 3, 11),
        ];
        assert_eq!(render(&Brackets, text, &crossing), "{cit(tà n)}(uova)");
        let outside = [span(SpanKind::Strong, 5, 40)];
        assert_eq!(render(&Brackets, text, &outside), text, "past the end");
    }
}
