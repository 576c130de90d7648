//! Scoring a candidate against the open article: the cosine of their
//! weighted terms in one language, a stricter test across languages.

use super::key::{Key, min_shared};
use super::{SHORT_WORDS, Similar, same_language};
use crate::index::terms::{Terms, tf_weight};
use crate::store::ArticleText;

/// Below this an article is not similar: on labelled news stories, no
/// entry scored under 0.15 was about the same story (BENCHMARKS.md).
const MIN_SCORE: f64 = 0.15;
/// An article in another language is listed only from this cosine (in the
/// space of the open article's key terms) on, sharing this many of them.
const CROSS_LANGUAGE_MIN: f64 = 0.4;
const CROSS_LANGUAGE_SHARED: usize = 3;
/// Shown shared words per entry.
const SHOWN_WORDS: usize = 3;

/// What a candidate has in common with the open article.
#[derive(Debug, Default)]
struct Overlap<'a> {
    /// Dot product of the two weighted term vectors.
    dot: f64,
    /// Length of the candidate's whole vector.
    norm: f64,
    /// Length of the candidate's vector over the shared terms.
    shared_norm: f64,
    /// The shared terms with their contributions to `dot`.
    shared: Vec<(&'a str, f64)>,
}

/// Weighs the candidate's terms as the open article's are weighed (terms
/// it does not hold get the default idf).
fn overlap<'a>(key: &Key, terms: &'a Terms) -> Overlap<'a> {
    let mut o = Overlap::default();
    for (term, count) in &terms.counts {
        let (weight, idf) = key
            .weights
            .get(term)
            .copied()
            .unwrap_or((0.0, key.default_idf));
        let own = tf_weight(*count) * idf;
        o.norm += own * own;
        if weight > 0.0 {
            o.dot += weight * own;
            o.shared_norm += own * own;
            o.shared.push((term.as_str(), weight * own));
        }
    }
    o.norm = o.norm.sqrt();
    o.shared_norm = o.shared_norm.sqrt();
    o
}

/// The cosine of two articles in one language; one shared term is not
/// enough (see `min_shared`).
fn same_language_score(key: &Key, open: &Terms, o: &Overlap) -> Option<f64> {
    if o.shared.len() < min_shared(key) {
        return None;
    }
    let cosine = o.dot / (key.norm * o.norm).max(f64::EPSILON);
    if open.words >= SHORT_WORDS {
        return Some(cosine);
    }
    // A short article's few words are lost in a long one's: how well those
    // words are covered counts too.
    let covered = o.dot / (key.key_norm * o.shared_norm).max(f64::EPSILON);
    Some((cosine * covered).sqrt())
}

/// The candidate as a similar entry, if it is one.
pub(super) fn score(
    key: &Key,
    open_terms: &Terms,
    open: &ArticleText,
    text: ArticleText,
    terms: &Terms,
) -> Option<Similar> {
    let mut o = overlap(key, terms);
    let same_lang = same_language(open.lang.as_deref(), text.lang.as_deref());
    let score = if same_lang {
        same_language_score(key, open_terms, &o)
    } else {
        cross_language(key, &o)
    };
    let score = score.filter(|s| *s >= MIN_SCORE)?.min(1.0);
    o.shared
        .sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    Some(Similar {
        id: text.id,
        title: text.title,
        source: text.source,
        score,
        percent: (score * 100.0).round() as u8,
        lang: text.lang,
        same_lang,
        shared: o
            .shared
            .into_iter()
            .take(SHOWN_WORDS)
            .map(|(t, _)| open_terms.spelling(t).to_string())
            .collect(),
        also_in: Vec::new(),
        same_story: false,
    })
}

/// The score of an article in another language, when it is clearly about
/// the same story: most of its words cannot match the open article's, so
/// it is compared in the space of the open article's key terms only, and
/// must share several of them strongly (names, numbers, places).
fn cross_language(key: &Key, o: &Overlap) -> Option<f64> {
    let cosine = o.dot / (key.key_norm * o.shared_norm).max(f64::EPSILON);
    (o.shared.len() >= CROSS_LANGUAGE_SHARED && cosine >= CROSS_LANGUAGE_MIN).then_some(cosine)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of_norm(key_norm: f64) -> Key {
        Key {
            key_norm,
            ..Key::default()
        }
    }

    fn shared(names: &[&'static str], weight: f64) -> Overlap<'static> {
        Overlap {
            dot: weight * weight * names.len() as f64,
            norm: 10.0,
            shared_norm: (weight * weight * names.len() as f64).sqrt(),
            shared: names.iter().map(|n| (*n, weight * weight)).collect(),
        }
    }

    #[test]
    fn another_language_needs_three_key_names_and_most_of_their_weight() {
        // Three names of weight 3 (dot 27, shared norm 5.2) against a key
        // of norm 12.5: cosine 0.42, one story told in two languages.
        let names = shared(&["migros", "playmobil", "ricardo"], 3.0);
        let score = cross_language(&key_of_norm(12.5), &names);
        assert!(
            score.is_some_and(|s| (0.41..0.42).contains(&s)),
            "{score:?}"
        );
        // Much of the open article's weight elsewhere: not clearly one story.
        assert_eq!(cross_language(&key_of_norm(20.0), &names), None);
        // Two names are not enough, however strong.
        let two = shared(&["migros", "playmobil"], 3.0);
        assert_eq!(cross_language(&key_of_norm(5.0), &two), None);
    }
}
