//! Which rules an article may match, found before reading it in full:
//! every word that passes the matcher's first filter is looked up as the
//! full reading looks it up, and a rule that needs a word no such lookup
//! gave (a `title:` word: in the title) cannot match and is dropped. When
//! no rule is left, the article costs this pass and no more; otherwise it
//! is read in full for what the pass does not check (phrases in order,
//! exclusions).
//!
//! The pass reads the raw text (`lanes`): an all-ASCII token is one word,
//! lower-cased to fold it, and passed over on its first bytes unless some
//! rule word could start like it; a token with any other character (an
//! accent, a curly apostrophe: a few in a hundred in Latin text) is folded
//! and its words looked up one by one.

use super::super::compile::{Atom, Scope};
use super::super::words::is_word_char;
use super::Matcher;
use super::lanes::Lanes;
use crate::model::Article;
use crate::text::{fold_into, scripts};

/// Where a pattern was met in the current article.
const IN_TITLE: u8 = 1;
const ANYWHERE: u8 = 2;

impl Matcher<'_> {
    /// Drops the candidate rules the article cannot match; false when the
    /// article has to be read in full to say (unspaced script, with rules
    /// that have runs of it).
    pub(super) fn drop_impossible(&mut self, article: &Article) -> bool {
        let c = self.c;
        let fields = || {
            std::iter::once(article.title.as_str())
                .chain(article.standfirst.as_deref())
                .chain(article.body.iter().map(String::as_str))
        };
        // Runs of unspaced script also bound the words beside them.
        if c.has_runs && fields().any(scripts::may_have_unspaced) {
            return false;
        }
        self.seen.fill(0);
        for (i, field) in fields().enumerate() {
            self.meet_words(field, i == 0);
        }
        let seen = &self.seen;
        self.candidates.retain(|&r| {
            c.rules[r as usize]
                .required
                .iter()
                .all(|&a| match &c.atoms[a as usize] {
                    Atom::Words { patterns, scope } => {
                        let wanted = if *scope == Scope::Title {
                            IN_TITLE
                        } else {
                            ANYWHERE
                        };
                        patterns.iter().all(|&p| seen[p as usize] & wanted != 0)
                    }
                    // Only found in unspaced script, which this article has none of.
                    Atom::Run { .. } => false,
                })
        });
        true
    }

    /// Looks up the words of one field that pass the first filter.
    fn meet_words(&mut self, field: &str, title: bool) {
        let c = self.c;
        let bytes = field.as_bytes();
        let len = bytes.len();
        let mut lanes = std::mem::take(&mut self.lanes);
        lanes.mark(bytes);
        lanes.for_each_ascii_start(|start, words| {
            // The token's first three bytes, lower-cased if letters (a
            // digit has the bit already; another byte is read below).
            let head = match bytes.get(start..start + 4) {
                Some(&[a, b, d, e]) => u32::from_le_bytes([a, b, d, e]) & 0x00FF_FFFF,
                _ => head_at_end(bytes, start),
            } | 0x0020_2020;
            if words & 0b110 == 0b110 {
                if c.heads.has_number(head) {
                    self.meet_ascii(&lanes, field, start, words, title);
                }
            } else {
                // One or two bytes: only a form of one or two bytes is
                // such a word.
                let key = head & if words & 0b10 == 0 { 0xFF } else { 0xFFFF };
                if c.short_heads.has_number(key) {
                    self.meet_short(&lanes, start, key, title);
                }
            }
        });
        // Tokens with other characters, folded as the full reading folds.
        let mut folded = std::mem::take(&mut self.folded);
        let mut done = 0;
        for i in lanes.others() {
            if i < done {
                continue;
            }
            let start = lanes.token_start(i);
            done = lanes.token_end(i, len);
            folded.clear();
            fold_into(&mut folded, field.get(start..done).unwrap_or_default());
            for w in folded
                .split(|ch: char| !is_word_char(ch))
                .filter(|w| !w.is_empty())
            {
                let candidate = match w.as_bytes() {
                    [a, b, d, ..] => c.heads.has(&[*a, *b, *d]),
                    short => c.short_heads.has(short),
                };
                if candidate {
                    self.meet(w, title);
                }
            }
        }
        self.folded = folded;
        self.lanes = lanes;
    }

    /// A token of three bytes or more starting with ASCII that passed
    /// the first filter (`words`: the word bits from its start).
    fn meet_ascii(&mut self, lanes: &Lanes, field: &str, start: usize, words: u64, title: bool) {
        let end = match (!words).trailing_zeros() {
            64 => lanes.token_end(start, field.len()),
            n => start + n as usize,
        };
        // A token with another character is read with those.
        let n = end - start;
        if (n < 64 && lanes.others_from(start) & ((1 << n) - 1) != 0)
            || (n >= 64 && lanes.has_other(start, end))
        {
            return;
        }
        let mut word = std::mem::take(&mut self.lowered);
        word.clear();
        word.push_str(field.get(start..end).unwrap_or_default());
        word.make_ascii_lowercase();
        self.meet(&word, title);
        self.lowered = word;
    }

    /// A token of one or two bytes starting with ASCII, `key` its bytes
    /// lower-cased, that passed the first filter: its patterns are those of
    /// the form it is.
    fn meet_short(&mut self, lanes: &Lanes, start: usize, key: u32, title: bool) {
        if lanes.others_from(start) & 0b11 != 0 {
            return;
        }
        let key = key.to_le_bytes();
        let short = if key[1] == 0 { 1 } else { 2 };
        let mark = if title { IN_TITLE | ANYWHERE } else { ANYWHERE };
        for (form, ids) in &self.short_forms {
            if form[..] == key[..short] {
                for &p in ids.iter() {
                    self.seen[p as usize] |= mark;
                }
            }
        }
    }

    /// Notes the patterns a word matches (as the full reading would).
    fn meet(&mut self, w: &str, title: bool) {
        self.patterns_of(w);
        let mark = if title { IN_TITLE | ANYWHERE } else { ANYWHERE };
        for &p in &self.matched {
            self.seen[p as usize] |= mark;
        }
    }
}

/// The first three bytes from `start`, near the end of the text.
fn head_at_end(bytes: &[u8], start: usize) -> u32 {
    match bytes.get(start..) {
        Some(&[a, b, d, ..]) => u32::from_le_bytes([a, b, d, 0]),
        Some(&[a, b]) => u32::from_le_bytes([a, b, 0, 0]),
        Some(&[a]) => u32::from(a),
        _ => 0,
    }
}
