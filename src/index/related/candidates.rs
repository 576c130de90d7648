//! Candidates: the stored articles holding the open one's strongest terms,
//! found through their postings, those in its language first.

use rustc_hash::FxHashMap;

use super::key::{Key, min_shared};
use super::{SHORT_WORDS, same_language};
use crate::index::terms::Terms;
use crate::store::{ArticleText, Store, StoreError};

/// Strongest terms whose postings bring candidates; more for a short
/// article, whose every term counts (reading postings is most of the cost).
const SEED_TERMS: usize = 16;
const SHORT_SEED_TERMS: usize = 24;
/// Newest articles read per seed term.
const POSTINGS: usize = 400;
/// Candidates scored, by summed idf of the seed terms they hold.
const CANDIDATES: usize = 30;

/// Keys of the articles that hold two or more seed terms (one when the
/// article has fewer than three terms to go by), best summed idf first.
/// Seeds reach beyond the rarest few so that articles sharing many
/// ordinary words are found too.
pub(super) fn candidates(
    store: &Store,
    key: &Key,
    terms: &Terms,
    open: &ArticleText,
) -> Result<Vec<i64>, StoreError> {
    let (own, lang) = (open.key, open.lang.as_deref());
    let mut hits: FxHashMap<i64, (f64, usize)> = FxHashMap::default();
    let seeds = if terms.words < SHORT_WORDS {
        SHORT_SEED_TERMS
    } else {
        SEED_TERMS
    };
    let seeds = key.ordered.iter().take(seeds);
    for term in seeds {
        let idf = key.weights.get(term).map_or(0.0, |w| w.1);
        let Some(forms) = key.held.get(term).filter(|f| !f.is_empty()) else {
            continue;
        };
        for k in store.postings(forms, POSTINGS)? {
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
