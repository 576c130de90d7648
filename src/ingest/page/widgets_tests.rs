use super::*;
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
fn player_caption_and_archive_buttons_go() {
    let html = format!(
        "<p>View author archive</p>{STORY}<p>toggle caption</p><p>SHOW CAPTION +</p>\
         <p>Show more</p><p>What’s Your Reaction?</p><p>[PR]</p><p>Transcript</p>\
         <p>Advertisement - story continues below</p>"
    );
    assert_eq!(kept(&html), ONLY_STORY);
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
fn pictures_after_a_closing_heading_do_not_keep_it() {
    // Teasers' titles closing the text, each with its picture after it.
    let html = format!(
        "{STORY}<h3>Road test: the new coupé</h3><img src='a.jpg' alt='Coupé'>\
         <h3>Auction record for a racer</h3><img src='b.jpg' alt='Racer'>"
    );
    let mut body = html_to_text(&html, None);
    drop_dangling_end(&mut body);
    assert_eq!(body.paragraphs.len(), 1, "{:?}", body.paragraphs);
    // A picture after the story's last paragraph stays.
    let html = format!("{STORY}<img src='a.jpg' alt='The library'>");
    let mut body = html_to_text(&html, None);
    drop_dangling_end(&mut body);
    assert_eq!(body.blocks.len(), 2, "{:?}", body.blocks);
}

#[test]
fn a_question_heading_closing_the_text_goes() {
    let html = format!("{STORY}<h2>Rather not cycle alone?</h2>");
    let mut body = html_to_text(&html, None);
    drop_dangling_end(&mut body);
    assert_eq!(body.paragraphs.len(), 1, "{:?}", body.paragraphs);
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

#[test]
fn teasers_ending_in_their_more_link_go_and_more_in_a_sentence_stays() {
    let html = format!(
        "{STORY}<p>Auskunft über vergangenes Wetter… mehr •••</p>\
         <p>Summer is holiday time, and the actress spent it on a Greek island. \
         See for yourself! Read more</p>\
         <p>Residents said they wanted more.</p><p>Es gab nicht mehr …</p>"
    );
    let got = kept(&html);
    assert_eq!(
        got[1..],
        ["Residents said they wanted more.", "Es gab nicht mehr …"]
    );
}

#[test]
fn placeholders_for_embedded_content_and_cookie_notices_go() {
    let html = format!(
        "{STORY}<p>Klicken Sie auf den unteren Button, um den Inhalt von www.example.com zu laden.</p>\
         <p>Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis \
         keine Verbindung zu Twitter her.</p><p>We use cookies to improve the site. Learn more</p>\
         <p>This content is imported from a video site. Visit it to view this content.</p>\
         <p>Besuchen Sie die Seite, um dieses Element zu sehen.</p>\
         <p>Mit diesem Button kannst Du die Folge zu deiner Liste hinzufügen.</p>"
    );
    assert_eq!(kept(&html), ONLY_STORY);
}

#[test]
fn a_short_line_of_items_with_a_date_goes() {
    let html = format!(
        "{STORY}<p>24. März 2004, 19:49 | Genesis</p>\
         <p>Verfasst von: jdoe | 31. Dezember 2008</p><p>Veröffentlichung: 2. Februar 2022</p>\
         <p>Home | Away</p>"
    );
    assert_eq!(kept(&html)[1..], ["Home | Away"]);
}

#[test]
fn a_next_article_heading_goes_with_its_link() {
    let html = format!(
        "{STORY}<h4>Vorschau auf den nächsten Artikel</h4>\
         <p><a href='https://example.com/next'>Mein Fazit und meine Pläne für 2020</a></p>\
         <p>The next article of the treaty was read on Friday.</p>"
    );
    assert_eq!(
        kept(&html)[1..],
        ["The next article of the treaty was read on Friday."]
    );
}

#[test]
fn paywall_notices_go() {
    let html = format!(
        "{STORY}<p>Pour lire la suite</p><p>To view the full story, please subscribe to the \
         Courier. You can choose an annual subscription or a weekly pass.</p>"
    );
    assert_eq!(kept(&html), ONLY_STORY);
}

#[test]
fn server_errors_liability_disclaimers_and_citation_lines_go() {
    let html = format!(
        "{STORY}<p>Warning: Creating default object from empty value in \
         /www/htdocs/site/classes.php on line 407</p>\
         <p>Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone. Dalsze \
         rozpowszechnianie artykułu za zgodą wydawcy.</p>\
         <p>Trotz sorgfältiger Kontrolle übernehme ich keine Haftung für die Inhalte externer \
         Links. Für den Inhalt der verlinkten Seiten sind deren Betreiber verantwortlich.</p>\
         <p>Suggested citation: Doe, Jane: The library, Courier, 2020/4/09.</p>"
    );
    assert_eq!(kept(&html), ONLY_STORY);
    // A story about a warning, quoting a file and a line.
    let html = format!(
        "{STORY}<p>Warning: the council's budget.php page on line 3 of its site was wrong, \
         the mayor said on Tuesday.</p>"
    );
    assert_eq!(kept(&html).len(), 2);
}

#[test]
fn pointers_by_here_go_and_here_in_a_sentence_stays() {
    let html = format!(
        "{STORY}<p>Lesen Sie hier einen weiteren spannenden Beitrag …</p>\
         <p>Alles über nachhaltige Wanderschuhe findest Du hier.</p>\
         <p>Click here to see the map.</p>\
         <p>Here the council voted, and here it will vote again.</p>"
    );
    assert_eq!(
        kept(&html)[1..],
        ["Here the council voted, and here it will vote again."]
    );
}

#[test]
fn a_read_on_heading_goes_with_the_links_under_it() {
    let html = format!(
        "{STORY}<h3>Weiterlesen:</h3>\
         <p><a href='https://example.com/a'>Ein Roadtrip entlang der Route 66</a></p>\
         <p><a href='https://example.com/b'>Herbstlicher Wochenend-Ausflug</a></p>\
         <h3>Meist-diskutiert</h3><p><a href='https://example.com/c'>Another story</a></p>"
    );
    assert_eq!(kept(&html), ONLY_STORY);
}
