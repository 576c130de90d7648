//! Verse (a song's lyrics, a poem): a long run of short lines written as
//! sentences, with a chorus that comes back. No line of it ends like prose,
//! yet it is the page's text, not a list of headlines or a menu.

use std::collections::HashMap;

use super::lines::{Kind, Line, is_title_cased};

/// Lines of verse in a row, at least.
const MIN_LINES: usize = 12;
/// Longest line of verse, in Latin-character equivalents.
const MAX_EFF: usize = 90;
/// Distinct lines that come back (a chorus), at least.
const MIN_REPEATED: usize = 2;
/// Times a chorus's line is sung, at least: a headline is listed twice at
/// most (a "most read" box then a "most shared" one).
const CHORUS_TIMES: usize = 3;

/// A line that may be one of verse: short, not a date or a credit, not in
/// Title Case (headlines and menu items are).
fn is_verse_line(l: &Line) -> bool {
    matches!(l.kind, Kind::Heading | Kind::Short | Kind::Noise)
        && l.date.is_none()
        && l.byline.is_none()
        && l.eff <= MAX_EFF
        && !is_title_cased(&l.text)
}

/// Marks as text the runs of verse: [`MIN_LINES`] verse lines or more in a
/// row (noise aside), most of four words or more, [`MIN_REPEATED`] of them
/// sung [`CHORUS_TIMES`] times or more within the run.
pub(super) fn mark_verse(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if !is_verse_line(&lines[i]) || lines[i].kind == Kind::Noise {
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| !is_verse_line(&lines[j]))
            .unwrap_or(lines.len());
        if is_verse(&lines[i..end]) {
            for l in &mut lines[i..end] {
                if l.words >= 2 && l.kind != Kind::Noise || l.words >= 4 {
                    l.kind = Kind::Text;
                }
            }
        }
        i = end.max(i + 1);
    }
}

fn is_verse(run: &[Line]) -> bool {
    let content: Vec<&Line> = run.iter().filter(|l| l.words >= 1).collect();
    if content.len() < MIN_LINES {
        return false;
    }
    let long = content.iter().filter(|l| l.words >= 4).count();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for l in &content {
        *seen.entry(l.text.to_lowercase()).or_default() += 1;
    }
    let repeated = seen.values().filter(|&&n| n >= CHORUS_TIMES).count();
    long * 10 >= content.len() * 6 && repeated >= MIN_REPEATED
}

#[cfg(test)]
mod tests {
    use super::super::{lines, parse_text_page};
    use super::*;

    const VERSE: &str = "I walked along the river in the rain\nThe bridge was old and I was young again\n\
The lights went down across the sleeping town\n";
    const CHORUS: &str = "Carry me over the water tonight\nCarry me over and hold me tight\n\
Chorus:\n";

    #[test]
    fn a_song_with_a_chorus_is_the_pages_text() {
        let page = format!(
            "Home\nLyrics\n“River Bridge” Lyrics : The Town Band\nMarch 3, 2021 in Pop\n\
{VERSE}{CHORUS}{VERSE}{CHORUS}{VERSE}{CHORUS}You might also like:\n“Harbour” Lyrics : The Boats\n"
        );
        let article = parse_text_page(&page).expect("a song is a page");
        assert_eq!(article.title, "“River Bridge” Lyrics : The Town Band");
        assert!(
            article
                .body
                .iter()
                .any(|p| p == "Carry me over the water tonight")
        );
    }

    #[test]
    fn headlines_listed_twice_are_no_verse() {
        let list: String = (0..8)
            .map(|n| format!("The council votes on the new bridge, day {n}\n"))
            .collect();
        let mut built = lines::build(lines::split_lines(&format!("{list}{list}")));
        mark_verse(&mut built);
        assert!(built.iter().all(|l| l.kind != Kind::Text));
    }
}
