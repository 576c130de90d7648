//! Short lines of the page's metadata that the phrase lists of `lines`
//! miss because of what surrounds the phrase: several "label: value" pairs
//! on one line ("Date: 4 May 2024 Category: News"), a site's address
//! alone ("EXAMPLE.COM") standing as the story's source, and a date told
//! by what happened then ("asked Feb 6, 2014 at 20:37").

use super::lines::is_date_line;
use super::phrases::PREFIXES;

/// Words telling what happened to a post at a date.
const DATED: &[&str] = &[
    "asked",
    "answered",
    "edited",
    "modified",
    "posted",
    "published",
    "gepostet",
    "bearbeitet",
    "geändert",
    "publié",
    "modifié",
    "publicado",
    "editado",
    "pubblicato",
];

/// Words joining a date and its time.
const AT: &[&str] = &["at", "on", "um", "am", "à", "le", "el", "a las", "alle"];

/// Top-level domains a source line ends with; a name such as "Node.js"
/// ends with none of them.
const DOMAINS: &[&str] = &[
    "com", "org", "net", "info", "news", "de", "at", "ch", "fr", "es", "it", "uk", "pl", "nl",
    "eu", "us", "ca", "au", "mx", "ar", "br", "vc", "tv",
];

/// Whether `text` (lowercased, trimmed, at most a short line) is a line of
/// "label: value" pairs with a label of `PREFIXES` after the first, or a
/// site's address alone.
pub(super) fn is_meta_line(text: &str) -> bool {
    is_label_pairs(text) || is_address(text) || is_dated(text)
}

/// "asked feb 6, 2014 at 20:37", "bearbeitet am 3. mai 2021": a word of
/// `DATED`, then a date alone (its time joined by a word of `AT`).
fn is_dated(text: &str) -> bool {
    let Some((first, rest)) = text.split_once(' ') else {
        return false;
    };
    if !DATED.contains(&first) {
        return false;
    }
    let mut date = format!(" {rest} ");
    for word in AT {
        date = date.replace(&format!(" {word} "), " ");
    }
    is_date_line(date.trim())
}

/// "News date : 21/04/2022 Category : Press Releases": two labels or
/// more, a later one a tag, category or date label.
fn is_label_pairs(text: &str) -> bool {
    let unspaced = text.replace(" :", ":");
    let Some((first, _)) = unspaced.split_once(':') else {
        return false;
    };
    if first.split_whitespace().count() > 3 || unspaced.matches(':').count() < 2 {
        return false;
    }
    PREFIXES
        .iter()
        .filter(|p| p.ends_with(':') && p.chars().next().is_some_and(char::is_alphabetic))
        .any(|p| unspaced.contains(&format!(" {p}")))
}

/// "EXAMPLE.COM", "www.example.org": one word, dotted, ending with a
/// known top-level domain.
fn is_address(text: &str) -> bool {
    if text.contains(char::is_whitespace) || text.contains(['@', '/']) {
        return false;
    }
    let text = text.strip_prefix("www.").unwrap_or(text);
    let Some((name, domain)) = text.rsplit_once('.') else {
        return false;
    };
    DOMAINS.contains(&domain)
        && !name.is_empty()
        && name
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_label_pairs_go_and_a_sentence_with_colons_stays() {
        assert!(is_label_pairs(
            "posted : 3 may 2024 categories : travel, food"
        ));
        assert!(is_label_pairs("datum: 03.05.2024 kategorie: lokales"));
        assert!(!is_label_pairs("the answer: yes. the reason: money."));
        assert!(
            !is_label_pairs("category: travel"),
            "one pair: the prefix rule's"
        );
    }

    #[test]
    fn a_date_told_by_what_happened_goes_and_a_sentence_stays() {
        assert!(is_dated("asked feb 6, 2014 at 20:37"));
        assert!(is_dated("bearbeitet am 03.05.2021 um 10:12"));
        assert!(is_dated("edited 2014-02-06"));
        assert!(!is_dated("asked about the vote at 20:37, the mayor left"));
        assert!(!is_dated("posted"));
    }

    #[test]
    fn an_address_alone_goes_and_names_with_dots_stay() {
        assert!(is_address("dailycourier.com"));
        assert!(is_address("www.courier-news.co.uk"));
        assert!(!is_address("node.js"));
        assert!(!is_address("see courier.com"));
        assert!(!is_address("courier.com/news"));
        assert!(!is_address(".com"));
    }
}
