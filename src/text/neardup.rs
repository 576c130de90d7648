//! Near-duplicate texts: the same story republished with small edits (a
//! wire story in two papers, a feed summary and the full page). A text is
//! reduced to the set of hashes of its 3-term shingles (runs of three
//! consecutive content terms, folded); two texts are near-duplicates when
//! the sets mostly agree (Jaccard), or when the shorter one lies almost
//! whole inside the longer (containment: a lead paragraph and its article).
//!
//! The sets are exact, not a sketch (simhash, minhash): they are built on
//! the fly for the few dozen articles "similar" already loaded, where a
//! comparison is a merge of two sorted lists, and only an exact set can
//! tell that a 40-word summary sits inside a 900-word page.

use super::{fnv1a, terms};

/// Consecutive terms per shingle.
const SHINGLE: usize = 3;
// Thresholds measured on ../shared/devset (BENCHMARKS.md, "Near-duplicate thresholds"):
// a page and its select-all text copy (two extractors, different
// boilerplate) resemble at Jaccard 0.50-1.00; a rewritten lead, an added
// boilerplate block, 4% of the words edited at 0.58-0.99; all three edits at
// once on a short page 0.42. Different stories stay far below: 301 pairs of
// pages at most 0.001, 13,284 pairs of items of one feed (one outlet, one
// template) at most 0.24 (containment 0.40), 2,901 same-topic pairs of the
// synthetic 100k store at most 0.004.
/// Share of the union above which two texts are one story.
pub const MIN_JACCARD: f64 = 0.4;
/// Share of the shorter text found in the longer one above which the
/// shorter is an excerpt of the longer (a feed summary, a lead): such pairs
/// measure 1.00, leads of real pages included.
pub const MIN_CONTAINMENT: f64 = 0.7;
/// Fewer shingles than this is too little text to call anything a copy (a
/// byline, a one-line blurb, a standard "read more" sentence); 8 is about
/// 25 words of prose.
pub const MIN_SHINGLES: usize = 8;

/// The distinct shingle hashes of a text, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shingles(Vec<u64>);

/// How much two shingle sets agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resemblance {
    /// Shared shingles over all distinct shingles of the two.
    pub jaccard: f64,
    /// Shared shingles over those of the smaller set.
    pub containment: f64,
    /// Size of the smaller set.
    pub smaller: usize,
}

impl Resemblance {
    /// True when the two texts are the same story.
    pub fn is_near_duplicate(&self) -> bool {
        self.smaller >= MIN_SHINGLES
            && (self.jaccard >= MIN_JACCARD || self.containment >= MIN_CONTAINMENT)
    }
}

impl Shingles {
    /// The shingles of a text's content terms (folded, no stopwords), so
    /// case, accents, punctuation and function-word edits do not count.
    pub fn of(text: &str) -> Shingles {
        let hashes: Vec<u64> = terms(text).iter().map(|t| fnv1a(t.as_bytes())).collect();
        Shingles::from_term_hashes(&hashes)
    }

    /// The shingles of a text given the FNV-1a hashes of its `terms`, in
    /// order (for callers that have the terms already).
    pub fn from_term_hashes(hashes: &[u64]) -> Shingles {
        let mut set: Vec<u64> = hashes.windows(SHINGLE).map(combine).collect();
        set.sort_unstable();
        set.dedup();
        Shingles(set)
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Jaccard and containment of two sets, by one merge of the lists.
    pub fn resemblance(&self, other: &Shingles) -> Resemblance {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = a.len() + b.len() - shared;
        let smaller = a.len().min(b.len());
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        Resemblance {
            jaccard: ratio(shared, union),
            containment: ratio(shared, smaller),
            smaller,
        }
    }

    /// True when the two texts are the same story (see the module notes).
    pub fn is_near_duplicate(&self, other: &Shingles) -> bool {
        self.resemblance(other).is_near_duplicate()
    }
}

/// One hash for an ordered run of term hashes.
fn combine(run: &[u64]) -> u64 {
    run.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, t| {
        (h ^ t).wrapping_mul(0x0100_0000_01b3).rotate_left(29)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STORY: &str = "Nvidia said on Tuesday that new export rules will limit sales of its \
        artificial intelligence chips to China, where Alibaba and ByteDance train their largest \
        models. The company expects revenue from the region to fall by a fifth next quarter. \
        Analysts expect Chinese companies to rent data centres in Malaysia and Singapore instead, \
        a practice the new rules do not cover. The Commerce Department said the measures close \
        loopholes left open two years ago and that further steps were under review. Shares of \
        Nvidia fell three per cent in early trading in New York, while suppliers in Taiwan and \
        South Korea also slipped.";

    const OTHER: &str = "Nvidia reported record quarterly revenue on Wednesday, lifted by \
        demand for its data centre chips from cloud providers in the United States. The chip \
        maker said sales to China made up a smaller share than a year earlier after export \
        rules took effect. Its chief executive told analysts that new products would ship in \
        the spring and that supply of advanced packaging remained the main constraint. Shares \
        rose in after-hours trading, adding to a rally that has made Nvidia one of the most \
        valuable companies in the world.";

    fn near(a: &str, b: &str) -> bool {
        Shingles::of(a).is_near_duplicate(&Shingles::of(b))
    }

    #[test]
    fn identical_texts_resemble_fully() {
        let r = Shingles::of(STORY).resemblance(&Shingles::of(STORY));
        assert_eq!((r.jaccard, r.containment), (1.0, 1.0));
        assert!(r.is_near_duplicate());
    }

    #[test]
    fn small_edits_case_and_accents_still_fold() {
        let edited = STORY
            .replace("Tuesday", "Tuesday evening")
            .replace("a fifth", "about 20%")
            .to_uppercase();
        assert!(near(STORY, &edited));
        let accented = STORY.replace("Nvidia", "Nvídia").replace("data", "dàta");
        let r = Shingles::of(STORY).resemblance(&Shingles::of(&accented));
        assert_eq!(r.jaccard, 1.0, "accents are folded away");
    }

    #[test]
    fn rewritten_lead_and_boilerplate_fold() {
        let (_, rest) = STORY.split_once(". ").unwrap();
        let rewritten = format!(
            "WASHINGTON (Wire) - The US tightened curbs on AI chip sales to China on Tuesday, \
             dealing a blow to Nvidia. {rest} Copyright 2025 The Wire. All rights reserved. \
             This material may not be published, broadcast, rewritten or redistributed. \
             Sign up for our morning newsletter to get the day's top stories."
        );
        let r = Shingles::of(STORY).resemblance(&Shingles::of(&rewritten));
        assert!(r.is_near_duplicate(), "{r:?}");
    }

    #[test]
    fn a_lead_inside_its_full_article_folds() {
        let lead: String = STORY.split(". ").take(2).collect::<Vec<_>>().join(". ");
        let r = Shingles::of(&lead).resemblance(&Shingles::of(STORY));
        assert!(r.jaccard < MIN_JACCARD && r.containment > 0.95, "{r:?}");
        assert!(r.is_near_duplicate());
    }

    #[test]
    fn another_story_on_the_same_topic_does_not_fold() {
        let r = Shingles::of(STORY).resemblance(&Shingles::of(OTHER));
        assert!(r.jaccard < 0.05 && r.containment < 0.1, "{r:?}");
        assert!(!r.is_near_duplicate());
    }

    #[test]
    fn too_little_text_never_folds() {
        let blurb = "Read the full story on our website.";
        assert!(Shingles::of(blurb).len() < MIN_SHINGLES);
        assert!(!near(blurb, blurb));
        assert!(!near("", ""));
        assert!(Shingles::of("").is_empty());
    }

    #[test]
    fn shingles_keep_word_order() {
        let a = Shingles::of("alpha beta gamma delta");
        let b = Shingles::of("delta gamma beta alpha");
        assert_eq!(a.resemblance(&b).jaccard, 0.0);
    }

    proptest! {
        #[test]
        fn resemblance_is_symmetric_and_bounded(a in "[a-z ]{0,300}", b in "[a-z ]{0,300}") {
            let (sa, sb) = (Shingles::of(&a), Shingles::of(&b));
            let ab = sa.resemblance(&sb);
            let ba = sb.resemblance(&sa);
            prop_assert_eq!(ab, ba);
            prop_assert!((0.0..=1.0).contains(&ab.jaccard));
            prop_assert!((0.0..=1.0).contains(&ab.containment));
            prop_assert!(ab.jaccard <= ab.containment);
        }

        #[test]
        fn a_text_folds_with_itself_plus_a_little(
            words in proptest::collection::vec("[a-z]{4,9}", 40..200),
            extra in proptest::collection::vec("[a-z]{4,9}", 0..8),
        ) {
            let text = words.join(" ");
            let more = format!("{} {}", extra.join(" "), text);
            let s = Shingles::of(&text);
            prop_assume!(s.len() >= MIN_SHINGLES);
            prop_assert!(s.is_near_duplicate(&Shingles::of(&text)));
            prop_assert!(s.is_near_duplicate(&Shingles::of(&more)));
        }
    }
}
