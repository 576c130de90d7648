//! Rows of a table copied inside the article: "10.000 € 36 Monate 2,0 %
//! 286,35 €", one line per row, its cells run together with spaces. Such
//! lines are short and end without a full stop, so they read as headings
//! or labels; two rows of figures or more in a row, with the article's
//! prose on both sides, are its table (with the header line over them).

use super::lines::{Kind, Line};

/// Cells holding a figure that make a line a table's row.
const ROW_FIGURES: usize = 2;

/// Rows of figures a table has at least.
const MIN_ROWS: usize = 2;

/// Lines of a table (header and rows) at most.
const MAX_LINES: usize = 40;

fn is_plain(l: &Line) -> bool {
    matches!(l.kind, Kind::Heading | Kind::Short)
}

/// A plain line (no date in it) with [`ROW_FIGURES`] cells holding a
/// figure, one of them a measure: a decimal ("1,7", "2.3") or an amount
/// or share ("350 €", "2 %"). A headline's figures are counts and years
/// ("Top 10 stories of 2020").
fn is_row(l: &Line) -> bool {
    let cells: Vec<&str> = l.text.split_whitespace().collect();
    let figures = cells
        .iter()
        .filter(|cell| cell.chars().any(|c| c.is_ascii_digit()))
        .count();
    is_plain(l) && l.date.is_none() && figures >= ROW_FIGURES && cells.iter().any(|c| is_measure(c))
}

const UNITS: &[char] = &['€', '$', '£', '%', '¥'];

fn is_measure(cell: &str) -> bool {
    let chars: Vec<char> = cell.chars().collect();
    let decimal = chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], ',' | '.') && w[2].is_ascii_digit());
    decimal || cell.contains(UNITS)
}

/// Whether the line is a row of figures next to another (a table's row,
/// "Joie i-Level 300 € ja 1,7"): never a headline.
pub(super) fn in_table(lines: &[Line], i: usize) -> bool {
    let row = |j: Option<usize>| j.is_some_and(|j| is_row(&lines[j]));
    let content = |j: &usize| lines[*j].kind != Kind::Noise;
    is_row(&lines[i])
        && (row((0..i).rev().find(content)) || row((i + 1..lines.len()).find(content)))
}

/// Flags, for each line of `start..=end`, whether it belongs to a table
/// set between two lines of the article's prose.
pub(super) fn table_lines(lines: &[Line], start: usize, end: usize) -> Vec<bool> {
    let mut flags = vec![false; lines.len()];
    let end = end.min(lines.len().saturating_sub(1));
    let mut i = start;
    while i <= end {
        if !is_plain(&lines[i]) {
            i += 1;
            continue;
        }
        let run_end = (i..=end)
            .take_while(|&j| is_plain(&lines[j]) || lines[j].kind == Kind::Noise)
            .last()
            .unwrap_or(i);
        let rows = (i..=run_end).filter(|&j| is_row(&lines[j])).count();
        let prose_before = (start..i)
            .rev()
            .find(|&j| lines[j].kind != Kind::Noise)
            .is_some_and(|j| lines[j].is_text());
        let prose_after = lines.get(run_end + 1).is_some_and(Line::is_text) && run_end < end;
        let plain = (i..=run_end).filter(|&j| is_plain(&lines[j])).count();
        // Every line but a header over the rows is a row.
        let all_rows = rows + 1 >= plain;
        if rows >= MIN_ROWS && all_rows && plain <= MAX_LINES && prose_before && prose_after {
            for flag in &mut flags[i..=run_end] {
                *flag = true;
            }
        }
        i = run_end + 1;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::super::lines;
    use super::*;

    fn flags(text: &str) -> Vec<bool> {
        let page = lines::build(lines::split_lines(text));
        let n = page.len();
        table_lines(&page, 0, n - 1)
    }

    const BEFORE: &str = "The rate you pay depends first of all on the sum you borrow and on how long you take to pay it back.\n";
    const AFTER: &str = "A longer term lowers the monthly rate but raises what you pay in interest over the whole loan.\n";

    #[test]
    fn rows_of_figures_between_paragraphs_are_a_table() {
        let text = format!(
            "{BEFORE}Sum Term Rate Monthly Interest\n5.000 € 36 months 2,0 % 143,17 €\n\
             10.000 € 36 months 2,0 % 286,35 €\n{AFTER}"
        );
        assert_eq!(flags(&text), vec![false, true, true, true, false]);
    }

    #[test]
    fn a_row_beside_another_is_in_a_table() {
        let page = lines::build(lines::split_lines(
            "18 Child Seats Tested: Four Fail\nJoie i-Level 300 € yes 1,7\n\
             Osann Fox 189 € yes 5,5\nTop 10 Stories Of 2020\n",
        ));
        assert!(!in_table(&page, 0));
        assert!(in_table(&page, 1));
        assert!(in_table(&page, 2));
        assert!(!in_table(&page, 3));
    }

    #[test]
    fn labels_headings_and_a_lone_row_are_no_table() {
        // A subheading between paragraphs, a box of headlines with one
        // figure each, a single row, a table closing the text.
        for middle in [
            "How the rate is set\n",
            "Top 10 stories of 2020\nThe 5 best bikes\nWhat 3 readers said\n",
            "5.000 € 36 months 2,0 % 143,17 €\n",
        ] {
            let text = format!("{BEFORE}{middle}{AFTER}");
            assert!(flags(&text).iter().all(|f| !f), "{middle}");
        }
        let text = format!("{BEFORE}5.000 € 36 months 2,0 %\n10.000 € 36 months 2,0 %\n");
        assert!(flags(&text).iter().all(|f| !f));
    }
}
