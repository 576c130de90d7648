//! Tests of blog posts' headlines: a short headline right over its date
//! line, under the blog's name and tagline, one made-up page each.

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
