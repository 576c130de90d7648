//! Tests of the rules that tell a text copy's title and body from the
//! page around them, one page shape each.

use super::*;

fn parse(text: &str) -> Article {
    parse_text_page(text).expect("page parses")
}

#[test]
fn a_headline_below_the_body_with_a_date_under_it_is_another_story() {
    let text = "Example Blog\nAbout\n21 September 2020\nSimple Anomaly Detection Using Plain SQL\n\
Identify problems before they become disasters\n\
Many developers think a critical bug is the worst thing that can happen, but an anomaly nobody detects in the data is worse.\n\
Detecting anomalies in plain SQL takes a z-score over a window of the data and a threshold that says when a value is too far.\n\
A simple anomaly detection query can run every few minutes and send an email when the data looks wrong.\n\
Want me to send you an email\nwhen I publish something new?\nMarch 3, 2021\nShare to show you care\n";
    let article = parse(text);
    assert_eq!(article.title, "Simple Anomaly Detection Using Plain SQL");
}

#[test]
fn long_exclamations_and_lines_of_two_sentences_stay_in_the_body() {
    let text = "Weekly Notes: Issue 85\nJane Doe\nDecember 18, 2020\n\
We have just landed the change that prevents starting an update while another instance of the browser is running.\n\
Users who run multiple user profiles concurrently will probably see this much less!\n\
The tools and the test framework are now fully compatible! Congratulations to those teams!\n\
Also about to land is support for downloading new updates when an older one is already waiting to install.\n";
    let article = parse(text);
    let body = article.body.join("\n");
    assert!(body.contains("see this much less!"), "{body}");
    assert!(body.contains("Congratulations to those teams!"), "{body}");
}

#[test]
fn a_table_cell_named_comment_does_not_end_the_article() {
    let text = "How We Designed The Task Framework\nBy A. Writer, Nov 11, 2020\n\
The framework runs tasks for many teams at once, and it had to work well at scale from the first day it was used in production.\n\
Each task moves through a few states, listed in the table below with what each state means for the client that scheduled it.\n\
State\nComment\nnew\n\
After the table, the controller polls the store for tasks that are ready and hands them to the queue that the executors read from.\n\
When an executor finishes a task it reports the result, and the controller moves the task to its final state in the store.\n";
    let article = parse(text);
    let body = article.body.join("\n");
    assert!(body.contains("The framework runs tasks"), "{body}");
    assert!(body.contains("After the table, the controller"), "{body}");
}

#[test]
fn list_items_inside_the_body_are_kept() {
    let text = "Weekly Notes: Issue 85\nJane Doe\nDecember 18, 2020\n\
We have just landed the change that prevents starting an update while another instance of the browser is running.\n\
In progress:\n\
Bug 1677080 – Fullscreen window is affected by switching the video source\n\
Bug 1678390 – Prevent small windows from opening on top of one another\n\
Also about to land is support for downloading new updates when an older one is already waiting to install.\n\
The address bar now keeps its results panel open while an input method is composing a word, as users asked.\n";
    let article = parse(text);
    let body = article.body.join("\n");
    assert!(body.contains("Bug 1677080 – Fullscreen window"), "{body}");
    assert!(
        body.contains("Bug 1678390 – Prevent small windows"),
        "{body}"
    );
    assert!(!body.contains("December 18"), "{body}");
}

const BODY_T1: &str = "It is the organisation's fourth world championship, and its captain lifted the trophy \
in front of a home crowd that had waited seven years for the moment to come back to Seoul.\n\
The team entered the final as the last team of its league still standing, after beating three \
champions in a row over a month of matches that went the distance more than once.\n\
Its captain, now twenty-seven, said after the final that the championship belonged to the fans \
who had stayed with the team through two losing seasons.\n";

#[test]
fn a_caption_under_the_byline_is_not_the_title() {
    let text = format!(
        "Home Esports\n\
         Captain wins again as his team becomes world champion\n\
         Same tears, different emotions.\n\
         By Amanda Tan November 19, 2023 7:18 pm\n\
         Share Article\n\
         Fourth world championship: the captain and the team lift the trophy in Seoul!\n\
         Credit: Riot Games\n\
         Step-by-step guide to the base camp of the team in Hongdae\n{BODY_T1}"
    );
    let article = parse(&text);
    assert_eq!(
        article.title,
        "Captain wins again as his team becomes world champion"
    );
}

#[test]
fn a_headline_repeated_on_the_page_is_still_the_title() {
    let headline = "Team wins fourth world title as captain lifts trophy in Seoul";
    let text = format!(
        "{headline}\nToday's weather\nSeoul Full Forecast\n{headline}\nNovember 20, 2023\n{BODY_T1}\
         Most viewed\n{headline}\nAnother story about the weather in the capital this week\n"
    );
    assert_eq!(parse(&text).title, headline);
}

#[test]
fn tag_clouds_and_hashtags_are_neither_text_nor_title() {
    let text = format!(
        "Welcome to the Sports Desk\n\
         Topics\n\
         Animals Comets Drought Earthquakes Extreme Temperatures Fireballs Floods Plagues Sinkholes \
         Smoking Storms Tornadoes Volcanoes Wildfires Esports Football\n\
         Esports\n\
         Team wins fourth world title as captain lifts the trophy again\n\
         Amanda Tan\n\
         Mon, 20 Nov 2023 17:55 UTC\n{BODY_T1}#Esports #Seoul #world championship final\n"
    );
    let article = parse(&text);
    assert_eq!(
        article.title,
        "Team wins fourth world title as captain lifts the trophy again"
    );
    assert!(
        !article
            .body
            .iter()
            .any(|p| p.contains("Sinkholes") || p.contains("#Seoul"))
    );
}

#[test]
fn a_most_popular_box_set_three_times_into_the_article_does_not_end_it() {
    let boxed = "Most Popular\nGear\nThe Best Bikes Of The Year\nAnna Rossi\nCulture\nA Festival Of Boats\nMarco Bianchi\n";
    // Paragraphs long enough to carry the article across a box.
    let paragraphs = [
        "The city council approved the new river bridge on Tuesday after a long debate about its cost and the traffic it will bring. \
The vote was close, and the mayor thanked the members who changed their minds in the last week of the debate.",
        "Council members said the bridge will carry buses and bicycles, and that the work on the river banks should start next spring. \
The old ferry will keep running until the bridge opens, and its crew will be offered work on the new buses.",
        "Residents of the old town asked for a study of the bridge traffic before it opens, and the council promised to publish one. \
The study will count the cars on the old roads every morning for a month, in the summer and again in the winter.",
        "The last paragraph says that the bridge should open in three years, if the river banks hold and the budget does too. \
The council will vote again on the budget next year, when the first part of the work is done and paid for.",
    ];
    let text = format!(
        "Council Approves The River Bridge\nBy Anna Rossi\n{}\n{boxed}{}\n{boxed}{}\n{boxed}{}\n",
        paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3]
    );
    let article = parse(&text);
    assert_eq!(article.body.last().map(String::as_str), Some(paragraphs[3]));
    // Once, after the article, the same heading ends it.
    let once = format!(
        "Council Approves The River Bridge\nBy Anna Rossi\n{}\n{}\n{boxed}{}\n",
        paragraphs[0], paragraphs[1], paragraphs[3]
    );
    assert_eq!(
        parse(&once).body.last().map(String::as_str),
        Some(paragraphs[1])
    );
}

#[test]
fn a_changelog_keeps_its_short_items_among_long_ones() {
    let text = "Town Map News\nTown Map 2.0 - The Bridge Update\n\
+ Added the new river bridge with its two bus lanes\n+ Added Ferries\n\
+ Added the old town walls and their four gates\n+ Added Parks\n\
+ Added bicycle lanes on every road of the old town\n+ Added Schools\n\
+ Added the harbour with its boats and its market\n\
+ Fixed the names of the streets along the river banks\n\
The council thanks everyone who sent a correction to the map, and asks for more before the next update in the spring.\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("+ Added Ferries"), "{body}");
    assert!(body.contains("+ Added Schools"), "{body}");
}

const BRIDGE: &str = "\
The city council approved the new river bridge on Tuesday after a long debate about its cost and the traffic it will bring to the old town.
Council members said the bridge will carry buses and bicycles, and that the work on the river banks should start early next spring.
Residents of the old town asked for a study of the bridge traffic before it opens, and the council promised to publish one by the summer.
";

#[test]
fn the_list_that_opens_the_article_is_its_text() {
    let top = "Town News\nThese Weeks At The Council: Issue 12\nAnna Rossi\nMarch 3, 2021\n\
The council has just voted the budget of the new river bridge and its two bus lanes\n\
Work on the river banks starts in the spring, and the old ferry will keep running until the bridge opens.\n\
Thanks to the residents, the study of the bridge traffic is now open to everyone\n\
The study counts the cars on the old roads every morning, and its first figures are already online.\n\
The mayor thanks the members who changed their minds in the last week of the debate\n";
    let text = format!("{top}{}", BRIDGE);
    let body = parse(&text).body;
    assert_eq!(
        body.first().map(String::as_str),
        Some("The council has just voted the budget of the new river bridge and its two bus lanes")
    );
    // Headlines alone above the body are no list of its own (related stories).
    let related = "Town News\nThese Weeks At The Council: Issue 12\nAnna Rossi\nMarch 3, 2021\n\
How one town turned its old ferry into a floating market for the summer\n\
Why the bridges of the coast need a study of their traffic before they open\n\
The harbour festival counts more visitors than in any year before this one\n";
    let body = parse(&format!("{related}{}", BRIDGE)).body;
    assert!(
        !body.iter().any(|p| p.starts_with("How one town")),
        "{body:?}"
    );
}

#[test]
fn a_tags_link_above_the_article_does_not_end_it() {
    let notice = |n: &str| {
        format!(
            "Tip number {n}: you can search every project of this site by typing a word, \
            then pick one of the results with the arrow keys and press enter to open it."
        )
    };
    let para = |n: &str| {
        format!(
            "The {n} step of the tool converts the simulator bundle into one that runs on the \
            desktop, rewriting the load commands of each binary and signing the result again \
            so that the system accepts it."
        )
    };
    let mut text = String::new();
    for n in ["one", "two"] {
        text += &format!("Sign in\nSign up\n{}\nSign in\nSign up\n", notice(n));
    }
    for n in ["three", "four", "five", "six", "seven"] {
        text += &notice(n);
        text.push('\n');
    }
    text += "View all tags\nConvert A Simulator Bundle For The Desktop\n";
    for n in [
        "first", "second", "third", "fourth", "fifth", "sixth", "last",
    ] {
        text += &para(n);
        text.push('\n');
    }
    let article = parse(&text);
    assert!(
        article.body[0].starts_with("The first step"),
        "{:?}",
        article.body
    );
}

#[test]
fn a_related_box_inside_the_article_does_not_end_it() {
    let text = "News\nThe Harbour Bridge Opens After Four Years of Work\nBy Anna Rossi\n\
The new harbour bridge opened on Monday morning after four years of work, and the first buses crossed it before seven.\n\
The council had promised the bridge for the summer, but the work on the harbour walls took a year longer than planned.\n\
Related\nA Ferry Service Ends After Ninety Years\n\
Traffic on the old harbour road fell by half on the first day, the council said, and the shops along it were quieter than on any Monday since the road was built in the sixties.\n\
The mayor said the bridge would pay for itself within twenty years through the tolls paid by lorries and coaches, and that buses and bicycles would always cross it for free.\n\
Most Read\nA Storm Floods The Old Town\nSchools Close For The Holidays\nThe Market Moves To The Square\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("The new harbour bridge opened"), "{body}");
    assert!(
        body.contains("The mayor said the bridge would pay"),
        "{body}"
    );
    assert!(!body.contains("A Ferry Service Ends"), "{body}");
    assert!(!body.contains("A Storm Floods"), "{body}");
}

#[test]
fn a_related_box_followed_by_a_short_paragraph_does_not_end_the_article() {
    let text = "News\nThe Harbour Bridge Opens After Four Years of Work\nBy Anna Rossi\n\
The new harbour bridge opened on Monday morning after four years of work, and the first buses crossed it before seven.\n\
The council had promised the bridge for the summer, but the work on the harbour walls took a year longer than planned.\n\
Related Stories\nA Ferry Service Ends After Ninety Years\nThe Old Harbour Road Closes For Repairs\n\
Traffic on the old harbour road fell by half on the first day, the council said on Tuesday evening, and the lorries kept to the new bypass around the town.\n\
The shops along the old road were quieter than on any Monday in years.\n\
The mayor said the bridge would pay for itself within twenty years through the tolls paid by lorries.\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("The new harbour bridge opened"), "{body}");
    assert!(
        body.contains("The mayor said the bridge would pay"),
        "{body}"
    );
}

#[test]
fn two_related_boxes_in_a_row_inside_the_article_do_not_end_it() {
    let long = "The council had promised the bridge for the summer, but the work on the harbour \
                walls took a year longer than planned, and the old ferry ran beside the works \
                until the very last week, carrying the buses that could not take the long road \
                around the bay through the villages and over the hills.";
    let text = format!(
        "News\nThe Harbour Bridge Opens After Four Years of Work\nBy Anna Rossi\n\
         The new harbour bridge opened on Monday morning. {long}\n\
         Related\nThe Best Bridges of the Year\nRelated\nA Ferry Service Ends After Ninety \
         Years\nThe Old Harbour Road Closes\n\
         The mayor said the bridge would pay for itself within twenty years. {long} {long}\n"
    );
    let body = parse(&text).body.join("\n");
    assert!(body.contains("The new harbour bridge opened"), "{body}");
    assert!(
        body.contains("The mayor said the bridge would pay"),
        "{body}"
    );
}

#[test]
fn a_most_read_box_with_writers_names_inside_the_article_does_not_end_it() {
    let para = |n: &str| {
        format!(
            "The {n} paragraph tells how the harbour bridge was planned, argued over in the \
            council for a decade, and finally built by a company from the next town over four \
            years, with the old ferry running beside it until the very last week of the work.\n"
        )
    };
    let mut text = String::from("News\nThe Harbour Bridge Opens After Four Years of Work\n");
    for n in ["first", "second", "third", "fourth", "fifth"] {
        text += &para(n);
    }
    text += "Most Read\nHow The Old Port Was Sold Twice In Ten Years\nAnna Rossi, Marco Bianchi\n\
        Storm Floods The Old Town For The Third Time\nLuca Verdi\n\
        Schools Close Early For The Winter Holidays\nGina Neri\nThe Tolls\n";
    for n in ["sixth", "seventh", "eighth"] {
        text += &para(n);
    }
    text += "Most Read\nHow The Old Port Was Sold Twice In Ten Years\nAnna Rossi\n";
    let body = parse(&text).body.join("\n");
    assert!(body.contains("The first paragraph"), "{body}");
    assert!(body.contains("The eighth paragraph"), "{body}");
    assert!(!body.contains("Storm Floods"), "{body}");
}

#[test]
fn reader_comments_headed_by_says_are_not_the_article() {
    let text = "Blog\nThe Harbour Bridge Opens\nMarch 2, 2021\n\
The new harbour bridge opened on Monday morning after four years of work, and the first buses crossed it before seven in the morning.\n\
The council had promised the bridge for the summer, but the work on the harbour walls took a year longer than planned and cost more.\n\
Traffic on the old harbour road fell by half on the first day, the council said, and the shops along it were quieter than usual.\n\
Anna Rossi says:\nMarch 2, 2021 at 9:14 am\n\
I crossed it this morning with my bike and it was wonderful, although the ramp on the old town side is far too steep for older people.\n\
Reply\nMarco Bianchi says:\nMarch 2, 2021 at 10:02 am\n\
Four years for one bridge is a scandal, and the tolls for lorries will only push them back onto the old harbour road again.\n\
Reply\nComment by Luca — March 3, 2021 @ 08:15\n\
The buses are faster now, that is what matters for people who work in the harbour and live in the hills above the town.\n";
    let body = parse(text).body.join("\n");
    assert!(body.contains("The new harbour bridge opened"), "{body}");
    assert!(!body.contains("I crossed it this morning"), "{body}");
    assert!(!body.contains("The buses are faster now"), "{body}");
}

#[test]
fn a_servers_php_warnings_are_not_the_article() {
    let warning = "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future version of PHP) in /www/htdocs/site/wp-content/themes/old/single.php on line 63";
    let text = format!(
        "Blog\nThe Harbour Bridge Opens\nMarch 2, 2021\n\
The new harbour bridge opened on Monday morning after four years of work, and the first buses crossed it before seven.\n\
The council had promised the bridge for the summer, but the work on the harbour walls took a year longer than planned and cost more.\n\
{warning}\n{warning}\n{warning}\n"
    );
    let body = parse(&text).body.join("\n");
    assert!(body.contains("The new harbour bridge opened"), "{body}");
    assert!(!body.contains("Use of undefined constant"), "{body}");
}

/// An article set as headings over one paragraph each, with no other prose
/// on the page, reads like a list of other stories' blurbs: it is the
/// article all the same, not "no article found".
#[test]
fn article_set_as_headed_paragraphs_is_read() {
    let para = |topic: &str| {
        format!(
            "The town's {topic} has been argued over for months, and on Monday the council \
             finally set out what it will do, with a vote due before the summer and a long \
             list of objections from the people who live along the river."
        )
    };
    let page = format!(
        "News\nSport\nContact\nFerry service to end after ninety years on the river\n\
         Page 1 of 2\n{}\nWhy the harbour lost its last boat\n{}\n\
         What the ferry workers say now\n{}\nNext page >>\n",
        para("ferry"),
        para("harbour"),
        para("budget")
    );
    let a = parse(&page);
    assert_eq!(
        a.title,
        "Ferry service to end after ninety years on the river"
    );
    assert!(a.body.len() >= 3, "{:?}", a.body);
    assert!(a.body[0].starts_with("The town's ferry"));
}

#[test]
fn a_subheading_over_a_lists_lead_in_heads_its_section() {
    let text = "Docker Notes\nFaster Docker Builds With Pipenv\nBy Anna Rossi\n\
Installing the dependencies before copying the code lets Docker cache the layer, so that a change in the code does not install everything again.\n\
Exporting a requirements file from the lock file keeps the image small, and the build no longer needs the tool that wrote the lock file.\n\
The takeaway\nTo get fast, reproducible builds for your application:\n\
Separate dependencies from your code\nLock the versions\nCopy the lock file first\n\
With these three steps the build takes seconds instead of minutes, and the image holds the same versions on every machine that builds it.\n";
    let article = parse(text);
    let body: Vec<&str> = article.body.iter().map(String::as_str).collect();
    assert!(body.contains(&"The takeaway"), "{body:?}");
}
