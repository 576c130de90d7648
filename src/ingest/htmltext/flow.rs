//! The running text of the block being read: whitespace collapsed as it
//! arrives (so span offsets recorded along the way stay exact), inline
//! spans, and the block it becomes when flushed.

use crate::model::{Block, Span, SpanKind};
use crate::text::squash_into;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// What the text read so far will be, decided by the elements around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Paragraph,
    Heading(u8),
    Quote(u8),
    Item {
        ordered: bool,
        number: Option<u32>,
        depth: u8,
        continued: bool,
    },
}

/// Marks pages put in or beside headings as anchors to link to.
const PERMALINK_MARKS: &[char] = &['#', '¶', '§', '🔗', '⚓', '∞'];

pub(super) const SOFT_HYPHEN: char = '\u{ad}';

/// Whether `s` is already in Unicode's composed form (NFC); ASCII is.
///
/// Every ASCII character is a starter allowed in NFC, which resets the
/// quick check, so each run of other characters is checked alone and the
/// ASCII between them is skipped eight bytes at a time.
pub(super) fn is_nfc(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let start = at + ascii_prefix(&bytes[at..]);
        if start == bytes.len() {
            break;
        }
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| start + n);
        if is_nfc_quick(s[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

/// The length of the ASCII bytes `b` starts with.
fn ascii_prefix(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    for word in b.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        if w & HIGH != 0 {
            break;
        }
        n += 8;
    }
    n + b[n..].iter().take_while(|c| c.is_ascii()).count()
}

#[derive(Default)]
pub(super) struct Flow {
    text: String,
    /// A run of whitespace waits to be written before more text.
    space: bool,
    /// Spans in byte offsets of `text`.
    spans: Vec<(SpanKind, usize, usize, Option<usize>)>,
    /// Bumped by every flush: a span begun before one is dropped.
    pub(super) generation: u64,
}

impl Flow {
    /// Appends text, whitespace collapsed, soft hyphens dropped (a
    /// terminal shows them as nothing or as a stray `-`, and they would
    /// keep a word from matching in search) and in Unicode's composed form
    /// (NFC), so that a letter written as one character or as a letter and
    /// a mark is the same text.
    pub(super) fn push(&mut self, s: &str) {
        let composed;
        let s = if is_nfc(s) {
            s
        } else {
            composed = s.nfc().collect::<String>();
            &composed
        };
        if s.contains(SOFT_HYPHEN) {
            squash_into(&mut self.text, &s.replace(SOFT_HYPHEN, ""), &mut self.space);
        } else {
            squash_into(&mut self.text, s, &mut self.space);
        }
    }

    /// Where a span beginning now starts.
    pub(super) fn mark(&self) -> (u64, usize) {
        (self.generation, self.text.len())
    }

    /// The text since `mark`, if no flush came between.
    pub(super) fn since(&self, mark: (u64, usize)) -> Option<&str> {
        (mark.0 == self.generation)
            .then(|| self.text.get(mark.1..))
            .flatten()
    }

    /// Records a span from `mark` to here.
    pub(super) fn span(&mut self, kind: SpanKind, mark: (u64, usize), link: Option<usize>) {
        // Past the cap, text keeps its words and loses its markup.
        if self.spans.len() >= crate::model::MAX_SPANS {
            return;
        }
        if mark.0 == self.generation && mark.1 < self.text.len() {
            self.spans.push((kind, mark.1, self.text.len(), link));
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text read so far as a block of `kind` (None when there is no
    /// text), and a fresh start.
    pub(super) fn take(&mut self, kind: Kind) -> Option<Block> {
        self.generation += 1;
        self.space = false;
        if self.text.is_empty() {
            self.spans.clear();
            return None;
        }
        let mut text = std::mem::take(&mut self.text);
        let mut raw = std::mem::take(&mut self.spans);
        if let Kind::Heading(_) = kind {
            trim_permalink_marks(&mut text, &mut raw);
            if text.is_empty() {
                return None;
            }
        }
        let spans = char_spans(&text, &raw);
        Some(match kind {
            Kind::Paragraph => Block::Paragraph { text, spans },
            Kind::Heading(level) => Block::Heading { level, text, spans },
            Kind::Quote(depth) => Block::Quote { depth, text, spans },
            Kind::Item {
                ordered,
                number,
                depth,
                continued,
            } => Block::ListItem {
                ordered,
                number,
                depth,
                continued,
                text,
                spans,
            },
        })
    }
}

/// Drops anchor marks at either end of a heading (`¶ Title`, `Title #`),
/// cutting the spans to what is left.
fn trim_permalink_marks(
    text: &mut String,
    spans: &mut Vec<(SpanKind, usize, usize, Option<usize>)>,
) {
    // Words made only of marks, at the start and at the end.
    let is_mark_word = |w: &str| w.chars().all(|c| PERMALINK_MARKS.contains(&c));
    let mut start = 0;
    let mut end = text.len();
    loop {
        let word = text[start..end].split(' ').next().unwrap_or_default();
        if word.is_empty() || !is_mark_word(word) {
            break;
        }
        start = (start + word.len() + 1).min(end);
    }
    loop {
        let word = text[start..end].rsplit(' ').next().unwrap_or_default();
        if word.is_empty() || !is_mark_word(word) {
            break;
        }
        end = end.saturating_sub(word.len() + 1).max(start);
    }
    if start == 0 && end == text.len() {
        return;
    }
    *text = text[start..end].to_string();
    spans.retain_mut(|(_, s, e, _)| {
        *s = (*s).clamp(start, end) - start;
        *e = (*e).clamp(start, end) - start;
        s < e
    });
}

/// Spans in characters, starting after a leading space.
fn char_spans(text: &str, raw: &[(SpanKind, usize, usize, Option<usize>)]) -> Vec<Span> {
    // Every offset converted in one pass over the text.
    let mut offsets: Vec<usize> = raw.iter().flat_map(|s| [s.1, s.1 + 1, s.2]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut converted = Vec::with_capacity(offsets.len());
    let mut next = offsets.iter().peekable();
    for (count, (byte, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
        while let Some(&&o) = next.peek() {
            if o > byte {
                break;
            }
            converted.push((o, count));
            next.next();
        }
    }
    let chars = |byte: usize| {
        converted
            .binary_search_by_key(&byte, |&(b, _)| b)
            .map_or(0, |i| converted[i].1)
    };
    raw.iter()
        .filter_map(|&(kind, start, end, link)| {
            let start = if text.as_bytes().get(start) == Some(&b' ') {
                start + 1
            } else {
                start
            };
            (start < end).then(|| Span {
                kind,
                start: chars(start),
                end: chars(end),
                link,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn composed_text_is_told_from_decomposed_wherever_it_sits() {
        let long = "a".repeat(21);
        for (text, nfc) in [
            ("", true),
            ("plain ASCII text", true),
            ("città è già là", true),
            ("citta\u{300}", false),
            ("e\u{301} at the start", false),
            ("東京 and Ελλάδα", true),
            ("\u{301}", false),
            ("a\u{323}\u{302}", false),
        ] {
            assert_eq!(is_nfc(text), nfc, "{text:?}");
            let shifted = format!("{long}{text}{long}");
            assert_eq!(is_nfc(&shifted), nfc, "{shifted:?}");
        }
    }

    proptest! {
        #[test]
        fn the_nfc_check_agrees_with_the_full_one(
            s in "[a-e \u{300}-\u{303}\u{323}éàñ\u{1100}\u{1161}ｶ\u{ff9e}]{0,40}"
        ) {
            let full = unicode_normalization::is_nfc(&s);
            // A "maybe" from the quick check counts as not composed: the
            // text is then composed, which leaves it as it is.
            prop_assert!(!is_nfc(&s) || full);
            prop_assert_eq!(is_nfc(&s), is_nfc_quick(s.chars()) == IsNormalized::Yes);
        }
    }

    #[test]
    fn spans_land_on_their_words_whatever_the_whitespace() {
        let mut f = Flow::default();
        f.push("  Perché   ");
        let m = f.mark();
        f.push("  città ");
        f.span(SpanKind::Emphasis, m, None);
        f.push(" fine");
        let b = f.take(Kind::Paragraph).unwrap();
        let (text, spans) = b.text_and_spans().unwrap();
        assert_eq!(text, "Perché città fine");
        let s = spans[0];
        assert_eq!(
            text.chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect::<String>(),
            "città"
        );
    }

    #[test]
    fn headings_lose_their_anchor_marks() {
        let mut f = Flow::default();
        f.push("¶ Come funziona #");
        let b = f.take(Kind::Heading(2)).unwrap();
        assert_eq!(b.plain(), "Come funziona");
        f.push(" # ");
        assert_eq!(f.take(Kind::Heading(2)), None);
        f.push("Imparare C#");
        assert_eq!(f.take(Kind::Heading(3)).unwrap().plain(), "Imparare C#");
        f.push("# Titolo");
        assert_eq!(f.take(Kind::Heading(3)).unwrap().plain(), "Titolo");
    }
}
