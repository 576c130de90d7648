//! Whitespace collapsed: runs of spaces, tabs, line breaks and non-ASCII
//! spaces become one space. Every importer runs all text through here, so
//! plain stretches are skipped many bytes at a time.

use super::swar;

/// Collapses runs of whitespace (including no-break spaces) to one space.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    squash_into(&mut out, s, &mut false);
    out
}

/// Appends `s` to `out` with whitespace collapsed as `squash` does, for
/// text that arrives in pieces: `space` carries a run of whitespace from
/// one piece to the next (start with `false`; the space is written only
/// before more text, so `out` never ends with one). Text between single
/// ASCII spaces, which is most of it, is copied in long stretches.
pub fn squash_into(out: &mut String, s: &str, space: &mut bool) {
    let bytes = s.as_bytes();
    let mut emit = |part: &str, space: &mut bool| {
        if !part.is_empty() {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(part);
            *space = false;
        }
    };
    // Start of the stretch of text not yet copied.
    let mut start = 0;
    let mut i = 0;
    if !s.is_empty() && space_at(s, 0) != 0 {
        i = skip_spaces(s, 0);
        *space = true;
        start = i;
    }
    while i < bytes.len() {
        // Many bytes at a time up to the next byte that may begin
        // whitespace, other than one space between two words.
        if let Some((candidates, width)) = candidates(bytes, i) {
            if candidates == 0 {
                i += width;
                continue;
            }
            i += candidates.trailing_zeros() as usize;
        }
        let b = bytes[i];
        if !MAYBE_SPACE[usize::from(b)] {
            i += 1;
            continue;
        }
        // One space between words, the common case, stays in the stretch.
        if b == b' '
            && i > start
            && bytes
                .get(i + 1)
                .is_some_and(|n| !MAYBE_SPACE[usize::from(*n)])
        {
            i += 1;
            continue;
        }
        if space_at(s, i) == 0 {
            i += 1;
            continue;
        }
        emit(&s[start..i], space);
        i = skip_spaces(s, i);
        *space = true;
        start = i;
    }
    emit(&s[start..], space);
}

/// Where whitespace other than a single space between words may begin in
/// the bytes from `i`: bit `k` of the mask is set for byte `i + k`; also
/// how many bytes the mask covers. `None` near the end of the text.
///
/// The candidates are ASCII controls, the lead bytes of non-ASCII
/// whitespace (0xC2 and 0xE0..=0xE3, a superset of `MAYBE_SPACE`'s), and
/// spaces followed by a space or one of those.
#[inline]
fn candidates(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if let Some(window) = bytes.get(i..i + 17) {
        // SAFETY: compiled only where SSE2 is enabled for the whole build
        // (all of x86-64 has it), so the processor has it.
        return Some((unsafe { candidates16(window) }, 16));
    }
    let w = swar::chunk_at(bytes, i)?;
    let next = swar::chunk_at(bytes, i + 1)?;
    Some((high_bits_to_bits(may_break(w, next)), 8))
}

/// `candidates` for the first 16 of 17 bytes, with SSE2 (every x86-64
/// processor has it).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn candidates16(window: &[u8]) -> u32 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set_epi64x, _mm_set1_epi8,
    };
    let half = |at: usize| swar::chunk_at(window, at).unwrap_or(0) as i64;
    let x = _mm_set_epi64x(half(8), half(0));
    let byte = |b: u8| _mm_set1_epi8(b as i8);
    let controls = _mm_cmpeq_epi8(_mm_min_epu8(x, byte(0x1F)), x);
    let leads = _mm_or_si128(
        _mm_cmpeq_epi8(x, byte(0xC2)),
        _mm_cmpeq_epi8(_mm_and_si128(x, byte(0xFC)), byte(0xE0)),
    );
    let special = _mm_movemask_epi8(_mm_or_si128(controls, leads)) as u32;
    let spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(x, byte(b' '))) as u32;
    let last = window.get(16).copied().unwrap_or(0);
    let last_breaks = last <= b' ' || last == 0xC2 || last & 0xFC == 0xE0;
    let next = ((special | spaces) >> 1) | (u32::from(last_breaks) << 15);
    special | (spaces & next)
}

/// `candidates` for eight bytes `w` (little-endian; `next` is the same text
/// one byte further on), as the high bit of each byte.
#[inline]
fn may_break(w: u64, next: u64) -> u64 {
    let special = |w: u64| {
        swar::controls(w) | swar::equal(w, 0xC2) | swar::equal(w & 0xFCFC_FCFC_FCFC_FCFC, 0xE0)
    };
    special(w) | (swar::equal(w, b' ') & (special(next) | swar::equal(next, b' ')))
}

/// The high bit of each byte of `mask` as bit 0..8.
#[inline]
fn high_bits_to_bits(mask: u64) -> u32 {
    ((((mask >> 7) & 0x0101_0101_0101_0101).wrapping_mul(0x0102_0408_1020_4080)) >> 56) as u32
}

/// The first byte at or after `i` that does not begin whitespace.
fn skip_spaces(s: &str, mut i: usize) -> usize {
    while i < s.len() {
        match space_at(s, i) {
            0 => break,
            len => i += len,
        }
    }
    i
}

/// Bytes that may begin whitespace: ASCII spaces and controls, and the
/// lead bytes of the non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000..,
/// U+3000).
static MAYBE_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};

/// The length in bytes of the whitespace character at byte `i` of `s`, or
/// 0 when there is none there (including in the middle of a character).
/// Only three lead bytes begin non-ASCII whitespace, so most text is
/// judged by one comparison a byte.
#[inline]
fn space_at(s: &str, i: usize) -> usize {
    let b = s.as_bytes()[i];
    if !MAYBE_SPACE[usize::from(b)] {
        0
    } else if b.is_ascii() {
        1
    } else {
        s.get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_matches_split_whitespace() {
        for text in [
            "",
            "   ",
            "a",
            " a  b\t\nc ",
            "perché\u{a0}\u{a0}così\u{3000}东京 ",
            "\u{2028}x\u{85}y\u{b}z",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash(text), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn squash_in_pieces_is_squash_of_the_whole(
            pieces in proptest::collection::vec("(parole|[a\\u{e8} \\t\\n\\u{a0}\\u{2003}\\u{2019}]){0,12}", 0..6)
        ) {
            let mut out = String::new();
            let mut space = false;
            for p in &pieces {
                squash_into(&mut out, p, &mut space);
            }
            proptest::prop_assert_eq!(out, squash(&pieces.concat()));
        }

        #[test]
        fn squash_is_split_whitespace_joined(
            text in "(parole|[a\\u{e8} \\t\\n\\r\\x1f\\u{a0}\\u{a9}\\u{2003}\\u{3000}\\u{2019}\\u{2028}\\u{205f}\\u{1680}\\u{900}\\u{e1}\\u{85}]){0,60}"
        ) {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash(&text), expected);
        }
    }

    #[test]
    fn windows_are_judged_like_single_bytes() {
        // Every byte value at every position, next to a space, a letter or
        // itself, in windows of 16 (SSE2) and of 8 bytes.
        let special = |b: u8| b < 0x20 || b == 0xC2 || (0xE0..=0xE3).contains(&b);
        for width in [8, 16] {
            for b in 0..=255u8 {
                for other in [b' ', b'a', b] {
                    for at in 0..=width {
                        let mut bytes = vec![other; width + 1];
                        bytes[at] = b;
                        let (mask, covered) = candidates(&bytes, 0).expect("a window");
                        assert_eq!(covered, width);
                        for j in 0..width {
                            let expected = special(bytes[j])
                                || (bytes[j] == b' '
                                    && (bytes[j + 1] == b' ' || special(bytes[j + 1])));
                            assert_eq!(mask >> j & 1 == 1, expected, "{bytes:?} at {j}");
                        }
                        assert_eq!(mask >> width, 0, "{bytes:?}");
                    }
                }
            }
        }
        for text in [
            "parole  e   spazi\tdoppi ",
            "  inizio con spazi e fine  ",
            "c’è\u{a0}\u{a0}più testo qui, e ancora",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash(text), expected, "{text:?}");
        }
    }
}
