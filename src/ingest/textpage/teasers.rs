//! Lists of other stories set as headline + blurb pairs, whose blurbs read
//! as prose but are no article.

use super::lines::{Kind, Line};

/// Prose lines that are blurbs in a list of headline + blurb pairs (two pairs or more).
pub(super) fn teaser_flags(lines: &[Line]) -> Vec<bool> {
    let n = lines.len();
    let prev_content = |i: usize| {
        (i.saturating_sub(6)..i)
            .rev()
            .find(|&j| !lines[j].is_meta())
    };
    let next_content = |i: usize| (i + 1..n.min(i + 7)).find(|&j| !lines[j].is_meta());
    let paired: Vec<Option<usize>> = (0..n)
        .map(|i| {
            if !lines[i].is_text() || next_content(i).is_some_and(|j| lines[j].is_text()) {
                return None;
            }
            prev_content(i).filter(|&h| {
                lines[h].kind == Kind::Heading && !super::meta::is_attribution(&lines[h].text)
            })
        })
        .collect();
    let mut flags: Vec<bool> = (0..n)
        .map(|i| {
            let Some(h) = paired[i] else {
                return false;
            };
            let pair_before = prev_content(h).is_some_and(|p| paired[p].is_some());
            let pair_after = next_content(i)
                .and_then(next_content)
                .is_some_and(|q| paired[q].is_some_and(|qh| qh > i));
            pair_before || pair_after
        })
        .collect();
    keep_long_sections(lines, &mut flags);
    flags
        .into_iter()
        .zip(short_headline_pairs(lines))
        .map(|(a, b)| a || b)
        .collect()
}

/// Mean length of the blurbs of a list of pairs from which they are an
/// article's sections under its subheadings: a teaser is a sentence or
/// two, a section runs longer.
const SECTION_EFF: usize = 400;

/// Pairs a list of headlines and blurbs has at least.
const MIN_PAIRS: usize = 2;

/// Unflags the pairs in a row (no prose between them but theirs, no
/// section marker such as "Share this article") whose blurbs are
/// [`SECTION_EFF`] long on average: an article's sections.
fn keep_long_sections(lines: &[Line], flags: &mut [bool]) {
    let mut i = 0;
    while i < lines.len() {
        if !flags[i] {
            i += 1;
            continue;
        }
        let mut chain = vec![i];
        let mut j = i + 1;
        while j < lines.len()
            && (!lines[j].is_text() || flags[j])
            && !matches!(lines[j].kind, Kind::Barrier(_))
        {
            if flags[j] {
                chain.push(j);
            }
            j += 1;
        }
        let mean = chain.iter().map(|&k| lines[k].eff).sum::<usize>() / chain.len();
        // Two pairs are the least a list has: one blurb of a section's
        // length makes them sections.
        let longest = chain.iter().map(|&k| lines[k].eff).max().unwrap_or(0);
        let sections = mean >= SECTION_EFF
            || (chain.len() <= MIN_PAIRS && longest >= SECTION_EFF)
            || is_ranked(lines, &chain);
        if sections {
            for &k in &chain {
                flags[k] = false;
            }
        } else if closes_article(lines, &chain) {
            flags[chain[0]] = false;
        }
        i = j;
    }
}

/// Pairs of a ranked list at least.
const RANKED_PAIRS: usize = 3;

/// The number a heading opens with ("3. Sam Ponder", "4) Erin"), if any.
fn rank(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    (!digits.is_empty() && rest.starts_with(['.', ')'])).then(|| digits.parse().ok())?
}

/// Whether [`RANKED_PAIRS`] of the chain's headings in a row count up one
/// by one ("1. …", "2. …", "3. …"): the article's own ranked list ("My Top
/// 10") and its lead-in, its entries short as they may be, not a list of
/// other stories.
fn is_ranked(lines: &[Line], chain: &[usize]) -> bool {
    let headings = chain.iter().map(|&k| {
        (0..k)
            .rev()
            .find(|&j| !lines[j].is_meta())
            .map_or("", |h| lines[h].text.as_str())
    });
    counts_up(headings)
}

/// Whether [`RANKED_PAIRS`] of the headings in a row open with numbers
/// that count up one by one.
fn counts_up<'a>(headings: impl Iterator<Item = &'a str>) -> bool {
    let ranks: Vec<Option<u32>> = headings.map(|h| rank(h.trim_start())).collect();
    let mut run = 1;
    for w in ranks.windows(2) {
        run = if matches!(w, [Some(a), Some(b)] if *b == a + 1) {
            run + 1
        } else {
            1
        };
        if run >= RANKED_PAIRS {
            return true;
        }
    }
    false
}

/// How long the first blurb of a chain is at least, in percent of every
/// blurb after it, when it is the article's last section.
const SECTION_RATIO: usize = 150;

/// Whether the chain's first pair is the article's last section under its
/// subheading, the list of other stories starting after it: prose that is
/// no blurb comes right before its heading, and its paragraph is
/// [`SECTION_RATIO`] percent as long as any blurb after it, and a
/// paragraph of some length.
fn closes_article(lines: &[Line], chain: &[usize]) -> bool {
    let Some((&first, rest)) = chain.split_first() else {
        return false;
    };
    let longest_rest = rest.iter().map(|&k| lines[k].eff).max().unwrap_or(0);
    let heading = (0..first).rev().find(|&j| !lines[j].is_meta());
    let before = heading.and_then(|h| (0..h).rev().find(|&j| !lines[j].is_meta()));
    !rest.is_empty()
        && lines[first].eff >= SECTION_EFF / 2
        && lines[first].eff * 100 >= SECTION_RATIO * longest_rest
        && before.is_some_and(|b| lines[b].is_text())
}

/// Pairs in a row that make a list of short headlines and their blurbs.
const SHORT_PAIRS: usize = 3;
/// Longest blurb of such a list: one or two sentences.
const BLURB_EFF: usize = 200;

/// Most words of a short headline.
const SHORT_HEADLINE_WORDS: usize = 4;

/// A headline of two to four words (a label, not a sentence).
fn is_short_headline(l: &Line) -> bool {
    l.is_title_like() && l.words <= SHORT_HEADLINE_WORDS
}

/// Blurbs under headlines of two to four words ("Park Wifi", then a
/// sentence), [`SHORT_PAIRS`] pairs or more in a row: a features box. The
/// blurbs are short; an article's sections run longer.
fn short_headline_pairs(lines: &[Line]) -> Vec<bool> {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind != Kind::Noise)
        .collect();
    let mut flags = vec![false; lines.len()];
    let mut k = 0;
    while k + 1 < content.len() {
        let mut m = k;
        while m + 1 < content.len()
            && is_short_headline(&lines[content[m]])
            && lines[content[m + 1]].is_text()
            && lines[content[m + 1]].eff <= BLURB_EFF
        {
            m += 2;
        }
        let ranked = counts_up(
            content[k..m]
                .iter()
                .step_by(2)
                .map(|&h| lines[h].text.as_str()),
        );
        if (m - k) / 2 >= SHORT_PAIRS && !ranked {
            for &i in &content[k..m] {
                flags[i] = lines[i].is_text();
            }
        }
        k = if m > k { m } else { k + 1 };
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::super::parse_text_page;

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
}
