//! Splitting a copied page into lines, with hard-wrapped prose joined back
//! into paragraphs.

use super::measure::{eff_len, final_char};

/// Collapses every kind of whitespace to one space and drops invisible characters.
pub(super) fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}'
        ) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Shortest line that a wrap may have broken (wraps fill lines).
const WRAPPED_MIN: usize = 50;
/// Longest line of a hard wrap without blank lines: wrapping tools break
/// at 60 to 80 characters, a paragraph of a page runs longer.
const WRAP_WIDTH: usize = 100;
/// Lines in a row that make a hard-wrapped paragraph in a copy without
/// blank lines (a headline and its "by" line are two).
const WRAP_CHAIN: usize = 3;

/// Whether a line is cut after a word, a comma or a hyphen.
fn cut_after_word(line: &str) -> bool {
    final_char(line).is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '-')
}

/// A line a wrap may have broken: long enough, cut after a word or a comma.
fn may_go_on(line: &str) -> bool {
    cut_after_word(line) && eff_len(line) >= WRAPPED_MIN
}

/// Whether `next` continues `line` when `line` may go on.
fn continues(line: &str, next: &str) -> bool {
    starts_lowercase(next) || line.ends_with(',')
}

/// Appends a wrapped line to the one it continues.
fn join(last: &mut String, t: &str) {
    if last.ends_with('-') && starts_lowercase(t) {
        last.pop();
    } else {
        last.push(' ');
    }
    last.push_str(t);
}

/// Splits into non-empty lines and re-joins hard-wrapped prose: in
/// blank-line-separated input every wrapped line, elsewhere runs of
/// [`WRAP_CHAIN`] lines or more no wider than [`WRAP_WIDTH`].
pub(super) fn split_lines(text: &str) -> Vec<String> {
    let raw: Vec<&str> = text.lines().collect();
    let blanks = raw.iter().filter(|l| l.trim().is_empty()).count();
    if blanks * 6 < raw.len() {
        let lines = raw
            .iter()
            .map(|r| normalize_ws(r))
            .filter(|t| !t.is_empty());
        return join_wrapped_runs(lines.collect());
    }
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for r in raw {
        let t = normalize_ws(r);
        if t.is_empty() {
            joinable = false;
            continue;
        }
        if let Some(last) = out.last_mut().filter(|l| joinable && continues(l, &t)) {
            join(last, &t);
            joinable = may_go_on(last);
            continue;
        }
        joinable = may_go_on(&t);
        out.push(t);
    }
    out
}

/// Joins each run of [`WRAP_CHAIN`] lines or more that continue one
/// another, all but the last no wider than [`WRAP_WIDTH`], whose last line
/// ends a sentence: list items (which may start in lower case, as names
/// do) end without a period.
fn join_wrapped_runs(mut lines: Vec<String>) -> Vec<String> {
    // Cheap tests first: most lines end a sentence or start one.
    let goes_on: Vec<bool> = lines
        .windows(2)
        .map(|w| {
            continues(&w[0], &w[1])
                && cut_after_word(&w[0])
                && (WRAPPED_MIN..=WRAP_WIDTH).contains(&eff_len(&w[0]))
        })
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while goes_on.get(j).copied().unwrap_or(false) {
            j += 1;
        }
        let ends_sentence = matches!(final_char(&lines[j]), Some('.' | '!' | '?' | '…' | ':'));
        if j + 1 - i < WRAP_CHAIN || !ends_sentence {
            j = i;
        }
        let mut line = std::mem::take(&mut lines[i]);
        for t in &lines[i + 1..=j] {
            join(&mut line, t);
        }
        out.push(line);
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::split_lines;

    #[test]
    fn wrapped_prose_without_blank_lines_is_joined() {
        let text = "Notes from the river\n\
            The ferry left the northern landing before dawn and\n\
            crossed the wide brown water in a little under an hour,\n\
            while the passengers slept on the benches of the deck.\n\
            A second paragraph starts with a capital letter here.\n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[1].starts_with("The ferry left"));
        assert!(lines[1].ends_with("deck."));
    }

    #[test]
    fn a_headline_and_the_line_under_it_stay_apart() {
        let text = "A very long headline about the harbour works at the old port\n\
            the city will pay for the delay, the mayor said on Monday.\n";
        assert_eq!(split_lines(text).len(), 2);
    }

    #[test]
    fn list_items_starting_in_lower_case_stay_apart() {
        let text = "This week in the project\n\
            anna has a patch to move the settings reader off the main thread\n\
            bruno's team has landed new documentation for the marker interface\n\
            carla has some new charts up for the hang report dashboard\n";
        assert_eq!(split_lines(text).len(), 4);
    }
}
