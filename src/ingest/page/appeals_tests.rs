use super::*;
use crate::ingest::page::test_support::{STORY, kept_by};

fn kept(html: &str) -> Vec<String> {
    kept_by(html, drop_closing_appeals)
}

#[test]
fn appeals_after_the_story_go() {
    let html = format!(
        "{STORY}<p>Subscribe now to our weekend edition for the full story.</p>\
         <p>Follow the Courier on Twitter and Instagram for the latest news.</p>\
         <p>¿Ya conoces nuestro canal? Únete a nuestro canal de Telegram.</p><p>+++</p>\
         <p>We want to hear from you. Submit a letter to the editor.</p>\
         <p>Lust auf mehr? Melde dich hier für unseren Newsletter an!</p>\
         <p>Das Heft mit allen Tipps können Sie hier in unserem Shop bestellen.</p>\
         <p>Du möchtest mitmachen? Dann hinterlasse einfach einen Kommentar!</p>"
    );
    assert_eq!(
        kept(&html),
        ["The council voted on Tuesday to keep the library open."]
    );
}

#[test]
fn a_pitch_for_the_publications_offer_closing_the_story_goes() {
    let html = format!(
        "{STORY}<p>Do you like our climbing magazine? We chose to keep it free of a \
         paywall when we started, and it will stay so.</p>\
         <p>Kennt ihr schon unseren Brandfinder? Mit ihm findet ihr nachhaltige Labels \
         auf einen Klick.</p>"
    );
    assert_eq!(
        kept(&html),
        ["The council voted on Tuesday to keep the library open."]
    );
    // A question of the story's own closes it all the same.
    let html = format!(
        "{STORY}<p>Is our town ready for a library open on Sundays? The council will \
         decide in the spring.</p>"
    );
    assert_eq!(kept(&html).len(), 2);
}

#[test]
fn a_note_on_the_author_closing_the_story_goes() {
    let html = format!(
        "{STORY}<p>Candice Sealey is the founder and principal consultant at Ignite, a \
         marketing and PR consultancy.</p>"
    );
    assert_eq!(
        kept(&html),
        ["The council voted on Tuesday to keep the library open."]
    );
}

#[test]
fn an_appeal_goes_with_the_badges_after_it_and_pictures_alone_stay() {
    let badges = "<img src='https://example.com/android.png' alt='android'>\
                  <img src='https://example.com/iphone.png' alt='iphone'>";
    let html = format!(
        "{STORY}<p>Do you want to be informed of our actions? Sign up here</p>\
         <p>Get the latest news straight to your phone with the Courier app.</p>{badges}"
    );
    assert_eq!(
        kept(&html),
        ["The council voted on Tuesday to keep the library open."]
    );
    assert_eq!(kept(&format!("{STORY}{badges}")).len(), 3);
}

#[test]
fn appeals_inside_the_text_go_and_quoted_or_told_ones_stay() {
    let html = format!(
        "{STORY}<p>Never miss the latest news by signing up to our newsletter today!</p>\
         <p>Subscribe to our newsletter for updates on the library.</p>\
         <p>The librarian said the vote came after a long campaign.</p>"
    );
    assert_eq!(
        kept_by(&html, drop_inline_appeals),
        [
            "The council voted on Tuesday to keep the library open.",
            "The librarian said the vote came after a long campaign."
        ]
    );
    // Quoted, or told as the story's sentence: the story's own lines.
    let html = format!(
        "<p>\"Follow us on Twitter!\" the campaign's leaflets urged.</p>{STORY}\
         <p>Residents who follow our newsletter heard of the vote first, she said.</p>"
    );
    assert_eq!(kept_by(&html, drop_inline_appeals).len(), 3);
}

#[test]
fn calls_to_support_visit_or_donate_go() {
    let html = format!(
        "{STORY}<p>Liked this piece? Please consider supporting our work. Thanks!</p>\
         <p>Neu: Besuchen Sie unseren Online-Shop!</p><p>Jede Spende zählt!</p>\
         <p>The librarian said donations paid for the new roof.</p>"
    );
    assert_eq!(
        kept_by(&html, drop_inline_appeals),
        [
            "The council voted on Tuesday to keep the library open.",
            "The librarian said donations paid for the new roof."
        ]
    );
}

#[test]
fn the_story_speaking_of_apps_and_newsletters_stays() {
    let html = format!("{STORY}<p>=)</p>");
    assert_eq!(kept(&html).len(), 2);
    // Not said to the reader, or not at the end: the story's own lines.
    let html = format!(
        "<p>Follow our newsletter for updates, the mayor told residents.</p>{STORY}\
         <p>The company said its users would download the app 10 million times.</p>"
    );
    assert_eq!(kept(&html).len(), 3);
    let html = format!("{STORY}<p>Residents can subscribe to the council's newsletter.</p>");
    assert_eq!(kept(&html).len(), 2);
}
