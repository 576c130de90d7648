//! Tests of blog posts and press releases: a short headline
//! right over its date line under the blog's tagline, a post of short
//! lines, a lead under the date line, a wish over the sign-off; one
//! made-up page each.

use super::parse_text_page;
use super::title_tests::title_of;

#[test]
fn a_short_headline_over_its_date_over_the_text_beats_the_blogs_tagline() {
    let top = "Home\nImprint\nArchive\nAbout me\nRiverside Blog\n\
From the life of a man of no talent\n« Logbook 2009\nTalks with monsters #1\n23 December 2009 //\n";
    assert_eq!(title_of(top), "Talks with monsters #1");
}

#[test]
fn a_post_formats_label_between_the_date_and_the_text_keeps_the_headline() {
    let top = "The council, the bridge and the old town…\nHome\nPrivacy\nImprint\nJoin in…\n\
Jan24\nFog.\nPublished on Fri, 24 January 2020, 18:18 by Anna\nStandard\n";
    assert_eq!(title_of(top), "Fog.");
}

#[test]
fn a_post_of_short_lines_under_its_dated_headline_is_the_body() {
    let page = "Riverside Meetups\n\
Talks on town planning, traffic and the river for everyone who lives by the water, held once a month in the old library by the bridge.\n\
Search\nMain menu\nHome\nAbout us\nEvents\nPrevious Next\n\
Meetup April 2012\nPublished on 11/04/2012 by anna\n\
Host: Town library, Bridge Street 29, Riverside\nModerator: Hass Chapman\nAgenda\n\
Two or three short talks on the bridge (30 mins)\nQuestions from the neighbours about traffic (1 hour)\n\
Small groups on the river banks (30 mins)\nNext meeting, when? What type? Etc. (30 mins)\n\
Share with others\nPrint\nTwitter\nFacebook\nRelated posts\nLeave a reply\n";
    let a = parse_text_page(page).expect("an article");
    assert_eq!(a.title, "Meetup April 2012");
    assert!(
        a.body.contains(&"Moderator: Hass Chapman".to_string()),
        "{:?}",
        a.body
    );
    assert_eq!(
        a.body.last().map(String::as_str),
        Some("Next meeting, when? What type? Etc. (30 mins)")
    );
}

#[test]
fn a_lead_set_as_a_heading_under_the_date_line_is_the_standfirst() {
    let page = format!(
        "Press\nArchive\nNew fire-fighting foam and a bridge of paper win the science prize\n\
         Hamburg, 2 November 2021\n\
         Winners of the country's best known contest for young scientists show their work at the fair\n{}",
        super::title_tests::BODY
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(
        a.standfirst.as_deref(),
        Some(
            "Winners of the country's best known contest for young scientists show their work at the fair"
        )
    );
    let listed = page.replace(
        "Winners of the country's best known contest for young scientists show their work at the fair",
        "From the towns, Blog, other news, Events and fairs",
    );
    let a = parse_text_page(&listed).expect("an article");
    assert_eq!(a.standfirst, None);
}

#[test]
fn a_short_wish_over_the_writers_sign_off_closes_the_post() {
    let page = format!(
        "Deal Doctor\nHome\nTen thousand testers wanted for the new biscuit\nAnna 17.10.2019, 13:56\n{}\
         Good luck!\nYours Anna\nTo the deal »\nSHARE TWEET SHARE MAIL\n",
        super::title_tests::BODY
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(
        a.body.last().map(String::as_str),
        Some("Yours Anna"),
        "{:?}",
        a.body
    );
}

#[test]
fn a_headline_over_its_date_and_posted_by_line_beats_the_blogs_name() {
    let top = "For schools\nFor whom?\nBy whom?\nBridge Council\n\
~ bridges & what moves me\nSearch:\nAfter far too long the council bridge again\n31 Thursday Oct 2019\n\
Posted by DT in Diary\n≈ Leave a comment\nTags\nbridge, buses, river, town, council, traffic\n";
    let page = format!("{top}{}Bridge Council\n", super::title_tests::BODY);
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "After far too long the council bridge again");
    assert_eq!(a.byline.as_deref(), Some("DT"));
}

#[test]
fn a_blogs_posted_by_line_credits_the_name_without_the_category() {
    let credit = |s: &str| super::meta::byline_of(s);
    assert_eq!(
        credit("Posted by Anna Rossi in Travel").as_deref(),
        Some("Anna Rossi")
    );
    assert_eq!(
        credit("Geschrieben von Anna Rossi").as_deref(),
        Some("Anna Rossi")
    );
    assert_eq!(credit("Posted in Travel"), None);
}

#[test]
fn a_sections_label_over_a_headlines_date_and_byline_is_no_headline() {
    let top = "Home\nBridge news\n>\nCouncil\n>\nBridge news\n02.02.2022 · 11:14\nby Anna Rossi\n\
Long wait for the new council bridge\n\
Only two days after the vote will the council show the plans - the work starts in spring all the same\n\
share tweet share mail\n";
    assert_eq!(
        super::title_tests::title_of(top),
        "Long wait for the new council bridge"
    );
}

#[test]
fn a_headlines_credit_block_copied_twice_is_no_list_of_teasers() {
    let top = "Home\nTown\nWednesday 04 May 2022 | 01:10\n\
Council Approves The River Bridge After Long Debate\nPosted by Anna Rossi\n\
The news is from Marco Bianchi\nPosted by Anna Rossi\nThe news is from Marco Bianchi\n";
    assert_eq!(
        super::title_tests::title_of(top),
        "Council Approves The River Bridge After Long Debate"
    );
}

#[test]
fn a_rubric_over_a_headline_over_its_category_and_byline_is_its_kicker() {
    let top = "Town Daily\nThe daily of the town\nLog in\n-A+A\nThe bridge in debate\n\
Open floor: a town, its river and me\nLAWYER\nBy Anna Rossi on 7 May 2020\n";
    assert_eq!(
        super::title_tests::title_of(top),
        "Open floor: a town, its river and me"
    );
}

#[test]
fn a_by_alone_over_a_name_makes_the_name_the_headlines_byline() {
    let page = format!(
        "Research & Innovation\nNew Bridge Does Superior Job Carrying Buses\nBy\nAnna Rossi\nDate\n\
February 5, 2020\nShare\nFacebook\nTwitter\nEmail\nPrint\n\
Council approves the new river bridge and its traffic study\n{}",
        super::title_tests::BODY
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "New Bridge Does Superior Job Carrying Buses");
    assert_eq!(a.byline.as_deref(), Some("Anna Rossi"));
}
