//! A figure's caption set as a line of the text: "Abbildung 4: A weak
//! layer in the snowpack", "Fig. 2. Sales by region", "Grafik: Snow
//! depths". The label and number say it tells of a picture, which the
//! text does not hold; it is a caption, not the article's sentence. So is
//! a line closed by a mark saying its picture is a stock one ("Wer die
//! Äste auf die Wege zieht, ist unklar (Symbolbild).").

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

/// Marks closing a caption of a stock or archive picture, lowercased.
const STOCK_MARKS: &[&str] = &[
    "(symbolbild)",
    "(symbolfoto)",
    "(archivbild)",
    "(archivfoto)",
    "(foto ilustrativa)",
    "(imagen ilustrativa)",
    "(photo d'illustration)",
    "(file photo)",
    "(stock photo)",
];

/// Whether the lowercased `text` is a caption closed by a stock picture's
/// mark.
pub(super) fn is_stock_caption(text: &str) -> bool {
    let text = text.trim_end_matches(['.', ' ']);
    STOCK_MARKS.iter().any(|m| text.ends_with(m))
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

    #[test]
    fn a_stock_pictures_mark_closes_a_caption() {
        assert!(is_stock_caption(
            "wer die äste auf die wege zieht, ist unklar (symbolbild)."
        ));
        assert!(is_stock_caption("un bebé en brazos (foto ilustrativa)"));
        assert!(!is_stock_caption(
            "the symbolbild (stock image) was used across the country."
        ));
    }
}
