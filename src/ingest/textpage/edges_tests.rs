//! Tests of the body's edges: sentence lines right above the first paragraph, appeals at the close.

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

#[test]
fn a_subheading_between_the_standfirst_and_the_first_paragraph_opens_the_body() {
    let text = "Book Reviews\nHome\nReviews\nA New Handbook Of Internet Law\n\
Is the internet a lawless space? The fifth edition of the handbook puts that tale to rest for good, chapter by chapter.\n\
Structure and contents\n\
Internet law cuts across many fields: it covers copyright and data protection, and the contracts made online as well as the rules of trade.\n\
A look at the table of contents shows that few questions stay open, in nine chapters that lead from the domain name to the online shop.\n\
The author writes for lawyers and for founders alike, and his examples come from the courts of the last three years.\n";
    let article = parse_text_page(text).expect("page parses");
    assert_eq!(article.title, "A New Handbook Of Internet Law");
    assert_eq!(
        article.body.first().map(String::as_str),
        Some("Structure and contents"),
        "{:?}",
        article.body
    );
}

/// A copy of the library story with `extra` lines after its second
/// paragraph and `closing` after its third.
fn library_story(extra: &str, closing: &str) -> String {
    format!(
        "Harbour Courier\nHome\nNews\nCouncil Keeps the Old Library Open After a Long Debate\nMarch 3, 2021\n\
The council voted on Tuesday to keep the old library open for at least five more years, after a debate that lasted until midnight.\n\
The library, built in 1902, needs a new roof and heating, which the council will pay for from the reserve fund set aside last year.\n\
{extra}\
Readers who had signed the petition gathered outside the hall and cheered when the result was read out by the mayor.\n\
{closing}\
Share\nComments\n"
    )
}

/// Asserts that the story kept its three paragraphs and nothing else.
fn assert_story_alone(text: &str) {
    let article = parse_text_page(text).expect("page parses");
    assert_eq!(article.body.len(), 3, "{:?}", article.body);
    assert!(
        article.body[2].starts_with("Readers who"),
        "{:?}",
        article.body
    );
}

#[test]
fn appeals_closing_the_body_and_standing_in_it_go() {
    assert_story_alone(&library_story(
        "Never miss a story: follow us on Telegram!\n",
        "Subscribe now to our weekend edition for the full story.\n\
Follow the Courier on Twitter and Instagram for the latest news.\n",
    ));
}

#[test]
fn a_pitch_for_the_publication_closing_the_body_goes() {
    assert_story_alone(&library_story(
        "",
        "Gefällt dir unser Stadtmagazin? Bei der Gründung haben wir entschieden, keine \
         Bezahlschranke einzuführen. Das wird auch so bleiben, denn wir möchten möglichst viele \
         Leser mit Nachrichten versorgen.\n",
    ));
}

#[test]
fn a_story_about_a_newsletter_keeps_its_own_sentences() {
    let text = "Harbour Courier\nHome\nNews\nThe Town Newsletter Turns Fifty\nMarch 3, 2021\n\
The town newsletter, which started as a single typed sheet in 1971, printed its six hundredth issue this week with a party at the hall.\n\
Its editor said that readers still subscribe by post, and that some follow every issue from abroad, where relatives send it on.\n\
The editors want to hear from you: write a letter to the editor and follow our newsletter to join the celebrations.\n";
    let article = parse_text_page(text).expect("page parses");
    // The story's sentences about subscribing stay; the closing appeal goes.
    assert_eq!(article.body.len(), 2, "{:?}", article.body);
    assert!(
        article.body[1].starts_with("Its editor"),
        "{:?}",
        article.body
    );
}

#[test]
fn notices_and_disclosures_in_the_body_go() {
    assert_story_alone(&library_story(
        "This post contains affiliate links. If you buy through them, we may earn a small commission at no cost to you.\n",
        "Copyright 2021 Harbour Courier. All rights reserved.\n",
    ));
}

#[test]
fn a_tag_list_and_a_long_note_on_the_author_closing_the_body_go() {
    assert_story_alone(&library_story(
        "",
        "Anna Rossi is a reporter at the Harbour Courier and the founder of its weekly podcast on the town's history, \
which she has hosted since 2015 with guests from the museum, the archive and the university. She is also the author \
of two books on the harbour, a collection of essays on its fishermen and a guide to its lighthouses, and she teaches \
a course on local journalism at the adult school every winter.\n\
Libraries, Council, Old Town, Anna Rossi, the budget debate, Culture, Harbour Courier, Town Hall, \
Reserve Fund, Petitions, Mayor Marco Bianchi, Heating, Roofs, Schools, Museums\n",
    ));
}

#[test]
fn a_closing_list_in_a_sentence_or_under_its_own_label_stays() {
    let closing = "The petition was signed by Anna, Marco, Lucia, Pietro and Giulia.\n";
    let article = parse_text_page(&library_story("", closing)).expect("page parses");
    assert_eq!(article.body.len(), 4, "{:?}", article.body);
    assert!(!edges::is_tag_list(
        "Extras: Nuts, Raisins, Chocolate, Cinnamon"
    ));
    assert!(edges::is_tag_list(
        "Filed Under: Arts, Old Town, Libraries, Anna Rossi"
    ));
}

#[test]
fn a_menu_copied_without_spaces_is_not_the_body() {
    // Two rows of a blog network's links, each label run into the next,
    // and the site's menus after them.
    let glued = |labels: &str| labels.replace('|', "");
    let blogs = glued(
        "Alpine Plants|And the roses seem inviting|Balcony Herbs|City Trees|Compost Corner|\
Dr. Green's Lab|Fern Friends of the Forest|Hedge Life|Herbal Remedies|Kitchen Garden|Lawn Care|\
Meadow Makers|Orchard Year|Pond Life|Rose Garden|Seed Savers|Shade Plants|Soil Science|\
Tomato Talk|Tree House|Urban Bees|Vegetable Patch|Water Wise|Wild flowers of the north",
    );
    let archived = glued(
        "Bird Watch|Botany for Beginners|Cactus Corner|Dahlia Diary|Evergreen Thoughts|\
Flower Show News|Greenhouse Gossip|Houseplant Help|Ivy League|Jungle at Home|Leaf and Stem|\
Moss Matters|Native Nursery|Orchid Obsession|Peat-free Potting|Quiet Corners|Rain Garden|\
Succulent Stories|The hedge that grew wild|Vine Village|Weed Watch|Yew and You",
    );
    let menu = "Sciences\nMedicine\nCulture\nPolitics\nTechnology\nEnvironment\n";
    let text = format!(
        "Blogs\nJobs\n{blogs}\nArchived blogs\n{archived}\n{menu}MENU\nSearch\n{menu}Shop\n\
Seed Notes\nWhy Seeds Remember the Winter\nBy Thilo / 6 November 2023 / No comments\nShare:\nMore\n\
Gardeners have long known that some seeds will not sprout until they have been through a cold spell, and now a study shows how they keep count of the days.\n\
The researchers grew thousands of seedlings in chambers where the cold lasted from one week to twelve, and watched which of them flowered in spring.\n\
Those that had waited longest flowered first, which suggests that a protein in the seed builds up slowly and only lets go once enough of it is there.\n\
Tags: seeds, winter\n"
    );
    let article = parse_text_page(&text).expect("page parses");
    assert_eq!(article.title, "Why Seeds Remember the Winter");
    assert!(
        article.body[0].starts_with("Gardeners have long known"),
        "{:?}",
        article.body
    );
}

#[test]
fn a_tag_cloud_is_not_the_body() {
    let cloud = "abandoned Alps anglo-american architecture Art Nouveau autumn balcony Bauhaus \
Berlin bridges brutalism canals castles cathedrals churches cities concrete Danube design docks \
Dresden engineering factories ferries fortresses gardens glass Hamburg harbours heritage industry \
iron lighthouses markets mills monuments museums observatories palaces parks photography railways \
ruins stations steel theatres towers tunnels urbanism viaducts villages walls water towers windmills";
    let text = format!(
        "Old Stones\nHome\nAbout\nThe Viaduct in the Fog\n17 January 2014\n\
On the last morning the fog lay so thick in the valley that the viaduct seemed to float, its arches fading one by one into the white, and only the sound of a train crossing told us it still reached the other side.\n\
Share:\nFacebook\nTwitter\nCategories\n{cloud}\n"
    );
    let article = parse_text_page(&text).expect("page parses");
    assert_eq!(article.body.len(), 1, "{:?}", article.body);
    assert!(article.body[0].starts_with("On the last morning"));
    // Prose keeps its words in no order, even a long sentence of names.
    let prose = "At the meeting in Aachen were Anna Berger, Carl Dietz, Emil Faber, Greta Hahn, \
Ida Jansen, Karl Lang, Marta Nagel, Otto Peters, Rita Schulz and Tom Vogel, who had come from all \
over the country to talk about the bridge, the money and the time it would take to build.";
    let words = prose.split_whitespace().count();
    assert!(lines::classify(prose, prose.len(), words, 0) == lines::Kind::Text);
}

#[test]
fn a_sentence_leading_into_the_first_paragraph_with_a_colon_opens_the_body() {
    let text = "Trade Board\nNews\nPress releases\nMetering law: clarity at last\n89/2022\nBut the pace is too slow\n\
Wolfgang Weber, head of the board, on the draft of the new metering law:\n\
\u{201c}Now it can finally begin: the draft gives the digital grid the priority it needs, and the industry stands ready to build it.\u{201d}\n\
It is worth stressing that the duties to install the meters now give legal certainty to everyone who has to put them in.\n\
A digital grid with smart meters is the base on which the energy transition can grow, town by town and house by house.\n";
    let article = parse_text_page(text).expect("page parses");
    assert!(
        article.body[0].starts_with("Wolfgang Weber, head of the board"),
        "{:?}",
        article.body
    );
}

#[test]
fn the_lead_over_a_share_bar_of_buttons_and_plain_labels_opens_the_body() {
    let text = "Lokales\nJunge Lenker verunfallen mit zwei Sportwagen in einer Nacht\n19.10.2019 11:36\n\
In der Nacht auf Samstag haben zwei junge Lenker unabhängig voneinander einen Unfall mit ihren teuren Sportwagen gebaut, verletzt wurde niemand.\n\
teilen\ntwittern\nteilen\nE-Mail\nmitteilen\nteilen\n\
Ein Neulenker ist in der Nacht auf Samstag kurz vor Mitternacht auf der Autobahn in Richtung Zürich gefahren, als er die Herrschaft über den Wagen verlor.\n\
Der Wagen prallte gegen die Leitplanke und blieb auf dem Pannenstreifen stehen, der Fahrer konnte selbst aussteigen und wurde nicht verletzt.\n\
Wenige Stunden später verlor ein zweiter junger Lenker in einer Kurve die Kontrolle über sein Auto und landete in einem Feld neben der Strasse.\n";
    let article = parse_text_page(text).expect("page parses");
    assert!(
        article.body[0].starts_with("In der Nacht auf Samstag"),
        "{:?}",
        article.body
    );
}

#[test]
fn a_line_the_first_paragraph_goes_on_from_opens_the_body() {
    let text = "Sailing Blog\nHome\nChildren paint posters of the lake for the harbour\nPublished by Anna on 23 February 2020\n\
The poster contest for children\n\
takes place for the sixth time this year: children between six and twelve are asked to paint the lake, its boats and its birds.\n\
The best posters hang in the harbour all summer, and the winners sail with the club's crew on a long evening trip across the lake.\n\
Posters can be handed in at the club house until the end of April, with the painter's name and age written on the back.\n";
    let article = parse_text_page(text).expect("page parses");
    assert_eq!(
        article.body.first().map(String::as_str),
        Some("The poster contest for children"),
        "{:?}",
        article.body
    );
}

#[test]
fn a_question_set_as_a_subheading_over_a_caption_stays_in_the_body() {
    let text = "Harbour Courier\nHome\nMore speakers from every town for the river festival\n\
The river festival wants more speakers from every town along the water, and it has a plan to find them before the summer.\n\
Workshops in the library teach new speakers how to write a talk, how to face a hall and how to answer the hard questions.\n\
Why the festival?\n\
The festival stage in spring\n\
Speaking at the festival is the surest way into the town's clubs and councils, so the organisers want every voice on its stage.\n\
The workshops are free, and the next one opens in May with twenty places for speakers who have never given a talk before.\n";
    let article = parse_text_page(text).expect("page parses");
    assert!(
        article.body.iter().any(|p| p == "Why the festival?"),
        "{:?}",
        article.body
    );
    assert!(
        !article
            .body
            .iter()
            .any(|p| p.starts_with("The festival stage")),
        "{:?}",
        article.body
    );
}

#[test]
fn a_headline_over_a_datelined_paragraph_opens_the_article_under_a_caption() {
    let page = "Home\nNews\nTopics\nOpinion\nAbout us\n\
The river bridge has stood since 1902 and carried the town's trams, its carts and, for sixty years now, its buses and its lorries over the water.\n\
The Old Bridge Gives Way\n\
Red. / 31.10.2023 The council closes the bridge after a survey. The buses will go round by the ring road.\n\
The survey found cracks in two of the bridge's piers, and the engineers told the council that the bridge could not carry buses another winter without repairs that would cost more than a new one.\n\
The council will vote on a new bridge in the spring, and until then the buses will take the ring road, which adds ten minutes to every trip across the town.\n";
    let a = parse_text_page(page).expect("an article");
    assert_eq!(a.title, "The Old Bridge Gives Way");
}
