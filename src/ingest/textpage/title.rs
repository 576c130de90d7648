//! The title: the headline near the body whose content words overlap the
//! body's most, else the body's first sentence.

use std::collections::{HashMap, HashSet};

use super::lines::{Kind, Line};
use super::player::{
    has_playlist, over_slider_arrows, running_time_above, running_time_under, under_player_controls,
};
use super::stamps::is_relative_stamp;
use super::title_captions::captions_a_picture;
use super::title_furniture::{
    awaits_a_name, ends_with_a_barred_year, ends_with_arrow, ends_with_more_link, has_credit_label,
    is_barred_row, is_credit_or_back_link, is_label_with_description, is_row_of_links,
};
use super::title_heads::{
    KICKER, below_a_headlines_meta, below_an_article_head, credited_under_any_standfirst,
    credited_under_standfirst, date_right_above, has_meta_after, over_an_article_head,
};
use super::title_neighbours::{
    byline_right_under, byline_under, continues_the_line_above, dated_headline,
    dated_under_its_picture, meta_right_under, meta_under, own_byline_under, period_headline,
    under_a_headline,
};
use super::title_repeats::{
    in_teasers_by_one_credit, is_duplicated, is_shared_headline, named_in_a_menu,
};
use super::title_signs::{
    in_fact_box, in_related_list, in_repeated_menu, in_tag_list, is_arrow_link, is_bracketed,
    is_glued_labels, is_glued_trail, is_offer, is_repeated_label, is_standfirst_under_headline,
    is_tag_line, named_again_over_a_sentence, opens_with_article,
};
use super::{is_lead, meta, next_content};

/// Lines above the body searched for its headline.
const REACH: usize = 60;
/// Overlap with the body from which a headline tells the body's story.
pub(super) const STORY: f64 = 0.25;
/// Farther up, a headline with a byline right under it is still searched:
/// a video playlist or a gallery may sit between the headline and the text.
const BYLINE_REACH: usize = 150;
/// Overlap with the body from which a line that looks like a person's name
/// is the body's topic: most of its words come back in the text.
const NAMED_TOPIC: f64 = 0.75;

const EXTRA_STOPWORDS: &[&str] = &[
    "the", "and", "that", "this", "with", "from", "have", "has", "was", "were", "are", "for",
    "not", "but", "you", "your", "they", "their", "them", "what", "which", "who", "how", "why",
    "when", "will", "would", "can", "could", "about", "into", "than", "then", "there", "these",
    "those", "been", "also", "more", "most", "some", "such", "only", "other", "even", "though",
    "just", "its", "our", "out", "all", "any", "one", "new", "says", "said", "don", "doesn", "isn",
    "didn", "won", "can't", "che", "per", "non", "una", "della", "delle", "dello", "degli", "del",
    "dei", "con", "sono", "anche", "nel", "nella", "alla", "alle", "allo", "agli", "più", "come",
    "questo", "questa", "perché", "ecco", "gli", "dal", "dalla", "tra", "fra", "sul", "sulla",
    "suo", "sua", "loro", "les", "des", "une", "dans", "pour", "pas", "sur", "avec", "sont",
    "plus", "est", "qui", "que", "los", "las", "por", "para", "como", "más", "del", "una", "der",
    "die", "das", "und", "ist", "nicht", "ein", "eine", "den", "mit", "von", "sich", "auf", "für",
    "dem", "auch",
];

/// Content-word keys of a text: a 5-character prefix of each word, or CJK bigrams.
pub(super) fn keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        let chars: Vec<char> = token.chars().collect();
        if chars.iter().any(|&c| super::measure::is_cjk(c)) {
            out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
            continue;
        }
        let lower = token.to_lowercase();
        if lower.chars().count() < 3 || EXTRA_STOPWORDS.contains(&lower.as_str()) {
            continue;
        }
        out.push(lower.chars().take(5).collect());
    }
    out
}

pub(super) fn keys_of<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for k in texts.flat_map(keys) {
        *counts.entry(k).or_default() += 1;
    }
    counts
}

/// Share of a line's words found in the body; words frequent in the body count fully.
fn overlap(text: &str, body: &HashMap<String, usize>) -> Option<f64> {
    let own: HashSet<String> = keys(text).into_iter().collect();
    if own.is_empty() {
        return None;
    }
    let hits: f64 = own
        .iter()
        .map(|k| match body.get(k).copied().unwrap_or(0) {
            0 => 0.0,
            1 | 2 => 0.5,
            _ => 1.0,
        })
        .sum();
    Some(hits / own.len() as f64)
}

/// Whether a line of two or more content words that looks like a person's
/// name ("Green Hydrogen", "Purple Rain") is what the body is about: every
/// word of it comes three times or more in the text, or most of its words
/// come back and no menu of the page names it (a headline copied where the
/// page names itself is still a headline). A credit's name is rarely in
/// the text.
fn names_the_topic(lines: &[Line], i: usize, body: &HashMap<String, usize>) -> bool {
    let own: HashSet<String> = keys(&lines[i].text).into_iter().collect();
    let refrain = own.iter().all(|k| body.get(k).is_some_and(|&n| n >= 3));
    own.len() >= 2
        && (refrain
            || (!named_in_a_menu(lines, i)
                && overlap(&lines[i].text, body).is_some_and(|o| o >= NAMED_TOPIC)))
}

/// Whether a short headline the page names again is right over its
/// standfirst (see [`named_again_over_a_sentence`]) and names the topic
/// when it looks like a name: an author's name over an opinion piece's
/// headline is named again in its credit.
fn over_its_standfirst(lines: &[Line], i: usize, body: &HashMap<String, usize>) -> bool {
    // A button ("Seite drucken") may sit between the two.
    let button = |j: usize| lines[j].kind == Kind::Boiler && lines[j].words <= BUTTON_WORDS;
    let under = (i + 1..lines.len()).find(|&j| lines[j].kind != Kind::Noise && !button(j));
    under.is_some_and(|j| named_again_over_a_sentence(lines, i, j))
        && overlap(&lines[i].text, body).is_some_and(|o| o >= NAMED_STORY)
        && (meta::bare_name(&lines[i]).is_none() || names_the_topic(lines, i, body))
}

/// Most words of a button's label.
const BUTTON_WORDS: usize = 3;

/// Overlap with the body from which a short headline named again tells the
/// story.
const NAMED_STORY: f64 = 0.5;

/// Lines right above the body searched for a headline of one word: the
/// last of a list of tags sits over a date.
const TOPIC_WORD_REACH: usize = 1;

/// Longest headline of one word, in Latin-character equivalents.
const TOPIC_WORD_EFF: usize = 30;

/// Whether a line of one capitalised word ("Batteriespeicher",
/// "Bielersee-Winterhechte") names what the body is about: the body says
/// it three times or more. Right above the body, that is a short headline;
/// a menu's last item is not the body's topic.
fn names_the_topic_in_a_word(line: &Line, body: &HashMap<String, usize>) -> bool {
    let text = line.text.trim();
    let word = line.words == 1
        && matches!(line.kind, Kind::Heading | Kind::Short)
        && line.date.is_none()
        && line.byline.is_none()
        && (6..=TOPIC_WORD_EFF).contains(&line.eff)
        && text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().all(|c| c.is_alphabetic() || c == '-');
    word && keys(text)
        .iter()
        .all(|k| body.get(k).is_some_and(|&n| n >= 3))
}

/// Lines above the body within which a headline the page repeats (its
/// share box, its breadcrumb and its picture all name it) is still one.
const SHARED_REACH: usize = 8;

/// The headline closest to the body whose words (with its standfirst) overlap the body most.
pub(super) fn pick_title(
    lines: &[Line],
    start: usize,
    end: usize,
    body: &HashMap<String, usize>,
) -> Option<usize> {
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    let mut dist = 0usize;
    for i in (start.saturating_sub(BYLINE_REACH)..start).rev() {
        let shared = is_shared_headline(lines, i)
            || (start - i <= SHARED_REACH
                && super::title_repeats::is_repeated_headline(&lines[i])
                && !(i + 1..start).any(|j| lines[j].is_title_like() && meta_under(lines, j)));
        if lines[i].kind == Kind::Noise && !shared {
            continue;
        }
        // A table of contents between the headline and the text puts it
        // no farther from the text.
        if !super::title_repeats::in_contents(lines, i) {
            dist += 1;
        }
        let topic = dist <= TOPIC_WORD_REACH && names_the_topic_in_a_word(&lines[i], body);
        let title_like = lines[i].is_title_like() || period_headline(lines, i, start);
        if (title_like || shared || topic) && (i + REACH >= start || byline_under(lines, i)) {
            candidates.push((i, 1.0 / (1.0 + dist.saturating_sub(1) as f64 / 6.0)));
        }
    }
    for (d, i) in (end + 1..lines.len().min(end + 14)).enumerate() {
        if matches!(lines[i].kind, Kind::Barrier(_) | Kind::Soft) {
            break;
        }
        if lines[i].is_title_like() {
            candidates.push((i, 0.4 / (1.0 + d as f64 / 3.0)));
        }
    }
    let mut best: Option<(f64, usize)> = None;
    // Whether the page has a video playlist, read only if a candidate may be in one.
    let mut playlist: Option<bool> = None;
    for (i, proximity) in candidates {
        // A name with a byline right under it is the headline over its
        // credit, and so is the name of what the page is about (German
        // nouns look like names too).
        if (meta::bare_name(&lines[i]).is_some()
            && !byline_right_under(lines, i)
            && !dated_headline(lines, i)
            && !opens_with_article(&lines[i].text)
            && !credited_under_standfirst(lines, i)
            && !names_the_topic(lines, i, body)
            && !super::title_neighbours::dated_post_under_no_headline(lines, i, start))
            // A byline under it makes it an article's headline all the
            // same: a "Trending" bar may sit right above the headline.
            || (in_related_list(lines, i) && !byline_under(lines, i))
            || (running_time_under(lines, i)
                && *playlist.get_or_insert_with(|| has_playlist(lines)))
            // A picture may sit between a headline and its byline: its
            // credit under the headline makes no caption of it.
            || (captions_a_picture(lines, i)
                && !own_byline_under(lines, i)
                && !dated_under_its_picture(lines, i, start))
            || (running_time_above(lines, i) && !byline_under(lines, i))
            || under_player_controls(lines, i)
            || (over_slider_arrows(lines, i) && !meta_under(lines, i))
            || is_offer(&lines[i].text)
            || in_fact_box(lines, i)
            || is_repeated_label(lines, i)
            || (in_tag_list(lines, i) && !byline_under(lines, i))
            || is_arrow_link(&lines[i])
            || is_relative_stamp(&lines[i].text)
            || super::table_rows::in_table(lines, i)
            || is_bracketed(&lines[i])
            || is_tag_line(&lines[i].text)
            || is_glued_trail(&lines[i].text)
            || is_glued_labels(&lines[i].text)
            || ends_with_more_link(&lines[i].text)
            || is_credit_or_back_link(&lines[i].text)
            || awaits_a_name(&lines[i].text)
            || continues_the_line_above(lines, i)
            || ((lines[i].date.is_some() || is_barred_row(&lines[i].text))
                && has_credit_label(&lines[i].text))
            || ends_with_arrow(&lines[i].text)
            || is_row_of_links(&lines[i].text)
            || is_label_with_description(&lines[i].text)
            || in_repeated_menu(lines, i)
            || in_teasers_by_one_credit(lines, i)
            || super::recipe::in_ingredients(lines, i)
            || super::recipe::is_timing_line(&lines[i].text)
            || super::title_repeats::in_contents(lines, i)
            || super::title_furniture::in_menu_column(lines, i)
            || super::title_furniture::ends_with_site_page(&lines[i].text)
            || super::title_heads::under_an_abstract_label(lines, i)
        {
            continue;
        }
        let Some(own) = overlap(&lines[i].text, body) else {
            continue;
        };
        let lead = next_content(lines, i + 1)
            .filter(|&j| (j < start || j > end) && (lines[j].is_text() || is_lead(&lines[j])))
            // A byline or a date under a headline is no lead to weigh it by.
            .filter(|&j| lines[j].byline.is_none() && lines[j].date.is_none())
            .and_then(|j| overlap(&lines[j].text, body));
        // A standfirst that tells the body's story confirms its headline;
        // one that does not (a kicker, a credit) takes nothing away.
        let ov = lead.map_or(own, |l| own.max(0.6 * own + 0.4 * l));
        let size = (lines[i]
            .words
            .max(super::measure::cjk_count(&lines[i].text) / 2) as f64
            / 5.0)
            .min(1.0);
        // A short headline over its standfirst, or under the date line
        // that credits it, is short by choice.
        let size = if i < start
            && (over_its_standfirst(lines, i, body)
                || super::title_neighbours::dated_right_over_the_text(lines, i, start)
                || super::title_neighbours::under_a_credited_date(lines, i))
        {
            1.0
        } else {
            size
        };
        // A date or byline under a headline marks it as the article's own
        // only above the body: below it, it marks another story's.
        // A headline the page repeats, with a date stamp right above one
        // copy, is dated as well: a date above a line of text alone is
        // its headline's, and the line a caption or a section.
        let dated = date_right_above(lines, i) && is_duplicated(lines, i);
        // A trail run together tells no story, however many of its words do.
        let story = |h: usize| {
            let glued = is_glued_labels(&lines[h].text);
            (!glued)
                .then(|| overlap(&lines[h].text, body))
                .flatten()
                .unwrap_or(0.0)
        };
        // A long line right under a shorter headline of the story is its
        // standfirst: a headline comes before its standfirst, not after.
        let standfirst = is_standfirst_under_headline(lines, i, story)
            || super::prev_content(lines, i).is_some_and(|j| over_its_standfirst(lines, j, body));
        let near = if i < start && credited_under_any_standfirst(lines, i) {
            0.9
        } else if i < start && (has_meta_after(lines, i, start) || dated) {
            // A byline right under it: the headline's own (a standfirst
            // sits between its headline and the byline). So is a date
            // line right under it and right over the text.
            if (byline_right_under(lines, i)
                || super::title_neighbours::date_then_byline_under(lines, i)
                || super::title_neighbours::dated_right_over_the_text(lines, i, start))
                && !standfirst
            {
                0.9
            } else {
                0.6
            }
        } else if next_content(lines, i + 1) == Some(start) {
            -0.4
        } else {
            0.0
        };
        // Under the date or byline of a headline above it: a caption or a
        // kicker of that article, not its title.
        // A byline of its own under it makes it a headline all the same.
        // Under a whole article head (headline, standfirst, credit) that
        // tells the story, it is all the more a kicker or a caption.
        let under = if byline_under(lines, i) {
            0.0
        } else if below_an_article_head(lines, i, story) {
            -1.2
        } else if below_a_headlines_meta(lines, i, story) {
            -0.6
        } else {
            0.0
        };
        let head = i < start && credited_under_any_standfirst(lines, i);
        // Under its kicker, an article's head is no subtitle.
        let kicked = super::prev_content(lines, i).is_some_and(|j| over_an_article_head(lines, j));
        let subtitle = under_a_headline(lines, i, story)
            && (!meta_right_under(lines, i)
                || super::title_neighbours::shorter_than_a_repeated_headline(lines, i))
            && !kicked;
        let second = if standfirst || subtitle {
            -0.5
        } else if i < start
            && ((!head && over_an_article_head(lines, i))
                || super::title_heads::labels_the_headline_under(lines, i))
        {
            KICKER
        } else {
            0.0
        };
        // A headline is repeated where the page names itself; a standfirst
        // repeated (as the page's description) is a standfirst all the same.
        // A section's name repeated in a menu is no headline repeated.
        // A line repeated so often that it is noise gets no more for it.
        let noise = lines[i].kind == Kind::Noise && !is_shared_headline(lines, i);
        let dup = if !standfirst && !noise && is_duplicated(lines, i) && !named_in_a_menu(lines, i)
        {
            0.3
        } else {
            0.0
        };
        // A short line sharing no word with the body (a button's label, a
        // category) tells no story; a short headline shares one at least.
        let unrelated = if own == 0.0 && size < 1.0 { -0.3 } else { 0.0 };
        // A headline with a bar and a year after it ("… Costumes | 2020") is
        // the page's name for search engines; the headline proper, set
        // near it in other words, goes first.
        // So is one closed by a bar and the site's name in capitals ("… |
        // LÍBERO"), all the more.
        let search_name = if ends_with_a_barred_year(&lines[i].text) {
            SEARCH_NAME
        } else if super::site_meta::ends_with_a_barred_brand(&lines[i].text) {
            SITE_NAMED
        } else {
            0.0
        };
        let score =
            2.0 * ov * size + proximity + dup + near + under + second + unrelated + search_name;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// What a headline closed by a bar and a year loses.
const SEARCH_NAME: f64 = -0.1;
/// What a headline closed by a bar and the site's name in capitals loses.
const SITE_NAMED: f64 = -0.4;
