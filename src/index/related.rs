//! "Similar in your store": the stored articles that tell the open one's
//! story. The open article's terms (stemmed in its language, headline terms
//! counted twice) are weighted by TF-IDF, with document frequencies that do
//! not make its language's ordinary words look rare (`langdf`). Postings of
//! its strongest terms, newest first, bring candidates; each candidate is
//! scored by cosine between the two articles' whole term vectors. Sharing a
//! single term never ranks; articles in another language are listed only
//! when clearly about the same story, after the close ones in the open
//! article's language and before the weaker ones. Copies of
//! one story are folded into one entry (`fold`).

mod candidates;
mod key;
mod score;

use std::collections::HashMap;

use crate::store::{ArticleText, Store, StoreError};
use crate::text::neardup::Shingles;
use crate::text::stem::{Analyzer, Lang};

use super::fold::{self, AlsoIn};
use super::terms::Terms;
use candidates::candidates;
use key::key_terms;
use score::score;

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

/// An article with fewer content words than this is short.
const SHORT_WORDS: usize = 40;

thread_local! {
    /// A stem cache that lasts between calls: opening article after article
    /// meets the same words again.
    static ANALYZER: std::cell::RefCell<Analyzer> = std::cell::RefCell::new(Analyzer::default());
}

/// The `limit` stored articles most similar to `article_id`, best first:
/// copies of the article itself first (`same_story`), then close articles
/// in its language, then others clearly about the same story, then the rest.
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
        let (candidate, text_shingles) = Terms::counts_with_shingles(analyzer, &text, lang);
        shingles.insert(text.id.clone(), text_shingles);
        scored.extend(score(&key, &terms, open, text, &candidate));
    }
    rank(&mut scored);
    let mut folded = fold::fold(scored, &own_shingles, &shingles);
    folded.truncate(limit);
    Ok(folded)
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

/// From this score on, an article in the open one's language is closer
/// than one in another language that passed the cross-language test.
const CLOSE: f64 = 0.3;

/// Close articles in the open article's language first, then articles in
/// another language (each clearly about the same story: a report of it
/// abroad, a translation), then the rest in its language; best score
/// first within each, then by id.
fn rank(entries: &mut [Similar]) {
    let tier = |e: &Similar| match (e.same_lang, e.score >= CLOSE) {
        (true, true) => 0,
        (false, _) => 1,
        (true, false) => 2,
    };
    entries.sort_by(|a, b| {
        tier(a)
            .cmp(&tier(b))
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
}

#[cfg(test)]
#[path = "related_tests.rs"]
mod tests;
