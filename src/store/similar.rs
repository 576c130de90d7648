//! "Similar in your store" from the full-text index: the open article's
//! most distinctive terms (TF-IDF, document frequencies from the index) find
//! candidates with one ranked query; candidates are scored by cosine over
//! those terms. Cost depends on the candidates, not on the store's size.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::neardup::{self, AlsoIn};
use super::{Result, Store};
use crate::text::neardup::Shingles;
use crate::text::terms;

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

const KEY_TERMS: usize = 12;
const CANDIDATES: i64 = 30;
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
        let total: f64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map_err(|e| self.err(e))? as f64;
        let tf = term_counts(&text.0, &text.1);
        // Document frequencies only for the most frequent terms: each lookup
        // costs, and rare-in-this-article terms weigh little anyway.
        let mut frequent: Vec<(&String, &u32)> = tf.iter().collect();
        frequent.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        frequent.truncate(LOOKUPS);
        // (term, weight in the target, idf)
        let mut weighted: Vec<(String, f64, f64)> = Vec::new();
        {
            let mut df_stmt = self
                .conn
                .prepare_cached("SELECT doc FROM articles_fts_vocab WHERE term = ?1")
                .map_err(|e| self.err(e))?;
            for (term, count) in frequent {
                let df: f64 = df_stmt
                    .query_row([term], |r| r.get::<_, i64>(0))
                    .optional()
                    .map_err(|e| self.err(e))?
                    .unwrap_or(1) as f64;
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
        // Candidates share at least two of the strongest terms: pairs keep
        // the matched set (and so the ranking work) small in a large store.
        let strong: Vec<&str> = weighted
            .iter()
            .take(PAIR_TERMS)
            .map(|(t, ..)| t.as_str())
            .collect();
        let mut pairs = Vec::new();
        for (i, a) in strong.iter().enumerate() {
            for b in &strong[i + 1..] {
                pairs.push(format!("(\"{a}\" \"{b}\")"));
            }
        }
        let expr = if pairs.is_empty() {
            format!("\"{}\"", strong[0])
        } else {
            pairs.join(" OR ")
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT f.id, f.title, f.standfirst || char(10) || f.body, a.source
                 FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                       ORDER BY rank LIMIT ?3) best
                 JOIN articles_fts f ON f.rowid = best.rowid
                 JOIN articles a ON a.id = f.id
                 WHERE f.id <> ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params![expr, id, CANDIDATES], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let texts: HashMap<String, Shingles> = rows
            .iter()
            .map(|(cid, _, body, _)| (cid.clone(), Shingles::of(body)))
            .collect();
        let target_norm = weighted.iter().map(|(_, w, _)| w * w).sum::<f64>().sqrt();
        let mut scored: Vec<Similar> = rows
            .into_iter()
            .filter_map(|(cid, title, body, source)| {
                let counts = term_counts(&title, &body);
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
                    shared: contributions.into_iter().take(3).map(|(t, _)| t).collect(),
                    also_in: Vec::new(),
                    same_story: false,
                })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        let mut scored = neardup::fold(scored, &Shingles::of(&text.1), &texts);
        scored.truncate(limit);
        Ok(scored)
    }

    fn indexed_text(&self, id: &str) -> Result<Option<(String, String)>> {
        self.conn
            .query_row(
                "SELECT title, standfirst || char(10) || body FROM articles_fts WHERE rowid = ?1",
                [super::schema::fts_key(id)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

/// Term frequencies, the title's terms counted twice.
fn term_counts(title: &str, body: &str) -> HashMap<String, u32> {
    let mut tf = HashMap::new();
    let title_terms = terms(title);
    for t in title_terms
        .iter()
        .chain(title_terms.iter())
        .cloned()
        .chain(terms(body))
    {
        *tf.entry(t).or_insert(0u32) += 1;
    }
    tf
}
