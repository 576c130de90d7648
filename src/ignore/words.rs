//! The words of a folded text, as `text::words` finds them (runs of letters
//! and digits), found fast enough to read every word of every article an
//! import stores: a bit per byte says whether it belongs to a word (ASCII
//! through a table, 64 bytes per machine word; other characters decoded
//! where their first bytes are), and words are the runs of set bits.

use crate::text::swar;

/// The word bits of one text, reused from text to text.
#[derive(Debug, Default)]
pub(super) struct WordBits {
    bits: Vec<u64>,
}

impl WordBits {
    /// Marks the bytes of `text` that belong to words.
    pub fn mark(&mut self, text: &str) {
        static ASCII_ALNUM: [u8; 256] = {
            let mut table = [0; 256];
            let mut b = 0;
            while b < 128 {
                table[b] = (b as u8).is_ascii_alphanumeric() as u8;
                b += 1;
            }
            table
        };
        let bytes = text.as_bytes();
        self.bits.clear();
        self.bits.extend(bytes.chunks(64).map(|chunk| {
            chunk.iter().enumerate().fold(0u64, |m, (j, &b)| {
                m | (u64::from(ASCII_ALNUM[usize::from(b)]) << j)
            })
        }));
        let mut i = 0;
        while let Some(offset) = bytes
            .get(i..)
            .and_then(|rest| swar::position(rest, swar::lead_bytes))
        {
            i += offset;
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if is_word_char(c) {
                for j in i..i + c.len_utf8() {
                    self.bits[j / 64] |= 1 << (j % 64);
                }
            }
            i += c.len_utf8();
        }
    }

    /// The words of `text`, which `mark` was last given.
    pub fn words<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let len = text.len();
        let mut at = 0;
        std::iter::from_fn(move || {
            let start = self.next_bit(at, true, len);
            if start == len {
                return None;
            }
            let end = self.next_bit(start, false, len);
            at = end;
            text.get(start..end)
        })
    }

    /// The first byte at or after `from` (before `len`) whose bit is
    /// `set`, or `len`.
    fn next_bit(&self, from: usize, set: bool, len: usize) -> usize {
        let mut i = from;
        while i < len {
            let word = self.bits[i / 64];
            let bits = if set { word } else { !word } >> (i % 64);
            if bits != 0 {
                return (i + bits.trailing_zeros() as usize).min(len);
            }
            i = (i / 64 + 1) * 64;
        }
        len
    }
}

/// `char::is_alphanumeric`, without its slow table lookup for general
/// punctuation (curly quotes, dashes: common in news, never letters).
fn is_word_char(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn words_are_those_text_words_finds(
            text in "([a-z0-9]{1,5}|[ ,.’'\\-]|è|ß|σ|東京|\u{a0}|\u{2019}|ⁿ|²|[a-z]{60,70}){0,30}"
        ) {
            let mut bits = WordBits::default();
            bits.mark(&text);
            let fast: Vec<&str> = bits.words(&text).collect();
            let plain: Vec<&str> = crate::text::words(&text).collect();
            proptest::prop_assert_eq!(fast, plain);
        }
    }
}
