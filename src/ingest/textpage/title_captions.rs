//! A headline-like line that captions a picture: it carries the picture's
//! credit, a file mark closes it, or a credit line follows it.

use super::lines::{Kind, Line};

/// Marks of a picture's credit, in a caption or on a line of its own.
const CREDITS: &[&str] = &[
    "image:",
    "images:",
    "photo:",
    "photos:",
    "photo by ",
    "photograph:",
    "photograph by ",
    "photograph by:",
    "credit:",
    "credits:",
    "photo credit",
    "getty images",
    "crédit photo",
    "crédits photo",
    "foto:",
    "foto di ",
    "bild:",
    "symbolbild",
    "symbolfoto",
    "imagen:",
    "fotografía:",
    "ap photo",
    "afp photo",
    "reuters/",
];

/// Closing marks of a caption under an archive picture ("… training
/// ahead of a match. (FILE)").
const FILE_MARKS: &[&str] = &["(file)", "(file photo)", "(file picture)", "(archive)"];

/// A picture's caption: the line carries a credit after its text ("… |
/// AP Photo", "… Crédits photo : X"), or the line under it is one ("Image:
/// X"). A line that opens with the mark ("Photos: …") is a headline.
pub(super) fn captions_a_picture(lines: &[Line], i: usize) -> bool {
    let lower = lines[i].text.trim().to_lowercase();
    caption_before_credit(&lines[i].text).is_some()
        || lower.starts_with("file photo:")
        || FILE_MARKS.iter().any(|m| lower.ends_with(m))
        || (i + 1..lines.len())
            .find(|&j| lines[j].kind != Kind::Noise)
            .is_some_and(|j| is_credit_line(&lines[j]))
}

/// The words (of two letters or more) of a line before the picture's
/// credit it carries after its text ("… | AP Photo", "… Kessmann.Foto:
/// X"), if it carries one.
fn caption_before_credit(text: &str) -> Option<usize> {
    let lower = text.trim().to_lowercase();
    let at = CREDITS
        .iter()
        .filter_map(|c| lower.find(c).filter(|&at| at > 0))
        .min()?;
    let words = lower[..at]
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    Some(words.count())
}

/// Fewest words of a caption before its credit.
const CAPTION_WORDS: usize = 3;

/// Whether the line is a picture's caption with its credit after it ("In
/// the homes the rate is high, says Kessmann.Foto: X"); a credit alone
/// ("© X/Getty Images") is none.
pub(super) fn is_credited_caption(text: &str) -> bool {
    !text.trim_start().starts_with('©')
        && caption_before_credit(text).is_some_and(|words| words >= CAPTION_WORDS)
}

/// A picture's credit on a line of its own ("Image: X", "AP Photo/X").
pub(super) fn is_credit_line(line: &Line) -> bool {
    let lower = line.text.trim().to_lowercase();
    CREDITS.iter().any(|c| lower.starts_with(c)) && line.words <= 8
}
