//! Tests of headline signs read from a line and its neighbours: a French
//! quotation, a credit over the headline, a date over a name-like line, a
//! subtitle under a longer headline.

use super::title_tests::BODY;
use super::*;

#[test]
fn a_headline_opening_with_a_french_quotation_is_no_arrow_link() {
    let page = format!(
        "Le Continent\n« Il y a, d’abord, le poids de la géographie ». Sur les migrations\n\
         Entretiens\n{BODY}« Retour aux entretiens\n"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(
        a.title,
        "« Il y a, d’abord, le poids de la géographie ». Sur les migrations"
    );
}

#[test]
fn a_credit_over_the_headline_is_not_taken_for_it() {
    // Over a headline the text does not echo, the credit was taken before.
    let page =
        format!("Town Paper\nBild: AdobeStock/rangizzz\nVerjährung von Urlaubsansprüchen\n{BODY}");
    let a = parse_text_page(&page).expect("an article");
    assert_ne!(a.title, "Bild: AdobeStock/rangizzz");
}

#[test]
fn a_name_like_line_under_its_date_is_the_headline() {
    let page = format!("Articles\nNews\n20.06.2019 11:43\nBen Wilson Surf\n{BODY}");
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Ben Wilson Surf");
    let page = format!(
        "Sie befinden sich hier >\nNews >\n05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher \
         des Verbands)\nFaire Lieferketten\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Faire Lieferketten");
    // A French quotation closes with " »": no arrow.
    let page =
        format!("Accueil >\nActus >\n« Les privatisations profitent aux actionnaires »\n{BODY}");
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "« Les privatisations profitent aux actionnaires »");
    // Under a headline and its date, a name is the byline.
    let page = format!("Council Approves The River Bridge\n20.06.2019\nAnna Rossi\n{BODY}");
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Council Approves The River Bridge");
}

#[test]
fn a_second_line_telling_the_story_under_the_headline_is_its_subtitle() {
    let lines = lines::build(
        [
            "Council approves the new river bridge after a long debate",
            "Buses and bicycles: the bridge opens to traffic in the spring",
            "Anna Rossi",
            "The river bridge",
            "Buses and bicycles: the bridge opens to traffic in the spring",
        ]
        .map(String::from)
        .to_vec(),
    );
    let story = |_: usize| 1.0;
    assert!(title_neighbours::under_a_headline(&lines, 1, story));
    // A line of five words above is a kicker or a label, not a headline.
    assert!(!title_neighbours::under_a_headline(&lines, 4, story));
    // A headline's own credit under it: no subtitle.
    assert!(title_neighbours::meta_right_under(&lines, 1));
    assert!(!title_neighbours::meta_right_under(&lines, 0));
    // A headline with its writer's name under it stays the headline under
    // a long line above it.
    let page = format!(
        "Town Paper\nWatch the video of the council debate about the river bridge\n\
         Council Approves The River Bridge\nAnna Rossi\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Council Approves The River Bridge");
}

#[test]
fn a_line_over_an_article_head_is_its_kicker_however_long() {
    // The head: headline, standfirst, credit. The line right above it is
    // its kicker, though longer and telling the story as well.
    let page = format!(
        "Home\nDebate\n26.10.2023\nThe Council Has Debated The River Bridge For Ten Years Now\n\
         A Bridge on Paper\nWhy the council's bridge still stands on paper only.\nBy Anna Rossi\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "A Bridge on Paper");
    // A headline set twice in other words is no kicker of the second.
    let twin = lines::build(lines::split_lines(
        "Council Votes For The River Bridge\n\
         Council Votes For The River Bridge In The Old Town\n\
         Why the council's bridge still stands on paper only.\nBy Anna Rossi\n",
    ));
    assert!(!title_heads::over_an_article_head(&twin, 0));
    let kicker = lines::build(lines::split_lines(
        "Ten Years Of Debate In The Council\n\
         Council Votes For The River Bridge In The Old Town\n\
         Why the council's bridge still stands on paper only.\nBy Anna Rossi\n",
    ));
    assert!(title_heads::over_an_article_head(&kicker, 0));
}

#[test]
fn a_long_headline_over_its_date_line_opens_the_article() {
    // Long and written as a sentence with a quote, it reads as prose; the
    // date line alone under it makes it the headline.
    let headline = "Council approves the river bridge after ten years of debate - \
                    “The views of the old town as the largest payer have not been heard well \
                    enough in this council”";
    let page = format!(
        "Home\nLatest\nInfo\n{headline}\n19.2.2020 16:20\nPolitics\nEU\n{BODY}Read next:\n\
         Schools in the old town ask for new roofs before the winter – parents warn of the cold\n"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, headline);
    // A sentence closed by its full stop over its writer's credit and
    // date is the standfirst under the headline, not a headline.
    let text = format!(
        "Endless Homesickness\nIn her essay on the old town, Anna Rossi walks the river bridge from \
         one end to the other and finds the town council there.\n\
         Frank Hahn am 18. September 2019\n{BODY}"
    );
    let page = lines::build(lines::split_lines(&text));
    assert_eq!(opening::opening_headline(&page, 1, page.len() - 1), None);
}

#[test]
fn a_name_among_a_menus_items_credits_no_headline_above() {
    // "Town Shop" reads like a writer's name; between two items of the
    // menu, it is an item, and the menu's line above is no dated headline.
    let page = format!(
        "Home\nWho We Are\nThe River Bridge Council\nHistory\nTown Shop\nDonate\nJobs\nContact\n\
         Press release 02. November 2021\nThe Council Approves The New River Bridge\n\
         The bridge model in the town hall\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "The Council Approves The New River Bridge");
}

#[test]
fn teasers_credited_to_one_desk_are_no_head() {
    let page = format!(
        "Home\nTips\nRiver Bridge Walks\nby Marianne\n\
         on 20.09.2020\nPrint tip\nTIP!\nCouncil Cooks Dinner For The Bridge Workers\n\
         by Town Desk\nTIP!\nHow The Town Hall Garden Grows Without Water\nby Town Desk\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "River Bridge Walks");
}

#[test]
fn links_run_together_are_no_headline() {
    let page = format!(
        "Home\nWorld\nThe country\nTopicsRiver bridgeOld town traffic\n\
         All is set for the vote that the council and the residents of the old town called for this week\n\
         \"The council does not build bridges but walls\"\n\
         The march starts at five in front of the town hall, where the residents ask for a new vote\n\
         By Anna Rossi\n4 May 2022 - 00:38\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_ne!(a.title, "TopicsRiver bridgeOld town traffic");
    assert!(title_signs::is_glued_labels(
        "TemasCorte SupremaOrganismos de derechos"
    ));
    assert!(!title_signs::is_glued_labels(
        "YouTube star joins WordPress"
    ));
}

#[test]
fn an_interviews_credit_is_no_headline() {
    assert!(title_furniture::is_credit_or_back_link(
        "Richard David Precht im Gespräch mit Karin Fischer"
    ));
    assert!(title_furniture::is_credit_or_back_link(
        "Anna Rossi in conversation with Mario Bianchi"
    ));
    // A headline about a conversation names no two people so.
    assert!(!title_furniture::is_credit_or_back_link(
        "Im Gespräch mit Angela Merkel über die Brücke"
    ));
    assert!(!title_furniture::is_credit_or_back_link(
        "Why the council stays in conversation with the residents"
    ));
}

#[test]
fn a_label_awaiting_its_name_is_no_headline() {
    assert!(title_furniture::awaits_a_name("Verified by"));
    assert!(title_furniture::awaits_a_name("Fact checked by"));
    assert!(!title_furniture::awaits_a_name(
        "Council Votes For The Bridge Built By"
    ));
}

#[test]
fn a_short_headline_named_again_is_over_its_standfirst() {
    // The page names its short headline again at the foot; the longer line
    // under it, named once, is its standfirst.
    let deck = "Buses and bicycles will cross the river on the new bridge from the spring";
    let head = format!("Themen\nAutoren\nBridge works\n{deck}\n");
    let page = format!("{head}{BODY}Share this article\nBridge works\n");
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Bridge works");
    // Named once, the short line is a kicker over its headline.
    let a = parse_text_page(&format!("{head}{BODY}")).expect("an article");
    assert_eq!(a.title, deck);
    // An author's name over an opinion piece comes again in its credit.
    let page = format!("Opinion\nAnna Rossi\n{deck}\nAnna Rossi\n+ FOLLOW\n{BODY}");
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, deck);
}

#[test]
fn a_related_marker_among_a_menus_items_heads_no_list() {
    let title = "Council approves the new river bridge after a long debate";
    let page =
        format!("Meistgelesen\nTages-Tipp\nVideo-Tipp\nKontakt\n{title}\ntown-news.ch\n{BODY}");
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, title);
    // Under the marker of a list of other stories, it is one of them.
    let page = format!(
        "Most read\nMayor opens the new harbour market on the old pier\n{title}\nSports\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_ne!(a.title, title);
}

#[test]
fn a_name_like_headline_over_its_standfirst_and_credit_is_the_title() {
    let page = format!(
        "Home\nKolumnen\nInterabled Sex Education\n\
         Two writers tell how the town's new bridge changed the way they meet.\n\
         Kolumnist*in: Evan Tepest\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Interabled Sex Education");
    assert_eq!(a.byline.as_deref(), Some("Evan Tepest"));
}

#[test]
fn a_headline_of_one_word_the_body_says_again_is_the_title() {
    let a = parse_text_page(&format!("Home\nKontakt\nBridgeworks\n{BODY}")).expect("an article");
    assert_eq!(a.title, "Bridgeworks");
    // A menu's last item says nothing of the body.
    let a = parse_text_page(&format!("Home\nKontakt\nImpressum\n{BODY}")).expect("an article");
    assert_ne!(a.title, "Impressum");
}

#[test]
fn writers_listed_under_the_headline_credit_it() {
    let title = "Council approves the new river bridge after a long debate";
    let page = format!(
        "Política\nGobierno\n{title}\nIsabel Caro, Rocío Latorre y José Miguel Wilson\n\
         Hace 13 horas\nTiempo de lectura: 8 minutos\nThe mayor and the council in the hall\n\
         The council set out a plan for the bridge and its traffic in the old town, to be done by spring.\n\
         compartir\nComentarios\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, title);
    assert_eq!(
        a.byline.as_deref(),
        Some("Isabel Caro, Rocío Latorre y José Miguel Wilson")
    );
    // The lead over the share bar opens the text.
    assert!(
        a.body[0].starts_with("The council set out a plan"),
        "{:?}",
        a.body
    );
}

#[test]
fn a_year_then_a_word_of_the_sentence_ends_a_headline_not_a_name() {
    let name = |text: &str| meta::bare_name(&lines::build(lines::split_lines(text))[0]);
    assert_eq!(name("Boot Tulln 2022 abgesagt\n"), None);
    assert_eq!(name("Anna Rossi 2022\n").as_deref(), Some("Anna Rossi"));
    assert_eq!(
        name("Isabel Caro, Rocío Latorre y José Miguel Wilson\n").as_deref(),
        Some("Isabel Caro, Rocío Latorre y José Miguel Wilson")
    );
    assert_eq!(name("Town, Gown and the River Bridge\n"), None);
}

#[test]
fn a_long_line_under_a_dated_short_headline_is_its_standfirst() {
    let page = format!(
        "Termine\n02.02.2022 Frauen\nNo Bridge Vote Again\n\
         Next debate of the council in March with a study of the traffic at the river\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "No Bridge Vote Again");
}

#[test]
fn a_headline_over_its_date_line_under_the_sites_tagline_opens_the_article() {
    let page = "About Us\nLive Sessions\nInterviews\nRiver Music Blog\n\
Indie music, live sessions and daily downloads from the river towns.\n\
The Ten Best Harbour Bands of the Year\nby oz on December 4, 2006\n\
I am not much of a harbour rock fan these days, but I dabbled in it in school and the list of the year brought back many memories of the old quay.\n\
The bands on the list played every summer on the rebuilt quay, and the town turned out to hear them from the first evening to the last.\n\
Some of my own favourites are not on the list, and I will write about them in another post before the end of the year, I promise.\n";
    let article = parse_text_page(page).expect("page parses");
    assert_eq!(article.title, "The Ten Best Harbour Bands of the Year");
    assert!(
        article.body[0].starts_with("I am not much"),
        "{:?}",
        article.body
    );
}

#[test]
fn an_entry_of_the_table_of_contents_is_no_headline() {
    let page = "Angling Forum\nNews\nWaters\nAlcohol on the boat\nContents\n\
How much alcohol is allowed on the boat?\nWhat happens after a breach?\nDo you lose your driving licence?\n\
Magazine, News\n7 January 2022\n\
The water laps gently against the bow and the sun is shining, and a bottle of beer hisses open: but how much alcohol is allowed on a boat?\n\
How much alcohol is allowed on the boat?\n\
As a rule the limit on the water is the same as on the road, and the skipper of a boat must keep to it while the boat is under way.\n\
The police may check the skipper and the crew, and the alcohol in their breath decides what happens next.\n\
What happens after a breach?\n\
Even small amounts of alcohol slow the skipper down, and a breach on the boat costs a fine, points, and sometimes the licence.\n";
    let a = parse_text_page(page).expect("an article");
    assert_eq!(a.title, "Alcohol on the boat");
}

#[test]
fn a_table_of_contents_puts_the_headline_no_farther_from_the_text() {
    let sections = [
        "Purpose",
        "Building the sources",
        "Generating certificates",
        "Building the client",
        "Configuring the tunnel",
        "Configuring the sync",
        "Firewall",
        "Testing",
        "Credits",
        "To do",
    ];
    let mut page = format!("Rsync + Stunnel 4.x\nContents\n{}\n", sections.join("\n"));
    for s in sections {
        page += &format!(
            "{s}\nA while back I went to a meeting where the talk showed how to tunnel rsync \
             through stunnel, and this part of the notes tells how I set it up at home.\n"
        );
    }
    page += "Links\nSecure Servers with Linux, a book on rsync and stunnel\n\
        Running stunnel in a chroot\nThe stunnel manual\n";
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Rsync + Stunnel 4.x");
}

#[test]
fn a_description_over_the_kicker_and_headline_is_no_part_of_the_body() {
    let page = "Home\nTown\nPolitics\n\
        Surprise in the old town! The young baker Anna Rossi wins the vote for mayor against the man who ran the council for twelve years...\n\
        Share\n\
        COMMENTARY A vote for mayor\n\
        The young baker of the old town and her friends must deliver now\n\
        06.11.23 - Surprise in the old town! The young baker Anna Rossi wins the vote for mayor against the man who ran the council for twelve years, and the party that ran the town since the war is left with nothing.\n\
        Where did it go wrong? The council had not looked united for years, and the mayor never managed to turn his work into votes, while the baker went from door to door all summer and listened to everyone in the old town.\n\
        The old town will stay a place to watch for a while: the baker has promised a lot, and the council will hold her to every word of it.\n";
    let a = parse_text_page(page).expect("an article");
    assert_eq!(
        a.title,
        "The young baker of the old town and her friends must deliver now"
    );
    assert!(a.body[0].starts_with("06.11.23"), "{:?}", a.body);
}

#[test]
fn a_two_word_headline_over_its_standfirst_and_a_credit_with_its_date_is_the_title() {
    let page = format!(
        "Home\nReviews\nEssays\nAuthors A-Z\nNextA Prison Without A Roof\nBrowse\n\
        Unbearable Homesickness\n\
        In his essay the writer explores a feeling between sadness and joy, and what the old town made of it over the long years of its decline.\n\
        Anna Rossi am 18. September 2019\n{BODY}"
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.title, "Unbearable Homesickness");
}
