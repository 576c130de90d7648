//! A figure's caption set as a line of the text: "Abbildung 4: A weak
//! layer in the snowpack", "Fig. 2. Sales by region", "Grafik: Snow
//! depths". The label and number say it tells of a picture, which the
//! text does not hold; it is a caption, not the article's sentence.

/// Labels naming a figure, lowercased.
const LABELS: &[&str] = &[
    "abbildung",
    "abb.",
    "figure",
    "fig.",
    "grafik",
    "illustration",
    "figura",
    "rysunek",
    "rys.",
];

/// Such a caption is this long at most (characters).
pub(super) const FIGURE_LEN: usize = 300;

/// Whether the lowercased `text` opens with a figure's label: the label,
/// perhaps a number, then a colon (or, after a number, a full stop).
pub(super) fn is_figure_caption(text: &str) -> bool {
    let Some(rest) = LABELS.iter().find_map(|l| text.strip_prefix(l)) else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let mut after = &rest[digits..];
    // "3a": a figure's part.
    if digits > 0 && after.starts_with(|c: char| c.is_ascii_lowercase()) {
        after = &after[1..];
    }
    let after = after.trim_start();
    let separated = after.starts_with(':') || (digits > 0 && after.starts_with('.'));
    separated && after[1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_or_colon_figure_label_opens_a_caption() {
        for line in [
            "abbildung 4: klassische schwachschicht.",
            "fig. 2. sales by region",
            "abbildung: vergleich auf dem gletscher",
            "figure 3a: the bridge at dusk",
        ] {
            assert!(is_figure_caption(line), "{line}");
        }
        for line in [
            "figure skating is back on the programme.",
            "grafiken zeigen, dass der schnee fehlt.",
            "abbildungen: keine",
            "figures: 12 of 30 towns voted.",
        ] {
            assert!(!is_figure_caption(line), "{line}");
        }
    }
}
