//! Lines that are the page's furniture, never its headline: links to read
//! on, credits, links back, rows of links, breadcrumb steps, a writer's
//! credit label and a menu's items.

/// Links to go on reading that close a teaser's line, lowercased.
const MORE_LINKS: &[&str] = &[
    "read more",
    "continue reading",
    "learn more",
    "lire plus",
    "lire la suite",
    "en savoir plus",
    "weiterlesen",
    "mehr lesen",
    "mehr erfahren",
    "leer más",
    "seguir leyendo",
    "leggi di più",
    "continua a leggere",
    "leia mais",
    "czytaj więcej",
    "czytaj dalej",
];

/// A line closed by a link to read on ("… du Covid-19. Lire plus"): a
/// banner or a teaser pointing elsewhere, not the page's headline.
pub(super) fn ends_with_more_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    MORE_LINKS.iter().any(|m| {
        lower
            .strip_suffix(m)
            .is_some_and(|head| head.ends_with([' ', '.', '…', '|', '»']) && head.trim().len() > 1)
    })
}

/// Markers of a picture's credit or a copyright, with their colon, lowercased.
const CREDIT_LABELS: &[&str] = &[
    "copyright:",
    "©",
    "(c)",
    "bild:",
    "bilder:",
    "bildquelle:",
    "titelbild:",
    "foto:",
    "fotos:",
    "text & fotos:",
    "text und fotos:",
    "text & bilder:",
    "text and photos:",
    "texte et photos :",
    "texto y fotos:",
    "photo:",
    "photos:",
    "image:",
    "credit:",
    "credits:",
    "quelle:",
    "source:",
    "fuente:",
    "crédito:",
    "crédit :",
    "crédit:",
    "zdjęcie:",
    "fot.",
];

/// Most words after a credit's marker: a name or an agency.
const CREDIT_WORDS: usize = 4;

/// Starts of a link back to a list or a section, lowercased.
const BACK_LINKS: &[&str] = &[
    "back to ",
    "return to ",
    "zurück zu",
    "zurück zur ",
    "retour à ",
    "retour aux ",
    "volver a ",
    "torna a ",
    "torna alla ",
    "powrót do ",
];

/// Most words of a link back.
const BACK_WORDS: usize = 5;

/// A credit line ("Copyright: Accurec", "Bild: AdobeStock/rangizzz") or a
/// link back ("Zurück zum Lexikon"): the page's furniture, never its
/// headline. "Photos: The Best Of The Festival" says more than a name.
pub(super) fn is_credit_or_back_link(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let credit = CREDIT_LABELS.iter().any(|m| {
        lower
            .strip_prefix(m)
            .is_some_and(|rest| rest.split_whitespace().count() <= CREDIT_WORDS)
    });
    let back = BACK_LINKS.iter().any(|m| lower.starts_with(m))
        && lower.split_whitespace().count() <= BACK_WORDS;
    credit || back || is_conversation_credit(text)
}

/// Words that close a credit's label before the name it credits.
const CREDIT_ENDS: &[&str] = &["by", "von", "par", "di", "por", "door"];

/// Most words of a credit's label ("Fact checked by").
const CREDIT_LABEL_WORDS: usize = 4;

/// A short label closed by the word that introduces a name ("Verified by",
/// "Reviewed by"): the name comes on the next line, and the label is no
/// headline.
pub(super) fn awaits_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= CREDIT_LABEL_WORDS
        && words
            .last()
            .is_some_and(|w| CREDIT_ENDS.contains(&w.to_lowercase().as_str()))
}

/// Words that join the names of an interview's credit.
const CONVERSATION: &[&str] = &[
    " im gespräch mit ",
    " in conversation with ",
    " in conversazione con ",
    " en conversation avec ",
    " en conversación con ",
];

/// Most words of a name in an interview's credit.
const CONVERSATION_NAME_WORDS: usize = 4;

/// An interview's credit ("Richard David Precht im Gespräch mit Karin
/// Fischer"): capitalised names on both sides of the words that join them.
fn is_conversation_credit(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    // Offsets found in the lowercased text hold in the text itself only
    // when lowercasing kept every letter's length.
    if lower.len() != text.len() {
        return false;
    }
    let name = |part: &str| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (1..=CONVERSATION_NAME_WORDS).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    CONVERSATION.iter().any(|joint| {
        lower
            .find(joint)
            .is_some_and(|at| match (text.get(..at), text.get(at + joint.len()..)) {
                (Some(left), Some(right)) => {
                    left.split_whitespace().count() >= 2 && name(left) && name(right)
                }
                _ => false,
            })
    })
}

/// Most words of an item of a row of links.
const ROW_ITEM_WORDS: usize = 2;

/// A row of one- or two-word items set apart by " | " ("Impressum |
/// Datenschutz", "Business | January 2022"): links or a section and its
/// date. A headline with its site's name after a bar says more on one side.
pub(super) fn is_row_of_links(text: &str) -> bool {
    let items: Vec<&str> = text.split(" | ").map(str::trim).collect();
    items.len() >= 2
        && items
            .iter()
            .all(|item| !item.is_empty() && item.split_whitespace().count() <= ROW_ITEM_WORDS)
}

/// A line closed by an arrow ("Sie befinden sich hier >", "Über uns >"):
/// a step of a breadcrumb trail or a link onwards.
/// A French quotation's "»" closes what its "«" opened.
pub(super) fn ends_with_arrow(text: &str) -> bool {
    let mut back = text.trim_end().chars().rev();
    let last = back.next();
    let quoted =
        (last == Some('»') && text.contains('«')) || (last == Some('›') && text.contains('‹'));
    matches!(last, Some('>' | '»' | '›' | '→'))
        && back.next().is_some_and(char::is_whitespace)
        && !quoted
}

/// Fewest letters of the two words of a label that its description repeats.
const LABEL_LETTERS: usize = 6;
/// Fewest letters of the label's first word: no article ("A bizarre
/// election ends with a bizarre …").
const LABEL_WORD_LETTERS: usize = 4;

/// Whether the line is a menu item's label run into its description, which
/// names the label's first two words again ("Kinder- und Jugendschutz
/// Projekte zum Kinder- und Jugendschutz"): a link to a section, not a
/// headline. A headline may name one word twice ("Sixers game notes: …
/// leads Sixers to …").
pub(super) fn is_label_with_description(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect();
    if words.len() < 4 {
        return false;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let pair = words[..2].join(" ");
    letters(&words[0]) >= LABEL_WORD_LETTERS
        && letters(&pair) >= LABEL_LETTERS
        && words[2..].join(" ").contains(&pair)
}

/// Labels of a writer's credit, lowercased, with their colon.
const CREDIT_COLONS: &[&str] = &[
    "redaktion:",
    "autor:",
    "autorin:",
    "author:",
    "text:",
    "fotos:",
    "by:",
    "rédaction :",
    "rédaction:",
    "redacción:",
    "redazione:",
];

/// Whether a line holds a writer's credit label: with a date, it is the
/// story's date and credit line ("05.02.2020 - Redaktion: NAME"), however
/// many words it has; so it is in a row of fields set apart by bars.
pub(super) fn has_credit_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    CREDIT_COLONS.iter().any(|c| lower.contains(c))
}

/// Menu items on each side of a line from which it is itself one.
const MENU_SIDE: usize = 6;

/// Longest menu item, in words.
const MENU_ITEM_WORDS: usize = 3;

/// Longest menu item, in Latin-character equivalents.
const MENU_ITEM_EFF: usize = 30;

/// Whether a line reads as a menu's item: a few words, no date, no credit
/// (nor its "by"), no sentence's close.
fn is_menu_item(line: &super::lines::Line) -> bool {
    let text = line.text.trim();
    line.kind != super::lines::Kind::Text
        && line.words <= MENU_ITEM_WORDS
        && line.eff <= MENU_ITEM_EFF
        && line.date.is_none()
        && line.byline.is_none()
        && !super::stamps::is_relative_stamp(text)
        && !CREDIT_ENDS.contains(&text.to_lowercase().as_str())
        && !awaits_a_name(text)
        && !text.ends_with(['.', '!', '?', ':'])
}

/// Whether a line sits inside a menu set one item per line ("Wer wir sind",
/// "Amnesty International in Deutschland", "Unsere Geschichte"): menu items
/// run on both sides of it. A headline has a menu above it or share buttons
/// below, not both so close.
pub(super) fn in_menu_column(lines: &[super::lines::Line], i: usize) -> bool {
    i >= MENU_SIDE
        && i + MENU_SIDE < lines.len()
        && (1..=MENU_SIDE).all(|d| is_menu_item(&lines[i - d]) && is_menu_item(&lines[i + d]))
}

/// Labels of a site's own pages, lowercased, that close a menu's row.
const SITE_PAGES: &[&str] = &[
    "über uns",
    "about us",
    "contact us",
    "kontakt",
    "impressum",
    "datenschutz",
    "qui sommes-nous",
    "chi siamo",
    "quiénes somos",
    "sobre nosotros",
];

/// Most words of such a row.
const SITE_ROW_WORDS: usize = 6;

/// A short row of links closed by the label of one of the site's own pages
/// ("Abo Shop Über uns"): its menu, not a headline, which would not end on
/// "About us".
pub(super) fn ends_with_site_page(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.split_whitespace().count() <= SITE_ROW_WORDS
        && SITE_PAGES.iter().any(|p| {
            lower
                .strip_suffix(p)
                .is_some_and(|head| head.ends_with(' ') && !head.trim().is_empty())
        })
}

/// Bars from which a line is a row of fields ("26 | 01 | 2022 Schweiz |
/// Praxis | Video Text & Fotos: …").
const ROW_BARS: usize = 3;

pub(super) fn is_barred_row(text: &str) -> bool {
    text.matches(" | ").count() >= ROW_BARS
}

/// Whether the line ends with " | " and a year ("… Costumes | 2020").
pub(super) fn ends_with_a_barred_year(text: &str) -> bool {
    text.trim_end().rsplit_once(" | ").is_some_and(|(_, tail)| {
        tail.len() == 4 && tail.chars().all(|c| c.is_ascii_digit()) && tail.starts_with(['1', '2'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_menu_label_run_into_its_description_is_no_headline() {
        assert!(is_label_with_description(
            "Kinder- und Jugendschutz Projekte zum Kinder- und Jugendschutz"
        ));
        assert!(!is_label_with_description(
            "Sixers game notes: Joel Embiid leads Sixers to a start"
        ));
        assert!(!is_label_with_description(
            "Rocket Pass 4 in Rocket League brings a new season"
        ));
        assert!(!is_label_with_description(
            "A bizarre election ends with a bizarre Electoral College tally"
        ));
    }

    #[test]
    fn a_banner_closed_by_a_link_to_read_on_is_not_the_headline() {
        assert!(ends_with_more_link(
            "Mapping the virus: our observatory. Read more"
        ));
        assert!(ends_with_more_link(
            "Cartographier le coronavirus. Lire plus »"
        ));
        assert!(!ends_with_more_link("Read more"));
        assert!(!ends_with_more_link("Why we read more than ever"));
    }

    #[test]
    fn credits_links_back_and_rows_of_links_are_not_headlines() {
        for furniture in [
            "Copyright: Accurec",
            "Bild: AdobeStock/rangizzz",
            "Text & Fotos: Anna Rossi 0 337",
            "© Jane Doe / Agency",
            "Zurück zum Lexikon",
            "Back to all events",
        ] {
            assert!(is_credit_or_back_link(furniture), "{furniture}");
        }
        for headline in [
            "Photos: The Best Pictures Of The Summer Festival",
            "Copyright Law Reform Passes The Senate",
            "Back to school: what parents need to know this year",
        ] {
            assert!(!is_credit_or_back_link(headline), "{headline}");
        }
        assert!(is_row_of_links("Impressum | Datenschutz"));
        assert!(is_row_of_links("Betriebsführung | Januar 2022"));
        assert!(!is_row_of_links(
            "Council Approves The River Bridge | The Town Paper"
        ));
    }
}
