//! Tests of the rules that let an article's own headline through: a
//! headline that reads like a widget's line, a menu or a caption, one made-up
//! page each.

use super::*;

const BODY: &str = "\
The city council approved the new river bridge on Tuesday after a long debate about its cost and the traffic it will bring to the old town.
Council members said the bridge will carry buses and bicycles, and that the work on the river banks should start early next spring.
Residents of the old town asked for a study of the bridge traffic before it opens, and the council promised to publish one by the summer.
";

fn page_of(top: &str) -> Article {
    parse_text_page(&format!("{top}{BODY}")).expect("page parses")
}

/// The page with lines after the article too.
fn page_with_tail(top: &str, tail: &str) -> Article {
    parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses")
}

#[test]
fn a_headline_saying_powered_by_is_no_credit_line() {
    let top = "Home\nNews\nNew River Bridge Powered by Solar Panels Wins The Council Vote\n\
By Anna Rossi\nMarch 2, 2021\n";
    assert_eq!(
        page_of(top).title,
        "New River Bridge Powered by Solar Panels Wins The Council Vote"
    );
    assert!(boilerplate::is_boilerplate(
        "Proudly powered by WordPress",
        28
    ));
    assert!(boilerplate::is_boilerplate(
        "Powered by the Comment Engine of a Firm",
        39
    ));
}

#[test]
fn a_picture_credit_between_a_headline_and_its_byline_makes_no_caption() {
    let top =
        "Home\nNews\nCouncil Approves The River Bridge\nPhoto: Marco Bianchi\nBy Anna Rossi\n";
    assert_eq!(page_of(top).title, "Council Approves The River Bridge");
}

#[test]
fn blurbs_of_a_menu_above_a_dated_and_credited_headline_are_not_the_article() {
    let top = "Home\nSections\n\
Reporting on what you care about, from the council to the courts.\n\
Recipes and videos for every day of the week, all in one place!\n\
Ideas to help you live a healthier, happier life.\n\
Places to eat and sights to see in the best destinations of the region.\n\
Local\nPosted on 3 Oct 2016\nCouncil Approves The River Bridge\nBy Anna Rossi\n";
    let article = page_of(top);
    assert_eq!(article.title, "Council Approves The River Bridge");
    assert!(article.body[0].starts_with("The city council approved"));
}

#[test]
fn a_long_headline_in_title_case_is_no_run_of_labels() {
    let top = "Home\nNews\n\
Council Member Is No Longer In The Running To Become The Head Of The River Bridge Works\n\
By Anna Rossi\nMarch 2, 2021\n";
    assert_eq!(
        page_of(top).title,
        "Council Member Is No Longer In The Running To Become The Head Of The River Bridge Works"
    );
    let menu = "Home News Sport Business Tech Science Health Entertainment Arts Travel Weather \
Video Audio Food and Drink Style";
    assert_eq!(
        lines::classify(menu, menu.len(), 16, 0),
        lines::Kind::Boiler
    );
    // Held together by "Over" and "Then" with two "The"s.
    let top = "Home\nNews\n\
Fans Feared Over The Council’s River Bridge – Then The Mayor Told Them The Real Cost\n\
By Staff Writer\n";
    assert_eq!(
        page_of(top).title,
        "Fans Feared Over The Council’s River Bridge – Then The Mayor Told Them The Real Cost"
    );
}

#[test]
fn a_notice_about_an_old_browser_is_no_part_of_the_article() {
    let notice = "You are using an older browser version. Please use a supported version for the best experience.";
    assert!(boilerplate::is_boilerplate(notice, notice.len()));
    let top = format!(
        "Home\nLocal\n{notice}\nCouncil Approves The River Bridge\nMarch 2, 2021 Anna Rossi\n"
    );
    let article = page_of(&top);
    assert_eq!(article.title, "Council Approves The River Bridge");
    assert!(article.body[0].starts_with("The city council approved"));
}

#[test]
fn a_line_wholly_in_brackets_is_no_headline() {
    let menu: String = (1..=30).map(|n| format!("sport news {n}\n")).collect();
    let page = format!(
        "Council Approves The River Bridge\n{menu}{BODY}\
(Council members approved the river bridge for buses and bicycles)\nFacebook\nTwitter\n"
    );
    let article = parse_text_page(&page).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_headline_with_its_byline_right_under_it_outweighs_a_widget_heading_above() {
    let menu: String = (1..=16).map(|n| format!("Menu Item {n}\n")).collect();
    let top = format!(
        "Who Is the River Bridge Council?\nMarch 2, 2021\n{menu}\
Council Bridge Works\nBy Anna Rossi - March 2, 2021 at 10:05AM\n"
    );
    assert_eq!(page_of(&top).title, "Council Bridge Works");
}

#[test]
fn a_long_licence_notice_is_boilerplate() {
    let notice = "The regional edition of the Gazette is published under license from Gazette Media, Inc., \
of Springfield. Items that first appeared in the national edition are the property of Gazette Media, Inc. \
or its suppliers, and 'The Gazette' and 'Gazette Daily' are trademarks of Gazette Media, Inc.";
    assert!(boilerplate::is_boilerplate(notice, notice.len()));
}

#[test]
fn a_byline_element_credits_the_name_alone() {
    assert_eq!(credit_of("By Anna Rossi").as_deref(), Some("Anna Rossi"));
    assert_eq!(credit_of("ByAnna Rossi").as_deref(), Some("Anna Rossi"));
    assert_eq!(
        credit_of("By Anna Rossi Updated on March 2, 2021 09:22 AM").as_deref(),
        Some("Anna Rossi")
    );
    assert_eq!(
        credit_of("By  Anna Rossi\n  March 2, 2021").as_deref(),
        Some("Anna Rossi")
    );
    assert_eq!(credit_of("Par Anne Rossi").as_deref(), Some("Anne Rossi"));
    assert_eq!(credit_of("By"), None);
    assert_eq!(credit_of("Anna Rossi").as_deref(), Some("Anna Rossi"));
    assert_eq!(credit_of("Byron Rossi").as_deref(), Some("Byron Rossi"));
}

#[test]
fn a_relative_time_stamp_under_a_headline_dates_it() {
    let top = "Home\nBridge News\nCity\nBridge News\nNew Span For Old Town\n3 hours ago\n\
Save article\nCouncil members with the bridge model in the town hall\n";
    assert_eq!(page_of(top).title, "New Span For Old Town");
}

#[test]
fn a_line_under_a_players_running_time_titles_the_video() {
    let top = "Home\nCouncil Approves The River Bridge\nWATCH LIVE\nVIDEO2:1502:15\n\
Council Members On The River Bridge Traffic Study\nAnna Rossi\n";
    let tail = "More videos\nCouncil Members On The River Bridge Traffic Study\n";
    let article = page_with_tail(top, tail);
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_sentence_under_a_title_cased_headline_is_its_deck() {
    let top = "Home\nPolitics\nRiver Bridge Vote Ends Months Of Arguments In Old Town\n\
Council approves the river bridge: will the old town cope with its traffic?\n\
March 2, 2021 04:23 pm ET\nBy Anna Rossi\n";
    assert_eq!(
        page_of(top).title,
        "River Bridge Vote Ends Months Of Arguments In Old Town"
    );
}

#[test]
fn a_breadcrumb_glued_into_one_line_is_no_headline() {
    let top = "Menu\nHome Town & Council Town & Council Features\nMarch 2, 2021 4:23PM ET\n\
Bridge Vote: How The Old Town Won Its River Bridge\n\
Inside the story of how the council and the residents of the old town agreed on the river bridge\n\
By\nAnna Rossi\n";
    assert_eq!(
        page_of(top).title,
        "Bridge Vote: How The Old Town Won Its River Bridge"
    );
    assert!(!title_signs::is_glued_trail("New York, New York"));
}

#[test]
fn a_more_about_link_under_the_article_heads_a_list_not_the_article() {
    let top = "Home\nNews\nA Close Vote Is Expected Among Members\nBy Anna Rossi\n\
In the hall\nOld maps\nThe mayor\nA new road\nNew schools\nThe harbour\nSpring works\nTraffic study\n";
    let tail = "Anna Rossi\nAnna Rossi writes about the old town and its council.\n\
More about river bridges\nA new harbour bridge for the harbour opens ►\nThe ferry runs again ►\n";
    let article = page_with_tail(top, tail);
    assert_eq!(article.title, "A Close Vote Is Expected Among Members");
}

#[test]
fn a_short_headline_naming_the_bodys_topic_is_no_persons_name() {
    let top = "Home\nNews\nRiver Bridge\nMarch 2, 2021\n";
    assert_eq!(page_of(top).title, "River Bridge");
    // An author's name the body does not use stays a credit, not a title.
    let top = "Home\nNews\nCouncil Approves The River Bridge\nAnna Rossi\nMarch 2, 2021\n";
    assert_eq!(page_of(top).title, "Council Approves The River Bridge");
}

#[test]
fn a_row_of_share_buttons_joined_into_one_line_is_no_headline() {
    let top = "Home\nNews\nThe Council Votes For The River Bridge\nAnna Rossi\nMarch 2, 2021\n";
    let tail = "Share Facebook Twitter WhatsApp E-mail\nMore news\n";
    let article = page_with_tail(top, tail);
    assert_eq!(article.title, "The Council Votes For The River Bridge");
    assert!(boilerplate::is_boilerplate(
        "Teilen Facebook Twitter E-Mail",
        30
    ));
    assert!(!boilerplate::is_boilerplate("Share the River Bridge", 22));
}

#[test]
fn of_a_headline_copied_twice_the_copy_with_its_separator_is_the_title() {
    let top = "Home\nNews\nTown Council -- Bridge Approved ... Buses First!\n\
Town Council Bridge Approved ... Buses First!\nEXCLUSIVE\n3/2/2021 11:00 AM PT\n";
    assert_eq!(
        page_of(top).title,
        "Town Council -- Bridge Approved ... Buses First!"
    );
}

#[test]
fn a_comment_counter_between_a_headline_and_its_deck_leaves_the_headline_first() {
    let top = "Home\nPolitics\nThe council just voted for a bridge over the old town (and us)\n\
New, 48 comments\nA bridge for buses sounds like a promise now\n\
By Anna Rossi Mar 2, 2021, 10:00am EST\n48 comments / new\n";
    assert_eq!(
        page_of(top).title,
        "The council just voted for a bridge over the old town (and us)"
    );
    assert!(boilerplate::is_noise("12 Kommentare", 13));
    assert!(!boilerplate::is_noise(
        "12 Comments On The Bridge Vote Today",
        36
    ));
}

#[test]
fn a_headline_over_its_standfirst_and_its_authors_name_is_the_title() {
    let top = "Bridges: Council Votes River Bridge Works Old Town Bridge Traffic Study Buses \
And Bicycles Spring Works Plan Town Hall Meeting Review Harbour Ferry Timetable New Schools Map\n\
Your guide to the old town\nNews Local\nFive things the river bridge will change in the town\n\
A council that likes to build could make for an interesting year for the old town and its roads.\n\
Anna Rossi\nMar. 2, 2021 5:00 a.m. PT\n";
    assert_eq!(
        page_of(top).title,
        "Five things the river bridge will change in the town"
    );
}

#[test]
fn a_quote_over_its_speakers_name_opens_no_article() {
    let top = "Home\nAbout\nTown Council > Who we are\nNews\nMembers\nVotes\nWho we are\n";
    let quote = "Read the council reports\n\
Our work is to build a town where every resident can cross the river safely.\nAnna Rossi, Mayor\n";
    let intro = "The town council is elected by the residents every five years and meets in the town hall.\n\
Its members vote on the works the old town needs, from its river bridge to its roads and schools.\n";
    let page = format!("{top}{intro}{quote}{BODY}");
    assert_eq!(
        parse_text_page(&page).expect("page parses").title,
        "Who we are"
    );
}

#[test]
fn a_credit_label_with_the_name_under_it_credits_the_headline_over_the_standfirst() {
    let top = "Home\nSUBSCRIBE\nBridge vote: will the council keep the buses off the river bridge?\n\
A Bridge Too Near: the old town and the council bridge over the river\n\
How did the old town end two decades of arguments and get a bridge? Start with the council and its vote.\n\
Author:\nAnna Rossi\nPublish date:\nMar 2, 2021\n";
    assert_eq!(
        page_of(top).title,
        "A Bridge Too Near: the old town and the council bridge over the river"
    );
}

#[test]
fn an_item_of_a_menu_copied_twice_is_no_headline() {
    let menu = "Council\nWhat we stand for\nTopics from A to Z\nTown\nThe council bridge works\n\
Boards and committees\nDecisions and plans\nTown History\nAnna Rossi\nMarco Bianchi\n";
    let top = format!("Skip to content\n{menu}{menu}Join us\nFor a bridge of the town\n");
    assert_eq!(page_of(&top).title, "For a bridge of the town");
}

#[test]
fn a_name_the_body_says_again_and_again_is_what_the_page_is_about() {
    let page = "SONGS\nFacebook\nTwitter\nSilver Harbour\nThe Old Town Band\n\
Silver Harbour was written by the band in the old town, on a night when the boats came back to the harbour.\n\
The band sings of the silver light on the water of the harbour, and of the town that waits for its boats.\n\
Silver light on the harbour closes every verse, and the band plays it last at every concert in the town.\n";
    let article = parse_text_page(page).expect("page parses");
    assert_eq!(article.title, "Silver Harbour");
}

#[test]
fn a_credit_in_brackets_under_the_standfirst_credits_the_headline_over_it() {
    let top = "Home\nColumns\n» March 2, 2021 14:30 published\nWe Tried The New Span: Goodbye Ferry (1/2)\n\
A resident of the old town crossed the river on the first day and tells what the council bridge is like.\n\
[Anna Rossi, Gazette]\n";
    let tail = "The council bridge over the river in the old town, for buses and bicycles\n\
1|2 Next page\n";
    let article = page_with_tail(top, tail);
    assert_eq!(article.title, "We Tried The New Span: Goodbye Ferry (1/2)");
}

#[test]
fn a_heading_under_a_whole_article_head_is_its_kicker() {
    let top = "Home\nSearch\nGazette Magazine\nThe Revenge Of The Residents\n\
How the council approved the river bridge for buses and bicycles after a long debate.\n\
By Anna Rossi\nThe river bridge. Photo: Marco Bianchi/GAZETTE\nlocal Mar. 2, 2021\n\
Council Approved The River Bridge For Buses\n";
    let tail = "Council Approved The River Bridge For Buses\n";
    let article = page_with_tail(top, tail);
    assert_eq!(article.title, "The Revenge Of The Residents");
}

#[test]
fn a_see_more_button_credits_no_advert_above_the_headline() {
    let top = "Home\nSponsored by Town Bank\nBig support for the bridge of the town\n\
Since our local agents are residents of the old town, too.\nSee More\nLocal\n\
The Council Approves A River Bridge For Buses And Bicycles In The Old Town\nLocal\n\
Published Mar 2, 2021\nBy\nAnna Rossi\n";
    assert_eq!(
        page_of(top).title,
        "The Council Approves A River Bridge For Buses And Bicycles In The Old Town"
    );
}

#[test]
fn a_section_name_repeated_in_the_menu_is_no_repeated_headline() {
    let top = "Home\nLog out\nNews\nSport\nBridges and roads\nSchools\nHarbour\nWeather\nServices\n\
Gazette Town\nBridges and roads\nGoodbye Ferry: Council Span For Town\nGazette Staff 2021-03-02 08:00\n\
Tweet\nPrint\n";
    assert_eq!(page_of(top).title, "Goodbye Ferry: Council Span For Town");
}

#[test]
fn no_headline_opens_the_article_under_a_long_paragraph_of_it() {
    let para = "The council approved the new river bridge after a long debate about its cost, and this book tells the story of the vote from the first plans to the opening day. ".repeat(4);
    let page = format!(
        "Home\nBooks\nThe River Bridge Book\nAnna Rossi, author\n{para}\nFree sample\nDownloads\n\
The corrections below were found after the book was printed and will be fixed in the next edition.\n\
March 2, 2021 update\nPage 7, third line\nThe bridge opens in spring, not in summer.\n{BODY}"
    );
    let article = parse_text_page(&page).expect("page parses");
    assert_eq!(article.title, "The River Bridge Book");
}

/// A headline that reads like a name and is copied twice (where the page
/// names itself and above the article) is still its topic when the body
/// keeps using its words: only a menu's copy makes it a menu item.
#[test]
fn a_repeated_headline_that_reads_like_a_name_is_the_topic() {
    let body = "Blauer Stahl ist das Material der Zukunft, sagt die Forscherin aus der Stadt am \
Fluss, die seit Jahren an Brücken und Häusern aus neuen Werkstoffen arbeitet.\n\
Der blaue Stahl rostet nicht. Das Material hält länger als Beton, kostet aber noch viel mehr, \
und die Werke der Region können es bisher nur in kleinen Mengen liefern.\n\
Im Frühjahr soll die erste Brücke aus blauem Stahl gebaut werden, wenn der Rat der Stadt das \
Material am Dienstag freigibt und die Kosten für den Bau tragen will.\n";
    let page = format!(
        "Blauer Stahl – das Material der Zukunft\nStartseite\nThemen\nKontakt\n\
Blauer Stahl – das Material der Zukunft\n{body}"
    );
    let article = parse_text_page(&page).expect("page parses");
    assert_eq!(article.title, "Blauer Stahl – das Material der Zukunft");
}

/// A headline with a date in it is a headline; a line that is only a date
/// and its labels is not.
#[test]
fn a_headline_with_a_date_in_it_is_a_headline() {
    let top = "Home\nEvents\n02.03.2021 - Council approves the river bridge after a long debate\n\
Published on Tuesday, 2 March 2021 at 18:00\n";
    assert_eq!(
        page_of(top).title,
        "02.03.2021 - Council approves the river bridge after a long debate"
    );
    assert_eq!(
        dates::words_beside_date("Published on Tuesday, 2 March 2021 at 18:00"),
        2
    );
}

/// A button's label right above the credit shares no word with the body:
/// the headline above it, which does, is the title.
#[test]
fn a_label_sharing_no_word_with_the_body_is_no_headline() {
    let top = "Home\nNews\nA Span for Buses at Last\nMarch 2, 2021\nDownload as PDF file\nBy Anna Rossi\n";
    assert_eq!(page_of(top).title, "A Span for Buses at Last");
}
