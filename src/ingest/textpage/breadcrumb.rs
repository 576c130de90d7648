//! A breadcrumb trail ("Site > Section > Page") names the page it ends
//! with. On a page without a date or a credit at its top (an "About" page,
//! a guide), the heading just above the text that the trail ends with is
//! the page's title, whatever words the text shares with it.

use super::lines::{Kind, Line};

/// Marks that part a trail's crumbs.
const SEPARATORS: &[&str] = &[" > ", " › ", " » ", " → "];
/// Most crumbs in a trail, and most words in a crumb.
const MAX_CRUMBS: usize = 6;
const CRUMB_WORDS: usize = 6;
/// Lines above the text (noise aside) where the page's heading is looked for.
const HEADING_REACH: usize = 3;

/// The last crumb of a trail line, lower-cased, if the line is one.
fn last_crumb(text: &str) -> Option<String> {
    let sep = SEPARATORS.iter().find(|s| text.contains(*s))?;
    let crumbs: Vec<&str> = text.split(sep).map(str::trim).collect();
    let ok = (2..=MAX_CRUMBS).contains(&crumbs.len()) && all_short(&crumbs);
    ok.then(|| crumbs[crumbs.len() - 1].to_lowercase())
}

/// Whether every crumb has one to [`CRUMB_WORDS`] words.
fn all_short(crumbs: &[&str]) -> bool {
    crumbs
        .iter()
        .all(|c| (1..=CRUMB_WORDS).contains(&c.split_whitespace().count()))
}

/// The heading, among the [`HEADING_REACH`] lines above the body's start,
/// that a trail higher up ends with, when no date or credit sits between
/// the trail and the body.
pub(super) fn heading_named_by_trail(lines: &[Line], start: usize) -> Option<usize> {
    let near: Vec<usize> = (0..start)
        .rev()
        .filter(|&j| lines[j].kind != Kind::Noise)
        .take(HEADING_REACH)
        .collect();
    let lowest = *near.last()?;
    let (trail, crumb) = (0..lowest)
        .rev()
        .find_map(|j| last_crumb(&lines[j].text).map(|c| (j, c)))?;
    if (trail..start).any(|j| lines[j].date.is_some() || lines[j].byline.is_some()) {
        return None;
    }
    near.into_iter().find(|&k| {
        matches!(lines[k].kind, Kind::Heading | Kind::Short)
            && lines[k].text.to_lowercase() == crumb
    })
}

/// Lines above the text searched for a trail over its page's headline.
const TRAIL_REACH: usize = 30;

/// The headline a trail right above it ends with, word for word ("Home /
/// Sport / Football / Home Side Loses Again" over "Home Side Loses
/// Again"): the page names its headline twice, whatever the lines around.
pub(super) fn headline_under_its_trail(lines: &[Line], start: usize) -> Option<usize> {
    (start.saturating_sub(TRAIL_REACH)..start)
        .rev()
        .find_map(|k| {
            let head = &lines[k];
            if !head.is_title_like() || head.words < 2 {
                return None;
            }
            let j = super::prev_content(lines, k)?;
            let trail = &lines[j].text;
            (ends_trail_with(trail, &head.text) || is_open_trail(trail)).then_some(k)
        })
}

/// Marks a trail left open before the page's own crumb ends with.
const OPEN_ENDS: &[char] = &['>', '›', '»'];

/// A trail ending with its separator ("News > Culture > Stars >",
/// "Site>news>"): the page's own crumb, its headline, is the next line.
fn is_open_trail(text: &str) -> bool {
    let t = text.trim_end();
    let Some(sep) = t.chars().last().filter(|c| OPEN_ENDS.contains(c)) else {
        return false;
    };
    let crumbs: Vec<&str> = t[..t.len() - sep.len_utf8()]
        .split(sep)
        .map(str::trim)
        .collect();
    (2..=MAX_CRUMBS).contains(&crumbs.len()) && all_short(&crumbs)
}

/// Whether `trail` is crumbs of a few words each, then `last`.
fn ends_trail_with(trail: &str, last: &str) -> bool {
    let Some(rest) = trail.strip_suffix(last).map(str::trim_end) else {
        return false;
    };
    SEPARATORS.iter().chain(&[" / "]).any(|sep| {
        rest.strip_suffix(sep.trim()).is_some_and(|t| {
            let crumbs: Vec<&str> = t.split(sep.trim()).map(str::trim).collect();
            (1..MAX_CRUMBS).contains(&crumbs.len()) && all_short(&crumbs)
        })
    })
}

/// A trail's label, lower-cased, without its colon ("Sie befinden sich
/// hier:"), over its crumbs one per line.
const YOU_ARE_HERE: &[&str] = &[
    "you are here",
    "sie befinden sich hier",
    "sie sind hier",
    "vous êtes ici",
    "usted está aquí",
    "está aquí",
    "sei qui",
    "ti trovi qui",
    "jesteś tutaj",
    "u bent hier",
];

/// The headline a "You are here:" trail set one crumb per line ends with:
/// the crumb said twice (the trail's end, then the headline under its
/// kicker), or the last crumb over the page's date ("Italy: Travel
/// Advice" over "Updated 12.11.2021"). Lines of a separator alone (">")
/// part the crumbs; a longer line ends the trail, and whether it is the
/// headline is left to the other signs.
pub(super) fn headline_ending_a_labelled_trail(lines: &[Line], start: usize) -> Option<usize> {
    let label = (start.saturating_sub(TRAIL_REACH)..start)
        .rev()
        .find(|&j| {
            let key = lines[j]
                .text
                .trim()
                .trim_end_matches(':')
                .trim_end()
                .to_lowercase();
            YOU_ARE_HERE.contains(&key.as_str())
        })?;
    let mut crumbs: Vec<usize> = Vec::new();
    for k in label + 1..start {
        let l = &lines[k];
        let text = l.text.trim();
        if text.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if crumbs.iter().any(|&c| lines[c].text.trim() == text) {
            return l.is_title_like().then_some(k);
        }
        if l.date.is_some() || l.byline.is_some() {
            return crumbs.last().copied().filter(|&c| lines[c].is_title_like());
        }
        // "Home" reads as a button, "Topics" as a section marker.
        let crumb = !l.is_text() && l.words <= CRUMB_WORDS;
        if !crumb || crumbs.len() > MAX_CRUMBS {
            return None;
        }
        crumbs.push(k);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::parse_text_page;

    const BODY: &str = "\
The town council meets every second Tuesday to vote on the works the old town needs, from its river bridge to the roads and the schools.
Its members are elected every five years, and any resident may ask the council a question at the start of each of its meetings.
";

    fn title_of(top: &str) -> String {
        parse_text_page(&format!("{top}{BODY}"))
            .expect("page parses")
            .title
    }

    #[test]
    fn the_heading_a_trail_ends_with_titles_an_undated_page() {
        let top = "Home\nAbout\nTown Council > Who we are\nNews\nWho we are\nHow The Town Council Votes\n";
        assert_eq!(title_of(top), "Who we are");
    }

    #[test]
    fn the_headline_a_trail_right_above_ends_with_is_the_title() {
        let top = "Home / Town / Bridges / Council Votes For The River Bridge At Last\n\
Council Votes For The River Bridge At Last\nAR 15. Oktober 2023\nRead also\n\
School Roof Repaired Before The Winter Comes\n1. November 2023\n";
        assert_eq!(title_of(top), "Council Votes For The River Bridge At Last");
    }

    #[test]
    fn the_line_under_a_trail_left_open_is_the_headline() {
        let top = "Home\nTown Paper > News > Town >\nCouncil Vote On The Old Bridge Is Near\n\
Ready for the traffic?\nTown Council Meets To Vote On The River Bridge\n\
The council members meet on Tuesday to vote on the bridge.\n© Town Paper\n\
20. März 2021 - 15:00 Uhr\n";
        assert_eq!(title_of(top), "Council Vote On The Old Bridge Is Near");
    }

    #[test]
    fn a_dated_article_keeps_its_headline_under_a_section_named_by_the_trail() {
        let top = "Home\nTown Council > Bridges\nBridges\nThe Town Council Votes For The River Bridge\nBy Anna Rossi\n";
        assert_eq!(title_of(top), "The Town Council Votes For The River Bridge");
    }

    #[test]
    fn a_labelled_trail_one_crumb_per_line_names_the_headline() {
        // The crumb said again under its kicker, over the topic's tags.
        let top = "Menu
You are here:
Home
Topics
Town
Council Meetings
Every Tuesday
Council Meetings
Bridges
Roads
Schools
Council
";
        assert_eq!(title_of(top), "Council Meetings");
        // The last crumb over the page's date.
        let top = "Menu
Sie befinden sich hier:
Startseite
>
Rat
>
So tagt der Rat
Stand - 12.11.2021
Contents
Council
";
        assert_eq!(title_of(top), "So tagt der Rat");
        // A longer line ends the trail: the other signs weigh it.
        let top = "Vous êtes ici :
Accueil
Émissions
Le Conseil
Le Conseil de la ville chaque mardi
Réécouter
How The Town Council Votes
By Anna Rossi
";
        assert_eq!(title_of(top), "How The Town Council Votes");
    }
}
