//! Page boilerplate in text copies: lines matching the phrase lists
//! (`boiler_phrases.rs`), image placeholders, comment counters, "powered
//! by" credits, ratings and rows of buttons.

use super::boiler_forms::FORM_CONTAINS;
use super::boiler_phrases::{EXACT, LONG_CONTAINS, SHORT_CONTAINS};
use super::lines::marker_key;
use super::phrases::matches_list;

/// Image placeholders and similar lines that carry nothing.
const NOISE_CONTAINS: &[&str] = &[
    "immagine di copertina",
    "view this image",
    "image placeholder",
    "cover image",
    "image de couverture",
    "imagen de portada",
];

pub(super) fn is_noise(text: &str, eff: usize) -> bool {
    if is_encoded_blob(text) {
        return true;
    }
    let lower = text.to_lowercase();
    if eff <= PROMO_CHARS && is_latest_promo(text, &lower) {
        return true;
    }
    eff <= 60 && (NOISE_CONTAINS.iter().any(|p| lower.contains(p)) || is_comment_count(&lower))
}

/// A run of Latin letters and digits this long without a space is no word.
const BLOB_CHARS: usize = 60;

/// Encoded data copied with the page (a base64 widget, a long hash): a
/// line mostly one run of ASCII letters, digits and `+/=_-` without a
/// space, longer than any word. Scripts written without spaces are not
/// ASCII.
pub(super) fn is_encoded_blob(text: &str) -> bool {
    let blob: usize = text
        .split_whitespace()
        .filter(|run| {
            run.len() >= BLOB_CHARS
                && run
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b))
        })
        .map(str::len)
        .sum();
    blob > 0 && blob * 2 >= text.len()
}

/// Names of a comment count's unit.
const COMMENT_UNITS: &[&str] = &[
    "comment",
    "comments",
    "commento",
    "commenti",
    "commentaire",
    "commentaires",
    "kommentar",
    "kommentare",
    "comentario",
    "comentarios",
    "comentários",
    "replies",
    "responses",
];

/// Most words of a comment counter ("New, 203 comments", "203 comments /
/// new"): a widget's count, set anywhere between a headline and its deck.
const COMMENT_COUNT_WORDS: usize = 4;

/// A comment counter: a number and a comment unit, in a few words.
fn is_comment_count(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= COMMENT_COUNT_WORDS
        && words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words.iter().any(|w| COMMENT_UNITS.contains(w))
}

/// Most words of a "powered by" credit ("Proudly powered by WordPress");
/// a longer line saying it is a headline ("Gadgets Powered by Alexa").
const POWERED_BY_WORDS: usize = 5;

/// Longest pitch of a topic's page or a newsletter.
const PROMO_CHARS: usize = 120;
/// How such a pitch opens: "The latest news about …", "The latest on …".
const LATEST: &[&str] = &[
    "the latest news",
    "the latest on ",
    "the latest about ",
    "the latest from ",
    "the latest political news",
    "the latest headlines",
];

/// The pitch of a topic's page or a newsletter set into an article ("The
/// latest on artificial intelligence, from machine learning to computer
/// vision and more"): one phrase opened by "the latest" and what it
/// brings. Set between paragraphs like a link, it parts none of them.
fn is_latest_promo(text: &str, lower: &str) -> bool {
    LATEST.iter().any(|p| lower.starts_with(p)) && !super::lines::has_inner_sentence_end(text)
}

/// A credit to the software or service behind the page: opened by "powered
/// by", or a short line holding it.
fn is_powered_by(lower: &str) -> bool {
    lower.starts_with("powered by")
        || (lower.contains("powered by") && lower.split_whitespace().count() <= POWERED_BY_WORDS)
}

/// Names of the count under a rating ("1,0 bei 2 Bewertungen").
const RATING_UNITS: &[&str] = &[
    "bewertung",
    "bewertungen",
    "sterne",
    "sternen",
    "review",
    "reviews",
    "rating",
    "ratings",
    "stars",
    "avis",
    "valoraciones",
    "recensioni",
    "opinii",
];

/// A product's or a recipe's rating: a score with a decimal ("4.5",
/// "1,0") opening the line, and the unit of the count.
fn is_rating(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let score = words.next().unwrap_or_default();
    let decimal = score
        .split_once([',', '.'])
        .is_some_and(|(a, b)| is_number(a) && is_number(b.trim_end_matches([',', ')'])));
    decimal && words.any(|w| RATING_UNITS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Longest caption read with its credit.
const CAPTION_CHARS: usize = 350;
/// Longest credit closing a caption.
const CREDIT_CHARS: usize = 70;
/// Labels that open a picture's credit at a caption's end.
const CREDIT_MARKS: &[&str] = &[
    "©",
    "(quelle:",
    "(foto:",
    "(photo:",
    "(bild:",
    "(picture by",
    "(photo by",
    "(photos by",
    "(picture:",
    "(image:",
    "(credit:",
    "(foto di",
    "(foto von",
    " foto:",
    " photo:",
    " bild:",
    " kuva:",
    " photograph:",
];

/// A picture's caption closed by its credit ("Lee Elder at the Masters.
/// | © Augusta National/Getty Images", "… (Quelle: Fleischmann/DJV)"): one
/// sentence at most, then a few words after a copyright sign or a credit
/// label, with no sentence after them.
fn ends_with_credit(lower: &str) -> bool {
    let Some(at) = CREDIT_MARKS.iter().filter_map(|m| lower.rfind(m)).max() else {
        return false;
    };
    let (caption, credit) = lower.split_at(at);
    // A caption is a sentence; a paragraph of several is the article's,
    // naming its source ("… gehen weiter. (Quelle: SWR)").
    let caption = caption.trim_end_matches([' ', '|', '.', '–', '-', '(']);
    // A period after a number marks an ordinal or a date ("am 21. Januar").
    let stops = caption
        .match_indices(". ")
        .filter(|&(at, _)| !caption[..at].ends_with(|c: char| c.is_ascii_digit()));
    let sentences = stops.count() + caption.matches("! ").count();
    at > 0
        && sentences == 0
        && credit.chars().count() <= CREDIT_CHARS
        && !credit.contains(". ")
        && !credit.trim_end().ends_with(['.', '!', '?'])
}

/// Verbs of a download button's label ("Grafik herunterladen").
const DOWNLOAD: &[&str] = &[
    "download",
    "herunterladen",
    "downloaden",
    "télécharger",
    "scarica",
    "descargar",
    "pobierz",
];
/// Ends of a link to a file's copy ("Originalartikel als PDF").
const AS_FILE: &[&str] = &["als pdf", "as pdf", "(pdf)", "en pdf", "in pdf"];
/// Most words of such a label.
const BUTTON_WORDS: usize = 4;

/// A button or a link to download a file: a few words ending with a
/// download verb or naming the file's format.
fn is_download_button(lower: &str) -> bool {
    let lower = lower.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    lower.split_whitespace().count() <= BUTTON_WORDS
        && (lower
            .rsplit(' ')
            .next()
            .is_some_and(|last| DOWNLOAD.contains(&last))
            || AS_FILE.iter().any(|e| lower.ends_with(e)))
}

/// A row of buttons the copy joined into one line ("Share Facebook Twitter
/// E-mail"): two or more words, each a button's whole label.
fn is_button_row(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "|" | "·" | "•" | "/" | "-" | "–"))
        .collect();
    words.len() >= 2
        && words.iter().all(|w| {
            let key = marker_key(w);
            !key.is_empty() && matches_list(&key, EXACT)
        })
}

pub(super) fn is_boilerplate(text: &str, eff: usize) -> bool {
    let lower = text.to_lowercase();
    if eff <= 40 && matches_list(&marker_key(text), EXACT) {
        return true;
    }
    if super::lines::shapes::is_post_link(text) {
        return true;
    }
    if eff <= 80 && is_button_row(text) {
        return true;
    }
    if eff <= 100
        && SHORT_CONTAINS
            .iter()
            .chain(super::stamps::READING_TIME)
            .any(|p| lower.contains(p))
    {
        return true;
    }
    if eff <= 100 && is_powered_by(&lower) {
        return true;
    }
    if eff <= CAPTION_CHARS && ends_with_credit(&lower) {
        return true;
    }
    if eff <= 60 && (is_rating(&lower) || is_download_button(&lower)) {
        return true;
    }
    if crate::ingest::page::is_server_error(&lower) {
        return true;
    }
    let hits = LONG_CONTAINS
        .iter()
        .chain(FORM_CONTAINS)
        .filter(|p| lower.contains(*p))
        .count();
    hits >= 2 || (hits == 1 && eff <= 300)
}
