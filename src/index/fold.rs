//! Folding near-duplicates in "similar in your store": copies of one story
//! become one entry that lists where else it appeared, and copies of the
//! open article itself are marked as the same story.

use std::collections::HashMap;

use super::related::Similar;
use crate::text::neardup::Shingles;

/// Another copy of a similar entry's story, folded into it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AlsoIn {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
}

/// Folds a ranked list: each entry joins the first better-ranked entry it
/// is a near-duplicate of (as one of its `also_in`), else stays on its own.
/// Entries that are near-duplicates of the open article (`target`) are
/// marked `same_story`, fold only among themselves, and come first. Order
/// is otherwise kept; entries whose text is unknown never fold.
pub fn fold(
    ranked: Vec<Similar>,
    target: &Shingles,
    texts: &HashMap<String, Shingles>,
) -> Vec<Similar> {
    let mut kept: Vec<Similar> = Vec::with_capacity(ranked.len());
    for mut entry in ranked {
        let Some(own) = texts.get(&entry.id) else {
            kept.push(entry);
            continue;
        };
        entry.same_story = own.is_near_duplicate(target);
        let head = kept.iter_mut().find(|k| {
            k.same_story == entry.same_story
                && texts.get(&k.id).is_some_and(|s| s.is_near_duplicate(own))
        });
        match head {
            Some(head) => head.also_in.push(AlsoIn {
                id: entry.id,
                title: entry.title,
                source: entry.source,
            }),
            None => kept.push(entry),
        }
    }
    kept.sort_by_key(|s| !s.same_story);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "The central bank raised its main interest rate by a quarter point on \
        Thursday, the third increase this year, and signalled that more could follow if \
        inflation stays above its target through the summer months. Officials pointed to \
        rising food and energy prices and to wages growing faster than expected.";
    const OTHER: &str = "Farmers in the north blocked roads with tractors for a second day on \
        Thursday to protest against cuts to fuel subsidies, causing long queues at the border \
        crossings and delays for lorries carrying fresh produce to the capital markets.";

    fn entry(id: &str, source: &str, score: f64) -> Similar {
        Similar {
            id: id.into(),
            title: format!("Title {id}"),
            source: Some(source.into()),
            score,
            percent: (score * 100.0) as u8,
            lang: None,
            same_lang: true,
            shared: Vec::new(),
            also_in: Vec::new(),
            same_story: false,
        }
    }

    fn texts(pairs: &[(&str, &str)]) -> HashMap<String, Shingles> {
        pairs
            .iter()
            .map(|(id, t)| ((*id).to_string(), Shingles::of(t)))
            .collect()
    }

    #[test]
    fn copies_fold_into_the_best_ranked_and_copies_of_the_target_come_first() {
        let edited = WIRE.replace("Thursday", "Thursday afternoon");
        let texts = texts(&[
            ("a", OTHER),
            ("b", &format!("{OTHER} Read more on our website every day.")),
            ("c", "Something else entirely, with too few words."),
            ("d", &edited),
        ]);
        let ranked = vec![
            entry("a", "Paper A", 0.9),
            entry("c", "Paper C", 0.8),
            entry("b", "Paper B", 0.7),
            entry("d", "Paper D", 0.6),
        ];
        let folded = fold(ranked, &Shingles::of(WIRE), &texts);
        let ids: Vec<&str> = folded.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["d", "a", "c"]);
        assert!(folded[0].same_story && !folded[1].same_story);
        assert_eq!(folded[1].also_in.len(), 1);
        assert_eq!(folded[1].also_in[0].id, "b");
        assert_eq!(folded[1].also_in[0].source.as_deref(), Some("Paper B"));
        assert!(folded[2].also_in.is_empty());
    }

    #[test]
    fn unknown_texts_and_distinct_stories_are_kept_as_they_are() {
        let ranked = vec![entry("x", "X", 0.5), entry("y", "Y", 0.4)];
        let folded = fold(ranked.clone(), &Shingles::of(WIRE), &texts(&[("y", OTHER)]));
        assert_eq!(folded, ranked);
    }
}
