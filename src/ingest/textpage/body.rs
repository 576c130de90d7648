//! Where the body is: the densest run of prose between section markers,
//! the standfirst before it, and the paragraphs it keeps.

use super::lines::{Barrier, Kind, Line};
use super::{SHORT_DATE_WORDS, is_lead, next_content};

/// Short paragraphs that make a body without a long one.
const SHORT_PARAGRAPHS: usize = 12;

/// Prose read (in Latin characters) after which a section marker ends the
/// article: the prose after it is read at a discount.
const ARTICLE_READ: i64 = 800;

/// Percent at which prose counts after the article's end.
const LATER_RATE: i64 = 35;
/// Percent at which prose counts after the heading of the comments that
/// follow an article.
const COMMENTS_RATE: i64 = 15;

/// How much less a paragraph about cookies counts towards the body: a
/// consent notice or its settings are prose, but seldom the article.
const COOKIE_DISCOUNT: i64 = 4;

/// A paragraph that speaks of the page's cookies (or of the consent to
/// store data on the reader's device, as a consent panel's purposes do).
fn speaks_of_cookies(text: &str) -> bool {
    super::consent::speaks_of_consent(text)
}

/// The highest-scoring run of lines between section markers (maximum-sum
/// subarray). Blurbs of a list of other stories weigh against it; but when
/// the page has no other prose, its "list" is the article, set as
/// headings over one paragraph each.
pub(super) fn body_region(lines: &[Line]) -> Option<(usize, usize)> {
    let teaser = super::teasers::teaser_flags(lines);
    densest_run(lines, &teaser).or_else(|| densest_run(lines, &vec![false; lines.len()]))
}

/// Fewest words of a list's lead-in.
const LEAD_IN_WORDS: usize = 3;

/// A heading or a short line that is neither a date nor a byline.
pub(super) fn is_plain(l: &Line) -> bool {
    matches!(l.kind, Kind::Heading | Kind::Short) && l.date.is_none() && l.byline.is_none()
}

/// Whether the line is a list's lead-in ("What took longest:") or, right
/// after one (`in_list`), one of its items: a line that is neither prose
/// nor a date, a byline or a section marker.
fn is_list_line(l: &Line, in_list: bool) -> bool {
    let lead_in = l.words >= LEAD_IN_WORDS && l.text.trim_end().ends_with(':');
    is_plain(l) && (in_list || lead_in) && !super::phrases::is_related_marker(&l.text)
}

fn densest_run(lines: &[Line], teaser: &[bool]) -> Option<(usize, usize)> {
    let mut good_before: i64 = 0;
    // Percent at which prose counts past the article's end, if known.
    let mut decay: Option<i64> = None;
    let mut best: Option<(i64, usize, usize)> = None;
    let mut run: Option<(i64, usize)> = None;
    // Inside a list led in by a sentence of the article: its items weigh
    // next to nothing once the article's run has begun.
    let mut in_list = false;
    for (i, line) in lines.iter().enumerate() {
        in_list = is_list_line(line, in_list);
        let weight = match line.kind {
            Kind::Barrier(Barrier::Related) if is_inline_promo(lines, i, teaser) => -20,
            Kind::Heading | Kind::Short if in_list && run.is_some_and(|(sum, _)| sum > 0) => -2,
            Kind::Barrier(b) => {
                // After a long article, a related list or comments mark
                // the rest of the page; an end marker ("Tags", "About the
                // author") does when it closes the article's own run.
                let closes_run = run.is_some_and(|(sum, _)| sum >= ARTICLE_READ);
                // The head of a thread's comment, or a reply form, ends
                // any article.
                let thread = super::comment_heads::is_head(line)
                    || super::phrases::is_reply_form(&line.text);
                let ends = match b {
                    Barrier::Related | Barrier::Comments => good_before >= ARTICLE_READ || thread,
                    Barrier::End => closes_run,
                };
                if ends {
                    // Readers' comments run long, but are never the article.
                    let comments =
                        b == Barrier::Comments && !super::phrases::heads_one_comment(&line.text);
                    let rate = if comments { COMMENTS_RATE } else { LATER_RATE };
                    decay = Some(decay.map_or(rate, |d| d.min(rate)));
                }
                run = None;
                continue;
            }
            Kind::Text if teaser[i] => -10,
            Kind::Text => {
                let w = i64::try_from(line.eff.min(1000)).unwrap_or(1000);
                let w = if speaks_of_cookies(&line.text) {
                    w / COOKIE_DISCOUNT
                } else {
                    w
                };
                good_before += w;
                decay.map_or(w, |rate| w * rate / 100)
            }
            Kind::Heading | Kind::Short => -20,
            Kind::Noise => -5,
            Kind::Boiler => -80,
            Kind::Soft => -60,
        };
        let (sum, s) = match run {
            Some((sum, s)) if sum > 0 => (sum + weight, s),
            _ => (weight, i),
        };
        run = Some((sum, s));
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, s, i));
        }
    }
    let (score, s, e) = best?;
    let (s, e) = without_cookie_edges(lines, s, e);
    let e = without_closing_island(lines, s, e);
    let e = super::about_box::without_about_box(lines, s, e);
    let e = super::closing::with_closing_sentences(lines, e);
    let e = super::closing::with_closing_list(lines, e);
    // A paragraph of some length, or many short ones (verse, short sentences).
    let text = || lines[s..=e].iter().filter(|l| l.is_text());
    let substantial = text().any(|l| l.eff >= 80) || text().count() >= SHORT_PARAGRAPHS;
    (score >= 120 && substantial).then_some((s, e))
}

/// The run `s..=e` without the paragraphs about cookies at its ends (a
/// consent notice next to the article), when prose is left between them
/// and none of it speaks of cookies: an article about cookies keeps its
/// opening and its close.
fn without_cookie_edges(lines: &[Line], s: usize, e: usize) -> (usize, usize) {
    let kept = |i: usize| lines[i].is_text() && !speaks_of_cookies(&lines[i].text);
    match ((s..=e).find(|&i| kept(i)), (s..=e).rev().find(|&i| kept(i))) {
        (Some(first), Some(last))
            if !(first..=last).any(|i| lines[i].is_text() && speaks_of_cookies(&lines[i].text)) =>
        {
            (first, last)
        }
        _ => (s, e),
    }
}

/// Lines that are neither prose nor noise in a row that part a closing
/// island from the article.
const ISLAND_GAP: usize = 3;
/// Most words of a line of that gap (a name, a label, a button).
const ISLAND_GAP_WORDS: usize = 6;
/// Most paragraphs of such an island.
const ISLAND_PARAGRAPHS: usize = 2;
/// Largest share (percent) of the run's prose such an island holds.
const ISLAND_SHARE: usize = 25;

/// The run's end without its closing island: one or two paragraphs after
/// a gap of [`ISLAND_GAP`] lines or more that are not prose (a name, a
/// "About us" heading, buttons), small beside the article above. That is
/// the page's furniture the run reached across the gap: a note on the
/// author or the site, a newsletter's pitch, a footer's blurb.
fn without_closing_island(lines: &[Line], s: usize, e: usize) -> usize {
    let mut gap = 0;
    let mut island = 0;
    let mut island_chars = 0;
    for j in (s..=e).rev() {
        let l = &lines[j];
        if l.kind == Kind::Noise {
            continue;
        }
        if l.is_text() {
            if gap >= ISLAND_GAP {
                let total: usize = lines[s..=e]
                    .iter()
                    .filter(|l| l.is_text())
                    .map(|l| l.eff)
                    .sum();
                let small = island_chars * 100 <= total * ISLAND_SHARE;
                return if small { j } else { e };
            }
            if gap > 0 || island >= ISLAND_PARAGRAPHS {
                return e;
            }
            island += 1;
            island_chars += l.eff;
        } else if l.words > ISLAND_GAP_WORDS
            || l.text.trim_end().ends_with(':')
            || matches!(l.kind, Kind::Soft | Kind::Barrier(_))
        {
            // A list's items or its lead-in, a box set into the article:
            // the article goes on.
            return e;
        } else {
            gap += 1;
        }
    }
    e
}

/// Most entries of a related box set inside an article.
const PROMO_ENTRIES: usize = 3;
/// Shortest paragraph that continues the article after such a box.
const GOING_ON: usize = 150;
/// Shortest paragraph after that one that shows with it that the article
/// goes on.
const GOING_ON_NEXT: usize = 60;
/// A paragraph after such a box long enough to show alone that the article
/// goes on.
const LONG_GOING_ON: usize = 300;

/// Most words of a line of such a box that is no entry of its own: the
/// names under a headline, the article's next subheading.
const PROMO_NAME_WORDS: usize = 4;

/// Whether a related marker at `i` heads a box of a few links set inside the
/// article ("Related" and one headline, "Most Read" and three with their
/// writers' names): the article goes on right after it, a long paragraph
/// or one followed by another.
fn is_inline_promo(lines: &[Line], i: usize, teaser: &[bool]) -> bool {
    let prose = |j: usize| lines[j].kind == Kind::Text && !teaser[j] && lines[j].eff >= GOING_ON;
    let mut entries = 0;
    let mut seen = 0;
    let mut j = i;
    while let Some(k) = next_content(lines, j + 1) {
        if prose(k) {
            let goes_on = lines[k].eff >= LONG_GOING_ON
                || next_content(lines, k + 1).is_some_and(|n| {
                    lines[n].kind == Kind::Text && !teaser[n] && lines[n].eff >= GOING_ON_NEXT
                });
            return entries >= 1 && goes_on;
        }
        seen += 1;
        if lines[k].words > PROMO_NAME_WORDS || lines[k].is_text() {
            entries += 1;
        }
        // Two such boxes may stand one after the other ("Related", one
        // headline, "Related", two more).
        let next_box = lines[k].kind == Kind::Barrier(Barrier::Related);
        if entries > PROMO_ENTRIES
            || seen > 2 * PROMO_ENTRIES + 1
            || (matches!(lines[k].kind, Kind::Barrier(_)) && !next_box)
        {
            return false;
        }
        j = k;
    }
    false
}

/// The lead paragraph between a title and the body, if the page has one.
pub(super) fn standfirst_before_body(lines: &[Line], title: usize, start: usize) -> Option<usize> {
    // The headline's date line may sit between it and its standfirst.
    let j = next_content(lines, title + 1)?;
    // It is set as a heading, not as the body's first paragraph, and it
    // is no list of the post's categories.
    if is_date_line(&lines[j]) {
        let k = next_content(lines, j + 1)?;
        let lead = k < start && is_lead(&lines[k]) && lines[k].text.matches(", ").count() < 2;
        return lead.then_some(k);
    }
    if j < start {
        let l = &lines[j];
        let ok = (l.is_text() || is_lead(l))
            && l.byline.is_none()
            && l.date.is_none()
            && super::meta::bare_name(l).is_none();
        return ok.then_some(j);
    }
    if j == start && start - title <= 2 {
        let after = (start + 1..lines.len()).find(|&i| lines[i].kind != Kind::Noise)?;
        return (!lines[after].is_text()).then_some(start);
    }
    None
}

/// A short line with a date and no credit ("Hamburg, 2. November 2021").
fn is_date_line(l: &Line) -> bool {
    l.date.is_some() && l.byline.is_none() && l.words <= SHORT_DATE_WORDS && !l.is_text()
}

/// Words from which a line inside the body that is not a sentence is kept.
const LIST_ITEM_WORDS: usize = 7;
/// Lines in a row right above the body that make its opening list.
const OPENING_LINES: usize = 3;

/// A line of many words that is not a sentence, a date or a credit.
fn is_item(l: &Line) -> bool {
    is_plain(l) && l.words >= LIST_ITEM_WORDS
}

/// The body's start, moved up over the list that opens the article (its
/// "Highlights" items, unbulleted in the copy): [`OPENING_LINES`] lines or
/// more in a row, list items and prose, right above
/// `start` and below `floor` (the line under the headline or its
/// standfirst).
pub(super) fn opening_list(lines: &[Line], start: usize, floor: usize) -> usize {
    let mut top = start;
    let (mut items, mut taken) = (0, 0);
    for j in (floor..start).rev() {
        let l = &lines[j];
        if l.kind == Kind::Noise {
            continue;
        }
        if !(is_item(l) || l.is_text()) {
            break;
        }
        items += usize::from(is_item(l));
        taken += 1;
        top = j;
    }
    // Items with prose among them: items alone may be related headlines.
    let list = taken >= OPENING_LINES && items >= 1 && taken > items;
    if list { top } else { start }
}

/// Whether a heading inside the body run heads a section of the article:
/// prose right before it, and prose or a list's lead-in ("To get fast
/// builds:") right after it, or its first numbered subheading between.
fn heads_a_section(lines: &[Line], start: usize, end: usize, i: usize) -> bool {
    let prev = |i: usize| (start..i).rev().find(|&j| lines[j].kind != Kind::Noise);
    let next = |i: usize| next_content(lines, i + 1).filter(|&j| j <= end);
    let opens_at = |j: usize| lines[j].is_text() || is_list_line(&lines[j], false);
    let after_text = |i: usize| prev(i).is_some_and(|j| lines[j].is_text());
    // A section's heading over its first numbered subheading ("1. Choose
    // the right pot"), one over the other.
    let first_sub = |j: usize| is_plain(&lines[j]) && lines[j].text.trim_start().starts_with("1.");
    // A question set as a subheading may have a picture's caption under it.
    let asks = lines[i].text.trim_end().ends_with('?');
    let opens = next(i).is_some_and(|j| {
        opens_at(j) || (asks && is_plain(&lines[j]) && next(j).is_some_and(|k| lines[k].is_text()))
    });
    let over_sub = next(i).is_some_and(|j| first_sub(j) && next(j).is_some_and(opens_at));
    let under = prev(i).is_some_and(|j| first_sub(i) && is_plain(&lines[j]) && after_text(j));
    (opens && (after_text(i) || under)) || (over_sub && after_text(i))
}

pub(super) fn body_paragraphs(
    lines: &[Line],
    start: usize,
    end: usize,
    standfirst: Option<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    let last_text = (start..=end.min(lines.len().saturating_sub(1)))
        .rev()
        .find(|&i| lines[i].is_text())
        .unwrap_or(end);
    // Inside a related box set in the article: its links are not the text.
    let mut in_box = false;
    let mut in_list = false;
    let table = super::table_rows::table_lines(lines, start, end);
    for i in start..=end.min(lines.len().saturating_sub(1)) {
        if Some(i) == standfirst {
            continue;
        }
        let l = &lines[i];
        in_box = (in_box || l.kind == Kind::Barrier(Barrier::Related)) && !l.is_text();
        if in_box {
            continue;
        }
        // Inside the article, a line of many words that is not a sentence
        // is a list item (or a caption) of it, not a heading.
        let item = is_item(l);
        in_list = is_list_line(l, in_list);
        let keep = l.is_text()
            || table[i]
            || item
            || in_list
            || (i > last_text && super::closing::is_closing_line(l))
            || (is_plain(l) && heads_a_section(lines, start, end, i));
        if keep {
            out.push(l.text.clone());
        }
    }
    out
}
