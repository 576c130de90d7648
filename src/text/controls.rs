//! Control characters (C0 but tab and line feed, DEL, C1) and bidi
//! overrides: text from outside (feeds, pages, servers, file names) may
//! carry terminal escape sequences (`ESC ] 52` writes the clipboard) or
//! reorder a printed line. The store never keeps the controls
//! ([`strip_controls`]) and the command line prints neither
//! ([`for_terminal`]; JSON output escapes them, in `cli::safe_json`).
//! Clean text, the common case, is checked eight bytes at a time and
//! neither copied nor allocated.

use std::borrow::Cow;

use super::swar;

/// What is printed instead of a character that must not reach a terminal.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// How printed text is laid out: on one line, tab and line feed are
/// neutralised too; in multi-line text they are layout and stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Line,
    Lines,
}

/// Whether `c` is a control character other than tab and line feed.
pub fn is_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The explicit bidi embeddings, overrides and isolates (U+202A..U+202E,
/// U+2066..U+2069), which reorder the rest of a line.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Which bytes a scan stops at: always DEL and 0xC2, the lead byte of C1
/// (and of other characters: « » ° are C2 too); `c0`: ASCII controls (tab
/// and line feed are told apart later); `e2`: 0xE2, the lead byte of the
/// bidi controls. Every such byte is ASCII or a lead byte, so a scan stops
/// on a char boundary.
#[derive(Clone, Copy)]
struct Wanted {
    c0: bool,
    e2: bool,
}

const CONTROLS: Wanted = Wanted {
    c0: true,
    e2: false,
};
const UNPRINTABLE: Wanted = Wanted { c0: true, e2: true };

#[inline]
fn mask8(w: u64, wanted: Wanted) -> u64 {
    let mut m = swar::equal(w, 0x7F) | swar::equal(w, 0xC2);
    if wanted.c0 {
        m |= swar::controls(w);
    }
    if wanted.e2 {
        m |= swar::equal(w, 0xE2);
    }
    m
}

/// `mask8` for 16 bytes (`lo`, then `hi`) with SSE2 (every x86-64
/// processor has it), as one bit a byte.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn mask16(lo: u64, hi: u64, wanted: Wanted) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x,
        _mm_set1_epi8,
    };
    let x = _mm_set_epi64x(hi as i64, lo as i64);
    let byte = |b: u8| _mm_set1_epi8(b as i8);
    let mut m = _mm_or_si128(_mm_cmpeq_epi8(x, byte(0x7F)), _mm_cmpeq_epi8(x, byte(0xC2)));
    if wanted.c0 {
        m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(x, byte(0x1F)), x));
    }
    if wanted.e2 {
        m = _mm_or_si128(m, _mm_cmpeq_epi8(x, byte(0xE2)));
    }
    _mm_movemask_epi8(m) as u32
}

/// The first byte at or after `from` that `wanted` picks: 16 bytes a step
/// with SSE2, then eight.
#[inline]
fn next_candidate(bytes: &[u8], mut from: usize, wanted: Wanted) -> Option<usize> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while let (Some(lo), Some(hi)) = (swar::chunk_at(bytes, from), swar::chunk_at(bytes, from + 8))
    {
        // SAFETY: compiled only where SSE2 is enabled for the whole build
        // (all of x86-64 has it), so the processor has it.
        let m = unsafe { mask16(lo, hi, wanted) };
        if m != 0 {
            return Some(from + m.trailing_zeros() as usize);
        }
        from += 16;
    }
    let rest = bytes.get(from..)?;
    // The last bytes are padded with NUL bytes, which `controls` picks:
    // a hit past the end is no hit.
    swar::position(rest, |w| mask8(w, wanted))
        .map(|at| from + at)
        .filter(|&at| at < bytes.len())
}

/// The byte offset of the first character in `s` that `bad` rejects,
/// looking only at the bytes `wanted` picks.
fn first(s: &str, wanted: Wanted, bad: impl Fn(char) -> bool) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = next_candidate(bytes, from, wanted) {
        if s[at..].chars().next().is_some_and(&bad) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `s` holds a control character other than tab and line feed.
pub fn has_controls(s: &str) -> bool {
    first(s, CONTROLS, is_control).is_some()
}

/// Removes control characters (but tab and line feed) from `s` in place:
/// a C1 control that Windows-1252 gives a character is that character
/// (text decoded as Latin-1 somewhere upstream, or written as `&#146;`:
/// `don\u{92}t` is `don’t`, as browsers show it); the others that are
/// whitespace (CR, VT, FF) become a space, so the words around them stay
/// apart; the rest are dropped. Clean text is left as it is, with no
/// allocation.
///
/// A C1 control inside a character that was UTF-8 read as Latin-1 (`â`,
/// `\u{80}`, `¦` for `…`) makes the whole character again.
pub fn strip_controls(s: &mut String) {
    let Some(at) = first(s, CONTROLS, is_control) else {
        return;
    };
    // The control may be the last of a character's four bytes read as
    // Latin-1: start three characters back.
    let from = s[..at].char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..from]);
    let mut rest = &s[from..];
    while let Some(c) = rest.chars().next() {
        if let Some((meant, used)) = utf8_read_as_latin1(rest) {
            out.push(meant);
            rest = &rest[used..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if !is_control(c) {
            out.push(c);
        } else if let Some(meant) = windows_1252(c) {
            out.push(meant);
        } else if c.is_whitespace() {
            out.push(' ');
        }
    }
    *s = out;
}

/// The character whose UTF-8 bytes, each read as a Latin-1 character,
/// open `s`, and the length they take in `s`. Only sequences holding a C1
/// control count: text never holds one, so real `Ã©` or `â€` stay.
fn utf8_read_as_latin1(s: &str) -> Option<(char, usize)> {
    let mut chars = s.chars();
    let lead = u32::from(chars.next()?);
    let more = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [u8::try_from(lead).ok()?, 0, 0, 0];
    let mut c1 = false;
    for slot in bytes.iter_mut().skip(1).take(more) {
        let c = u32::from(chars.next()?);
        if !(0x80..=0xBF).contains(&c) {
            return None;
        }
        c1 |= c <= 0x9F;
        *slot = u8::try_from(c).ok()?;
    }
    let meant = std::str::from_utf8(&bytes[..=more]).ok()?.chars().next()?;
    // Read again, the bytes may spell a control themselves (`Â\u{9b}` is
    // CSI): that stays a control, and is dropped as one.
    if is_control(meant) {
        return None;
    }
    // Each of those characters takes two bytes in `s`.
    c1.then_some((meant, 2 * (more + 1)))
}

/// The character Windows-1252 puts at C1 control `c`'s byte, if any.
fn windows_1252(c: char) -> Option<char> {
    const AT_0X80: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    let index = u32::from(c).checked_sub(0x80)?;
    AT_0X80.get(index as usize).copied().flatten()
}

/// `s` without control characters, as [`strip_controls`] leaves it;
/// borrowed when it has none.
pub fn without_controls(s: &str) -> Cow<'_, str> {
    if !has_controls(s) {
        return Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    strip_controls(&mut out);
    Cow::Owned(out)
}

/// `s` safe to print on a terminal: control characters (on a single line,
/// tab and line feed too) and bidi controls each become [`PLACEHOLDER`],
/// so that nothing is hidden and nothing can drive the terminal. Borrowed
/// when there is nothing to replace.
pub fn for_terminal(s: &str, layout: Layout) -> Cow<'_, str> {
    let unsafe_char = |c: char| match c {
        '\t' | '\n' => layout == Layout::Line,
        _ => c.is_control() || is_bidi_control(c),
    };
    let Some(at) = first(s, UNPRINTABLE, unsafe_char) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..at]);
    out.extend(
        s[at..]
            .chars()
            .map(|c| if unsafe_char(c) { PLACEHOLDER } else { c }),
    );
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the rules name, and neighbours that must pass.
    const HOSTILE: &[char] = &[
        '\0', '\u{7}', '\u{8}', '\r', '\u{b}', '\u{c}', '\u{1b}', '\u{1f}', '\u{7f}', '\u{80}',
        '\u{85}', '\u{9b}', '\u{9f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
    ];
    const HARMLESS: &[char] = &[
        'a', ' ', '«', '»', '\u{a0}', '°', '\u{a0}', '\u{2019}', '\u{2028}', '\u{200f}',
        '\u{2065}', '\u{206a}', '\u{2029}', 'è', '東',
    ];

    /// Text with `c` at every position of every length up to 40 (two
    /// 16-byte windows and every tail after them).
    fn placed(c: char) -> Vec<String> {
        (0..40)
            .flat_map(|len| (0..=len).map(move |at| (len, at)))
            .map(|(len, at)| format!("{}{c}{}", "x".repeat(at), "y".repeat(len - at)))
            .collect()
    }

    #[test]
    fn every_control_is_found_at_every_position() {
        for &c in HOSTILE.iter().chain(HARMLESS).chain(&['\t', '\n']) {
            for s in placed(c) {
                assert_eq!(has_controls(&s), is_control(c), "{s:?}");
                let mut stripped = s.clone();
                strip_controls(&mut stripped);
                assert!(!stripped.chars().any(is_control), "{stripped:?}");
                let expected: String = s
                    .chars()
                    .filter_map(|x| match (is_control(x), windows_1252(x)) {
                        (false, _) => Some(x),
                        (true, Some(meant)) => Some(meant),
                        (true, None) => x.is_whitespace().then_some(' '),
                    })
                    .collect();
                assert_eq!(stripped, expected);
            }
        }
    }

    #[test]
    fn c1_controls_are_read_as_windows_1252_where_it_has_a_character() {
        let mut s = "don\u{92}t \u{93}quote\u{94} \u{80}5\u{85} \u{81}\u{8d}x\u{9b}[2J".to_string();
        strip_controls(&mut s);
        assert_eq!(s, "don’t “quote” €5… x›[2J");
        // No C1 control is left, whatever it became.
        for c in '\u{80}'..='\u{9f}' {
            let mut one = c.to_string();
            strip_controls(&mut one);
            assert!(!one.chars().any(is_control), "{c:?}");
        }
    }

    #[test]
    fn utf8_read_as_latin1_is_read_again() {
        // `…` (E2 80 A6) and `€` (E2 82 AC) read a byte a character.
        let mut s = "wait\u{e2}\u{80}\u{a6} \u{e2}\u{82}\u{ac}5".to_string();
        strip_controls(&mut s);
        assert_eq!(s, "wait… €5");
        // Without a C1 control it may be real text, and stays.
        let mut s = "Ã© \u{e2}\u{a6}\u{a6}\u{92}".to_string();
        strip_controls(&mut s);
        assert_eq!(s, "Ã© \u{e2}\u{a6}\u{a6}’");
        // A four-byte character, its C1 control last.
        let mut s = "\u{f0}\u{9f}\u{98}\u{80}!".to_string();
        strip_controls(&mut s);
        assert_eq!(s, "\u{1f600}!");
        // Bytes that spell a control read again stay out.
        let mut s = "a\u{c2}\u{9b}31mb".to_string();
        strip_controls(&mut s);
        assert!(!has_controls(&s) && !s.contains('\u{9b}'), "{s:?}");
    }

    #[test]
    fn terminal_text_keeps_layout_only_where_it_is_layout() {
        for &c in HOSTILE {
            for s in placed(c) {
                for layout in [Layout::Line, Layout::Lines] {
                    let shown = for_terminal(&s, layout);
                    assert!(!shown.contains(c), "{s:?}");
                    assert_eq!(shown.matches(PLACEHOLDER).count(), 1, "{s:?}");
                }
            }
        }
        for &c in HARMLESS {
            for s in placed(c) {
                assert!(matches!(for_terminal(&s, Layout::Line), Cow::Borrowed(_)));
            }
        }
        assert_eq!(for_terminal("a\tb\nc", Layout::Lines), "a\tb\nc");
        assert_eq!(for_terminal("a\tb\nc", Layout::Line), "a\u{fffd}b\u{fffd}c");
        assert_eq!(
            for_terminal("t\u{1b}]52;c;SGVsbG8=\u{7}", Layout::Line),
            "t\u{fffd}]52;c;SGVsbG8=\u{fffd}"
        );
    }
}
