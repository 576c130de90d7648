use super::*;
use crate::ingest::htmltext::html_to_text;
use crate::ingest::page::test_support::{STORY, kept_by};

fn kept(html: &str) -> Vec<String> {
    kept_by(html, drop_page_lines)
}

#[test]
fn read_more_pointers_go_and_sentences_with_colons_stay() {
    let html = format!(
        "{STORY}<p>Read more: <a href='https://example.com/x'>Council budget cuts explained in full</a></p>\
         <p>Lea también: <a href='https://example.com/y'>Impiden ingreso a dos reporteros</a></p>\
         <p>The mayor said: <a href='https://example.com/z'>the statement</a> was clear, and it stays.</p>\
         <p>Note: the vote was close.</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[1].starts_with("The mayor said"));
    assert_eq!(got[2], "Note: the vote was close.");
}

#[test]
fn a_related_heading_goes_with_the_links_under_it() {
    let html = format!(
        "{STORY}<h3>Ähnliche Beiträge</h3>\
         <ul><li><a href='https://example.com/a'>Another story about libraries</a></li>\
         <li><a href='https://example.com/b'>Yet another story</a></li></ul>\
         <p>Closing paragraph of the article itself.</p>"
    );
    let got = kept(&html);
    assert_eq!(
        got,
        [
            "The council voted on Tuesday to keep the library open.",
            "Closing paragraph of the article itself."
        ]
    );
}

#[test]
fn labels_credits_notices_and_dates_alone_go() {
    let html = format!(
        "<p>23.10.2018</p>{STORY}<p>Foto: Jane Doe</p><p>Share this:</p>\
         <p>Kommentare sind geschlossen.</p><p>Tags: council, library</p>\
         <p>Foto</p><ul><li>Datenschutzeinstellungen</li></ul>\
         <p>© 2020 Example Media. All rights reserved.</p><p>5. März 2021</p>\
         <p>Updated 3:59 PM</p>"
    );
    assert_eq!(
        kept(&html),
        ["The council voted on Tuesday to keep the library open."]
    );
}

#[test]
fn a_name_and_agency_alone_are_a_credit() {
    let html = format!(
        "{STORY}<p>Judy Eddy/WENN.com</p><p>Mike Blake/Reuters</p>\
         <p>Input/Output</p><p>The band AC/DC played in Town Hall/Arena.</p>\
         <p>Anna Rossi/City Council said no.</p><h3>Jane Doe/Agency Name</h3>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(
        !got.iter()
            .any(|p| p.contains("WENN") || p.contains("Reuters"))
    );
}

#[test]
fn a_row_of_short_links_goes_and_a_sentence_with_links_stays() {
    let html = format!(
        "<p><a href='/c/1'>Corona &amp; die Folgen</a>, <a href='/c/2'>Debatte</a>, \
         <a href='/c/3'>Politik</a></p>{STORY}\
         <p><a href='/t/a'>Paris</a> | <a href='/t/b'>London</a></p>\
         <p>Talks in <a href='/t/a'>Paris</a> and <a href='/t/b'>London</a> went on.</p>\
         <p><a href='/s'>The whole report on the council's spending this year</a>, \
         <a href='/t'>and the vote</a></p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[1].starts_with("Talks in Paris"));
    assert!(got[2].starts_with("The whole report"));
}

#[test]
fn numbers_and_long_lines_are_article_text() {
    let long = "Tags: ".to_string() + &"word ".repeat(30);
    let html = format!(
        "{STORY}<p>1.000 Euro</p><p>2 500 euro</p><p>Kapitel 3</p><p>{long}</p>\
         <p>Comments from readers were read aloud at the meeting.</p>"
    );
    assert_eq!(kept(&html).len(), 6);
}

#[test]
fn an_image_stays_and_its_credit_caption_goes() {
    let html = format!(
        "{STORY}<figure><img src='https://example.com/a.jpg' alt='The library'>\
         <figcaption>Foto: Jane Doe</figcaption></figure>"
    );
    let mut body = html_to_text(&html, None);
    drop_page_lines(&mut body);
    assert_eq!(body.paragraphs[1], "The library");
    assert!(matches!(
        &body.blocks[1],
        Block::Image { caption: None, .. }
    ));
}

#[test]
fn a_heading_repeating_the_title_goes_once() {
    let title = "Transparency in price changes";
    let html = format!(
        "<p>By Jane Doe</p><h2>Consumer rights: Transparency in price changes</h2>{STORY}\
         <h2>Transparency in price changes</h2>"
    );
    let mut body = html_to_text(&html, None);
    drop_title_line(&mut body, title);
    assert_eq!(body.paragraphs.len(), 3, "{:?}", body.paragraphs);
    assert_eq!(body.paragraphs[0], "By Jane Doe");
    // A title too short to be told from text must match exactly.
    let mut body = html_to_text("<p>News today in brief</p><p>News</p>", None);
    drop_title_line(&mut body, "News");
    assert_eq!(body.paragraphs, ["News today in brief"]);
}

#[test]
fn a_heading_starting_with_a_related_phrase_goes_and_a_sentence_does_not() {
    let html = format!(
        "{STORY}<h2>Mehr zum Thema auf dieser Seite</h2>\
         <p><a href='https://example.com/a'>Ein anderer Artikel zum Thema</a></p>\
         <p>Lesen Sie auch die folgenden Beiträge:</p>\
         <p>Das könnte teuer werden, sagte der Bürgermeister am Abend.</p>\
         <p>Anzeige</p><p>Quelle: Landesregierung</p>"
    );
    assert_eq!(
        kept(&html),
        [
            "The council voted on Tuesday to keep the library open.",
            "Das könnte teuer werden, sagte der Bürgermeister am Abend."
        ]
    );
}

#[test]
fn a_credit_ending_a_caption_or_short_line_is_cut() {
    let html = format!(
        "{STORY}<p>The reading room in spring. Foto: Jane Doe</p>\
         <p>The old wing (© Example Agency)</p>\
         <figure><img src='https://example.com/a.jpg' alt='x'>\
         <figcaption>Readers at the desk. Photo: John Roe</figcaption></figure>\
         <p>Kontakt</p><p>Section (c) of the lease names the photo: it stays.</p>"
    );
    let got = kept(&html);
    assert_eq!(
        got[1..],
        [
            "The reading room in spring.",
            "The old wing",
            "Readers at the desk.",
            "Section (c) of the lease names the photo: it stays."
        ]
    );
}

#[test]
fn credits_in_brackets_or_in_words_go() {
    let html = format!(
        "{STORY}<p>(Credit: Jane Doe / Agency)</p><p>[© Agency/John Roe]</p>\
         <p>Photograph by Jane Doe, Wildlife Trust</p>\
         <p>(The vote was close: seven to six.)</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], "(The vote was close: seven to six.)");
}

#[test]
fn a_tag_line_with_a_spaced_colon_goes() {
    let html = format!("{STORY}<p>Category : Press Releases</p><p>Tags : council, library</p>");
    assert_eq!(kept(&html).len(), 1);
}

#[test]
fn label_pairs_a_release_date_label_and_an_address_alone_go() {
    let html = format!(
        "<p>COURIERNEWS.COM</p><p>Release Date:</p>{STORY}\
         <p>Posted : 3 May 2024 Categories : Council</p><p>Node.js</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], "Node.js");
}

#[test]
fn publication_and_reading_time_lines_go() {
    let html = format!(
        "<p>Published: 10:00am, 20 Jan, 2020</p><p>Lesezeit: 2 Minuten</p><p>4 min read</p>\
         {STORY}<p>Published reports say the vote was close.</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn copyright_and_reprint_notices_go() {
    let html = format!(
        "{STORY}<p>This material may not be published, broadcast, rewritten or redistributed.</p>\
         <p>Copyright 2024 The Agency. All rights reserved. This material may not be published, \
         broadcast, rewritten or redistributed without the agency's written consent.</p>\
         <p>Die Bilder in diesem Blog stehen unter einer Creative Commons Namensnennung 3.0 \
         Unported Lizenz.</p><p>Die folgenden Hotel Links öffnen als extra Fenster</p>\
         <p>The author said she would seek written permission from the estate before quoting \
         the letters, which the family had kept private for decades.</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].starts_with("The author said"));
}

#[test]
fn menu_and_meta_lines_of_short_items_go_and_table_rows_stay() {
    let html = format!(
        "{STORY}<p>Imprint | Privacy | Contact</p><p>Intro · Reports · Courses · Archive</p><p>02.11.2022 - Placebo - Stadthalle</p>\
         <p>Views: 1120 | Added by: Posh | Tags: thinking, pictures</p>\
         <p>Red | green | blue are the colours of the flag, she said.</p>\
         <table><tr><td>Red</td><td>Green</td><td>Blue</td></tr></table>"
    );
    let kept = kept(&html);
    assert_eq!(kept.len(), 4, "{kept:?}");
    assert!(kept[1].starts_with("02.11.2022 - Placebo"));
    assert!(kept[2].starts_with("Red | green"));
    assert!(kept[3].contains("Green"));
}

#[test]
fn disclosures_of_advertising_and_affiliate_links_go() {
    let html = format!(
        "<p>*Advertising. This post contains affiliate links to the shop.</p>{STORY}\
         <p>Advertising disclosure: we may receive compensation for some of the links \
         in our stories.</p>\
         <p>This text follows the medical literature and guidelines and was medically \
         reviewed by our doctors.</p>\
         <p>The council discussed an affiliate programme for the library's shop, which \
         readers had asked for in a petition signed by hundreds of people in the town \
         over the winter months, and the mayor promised an answer by spring; the \
         librarians, for their part, said they would rather see more opening hours \
         than a shop, and that the petition had asked for both.</p>"
    );
    let kept = kept(&html);
    assert_eq!(kept.len(), 2, "{kept:?}");
}

#[test]
fn a_longer_notice_with_three_of_its_phrases_goes() {
    let notice = "© 2022, Example News. This article is the copyrighted property of \
        Example News. Written permission must be obtained before reprint in online or \
        print media. Reposting without permission will lead to legal action against \
        the person, website or agency that did so, as our lawyers have been told \
        time and again.";
    let kept = kept(&format!("{STORY}<p>{notice}</p>"));
    assert_eq!(kept.len(), 1, "{kept:?}");
}

#[test]
fn prompts_to_log_in_before_commenting_go() {
    let html = format!(
        "{STORY}<p>Kommentieren Sie</p>\
         <p>Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.</p>\
         <p>You must be logged in to post a comment.</p>"
    );
    assert_eq!(kept(&html).len(), 1);
}

#[test]
fn lines_disguised_in_look_alike_letters_go_and_russian_stays() {
    // "Advertise with us" with Cyrillic а, е, і, ѕ among the Latin letters.
    let html = format!(
        "{STORY}<p>\u{410}dv\u{435}rt\u{456}\u{455}\u{435} w\u{456}th u\u{455} today</p>\
         <p>Москва приняла решение о библиотеке в пятницу.</p>"
    );
    let kept = kept(&html);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept[1].starts_with("Москва"));
}

#[test]
fn a_long_citation_line_goes() {
    let html = format!(
        "{STORY}<p>Suggested citation: Doe, Jane: The Library Vote, Courier Blog, 2024/05/03, \
         https://example.com/2024/05/03/the-library-vote-and-what-comes-next/.</p>\
         <p>Diese Folge zitieren: Doe, Jane: Courier-Podcast: \"Die Bibliothek\". 03.05.2024, \
         https://example.com/podcast/042-die-bibliothek-und-was-nun-kommt/.</p>"
    );
    assert_eq!(kept(&html).len(), 1);
}

#[test]
fn a_figures_caption_set_as_a_line_goes() {
    let html = format!(
        "{STORY}<p><em>Abbildung 4: A weak layer under the fresh snow. The grains \
         differ in shape from the layers above.</em></p>\
         <p>Figure skating stays on the programme, the council said.</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].starts_with("Figure skating"));
}

#[test]
fn a_linked_line_pointing_here_goes_and_a_sentence_starting_so_stays() {
    let html = format!(
        "{STORY}<p><a href='https://example.com/p'>Hier geht es zum neuen Programm</a></p>\
         <p><a href='https://example.com/d'>Here the full draw</a></p>\
         <p>Here the council met for the last time, in the <a href='https://example.com/h'>old hall</a>.</p>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].starts_with("Here the council met"));
}

#[test]
fn a_telephone_number_alone_is_not_a_date() {
    assert!(is_date_line("23.10.2018"));
    assert!(!is_date_line("+81 158-23-2012"));
    assert!(!is_date_line("+49 30 12-34-56"));
}

#[test]
fn tags_under_their_label_and_a_bare_count_go_in_any_script() {
    let html = format!(
        "<ul><li><p>6,762</p></li></ul>\
         <ul><li>Tags : </li><li><a href='/tag/toy/'>おもちゃ</a></li>\
         <li><a href='/tag/gadget/'>ガジェット</a></li></ul>{STORY}\
         <ul><li>Étiquettes</li><li><a href='/t/ete'>Été à Montréal</a></li></ul>"
    );
    let got = kept(&html);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_link_share_counts_characters_not_bytes() {
    let base = url::Url::parse("https://example.com/").ok();
    let text = html_to_text("<p><a href='/a'>おもちゃ</a> と本</p>", base.as_ref());
    assert!((link_share(&text.blocks[0]) - 4.0 / 6.0).abs() < 1e-9);
}
