//! Signs that a headline-like line is not the article's title: it heads a
//! related list, captions a video, labels a widget, or is the standfirst of
//! the headline above it.

use super::lines::{self, Kind, Line};
use super::measure::glued_junctions;
use super::phrases;

/// Lines of a list to climb to find the heading that opens it.
const LIST_REACH: usize = 8;
/// Short items in a row, under a related list's marker, that make a menu.
const MENU_ITEMS: usize = 2;
/// Most words of a menu's item.
const MENU_ITEM_WORDS: usize = 2;
/// Most words of a date stamp over an entry of a related list.
const STAMP_WORDS: usize = 4;

/// Whether the line sits in a list that a "Related …" heading opens: the
/// heading is a few headline-like lines above it, with no prose or byline
/// between them (date stamps at most). Such headlines are other stories.
pub(super) fn in_related_list(lines: &[Line], i: usize) -> bool {
    let mut menu_items = 0;
    let mut entries = 0;
    for j in (i.saturating_sub(LIST_REACH)..i).rev() {
        let l = &lines[j];
        if phrases::is_related_marker(&l.text) {
            // Among a menu's items ("Meistgelesen", "Kontakt"), the marker
            // is one item more: the line under them heads the page.
            return menu_items < MENU_ITEMS || entries > 0;
        }
        // Entries of other stories may be dated ("16.11.2022" over each).
        // (An entry the page repeats may count as noise.)
        let dates_entry = || {
            (j + 1..=i)
                .find(|&k| lines[k].words > 0)
                .is_some_and(|k| lines[k].date.is_none() && lines[k].words > MENU_ITEM_WORDS)
        };
        let stamp =
            l.date.is_some() && l.byline.is_none() && l.words <= STAMP_WORDS && dates_entry();
        if stamp {
            continue;
        }
        if l.kind != Kind::Noise {
            if l.words <= MENU_ITEM_WORDS {
                menu_items += 1;
            } else {
                entries += 1;
            }
        }
        let in_list = l.kind == Kind::Noise
            || (matches!(l.kind, Kind::Heading | Kind::Short)
                && l.date.is_none()
                && l.byline.is_none());
        if !in_list {
            return false;
        }
    }
    false
}

/// A line of one or two words found three times or more on the page is a
/// widget's label ("Now playing", "Watch"), not a headline: a headline is
/// longer than a label, and is repeated only where the page names itself.
/// A copy with a date right above or under it is a short headline all the
/// same: a widget's label carries no date.
pub(super) fn is_repeated_label(lines: &[Line], i: usize) -> bool {
    if lines[i].words > 2 || lines[i].text.chars().count() > 24 {
        return false;
    }
    let t = lines[i].text.trim().to_lowercase();
    let copies: Vec<usize> = (0..lines.len())
        .filter(|&j| lines[j].words == lines[i].words && lines[j].text.trim().to_lowercase() == t)
        .collect();
    copies.len() >= 3 && !copies.iter().any(|&j| dated_beside(lines, j))
}

/// A date on the line right above or right under `i` (noise aside).
fn dated_beside(lines: &[Line], i: usize) -> bool {
    let above = super::prev_content(lines, i);
    let under = (i + 1..lines.len()).find(|&j| lines[j].kind != Kind::Noise);
    [above, under]
        .into_iter()
        .flatten()
        .any(|j| lines[j].date.is_some())
}

/// Indefinite articles: they open a headline ("Ein Albtraum", "A Vote")
/// and never a name, of a person or of an outlet (a definite one may: "The
/// Grayzone", "Le Monde"). Such a line is no credit, whatever its capitals.
const ARTICLES: &[&str] = &[
    "a", "an", "ein", "eine", "un", "une", "uno", "una", "um", "uma", "een",
];

/// Whether the line's first word is an indefinite article.
pub(super) fn opens_with_article(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|w| ARTICLES.contains(&w.to_lowercase().as_str()))
}

/// Whether the line is a long one right under a shorter headline that tells
/// the body's story (`story` gives a line's overlap with the body): then it
/// is that headline's standfirst. A kicker above a headline ("In Town, Near
/// The River") is shorter than six words, and a standfirst is a sentence.
/// Under a long headline that tells the story well, a headline-like line is
/// one of its summary points.
pub(super) fn is_standfirst_under_headline(
    lines: &[Line],
    i: usize,
    story: impl Fn(usize) -> f64,
) -> bool {
    let Some(above) = super::prev_content(lines, i) else {
        return false;
    };
    let (line, head) = (&lines[i], &lines[above]);
    if head.is_title_like() && under_a_dated_headline(lines, i, above) && story(above) >= 0.25 {
        return true;
    }
    if !head.is_title_like() || head.words < 6 || lines::is_title_cased(&line.text) {
        return false;
    }
    let longer = line.words >= 12 && 2 * line.words >= 3 * head.words;
    let point = head.words >= 10 && line.words >= 6;
    // A sentence under a headline in title case, as long as it or longer,
    // is its deck: a page sets its headlines in one case.
    let deck = line.words >= 8 && line.words >= head.words && lines::is_title_cased(&head.text);
    ((longer || deck) && story(above) >= 0.25) || (point && story(above) >= 0.5)
}

/// Whether the line, of eight words or more and twice as long, is right
/// under a headline of three words or more that a date right above dates:
/// the dated line is the headline, however short, and the line its
/// standfirst.
fn under_a_dated_headline(lines: &[Line], i: usize, above: usize) -> bool {
    let (line, head) = (&lines[i], &lines[above]);
    head.words >= 3
        && line.words >= 8
        && line.words >= 2 * head.words
        && super::title_heads::date_right_above(lines, above)
}

/// Whether a short headline the page names again elsewhere (`head`) sits
/// right over a line of six words or more that it does not: a kicker is
/// named once, where the article's head is, and a headline again where the
/// page names itself, so the longer line under it is its standfirst.
pub(super) fn named_again_over_a_sentence(lines: &[Line], head: usize, i: usize) -> bool {
    use super::title_repeats::{is_duplicated, named_in_a_menu};
    lines[head].is_title_like()
        && lines[head].words < 6
        && lines[head].byline.is_none()
        && lines[i].words >= 6
        && is_duplicated(lines, head)
        && !named_in_a_menu(lines, head)
        && !is_duplicated(lines, i)
}

/// Label-shaped lines in a row that make a list of tags or sections.
const TAG_RUN: usize = 5;

/// A tag's or a section's shape: at most three words and 24 Latin-character
/// equivalents, no date, no credit.
fn is_label_shaped(l: &Line) -> bool {
    matches!(l.kind, Kind::Heading | Kind::Short)
        && l.date.is_none()
        && l.byline.is_none()
        && l.eff <= 24
        && l.text.split_whitespace().count() <= 3
}

/// Whether the line is an item of a list of tags or sections: it is
/// label-shaped, with another label-shaped line right under it,
/// [`TAG_RUN`] or more in a row (noise between them aside). A short
/// headline at the end of a menu is no item: a byline, a date or its text
/// follows it, not another label.
pub(super) fn in_tag_list(lines: &[Line], i: usize) -> bool {
    if !is_label_shaped(&lines[i]) {
        return false;
    }
    let labels = |range: &mut dyn Iterator<Item = usize>| {
        range
            .filter(|&j| lines[j].kind != Kind::Noise)
            .take_while(|&j| is_label_shaped(&lines[j]))
            .take(TAG_RUN)
            .count()
    };
    let above = labels(&mut (0..i).rev());
    let below = labels(&mut (i + 1..lines.len()));
    below >= 1 && above + below + 1 >= TAG_RUN && !over_its_tag(lines, i, below)
}

/// Whether the one label under the line is a tag in lower case ("blog")
/// right over the text: the line is the headline over its post's tag.
fn over_its_tag(lines: &[Line], i: usize, below: usize) -> bool {
    let Some(tag) = super::next_content(lines, i + 1) else {
        return false;
    };
    below == 1
        && lines[tag].text.starts_with(|c: char| c.is_lowercase())
        && lines[i].text.starts_with(|c: char| !c.is_lowercase())
        && super::next_content(lines, tag + 1).is_some_and(|j| lines[j].is_text())
}

/// A line wholly in brackets ("(Photo / Agency)", "［Keyboards］") is a
/// credit, an aside or a label, not a headline.
pub(super) fn is_bracketed(line: &Line) -> bool {
    let text = line.text.trim();
    [('(', ')'), ('[', ']'), ('（', '）'), ('［', '］')]
        .iter()
        .any(|&(open, close)| {
            text.starts_with(open)
                && text.ends_with(close)
                && text.matches(open).count() == 1
                && text.matches(close).count() == 1
        })
}

/// A line opened by an arrow and a space ("> Sign up", "» More news",
/// "« Back to the events", "↓ To the comments") is a link to follow, not a
/// headline; a French quotation opens with "« " too, and its "»" closes it
/// further on.
pub(super) fn is_arrow_link(line: &Line) -> bool {
    let mut chars = line.text.chars();
    let first = chars.clone().next();
    let quotes = |open: char, close: char| first == Some(open) && line.text.contains(close);
    if quotes('«', '»') || quotes('‹', '›') {
        return false;
    }
    matches!(
        chars.next(),
        Some(
            '>' | '＞'
                | '»'
                | '›'
                | '→'
                | '▶'
                | '►'
                | '<'
                | '＜'
                | '«'
                | '‹'
                | '←'
                | '◀'
                | '◄'
                | '↓'
                | '↑'
                | '⬇'
                | '⬆'
                | '▼'
                | '▲'
                | '⇒'
                | '➔'
                | '➜'
        )
    ) && chars.next().is_some_and(char::is_whitespace)
}

/// A list of tags or places written on one line ("Long Island, Montauk, New
/// York, Hamptons"): three items or more between commas, each of one to
/// three capitalised words. A headline says something of its names; such a
/// line only names them. Tags are often in lower case ("amiga, dogs,
/// floppy, Hunde, Hundeleben"): five items or more of a word or two each
/// make a list however they are written.
pub(super) fn is_tag_line(text: &str) -> bool {
    let items: Vec<Vec<&str>> = text
        .split(',')
        .map(|item| item.split_whitespace().collect())
        .collect();
    let capitalised = items.iter().all(|words| {
        (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
    });
    let bare = items.iter().all(|words| {
        (1..=2).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
    });
    (items.len() >= 3 && capitalised) || (items.len() >= TAG_LINE_ITEMS && bare)
}

/// Items from which a line of bare words between commas is a list of tags,
/// whatever their case.
const TAG_LINE_ITEMS: usize = 5;

/// A breadcrumb trail copied without its separators repeats a section's
/// name when the page sits in a section and a subsection of the same name
/// ("Home Film & Books Film & Books Reviews"): a run of two words or more
/// right after itself. Punctuation keeps a headline's refrain apart ("New
/// York, New York").
pub(super) fn is_glued_trail(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=words.len() / 2).any(|run| {
        (0..=words.len() - 2 * run).any(|at| words[at..at + run] == words[at + run..at + 2 * run])
    })
}

/// Whether the line runs labels together twice or more ("TemasCorte
/// SupremaOrganismos de derechos humanos", "UnternehmenNewsroomBürger…"):
/// a row of links, or a trail, copied without the spaces between them. A brand in camel case ("WordPress") is one word,
/// and a long headline may name two ("ReactJS Skills …, WordPress Market …").
pub(super) fn is_glued_labels(text: &str) -> bool {
    if text.split_whitespace().count() > GLUED_ROW_WORDS {
        return false;
    }
    text.split_whitespace()
        .map(|w| glued_junctions(w, 3))
        .sum::<usize>()
        >= 2
}

/// Most words of a row of links run together.
const GLUED_ROW_WORDS: usize = 8;

/// Lines in a row, copied twice in the same order, that make a menu.
const MENU_RUN: usize = 5;

/// Whether the line is an item of a menu the page holds twice (a desktop
/// and a mobile navigation): it sits in a run of [`MENU_RUN`] lines or more,
/// none dated or credited, that recurs elsewhere on the page line for
/// line. A headline the page repeats comes alone, or with its credit.
pub(super) fn in_repeated_menu(lines: &[Line], i: usize) -> bool {
    let same = |a: usize, b: usize| {
        lines[a].text == lines[b].text && lines[a].date.is_none() && lines[a].byline.is_none()
    };
    (0..lines.len())
        .filter(|&j| j != i && lines[j].text == lines[i].text)
        .any(|j| {
            let back = (1..=i.min(j))
                .take_while(|&d| i - d != j && j - d != i && same(i - d, j - d))
                .count();
            let ahead = (1..lines.len() - i.max(j))
                .take_while(|&d| i + d != j && j + d != i && same(i + d, j + d))
                .count();
            back + ahead + 1 >= MENU_RUN
        })
}

/// Words of a subscription offer, lower-cased.
const OFFER_WORDS: &[&str] = &[
    "subscribe",
    "subscription",
    "offer",
    "trial",
    "abo",
    "abonnement",
    "abonnieren",
    "abonnez-vous",
    "abbonati",
    "abbonamento",
    "suscríbete",
    "suscripción",
    "prenumerata",
];

/// Whether a line offers a subscription at a price ("Special offer: 3
/// months for $10. Subscribe"): a price with a word of the offer. A
/// headline may name a price, but not with a call to subscribe.
pub(super) fn is_offer(text: &str) -> bool {
    super::measure::has_price(text)
        && text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| OFFER_WORDS.contains(&w))
}

/// Rows at least in a fact box.
const FACT_RUN: usize = 4;
/// Words at most in a fact box's label.
const FACT_LABEL_WORDS: usize = 6;

/// Whether a line is a row of a fact box: a run of four rows or more
/// ("Stated Weight: 2030 grams", "Prep time: 10 min"). One headline with a
/// label ("Analysis: …") stands alone, or over a credit and a caption
/// ("Photo: …", "Date: …").
pub(super) fn in_fact_box(lines: &[Line], i: usize) -> bool {
    let row = |j: &usize| is_fact_row(&lines[*j].text);
    if !row(&i) {
        return false;
    }
    let above = (0..i).rev().take_while(row).count();
    let under = (i + 1..lines.len()).take_while(row).count();
    above + 1 + under >= FACT_RUN
}

fn is_fact_row(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, value)| {
        let words = label
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        (1..=FACT_LABEL_WORDS).contains(&words)
            && !label.contains(['.', '!', '?'])
            && !value.trim().is_empty()
    })
}
