//! "Similar in your store" from the full-text index: the open article's
//! most distinctive terms (TF-IDF, document frequencies from the index) find
//! candidates with one ranked query; candidates are scored by cosine over
//! those terms. Cost depends on the candidates, not on the store's size.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::{Result, Store};
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
}

const KEY_TERMS: usize = 12;
const CANDIDATES: i64 = 30;
const PAIR_TERMS: usize = 6;
const LOOKUPS: usize = 32;

impl Store {
    /// The `limit` articles most similar to `id`, best first, each with a
    /// cosine above `min_score`.
    pub fn similar(&self, id: &str, limit: usize, min_score: f64) -> Result<Vec<Similar>> {
        let Some(text) = self.indexed_text(id)? else {
            return Ok(Vec::new());
        };
        let mut analyzer = Analyzer::default();
        let total: f64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map_err(|e| self.err(e))? as f64;
        let lang = Lang::from_tag(text.lang.as_deref());
        let (tf, spelled) = term_counts(&mut analyzer, &text, lang);
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
        // Candidates share at least two of the strongest terms: pairs keep
        // the matched set (and so the ranking work) small in a large store.
        // Each term in every form other articles may be indexed under
        // (their language may differ from this one's).
        let strong: Vec<String> = weighted
            .iter()
            .take(PAIR_TERMS)
            .map(|(t, ..)| {
                let word = spelled.get(t).map_or(t.as_str(), String::as_str);
                let mut forms = crate::text::stem::query_forms(word);
                if !forms.contains(t) {
                    forms.push(t.clone());
                }
                let quoted: Vec<String> = forms.iter().map(|f| format!("\"{f}\"")).collect();
                format!("({})", quoted.join(" OR "))
            })
            .collect();
        let mut pairs = Vec::new();
        for (i, a) in strong.iter().enumerate() {
            for b in &strong[i + 1..] {
                pairs.push(format!("({a} AND {b})"));
            }
        }
        let expr = if pairs.is_empty() {
            strong[0].clone()
        } else {
            pairs.join(" OR ")
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.standfirst, a.body, a.lang, a.source
                 FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                       ORDER BY rank LIMIT ?3) best
                 JOIN articles a ON a.key = best.rowid
                 WHERE a.id <> ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params![expr, id, CANDIDATES], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Text {
                        title: r.get(1)?,
                        standfirst: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                        body: r.get(3)?,
                        lang: r.get(4)?,
                    },
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let target_norm = weighted.iter().map(|(_, w, _)| w * w).sum::<f64>().sqrt();
        let mut scored: Vec<Similar> = rows
            .into_iter()
            .filter_map(|(cid, text, source)| {
                // In the open article's language: one space of terms.
                let (counts, _) = term_counts(&mut analyzer, &text, lang);
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
                contributions.sort_by(|a, b| b.1.total_cmp(&a.1));
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
                })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        scored.truncate(limit);
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
                        body: r.get(2)?,
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

/// Stemmed term frequencies, the title's terms counted twice; and the
/// first spelling of each stem (to show shared terms as words).
fn term_counts(
    analyzer: &mut Analyzer,
    text: &Text,
    lang: Lang,
) -> (HashMap<String, u32>, HashMap<String, String>) {
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
        add(t);
    }
    for p in &paragraphs {
        for t in analyzer.terms(p, lang) {
            add(t);
        }
    }
    (tf, spelled)
}
