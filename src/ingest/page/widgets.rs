//! Lines naming the page's own widgets rather than saying anything of the
//! article (see `lines`). Short ones: a label dressed in brackets or
//! dashes ("(Alle Angaben ohne Gewähr)", "- Anzeige -") or followed by a
//! remark or a count ("No comments (they appear after review)", "Comments:
//! 0"), a prompt to share the article ("Liked the article? Share it!"), a
//! link to download a file ("Download this transcript as PDF", "PDF | 38
//! KB"), a stock-photo credit alone ("iStock.com"), and a pointer to
//! another story set apart by an arrow ("Read also » Other headline") or
//! by "here" ("Read another story here"). Up to `TEASER_LEN`: a teaser
//! ending in its "more" link, a placeholder for embedded content, a cookie
//! or paywall notice, a server's error message. Every check takes the line
//! lowercased and trimmed. Last, headings and colon lines closing the text
//! introduce nothing (`drop_dangling_end`).

use super::lines::bare;
use super::phrases::LABELS;
use super::related_heads::RELATED;
use super::scan::Found;
use crate::ingest::htmltext::HtmlText;
use crate::model::Block;

/// A share prompt is this short (characters).
const SHARE_LEN: usize = 60;

/// A download label without a file size is this short; with one, it may be
/// as long as any page line.
const DOWNLOAD_LEN: usize = 50;

/// Verbs asking to share.
const SHARE: &[&str] = &[
    "share",
    "teilen",
    "teile",
    "partager",
    "partagez",
    "compartir",
    "comparte",
    "condividi",
    "udostępnij",
];

/// Nouns by which a page names itself.
const PAGE_NOUNS: &[&str] = &[
    "article",
    "post",
    "story",
    "page",
    "artikel",
    "beitrag",
    "seite",
    "artículo",
    "articolo",
    "artykuł",
];

/// Verbs offering a file.
pub(super) const DOWNLOAD: &[&str] = &[
    "download",
    "herunterladen",
    "downloaden",
    "télécharger",
    "descargar",
    "scarica",
    "pobierz",
    " als pdf",
    " as pdf",
    " en pdf",
];

/// Stock-photo libraries, whose name alone or after a slash is a credit
/// ("Reading room / Shutterstock"). News agencies are not here: a
/// caption's "Name / Agency" credits the photographer, and the text of
/// a news story names agencies.
pub(super) const STOCK: &[&str] = &[
    "shutterstock",
    "istock",
    "adobe stock",
    "adobestock",
    "pixabay",
    "unsplash",
    "pexels",
];

/// A credit naming a stock library holds at most this many words.
pub(super) const STOCK_WORDS: usize = 3;

/// Whether `text` (lowercased, trimmed, short) is one of the lines the
/// module's comment lists; `found` holds its phrases.
pub(super) fn is_widget_line(text: &str, found: &Found) -> bool {
    is_label(text)
        || is_share_prompt(text)
        || is_download(text, found)
        || is_stock_credit(text)
        || is_arrow_pointer(text)
        || is_here_pointer(text)
}

/// Starts of a short line pointing to another page by "here" (its link
/// lost or kept).
const HERE_STARTS: &[&str] = &[
    "click here",
    "klicken sie hier",
    "hier klicken",
    "lesen sie hier",
    "cliquez ici",
    "haga clic aquí",
];

/// Ends of such a line ("All about walking boots you find here.").
const HERE_ENDS: &[&str] = &[
    "findest du hier",
    "finden sie hier",
    "findet ihr hier",
    "lesen sie hier",
    "click here",
    "hier klicken",
];

/// A short line sending the reader to another page "here": "Lesen Sie
/// hier einen weiteren Beitrag …", "Alles über Wanderschuhe findest Du
/// hier."
fn is_here_pointer(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| ".:!…›» ".contains(c));
    HERE_STARTS.iter().any(|p| text.starts_with(p)) || HERE_ENDS.iter().any(|p| end.ends_with(p))
}

/// A label alone, in brackets or dashes, or with a remark in words in
/// brackets or a count after a colon. A count in brackets, "Comments (5
/// posted)", is a link to the comments on a page listing several
/// stories, and stays with each story.
fn is_label(text: &str) -> bool {
    let is = |t: &str| LABELS.contains(&bare(t));
    let dressed = text.trim_matches(|c: char| "()[]-–—* ".contains(c));
    if is(text) || is(dressed) {
        return true;
    }
    let remark = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .is_some_and(|(label, remark)| is(label) && !remark.contains(|c: char| c.is_ascii_digit()));
    let count = dressed.rsplit_once(':').is_some_and(|(label, n)| {
        n.trim().parse::<u32>().is_ok()
            && label
                .split_whitespace()
                .next()
                .is_some_and(|w| LABELS.contains(&w))
    });
    remark || count
}

/// A short question, call or label asking to share the article: "Möchten
/// Sie den Artikel teilen?", "Liked the post? Share it!", "Share this
/// story:".
fn is_share_prompt(text: &str) -> bool {
    if text.chars().count() > SHARE_LEN || !text.ends_with(['?', '!', ':']) {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    has(SHARE) && has(PAGE_NOUNS)
}

/// A link to a PDF: a short label with a verb offering it ("Dieses Skript
/// als PDF herunterladen"), or a label with the file's size ("Report
/// PDF | 38 KB").
fn is_download(text: &str, found: &Found) -> bool {
    if !text.contains("pdf") {
        return false;
    }
    let offered = text.chars().count() <= DOWNLOAD_LEN && found.download;
    offered || has_file_size(text)
}

/// "38 KB", "1,2 MB".
fn has_file_size(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        matches!(
            w[1].trim_end_matches([',', ')', '|']),
            "kb" | "mb" | "kib" | "mib"
        ) && w[0]
            .trim_start_matches('(')
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && w[0].chars().any(|c| c.is_ascii_digit())
    })
}

/// A credit naming a stock library alone on a line: "iStock.com",
/// "Shutterstock/Jane Doe".
fn is_stock_credit(text: &str) -> bool {
    STOCK.iter().any(|s| text.starts_with(s)) && text.split_whitespace().count() <= STOCK_WORDS
}

/// Separators setting a pointer's label apart from the headline it points
/// to; not a colon, which also opens the story's own lines
/// ("Recommended: two tablets a day").
const ARROWS: &[char] = &['»', '›', '>', '|', '→'];

/// A related phrase, an arrow, then a headline: "À lire aussi » Other
/// headline", whether or not the headline is still a link.
fn is_arrow_pointer(text: &str) -> bool {
    RELATED.iter().any(|p| {
        text.strip_prefix(p)
            .is_some_and(|rest| rest.trim_start().starts_with(ARROWS))
    })
}

/// A teaser or a placeholder may be this long (characters).
const TEASER_LEN: usize = 300;

/// Links to the rest of a teased story.
const MORE: &[&str] = &[
    "mehr",
    "mehr lesen",
    "weiterlesen",
    "more",
    "read more",
    "continue reading",
    "lire la suite",
    "leer más",
    "seguir leyendo",
    "continua a leggere",
    "czytaj dalej",
    "leia mais",
    "lees meer",
];

/// Phrases of a placeholder for embedded content the reader has not
/// agreed to load ("Click the button to load the content from ..."), of a
/// cookie notice, or of a button described to the reader ("Mit diesem
/// Button kannst Du die Folge zu deiner Liste hinzufügen").
pub(super) const CONSENT: &[&str] = &[
    "um den inhalt von",
    "um inhalte von",
    "inhalt zu laden",
    "inhalte zu laden",
    "externe inhalte",
    "ohne dein einverständnis",
    "ohne ihr einverständnis",
    "ohne ihre zustimmung",
    "to load the content",
    "to load this content",
    "click to load",
    // Placeholders of embedded posts and videos.
    "um dieses element zu sehen",
    "to see this element",
    "to view this content",
    "content is imported from",
    "ce contenu est importé",
    "este contenido se importa",
    "wir nutzen cookies",
    "wir verwenden cookies",
    "we use cookies",
    "utilizamos cookies",
    "nous utilisons des cookies",
    // A button described to the reader.
    "mit diesem button",
    "with this button",
    "avec ce bouton",
    "con este botón",
];

/// Phrases of a paywall's notice: the rest of the story is for
/// subscribers.
pub(super) const PAYWALL: &[&str] = &[
    "pour lire la suite",
    "réservé aux abonnés",
    "to view the full story",
    "to read the full story",
    "to read the full article",
    "for subscribers only",
    "um weiterzulesen",
    "um den ganzen artikel zu lesen",
    "nur für abonnenten",
    "para seguir leyendo",
    "para continuar leyendo",
    "exclusivo para suscriptores",
];

/// Lines about the page that may be longer than most (see `TEASER_LEN`):
/// a teaser of another story ending in its "more" link ("Weather of
/// the past… more"), a placeholder for embedded content or a cookie
/// notice, a paywall's notice, and an error message of the page's
/// server. Takes the line lowercased and trimmed, its length in
/// characters and its phrases.
pub(super) fn is_long_widget_line(text: &str, len: usize, found: &Found) -> bool {
    len <= TEASER_LEN
        && (is_more_teaser(text) || is_server_error(text) || found.consent || found.paywall)
}

/// A "more" link after an ellipsis or a finished sentence: "Auskunft über
/// vergangenes Wetter… mehr •••", "See for yourself! Read more". The word
/// within a sentence ("she wanted more") is the story's.
fn is_more_teaser(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| "•›»>→.… \u{a0}".contains(c));
    MORE.iter().any(|m| {
        t.strip_suffix(m).is_some_and(|head| {
            let head = head.trim_end_matches([' ', '\u{a0}']);
            head.len() < t.len() - m.len() && head.ends_with(['…', '.', '!', '?'])
        })
    })
}

/// How a PHP server's messages begin.
const SERVER_ERRORS: &[&str] = &[
    "warning: ",
    "notice: ",
    "deprecated: ",
    "fatal error: ",
    "parse error: ",
    "strict standards: ",
];

/// An error message the page's server printed into it: "Warning: Creating
/// default object from empty value in /www/site/classes.php on line 407".
pub(in crate::ingest) fn is_server_error(text: &str) -> bool {
    SERVER_ERRORS.iter().any(|e| text.starts_with(e)) && text.contains(".php on line ")
}

/// A closing line introducing what follows is this short (characters).
const INTRO_LEN: usize = 80;

/// Removes the headings and the short lines ending in a colon that close
/// `body`: they introduce what the page showed after the article (a map,
/// a list of other blogs, links), which is not in the text, so they
/// introduce nothing. Pictures after such a heading (teasers' own) go
/// with it. A question as the closing heading asks the reader ("Rather
/// not cycle alone?") and goes too; a statement stays.
pub fn drop_dangling_end(body: &mut HtmlText) {
    loop {
        // Pictures after the heading (a teaser's, a logo) do not make it
        // introduce anything.
        let pictures = body
            .blocks
            .iter()
            .rev()
            .take_while(|b| matches!(b, Block::Image { caption: None, .. }))
            .count();
        let Some(last) = body.paragraphs.len().checked_sub(pictures + 1) else {
            return;
        };
        let text = body.paragraphs[last].trim_end();
        // A heading saying a statement is a pull quote or the closing
        // paragraph set large, not a section's title.
        let heading = matches!(body.blocks.get(last), Some(Block::Heading { .. }))
            && text.chars().count() <= INTRO_LEN
            && !text.ends_with(['.', '!']);
        let image = matches!(body.blocks.get(last), Some(Block::Image { .. }));
        let intro = !image && text.ends_with(':') && text.chars().count() <= INTRO_LEN;
        if !(heading || intro) || last == 0 {
            return;
        }
        for _ in 0..=pictures {
            body.remove(last);
        }
    }
}

#[cfg(test)]
#[path = "widgets_tests.rs"]
mod tests;
