//! "Similar in your store": the stored articles that tell the open one's
//! story. The open article's terms (stemmed in its language, headline terms
//! counted twice) are weighted by TF-IDF, with document frequencies that do
//! not make its language's ordinary words look rare (`langdf`). Postings of
//! its strongest terms, newest first, bring candidates; each candidate is
//! scored by cosine between the two articles' whole term vectors. Sharing a
//! single term never ranks; articles in another language come after those
//! in the open one's, and only when clearly about the same story. Copies of
//! one story are folded into one entry (`fold`).

use std::collections::{HashMap, HashSet};

use crate::store::{ArticleText, Store, StoreError};
use crate::text::neardup::Shingles;
use crate::text::stem::{Analyzer, Lang, query_forms};

use super::fold::{self, AlsoIn};
use super::langdf;
use super::terms::{Terms, tf_weight};

/// A stored article that resembles another.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Similar {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    /// Cosine similarity of the two articles' weighted terms, 0 to 1.
    pub score: f64,
    /// The score as a reader reads it: 0 to 100.
    pub percent: u8,
    /// The article's language, when known.
    pub lang: Option<String>,
    /// True when the article is in the open article's language (or either
    /// language is unknown).
    pub same_lang: bool,
    /// The words that contribute most to the score, best first.
    pub shared: Vec<String>,
    /// Other copies of this story (near-duplicate texts), folded into it.
    pub also_in: Vec<AlsoIn>,
    /// True when this is a copy of the article itself (see `fold`).
    pub same_story: bool,
}

/// Most frequent terms of the open article whose frequency is looked up.
const LOOKUPS: usize = 120;
/// Terms kept to score with.
const KEY_TERMS: usize = 120;
/// Strongest terms whose postings bring candidates; more for a short
/// article, whose every term counts (reading postings is most of the cost).
const SEED_TERMS: usize = 16;
const SHORT_SEED_TERMS: usize = 24;
/// Newest articles read per seed term.
const POSTINGS: usize = 400;
/// Candidates scored, by summed idf of the seed terms they hold.
const CANDIDATES: usize = 30;
/// Below this an article is not similar.
const MIN_SCORE: f64 = 0.05;
/// An article in another language is listed only from this cosine (in the
/// space of the open article's key terms) on, sharing this many of them.
const CROSS_LANGUAGE_MIN: f64 = 0.5;
const CROSS_LANGUAGE_SHARED: usize = 3;
/// Terms in more than this share of the articles say nothing.
const TOO_COMMON: f64 = 0.5;
/// An article with fewer content words than this is short.
const SHORT_WORDS: usize = 40;
/// Shown shared words per entry.
const SHOWN_WORDS: usize = 3;

thread_local! {
    /// A stem cache that lasts between calls: opening article after article
    /// meets the same words again.
    static ANALYZER: std::cell::RefCell<Analyzer> = std::cell::RefCell::new(Analyzer::default());
}

/// The `limit` stored articles most similar to `article_id`, best first:
/// copies of the article itself first (`same_story`), then articles in its
/// language, then others clearly about the same story.
pub fn related(store: &Store, article_id: &str, limit: usize) -> Result<Vec<Similar>, StoreError> {
    let Some(open) = store.text_by_id(article_id)? else {
        return Ok(Vec::new());
    };
    let mut analyzer = ANALYZER.with(|a| std::mem::take(&mut *a.borrow_mut()));
    let found = related_to(store, &mut analyzer, &open, limit);
    ANALYZER.with(|a| *a.borrow_mut() = analyzer);
    found
}

fn related_to(
    store: &Store,
    analyzer: &mut Analyzer,
    open: &ArticleText,
    limit: usize,
) -> Result<Vec<Similar>, StoreError> {
    let lang = Lang::from_tag(open.lang.as_deref());
    let (terms, own_shingles) = Terms::with_shingles(analyzer, open, lang);
    let key = key_terms(store, analyzer, open, &terms)?;
    if key.ordered.is_empty() {
        return Ok(Vec::new());
    }
    let keys = candidates(store, &key, &terms, open)?;
    let mut shingles: HashMap<String, Shingles> = HashMap::new();
    let mut scored = Vec::new();
    for text in store.texts_by_keys(&keys)? {
        let (candidate, text_shingles) = Terms::with_shingles(analyzer, &text, lang);
        shingles.insert(text.id.clone(), text_shingles);
        scored.extend(score(&key, &terms, open, text, &candidate));
    }
    rank(&mut scored);
    let mut folded = fold::fold(scored, &own_shingles, &shingles);
    folded.truncate(limit);
    Ok(folded)
}

/// The open article's weighted terms.
#[derive(Debug, Default)]
struct Key {
    /// Term to (weight in the open article, idf).
    weights: HashMap<String, (f64, f64)>,
    /// The terms, strongest first.
    ordered: Vec<String>,
    /// Length of the open article's whole term vector.
    norm: f64,
    /// Length of the vector of its key terms alone.
    key_norm: f64,
    /// The idf given to terms whose frequency was not looked up.
    default_idf: f64,
}

/// Weighs the open article's most frequent terms; terms in no other article
/// or in most articles (of the store, or of the article's language) drop.
fn key_terms(
    store: &Store,
    analyzer: &mut Analyzer,
    open: &ArticleText,
    terms: &Terms,
) -> Result<Key, StoreError> {
    let total = store.df_total()?.max(1) as f64;
    let in_lang = match open.lang.as_deref() {
        Some(tag) => Some(langdf::for_lang(store, analyzer, tag, total as u64)?),
        None => None,
    };
    let mut frequent: Vec<(&String, &u32)> = terms.counts.iter().collect();
    frequent.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut key = Key::default();
    let mut looked_up = HashSet::new();
    let mut weighted = Vec::new();
    frequent.truncate(LOOKUPS);
    let forms: Vec<Vec<String>> = frequent
        .iter()
        .map(|(t, _)| index_forms(terms, t))
        .collect();
    let dfs = store.doc_freqs(&forms)?;
    for ((term, count), df) in frequent.into_iter().zip(dfs) {
        looked_up.insert(term.as_str());
        let df = df as f64;
        let ordinary = in_lang.as_ref().and_then(|l| l.ordinary_share(term));
        if let Some(idf) = idf(df, total, ordinary) {
            weighted.push((term.clone(), tf_weight(*count) * idf, idf));
        }
    }
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    key.default_idf = mean(weighted.iter().map(|w| w.2)).unwrap_or(1.0);
    let unlooked = terms
        .counts
        .iter()
        .filter(|(t, _)| !looked_up.contains(t.as_str()))
        .map(|(_, c)| (tf_weight(*c) * key.default_idf).powi(2));
    let looked: f64 = weighted.iter().map(|w| w.1 * w.1).sum();
    key.norm = (looked + unlooked.sum::<f64>()).sqrt();
    weighted.truncate(KEY_TERMS);
    key.key_norm = weighted.iter().map(|w| w.1 * w.1).sum::<f64>().sqrt();
    for (term, weight, idf) in weighted {
        key.ordered.push(term.clone());
        key.weights.insert(term, (weight, idf));
    }
    Ok(key)
}

/// Inverse document frequency of a term in `df` of `total` articles, and
/// in `ordinary` of the articles in the open one's language when it is an
/// ordinary word there; None for a term in no other article or too common.
fn idf(df: f64, total: f64, ordinary: Option<f64>) -> Option<f64> {
    if df < 2.0 {
        return None;
    }
    let share = (df / total).max(ordinary.unwrap_or(0.0)).min(1.0);
    if total >= 10.0 && share > TOO_COMMON {
        return None;
    }
    Some((1.0 / share).ln() + 1.0)
}

/// Every form under which other articles may hold a term: their language
/// may differ, so they may be stemmed otherwise.
fn index_forms(terms: &Terms, term: &str) -> Vec<String> {
    let mut forms = query_forms(terms.spelling(term));
    if !forms.iter().any(|f| f == term) {
        forms.push(term.to_string());
    }
    forms
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Keys of the articles that hold two or more seed terms (one when the
/// article has fewer than three terms to go by), best summed idf first.
/// Seeds reach beyond the rarest few so that articles sharing many
/// ordinary words are found too.
fn candidates(
    store: &Store,
    key: &Key,
    terms: &Terms,
    open: &ArticleText,
) -> Result<Vec<i64>, StoreError> {
    let (own, lang) = (open.key, open.lang.as_deref());
    let mut hits: HashMap<i64, (f64, usize)> = HashMap::new();
    let seeds = if terms.words < SHORT_WORDS {
        SHORT_SEED_TERMS
    } else {
        SEED_TERMS
    };
    let seeds = key.ordered.iter().take(seeds);
    for term in seeds {
        let idf = key.weights.get(term).map_or(0.0, |w| w.1);
        let forms = index_forms(terms, term);
        for k in store.postings(&forms, POSTINGS)? {
            let entry = hits.entry(k).or_insert((0.0, 0));
            entry.0 += idf;
            entry.1 += 1;
        }
    }
    let need = min_shared(key);
    let mut best: Vec<(i64, f64)> = hits
        .into_iter()
        .filter(|(k, (_, n))| *n >= need && *k != own)
        .map(|(k, (sum, _))| (k, sum))
        .collect();
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    best.truncate(CANDIDATES * 3);
    let keys: Vec<i64> = best.into_iter().map(|(k, _)| k).collect();
    same_language_first(store, keys, lang)
}

/// The best `CANDIDATES` keys, those in the open article's language first:
/// articles in another language that share its names must not crowd out
/// those in its own (they are listed only when clearly the same story).
fn same_language_first(
    store: &Store,
    keys: Vec<i64>,
    lang: Option<&str>,
) -> Result<Vec<i64>, StoreError> {
    let langs = store.langs_by_keys(&keys)?;
    let mut same = Vec::with_capacity(keys.len());
    let mut other = Vec::new();
    for (k, l) in keys.into_iter().zip(langs) {
        if same_language(lang, l.as_deref()) {
            same.push(k);
        } else {
            other.push(k);
        }
    }
    same.extend(other);
    same.truncate(CANDIDATES);
    Ok(same)
}

/// How many key terms an article must share with the open one: one shared
/// word (a quip's headline) is a coincidence unless there is little else.
fn min_shared(key: &Key) -> usize {
    if key.ordered.len() >= 3 { 2 } else { 1 }
}

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
fn score(
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

/// Unknown languages match any: a store may not know them.
fn same_language(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => primary(a) == primary(b),
        _ => true,
    }
}

fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The open article's language first, best score first, then by id.
fn rank(entries: &mut [Similar]) {
    entries.sort_by(|a, b| {
        b.same_lang
            .cmp(&a.same_lang)
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
}

#[cfg(test)]
#[path = "related_tests.rs"]
mod tests;
