//! The legal links of a page's footer ("Impressum | Datenschutz", "Privacy
//! Policy"): the page's last furniture, never part of an article.

use super::lines::marker_key;

/// Legal links, as [`marker_key`] writes them.
const LEGAL: &[&str] = &[
    "impressum",
    "datenschutz",
    "datenschutzerklärung",
    "datenschutzhinweise",
    "nutzungsbedingungen",
    "agb",
    "imprint",
    "legal notice",
    "privacy",
    "privacy policy",
    "privacy notice",
    "cookie policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "terms & conditions",
    "mentions légales",
    "politique de confidentialité",
    "aviso legal",
    "política de privacidad",
    "política de privacidade",
    "note legali",
    "informativa sulla privacy",
    "polityka prywatności",
];

/// Separators between the links of a footer's row.
const SEPARATORS: &[&str] = &[" | ", " · ", " • ", " / ", " - "];

/// Most words of a link of such a row.
const LINK_WORDS: usize = 4;

/// Longest such row, in characters.
const ROW_CHARS: usize = 160;

/// A legal link alone on its line, or a row of short links with one
/// among them ("Kontakt | Impressum | Datenschutz").
pub(super) fn is_legal_footer(text: &str) -> bool {
    if text.chars().count() > ROW_CHARS {
        return false;
    }
    let legal = |item: &str| LEGAL.contains(&marker_key(item).as_str());
    if legal(text) {
        return true;
    }
    SEPARATORS.iter().any(|sep| {
        let items: Vec<&str> = text.split(sep).map(str::trim).collect();
        items.len() >= 2
            && items
                .iter()
                .all(|i| !i.is_empty() && i.split_whitespace().count() <= LINK_WORDS)
            && items.iter().any(|i| legal(i))
    })
}

#[cfg(test)]
mod tests {
    use super::is_legal_footer;

    #[test]
    fn legal_links_and_their_rows_are_the_footer() {
        for line in [
            "Impressum",
            "IMPRESSUM | DATENSCHUTZ",
            "Kontakt · Impressum · Datenschutzerklärung",
            "Privacy Policy",
            "About us | Terms of Use | Contact",
            "Mentions légales",
        ] {
            assert!(is_legal_footer(line), "{line}");
        }
    }

    #[test]
    fn prose_about_privacy_is_not() {
        for line in [
            "Datenschutz ist ein Grundrecht, das die Regierung schützen muss.",
            "Privacy | a long essay on why the law fails those who need it most",
            "Kontakt | Über uns",
            "Privacy matters",
        ] {
            assert!(!is_legal_footer(line), "{line}");
        }
    }
}
