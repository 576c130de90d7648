//! The page's description as the article's standfirst, unless the text
//! already holds it. Descriptions are often the opening of the text cut
//! short ("… Read more", "[…]"), or a paragraph further down; shown above
//! the text they would say the same thing twice. A description that only
//! starts like the text and goes on in words of its own is a standfirst.

use unicode_normalization::UnicodeNormalization;

use super::phrases::{DISCLOSURES, LABELS};
use crate::ingest::htmltext::squash;

/// A description shorter than this (in characters) is a copy only when it
/// matches a whole opening paragraph.
const MIN_KEY: usize = 30;

/// Endings of a description cut from the text, lowercased.
const CUT_MARKS: &[&str] = &[
    "read more",
    "continue reading",
    "weiterlesen",
    "weiterlesen →",
    "mehr lesen",
    "lire la suite",
    "leer más",
    "[…]",
    "[...]",
    "(…)",
    "(...)",
    "…",
    "...",
];

/// The description, unless one of `paragraphs` already holds it (or its
/// opening, when it is longer than that).
pub fn standfirst(description: Option<&str>, paragraphs: &[String]) -> Option<String> {
    let description = without_disclosure(description?)?;
    let whole = squash(description);
    // The text's opening holds the description, or the description holds
    // one of the first paragraphs whole.
    let opens = paragraphs
        .iter()
        .take(3)
        .any(|p| p.contains(&whole) || whole.contains(p.as_str()));
    // Or a paragraph holds the description up to where it was cut (its
    // last word may be cut in half).
    let core = core(&whole);
    let key = core
        .rsplit_once(' ')
        .map_or(core.as_str(), |(head, _)| head);
    let long_key = key.chars().count() >= MIN_KEY;
    let cut_from = long_key
        && (paragraphs.iter().any(|p| p.contains(key)) || runs_over_opening(key, paragraphs));
    (!opens && !cut_from).then(|| description.to_string())
}

/// The description without the advertising label and disclosure it may
/// open with ("*Werbung. Dieser Beitrag enthält Werbung für …"): a note
/// on the page, not the story's summary. None when nothing else is left.
fn without_disclosure(description: &str) -> Option<&str> {
    let mut rest = description.trim_start();
    loop {
        let end = rest.find(". ").map_or(rest.len(), |at| at + 1);
        let sentence = rest[..end].to_lowercase();
        let label = sentence.trim_matches(|c: char| "*:.-–[]() ".contains(c));
        if !(LABELS.contains(&label) || DISCLOSURES.iter().any(|d| sentence.contains(d))) {
            break;
        }
        rest = rest[end..].trim_start();
    }
    (!rest.is_empty()).then_some(rest)
}

/// Paragraphs of the opening a description may run over.
const OPENING: usize = 6;

/// Whether `key` is the text's opening paragraphs run together (a
/// description made of the first paragraphs, cut), compared without
/// spaces and in one Unicode form: a page may spell "プ" as "フ" and a mark.
fn runs_over_opening(key: &str, paragraphs: &[String]) -> bool {
    let squeezed = |s: &str| -> String { s.nfc().filter(|c| !c.is_whitespace()).collect() };
    let opening: String = paragraphs
        .iter()
        .take(OPENING)
        .map(|p| squeezed(p))
        .collect();
    opening.contains(&squeezed(key))
}

/// The description without the marks of a cut at its end.
fn core(text: &str) -> String {
    let mut core = text.trim().to_string();
    loop {
        let lower = core.to_lowercase();
        let Some(mark) = CUT_MARKS.iter().find(|m| lower.ends_with(*m)) else {
            break;
        };
        // Lowercasing may change lengths; cut by characters from the end.
        let keep = core.chars().count() - mark.chars().count();
        core = core
            .chars()
            .take(keep)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    core
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(lines: &[&str]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    const OPENING_PARAGRAPH: &str = "The council voted on Tuesday to keep the library \
        open for another ten years, after a long debate.";

    #[test]
    fn a_description_cut_from_the_text_is_not_repeated() {
        let paragraphs = body(&["Kicker", OPENING_PARAGRAPH]);
        let cut = "The council voted on Tuesday to keep the library open for […]";
        assert_eq!(standfirst(Some(cut), &paragraphs), None);
        let cut = "The council voted on Tuesday to keep the library open... Read more";
        assert_eq!(standfirst(Some(cut), &paragraphs), None);
        // Further down the text too.
        let mut long = body(&["One.", "Two.", "Three.", "Four."]);
        long.push(OPENING_PARAGRAPH.to_string());
        assert_eq!(standfirst(Some(OPENING_PARAGRAPH), &long), None);
    }

    #[test]
    fn a_description_running_over_the_first_paragraphs_is_not_repeated() {
        let paragraphs = body(&[
            "Kicker",
            "罪悪感薄めでグリグリ回せるやつ。",
            "バンダイはこの4月から、カプセルトイ自販機を本格稼働することを発表しました。",
            "Suicaで好きなだけ回せます。",
            "や、やめ時が見つからない…！",
        ]);
        // Run together, with a space of its own, "プ" spelt "フ" + U+309A, cut.
        let cut = "罪悪感薄めでグリグリ回せるやつ。バンダイはこの4月から、カフ\u{309a}セルトイ\
            自販機を本格稼働することを発表しました。 Suicaで好きなだけ回せます。 や、";
        assert_eq!(standfirst(Some(cut), &paragraphs), None);
        let own = "罪悪感薄めで回せるやつ。 それでも小銭は要りません、とバンダイは言います。";
        assert_eq!(standfirst(Some(own), &paragraphs).as_deref(), Some(own));
    }

    #[test]
    fn a_description_of_its_own_stays() {
        let paragraphs = body(&[OPENING_PARAGRAPH]);
        let goes_on = "The council voted on Tuesday to keep the library open. Readers \
            had signed a petition.";
        assert_eq!(
            standfirst(Some(goes_on), &paragraphs).as_deref(),
            Some(goes_on)
        );
        let own = "Readers had signed a petition; the vote ends a year of doubt.";
        assert_eq!(standfirst(Some(own), &paragraphs).as_deref(), Some(own));
        assert_eq!(standfirst(None, &paragraphs), None);
    }

    #[test]
    fn an_advertising_note_opening_the_description_goes() {
        let paragraphs = body(&[OPENING_PARAGRAPH]);
        let noted = "*Werbung. Dieser Beitrag enthält Werbung für Acme. Readers had \
            signed a petition.";
        assert_eq!(
            standfirst(Some(noted), &paragraphs).as_deref(),
            Some("Readers had signed a petition.")
        );
        let cut = "Anzeige: Dieser Beitrag enthält Werbung. The council voted on \
            Tuesday to keep the library open for […]";
        assert_eq!(standfirst(Some(cut), &paragraphs), None);
        assert_eq!(standfirst(Some("Werbung."), &paragraphs), None);
    }
}
