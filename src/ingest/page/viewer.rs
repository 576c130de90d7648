//! An image viewer's controls read as text: a line of its buttons ("Bild
//! anzeigen Bild schließen", "Click to enlarge"), or a caption's sentence
//! telling how to enlarge the picture ("Zum Vergrößern auf das Bild
//! klicken."). They work the page's viewer, which the reader does not
//! show; the caption's own words stay.

/// The viewer's button labels, lowercased.
const LABELS: &[&str] = &[
    "bild anzeigen",
    "bild schließen",
    "bild vergrößern",
    "bilder anzeigen",
    "vergrößern",
    "click to enlarge",
    "click to zoom",
    "enlarge",
    "enlarge image",
    "show image",
    "hide image",
    "close image",
    "view image",
    "agrandir",
    "agrandir l'image",
    "ampliar",
    "ampliar imagen",
    "ingrandisci",
    "powiększ",
];

/// A sentence telling how to enlarge holds one of these with a word of
/// clicking (`CLICKS`).
const ENLARGE: &[&str] = &[
    "vergrößern",
    "vergrössern",
    "enlarge",
    "zoom",
    "agrandir",
    "ampliar",
    "ingrandire",
    "powiększyć",
];

const CLICKS: &[&str] = &[
    "klick", "click", "clic", "tap", "cliquez", "clicca", "kliknij",
];

/// Such a sentence is this short (characters).
const SENTENCE_LEN: usize = 70;

/// Whether the lowercased, trimmed `text` is made of the viewer's labels
/// alone ("bild anzeigen bild schließen").
pub(super) fn is_viewer_line(text: &str) -> bool {
    let mut rest = text.trim_end_matches(['.', '!', ' ']);
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        // The longest label the rest starts with, as whole words.
        let label = LABELS
            .iter()
            .filter(|l| {
                rest.strip_prefix(**l)
                    .is_some_and(|after| after.is_empty() || after.starts_with([' ', '|', '/']))
            })
            .max_by_key(|l| l.len());
        let Some(label) = label else {
            return false;
        };
        rest = rest[label.len()..].trim_start_matches([' ', '|', '/']);
    }
    true
}

/// The caption without its sentences telling how to enlarge the picture,
/// or `None` when it has none.
pub(super) fn without_enlarge_hints(caption: &str) -> Option<String> {
    let sentences: Vec<&str> = caption.split_inclusive(". ").collect();
    let is_hint = |s: &&str| {
        let lower = s.trim().to_lowercase();
        lower.chars().count() <= SENTENCE_LEN
            && ENLARGE.iter().any(|w| lower.contains(w))
            && CLICKS.iter().any(|w| lower.contains(w))
    };
    if !sentences.iter().any(is_hint) {
        return None;
    }
    let kept: String = sentences.iter().filter(|s| !is_hint(s)).copied().collect();
    Some(kept.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_viewer_buttons_is_one() {
        for line in [
            "bild anzeigen bild schließen",
            "click to enlarge",
            "vergrößern",
            "click to zoom | close image",
        ] {
            assert!(is_viewer_line(line), "{line}");
        }
        for line in [
            "vergrößern will the council the library next year",
            "zoomed out, the town looks small",
            "show images of the flood to the council",
            "",
        ] {
            assert!(!is_viewer_line(line), "{line}");
        }
    }

    #[test]
    fn a_caption_loses_its_hint_to_enlarge_and_keeps_its_words() {
        assert_eq!(
            without_enlarge_hints(
                "Die Pläne des neuen Flügels. Zum Vergrößern auf das Bild klicken. CC-BY 2.0"
            )
            .as_deref(),
            Some("Die Pläne des neuen Flügels. CC-BY 2.0")
        );
        assert_eq!(
            without_enlarge_hints("The new wing. Click the map to enlarge.").as_deref(),
            Some("The new wing.")
        );
        assert_eq!(
            without_enlarge_hints("Readers click through the new catalogue."),
            None
        );
        assert_eq!(
            without_enlarge_hints("The library will enlarge its reading room."),
            None
        );
    }
}
