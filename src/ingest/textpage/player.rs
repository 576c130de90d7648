//! Signs that a headline-like line titles a video or a slide, not the
//! page: a playlist's running times, a player's label, the player's
//! controls, a slide show's arrows.

use super::lines::{Kind, Line};

/// Whether the page holds a video playlist: three lines or more with a
/// running time ("03:29", "1:02:12", "02:12 - Source: X") under them. Its
/// entries are other videos; one time under one line may be the clock time
/// of a headline's update, and a headline it is then.
pub(super) fn has_playlist(lines: &[Line]) -> bool {
    (0..lines.len())
        .filter(|&j| running_time_under(lines, j))
        .take(3)
        .count()
        >= 3
}

/// A running time on the line under `i`.
pub(super) fn running_time_under(lines: &[Line], i: usize) -> bool {
    let Some(next) = (i + 1..lines.len()).find(|&j| lines[j].kind != Kind::Noise) else {
        return false;
    };
    let text = lines[next].text.trim();
    let lead: &str = text.split_whitespace().next().unwrap_or_default();
    let parts: Vec<&str> = lead.split(':').collect();
    let is_duration = (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !is_duration || text.split_whitespace().count() > 6 {
        return false;
    }
    // A clock time ("10:30 am") under a headline dates it; it runs no video.
    let lower = text.to_lowercase();
    !(lower.contains("am") || lower.contains("pm") || lower.contains("uhr"))
}

/// A player's label with its running time on the line above `i` ("VIDEO
/// 3:49", "Video03:49"): the line is the title of a video, not of the page.
/// A bare time above a headline may be a clock time dating it, so the label
/// is required.
pub(super) fn running_time_above(lines: &[Line], i: usize) -> bool {
    let Some(prev) = super::prev_content(lines, i) else {
        return false;
    };
    let text = lines[prev].text.trim();
    if text.split_whitespace().count() > 3 {
        return false;
    }
    let time = text.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
    let label = text.len() - time.len();
    let b = time.as_bytes();
    let minutes = b.iter().take_while(|c| c.is_ascii_digit()).count();
    label >= 4
        && (1..=2).contains(&minutes)
        && b.get(minutes) == Some(&b':')
        && b.len() >= minutes + 3
        && b[minutes + 1..minutes + 3].iter().all(u8::is_ascii_digit)
        && !time.to_lowercase().contains('m')
}

/// Labels of a video player's controls, lower-cased, as a copy gives them
/// one per line.
const CONTROLS: &[&str] = &[
    "unmute",
    "mute",
    "play",
    "play video",
    "pause",
    "replay",
    "fullscreen",
    "non-fullscreen",
    "close modal dialog",
    "video player is loading.",
];

/// Words of a player's or a slide box's controls as a copy joins them in a
/// row ("pause play Hide Box Show Box"), lower-cased.
const CONTROL_WORDS: &[&str] = &[
    "play",
    "pause",
    "stop",
    "mute",
    "unmute",
    "hide",
    "show",
    "box",
    "next",
    "previous",
    "prev",
    "close",
    "fullscreen",
];

/// Fewest words of a row of controls.
const CONTROL_ROW_WORDS: usize = 3;

/// Whether the line is a row of a player's controls, every word one.
pub(super) fn is_controls_row(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.len() >= CONTROL_ROW_WORDS && words.iter().all(|w| CONTROL_WORDS.contains(&w.as_str()))
}

/// Lines above a headline-like line searched for a player's control.
const CONTROLS_REACH: usize = 2;

/// Whether the line is a row of controls, or one of the two lines above
/// `i` a player's control ("Unmute", "Close Modal Dialog"): the line is the
/// title the player shows over its video. A headline opens the article;
/// the player comes under it, not above.
pub(super) fn under_player_controls(lines: &[Line], i: usize) -> bool {
    is_controls_row(&lines[i].text)
        || (0..i)
            .rev()
            .filter(|&j| !lines[j].text.trim().is_empty())
            .take(CONTROLS_REACH)
            .any(|j| CONTROLS.contains(&lines[j].text.trim().to_lowercase().as_str()))
}

/// A slide show's arrows as a copy joins them, lower-cased.
const SLIDER_ARROWS: &[&str] = &[
    "previous next",
    "prev next",
    "zurück weiter",
    "vorherige nächste",
    "précédent suivant",
    "anterior siguiente",
    "precedente successivo",
    "poprzedni następny",
];

/// Whether a slide show's arrows come right under `i`: the line is the
/// caption of its last slide.
pub(super) fn over_slider_arrows(lines: &[Line], i: usize) -> bool {
    (i + 1..lines.len())
        .find(|&j| !lines[j].text.trim().is_empty())
        .is_some_and(|j| {
            let key: Vec<String> = lines[j]
                .text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            SLIDER_ARROWS.contains(&key.join(" ").as_str())
        })
}
