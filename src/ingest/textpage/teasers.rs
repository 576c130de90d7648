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
    let glued = super::glued_menu::glued_teasers(lines);
    flags
        .into_iter()
        .zip(short_headline_pairs(lines))
        .zip(glued)
        .map(|((a, b), c)| a || b || c)
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
            || is_ranked(lines, &chain)
            || is_faq(lines, &chain)
            || runs_into_prose(lines, &chain, j);
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

/// Whether the chain of pairs runs on into the article's prose: right
/// after its last blurb, under one heading, comes a long paragraph with
/// another paragraph after it.
fn runs_into_prose(lines: &[Line], chain: &[usize], j: usize) -> bool {
    let last = chain.last().copied().unwrap_or(j);
    let between = (last + 1..j).filter(|&k| !lines[k].is_meta()).count();
    let next = (j + 1..lines.len()).find(|&k| !lines[k].is_meta());
    between <= 1
        && lines
            .get(j)
            .is_some_and(|l| l.is_text() && l.eff >= SECTION_EFF)
        && next.is_some_and(|k| lines[k].is_text())
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
    counts_up(headings(lines, chain))
}

/// The heading over each blurb of the chain ("" when there is none).
fn headings<'a>(lines: &'a [Line], chain: &'a [usize]) -> impl Iterator<Item = &'a str> {
    chain.iter().map(|&k| {
        (0..k)
            .rev()
            .find(|&j| !lines[j].is_meta())
            .map_or("", |h| lines[h].text.as_str())
    })
}

/// Pairs of questions and their answers that make a page's FAQ.
const FAQ_PAIRS: usize = 3;

/// Whether the chain is a list of questions and their answers: all its
/// headings but one ask, [`FAQ_PAIRS`] pairs or more. An FAQ belongs to the
/// page's text; a list of other stories asks now and then.
fn is_faq(lines: &[Line], chain: &[usize]) -> bool {
    let asks = headings(lines, chain)
        .filter(|h| matches!(super::measure::final_char(h), Some('?' | '？')))
        .count();
    chain.len() >= FAQ_PAIRS && asks + 1 >= chain.len()
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
