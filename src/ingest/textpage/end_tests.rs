//! Tests of the rules that find where a text copy's article ends: comment
//! threads, blurbs past a gap of labels, sentences that close it.

use super::*;

fn parse(text: &str) -> Article {
    parse_text_page(text).expect("page parses")
}

#[test]
fn a_longer_comment_thread_after_the_topics_list_is_not_the_article() {
    let para = |n: &str| {
        format!(
            "The {n} part of the lesson asks the reader to explain how the old port was sold \
            twice in ten years, for half the price each time, and what that says about the \
            owners of the town's papers and the banks that lent them the money to buy it."
        )
    };
    let comment = |n: &str| {
        format!(
            "I think the {n} question misses the point entirely: the port was never worth \
            what they paid, and the papers were only ever a way to be heard at city hall, \
            which anyone who has lived here for more than a year already knows well enough."
        )
    };
    let mut text = String::from("A Lesson About The Old Port\n");
    for n in ["first", "second", "third", "fourth", "fifth"] {
        text += &para(n);
        text.push('\n');
    }
    text += "Topics\nPort\nPapers\nBanks\nLeave your reply\n";
    for (who, n) in [
        ("anna", "first"),
        ("bruno", "second"),
        ("carla", "third"),
        ("dario", "fourth"),
        ("elena", "fifth"),
        ("fabio", "sixth"),
        ("gina", "last"),
    ] {
        text += &format!(
            "Posted by {who}, Monday 29 October 2012 at 15:46\n{}\n",
            comment(n)
        );
    }
    let article = parse(&text);
    assert_eq!(article.body.len(), 5, "{:?}", article.body);
    assert!(article.body[0].starts_with("The first part"));
}

#[test]
fn a_thread_three_times_longer_than_the_article_under_its_count_is_not_it() {
    let para = |n: &str| {
        format!(
            "The {n} letter from the mayor explains why the old port was sold twice in ten \
            years, for half the price each time, and what the buyers promised the town."
        )
    };
    let comment = |n: usize| {
        format!(
            "Comment {n}: the port was never worth what they paid, and the papers were only \
            ever a way to be heard at city hall, which anyone who lives here knows well enough \
            by now; the mayor's letters change nothing, and the next sale will prove it again."
        )
    };
    let mut text = String::from("Letters About The Old Port\n");
    for n in [
        "first", "second", "third", "fourth", "fifth", "sixth", "last",
    ] {
        text += &para(n);
        text.push('\n');
    }
    text += "Similar posts\n45 thoughts on “Letters About The Old Port”\n";
    for n in 1..=30 {
        text += &format!("{}\n", comment(n));
    }
    let article = parse(&text);
    assert_eq!(article.title, "Letters About The Old Port");
    assert_eq!(article.body.len(), 7, "{:?}", article.body);
    assert!(article.body[0].starts_with("The first letter"));
}

/// An article of five paragraphs under its headline, then `after`.
fn article_then(after: &str) -> String {
    let mut text = String::from("Town News\nThe Harbour Reopens After Ten Years\n");
    for n in ["first", "second", "third", "fourth", "fifth"] {
        text += &format!(
            "The {n} ship to dock in the old harbour since it closed ten years ago came in on \
            Monday morning, and the town turned out to see it tie up at the rebuilt quay.\n"
        );
    }
    text + after
}

#[test]
fn a_blurb_past_a_gap_of_labels_after_the_article_is_not_its_text() {
    let blurb = "Town News is the paper of the harbour towns since 1921, written by the people \
        who live there and read by everyone who cares about them, from the fishermen on the \
        quay to the families in the hills, every morning, and online at any hour of the day.";
    let text = article_then(&format!("Anna Rossi\nAbout us\nBack\n{blurb}\n"));
    let article = parse(&text);
    assert_eq!(article.body.len(), 5, "{:?}", article.body);
    // A list's lead-in in the gap: the paragraph after the list is the article's.
    let text = article_then(&format!(
        "What the town asks for:\nA ferry\nA fish market\nA bus stop\n{blurb}\n"
    ));
    let article = parse(&text);
    assert!(
        article
            .body
            .last()
            .is_some_and(|p| p.starts_with("Town News is")),
        "{:?}",
        article.body
    );
}

#[test]
fn a_short_sentence_closing_the_article_is_its_text() {
    let article = parse(&article_then("I hope you like the new quay.\nComments\n"));
    assert_eq!(
        article.body.last().map(String::as_str),
        Some("I hope you like the new quay."),
        "{:?}",
        article.body
    );
    // Another story's headline in a list of them is not.
    let article = parse(&article_then(
        "Ferry Prices Rise Again This Summer.\nCouncil Buys The Old Ferry Back\nShare\n",
    ));
    assert_eq!(article.body.len(), 5, "{:?}", article.body);
}

#[test]
fn a_list_led_in_by_the_article_keeps_its_items() {
    let para = |n: &str| {
        format!(
            "The {n} paragraph tells how the harbour reopened after ten years, and what the \
            town council promised the fishermen who had waited all that time for it."
        )
    };
    let text = format!(
        "Town News\nThe Harbour Reopens\nBy Anna Rossi\n{}\n{}\nWhat the fishermen asked for first:\n\
        A ferry\nA fish market\nA bus stop\nA new quay\nNets\nLights\n{}\n{}\nShare\n",
        para("first"),
        para("second"),
        para("third"),
        para("fourth"),
    );
    let article = parse(&text);
    let body: Vec<&str> = article.body.iter().map(String::as_str).collect();
    assert_eq!(body.len(), 11, "{body:?}");
    assert_eq!(body[3..5], ["A ferry", "A fish market"]);
}

#[test]
fn a_lead_in_to_other_stories_is_no_list_of_the_article() {
    for heading in [
        "Lesen Sie auch die folgenden Beiträge:",
        "Das Thema könnte dich auch interessieren:",
        "Weitere Informationen zum Hafen in Thüringen:",
        ":: Relevantes aus dem Archiv:",
        "Die meistgelesenen Artikel bei Town News",
    ] {
        let article = parse(&article_then(&format!(
            "{heading}\nWarum der Hafen drei Kräne braucht\nDer Fischmarkt bleibt offen\n\
             Neue Fähre ab Mai\nShare\n"
        )));
        assert_eq!(article.body.len(), 5, "{heading}: {:?}", article.body);
    }
    // The opening alone is a link set inside the article; without its colon,
    // a section of it.
    assert_eq!(phrases::barrier("Lesen Sie auch:"), None);
    assert_eq!(phrases::barrier("Weitere Informationen zum Hafen"), None);
}

/// A blog post of three paragraphs with `furniture` after it, then a
/// sidebar of prose and links.
fn post_then(furniture: &str) -> Article {
    let para = |n: &str| {
        format!(
            "The {n} day of the meeting in the old seminary was given to the ministers of the \
            provisional government, their letters to the cities and the money they never had, \
            as the edition of their files now shows page by page for anyone who reads them."
        )
    };
    let mut text = String::from("Meeting On The Provisional Government\n12 May 2015\n");
    for n in ["first", "second", "third"] {
        text += &para(n);
        text.push('\n');
    }
    text += furniture;
    text += "\nThis is the blog of a research group at the university. We write about the \
        progress of our edition of the files, our meetings and the books we publish.\n\
        Older post: A new book on the campaign for the constitution, and what it tells us \
        about the political culture of the year.\n";
    parse(&text)
}

#[test]
fn a_reply_form_heading_post_links_a_legal_row_or_an_author_box_end_the_post() {
    for furniture in [
        "Leave a Reply Cancel reply",
        "Schreibe einen Kommentar Antworten abbrechen",
        "Kommentar verfassen Antwort abbrechen",
        "Kommentar hinterlassen Antworten abbrechen",
        "Beitrags-Navigation",
        "Post navigation",
        "Neueste Kommentare",
        "Impressum | Datenschutz",
        "Author\nAnna Rossi",
        "Über Anna Rossi 257 Artikel",
    ] {
        let article = post_then(furniture);
        assert_eq!(article.body.len(), 3, "{furniture}: {:?}", article.body);
    }
}

#[test]
fn a_closing_wish_and_the_writers_sign_off_close_the_post() {
    let para = |n: &str| {
        format!(
            "The {n} bag I bought this winter went back and forth between the shop and my \
            flat for weeks, because I could never decide which of the two sizes fits the \
            things I carry every day, and the answer still surprises me when I think of it."
        )
    };
    let mut text = String::from("Two Bags, One Lesson\n");
    for n in ["first", "second", "third"] {
        text += &para(n);
        text.push('\n');
    }
    text += "I wish you all a lovely Sunday <3\nx Franzi\nThe small bag (left) and the big one\n\
        Post Views: 1.432\nShare\n";
    let article = parse(&text);
    let last = article.body.last().expect("a body");
    assert_eq!(last, "x Franzi", "{:?}", article.body);
    assert!(
        article.body.iter().any(|p| p.ends_with("<3")),
        "{:?}",
        article.body
    );
}

#[test]
fn a_short_post_beats_the_sidebar_after_its_reply_form() {
    let text = "Sprechblase\nHome\nAbout me\nContact\nCharging posts for all.\n17/11/2019 ~ Cem Basman\n\
I would invest in smart and cheap charging posts for electric cars. I wonder why nobody sells them at a fair price yet, with everything around them.\n\
Thanks for the tip, I'll take the usual two percent…\n\
Rate this:\nShare this:\nTwitter\nFacebook\n\
Leave a Reply Cancel reply\nEnter your comment here...\nName (required)\nWebsite\n\
Micro-Series: Born Entrepreneurs\n\
Insights from entrepreneurs, investors, artists such as Karl Lagerfeld or Christo, scientists such as Peter Higgs and many more, collected over the years in a series of short pieces.\n\
By now there are a good dozen articles in this series. I hope you enjoy them and find an insight or two that you can use in your own work.\n\
Who writes here?\n\
Home is not a place but a community of feelings, and this is the personal blog of a writer from Hamburg, with texts and pictures that last a little longer than a tweet.\n";
    let article = parse(text);
    assert_eq!(article.title, "Charging posts for all.");
    assert_eq!(article.body.len(), 2, "{:?}", article.body);
    assert!(article.body[0].starts_with("I would invest"));
}

#[test]
fn answers_credited_to_their_speakers_are_no_list_of_teasers() {
    // Each answer sits under the credit of the answer before it, as a
    // teaser's blurb sits under its headline; a gallery of the speakers'
    // portraits comes first.
    let panel = [
        (
            "Anna Rossi",
            "principal and managing director, Harbour Bank",
        ),
        (
            "Marco Bianchi",
            "president and chief executive officer, Bianchi Foods",
        ),
        (
            "Laura Verdi",
            "founding partner and principal, Verdi Architects",
        ),
        (
            "Paolo Neri",
            "regional director of operations, Neri Logistics",
        ),
    ];
    let mut text = String::from("Town Paper\nWhat our panel thinks of the buses\n");
    for (name, role) in panel {
        text.push_str(&format!(
            "{} is {role}, a firm that has worked in the town for many years and employs \
             hundreds of people in its offices by the harbour and the old station.\n",
            name.to_uppercase()
        ));
    }
    text.push_str("1 of 4\nShare\nPrint\nThis week's question: when did you last take the bus?\n");
    for (name, role) in panel {
        text.push_str(&format!(
            "==========\nI last took the bus a month ago. The line is slow and the stops are \
             far apart, so most of us drive to work and sit in traffic for an hour.\n\
             {name}, {role}\n"
        ));
    }
    let body = parse(&text).body.join("\n");
    assert_eq!(body.matches("I last took the bus").count(), 4, "{body}");
}

fn three_paragraphs(title: &str) -> String {
    let mut text = format!("{title}\n");
    for n in ["first", "second", "third"] {
        text += &format!(
            "The {n} year of the cooperative brought new members, long evenings of planning \
             in the back room of the bakery and a market that now draws people from all the \
             villages around, who come for the bread and stay for the talk.\n"
        );
    }
    text
}

#[test]
fn the_list_a_lead_in_opens_after_the_last_paragraph_closes_the_article() {
    let mut text = three_paragraphs("Ten Years of the Cooperative");
    text += "What is left is a lot of memories and one certainty:\n\
        Good bread travels further than any advert\nThe next market opens in May\n\
        Category: General, News\nPrevious postThe Bakery Opens\nFollow us\n";
    let body = parse(&text).body.join("\n");
    assert!(body.contains("one certainty:"), "{body}");
    assert!(body.ends_with("The next market opens in May"), "{body}");
}

#[test]
fn a_long_run_of_short_lines_after_a_lead_in_is_the_pages_furniture() {
    let mut text = three_paragraphs("Ten Years of the Cooperative");
    text += "Choose your access and read on at once:\n";
    for n in 1..=10 {
        text += &format!("Digital access plan {n}\n");
    }
    let body = parse(&text).body.join("\n");
    assert!(!body.contains("Digital access"), "{body}");
    assert!(!body.contains("Choose your access"), "{body}");
}

#[test]
fn a_topic_pages_pitch_between_paragraphs_is_not_the_text() {
    let mut text = three_paragraphs("Ten Years of the Cooperative");
    text += "The latest on bakeries, from sourdough to the village markets and more\n";
    text += "The fourth year brought a second oven, paid for by the members themselves, and a \
        bread that sold out every Saturday before noon at the market in the square.\n";
    let body = parse(&text).body.join("\n");
    assert!(!body.contains("The latest on"), "{body}");
    assert!(body.contains("second oven"), "{body}");
}

#[test]
fn a_last_section_half_again_as_long_as_the_blurbs_after_it_is_the_articles() {
    let last = "The fourth year brought a second oven, paid for by the members themselves, and \
        a bread that sold out every Saturday before noon at the market in the square; next year \
        the members want a shop of their own by the station, open every day of the week.";
    let blurb = |what: &str| {
        format!(
            "The {what} opens on Saturday morning, with fish from the harbour and bread \
             from the hills, and stays open until the last boat of the day leaves the quay."
        )
    };
    let mut text = three_paragraphs("Ten Years of the Cooperative");
    text += &format!(
        "A Second Oven\n{last}\nA New Market By The Harbour\n{}\nThe Fair Returns To The Hills\n{}\n\
         About us\n",
        blurb("new market"),
        blurb("old fair")
    );
    let body = parse(&text).body;
    assert_eq!(body.last().map(String::as_str), Some(last), "{body:?}");
}

#[test]
fn quotes_over_their_dashed_credits_are_no_list_of_teasers() {
    let mut text = three_paragraphs("Ten Years of the Cooperative");
    text += "Still not convinced? We asked three members what the cooperative means to them.\n";
    for (quote, who) in [
        (
            "the bread",
            "– Anna Rossi, The Village Paper Editor, Writer",
        ),
        ("the market", "– Marco Bianchi, Writer"),
        ("the evenings", "– Laura Verdi"),
    ] {
        text += &format!(
            "From {quote} to the long talks after closing time, the cooperative made this \
             village a place where people stay instead of leaving for the city.\n{who}\n"
        );
    }
    text += "About us\nContact\n";
    let body = parse(&text).body.join("\n");
    assert_eq!(
        body.matches("the cooperative made this village").count(),
        3,
        "{body}"
    );
}
