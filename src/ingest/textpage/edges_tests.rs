//! Tests of the body's edges: sentence lines right above the first paragraph.

use super::*;

#[test]
fn a_short_first_sentence_above_the_first_paragraph_opens_the_body() {
    let text = "Story Shelf\nHome\nStories\nThe Lighthouse Keeper Who Never Left His Island\nMarch 3, 2021\nPrevious chapter\n\
The sea was quiet that night.\n\
A thin fog crept over the rocks while the keeper climbed the stairs, counting every step as he had done for thirty years without fail.\n\
At the top he wiped the glass, lit the lamp and sat down with his notebook to write the weather, the ships and the hours of the tide.\n\
Nobody had visited the island since the spring, and the supply boat was already two weeks late, which worried him more each day.\n\
Share\nComments\n";
    let article = parse_text_page(text).expect("page parses");
    assert_eq!(
        article.body.first().map(String::as_str),
        Some("The sea was quiet that night."),
        "{:?}",
        article.body
    );
}

#[test]
fn a_menu_label_above_the_first_paragraph_is_not_taken() {
    let text = "Story Shelf\nHome\nStories\nThe Lighthouse Keeper Who Never Left His Island\nMarch 3, 2021\nRead the next chapter\n\
A thin fog crept over the rocks while the keeper climbed the stairs, counting every step as he had done for thirty years without fail.\n\
At the top he wiped the glass, lit the lamp and sat down with his notebook to write the weather, the ships and the hours of the tide.\n\
Nobody had visited the island since the spring, and the supply boat was already two weeks late, which worried him more each day.\n";
    let article = parse_text_page(text).expect("page parses");
    assert!(
        article.body[0].starts_with("A thin fog"),
        "{:?}",
        article.body
    );
}
