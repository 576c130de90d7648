//! Tests of the text-copy rules that keep a page's boilerplate (comment
//! forms, filing notes, links to other stories, cookie panels) out of the
//! body, and its sections in it.

use super::*;

fn parse(text: &str) -> Article {
    parse_text_page(text).expect("page parses")
}

#[test]
fn a_comment_forms_notes_are_not_the_article() {
    let text = "Garden Notes\nHow to Grow Tomatoes on a Balcony\n\
Tomatoes grow well in large pots if they get six hours of sun a day and water every morning in summer.\n\
Pick a compact variety, feed it every two weeks and tie the stem to a cane as soon as it is a foot tall.\n\
Your email address will not be published. Required fields are marked *\n\
Save my name, email, and website in this browser for the next time I comment.\n\
Notify me of follow-up comments by email and of new posts by email.\n\
This site uses a filter to reduce spam. Learn how your comment data is processed.\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("Pick a compact variety"), "{body}");
    assert!(!body.contains("Notify me"), "{body}");
    assert!(!body.contains("reduce spam"), "{body}");
}

#[test]
fn a_link_to_another_story_between_paragraphs_is_not_the_article() {
    let text = "City Desk\nBridge Repairs Close the River Road for a Month\n\
The river road will be closed from Monday while workers replace the joints of the old bridge, the council said.\n\
Read more: Council Approves New Budget for Road Works\n\
Buses will take a detour through the north quarter, adding about ten minutes to each journey into the centre.\n\
Lea también: Otra noticia sobre el puente viejo\n\
The works should end before the start of the school year, weather permitting, according to the engineers.\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("Buses will take a detour"), "{body}");
    assert!(
        body.contains("before the start of the school year"),
        "{body}"
    );
    assert!(!body.contains("Council Approves"), "{body}");
    assert!(!body.contains("Otra noticia"), "{body}");
}

#[test]
fn a_headline_behind_double_arrows_between_paragraphs_is_not_the_article() {
    let text = "City Desk\nBridge Repairs Close the River Road for a Month\n\
The river road will be closed from Monday while workers replace the joints of the old bridge, the council said.\n\
>>> Council Approves New Budget for Road Works\n\
Buses will take a detour through the north quarter, adding about ten minutes to each journey into the centre.\n\
>> Old Bridge Gets New Lights <<\n\
The works should end before the start of the school year, weather permitting, according to the engineers.\n\
> Quoted reply from a reader about the bridge\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("Buses will take a detour"), "{body}");
    assert!(!body.contains("Council Approves"), "{body}");
    assert!(!body.contains("New Lights"), "{body}");
    assert!(phrases::is_inline_link(">> Old Bridge Gets New Lights <<"));
    assert!(!phrases::is_inline_link(
        "> Quoted reply from a reader about the bridge"
    ));
    assert!(!phrases::is_inline_link(">>>"));
    assert!(!phrases::is_inline_link(">>> def foo(bar=[]): return bar"));
    assert!(!phrases::is_inline_link(">>> print A.x, B.x"));
}

#[test]
fn encoded_data_copied_with_the_page_is_no_prose() {
    let blob = "PGRpdiBjbGFzcz0ic3AtZHNndm8gc3AtZHNndm8tZW1iZWRkaW5nLWNvbnRhaW5lciI+".repeat(20);
    let text = format!(
        "City Desk\nBridge Repairs Close the River Road for a Month\n\
The river road will be closed from Monday while workers replace the joints of the old bridge, the council said.\n\
Buses will take a detour through the north quarter, adding about ten minutes to each journey into the centre.\n\
Privacy settings\n{blob}\n{blob}\n"
    );
    let body = parse(&text).body.join("\n");
    assert!(body.contains("Buses will take a detour"), "{body}");
    assert!(!body.contains("PGRpdiBj"), "{body}");
    assert!(boilerplate::is_encoded_blob(&blob));
    let prose = format!(
        "The council published the key of the widget, {}, so that anyone who wants to \
         check the count of the votes can do it at home.",
        &blob[..70]
    );
    assert!(!boilerplate::is_encoded_blob(&prose));
    assert!(!boilerplate::is_encoded_blob(
        "https://example.com/a/very/long/path/to/some/page/that/goes/on/and/on"
    ));
}

#[test]
fn a_cookie_settings_panel_longer_than_the_article_is_not_the_article() {
    let cookies = |what: &str| {
        format!(
            "These {what} cookies are stored in your browser when you visit our website, and \
            they help us show the pages quickly and remember the choices you make. You can turn \
            them off in the settings below, though some parts of the site may then stop working."
        )
    };
    let text = format!(
        "Town News\nThe Old Mill Reopens as a Library\nMay 4, 2022\n\
The old mill by the river reopened on Saturday as the town's new library, after two years of careful repairs to its walls and roof.\n\
Hundreds of readers queued at the door before noon, and the children's corner ran out of chairs within the first hour of the day.\n\
Privacy Overview\n{}\nNecessary\n{}\nAnalytics\n{}\nMarketing\n{}\n",
        cookies("necessary"),
        cookies("analytics"),
        cookies("marketing"),
        cookies("advertising"),
    );
    let body = parse(&text).body.join("\n");
    assert!(body.contains("The old mill by the river"), "{body}");
    assert!(!body.contains("cookies are stored"), "{body}");
}

#[test]
fn long_sections_under_subheadings_are_the_article_not_teasers() {
    let section = |what: &str| {
        format!(
            "Before you start on {what}, read the whole of this part once, since every step \
            depends on the one before it and a slip early on is hard to undo later. Set out the \
            tools on a clean table, keep the manual open at the right page and work slowly, \
            checking each joint twice before you go on. When the part is done, test it on its \
            own before you put the case back together, and write down what you changed."
        )
    };
    let text = format!(
        "Repair Corner\nHome\nHow to Replace the Switch of an Old Radio\nby A. Fixer · May 4, 2022\n\
{}\nThe Tools You Need\n{}\nOpening the Case\n{}\nRemoving the Old Switch\n{}\n\
Fitting the New One\n{}\nShare\n",
        section("the radio"),
        section("the tools"),
        section("the case"),
        section("the old switch"),
        section("the new switch"),
    );
    let body = parse(&text).body;
    assert!(body.len() >= 5, "{body:?}");
    assert!(
        body.iter().any(|p| p.contains("the new switch")),
        "{body:?}"
    );
}

#[test]
fn a_blog_posts_filing_note_is_not_the_article() {
    let text = "Field Notes\nA Walk Along the Canal\n\
We walked the old canal path from the lock to the mill on Sunday morning, and the herons were out on every bank. The water was low after the dry summer, and the boats sat on the mud by the wharf.\n\
This entry was posted in Walks and tagged canal, herons, mill by the editor. Bookmark the permalink of this post for later reading.\n\
About the Editor\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("herons were out"), "{body}");
    assert!(!body.contains("Bookmark the permalink"), "{body}");
}

/// An article about cookies keeps its paragraphs that speak of them, at
/// its ends as in its middle.
#[test]
fn an_article_about_cookies_keeps_its_opening_and_close() {
    let text = "Town News\nWhat the New Law Means for Cookies\nMay 4, 2022\n\
Cookies are small files a website stores in your browser, and from next month every site in the country must ask before it sets one that tracks you.\n\
The new law was passed after a long debate in parliament, where the two largest parties argued for months over how strict the rules should be.\n\
Shops that sell online say the banners asking about cookies will cost them readers, while the consumer groups say people deserve the choice.\n\
The law also covers the apps on your phone, which will have to show the same notice before they share what you do with advertisers.\n\
In the end, the cookies that keep you signed in or remember your basket will still be allowed without asking, the minister said.\n";
    let body = parse(text).body;
    assert!(body[0].starts_with("Cookies are small files"), "{body:?}");
    assert!(
        body.last()
            .is_some_and(|p| p.starts_with("In the end, the cookies")),
        "{body:?}"
    );
}

#[test]
fn a_consent_panel_that_never_says_cookie_is_not_the_article() {
    let purpose = |what: &str| {
        format!(
            "The technical storage or access is used for {what}, and it is needed so that the \
            service you asked for can work as it should, or to send a message over the network, \
            for as long as you keep the setting switched on in this panel."
        )
    };
    let text = format!(
        "Town Gazette\nNews\nDog Wakes Family As Fire Starts In Kitchen\nMarch 3, 2021\n\
A dog woke a family in the old town on Tuesday night when a fire started in their kitchen, and all four got out unhurt.\n\
Firefighters put out the fire within twenty minutes; the police think a forgotten pan on the stove started it.\n\
Share\nManage consent\nFunctional\n{}\nPreferences\n{}\nStatistics\n{}\nMarketing\n{}\nAccept\nDeny\n",
        purpose("the settings you chose"),
        purpose("storing your preferences"),
        purpose("anonymous statistics of visits"),
        purpose("building profiles for advertising"),
    );
    let article = parse_text_page(&text).expect("page parses");
    assert!(
        article.body[0].starts_with("A dog woke a family"),
        "{:?}",
        article.body
    );
    assert!(
        !article.body.iter().any(|p| p.contains("technical storage")),
        "{:?}",
        article.body
    );
}

#[test]
fn related_lists_and_inline_links_are_known_in_more_languages() {
    use super::lines::Barrier;
    use phrases::{barrier, is_soft_marker};
    for heading in [
        "Das könnte dich auch interessieren …",
        "Die meistgelesenen Artikel",
        "Ähnliche Beiträge",
        "Verwandte Themen:",
        "Further reading",
        "Te recomendamos",
        "Najczęściej czytane",
        "Neueste Beiträge",
        "Beliebte Beiträge zum Thema:",
        "Recent Posts",
        "Derniers articles",
        "Entradas recientes",
        "Schon gelesen?",
        "Zum Weiterlesen",
        "Weitere Beiträge aus der Kolumne:",
        "Mehr Kolumnen auf MeinMMO:",
        "Aktuelle Berichte aus dieser Kategorie",
        "Weitere Informationen zum Thema",
    ] {
        assert_eq!(barrier(heading), Some(Barrier::Related), "{heading}");
    }
    for heading in [
        "45 Gedanken zu „Das wird man ja wohl noch sagen dürfen!“",
        "12 thoughts on “Need for Speed: a long title that runs well past sixty characters”",
        "3 risposte a “Il porto”",
    ] {
        assert_eq!(barrier(heading), Some(Barrier::Comments), "{heading}");
    }
    assert_eq!(barrier("12 thoughts"), None);
    assert_eq!(
        barrier("5 Antworten auf die wichtigsten Fragen zur Rente"),
        None
    );
    for label in ["Czytaj też:", "Zobacz także", "Le puede interesar"] {
        assert!(is_soft_marker(label), "{label}");
    }
}

/// Asserts that each line is boilerplate and `story`, a line of a story
/// that shares their words, is not.
pub(super) fn assert_boilerplate(lines: &[&str], story: &str) {
    for line in lines {
        assert!(
            boilerplate::is_boilerplate(line, line.chars().count()),
            "{line}"
        );
    }
    assert!(!boilerplate::is_boilerplate(story, story.chars().count()));
}

#[test]
fn a_shops_buttons_and_a_sort_menu_are_boilerplate() {
    assert_boilerplate(
        &[
            "Sortieren nach",
            "Sort by",
            "In den Warenkorb",
            "Add to wishlist",
            "Switch zum Einwilligen bzw. Ablehnen des Dienstes",
        ],
        "The city sorts its waste by hand",
    );
}

#[test]
fn an_empty_carts_notice_opens_no_body() {
    let page = "Home\nShop\n0\nEs befinden sich keine Produkte im Warenkorb.\nWarenkorb\n\
Es befinden sich keine Produkte im Warenkorb.\nLeben\nDer Stadtrat Beschließt Die Neue Brücke\n\
Veröffentlicht am 19. Dezember 2022 von Redaktion\n\
Der Stadtrat hat am Dienstag nach langer Debatte über die Kosten und den Verkehr die neue Brücke über den Fluss beschlossen.\n\
Die Brücke soll Busse und Fahrräder tragen, und die Arbeiten an den Ufern sollen im nächsten Frühjahr beginnen.\n\
Die Anwohner der Altstadt verlangen eine Studie über den Verkehr, bevor die Brücke eröffnet wird.\n";
    let article = parse(page);
    assert_eq!(article.title, "Der Stadtrat Beschließt Die Neue Brücke");
    assert!(
        article.body[0].starts_with("Der Stadtrat hat"),
        "{:?}",
        article.body
    );
}

#[test]
fn post_navigation_paywall_and_comment_rules_are_boilerplate() {
    assert_boilerplate(
        &[
            "Vorheriger Beitrag",
            "Weiter",
            "CZYTAJ WIĘCEJ W",
            "Instant access to the full article PDF.",
            "Please understand that comments are moderated and it is not always possible to publish all that have been submitted.",
            "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.",
            "Lust auf mehr?",
            "Kuva: Alexander Becher",
            "This site participates in the Amazon Associate program and earns revenue from qualifying purchases.",
            "Es gibt derzeit keine bevorstehenden Veranstaltungen.",
        ],
        "The council will moderate the debate on the bridge.",
    );
}

#[test]
fn download_links_and_separated_buttons_are_boilerplate() {
    assert_boilerplate(
        &[
            "Grafik herunterladen",
            "Originalartikel als PDF",
            "Share | Tweet | E-Mail",
            "Learn about our editorial policies",
        ],
        "How to download a town's history in one afternoon",
    );
}

#[test]
fn a_caption_closed_by_its_credit_is_not_the_text() {
    assert_boilerplate(
        &[
            "Lee Elder war beim Masters 1975 der Zuschauermagnet. | © Augusta National/Getty Images",
            "Das FWR reagiert mit Entsetzen auf den Amoklauf. (Quelle: Fleischmann/Unsplash/DJV)",
            "Angela Merkel keskusteli keskiviikkona Berliinissä. Kuva: ALEXANDER BECHER",
            "Dir hat der Artikel gefallen? Jetzt teilen...",
            "Chief Education Officer Dr Anna Rossi. (Picture by Marco Bianchi)",
            "Der Rat bei seiner Tagung am 21. Januar in Bonn© Stadt Bonn/Anna Rossi",
        ],
        "Vielmehr lagen in beiden Fällen technische Mängel vor. Die Ermittlungen zum Fall in \
         Trittenheim gehen weiter. (Quelle: SWR)",
    );
}

#[test]
fn share_rating_and_jump_links_are_boilerplate_in_more_languages() {
    assert_boilerplate(
        &[
            "Compartir en Facebook Compartir en Twitter",
            "Partager sur Facebook",
            "Artikel bewerten",
            "War dieser Artikel nützlich?",
            "Was this article helpful?",
            "Wechseln zu: Navigation, Suche",
            "Deine Registrierung war erfolgreich",
        ],
        "How the town shared the costs of the new bridge",
    );
}

#[test]
fn form_fields_mail_offers_licences_and_filing_notes_are_boilerplate() {
    assert_boilerplate(
        &[
            "Name (Pflichtfeld)",
            "Bitte tragen Sie die Sicherheitsabfrage ein",
            "Empfiehl dies deinen Freunden.",
            "Diese Seite drucken Diese Seite per Email verschicken.",
            "Geben Sie Ihre E-Mail-Adresse an, um diesen Blog zu abonnieren und Benachrichtigungen \
             über neue Beiträge via E-Mail zu erhalten.",
            "Enter your email address to subscribe to this blog and receive notifications of new \
             posts by email.",
            "If not explicitly specified otherwise, this work is licensed under a Creative Commons \
             Attribution 4.0 License.",
            "Dieser Beitrag wurde veröffentlicht in Reiki, Schamanismus und gekennzeichnet mit \
             Krafttiere.",
            "Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.",
            "Liken Lade …",
            "Zum Vergrößern auf das Bild klicken",
            "Ich akzeptiere die Datenschutzbestimmungen.",
            "Missing out on the latest news? Enter your email address below to get our updates.",
            "Ihr Beitrag hilft, unsere Berichterstattung noch weiter auszubauen.",
            "Gib hier deinen Kommentar ein ...",
        ],
        "The council asked every household to fill in the form by Friday.",
    );
}

#[test]
fn links_to_the_previous_and_next_post_are_not_the_article() {
    use super::lines::shapes::is_post_link;
    for line in [
        "Article suivant Après une mise en quarantaine au cours de laquelle ils ont été testés",
        "Vorheriger BeitragNeuerscheinung: Klaus Seidl, „Gesetzliche Revolution“",
        "« Previous Post",
        "Zeige alle Beiträge von Creeny »",
    ] {
        assert!(is_post_link(line), "{line}");
    }
    for line in [
        "Previous articles in this series showed how the port was sold.",
        "Next post office opens on Monday",
    ] {
        assert!(!is_post_link(line), "{line}");
    }
}
