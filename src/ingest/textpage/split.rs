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

/// Lines on each side of a line whose widths tell the width of the wrap.
const WRAP_NEIGHBOURS: usize = 5;

/// Whether a line is cut after a word or inside a sentence's punctuation
/// (a comma, a dash, a semicolon), as a wrap cuts.
fn cut_inside_sentence(line: &str) -> bool {
    cut_after_word(line) || matches!(final_char(line), Some('—' | '–' | ';'))
}

/// The width a wrap filled around line `i`: the widest of its neighbours
/// no wider than [`WRAP_WIDTH`].
fn wrap_width(widths: &[usize], i: usize) -> usize {
    let lo = i.saturating_sub(WRAP_NEIGHBOURS);
    let hi = (i + WRAP_NEIGHBOURS + 1).min(widths.len());
    widths[lo..hi]
        .iter()
        .copied()
        .filter(|&w| w <= WRAP_WIDTH)
        .max()
        .unwrap_or(0)
}

/// Whether the line was broken because the next line's first word did not
/// fit in the width of the wrap: a line that ends where a paragraph or a
/// heading ends leaves room for it.
fn filled(widths: &[usize], i: usize, next: &str) -> bool {
    let word = next.split_whitespace().next().map_or(0, eff_len);
    widths[i] + 1 + word > wrap_width(widths, i)
}

/// How line `i` leads into the next: `Some(true)` when the next starts in
/// lower case or the line ends with a comma, `Some(false)` when only the
/// wrap's width says the next goes on (a name or "I" may open it), `None`
/// when it does not go on.
fn leads_on(lines: &[String], widths: &[usize], i: usize) -> Option<bool> {
    let next = lines.get(i + 1)?;
    if !(WRAPPED_MIN..=WRAP_WIDTH).contains(&widths[i]) {
        return None;
    }
    if continues(&lines[i], next) && cut_after_word(&lines[i]) {
        return Some(true);
    }
    (cut_inside_sentence(&lines[i]) && filled(widths, i, next)).then_some(false)
}

/// Runs joined in a page that make it a hard-wrapped one, where two lines
/// that go on in lower case are a wrapped paragraph too.
const WRAPPED_PAGE_RUNS: usize = 2;

/// How the lines of a page lead into one another, with what a run that
/// starts anywhere needs in constant time.
struct Leads {
    /// The last line of the run of leading lines through each line.
    reach: Vec<usize>,
    /// Lines before each one that go on in lower case.
    lower_before: Vec<usize>,
}

impl Leads {
    fn new(leads: &[Option<bool>]) -> Self {
        let mut reach = vec![0; leads.len()];
        for i in (0..leads.len()).rev() {
            reach[i] = if leads[i].is_some() && i + 1 < leads.len() {
                reach[i + 1]
            } else {
                i
            };
        }
        let mut lower_before = Vec::with_capacity(leads.len() + 1);
        lower_before.push(0);
        for l in leads {
            let last = lower_before.last().copied().unwrap_or(0);
            lower_before.push(last + usize::from(*l == Some(true)));
        }
        Leads {
            reach,
            lower_before,
        }
    }

    /// The last line of the wrapped run that starts at line `i` (`i`
    /// itself when none does): `chain` lines or more, whose last ends a
    /// sentence, and at least half of which go on in lower case.
    fn run_end(&self, lines: &[String], i: usize, chain: usize) -> usize {
        let j = self.reach[i];
        let lower = self.lower_before[j] - self.lower_before[i];
        let ends_sentence = matches!(final_char(&lines[j]), Some('.' | '!' | '?' | '…' | ':'));
        if j + 1 - i < chain || !ends_sentence || lower * 2 < j - i {
            i
        } else {
            j
        }
    }
}

/// Joins each run of [`WRAP_CHAIN`] lines or more that continue one
/// another, all but the last no wider than [`WRAP_WIDTH`], whose last line
/// ends a sentence: list items (which may start in lower case, as names
/// do) end without a period. A line goes on into one that starts in lower
/// case, or into one whose first word did not fit in the wrap's width,
/// when at least half the run's lines go on in lower case.
fn join_wrapped_runs(mut lines: Vec<String>) -> Vec<String> {
    let widths: Vec<usize> = lines.iter().map(|l| eff_len(l)).collect();
    let leads: Vec<Option<bool>> = (0..lines.len())
        .map(|i| leads_on(&lines, &widths, i))
        .collect();
    let runs = Leads::new(&leads);
    let wrapped = (0..lines.len())
        .filter(|&i| (i == 0 || leads[i - 1].is_none()) && runs.run_end(&lines, i, WRAP_CHAIN) > i)
        .count();
    let chain = if wrapped >= WRAPPED_PAGE_RUNS {
        2
    } else {
        WRAP_CHAIN
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let j = runs.run_end(&lines, i, chain);
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

    #[test]
    fn a_wrap_before_a_name_or_after_a_dash_is_joined_in_a_wrapped_page() {
        let text = "Notes from the workshop\n\
            This short note about the river survey reminded me to write\n\
            the rest of the story down.\n\
            The survey started in the spring of 1994, when the county\n\
            bought its first boat with an echo sounder. A week later\n\
            Win Harper from the harbour office drew a chart that all of\n\
            us pinned to the wall — and the old paper maps lying around\n\
            in the drawers of the office were forgotten for good.\n\
            Then we decided to measure the whole estuary, from the weir\n\
            down to the sea, one bend at a time and twice a year, with\n\
            the boat and the chart and a great deal of coffee.\n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[1].ends_with("write the rest of the story down."));
        assert!(lines[2].contains("A week later Win Harper"));
        assert!(lines[2].contains("the wall — and the old"));
        assert!(lines[2].ends_with("for good."));
    }
}
