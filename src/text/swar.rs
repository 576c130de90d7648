//! Eight bytes at a time ("SIMD within a register"): masks with the high
//! bit set in each byte of a little-endian `u64` that has some property,
//! exactly (no carry crosses from one byte to the next).

const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The eight bytes at `bytes[i..]` as one number, if there are eight.
#[inline]
pub fn chunk_at(bytes: &[u8], i: usize) -> Option<u64> {
    bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
        .map(u64::from_le_bytes)
}

/// The first byte of `bytes` whose high bit is set in `mask` of the eight
/// bytes around it (`mask` gives the high bit of each byte that is wanted,
/// as the masks here do, and must not want a NUL byte): eight bytes a
/// step, the last few padded with NUL bytes.
#[inline]
pub fn position(bytes: &[u8], mask: impl Fn(u64) -> u64) -> Option<usize> {
    let mut i = 0;
    loop {
        let w = match chunk_at(bytes, i) {
            Some(w) => w,
            None if i < bytes.len() => {
                let mut tail = [0u8; 8];
                tail[..bytes.len() - i].copy_from_slice(&bytes[i..]);
                u64::from_le_bytes(tail)
            }
            None => return None,
        };
        let m = mask(w);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
}

/// Bytes of 0x80 and above (not ASCII).
#[inline]
pub fn non_ascii(w: u64) -> u64 {
    w & HIGH
}

/// Bytes of 0xC0 and above: those that begin a character of two or more
/// bytes in UTF-8.
#[inline]
pub fn lead_bytes(w: u64) -> u64 {
    w & (w << 1) & HIGH
}

/// Bytes equal to `b`.
#[inline]
pub fn equal(w: u64, b: u8) -> u64 {
    let x = w ^ (u64::from(b) * 0x0101_0101_0101_0101);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// ASCII control bytes (below 0x20): the ASCII bytes that stay below 0x80
/// after adding 0x60 (each sum is under 0xE0).
#[inline]
pub fn controls(w: u64) -> u64 {
    !(w | (w & LOW7).wrapping_add(0x6060_6060_6060_6060)) & HIGH
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_match_byte_tests() {
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in bytes.chunks(8) {
            let w = super::chunk_at(chunk, 0).expect("8 bytes");
            for (j, &b) in chunk.iter().enumerate() {
                let bit = |mask: u64| mask >> (8 * j + 7) & 1 == 1;
                assert_eq!(bit(super::equal(w, b'"')), b == b'"', "{b}");
                assert_eq!(bit(super::controls(w)), b < 0x20, "{b}");
                assert_eq!(bit(super::non_ascii(w)), b >= 0x80, "{b}");
                assert_eq!(bit(super::lead_bytes(w)), b >= 0xC0, "{b}");
            }
        }
    }

    #[test]
    fn position_reads_every_byte_including_the_last_few() {
        for len in 0..20 {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = 0xC3;
                assert_eq!(
                    super::position(&bytes, super::lead_bytes),
                    Some(at),
                    "{len} {at}"
                );
                assert_eq!(super::position(&bytes, super::non_ascii), Some(at));
            }
            assert_eq!(super::position(&vec![b'a'; len], super::non_ascii), None);
        }
    }
}
