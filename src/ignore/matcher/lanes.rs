//! Two bits per byte of a raw (unfolded) text, found 16 bytes at a time:
//! whether it may belong to a word (an ASCII letter or digit, or any byte
//! of another character) and whether it is not ASCII. The runs of the
//! first are the *tokens*: folding changes no ASCII punctuation, so every
//! word of the folded text lies inside one token, and a token of ASCII
//! bytes only is one word, its folded form its lower-case form.
//!
//! The characters U+2000 to U+203F (`E2 80 xx`: curly quotes and
//! apostrophes, dashes, special spaces) are in no word before or after
//! folding (they fold to themselves, or one space to another), so they
//! bound tokens as ASCII punctuation does: `l’unica` is two ASCII tokens.

/// The bits of one text, reused from text to text.
#[derive(Debug, Default)]
pub(super) struct Lanes {
    word: Vec<u64>,
    other: Vec<u64>,
}

impl Lanes {
    pub fn mark(&mut self, bytes: &[u8]) {
        let blocks = bytes.len().div_ceil(64);
        self.word.clear();
        self.word.resize(blocks, 0);
        self.other.clear();
        self.other.resize(blocks, 0);
        let mut punctuation = false;
        let mut sixteens = bytes.chunks_exact(16);
        for (k, sixteen) in sixteens.by_ref().enumerate() {
            punctuation |= self.set(k, masks16(sixteen));
        }
        let rest = sixteens.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 16];
            last[..rest.len()].copy_from_slice(rest);
            punctuation |= self.set(bytes.len() / 16, masks16(&last));
        }
        if punctuation {
            self.clear_punctuation(bytes);
        }
    }

    /// Puts the masks of the `k`th 16 bytes in place; true when they hold
    /// a byte E2.
    #[inline]
    fn set(&mut self, k: usize, m: Masks) -> bool {
        let (block, shift) = (k / 4, 16 * (k % 4));
        if let (Some(word), Some(other)) = (self.word.get_mut(block), self.other.get_mut(block)) {
            *word |= u64::from(m.word) << shift;
            *other |= u64::from(m.other) << shift;
        }
        m.e2
    }

    /// Takes the three bytes of each `E2 80 xx` out of both lanes.
    fn clear_punctuation(&mut self, bytes: &[u8]) {
        let mut at = 0;
        while let Some(i) = bytes.get(at..).and_then(|rest| memchr::memchr(0xE2, rest)) {
            let i = at + i;
            if bytes.get(i + 1) == Some(&0x80) {
                for j in i..(i + 3).min(bytes.len()) {
                    if let (Some(w), Some(o)) =
                        (self.word.get_mut(j / 64), self.other.get_mut(j / 64))
                    {
                        *w &= !(1 << (j % 64));
                        *o &= !(1 << (j % 64));
                    }
                }
            }
            at = i + 1;
        }
    }

    /// The not-ASCII bits from byte `i` on (bit 0: byte `i`; 64 bits).
    pub fn others_from(&self, i: usize) -> u64 {
        let (block, bit) = (i / 64, (i % 64) as u32);
        let now = self.other.get(block).copied().unwrap_or(0);
        let next = self.other.get(block + 1).copied().unwrap_or(0);
        (now >> bit) | ((next << 1) << (63 - bit))
    }

    /// Calls `f` with each token that starts with an ASCII byte: where it
    /// starts, and the word bits from there on (bit 0: the first byte; 64
    /// bits, so a token longer than 63 bytes has no end among them).
    #[inline]
    pub fn for_each_ascii_start(&self, mut f: impl FnMut(usize, u64)) {
        let mut carry = 0u64;
        for (block, (&word, &other)) in self.word.iter().zip(&self.other).enumerate() {
            let mut starts = word & !((word << 1) | carry) & !other;
            carry = word >> 63;
            let next = self.word.get(block + 1).copied().unwrap_or(0);
            while starts != 0 {
                let bit = starts.trailing_zeros();
                starts &= starts - 1;
                f(
                    block * 64 + bit as usize,
                    (word >> bit) | ((next << 1) << (63 - bit)),
                );
            }
        }
    }

    /// The bytes that are not ASCII, in order.
    pub fn others(&self) -> impl Iterator<Item = usize> + '_ {
        self.other
            .iter()
            .enumerate()
            .flat_map(|(block, &other)| bits(other).map(move |bit| block * 64 + bit))
    }

    #[cfg(test)]
    pub fn is_word(&self, i: usize) -> bool {
        self.word
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Where the token holding byte `i` starts.
    pub fn token_start(&self, i: usize) -> usize {
        let mut at = i;
        loop {
            let Some(&word) = self.word.get(at / 64) else {
                return at;
            };
            // The bits from the block's start up to `at`, inclusive.
            let upto = word | !(u64::MAX >> (63 - at % 64));
            if upto != u64::MAX {
                return (at / 64) * 64 + (64 - (!upto).leading_zeros() as usize);
            }
            if at < 64 {
                return 0;
            }
            at = (at / 64) * 64 - 1;
        }
    }

    /// Where the token holding byte `i` ends (`len`: the text's length).
    pub fn token_end(&self, i: usize, len: usize) -> usize {
        next_bit(&self.word, i, false, len)
    }

    /// Whether some byte in `from..to` is not ASCII.
    pub fn has_other(&self, from: usize, to: usize) -> bool {
        next_bit(&self.other, from, true, to) < to
    }
}

/// The set bits of `x`, lowest first.
fn bits(mut x: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (x != 0).then(|| {
            let bit = x.trailing_zeros() as usize;
            x &= x - 1;
            bit
        })
    })
}

/// The first position at or after `from` (before `len`) whose bit is `set`,
/// or `len`.
fn next_bit(lane: &[u64], from: usize, set: bool, len: usize) -> usize {
    let mut i = from;
    while i < len {
        let Some(&word) = lane.get(i / 64) else {
            return len;
        };
        let bits = if set { word } else { !word } >> (i % 64);
        if bits != 0 {
            return (i + bits.trailing_zeros() as usize).min(len);
        }
        i = (i / 64 + 1) * 64;
    }
    len
}

/// Bits of 16 bytes, and whether one is E2.
struct Masks {
    word: u16,
    other: u16,
    e2: bool,
}

/// The word and not-ASCII bits of 16 bytes, and where E2 and 80 are.
#[inline]
fn masks16(sixteen: &[u8]) -> Masks {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: compiled only where SSE2 is enabled for the whole build
        // (all of x86-64 has it), so the processor has it.
        unsafe { masks16_sse2(sixteen) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        let mut m = Masks {
            word: 0,
            other: 0,
            e2: sixteen.contains(&0xE2),
        };
        for (k, &b) in sixteen.iter().enumerate() {
            m.word |= u16::from(b.is_ascii_alphanumeric() || !b.is_ascii()) << k;
            m.other |= u16::from(!b.is_ascii()) << k;
        }
        m
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn masks16_sse2(sixteen: &[u8]) -> Masks {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    let Ok(sixteen) = <&[u8; 16]>::try_from(sixteen) else {
        return Masks {
            word: 0,
            other: 0,
            e2: false,
        };
    };
    // SAFETY: `sixteen` is 16 readable bytes; the load needs no alignment.
    let x = unsafe { _mm_loadu_si128(sixteen.as_ptr().cast()) };
    let byte = |b: u8| _mm_set1_epi8(b as i8);
    // Bytes from `low` to `low + span`, as unsigned bytes: x - low <= span.
    let within = |x, low: u8, span: u8| {
        let d = _mm_add_epi8(x, byte(low.wrapping_neg()));
        _mm_cmpeq_epi8(_mm_min_epu8(d, byte(span)), d)
    };
    let letters = within(_mm_or_si128(x, byte(0x20)), b'a', 25);
    let digits = within(x, b'0', 9);
    let other = _mm_movemask_epi8(x) as u16;
    Masks {
        word: _mm_movemask_epi8(_mm_or_si128(letters, digits)) as u16 | other,
        other,
        // Only text with other characters can hold E2.
        e2: other != 0 && _mm_movemask_epi8(_mm_cmpeq_epi8(x, byte(0xE2))) != 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lanes_agree_with_byte_tests(
            text in "([a-zA-Z0-9]{1,9}|[ ,.'\\-@\\[`{]|’|“|\u{2000}|\u{2070}|è|É|σ|東京|\u{a0}){0,60}"
        ) {
            let bytes = text.as_bytes();
            let mut lanes = Lanes::default();
            lanes.mark(bytes);
            // The bytes of U+2000..U+203F are punctuation.
            let punct: Vec<bool> = (0..bytes.len())
                .map(|i| (0..3).any(|k| i >= k && bytes.get(i - k..i - k + 2) == Some(&[0xE2, 0x80][..])))
                .collect();
            let word = |i: usize| (bytes[i].is_ascii_alphanumeric() || !bytes[i].is_ascii()) && !punct[i];
            let other = |i: usize| !bytes[i].is_ascii() && !punct[i];
            for i in 0..bytes.len() {
                proptest::prop_assert_eq!(lanes.is_word(i), word(i), "{}", i);
                if word(i) {
                    let start = (0..=i).rev().find(|&j| j == 0 || !word(j - 1)).unwrap_or(0);
                    let end = (i..bytes.len()).find(|&j| !word(j)).unwrap_or(bytes.len());
                    proptest::prop_assert_eq!(lanes.token_start(i), start);
                    proptest::prop_assert_eq!(lanes.token_end(i, bytes.len()), end);
                }
                let others: Vec<usize> = (0..64).filter(|k| lanes.others_from(i) >> k & 1 == 1).collect();
                let wanted: Vec<usize> = (0..64).filter(|&k| i + k < bytes.len() && other(i + k)).collect();
                proptest::prop_assert_eq!(others, wanted);
            }
            let mut starts = Vec::new();
            lanes.for_each_ascii_start(|start, run| {
                let got: Vec<usize> = (0..64).filter(|k| run >> k & 1 == 1).collect();
                let wanted: Vec<usize> = (0..64).filter(|&k| start + k < bytes.len() && word(start + k)).collect();
                assert_eq!(got, wanted, "{start}");
                starts.push(start);
            });
            let wanted: Vec<usize> = (0..bytes.len())
                .filter(|&i| bytes[i].is_ascii() && word(i) && (i == 0 || !word(i - 1)))
                .collect();
            proptest::prop_assert_eq!(starts, wanted);
            let others: Vec<usize> = lanes.others().collect();
            let wanted: Vec<usize> = (0..bytes.len()).filter(|&i| other(i)).collect();
            proptest::prop_assert_eq!(others, wanted);
        }
    }
}
