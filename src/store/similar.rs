//! "Similar in your store" from the full-text index: the open article's
//! most distinctive terms (TF-IDF, document frequencies from the index) find
//! candidates with one ranked query; candidates are scored by cosine over
//! those terms. Cost depends on the candidates, not on the store's size.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::neardup::{self, AlsoIn};
use super::{Result, Store};
use crate::text::neardup::Shingles;
use crate::text::stem::{Analyzer, Lang};

/// A stored article that resembles another.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Similar {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub score: f64,
    /// The terms that contribute most to the score, best first.
    pub shared: Vec<String>,
    /// Other copies of this story (near-duplicate texts), folded into it.
    pub also_in: Vec<AlsoIn>,
    /// True when this is a copy of the article itself (see `neardup`).
    pub same_story: bool,
}

thread_local! {
    static ANALYZER: std::cell::RefCell<Analyzer> = std::cell::RefCell::new(Analyzer::default());
}

const KEY_TERMS: usize = 12;
const CANDIDATES: usize = 30;
/// Newest articles read per strong term.
const POSTINGS: i64 = 400;
const PAIR_TERMS: usize = 6;
const LOOKUPS: usize = 32;

impl Store {
    /// The `limit` articles most similar to `id`, best first, each with a
    /// cosine above `min_score`; copies of one story folded into one entry,
    /// copies of `id` itself first.
    pub fn similar(&self, id: &str, limit: usize, min_score: f64) -> Result<Vec<Similar>> {
        let Some(text) = self.indexed_text(id)? else {
            return Ok(Vec::new());
        };
        // A stem cache that lasts between calls: opening article after
        // article meets the same words again.
        let mut analyzer = ANALYZER.with(|a| std::mem::take(&mut *a.borrow_mut()));
        // The store's size as of the frequency snapshot (counting 100,000
        // rows costs milliseconds), or counted when small.
        let total: f64 = self
            .conn
            .query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'df_articles'
                                  AND EXISTS (SELECT 1 FROM term_df)),
                                 (SELECT count(*) FROM articles))",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(|e| self.err(e))? as f64;
        let lang = Lang::from_tag(text.lang.as_deref());
        let (tf, spelled, own_shingles) = term_counts(&mut analyzer, &text, lang);
        // Document frequencies only for the most frequent terms: each lookup
        // costs, and rare-in-this-article terms weigh little anyway.
        let mut frequent: Vec<(&String, &u32)> = tf.iter().collect();
        frequent.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        frequent.truncate(LOOKUPS);
        // (term, weight in the target, idf)
        let mut weighted: Vec<(String, f64, f64)> = Vec::new();
        {
            // The snapshot when there is one (large stores), else the index.
            let snapshot: bool = self
                .conn
                .query_row("SELECT EXISTS (SELECT 1 FROM term_df)", [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            let total = total.max(1.0);
            let mut df_stmt = self
                .conn
                .prepare_cached(if snapshot {
                    "SELECT df FROM term_df WHERE term = ?1"
                } else {
                    "SELECT doc FROM articles_fts_vocab WHERE term = ?1"
                })
                .map_err(|e| self.err(e))?;
            for (term, count) in frequent {
                // Articles in other languages hold the word in other forms.
                let word = spelled.get(term).map_or(term.as_str(), String::as_str);
                let mut forms = crate::text::stem::query_forms(word);
                if !forms.contains(term) {
                    forms.push(term.clone());
                }
                let mut df = 0.0;
                for form in &forms {
                    df += df_stmt
                        .query_row([form], |r| r.get::<_, i64>(0))
                        .optional()
                        .map_err(|e| self.err(e))?
                        .unwrap_or(0) as f64;
                }
                let df = df.clamp(1.0, total.max(1.0));
                // Terms in every article say nothing; terms only here find nothing.
                if df < 2.0 || (total >= 10.0 && df > total * 0.5) {
                    continue;
                }
                let idf = (1.0 + total / df).ln();
                weighted.push((term.clone(), (1.0 + f64::from(*count).ln()) * idf, idf));
            }
        }
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(KEY_TERMS);
        if weighted.is_empty() {
            return Ok(Vec::new());
        }
        let key: HashMap<&str, (f64, f64)> = weighted
            .iter()
            .map(|(t, w, idf)| (t.as_str(), (*w, *idf)))
            .collect();
        // Candidates: the newest articles holding each of the strongest
        // terms (in every form other articles may be indexed under: their
        // language may differ), kept when they hold two or more of them,
        // best summed idf first. Unranked postings read in key order stop
        // early, so the cost does not grow with the store.
        let mut hits: HashMap<i64, (f64, usize)> = HashMap::new();
        {
            let mut postings = self
                .conn
                .prepare_cached(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                     ORDER BY rowid DESC LIMIT ?2",
                )
                .map_err(|e| self.err(e))?;
            for (t, _, idf) in weighted.iter().take(PAIR_TERMS) {
                let word = spelled.get(t).map_or(t.as_str(), String::as_str);
                let mut forms = crate::text::stem::query_forms(word);
                if !forms.contains(t) {
                    forms.push(t.clone());
                }
                let quoted: Vec<String> = forms.iter().map(|f| format!("\"{f}\"")).collect();
                let expr = quoted.join(" OR ");
                let keys = postings
                    .query_map(rusqlite::params![expr, POSTINGS], |r| r.get::<_, i64>(0))
                    .map_err(|e| self.err(e))?;
                for key in keys {
                    let entry = hits
                        .entry(key.map_err(|e| self.err(e))?)
                        .or_insert((0.0, 0));
                    entry.0 += idf;
                    entry.1 += 1;
                }
            }
        }
        let own_key: Option<i64> = self
            .conn
            .query_row("SELECT key FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        let need = if weighted.len() > 1 { 2 } else { 1 };
        let mut best: Vec<(i64, f64)> = hits
            .into_iter()
            .filter(|(k, (_, n))| *n >= need && Some(*k) != own_key)
            .map(|(k, (score, _))| (k, score))
            .collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        best.truncate(CANDIDATES);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.standfirst, a.body, a.lang, a.source
                 FROM articles a WHERE a.key = ?1",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = Vec::with_capacity(best.len());
        for (key, _) in &best {
            let row = stmt
                .query_row([key], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        Text {
                            title: r.get(1)?,
                            standfirst: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                            body: r.get::<_, super::body::BodyJson>(3)?.0,
                            lang: r.get(4)?,
                        },
                        r.get::<_, Option<String>>(5)?,
                    ))
                })
                .optional()
                .map_err(|e| self.err(e))?;
            rows.extend(row);
        }
        let mut texts: HashMap<String, Shingles> = HashMap::new();
        let target_norm = weighted.iter().map(|(_, w, _)| w * w).sum::<f64>().sqrt();
        let mut scored: Vec<Similar> = rows
            .into_iter()
            .filter_map(|(cid, text, source)| {
                // In the open article's language: one space of terms.
                let (counts, _, shingles) = term_counts(&mut analyzer, &text, lang);
                texts.insert(cid.clone(), shingles);
                let title = text.title;
                let mut dot = 0.0;
                let mut norm = 0.0;
                let mut contributions = Vec::new();
                // Cosine in the space of the target's key terms.
                for (term, count) in &counts {
                    let Some((w, idf)) = key.get(term.as_str()) else {
                        continue;
                    };
                    let cw = (1.0 + f64::from(*count).ln()) * idf;
                    dot += w * cw;
                    norm += cw * cw;
                    contributions.push((term.clone(), w * cw));
                }
                let score = dot / (target_norm * norm.sqrt()).max(f64::EPSILON);
                contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                (score > min_score).then(|| Similar {
                    id: cid,
                    title,
                    source,
                    score,
                    shared: contributions
                        .into_iter()
                        .take(3)
                        .map(|(t, _)| spelled.get(&t).cloned().unwrap_or(t))
                        .collect(),
                    also_in: Vec::new(),
                    same_story: false,
                })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        let mut scored = neardup::fold(scored, &own_shingles, &texts);
        scored.truncate(limit);
        ANALYZER.with(|a| *a.borrow_mut() = analyzer);
        Ok(scored)
    }

    fn indexed_text(&self, id: &str) -> Result<Option<Text>> {
        self.conn
            .query_row(
                "SELECT title, standfirst, body, lang FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok(Text {
                        title: r.get(0)?,
                        standfirst: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                        body: r.get::<_, super::body::BodyJson>(2)?.0,
                        lang: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

/// What similarity reads of an article (body as stored: a JSON array).
struct Text {
    title: String,
    standfirst: String,
    body: String,
    lang: Option<String>,
}

/// Stemmed term frequencies, the title's terms counted twice; the first
/// spelling of each stem (to show shared terms as words); and the shingles
/// of the standfirst and body (for near-duplicates), from the same words.
fn term_counts(
    analyzer: &mut Analyzer,
    text: &Text,
    lang: Lang,
) -> (HashMap<String, u32>, HashMap<String, String>, Shingles) {
    let mut hashes: Vec<u64> = Vec::new();
    let mut tf = HashMap::new();
    let mut spelled = HashMap::new();
    let paragraphs: Vec<String> = serde_json::from_str(&text.body).unwrap_or_default();
    let title = analyzer.terms(&text.title, lang);
    let mut add = |(stem, word): (String, String)| {
        spelled.entry(stem.clone()).or_insert(word);
        *tf.entry(stem).or_insert(0u32) += 1;
    };
    for t in title.iter().chain(title.iter()).cloned() {
        add(t);
    }
    for t in analyzer.terms(&text.standfirst, lang) {
        hashes.push(crate::text::fnv1a(t.1.as_bytes()));
        add(t);
    }
    for p in &paragraphs {
        for t in analyzer.terms(p, lang) {
            hashes.push(crate::text::fnv1a(t.1.as_bytes()));
            add(t);
        }
    }
    (tf, spelled, Shingles::from_term_hashes(&hashes))
}
