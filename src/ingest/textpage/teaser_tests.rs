//! Lists of headline + blurb pairs against an article's sections.

use super::parse_text_page;

#[test]
fn a_box_of_short_headlines_and_blurbs_is_not_the_article() {
    let page = "Morning Show: A Baker Who Feeds The Town\n\
        June 8, 2012 6:14 AM\n\
        The hosts welcomed a baker into the studio this morning, where she told how her shop has fed the town's shelter every night for ten years and why she will not stop now…\n\
        Share this\n\
        City Guides\n\
        Summer Fairs\n\
        From the river fair to the lantern parade: our guide to every fair in town this summer.\n\
        Free Wifi\n\
        Wifi is free in many of the city's squares. Here are nine spots where it works well.\n\
        Quiet Cafes\n\
        Our picks of the best cafes to read a book in, from the old port to the hill district.\n\
        Rowing Races\n\
        All you need to know for the rowing races: where to stand, what to bring and when to go.\n\
        About Us\n";
    let a = parse_text_page(page).expect("an article");
    assert_eq!(a.body.len(), 1, "{:?}", a.body);
    assert!(a.body[0].starts_with("The hosts welcomed a baker"));
}

#[test]
fn sections_before_a_share_marker_are_not_counted_with_the_teasers_after_it() {
    let section = |n: &str| {
        format!(
            "The {n} section tells how the plant in the valley will make battery cells for \
            the carmaker next door from the spring, how many people it will hire over the \
            next two years, what the state paid towards the new hall, and why the company \
            chose the valley over the two sites it had looked at near the coast last year, \
            where land was cheaper but the grid could not carry the load of a plant this size, \
            as the minister said on the day."
        )
    };
    let mut page = String::from("The Plant Grows Again\nBy The Newsroom\n");
    for (heading, n) in [
        ("A Third Hall For The Cells", "first"),
        ("More Jobs In The Valley", "second"),
        ("Why The Valley Won", "last"),
    ] {
        page += &format!("{heading}\n{}\n", section(n));
    }
    page += "Share this article\n";
    for n in 1..=8 {
        page += &format!(
            "Another Plant Opens Its Doors Number {n}\nA short blurb about plant number \
            {n}, which opened last week near the river and makes cells for buses and \
            lorries, with more to come next year if the orders keep coming in.\n"
        );
    }
    page += "Your privacy\n";
    for n in ["first", "second", "third"] {
        page += &format!(
            "The {n} note on your privacy: we and our partners keep and read data on your \
            device to measure how you use the site, to show you offers that fit and to \
            improve our services, and you can change your choices at any time at the foot \
            of every page, where the settings are, as the law asks of every publisher.\n"
        );
    }
    let a = parse_text_page(&page).expect("an article");
    let body = a.body.join("\n");
    assert!(body.contains("The first section"), "{body}");
    assert!(!body.contains("plant number 3"), "{body}");
}

#[test]
fn two_pairs_with_a_section_long_paragraph_open_the_article() {
    let long = "For me a handbag of this kind is like a suit made to measure: it is cut by \
        hand from the finest leather, sewn in a small workshop in the north of the country, \
        checked stitch by stitch before it leaves the house, and made to last a lifetime, \
        which is why I wanted to know who makes it, how it is made, and why every single \
        bag of the edition carries a secret that only its owner will ever know about, \
        a letter or a piece of cloth that once belonged to a famous woman and now rests \
        behind the silver plate on the front of the bag, where no one else can see it.";
    let page = format!(
        "The Bag With A Secret\n\
         A Bag Designed By 160 Women\n{long}\n\
         The Bag Is A True Luxury Item\n\
         It was designed with 160 women and holds a secret of its own, sewn into its lining.\n\
         The New Label\n\
         The start-up makes its bags in a new way: the buyers design them together with \
         the makers, in a survey that asks every one of them about shapes and colours.\n\
         Each bag is sewn by hand in a workshop near the river, in 142 steps and five hours \
         of work, and comes with a certificate of its own and a photograph of its secret.\n"
    );
    let a = parse_text_page(&page).expect("an article");
    let body = a.body.join("\n");
    assert!(
        body.contains("a suit made to measure"),
        "{} | {body}",
        a.title
    );
}

#[test]
fn the_articles_last_section_before_a_list_of_stories_is_its_text() {
    let para = |n: &str| {
        format!(
            "The {n} paragraph tells how the ferry company lost money for the third year \
            in a row, and how the town council plans to buy it back at a low price."
        )
    };
    let last = "The company is smaller than its rival across the bay and runs only two \
        boats, but it grows faster: its crossings were full every weekend this summer, and \
        the council expects the line to pay for itself within five years of the purchase, \
        when the new quay opens and the night crossings start again after a long pause.";
    let page = format!(
        "Town Council Will Buy The Ferry\n{}\n{}\n{}\nGrowing Faster Than Its Rival\n{last}\n\
        The Bakery That Feeds The Shelter\nShe has fed the town's shelter every \
        night for ten years, and she will not stop now.\n\
        A New Market By The Station\nThe stalls open on Saturday morning, with \
        fish from the harbour and bread from the hills.\nAbout us\n",
        para("first"),
        para("second"),
        para("third"),
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(
        a.body.last().map(String::as_str),
        Some(last),
        "{:?}",
        a.body
    );
}

#[test]
fn sections_under_short_subheadings_are_the_article() {
    let para = |what: &str| {
        format!(
            "The archive holds letters, ledgers and maps of {what}, and the historians who \
            read them found a story of slow growth, sudden losses and a stubborn will to \
            carry on through it all. Most of it had never been read since the day it was \
            filed away in the cellar of the old office by the quay."
        )
    };
    let page = format!(
        "The Company That Built The Harbour\nMarch 3, 2021\n{}\nEarly Years\n{}\n\
        War Years\n{}\nLate Years\n{}\nShare this\n",
        para("the first decade"),
        para("the years before the war"),
        para("the war"),
        para("the last decade"),
    );
    let a = parse_text_page(&page).expect("an article");
    assert_eq!(a.body.len(), 7, "{:?}", a.body);
}

#[test]
fn a_ranked_list_of_short_entries_is_the_article() {
    let mut page = String::from(
        "Top Five Bakers In Town\nJanuary 22, 2014\n\
        A common myth says the town has no good bread left. It has plenty, and here are \
        the bakers who prove it every morning before the sun is up over the port.\n\
        My Top Five\n",
    );
    let entries = [
        ("Anna Rossi", "rye loaves in a wood oven behind the market"),
        (
            "Bruno Neri",
            "sourdough that his grandfather started in 1950",
        ),
        (
            "Carla Bianchi",
            "flat breads with olives from her own trees",
        ),
        (
            "Dario Fo",
            "sweet buns that sell out before the church bells ring",
        ),
        (
            "Elena Ricci",
            "spelt loaves for the school canteens of the valley",
        ),
    ];
    for (n, (name, what)) in entries.iter().enumerate() {
        page += &format!(
            "{}. {name}\nBakes {what}, and sells them warm from six; the queue starts \
            at half past five, rain or shine.\n",
            n + 1
        );
    }
    page += "Keep Baking!\nCategory: Blog\n";
    let a = parse_text_page(&page).expect("an article");
    assert!(a.body.len() >= 5, "{:?}", a.body);
    assert!(
        a.body.iter().any(|p| p.starts_with("A common myth")),
        "{:?}",
        a.body
    );
}

#[test]
fn short_sections_that_run_into_the_articles_prose_are_the_article() {
    let page = "Menu\nWorld\n\
        The Mayor Is Back\n\
        The mayor came back to the town hall after three weeks away. The photos that prove it pleased the council.\n\
        The Mayor Smiles Again\n\
        Update, May 3: the return of the mayor to the town hall has drawn one more reader's letter to the paper, from the baker on the square, who wrote that he was glad to see him back at his desk and wished him well.\n\
        \"Glad to see he is back, and well!\"\n\
        The two men share a long friendship. It began with a quarrel about the market hours on Saturday mornings, went on through a long winter of meetings about the new square, and ended in a handshake on the steps of the town hall that every paper in the valley printed on its front page the next day.\n\
        The Mayor Is Here Again\n\
        Update, May 2: the town hall released photos of the mayor at his desk, the first in three weeks. He was seen signing letters and meeting the head of the fire brigade, who had asked for new boots for his men before the winter, and the mayor said yes to all of them with a smile that the photographers caught from the corridor. The council's spokesman said the mayor would take part in the market day on Saturday as every year, and open the new fountain on the square himself.\n\
        The mayor had been away for three weeks, and the council had not said why. Rumours about an operation went round the market, and the paper asked the town hall twice a day for news, which never came until the photos were sent out on Saturday morning to every paper at once.\n\
        Some in the town had already named a successor, the deputy mayor, who has run the council meetings since the start of April and who is known for her patience with the market traders.\n\
        Share this\n";
    let a = parse_text_page(page).expect("an article");
    let body = a.body.join("\n");
    assert!(body.contains("The two men share"), "{body}");
    assert!(body.contains("the baker on the square"), "{body}");
}

#[test]
fn a_menu_of_labels_glued_to_their_blurbs_is_not_the_article() {
    let menu: String = [
        ("Faith", "Our faith is trust in the grace of God, which the church has preached for many centuries in every town of the region."),
        ("Baptism", "Baptism is the sacrament of the beginning: the festive welcome of a person into the church, at any age and in any parish."),
        ("Confirmation", "Confirmation is a festive service of blessing, the yes of the young to their baptism, held every spring in the parishes."),
        ("Wedding", "In a church wedding the couple ask for God's blessing on their life together, in front of their families and their friends."),
        ("Funeral", "At a Christian funeral people take leave of someone who has died and commend them to God, with prayers and with music."),
    ]
    .iter()
    .map(|(label, blurb)| format!("{label}{blurb}\nRead more\n"))
    .collect();
    let page = format!(
        "Home\nTopics\n{menu}Search\nBishop's word: the service as the mark of the church\n11.11.2021\n\
The bishop spoke to the synod on Thursday about wealth, crisis and the renewal of the church service, which he called the mark of every church.\n\
He thanked the parishes for keeping their services open through the long winter, and asked the synod to fund music in the small villages.\n\
Related news\n"
    );
    let a = parse_text_page(&page).expect("an article");
    assert!(a.body[0].starts_with("The bishop spoke"), "{:?}", a.body);
    assert_eq!(
        a.title,
        "Bishop's word: the service as the mark of the church"
    );
}

#[test]
fn questions_over_their_answers_are_the_pages_faq_not_teasers() {
    let mut page = String::from(
        "What A Loan Costs\n\
        The interest on a loan depends on the sum, the term and the yearly rate the bank \
        asks of you, and the rate in turn on how well the bank rates your income, your \
        debts and the assets you could pledge, which is why two people rarely pay the same.\n\
        A longer term lowers what you pay each month but raises what you pay in all, and \
        a loan you may spend as you like costs more than one the bank can tie to a car or \
        a house, since the thing bought stands behind the debt if you cannot pay.\n",
    );
    for (question, topic) in [
        ("How is the interest on my loan worked out?", "sum and term"),
        ("Does my credit rating change the rate?", "rating"),
        ("Are loans for a car cheaper than others?", "car loans"),
        (
            "Does the rate stay the same for the whole term?",
            "fixed rates",
        ),
    ] {
        page += &format!(
            "{question}\nThe answer on {topic}: banks weigh what they lend against the \
            risk they carry, so what lowers the risk lowers the rate you pay over the \
            years of the loan.\n"
        );
    }
    page += "About us\nContact\nJobs\n";
    let a = parse_text_page(&page).expect("an article");
    for topic in ["sum and term", "rating", "car loans", "fixed rates"] {
        let answer = format!("The answer on {topic}:");
        assert!(
            a.body.iter().any(|p| p.starts_with(&answer)),
            "{topic}: {:?}",
            a.body
        );
    }
}
