//! "Similar in your store": TF-IDF cosine similarity over title and body
//! terms, with the title's terms counted twice.

use std::collections::HashMap;

use crate::text::terms;

/// A stored article that resembles the open one.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Similar {
    pub id: String,
    pub title: String,
    pub score: f64,
    /// The terms that contribute most to the score, best first.
    pub shared: Vec<String>,
}

/// Term vectors of a whole corpus, built once and queried per article.
#[derive(Debug, Default)]
pub struct SimilarityIndex {
    docs: Vec<Doc>,
    df: HashMap<String, u32>,
}

#[derive(Debug)]
struct Doc {
    id: String,
    title: String,
    weights: HashMap<String, f64>,
    norm: f64,
}

impl SimilarityIndex {
    /// Builds the index from `(id, title, text)` triples.
    pub fn build(corpus: impl IntoIterator<Item = (String, String, String)>) -> SimilarityIndex {
        let raw: Vec<(String, String, HashMap<String, u32>)> = corpus
            .into_iter()
            .map(|(id, title, text)| {
                let mut tf = HashMap::new();
                for t in terms(&title)
                    .into_iter()
                    .chain(terms(&title))
                    .chain(terms(&text))
                {
                    *tf.entry(t).or_insert(0u32) += 1;
                }
                (id, title, tf)
            })
            .collect();
        let mut df: HashMap<String, u32> = HashMap::new();
        for (_, _, tf) in &raw {
            for t in tf.keys() {
                *df.entry(t.clone()).or_insert(0) += 1;
            }
        }
        let n = raw.len() as f64;
        let docs = raw
            .into_iter()
            .map(|(id, title, tf)| {
                let weights: HashMap<String, f64> = tf
                    .into_iter()
                    .map(|(t, f)| {
                        let idf = (1.0 + n / f64::from(df.get(&t).copied().unwrap_or(1))).ln();
                        (t, (1.0 + f64::from(f).ln()) * idf)
                    })
                    .collect();
                let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
                Doc {
                    id,
                    title,
                    weights,
                    norm,
                }
            })
            .collect();
        SimilarityIndex { docs, df }
    }

    /// Number of indexed articles.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The `limit` articles most similar to `id`, best first; only those
    /// with a cosine above `min_score`.
    pub fn similar_to(&self, id: &str, limit: usize, min_score: f64) -> Vec<Similar> {
        let Some(target) = self.docs.iter().find(|d| d.id == id) else {
            return Vec::new();
        };
        let mut scored: Vec<Similar> = self
            .docs
            .iter()
            .filter(|d| d.id != id && d.norm > 0.0 && target.norm > 0.0)
            .filter_map(|d| {
                let mut contributions: Vec<(&String, f64)> = target
                    .weights
                    .iter()
                    .filter_map(|(t, w)| d.weights.get(t).map(|v| (t, w * v)))
                    .collect();
                let dot: f64 = contributions.iter().map(|(_, c)| c).sum();
                let score = dot / (target.norm * d.norm);
                (score > min_score).then(|| {
                    contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
                    Similar {
                        id: d.id.clone(),
                        title: d.title.clone(),
                        score,
                        shared: contributions
                            .iter()
                            .take(3)
                            .map(|(t, _)| (*t).clone())
                            .collect(),
                    }
                })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        scored.truncate(limit);
        scored
    }

    /// How many indexed articles contain a term (folded).
    pub fn document_frequency(&self, term: &str) -> u32 {
        self.df.get(term).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: &str, text: &str) -> (String, String, String) {
        (id.into(), title.into(), text.into())
    }

    #[test]
    fn ranks_the_article_on_the_same_topic_first() {
        let index = SimilarityIndex::build([
            doc(
                "a",
                "Chip Nvidia in Cina",
                "La Cina addestra modelli con i chip Nvidia.",
            ),
            doc(
                "b",
                "Nvidia e i chip",
                "I chip di Nvidia arrivano in Cina e Malesia.",
            ),
            doc(
                "c",
                "Calcio, il derby",
                "La partita di calcio si gioca domenica allo stadio.",
            ),
            doc(
                "d",
                "Meteo",
                "Pioggia e vento su tutta la Cina settentrionale.",
            ),
        ]);
        let similar = index.similar_to("a", 5, 0.0);
        assert_eq!(similar[0].id, "b");
        assert!(similar[0].shared.contains(&"nvidia".to_string()));
        assert!(
            similar.iter().all(|s| s.id != "c"),
            "no shared terms: {similar:?}"
        );
        assert!(similar.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn unknown_or_empty_articles_have_no_similar() {
        let index = SimilarityIndex::build([doc("a", "", ""), doc("b", "x y", "z")]);
        assert!(index.similar_to("a", 5, 0.0).is_empty());
        assert!(index.similar_to("nope", 5, 0.0).is_empty());
        assert_eq!(index.document_frequency("zz"), 0);
    }
}
