//! Short lines of the page's metadata that the phrase lists of `lines`
//! miss because of what surrounds the phrase: several "label: value" pairs
//! on one line ("Date: 4 May 2024 Category: News"), and a site's address
//! alone ("EXAMPLE.COM") standing as the story's source.

use super::phrases::PREFIXES;

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
    is_label_pairs(text) || is_address(text)
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
    fn an_address_alone_goes_and_names_with_dots_stay() {
        assert!(is_address("dailycourier.com"));
        assert!(is_address("www.courier-news.co.uk"));
        assert!(!is_address("node.js"));
        assert!(!is_address("see courier.com"));
        assert!(!is_address("courier.com/news"));
        assert!(!is_address(".com"));
    }
}
