//! Document frequencies that do not make one language's ordinary words look
//! rare. The index counts a word over every article whatever its language,
//! so in a store that is mostly English an Italian "nuovo" is in few
//! articles overall, though in many Italian ones. The newest articles in
//! the open article's language give each term's share within that
//! language; a term in at least `ORDINARY` of them is an ordinary word of
//! the language, and counts as common as that share says.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use crate::store::{Store, StoreError};
use crate::text::stem::{Analyzer, Lang};

use super::terms::Terms;

/// Articles read per language.
const SAMPLE: usize = 300;
/// Fewer articles than this say nothing about a language.
const MIN_SAMPLE: usize = 20;
/// The share of a language's articles from which a term is an ordinary
/// word there: a story's names stay under it (a story rarely fills 5% of a
/// language's newest articles), the language's everyday words do not.
pub const ORDINARY: f64 = 0.05;

/// Term document counts in a sample of one language's articles.
#[derive(Debug, Default)]
pub struct LangDf {
    sampled: usize,
    df: HashMap<String, u32>,
}

impl LangDf {
    /// Counts the terms of `texts`, each once per article.
    pub fn from_terms<'a>(articles: impl Iterator<Item = &'a Terms>) -> LangDf {
        let mut out = LangDf::default();
        for terms in articles {
            out.sampled += 1;
            for term in terms.counts.keys() {
                *out.df.entry(term.clone()).or_insert(0) += 1;
            }
        }
        out
    }

    /// The share of the language's articles holding `term`, when the term
    /// is an ordinary word of the language (see `ORDINARY`).
    pub fn ordinary_share(&self, term: &str) -> Option<f64> {
        if self.sampled < MIN_SAMPLE {
            return None;
        }
        let share = f64::from(*self.df.get(term)?) / self.sampled as f64;
        (share >= ORDINARY).then_some(share)
    }
}

type CacheKey = (PathBuf, u64, String);

thread_local! {
    /// Samples of stores on disk, by store, size and language: reading and
    /// stemming 300 articles costs more than scoring, and the sample changes
    /// little while the store's size stays the same.
    static CACHE: RefCell<HashMap<CacheKey, Rc<LangDf>>> = RefCell::new(HashMap::new());
}

/// The sample for language `tag` of a store of `total` articles.
pub fn for_lang(
    store: &Store,
    analyzer: &mut Analyzer,
    tag: &str,
    total: u64,
) -> Result<Rc<LangDf>, StoreError> {
    let key = (store.path().to_path_buf(), total, tag.to_string());
    let cacheable = store.path().as_os_str() != ":memory:";
    let hit = CACHE.with(|c| c.borrow().get(&key).cloned());
    if let Some(hit) = hit.filter(|_| cacheable) {
        return Ok(hit);
    }
    let lang = Lang::from_tag(Some(tag));
    let texts = store.texts_in_lang(tag, SAMPLE)?;
    let terms: Vec<Terms> = texts.iter().map(|t| Terms::of(analyzer, t, lang)).collect();
    let sample = Rc::new(LangDf::from_terms(terms.iter()));
    if cacheable {
        CACHE.with(|c| {
            let mut cache = c.borrow_mut();
            if cache.len() >= 16 {
                cache.clear();
            }
            cache.insert(key, Rc::clone(&sample));
        });
    }
    Ok(sample)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str]) -> Terms {
        let mut t = Terms::default();
        for w in words {
            t.counts.insert((*w).to_string(), 1);
        }
        t
    }

    #[test]
    fn only_words_in_many_articles_of_the_language_are_ordinary() {
        let mut sample: Vec<Terms> = (0..40).map(|_| terms(&["nuov"])).collect();
        sample.push(terms(&["draghi"]));
        let df = LangDf::from_terms(sample.iter());
        assert!(df.ordinary_share("nuov").is_some_and(|s| s > 0.9));
        // One story's name: rare in the language too.
        assert_eq!(df.ordinary_share("draghi"), None);
        assert_eq!(df.ordinary_share("unseen"), None);
    }

    #[test]
    fn a_small_sample_says_nothing() {
        let sample: Vec<Terms> = (0..5).map(|_| terms(&["nuov"])).collect();
        assert_eq!(
            LangDf::from_terms(sample.iter()).ordinary_share("nuov"),
            None
        );
    }
}
