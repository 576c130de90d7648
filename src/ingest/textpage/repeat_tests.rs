//! Tests of the rules for a headline the page repeats (share boxes, a
//! featured slot, lists of the latest stories): the copy with its credit or
//! date is still the headline, a short label repeated across the page is
//! none.

use super::title_tests::{BODY, title_of};
use super::*;

#[test]
fn a_short_label_repeated_across_the_page_is_no_headline() {
    let top = "A Vote For The Crossing\nHome\nNews\nArts\nTravel\n\
Bridge traffic\nMore videos\nBridge traffic\nMore videos\nBridge traffic\nMore videos\n";
    assert_eq!(title_of(top), "A Vote For The Crossing");
}

#[test]
fn a_headline_repeated_by_share_boxes_is_still_the_headline() {
    let top = "Home\nNews\nCouncil Approves The River Bridge\nBy Anna Rossi\n";
    let tail = "Share\nCouncil Approves The River Bridge\nE-mail\n\
Council Approves The River Bridge\nPrint\n";
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_headline_named_by_a_share_box_beats_the_line_over_its_byline() {
    let top = "Home\nNews\nCouncil Backs River Crossing For Commuters\nNew, 74 comments\n\
Bicycles will also cross the water\nBy Anna Rossi Jul 3, 2019\nShare this story\n\
Share All sharing options for: Council Backs River Crossing For Commuters\n";
    assert_eq!(title_of(top), "Council Backs River Crossing For Commuters");
}

#[test]
fn a_repeated_headline_with_its_date_under_it_is_the_headline() {
    let top = "Council Approves The River Bridge\nHome\nNews\nSport\nArts\n\
Council Approves The River Bridge\nMarch 3, 2021 by staff\nShare\n";
    let tail = "More\nCouncil Approves The River Bridge\n";
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_repeated_headline_with_a_standfirst_then_its_date_is_the_headline() {
    let top = "Home\nNews\nSport\nCouncil Approves The River Bridge\n\
The vote ends a debate of ten years about the cost and the traffic of a new crossing.\n\
12.12.2022\nPhoto: City archive\n";
    let tail = "Related\nCouncil Approves The River Bridge\nSchools Open Early\n\
Latest news\nCouncil Approves The River Bridge\n12.12.2022\nSchools Open Early\n08.12.2022\n";
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_repeated_headline_over_a_by_label_and_the_name_is_the_headline() {
    let top = "Home\nNews\nBridges & Roads\nCouncil Approves The River Bridge\nBy\nAnna Rossi\n\
Full Bio\nUpdated March 3, 2021\n";
    let tail = "Related\nCouncil Approves The River Bridge\nSchools Open Early\n\
Latest\nCouncil Approves The River Bridge\nFerry Prices Rise\n";
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn a_short_headline_repeated_with_its_date_is_no_widget_label() {
    let page = format!(
        "A Nightmare\nHome\nNews\nSport\nArts\nWeather\nPrint page\n12.03.2021\nA Nightmare\n\
{BODY}A Nightmare\nMore news\n"
    );
    let lines = lines::build(lines::split_lines(&page));
    assert!(!title_signs::is_repeated_label(&lines, 8));
    assert!(title_signs::opens_with_article("A Nightmare"));
    assert!(!title_signs::opens_with_article("Anna Rossi"));
    assert_eq!(
        parse_text_page(&page).expect("page parses").title,
        "A Nightmare"
    );
}

#[test]
fn a_repeated_headline_with_its_date_right_above_it_is_the_headline() {
    let top = "Town Blog\nNews\nStaff pages\nMarch 3, 2021\nCouncil Approves The River Bridge\n";
    let tail = "Recent posts\nCouncil Approves The River Bridge\nSnow Closes The Pass\n\
Archive\nCouncil Approves The River Bridge\n";
    let article = parse_text_page(&format!("{top}{BODY}{tail}")).expect("page parses");
    assert_eq!(article.title, "Council Approves The River Bridge");
}

#[test]
fn dated_entries_of_a_writers_other_stories_are_no_headline() {
    // The article's head comes first, then lists of the writer's other
    // stories (each dated, or credited with its own day), then its text.
    let top = "Home\nCity\nRiver Bridge: A Vote For The Old Town\nTransport\n\
Published on\n15.12.2022\nAnna Rossi\nMore articles\n\
16.11.2022\nCouncil members argue about the bridge traffic\n\
10.08.2022\nBuses and bicycles on the river banks\n15.06.2022\nA new mayor for the harbour\n\
Related articles\nCouncil members argue about the bridge traffic\nBy Anna Rossi on 16.11.2022\n\
Buses and bicycles on the river banks\nBy Anna Rossi on 10.08.2022\nCategory\nTransport\n";
    assert_eq!(title_of(top), "River Bridge: A Vote For The Old Town");
}

#[test]
fn a_headline_the_menus_repeat_is_still_the_headline_right_above_the_text() {
    let menu = "Home\nCouncil Approves The River Bridge\nSport\nArts\n";
    let top = format!(
        "{menu}{menu}Home\nNews\nCouncil Approves The River Bridge\n330 ratings\n\
        Council Approves The River Bridge\n4 comments\n"
    );
    assert_eq!(title_of(&top), "Council Approves The River Bridge");
}

#[test]
fn a_menu_entry_repeated_over_a_dated_headline_is_no_headline() {
    let menu = "Home\nBridge Traffic In The Old Town\nSport\nArts\n";
    let top = format!(
        "{menu}{menu}{menu}Blog\nBridge Traffic In The Old Town\nLife In Town\n\
        A Yes After A Long Debate\nPublished on March 3, 2021\n"
    );
    assert_eq!(title_of(&top), "A Yes After A Long Debate");
}

#[test]
fn a_search_prompt_repeated_around_the_headline_is_no_headline() {
    let prompt = "Search the news of the old town";
    let top = format!(
        "{prompt}\nHome\nNews\nSport\nArts\n{prompt}\nDetailed search\n{prompt}\n\
        {prompt}\nYes To The Bridge After A Long Debate\n"
    );
    assert_eq!(title_of(&top), "Yes To The Bridge After A Long Debate");
}
