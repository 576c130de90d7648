//! Tests of the signs that make a short line the headline: its standfirst
//! under it, one made-up page each.

use super::title_tests::title_of;

#[test]
fn a_button_between_a_short_headline_and_its_standfirst_parts_nothing() {
    let head = "Home\nOur work\nRiver Bridge\nSeite drucken\n\
Council approved the new river bridge for the buses and the bicycles of the old town\n";
    let page = format!("{head}{}Topics\nRiver Bridge\n", super::title_tests::BODY);
    let title = super::parse_text_page(&page).expect("page parses").title;
    assert_eq!(title, "River Bridge");
    // Without its standfirst under it, the short line is no headline.
    assert_ne!(title_of(head), "River Bridge");
}

#[test]
fn a_name_like_line_over_its_date_line_under_a_menu_is_the_posts_headline() {
    let top = "Fashion\nTravel\nPress\nContact\nWORK\nRIVER CROSSINGS\n\
Do 24. Mai 2018, 08:30 | UNTERWEGS\n";
    assert_eq!(title_of(top), "RIVER CROSSINGS");
    // Under a headline, a name over the date is the writer's.
    let top = "Fashion\nTravel\nCouncil Approves The River Bridge\nANNA ROSSI\n\
Do 24. Mai 2018, 08:30\n";
    assert_eq!(title_of(top), "Council Approves The River Bridge");
}
