//! Tests of the boilerplate set among an article's paragraphs: captions
//! that tell how to see a picture larger, disclosures and disclaimers,
//! a magazine's buy button.

use super::boiler_tests::assert_boilerplate;

#[test]
fn a_caption_that_tells_how_to_see_the_picture_larger_is_boilerplate() {
    assert_boilerplate(
        &[
            "The web of firms behind the cooperative and its banks. Click to enlarge. (As of June \
             2016) CC-BY-SA 2.0",
            "Das Netz der Firmen hinter der Genossenschaft. Zum Vergrößern auf das Bild klicken. \
             (Stand Juni 2016) CC-BY-SA 2.0",
        ],
        "The web of firms behind the cooperative grew larger every year, and the picture the \
         members drew of it in June shows how far it reached into the village.",
    );
}

#[test]
fn disclosures_disclaimers_and_buy_buttons_are_boilerplate() {
    assert_boilerplate(
        &[
            "Advertising Disclosure",
            "Advertiser Disclosure",
            "Ausgabe kaufen",
            "Disclaimer (varies by section): articles on this site may contain opinions of the \
             author and may not necessarily reflect the views of the site itself nor of its \
             owners. For more information please read our editorial guidelines, our fact \
             checking policy and, most importantly, our terms of service. Links on this site \
             may earn the publisher a commission; see the notice in the sidebar for details.",
        ],
        "The cooperative's members say the views of the village on the new oven differ, and \
         that the terms of the loan were read out at the meeting on Tuesday.",
    );
}

#[test]
fn a_headline_over_its_pictures_credit_and_its_date_is_no_caption() {
    let top = "Home\nSeminar\nOnline seminar\nKeep up with the council\nCase law\nTown planning\n\
Council Approves The Bridge\nImage: AdobeStock/anna\n20.12.2022\n";
    assert_eq!(
        super::title_tests::title_of(top),
        "Council Approves The Bridge"
    );
}
