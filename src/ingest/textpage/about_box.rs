//! The box about the site (or its publisher) that closes the page's
//! column: a heading "About us" (or the site's name) and a paragraph or
//! two of its blurb, right after the article's last paragraph.

use super::lines::{Kind, Line};
use super::next_content;

/// Most words of such a box's heading.
const HEAD_WORDS: usize = 4;
/// Most paragraphs of such a box.
const BOX_PARAGRAPHS: usize = 2;
/// Openings of an "About …" heading, lower-cased.
const ABOUT: &[&str] = &[
    "über ",
    "about ",
    "à propos",
    "sobre ",
    "chi siamo",
    "wir über uns",
    "o nas",
];
/// What follows the site's name where a blurb opens with it
/// ("Presse Augsburg - Nachrichten für …").
const NAME_SEPARATORS: &[&str] = &[" - ", " – ", " | ", ": "];

/// The run's end without a closing box about the site: `e` itself when
/// the run has none, else its last paragraph before the box's heading.
pub(super) fn without_about_box(lines: &[Line], s: usize, e: usize) -> usize {
    let mut paragraphs = 0;
    for j in (s..=e).rev() {
        let l = &lines[j];
        if l.kind == Kind::Noise {
            continue;
        }
        if l.is_text() {
            paragraphs += 1;
            if paragraphs > BOX_PARAGRAPHS {
                return e;
            }
            continue;
        }
        let blurb = next_content(lines, j + 1).filter(|&p| p <= e && lines[p].is_text());
        let boxed = paragraphs > 0
            && blurb.is_some_and(|p| is_about_head(l) || opens_with_the_name(l, &lines[p]));
        return match (s..j).rev().find(|&k| lines[k].is_text()) {
            Some(last) if boxed => last,
            _ => e,
        };
    }
    e
}

/// "Über uns", "About Advents-Shopping.de": a short heading opening with "about".
fn is_about_head(l: &Line) -> bool {
    let lower = l.text.trim().to_lowercase();
    plain_head(l)
        && ABOUT
            .iter()
            .any(|a| lower.starts_with(a) || lower == a.trim_end())
}

/// A short heading whose words open the paragraph under it, before a
/// dash or a bar: the site's name over its blurb.
fn opens_with_the_name(l: &Line, paragraph: &Line) -> bool {
    let name = l.text.trim();
    plain_head(l)
        && l.words >= 2
        && paragraph
            .text
            .trim_start()
            .strip_prefix(name)
            .is_some_and(|rest| NAME_SEPARATORS.iter().any(|sep| rest.starts_with(sep)))
}

fn plain_head(l: &Line) -> bool {
    matches!(l.kind, Kind::Heading | Kind::Short)
        && l.words <= HEAD_WORDS
        && l.date.is_none()
        && l.byline.is_none()
}

#[cfg(test)]
mod tests {
    use super::super::parse_text_page;

    const STORY: &str = "Harbour Courier\nHome\nNews\nCouncil approves the new river bridge\n\
The city council approved the new river bridge on Tuesday after a long debate about its cost and the traffic it will bring to the old town.\n\
Council members said the bridge will carry buses and bicycles, and that the work on the river banks should start early next spring.\n\
Residents of the old town asked for a study of the bridge traffic before it opens, and the council promised to publish one by the summer.\n";

    #[test]
    fn an_about_box_after_the_article_is_no_part_of_it() {
        for about in [
            "About us\nThe Harbour Courier has told the news of the coast since 1921, with reporters in every town from the river to the cliffs.\n",
            "Harbour Courier\nHarbour Courier - news of the coast since 1921, with reporters in every town from the river to the cliffs.\n",
        ] {
            let page = format!("{STORY}{about}Contact\nJobs\nImprint\n");
            let a = parse_text_page(&page).expect("an article");
            assert_eq!(a.body.len(), 3, "{about}: {:?}", a.body);
        }
    }

    #[test]
    fn a_section_named_by_the_paragraph_under_it_stays() {
        let page = format!(
            "{STORY}The next steps\nThe next steps are a vote on the budget in May and a tender for the works, which the council expects to close in the autumn.\nContact\nJobs\n"
        );
        let a = parse_text_page(&page).expect("an article");
        assert_eq!(a.body.len(), 5, "{:?}", a.body);
    }
}
