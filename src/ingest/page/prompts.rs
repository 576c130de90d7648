//! Short lines of a page's controls and prompts, found by their wording:
//! a call to comment ("Tell us in the comments:"), a toggle's label
//! ("Bild anzeigen", "Quellen ausblenden"), a shop's notice ("The item was
//! added to your cart"), a pointer to the next page ("Weiter zu ...") and
//! a line sending the reader to click ("Einfach hier klicken und
//! registrieren!"): the story's text has no buttons to click.

/// Phrases of a prompt to log in before commenting ("You must be logged
/// in to post a comment"), on a short line.
pub(super) const LOGIN_PROMPTS: &[&str] = &[
    "must be logged in",
    "log in to comment",
    "log in to leave a comment",
    "logged in to post",
    "einloggen, um",
    "eingeloggt sein",
    "nicht eingeloggt",
    "anmelden, um zu kommentieren",
    "connecté pour",
    "iniciar sesión para comentar",
];

/// Where a call to comment sends the reader.
const COMMENT_PLACES: &[&str] = &[
    "in the comments",
    "in the comment section",
    "in den kommentaren",
    "in die kommentare",
    "dans les commentaires",
    "en los comentarios",
    "en comentarios",
    "nei commenti",
    "w komentarzach",
];

/// Words by which a line speaks to the reader.
const READER: &[&str] = &[
    "you", "your", "us", "let", "sie", "du", "ihr", "euch", "dir", "uns", "vous", "nous", "tu",
    "usted", "ustedes", "ti", "voi", "nam",
];

/// Toggles' verbs that close a German label ("Bild anzeigen"); none of
/// them ends a heading of a story.
const TOGGLES: &[&str] = &[
    "anzeigen",
    "ausblenden",
    "einblenden",
    "aufklappen",
    "zuklappen",
    "ausklappen",
];

/// A shop's notices about the cart or the wish list, its prompts for
/// reviews and its offers to members.
const SHOP_NOTICES: &[&str] = &[
    "erfolgreich hinzugefügt",
    "zum warenkorb hinzugefügt",
    "added to your cart",
    "added to cart",
    "added to your wishlist",
    "ajouté au panier",
    "añadido al carrito",
    "aggiunto al carrello",
    // Its prompts for reviews.
    "be the first to review",
    "write a review",
    "share your experience",
    "bewertung schreiben",
    "schreiben sie eine bewertung",
    "teilen sie uns ihre erfahrungen",
    "erste bewertung",
    "escribe una reseña",
    "écrire un avis",
    // And its offers to members.
    "erhalten sie exklusive angebote",
    "exklusive angebote erhalten",
    "get exclusive offers",
    "receive exclusive offers",
];

/// Starts of a line pointing to the next page.
const NEXT_STARTS: &[&str] = &[
    "weiter zu ",
    "weiter zum ",
    "weiter zur ",
    "continue to page",
    "next page",
    "nächste seite",
    "page suivante",
    "página siguiente",
];

/// Phrases asking the reader to click.
const CLICK_HERE: &[&str] = &[
    "click here",
    "tap here",
    "hier klicken",
    "klicken sie hier",
    "klicke hier",
    "cliquez ici",
    "haga clic aquí",
    "haz clic aquí",
    "clicca qui",
    "kliknij tutaj",
];

/// Whether `text` (lowercased, trimmed, a short line) is one of the lines
/// the module's comment lists.
pub(super) fn is_prompt_line(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let calls_to_comment = text.ends_with([':', '?', '!'])
        && COMMENT_PLACES.iter().any(|p| text.contains(p))
        && words.iter().any(|w| READER.contains(w));
    let toggle = words.len() <= 4 && words.last().is_some_and(|w| TOGGLES.contains(w));
    let start = text.trim_start_matches(['.', '…', '»', '›', ' ']);
    calls_to_comment
        || toggle
        || SHOP_NOTICES.iter().any(|p| text.contains(p))
        || NEXT_STARTS.iter().any(|p| start.starts_with(p))
        || (CLICK_HERE.iter().any(|p| text.contains(p)) && !text.contains(['"', '“', '„', '«']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_to_comment_go_and_a_report_of_comments_stays() {
        assert!(is_prompt_line("tell us in the comments!"));
        assert!(is_prompt_line(
            "was meinen sie? schreiben sie es in die kommentare!"
        ));
        assert!(!is_prompt_line("readers wrote in the comments:"));
        assert!(!is_prompt_line("she replied in the comments."));
    }

    #[test]
    fn toggles_shop_notices_and_next_page_pointers_go() {
        assert!(is_prompt_line("karte anzeigen karte ausblenden"));
        assert!(is_prompt_line("alle zutaten einblenden"));
        assert!(is_prompt_line("der artikel wurde erfolgreich hinzugefügt."));
        assert!(is_prompt_line(
            "bitte teilen sie uns ihre erfahrungen mit, wenn sie ihn probiert haben."
        ));
        assert!(is_prompt_line("be the first to review this product"));
        assert!(is_prompt_line(
            "for me und erhalten sie exklusive angebote!"
        ));
        assert!(is_prompt_line("... weiter zu \"der zweite teil\""));
        assert!(!is_prompt_line("neue wege in der stadt"));
        assert!(!is_prompt_line(
            "wir haben uns weiter zu einem treffen verabredet."
        ));
    }

    #[test]
    fn a_line_asking_to_click_goes_and_a_quoted_one_stays() {
        assert!(is_prompt_line(
            "jetzt auch digital! einfach hier klicken und registrieren!"
        ));
        assert!(!is_prompt_line(
            "the menu said \"click here\" in six places."
        ));
    }
}
