//! Bylines in the text: "By Jane Doe", "Von Max Muster und Erika Beispiel,
//! dpa", "Por Agencia EFE". They say who wrote the article (the reader
//! shows the byline from the page's metadata), so a line that is only a
//! marker and names goes when it opens or closes the text; in the middle
//! it may be a heading ("Von Risiken und Nebenwirkungen"). So does a
//! sign-off closing the text: the editor's initials and the agency alone
//! on the last line ("aja/PAP", "jm/AFP", "RIRM"). Opening the text, the
//! authors' names alone ("Mateusz Seroka, Piotr Żochowski") are a byline
//! too, and a word alone is the section's label ("Analizy").

use crate::ingest::htmltext::HtmlText;
use crate::model::Block;

/// How many blocks at each end of the text may be a byline.
const REACH: usize = 3;

/// A byline is short.
const MAX_CHARS: usize = 80;

/// Words that open a byline, lowercased.
const MARKERS: &[&str] = &["by", "von", "por", "par", "door", "av", "af"];

/// Lowercase words a list of names may hold: "and", "de", "van der".
const JOINERS: &[&str] = &[
    "and", "und", "y", "et", "e", "i", "og", "en", "&", "de", "del", "da", "di", "do", "du", "van",
    "von", "der", "den", "la", "le", "zu",
];

/// Removes the bylines opening or closing `body` (see the module's comment).
pub fn drop_byline_lines(body: &mut HtmlText) {
    let mut at = 0;
    while at < body.paragraphs.len().min(REACH) {
        let text = &body.paragraphs[at];
        // A paragraph with more text after it.
        let paragraph = (body.blocks.is_empty()
            || matches!(body.blocks.get(at), Some(Block::Paragraph { .. })))
            && at + 1 < body.paragraphs.len();
        if is_byline(text) || (paragraph && (is_name_list(text) || is_label_word(text))) {
            body.remove(at);
        } else {
            at += 1;
        }
    }
    let last_text = (0..body.paragraphs.len())
        .rev()
        .find(|&i| !matches!(body.blocks.get(i), Some(Block::Image { .. })));
    if let Some(last) = last_text.filter(|&i| i > 0 && is_signoff(&body.paragraphs[i])) {
        body.remove(last);
    }
    let mut from_end = 0;
    while from_end < REACH.min(body.paragraphs.len()) {
        let at = body.paragraphs.len() - 1 - from_end;
        if is_byline(&body.paragraphs[at]) {
            body.remove(at);
        } else {
            from_end += 1;
        }
    }
}

/// A marker, then names (capitalised words and joiners), then perhaps a
/// place, desk or agency after a comma ("Von Max Muster, Berlin", "By Jane
/// Doe, dpa").
fn is_byline(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS || text.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let mut parts = text.split(',');
    let mut names = parts.next().unwrap_or_default().split_whitespace();
    let Some(marker) = names.next() else {
        return false;
    };
    if !MARKERS.contains(&marker.to_lowercase().as_str()) {
        return false;
    }
    let names: Vec<&str> = names.collect();
    let name_like =
        |w: &&str| w.chars().next().is_some_and(char::is_uppercase) || JOINERS.contains(w);
    !names.is_empty()
        && names.len() <= 6
        && names.iter().all(name_like)
        && names.first().is_some_and(|w| !JOINERS.contains(w))
        && parts.all(|p| p.split_whitespace().count() <= 4)
}

/// Two or more names apart by commas or a joiner, each of two or three
/// capitalised words ("Mateusz Seroka, Piotr Żochowski", "Jane Doe and
/// John Roe").
fn is_name_list(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let mut names = 0;
    for part in text.split(',') {
        let mut words = 0;
        for word in part.split_whitespace() {
            if JOINERS.contains(&word) {
                if words > 0 {
                    names += usize::from((2..=3).contains(&words));
                    if !(2..=3).contains(&words) {
                        return false;
                    }
                    words = 0;
                }
                continue;
            }
            let capitalised = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
            if !capitalised {
                return false;
            }
            words += 1;
        }
        if !(2..=3).contains(&words) {
            return false;
        }
        names += 1;
    }
    names >= 2
}

/// A single word of letters: a section's label opening the text. Scripts
/// written without spaces (from U+2E80 on: Chinese, Japanese) put a
/// sentence in one "word" and are not judged.
fn is_label_word(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= 30
        && text
            .chars()
            .all(|c| (c.is_alphabetic() && c < '\u{2e80}') || c == '-')
}

/// Initials and agency codes apart by slashes, each of two to six
/// letters ("aja/PAP"); one code alone is in capitals ("RIRM"), which a
/// word of the story alone on the last line is not.
fn is_signoff(text: &str) -> bool {
    let text = text.trim().trim_start_matches('(').trim_end_matches(')');
    let parts: Vec<&str> = text.split('/').collect();
    let code =
        |p: &&str| (2..=6).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic);
    let capitals = |p: &&str| p.chars().all(char::is_uppercase);
    (1..=3).contains(&parts.len())
        && parts.iter().all(code)
        && (parts.len() > 1 || parts.iter().all(capitals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::test_support::{STORY, kept_by};

    fn kept(html: &str) -> Vec<String> {
        kept_by(html, drop_byline_lines)
    }

    #[test]
    fn bylines_opening_or_closing_the_text_go() {
        let html = format!(
            "<p>Von Max Muster und Erika Beispiel, dpa</p>{STORY}{STORY}\
             <p>By Jane Doe, Metro Desk, New York</p>"
        );
        assert_eq!(kept(&html).len(), 2);
        let html = format!("<p>Por Agencia EFE</p>{STORY}");
        assert_eq!(kept(&html).len(), 1);
    }

    #[test]
    fn names_alone_or_a_word_alone_opening_the_text_go() {
        let html = format!(
            "<p>Analizy</p><p>Mateusz Seroka, Piotr Żochowski</p>\
             <p>Jane Doe and John Roe</p>{STORY}"
        );
        assert_eq!(kept(&html).len(), 1, "{:?}", kept(&html));
        // Places, a sentence of names, a heading stay.
        for line in [
            "Paris, London",
            "Jane Doe, John Roe said yes",
            "Anna Rossi, 2021",
        ] {
            let html = format!("<p>{line}</p>{STORY}");
            assert_eq!(kept(&html).len(), 2, "{line}");
        }
        assert_eq!(kept(&format!("<h2>Analizy</h2>{STORY}")).len(), 2);
        assert_eq!(
            kept(&format!("<p>中美合作共赢是大势所趋</p>{STORY}")).len(),
            2
        );
    }

    #[test]
    fn a_sign_off_closing_the_text_goes() {
        for sign in ["aja/PAP", "RIRM", "(jm/AFP)"] {
            let html = format!("{STORY}{STORY}<p>{sign}</p>");
            assert_eq!(kept(&html).len(), 2, "{sign}");
        }
        // A word of the story, or a sign-off alone, stays.
        for line in ["Thanks!", "Finally", "Anna/Rome, 2021"] {
            let html = format!("{STORY}{STORY}<p>{line}</p>");
            assert_eq!(kept(&html).len(), 3, "{line}");
        }
        assert_eq!(kept("<p>AFP</p>").len(), 1);
    }

    #[test]
    fn sentences_and_headings_starting_like_bylines_stay() {
        let html = format!(
            "<p>By the time we arrived, the vote was over</p>\
             <p>Von Barzahler-Rabatten profitieren</p><p>By Tuesday.</p>{STORY}"
        );
        assert_eq!(kept(&html).len(), 4);
        // In the middle a line of this shape is a heading.
        let html = format!(
            "{STORY}{STORY}{STORY}<h2>Von Risiken und Nebenwirkungen</h2>{STORY}{STORY}{STORY}"
        );
        assert_eq!(kept(&html).len(), 7);
    }
}
