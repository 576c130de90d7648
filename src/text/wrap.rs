//! Wrapping by display width (accents, CJK, emoji, combining marks).

use unicode_width::UnicodeWidthStr;

/// Wraps a paragraph to lines no wider than `width` columns. Long words are
/// broken; CJK text breaks between ideographs. A single character wider than
/// `width` (only possible below 2 columns) gets a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let clean = crate::text::squash(&sanitize(text));
    if clean.is_empty() {
        return Vec::new();
    }
    let options = textwrap::Options::new(width).break_words(true);
    textwrap::wrap(&clean, options)
        .into_iter()
        .flat_map(|line| split_overwide(line.trim_end(), width))
        .collect()
}

/// Lays out preformatted text (code, tables): its own line breaks are
/// kept and lines are not re-flowed; only lines wider than `width` are cut
/// into pieces so nothing overflows.
pub fn wrap_preformatted(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    text.lines()
        .flat_map(|line| {
            let clean: String = line
                .replace('\t', "    ")
                .chars()
                .filter(|c| !c.is_control())
                .collect();
            let clean = clean.trim_end().to_string();
            if clean.is_empty() {
                vec![String::new()]
            } else {
                split_overwide(&clean, width)
            }
        })
        .collect()
}

/// Display width of a string, as the terminal shows it.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Replaces tabs and newlines by spaces and drops other control characters,
/// which would move the terminal's cursor.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{00AD}' => None,
            c => Some(c),
        })
        .collect()
}

/// Cuts a string to at most `width` columns, adding `…` when it was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if self::width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

pub(crate) fn split_overwide(line: &str, width: usize) -> Vec<String> {
    if self::width(line) <= width {
        return vec![line.to_string()];
    }
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for c in line.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push(c);
        used += w;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn visible(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn wraps_italian_by_words() {
        let lines = wrap("Perché la Cina delocalizza le Big Tech", 12);
        // Optimal fit evens out the lines rather than filling each greedily.
        assert_eq!(lines, ["Perché", "la Cina", "delocalizza", "le Big Tech"]);
    }

    #[test]
    fn cjk_counts_two_columns_and_breaks_between_ideographs() {
        let lines = wrap("权威的合法性从哪里来权威的合法性", 8);
        assert!(lines.iter().all(|l| width(l) <= 8), "{lines:?}");
        assert_eq!(lines.concat(), "权威的合法性从哪里来权威的合法性");
    }

    #[test]
    fn combining_marks_take_no_column() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301} cafe\u{301}";
        let lines = wrap(text, 4);
        assert_eq!(lines, ["e\u{301}e\u{301}e\u{301}e\u{301}", "cafe\u{301}"]);
    }

    #[test]
    fn long_words_are_broken() {
        let lines = wrap("Donaudampfschifffahrtsgesellschaft", 10);
        assert!(lines.iter().all(|l| width(l) <= 10));
        assert_eq!(lines.concat(), "Donaudampfschifffahrtsgesellschaft");
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        assert_eq!(wrap("a\u{1b}[2Jb\tc", 20), ["a[2Jb c"]);
    }

    #[test]
    fn preformatted_text_keeps_its_lines_and_indentation() {
        let lines = wrap_preformatted("fn main() {\n\tprintln!(\"hi\");\n}", 12);
        assert_eq!(lines, ["fn main() {", "    println!", "(\"hi\");", "}"]);
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    proptest! {
        #[test]
        fn no_line_overflows_and_no_text_is_lost(
            text in "([a-zàèéìòù]{1,15}|[日本語中文]{1,6}|😀|e\u{301}| |\u{a0}){0,60}",
            width in 2usize..60,
        ) {
            let lines = wrap(&text, width);
            for line in &lines {
                prop_assert!(super::width(line) <= width, "{line:?} wider than {width}");
            }
            prop_assert_eq!(visible(&lines.concat()), visible(&sanitize(&text)));
        }

        #[test]
        fn never_panics_on_any_text(text in any::<String>(), width in 0usize..200) {
            let _ = wrap(&text, width);
        }
    }
}
