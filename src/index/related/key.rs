//! The open article's key terms: its most frequent terms weighted by
//! TF-IDF, with document frequencies from the store and from its language
//! (`langdf`); terms in no other article or in most articles drop.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::index::langdf;
use crate::index::terms::{Terms, tf_weight};
use crate::store::{ArticleText, Store, StoreError};
use crate::text::stem::{Analyzer, query_forms};

/// Most frequent terms of the open article whose frequency is looked up.
const LOOKUPS: usize = 120;
/// Terms kept to score with.
const KEY_TERMS: usize = 120;
/// Terms in more than this share of the articles say nothing.
const TOO_COMMON: f64 = 0.5;

/// The open article's weighted terms.
#[derive(Debug, Default)]
pub(super) struct Key {
    /// Term to (weight in the open article, idf).
    pub(super) weights: FxHashMap<String, (f64, f64)>,
    /// The terms, strongest first.
    pub(super) ordered: Vec<String>,
    /// The forms under which the index holds each term (see `index_forms`):
    /// a form no article holds costs a lookup in every index segment.
    pub(super) held: FxHashMap<String, Vec<String>>,
    /// Length of the open article's whole term vector.
    pub(super) norm: f64,
    /// Length of the vector of its key terms alone.
    pub(super) key_norm: f64,
    /// The idf given to terms whose frequency was not looked up.
    pub(super) default_idf: f64,
}

/// Weighs the open article's most frequent terms; terms in no other article
/// or in most articles (of the store, or of the article's language) drop.
pub(super) fn key_terms(
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
    let mut looked_up = FxHashSet::default();
    let mut weighted = Vec::new();
    frequent.truncate(LOOKUPS);
    let forms: Vec<Vec<String>> = frequent
        .iter()
        .map(|(t, _)| index_forms(terms, t))
        .collect();
    let dfs = store.doc_freqs(&forms)?;
    let mut held = FxHashMap::default();
    for (((term, count), forms), dfs) in frequent.into_iter().zip(forms).zip(dfs) {
        looked_up.insert(term.as_str());
        let df = dfs.iter().sum::<u64>() as f64;
        let ordinary = in_lang.as_ref().and_then(|l| l.ordinary_share(term));
        if let Some(idf) = idf(df, total, ordinary) {
            weighted.push((term.clone(), tf_weight(*count) * idf, idf));
            let forms = forms.into_iter().zip(dfs).filter(|(_, df)| *df > 0);
            held.insert(term.clone(), forms.map(|(f, _)| f).collect());
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
        if let Some(forms) = held.remove(&term) {
            key.held.insert(term.clone(), forms);
        }
        key.ordered.push(term.clone());
        key.weights.insert(term, (weight, idf));
    }
    Ok(key)
}

/// Inverse document frequency of a term in `df` of `total` articles, and
/// in `ordinary` of the articles in the open one's language when it is an
/// ordinary word there; None for a term in no other article or too common.
// Visible to the tests (`related_tests.rs`), which check it directly.
pub(super) fn idf(df: f64, total: f64, ordinary: Option<f64>) -> Option<f64> {
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
pub(super) fn index_forms(terms: &Terms, term: &str) -> Vec<String> {
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

/// How many key terms an article must share with the open one: one shared
/// word (a quip's headline) is a coincidence unless there is little else.
pub(super) fn min_shared(key: &Key) -> usize {
    if key.ordered.len() >= 3 { 2 } else { 1 }
}
