//! The text key of an article: a hash of its first content terms.

use super::{FNV_OFFSET, fnv1a_step, fold_into, stopwords, swar};

/// FNV-1a of the first `limit` content terms of the paragraphs (as `terms`
/// finds them) joined by single spaces, and how many there are (at most
/// `limit`): the text key that recognises one article under two ids.
/// Paragraphs after the last term needed are not read.
///
/// Made for speed (an import computes it for every article): each folded
/// paragraph is first turned into a bit mask of the bytes that belong to
/// words, in a branch-free pass; words are then the runs of set bits, found
/// a machine word at a time.
pub fn first_terms_hash(paragraphs: &[String], limit: usize) -> (u64, usize) {
    let mut hash = FNV_OFFSET;
    let mut count = 0;
    let mut folded = String::new();
    let mut mask = Vec::new();
    for p in paragraphs {
        folded.clear();
        fold_into(&mut folded, p);
        word_mask(&folded, &mut mask);
        let len = folded.len();
        // Room for a 16-byte load at any word (NUL bytes: not in words).
        folded.push_str(PADDING);
        let bytes = folded.as_bytes();
        let mut at = 0;
        loop {
            let start = next_bit(&mask, at, true, len);
            if start == len {
                break;
            }
            let end = next_bit(&mask, start, false, len);
            at = end;
            let word = &bytes[start..end];
            // One character: one byte, or a few bytes of one letter.
            let one_char = word.len() < 2
                || (word.len() <= 4 && word.iter().filter(|&&b| b & 0xC0 != 0x80).count() < 2);
            let head = bytes
                .get(start..start + 16)
                .and_then(|h| <&[u8; 16]>::try_from(h).ok());
            let stopword = head.is_some_and(|h| {
                stopwords::is_stopword_key(stopwords::packed_prefix(h, word.len()))
            });
            if one_char || stopword {
                continue;
            }
            if count == limit {
                return (hash, count);
            }
            if count > 0 {
                hash = fnv1a_step(hash, b' ');
            }
            hash = word.iter().fold(hash, |h, &b| fnv1a_step(h, b));
            count += 1;
        }
    }
    (hash, count)
}

/// Sixteen NUL bytes.
const PADDING: &str = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

/// Sets bit `i % 64` of `mask[i / 64]` for every byte `i` of `text` that is
/// part of a letter or digit.
fn word_mask(text: &str, mask: &mut Vec<u64>) {
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
    mask.clear();
    mask.extend(bytes.chunks(64).map(|chunk| {
        chunk.iter().enumerate().fold(0u64, |m, (j, &b)| {
            m | (u64::from(ASCII_ALNUM[usize::from(b)]) << j)
        })
    }));
    // Other characters one by one: only where their first bytes are.
    let mut i = 0;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| swar::position(rest, swar::lead_bytes))
    {
        i += offset;
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if c.is_alphanumeric() {
            for j in i..i + c.len_utf8() {
                mask[j / 64] |= 1 << (j % 64);
            }
        }
        i += c.len_utf8();
    }
}

/// The first byte at or after `from` (before `len`) whose bit is `set`, or
/// `len`.
fn next_bit(mask: &[u64], from: usize, set: bool, len: usize) -> usize {
    let mut i = from;
    while i < len {
        let word = mask[i / 64];
        let bits = if set { word } else { !word } >> (i % 64);
        if bits != 0 {
            return (i + bits.trailing_zeros() as usize).min(len);
        }
        i = (i / 64 + 1) * 64;
    }
    len
}
