//! Readers' comments headed by their writer's name and the time they were
//! posted ("Anna June 28, 2015 at 10:25 pm", "gabriel Le 11 septembre 2018
//! à 12:57"), with no heading over the thread: three such heads over prose
//! make a thread, and each head is a comments marker that ends the article
//! however short it is. One head alone is an article's byline with its time.

use super::dates::date_start_word;
use super::lines::{Barrier, Kind, Line};

/// Heads over prose that make a thread.
const THREAD_HEADS: usize = 3;

/// Most words of a head, its name and its date and time.
const HEAD_WORDS: usize = 10;

/// Most words of the name before the date.
const NAME_WORDS: usize = 4;

/// Lines between a head and its comment's prose, at most.
const HEAD_GAP: usize = 2;

/// Words opening a dated line that make it the article's own (a byline, a
/// publication line), not a comment's head. Lowercased.
const NOT_A_NAME: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "di",
    "da",
    "am",
    "on",
    "le",
    "published",
    "posted",
    "updated",
    "date",
    "datum",
    "veröffentlicht",
    "aktualisiert",
    "erstellt",
    "publié",
    "publicado",
    "pubblicato",
    "opublikowano",
];

/// Marks the heads of a thread of comments as comments markers.
pub(super) fn mark_comment_heads(lines: &mut [Line]) {
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| is_head(&lines[i]) && heads_prose(lines, i))
        .collect();
    if heads.len() < THREAD_HEADS {
        return;
    }
    // The article comes first: prose above the first head.
    if !lines[..heads[0]].iter().any(Line::is_text) {
        return;
    }
    for i in heads {
        lines[i].kind = Kind::Barrier(Barrier::Comments);
    }
}

/// A short dated line with a time of day, opened by a name (marked a
/// comments marker only within a thread).
pub(super) fn is_head(l: &Line) -> bool {
    if l.is_text() || l.date.is_none() || l.words > HEAD_WORDS || !has_clock_time(&l.text) {
        return false;
    }
    let words: Vec<&str> = l.text.split_whitespace().collect();
    let Some(at) = date_start_word(&words) else {
        return false;
    };
    let first = words[0]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (1..=NAME_WORDS).contains(&at)
        && words[0].starts_with(char::is_alphabetic)
        && !NOT_A_NAME.contains(&first.as_str())
}

/// Whether prose follows the line within [`HEAD_GAP`] lines.
fn heads_prose(lines: &[Line], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .take(HEAD_GAP)
        .any(|l| l.is_text() || (l.kind == Kind::Short && l.words >= 3))
}

/// A time of day in the line: "10:25", "22.30" after "à" or "at" is not
/// needed, two digits after a colon are.
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1] == b':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse_text_page;

    const ARTICLE: &str = "Blog\nThe Hundred Best Singers Of All Time\nby oz on December 4, 2006\n\
        I am not much of a fan these days, but I listened to a lot of this in school, and I \
        heard about the list on the radio this morning on my way to work in the rain.\n\
        The list is long and it is wrong in many places, but it is fun to read, and I will \
        say which singers I miss and which ones should never have been on it at all.\n";

    #[test]
    fn comments_headed_by_name_and_time_are_no_article() {
        let mut page = ARTICLE.to_string();
        for (who, when) in [
            ("Armanox", "June 28, 2015 at 10:25 pm"),
            ("Flounder", "July 6, 2015 at 6:57 pm"),
            ("Leo Marsh", "July 23, 2015 at 3:20 pm"),
            ("Rebel Raime", "July 25, 2015 at 7:01 pm"),
        ] {
            page += &format!(
                "{who} {when}\nThis list is wrong because my favourite singer is not on it, \
                and the ones at the top are there only because they sold the most records in \
                the eighties, which says nothing about how well they sang on any stage at all, \
                as anyone who saw them live in those years will tell you without a doubt.\n"
            );
        }
        let a = parse_text_page(&page).expect("an article");
        let body = a.body.join("\n");
        assert!(body.contains("I heard about the list"), "{body}");
        assert!(!body.contains("my favourite singer"), "{body}");
    }

    #[test]
    fn a_byline_with_its_time_is_no_comment_head() {
        assert!(super::has_clock_time("Anna June 28, 2015 at 10:25 pm"));
        assert!(!super::has_clock_time("Anna June 28, 2015"));
        assert!(!super::has_clock_time("Score 1:2"));
        let head = |text: &str| {
            super::super::lines::build(vec![text.to_string()])
                .first()
                .is_some_and(super::is_head)
        };
        assert!(head("Armanox June 28, 2015 at 10:25 pm"));
        assert!(head("gabriel sempéré Le 11 septembre 2018 à 12:57"));
        assert!(!head("By Evan Symon, August 14, 2020 at 2:30 pm"));
        assert!(!head("Veröffentlicht am 1. November 2023 09:35"));
        assert!(!head("June 28, 2015 at 10:25 pm"));
    }
}
