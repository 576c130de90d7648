//! A menu of teasers copied without the breaks between each label and its
//! blurb ("TaufeDie Taufe ist das Sakrament des Anfangs."): the lines read
//! as prose but are the site's menu.

use super::lines::Line;
use super::measure::{glued_junctions, is_cjk};

/// Words at the head of a line in which a label glued to its blurb shows.
const HEAD_WORDS: usize = 4;
/// Glued lines, with different labels, that make a menu of teasers
/// within [`REACH`] lines of one another.
const MENU_LINES: usize = 4;
/// Lines either side of a glued line within which its neighbours count.
const REACH: usize = 10;

/// The glued word at the head of a prose line, if any: a word in which a
/// lower-case letter runs into a capital that opens another word
/// ("BekenntnisChristlicher"). A brand written so ("WordPress") looks the
/// same, which is why only several different ones near together count.
/// Chinese and Japanese set Latin names among their own characters with
/// no space ("TensorFlowは"): no glue there.
fn glued_head(line: &Line) -> Option<&str> {
    if !line.is_text() || line.text.chars().any(is_cjk) {
        return None;
    }
    line.text
        .split_whitespace()
        .take(HEAD_WORDS)
        .find(|w| glued_junctions(w, 2) > 0)
}

/// Prose lines that are a glued menu's teasers: [`MENU_LINES`] or more
/// with different glued words, each within [`REACH`] lines of the next.
pub(super) fn glued_teasers(lines: &[Line]) -> Vec<bool> {
    let heads: Vec<Option<&str>> = lines.iter().map(glued_head).collect();
    let mut flags = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if heads[i].is_none() {
            i += 1;
            continue;
        }
        let mut chain = vec![i];
        let mut j = i + 1;
        while j < lines.len() && j <= chain[chain.len() - 1] + REACH {
            if heads[j].is_some() {
                chain.push(j);
            }
            j += 1;
        }
        let mut words: Vec<&str> = chain.iter().filter_map(|&k| heads[k]).collect();
        words.sort_unstable();
        words.dedup();
        if words.len() >= MENU_LINES {
            for &k in &chain {
                flags[k] = true;
            }
        }
        i = chain[chain.len() - 1] + 1;
    }
    flags
}
