//! Tests of the rules that keep a line that is not the article's headline
//! (a related story, a caption, a widget's label, a standfirst) from being
//! taken for its title, one made-up page each.

use super::*;

pub(super) const BODY: &str = "\
The city council approved the new river bridge on Tuesday after a long debate about its cost and the traffic it will bring to the old town.
Council members said the bridge will carry buses and bicycles, and that the work on the river banks should start early next spring.
Residents of the old town asked for a study of the bridge traffic before it opens, and the council promised to publish one by the summer.
";

pub(super) fn title_of(top: &str) -> String {
    parse_text_page(&format!("{top}{BODY}"))
        .expect("page parses")
        .title
}

#[test]
fn headlines_under_a_related_heading_are_other_stories() {
    let top = "Council Approves The River Bridge\nHome\nNews\nRelated Items\n\
Council Approves Study Of The River Bridge Traffic\nMarch 2, 2021\nStory Tools\nPrint\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_headline_with_its_byline_under_a_trending_bar_is_the_headline() {
    let top = "Home\nTrending\nBridge Traffic\nOld Town\nCouncil Approves The River Bridge\nBy Anna Rossi\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_related_heading_that_names_its_items_is_a_related_heading() {
    assert_eq!(
        phrases::barrier("Related News On Our Site:"),
        Some(lines::Barrier::Related)
    );
    assert_eq!(
        phrases::barrier("Related Items"),
        Some(lines::Barrier::Related)
    );
    assert_eq!(
        phrases::barrier("Related parties agree on the bridge budget at last"),
        None
    );
}

#[test]
fn a_clock_time_under_a_headline_dates_it() {
    let top = "Home\nNews\nCouncil Approves The River Bridge\n14:35\nShare\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_headline_far_above_the_body_is_found_by_its_byline() {
    let mut top = String::from("Council Approves The River Bridge\nBy Anna Rossi\n");
    for n in 0..40 {
        top.push_str(&format!("Playlist\nVideo number {n} of the day\n"));
    }
    assert_eq!(title_of(&top), "Council Approves The River Bridge");
}

#[test]
fn a_long_line_under_a_shorter_headline_is_its_standfirst() {
    let top = "Home\nA Clear Yes For The Bridge\n\
After a long debate about the cost of the bridge the council voted for the river bridge that will carry buses and bicycles\n\
By Anna Rossi\n";
    assert_eq!(title_of(top), "A Clear Yes For The Bridge");
}

#[test]
fn lines_under_a_long_headline_are_its_summary_points() {
    let top = "Home\nNews\n\
The City Council Approves The New River Bridge For Buses And Bicycles\n\
A study of the bridge traffic in the old town comes by the summer\n\
The council says the work on the river banks starts early next spring\n\
Residents of the old town ask about the cost of the new bridge\n\
Council members say buses and bicycles will cross the river bridge\n\
By Anna Rossi\n";
    assert_eq!(
        title_of(top),
        "The City Council Approves The New River Bridge For Buses And Bicycles"
    );
}

#[test]
fn a_kicker_above_a_long_headline_takes_nothing_from_it() {
    let top = "Home\nNews\nIn Town, Near The River\n\
The city council approves the new river bridge for buses and bicycles after a long debate about its cost\n";
    assert_eq!(
        title_of(top),
        "The city council approves the new river bridge for buses and bicycles after a long debate about its cost"
    );
}

#[test]
fn a_headline_may_end_in_an_initialism() {
    let top = "Home\nNews\nCouncil Approves River Bridge Funded By The U.S.\nBy Anna Rossi\n";
    assert_eq!(
        title_of(top),
        "Council Approves River Bridge Funded By The U.S."
    );
    assert!(!lines::is_headline_ending_in_initialism(
        "The council said the money for the bridge comes from the U.S."
    ));
    assert!(lines::is_headline_ending_in_initialism(
        "Bridge Closed For Wed. after Flood Alert Tues."
    ));
}

#[test]
fn a_line_with_a_picture_credit_is_a_caption() {
    let top = "Council Approves The River Bridge\nHome\nNews\nSport\nArts\nTravel\nWeather\n\
Council members vote for the new river bridge of the old town\nImage: City Archive\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
    let page = lines::build(lines::split_lines(
        "Council members vote for the new river bridge | AP Photo\nCouncil Approves The River Bridge\n",
    ));
    assert!(title_captions::captions_a_picture(&page, 0));
    assert!(!title_captions::captions_a_picture(&page, 1));
    let page = lines::build(lines::split_lines(
        "Photos: The River Bridge Opens To Buses\nBy Anna Rossi\n",
    ));
    assert!(!title_captions::captions_a_picture(&page, 0));
}

#[test]
fn a_headline_with_its_own_byline_is_no_caption_under_a_date() {
    let top = "Old Town Council Approves River Bridge Traffic Study\nMarch 3, 2021\n\
Council Approves The River Bridge\nBy Anna Rossi\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_headline_with_a_number_after_two_capitalised_words_is_no_name() {
    let top = "Home\nNews\nCouncil Votes 4 to 1 for the New River Bridge of the Old Town\n\
The vote came after a long debate\n";
    assert_eq!(
        title_of(top),
        "Council Votes 4 to 1 for the New River Bridge of the Old Town"
    );
}

#[test]
fn tags_between_a_headline_and_its_date_are_no_headlines() {
    let top = "Home\nNews\nA Clear Yes For The Crossing\nOld town\nRiver banks\n\
Bridge traffic\nBuses and bicycles\nCouncil\nMarch 3, 2021\n";
    assert_eq!(title_of(top), "A Clear Yes For The Crossing");
}

#[test]
fn a_short_headline_with_a_label_and_a_byline_under_it_is_no_tag() {
    let top = "Home\nNews\nWorld\nTown\nBridge vote passes\nPolitics\nBy Anna Rossi\n";
    assert_eq!(title_of(top), "Bridge vote passes");
}

#[test]
fn a_menu_above_a_short_headline_leaves_it_the_headline() {
    let top = "Home\nNews\nWorld\nTown\nBridge vote passes\nBy Anna Rossi\n";
    assert_eq!(title_of(top), "Bridge vote passes");
}

#[test]
fn a_cjk_role_before_a_name_is_a_byline() {
    assert!(meta::byline_of("編集委員 中沢克二").is_some());
    assert!(meta::byline_of("特派員 山田 太郎").is_some());
    assert!(meta::byline_of("編集委員会の報告").is_none());
    assert!(meta::byline_of("記者 会見で首相が語ったこと、そして語らなかったこと").is_none());
}

#[test]
fn a_line_opened_by_an_arrow_is_a_link() {
    let top = "A Clear Yes For The Bridge\nHome\nNews\nSport\nArts\nTravel\nWeather\n\
> Council Approves The River Bridge For Buses And Bicycles\n";
    assert_eq!(title_of(top), "A Clear Yes For The Bridge");
}

#[test]
fn two_capitalised_words_then_a_phrase_are_a_headline_not_a_name() {
    let top = "Home\nNews\nRiver Bridge - the council says yes at last\n";
    assert_eq!(title_of(top), "River Bridge - the council says yes at last");
    let credit = lines::build(lines::split_lines("Anna Rossi - Staff Writer\n"));
    assert_eq!(meta::bare_name(&credit[0]).as_deref(), Some("Anna Rossi"));
}

#[test]
fn a_name_like_headline_with_a_byline_under_it_is_the_headline() {
    let top = "Home\nNews\nRiver Bridge Approved\nBy Anna Rossi - March 3, 2021\n";
    assert_eq!(title_of(top), "River Bridge Approved");
}

const STANDFIRST: &str =
    "Council members approved the new river bridge for buses and bicycles after a long debate";

#[test]
fn a_line_half_as_long_again_as_the_headline_above_is_its_standfirst() {
    let top = format!(
        "Home\nNews\nCouncil Says Yes To The New River Bridge\n{STANDFIRST}\nBy Anna Rossi\n"
    );
    assert_eq!(title_of(&top), "Council Says Yes To The New River Bridge");
}

#[test]
fn a_standfirst_repeated_as_the_description_is_still_a_standfirst() {
    let top =
        format!("Home\nNews\nA Clear Yes For The New River Bridge\n{STANDFIRST}\nBy Anna Rossi\n");
    let tail = format!("Related Items\n{STANDFIRST}\n");
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "A Clear Yes For The New River Bridge");
}

#[test]
fn a_title_cased_line_is_no_standfirst() {
    let page = lines::build(lines::split_lines(&format!(
        "Council Says Yes To The New River Bridge\n{STANDFIRST}\n\
Follow Our Reporter And Get Bridge Alerts Today\n\
Council Approves The New River Bridge For Buses And Bicycles After A Debate\n"
    )));
    assert!(title_signs::is_standfirst_under_headline(&page, 1, |_| 1.0));
    assert!(!title_signs::is_standfirst_under_headline(&page, 3, |_| {
        1.0
    }));
}

#[test]
fn a_dated_headline_under_the_sites_tagline_is_found_in_the_prose() {
    let top = "News and notes from the old town hall, every week of the year.\nMarch 3, 2021\n\
Council Approves The River Bridge\n";
    let article = parse_text_page(&format!("{top}{BODY}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
    assert!(article.body[0].starts_with("The city council approved"));
}

#[test]
fn a_headline_written_as_sentences_over_its_byline_is_the_headline() {
    let top = "Home\nNews\nThe council said yes. Now the bridge gets built.\n\
A long debate ends with a vote for buses and bicycles on the river bridge of the old town.\n\
By Anna Rossi\n";
    assert_eq!(
        title_of(top),
        "The council said yes. Now the bridge gets built."
    );
}

#[test]
fn a_menu_line_above_a_date_heads_nothing() {
    let top = "Home\nSubscribe Search My Account Login\nNews\nMarch 3, 2021\n\
A Clear Yes For The River Bridge\n";
    let tail = "Share\nRiver bridge traffic\n";
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "A Clear Yes For The River Bridge");
}

#[test]
fn a_dated_headline_under_a_browser_notice_and_a_menu_opens_the_article() {
    let mut top = String::from(
        "Thank you for visiting our site. You are using a browser version with limited support for \
some features, so parts of the page may look wrong. To get the best experience, update your \
browser or turn off its compatibility mode, and come back to the page later.\n",
    );
    for item in [
        "Town", "Sport", "Arts", "Travel", "Weather", "Jobs", "Cars", "Food", "Music",
    ] {
        top.push_str(item);
        top.push('\n');
    }
    top.push_str("March 3, 2021\nCouncil Approves The River Bridge\n");
    let article = parse_text_page(&format!("{top}{BODY}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_headline_going_on_past_a_year_is_no_name() {
    let top = "Home\nNews\nRiver Bridge 2021 for the Old Town\nMarch 3, 2021\n";
    assert_eq!(title_of(top), "River Bridge 2021 for the Old Town");
    let credit = lines::build(lines::split_lines("Anna RossiMarch 3, 2021 at 5:39 AM\n"));
    assert!(meta::bare_name(&credit[0]).is_some());
}

#[test]
fn a_sentence_under_a_byline_is_no_opening_headline() {
    let top = "Home\nNews\nCouncil Approves The River Bridge\nTown\nBy Anna Rossi\n\
Write to us about the bridge. Send your letters today.\nMarch 3, 2021\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}

#[test]
fn a_sentence_with_a_date_in_it_dates_no_headline_under_it() {
    let top = "Home\nNews\nA Clear Yes For The Crossing\nBy Anna Rossi\n\
Council members at the vote in the town hall on Tuesday evening, with the plans of the bridge.\n\
Highlights\nThe first bridge over the river opened on March 3, 1921\n\
Council approves the new river bridge for buses and bicycles\n";
    assert_eq!(title_of(top), "A Clear Yes For The Crossing");
}

#[test]
fn a_standfirst_set_as_a_heading_marks_the_headline_over_it() {
    let page = lines::build(lines::split_lines(
        "12.12.2022 - City Press Office\nA New River Bridge For The Old Town\n\
River bridge vote: the council approves buses and bicycles on the new bridge\nAnna Rossi\n\
Appeasement Is Always Wrong\nNo Peace For The Bridge This Year\nAnna Rossi\n",
    ));
    assert!(title_heads::credited_under_any_standfirst(&page, 1));
    assert!(!title_heads::credited_under_standfirst(&page, 1));
    // Too short for a standfirst: a headline under its kicker.
    assert!(!title_heads::credited_under_any_standfirst(&page, 4));
}

#[test]
fn a_headline_closed_by_a_bar_and_a_year_is_the_search_name() {
    assert!(title_furniture::ends_with_a_barred_year(
        "Best Cheap Bridge Costumes | 2020"
    ));
    assert!(!title_furniture::ends_with_a_barred_year(
        "Bridge Costumes | Town News"
    ));
    assert!(!title_furniture::ends_with_a_barred_year(
        "Bridge Costumes 2020"
    ));
    let top = "Home\nNews\nRiver Bridge Vote Ends Council Debate | 2021\n\
The Council Approves The River Bridge After Long Debate\nBy Anna Rossi\n";
    assert_eq!(
        title_of(top),
        "The Council Approves The River Bridge After Long Debate"
    );
}

#[test]
fn arrows_either_way_open_a_link() {
    let page = lines::build(lines::split_lines(
        "« Back To The River Bridge Votes\n→ Bridge\nCouncil Approves The River Bridge\n\
         ↓ Zu den Kommentaren\n",
    ));
    assert!(title_signs::is_arrow_link(&page[0]));
    assert!(title_signs::is_arrow_link(&page[1]));
    assert!(!title_signs::is_arrow_link(&page[2]));
    assert!(title_signs::is_arrow_link(&page[3]));
}

#[test]
fn a_headline_under_its_day_stamp_loses_the_stamp_and_a_tag_line_is_none() {
    let page = format!(
        "Home\nTravel\nA blog about towns and their bridges, written by an engineer who has crossed \
every bridge of the old town and likes to tell of it to anyone.\n\
Jun 17\nJun 17 A Long Week For The Town\n{BODY}\
River Bridge, Old Town, City Council\nShare\n"
    );
    assert_eq!(
        parse_text_page(&page).expect("page parses").title,
        "A Long Week For The Town"
    );
    assert!(title_signs::is_tag_line(
        "Long Island, Montauk, New York, Hamptons"
    ));
    assert!(title_signs::is_tag_line(
        "amiga, dogs, floppy, Hunde, Hundeleben, Mesty"
    ));
    assert!(!title_signs::is_tag_line(
        "Rome, Paris, Berlin vote for the bridge"
    ));
    assert!(!title_signs::is_tag_line(
        "bread, wine, cheese, olives and figs for the whole town"
    ));
    assert!(!title_signs::is_tag_line(
        "Council Approves The River Bridge"
    ));
}

const HARBOUR: &str = "The harbour festival opened on Saturday with boats from every town of the coast, and the council counted more visitors than in any year before.\n";
const SCHOOLS: &str = "The schools of the old town reopened on Monday after the long winter, and the teachers said the children were glad to be back in their classes.\n";

#[test]
fn an_editions_page_is_titled_by_the_dated_line_naming_the_edition() {
    let top = "Home\nTown Weekly Edition for March 3, 2021\nCouncil Approves The River Bridge\nBy Anna Rossi\nMarch 2, 2021\n";
    let more = format!(
        "The Harbour Festival Opens Its Doors\nBy Marco Bianchi\nMarch 2, 2021\n{HARBOUR}{SCHOOLS}\
Schools Reopen After The Long Winter\nBy Lucia Verdi\nMarch 1, 2021\n{SCHOOLS}{HARBOUR}"
    );
    let edition = parse_text_page(&format!("{top}{BODY}{more}")).expect("page parses");
    assert_eq!(edition.title, "Town Weekly Edition for March 3, 2021");
    // One article under the same line is that article's page.
    let single = parse_text_page(&format!("{top}{BODY}")).expect("page parses");
    assert_eq!(single.title, "Council Approves The River Bridge");
}
