//! Two bits per byte of a raw (unfolded) text, found 16 bytes at a time:
//! whether it may belong to a word (an ASCII letter or digit, or any byte
//! of another character) and whether it is not ASCII. The runs of the
//! first are the *tokens*: folding changes no ASCII punctuation, so every
//! word of the folded text lies inside one token, and a token of ASCII
//! bytes only is one word, its folded form its lower-case form.

/// The bits of one text, reused from text to text.
#[derive(Debug, Default)]
pub(super) struct Lanes {
    word: Vec<u64>,
    other: Vec<u64>,
}

impl Lanes {
    pub fn mark(&mut self, bytes: &[u8]) {
        self.word.clear();
        self.other.clear();
        let mut chunks = bytes.chunks_exact(64);
        for chunk in chunks.by_ref() {
            self.push(chunk);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut block = [0u8; 64];
            block[..rest.len()].copy_from_slice(rest);
            self.push(&block);
        }
    }

    fn push(&mut self, block: &[u8]) {
        let (mut word, mut other) = (0u64, 0u64);
        for (k, sixteen) in block.chunks_exact(16).enumerate() {
            let (w, o) = masks16(sixteen);
            word |= u64::from(w) << (16 * k);
            other |= u64::from(o) << (16 * k);
        }
        self.word.push(word);
        self.other.push(other);
    }

    /// Calls `f` with each token that starts with an ASCII byte: where it
    /// starts, and its word and not-ASCII bits from there on (bit 0: the
    /// first byte; at least 64 bits, so a token longer than 63 bytes has
    /// no end among them).
    pub fn for_each_ascii_start(&self, mut f: impl FnMut(usize, u64, u64)) {
        let mut carry = 0u64;
        for (block, (&word, &other)) in self.word.iter().zip(&self.other).enumerate() {
            let mut starts = word & !((word << 1) | carry) & !other;
            carry = word >> 63;
            if starts == 0 {
                continue;
            }
            let next_word = self.word.get(block + 1).copied().unwrap_or(0);
            let next_other = self.other.get(block + 1).copied().unwrap_or(0);
            // The 64 bits from `bit` on, across into the next block.
            let from = |now: u64, next: u64, bit: u32| (now >> bit) | ((next << 1) << (63 - bit));
            while starts != 0 {
                let bit = starts.trailing_zeros();
                starts &= starts - 1;
                f(
                    block * 64 + bit as usize,
                    from(word, next_word, bit),
                    from(other, next_other, bit),
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
        self.word.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
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

/// The word and not-ASCII bits of 16 bytes.
#[inline]
fn masks16(sixteen: &[u8]) -> (u16, u16) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: compiled only where SSE2 is enabled for the whole build
        // (all of x86-64 has it), so the processor has it.
        unsafe { masks16_sse2(sixteen) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        let (mut word, mut other) = (0u16, 0u16);
        for (k, &b) in sixteen.iter().enumerate() {
            word |= u16::from(b.is_ascii_alphanumeric() || !b.is_ascii()) << k;
            other |= u16::from(!b.is_ascii()) << k;
        }
        (word, other)
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn masks16_sse2(sixteen: &[u8]) -> (u16, u16) {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set_epi64x, _mm_set1_epi8,
    };
    let half = |at: usize| {
        sixteen
            .get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .map_or(0, i64::from_le_bytes)
    };
    let x = _mm_set_epi64x(half(8), half(0));
    let byte = |b: u8| _mm_set1_epi8(b as i8);
    // Bytes from `low` to `low + span`, as unsigned bytes: x - low <= span.
    let within = |x, low: u8, span: u8| {
        let d = _mm_add_epi8(x, byte(low.wrapping_neg()));
        _mm_cmpeq_epi8(_mm_min_epu8(d, byte(span)), d)
    };
    let letters = within(_mm_or_si128(x, byte(0x20)), b'a', 25);
    let digits = within(x, b'0', 9);
    let other = _mm_movemask_epi8(x) as u16;
    let word = _mm_movemask_epi8(_mm_or_si128(letters, digits)) as u16 | other;
    (word, other)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lanes_agree_with_byte_tests(text in "([a-zA-Z0-9]{1,9}|[ ,.’'\\-@\\[`{]|è|É|σ|東京|\u{a0}){0,60}") {
            let bytes = text.as_bytes();
            let mut lanes = Lanes::default();
            lanes.mark(bytes);
            let word = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
            for (i, &b) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(lanes.is_word(i), word(b));
                if word(b) {
                    let start = (0..=i).rev().find(|&j| j == 0 || !word(bytes[j - 1])).unwrap_or(0);
                    let end = (i..bytes.len()).find(|&j| !word(bytes[j])).unwrap_or(bytes.len());
                    proptest::prop_assert_eq!(lanes.token_start(i), start);
                    proptest::prop_assert_eq!(lanes.token_end(i, bytes.len()), end);
                }
            }
            let mut starts = Vec::new();
            lanes.for_each_ascii_start(|start, words, others| {
                let run = |bits: u64| (0..64).filter(|k| bits >> k & 1 == 1).collect::<Vec<_>>();
                let within = |f: &dyn Fn(u8) -> bool| {
                    (0..64).filter(|&k| bytes.get(start + k).is_some_and(|&b| f(b))).collect::<Vec<_>>()
                };
                assert_eq!(run(words), within(&word), "{start}");
                assert_eq!(run(others), within(&|b: u8| !b.is_ascii()), "{start}");
                starts.push(start);
            });
            let wanted: Vec<usize> = (0..bytes.len())
                .filter(|&i| bytes[i].is_ascii() && word(bytes[i]) && (i == 0 || !word(bytes[i - 1])))
                .collect();
            proptest::prop_assert_eq!(starts, wanted);
            let others: Vec<usize> = lanes.others().collect();
            let wanted: Vec<usize> = (0..bytes.len()).filter(|&i| !bytes[i].is_ascii()).collect();
            proptest::prop_assert_eq!(others, wanted);
        }
    }
}
