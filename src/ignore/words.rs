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
            let mut m = 0u64;
            let mut eights = chunk.chunks_exact(8);
            for (k, eight) in eights.by_ref().enumerate() {
                let mut word = [0u8; 8];
                word.copy_from_slice(eight);
                m |= ascii_alnum8(u64::from_le_bytes(word)) << (8 * k);
            }
            let done = chunk.len() - eights.remainder().len();
            for (j, &b) in eights.remainder().iter().enumerate() {
                m |= u64::from(ASCII_ALNUM[usize::from(b)]) << (done + j);
            }
            m
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
    #[cfg(test)]
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

    /// Where the words of the text start, in order.
    pub fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        let mut block = 0;
        let mut pending = 0u64;
        let mut carry = 0u64;
        std::iter::from_fn(move || {
            while pending == 0 {
                let word = *self.bits.get(block)?;
                pending = word & !((word << 1) | carry);
                carry = word >> 63;
                block += 1;
            }
            let bit = pending.trailing_zeros() as usize;
            pending &= pending - 1;
            Some((block - 1) * 64 + bit)
        })
    }

    /// True when byte `i` belongs to a word.
    pub fn is_set(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Where the word starting at `start` ends (`len`: the text's length).
    pub fn end(&self, start: usize, len: usize) -> usize {
        self.next_bit(start, false, len)
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

/// One bit per byte of `x` (bit i: byte i, little-endian) set for ASCII
/// letters and digits: the bytes between bounds, found for all eight at
/// once ("Bit Twiddling Hacks", hasbetween), then gathered by a multiply.
fn ascii_alnum8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // High bit of each byte of x strictly between m and n (bytes < 128).
    let between = |m: u64, n: u64| {
        let low = x & (ONES * 127);
        ((ONES * (127 + n)).wrapping_sub(low) & !x & low.wrapping_add(ONES * (127 - m)))
            & (ONES * 128)
    };
    let high = between(47, 58) | between(64, 91) | between(96, 123);
    (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// `char::is_alphanumeric`, without its slow table lookup for general
/// punctuation (curly quotes, dashes: common in news, never letters).
pub(super) fn is_word_char(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_once_agree_with_the_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b' '; 8];
                word[at] = b;
                let wanted = u64::from(b.is_ascii_alphanumeric()) << at;
                assert_eq!(
                    ascii_alnum8(u64::from_le_bytes(word)),
                    wanted,
                    "{b} at {at}"
                );
            }
        }
        assert_eq!(
            ascii_alnum8(u64::from_le_bytes(*b"aZ9 _-\xff0")),
            0b1000_0111
        );
    }

    proptest::proptest! {
        #[test]
        fn words_are_those_text_words_finds(
            text in "([a-z0-9]{1,5}|[ ,.’'\\-]|è|ß|σ|東京|\u{a0}|\u{2019}|ⁿ|²|[a-z]{60,70}){0,30}"
        ) {
            let mut bits = WordBits::default();
            bits.mark(&text);
            let fast: Vec<&str> = bits.words(&text).collect();
            let plain: Vec<&str> = crate::text::words(&text).collect();
            proptest::prop_assert_eq!(&fast, &plain);
            let by_starts: Vec<&str> = bits
                .starts()
                .map(|s| &text[s..bits.end(s, text.len())])
                .collect();
            proptest::prop_assert_eq!(by_starts, plain);
        }
    }
}
