//! Short lines naming the page's own widgets rather than saying anything of
//! the article (see `lines`): a label dressed in brackets or dashes
//! ("(Alle Angaben ohne Gewähr)", "- Anzeige -") or followed by a remark
//! or a count ("No comments (they appear after review)", "Comments: 0"), a
//! prompt to share the article ("Liked the article? Share it!"), a link to
//! download a file ("Download this transcript as PDF", "PDF | 38 KB"), a
//! stock-photo credit alone ("iStock.com"), and a pointer to another
//! story set apart by an arrow ("Read also » Other headline").
//! Every check takes the line lowercased and trimmed. Last, headings and
//! colon lines closing the text introduce nothing (`drop_dangling_end`).

use super::lines::bare;
use super::phrases::{LABELS, RELATED};
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
const DOWNLOAD: &[&str] = &[
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
/// module's comment lists.
pub(super) fn is_widget_line(text: &str) -> bool {
    is_label(text)
        || is_share_prompt(text)
        || is_download(text)
        || is_stock_credit(text)
        || is_arrow_pointer(text)
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
fn is_download(text: &str) -> bool {
    if !text.contains("pdf") {
        return false;
    }
    let offered = text.chars().count() <= DOWNLOAD_LEN && DOWNLOAD.iter().any(|d| text.contains(d));
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

/// A closing line introducing what follows is this short (characters).
const INTRO_LEN: usize = 80;

/// Removes the headings and the short lines ending in a colon that close
/// `body`: they introduce what the page showed after the article (a map,
/// a list of other blogs, links), which is not in the text, so they
/// introduce nothing.
pub fn drop_dangling_end(body: &mut HtmlText) {
    while let Some(last) = body.paragraphs.len().checked_sub(1) {
        let text = body.paragraphs[last].trim_end();
        // A heading saying a sentence is a pull quote or the closing
        // paragraph set large, not a section's title.
        let heading = matches!(body.blocks.get(last), Some(Block::Heading { .. }))
            && text.chars().count() <= INTRO_LEN
            && !text.ends_with(['.', '!', '?']);
        let image = matches!(body.blocks.get(last), Some(Block::Image { .. }));
        let intro = !image && text.ends_with(':') && text.chars().count() <= INTRO_LEN;
        if !(heading || intro) || last == 0 {
            return;
        }
        body.remove(last);
    }
}

#[cfg(test)]
mod tests {
    use super::drop_dangling_end;
    use crate::ingest::htmltext::html_to_text;
    use crate::ingest::page::lines::drop_page_lines;
    use crate::ingest::page::test_support::{STORY, kept_by};

    fn kept(html: &str) -> Vec<String> {
        kept_by(html, drop_page_lines)
    }

    const ONLY_STORY: [&str; 1] = ["The council voted on Tuesday to keep the library open."];

    #[test]
    fn labels_in_brackets_or_dashes_or_with_a_remark_or_count_go() {
        let html = format!(
            "{STORY}<p>(Alle Angaben ohne Gewähr)</p><p>- Anzeige-</p>\
             <p>Keine Kommentare (Kommentare erscheinen erst nach Freigabe)</p>\
             <p>Kommentare insgesamt: 0</p><p>Comments: 12</p><p>Comments (5 posted)</p>"
        );
        assert_eq!(kept(&html)[1..], ["Comments (5 posted)"]);
        // A sentence with a label's word and a count is the story's.
        let html = format!("{STORY}<p>Kommentare von Lesern: 3 von 40 waren positiv.</p>");
        assert_eq!(kept(&html).len(), 2);
    }

    #[test]
    fn prompts_to_share_the_article_go() {
        let html = format!(
            "{STORY}<p>Artikel gefallen? Vergiss nicht zu teilen!</p>\
             <p>Möchten Sie den Artikel teilen?</p><p>Den Artikel mit anderen teilen/diskutieren:</p>"
        );
        assert_eq!(kept(&html), ONLY_STORY);
        // Sharing spoken of in the story, or a question without the page.
        let html = format!(
            "{STORY}<p>Will the two councils share the costs?</p>\
             <p>The article of the treaty says members share water rights, the judge noted.</p>"
        );
        assert_eq!(kept(&html).len(), 3);
    }

    #[test]
    fn links_to_download_a_pdf_go() {
        let html = format!(
            "{STORY}<p>Dieses Skript als PDF herunterladen</p><p>Originalartikel als PDF</p>\
             <p>Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei</p>"
        );
        assert_eq!(kept(&html), ONLY_STORY);
        let html = format!(
            "{STORY}<p>The 40-page PDF report, which the ministry had kept back for months, was released.</p>"
        );
        assert_eq!(kept(&html).len(), 2);
    }

    #[test]
    fn stock_credits_alone_or_after_a_slash_go() {
        let html = format!(
            "{STORY}<p>iStock.com</p><p>Reading room / Shutterstock</p>\
             <p>The hermit in winter. (jdoe / iStock.com)</p>"
        );
        let got = kept(&html);
        assert_eq!(got[1..], ["Reading room", "The hermit in winter."]);
        // The library named in the story, with more to say.
        let html = format!("{STORY}<p>Shutterstock shares rose after the results on Monday.</p>");
        assert_eq!(kept(&html).len(), 2);
    }

    #[test]
    fn advertising_marks_permalinks_and_featured_image_credits_go() {
        let html = format!(
            "{STORY}<p>ANZEIGE - Heute mal ausgehen? Wie wäre es mit:</p>\
             <p>Permalink https://example.com/p/123</p>\
             <p>Beitragsbild: Titelseite vom 2.4.2019, Ausriss.</p>"
        );
        assert_eq!(kept(&html), ONLY_STORY);
    }

    #[test]
    fn licence_notices_and_opinion_disclaimers_go() {
        let html = format!(
            "{STORY}<p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. \
             Die Fotos dürfen nicht verwendet werden.</p>\
             <p>Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY</p>\
             <p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die \
             der Redaktion.</p>\
             <p>The Courier is not responsible for the opinions, statements or media content \
             presented by contributors.</p>"
        );
        assert_eq!(kept(&html), ONLY_STORY);
        // The story about a licence, or a view it reports.
        let html = format!(
            "{STORY}<p>The agency said the photos were licensed to the museum for ten years, \
             and that the deal did not reflect the views of its board.</p>"
        );
        assert_eq!(kept(&html).len(), 2);
    }

    #[test]
    fn headings_and_colon_lines_closing_the_text_go() {
        let html = format!(
            "{STORY}<p>The reading room reopens in May:</p><ul><li>Mondays</li></ul>\
             <h2>Opening hours</h2><p>From nine to five.</p>\
             <h3>More from the council</h3><p>Our map to save:</p><h2>Find the right one</h2>"
        );
        let mut body = html_to_text(&html, None);
        drop_dangling_end(&mut body);
        assert_eq!(body.paragraphs.len(), 5, "{:?}", body.paragraphs);
        assert_eq!(body.paragraphs[4], "From nine to five.");
        // A sentence set as a heading is the story's.
        let mut body = html_to_text(&format!("{STORY}<h2>It was, she said, the end.</h2>"), None);
        drop_dangling_end(&mut body);
        assert_eq!(body.paragraphs.len(), 2);
    }

    #[test]
    fn a_pointer_set_apart_by_an_arrow_goes_and_a_colon_line_stays() {
        let html = format!(
            "{STORY}<p>À lire aussi » Ballonnements : quel est votre profil digestif ?</p>\
             <p>Recommended: two tablets a day, the doctor said.</p>"
        );
        let got = kept(&html);
        assert_eq!(
            got[1..],
            ["Recommended: two tablets a day, the doctor said."]
        );
    }
}
