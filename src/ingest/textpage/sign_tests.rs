//! Tests of the signs that a headline-like line is not the title (a
//! video's or a slide's, an offer, a fact box's row, a reading time, a
//! rating, a credit) and of the marks a title drops, one made-up page each.

use super::title_tests::title_of;
use super::*;

#[test]
fn lines_with_a_running_time_under_them_are_a_video_playlist() {
    let top = "Council Approves The River Bridge\nHome\nNews\nSport\nArts\nTravel\nWeather\nVideos\n\
Snow closes the mountain roads\n01:16\nThe harbour festival opens\n00:57\n\
Council votes for the new river bridge of the old town\n02:12 - Source: City TV\nShare\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn the_title_a_video_player_shows_under_its_controls_is_the_videos() {
    let top = "Home\nNews\nCouncil Approves The River Bridge\nThe old town gets its crossing\n\
Video Player is loading.\nPlay Video\nPlay\nUnmute\nClose Modal Dialog\n\
The River Bridge: Council Vote And Traffic Study\nShare\nEmbed\nUnmute\n\
The River Bridge: Council Vote And Traffic Study\nMarch 2, 2021\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_subscription_offer_at_a_price_is_no_headline() {
    let top = "You have reached your free article limit.\n\
Special offer: the bridge package. 3 months for $10. Subscribe\nHome\nNews\n";
    let title = title_of(top);
    assert!(title.starts_with("The city council approved"), "{title}");
    assert!(title_signs::is_offer("Jetzt 4 Wochen für 1 € testen: Abo"));
    assert!(!title_signs::is_offer(
        "Bridge costs $10 million more than planned"
    ));
}

#[test]
fn a_name_ending_in_a_slash_is_a_credit() {
    let top = "Home\nNews\nAnna Rossi/\nMarch 2, 2021\n";
    let title = title_of(top);
    assert!(title.starts_with("The city council approved"), "{title}");
}

#[test]
fn rows_of_a_fact_box_are_no_headline_and_a_year_is_a_word() {
    let top = "Home\nReviews\n2021-2022 River Bridge\nMarch 2, 2021 by Anna Rossi\n\
Bridge: Old Town Crossing, 186 m\nStated Length: 186 m\nMeasured Length: 184.1 m\n\
Stated Weight per Span: 2030 tonnes\nMeasured Weight per Span (with deck): 2024 & 2031 tonnes\n\
Recommended Speed Limit: 30 km/h on the bridge; 50 km/h before it\nOpening Days: ~12\n";
    assert_eq!(title_of(top), "2021-2022 River Bridge");
}

#[test]
fn a_reading_time_a_rating_and_a_lettered_item_are_no_headline() {
    for line in [
        "Ten tekst przeczytasz w mniej niż minutę",
        "Lesezeit: etwa drei Minuten",
        "4,5 bei 12 Bewertungen",
        "b) Upload from the phone a longer video of the bridge",
    ] {
        let top = format!("Home\nNews\nA Crossing At Last\nShare\n{line}\nMarch 2, 2021\n");
        assert_eq!(title_of(&top), "A Crossing At Last", "{line}");
    }
}

#[test]
fn a_menus_link_mark_is_no_part_of_the_title() {
    let top = "Home\nNews\n›Council Approves The River Bridge\nMarch 2, 2021\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn the_caption_over_a_slide_shows_arrows_is_no_headline() {
    let top = "Home\nNews\nThe council approved the river bridge after a long debate about its cost\n\
Previous Next\nA Crossing At Last\n";
    assert_eq!(title_of(top), "A Crossing At Last");
    // A headline over the arrows with its date under them is a headline.
    let top = "Home\nNews\nCouncil Approves The River Bridge\nPrev Next\nMarch 2, 2021\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_line_closed_by_a_file_mark_is_a_caption() {
    let page = lines::build(lines::split_lines(
        "The team training ahead of a match against the visitors. (FILE)\n\
FILE PHOTO: The team training ahead of a match\nThe Team Trains Ahead Of The Match\n",
    ));
    assert!(title_captions::captions_a_picture(&page, 0));
    assert!(title_captions::captions_a_picture(&page, 1));
    assert!(!title_captions::captions_a_picture(&page, 2));
}

#[test]
fn an_item_inside_a_menu_column_is_no_headline() {
    // The site's own name sits among the menu's items, and the bridge's
    // words make it overlap the body more than the headline does.
    let top = "Home\nNews\nProjects\nWho we are\nHow we work\nJobs\nThe river bridge council\n\
               Our history\nTransparency\nShop\nDonate\nPress\nContact\n\
               Press release 02 November 2021\nA vote for the new crossing\n";
    assert_eq!(title_of(top), "A vote for the new crossing");
}

#[test]
fn a_row_of_links_closed_by_about_us_is_no_headline() {
    // The menu's row shares the body's words; the headline does less so.
    let top = "Menu\nBridge Council Über uns\nArtikel Themen Hefte Karten\nDeutschland\n\
               Anzahl zugelassener Brücken\n";
    assert_eq!(title_of(top), "Anzahl zugelassener Brücken");
}

#[test]
fn a_caption_over_its_credit_is_no_headline_though_a_byline_follows_the_headline() {
    let top = "News\nTown\nThe River Bridge Of The Old Town\nSymbolbild / River Works Ltd\n\
        A Yes After A Long Debate\nBy Anna Rossi On 12. December 2022\n";
    assert_eq!(title_of(top), "A Yes After A Long Debate");
}

#[test]
fn a_headline_over_a_pictures_credit_keeps_its_byline() {
    let top = "News\nTown\nOur Projects On The Town\nSLOW WORK\nThe River Bridge Is Coming But Not Fast Enough\nAP Photo/Anna Rossi\nBuilding.\n\
        By Carlo Neri\n";
    assert_eq!(
        title_of(top),
        "The River Bridge Is Coming But Not Fast Enough"
    );
}

#[test]
fn a_headline_closed_by_the_sites_name_in_capitals_yields_to_the_headline() {
    let top = "Home\nTown\nVIDEOS\nLocal news\n\
Bridge vote: the council approves the river bridge and its buses\n\
The council members voted on Tuesday after a long debate; the work on the banks starts in spring.\n\
Council approves the river bridge after a long debate | TOWN DAILY\n\
Follow us on Google News\nAnna Rossi\n";
    assert_eq!(
        title_of(top),
        "Bridge vote: the council approves the river bridge and its buses"
    );
    assert!(!site_meta::ends_with_a_barred_brand("Pros | Cons"));
}

#[test]
fn a_row_of_fields_with_a_writers_credit_is_no_headline() {
    let top = "Newsletter\n-\nLogin\n-\n\
26 | 01 | 2022 Town | Practice | Video Text & Fotos: Anna Rossi 0 337\n\
26 | 01 | 2022 Town | Practice | Video\nText & Fotos: Anna Rossi 0 337\n";
    assert!(!title_of(top).contains(" | "), "{}", title_of(top));
}

#[test]
fn a_headline_naming_models_by_number_is_still_a_headline() {
    let top = "Home\nNews\nWhere and How to Buy an RTX 3080, 3090 or 3070\n\
By Anna Rossi 04 November 2020\nShares\nComments (32)\n";
    assert_eq!(
        title_of(top),
        "Where and How to Buy an RTX 3080, 3090 or 3070"
    );
    let score = lines::build(vec!["Nr Player 1 2 3 4 5 6 7 Sum".to_string()]);
    assert!(!score[0].is_title_like());
}

#[test]
fn a_trail_run_together_in_one_word_is_no_headline_over_the_title() {
    let top = "Home\nContact\nCompanyNewsroomCouncil approves the river bridge\n\
Back to the newsroom\n06.12.2022\nCouncil Approves The River Bridge For Buses\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge For Buses");
    assert!(title_signs::is_glued_labels(
        "CompanyNewsroomCouncil approves the bridge"
    ));
}

#[test]
fn a_headline_dated_under_the_copyright_of_a_profile_box_is_the_title() {
    let top = "I built the bridge planner, a tool that helps towns plan their crossings and find \
the money for them. To date it has helped forty towns and their councils find the money for a \
bridge, a ferry or a tunnel.\n\
✉️ Mailing list 🐣 Mastodon ✨ Feed 🎤 Talks 🐙 Code 🤠 About me\n\
❶ I sit on the transport board of the town.\n\
❷ I help run the cycling club of the old town.\n\
❸ I walk across the old town every day of the week.\n\
© Anna Rossi\nCouncil Approves The River Bridge For Buses\n09 Oct 2018\nTwitter\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge For Buses");
}

#[test]
fn a_row_of_a_players_controls_is_no_headline() {
    assert!(player::is_controls_row("pause play Hide Box Show Box"));
    assert!(!player::is_controls_row("Stop The Bridge"));
    assert!(!player::is_controls_row("Play"));
}

#[test]
fn a_line_going_on_with_the_sentence_above_is_no_headline() {
    let lines = lines::build(lines::split_lines(
        "Help us break the silence,\nwe need your support to keep reporting\n\
         Council Approves The River Bridge\n",
    ));
    assert!(title_neighbours::continues_the_line_above(&lines, 1));
    assert!(!title_neighbours::continues_the_line_above(&lines, 2));
}

#[test]
fn a_promo_asking_to_click_here_is_boilerplate() {
    super::boiler_tests::assert_boilerplate(
        &["Jetzt auch digital! Einfach hier klicken und registrieren!"],
        "Der Rat hat hier die neue Brücke beschlossen.",
    );
}

#[test]
fn a_kicker_sits_between_the_date_and_a_headline_over_its_captioned_picture() {
    let top = "Home\nNews\nNews 2 March 2021\nShe says: \"The bridge is not the problem\"\n\
Mayor Anna Rossi Backs The Council's River Bridge\n\
The mayor on the old bridge last week, says the paper.Photo: Paolo Bianchi\n";
    assert_eq!(
        title_of(top),
        "Mayor Anna Rossi Backs The Council's River Bridge"
    );
    // A credit alone is no caption; the headline is the line under the date.
    let top = "Home\nNews\nPress release 2 March 2021\nCouncil Approves The River Bridge For Buses\n\
Residents Of The Old Town Protest On The River Bridge\n© Paolo Bianchi/Getty Images\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge For Buses");
    // A line said again under its picture is the standfirst.
    let top = "Home\nNews\n2 March 2021\nCouncil Approves The River Bridge\n\
Mayor: \"The old bridge will carry buses from the spring on\"\n\
The mayor on the old bridge last week. Photo: Paolo Bianchi\n\
Mayor: \"The old bridge will carry buses from the spring on\"\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_headline_dated_above_its_pictures_credit_is_no_caption() {
    let top = "Home\nNews\nTopics\nCouncil Bridges 02.03.2021\n\
Council Approves The River Bridge For Buses\nPhoto: Paolo Bianchi (Copyright)\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge For Buses");
}

#[test]
fn a_short_line_between_a_repeated_headline_and_its_byline_is_its_short_form() {
    let head = "Home\nNews\nCouncil Approves The River Bridge After A Long Debate About Its Cost\n\
River Bridge: Council Says Yes\nBy Anna Rossi | 2 March 2021\n";
    let page = format!(
        "{head}{}Share\nCouncil Approves The River Bridge After A Long Debate About Its Cost\n",
        super::title_tests::BODY
    );
    let title = parse_text_page(&page).expect("page parses").title;
    assert_eq!(
        title,
        "Council Approves The River Bridge After A Long Debate About Its Cost"
    );
    // Said once, the line over the byline is the headline and the line
    // above it a kicker.
    assert_eq!(title_of(head), "River Bridge: Council Says Yes");
}

#[test]
fn a_headline_said_all_over_the_page_still_heads_its_standfirst() {
    let head = "Home\nNews\nRiver Bridge: Council Says Yes\nHome\nNews\nMagazine\n\
River Bridge: Council Says Yes\n\
On Tuesday the council voted for the bridge over the river after a long debate. \
But will the buses of the old town really use it when it opens next year?\n\
2 March 2021\n";
    let page = format!(
        "{head}{}More\nRiver Bridge: Council Says Yes\n",
        super::title_tests::BODY
    );
    let title = parse_text_page(&page).expect("page parses").title;
    assert_eq!(title, "River Bridge: Council Says Yes");
}

#[test]
fn a_short_headline_under_a_menu_over_its_posts_tag_is_no_menu_item() {
    let top = "Toggle navigation\nBio\nBlog\nContact\nRiver bridges\nblog\n";
    assert_eq!(title_of(top), "River bridges");
    // A label in capitals under it is one more item of the menu.
    let top = "Home\nBio\nBlog\nContact\nRiver bridges\nNews\n";
    assert_ne!(title_of(top), "River bridges");
}

#[test]
fn print_buttons_are_boilerplate() {
    super::boiler_tests::assert_boilerplate(
        &["Seite drucken", "Drucken", "Print this page", "Imprimir"],
        "Die Druckerei druckt die Zeitung jede Nacht",
    );
}

#[test]
fn a_table_of_contents_holding_a_sections_opening_lists_entries_all_the_same() {
    let page = "Alcohol on the boat: what the law says\n7 January 2022\n\
Contents\nHow much alcohol is allowed on the boat?\n\
As a rule the limit on the water is the same as on the road, and the skipper must keep to it.\n\
What happens after a breach?\nDo you lose your driving licence?\n\
How much alcohol is allowed on the boat?\n\
The water laps gently against the bow and the sun is shining, and a bottle of beer hisses open.\n\
What happens after a breach?\n\
Even small amounts of alcohol slow the skipper down, and a breach on the boat costs a fine.\n\
Do you lose your driving licence?\n\
A skipper who loses the licence for the road keeps the one for the boat, for a while.\n";
    let lines = lines::build(lines::split_lines(page));
    let entry = |text: &str| lines.iter().position(|l| l.text == text).expect("entry");
    assert!(title_repeats::in_contents(
        &lines,
        entry("What happens after a breach?")
    ));
    assert!(title_repeats::in_contents(
        &lines,
        entry("Do you lose your driving licence?")
    ));
    // Past a second paragraph, the table has ended.
    let last = lines.len() - 2;
    assert!(!title_repeats::in_contents(&lines, last));
}

#[test]
fn a_post_dated_and_credited_to_a_user_name_opens_under_a_sidebars_comments() {
    let head = "Home\nLinks\nRecent Comments\n\
Anna: I have walked over the old bridge every day for twenty years, and it is fine.\n\
Paolo: The buses will be stuck on the bridge all day long, mark my words, friends.\n\
Marta: Thank you for the interview, at last someone asks the people who live here.\n\
Luca: Who pays for all of this? The town should fix the roads first, not a bridge.\n\
Council Approves The River Bridge After Long Debate\n2 March 2021\n";
    let page = format!("{head}By admin\n{}", super::title_tests::BODY);
    let title = parse_text_page(&page).expect("page parses").title;
    assert_eq!(title, "Council Approves The River Bridge After Long Debate");
    // A capitalised word after "By" is no user name.
    assert!(!super::opening::by_a_user_name("By Admin"));
    assert!(super::opening::by_a_user_name("von redaktion"));
}

#[test]
fn a_headline_with_a_date_in_it_needs_four_words_beside_the_date() {
    let title_like = |text: &str| lines::build(lines::split_lines(text))[0].is_title_like();
    assert!(title_like(
        "Protokoll der Vorstandssitzung vom 10. Oktober 2019"
    ));
    for date_line in [
        "Last updated on Tuesday, 10 October 2019",
        "Veröffentlicht am Dienstag, 10. Oktober 2019 um 14:00 Uhr",
        "Publié le mardi 10 octobre 2019 à 14h00",
        "Posted on October 10, 2019 at 2:00 pm",
        "Erstellt am 10.10.2019 | Aktualisiert am 11.10.2019",
        "Pubblicato il 10 ottobre 2019 alle ore 14:00",
    ] {
        assert!(!title_like(date_line), "{date_line}");
    }
}

#[test]
fn the_writers_names_alone_under_a_headline_credit_it() {
    let page = "Council Approves The River Bridge\nAnna Rossi, Paolo Bianchi\nText\n\
Council Approves The River Bridge\nThe council, the mayor\n";
    let lines = lines::build(lines::split_lines(page));
    assert!(title_neighbours::byline_right_under(&lines, 0));
    assert!(!title_neighbours::byline_right_under(&lines, 3));
}

#[test]
fn a_reading_time_under_a_headline_marks_it_as_a_date_does() {
    let top = "Home\nGuides\nBridges\nCrossing the river bridge\nEstimated reading time: 6 minutes\n\
Buses on the bridge\n";
    assert_eq!(title_of(top), "Crossing the river bridge");
    assert!(stamps::is_reading_time("5 min read"));
    assert!(!stamps::is_reading_time("Reading time matters to readers"));
}

#[test]
fn a_line_naming_a_price_is_no_persons_name() {
    let lines = lines::build(lines::split_lines(
        "Jacobs Gold Instant Kaffee 2 Gläser für 4,80 €\nAnna Rossi 2 March 2021\n",
    ));
    assert_eq!(meta::bare_name(&lines[0]), None);
    assert!(meta::bare_name(&lines[1]).is_some());
}

#[test]
fn a_short_headline_under_its_credited_date_under_a_trail_is_the_headline() {
    let top = "Home\nStart >\nAbout us >\nPress and news >\n\
05.02.2020 - Redaktion: Anna Rossi (press officer)\nFair Bridges\n\
Council plans the river bridge for buses\n";
    assert_eq!(title_of(top), "Fair Bridges");
}

#[test]
fn the_heading_under_an_abstract_label_is_no_title() {
    let top = "Search\nPublished: 30 January 2017\n\
River Bridges And The Traffic Of Old Towns: A Review\nAnna Rossi1\n\
Current Urban Reports volume 19, Article number: 3 (2017) Cite this article\n\
1786 Accesses\nAbstract\nCouncil and the river bridge\n";
    assert_eq!(
        title_of(top),
        "River Bridges And The Traffic Of Old Towns: A Review"
    );
}
