//! Cleaning an article's blocks (see `clean`): control characters out of
//! their texts, with spans moved to stay on the same characters, and link
//! indices renumbered for the links kept.

use crate::model::{Block, Span};
use crate::text::controls::{has_controls, strip_controls};

/// Cleans one block; `kept[i]` is the new index of link `i`, None when it
/// was dropped.
pub(super) fn block(b: &mut Block, kept: &[Option<usize>]) {
    let renumber = |l: Option<usize>| l.and_then(|l| kept.get(l).copied().flatten());
    match b {
        Block::Heading { text, spans, .. }
        | Block::Paragraph { text, spans }
        | Block::ListItem { text, spans, .. }
        | Block::Quote { text, spans, .. } => {
            if has_controls(text) {
                strip_keeping_spans(text, spans);
            }
            for s in spans.iter_mut() {
                if s.link.is_some() {
                    s.link = renumber(s.link);
                }
            }
            spans.retain(|s| s.kind != crate::model::SpanKind::Link || s.link.is_some());
        }
        Block::Image { link, .. } => {
            *link = renumber(*link);
            b.texts_mut().into_iter().for_each(strip_controls);
        }
        _ => b.texts_mut().into_iter().for_each(strip_controls),
    }
    b.check_spans(kept.iter().filter(|k| k.is_some()).count());
}

/// `strip_controls` for a text with spans: a character dropped before or
/// inside a span moves its ends back.
fn strip_keeping_spans(text: &mut String, spans: &mut [Span]) {
    let mut cleaned = text.clone();
    strip_controls(&mut cleaned);
    // Character offset in the old text -> offset in the new one.
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut new_at = 0;
    for c in text.chars() {
        map.push(new_at);
        let mut one = c.to_string();
        strip_controls(&mut one);
        new_at += one.chars().count();
    }
    map.push(new_at);
    for s in spans.iter_mut() {
        s.start = map.get(s.start).copied().unwrap_or(new_at);
        s.end = map.get(s.end).copied().unwrap_or(new_at);
    }
    *text = cleaned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanKind;

    #[test]
    fn controls_go_and_spans_follow_their_characters() {
        let mut b = Block::Paragraph {
            text: "a\u{1}b link".into(),
            spans: vec![
                Span {
                    kind: SpanKind::Link,
                    start: 4,
                    end: 8,
                    link: Some(1),
                },
                Span {
                    kind: SpanKind::Link,
                    start: 0,
                    end: 1,
                    link: Some(0),
                },
            ],
        };
        block(&mut b, &[None, Some(0)]);
        assert_eq!(
            b,
            Block::Paragraph {
                text: "ab link".into(),
                spans: vec![Span {
                    kind: SpanKind::Link,
                    start: 3,
                    end: 7,
                    link: Some(0),
                }],
            }
        );
    }
}
