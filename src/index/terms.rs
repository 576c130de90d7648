//! An article as related scoring sees it: stemmed content terms with their
//! counts (headline terms counted twice), the first spelling of each (to
//! show shared words), which terms are in the headline, and the shingles of
//! the text (for near-duplicates).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::store::ArticleText;
use crate::text::neardup::Shingles;
use crate::text::stem::{Analyzer, Lang};

/// Terms of one article, stemmed in one language.
#[derive(Debug, Default)]
pub struct Terms {
    pub counts: FxHashMap<String, u32>,
    pub spelled: FxHashMap<String, String>,
    pub headline: FxHashSet<String>,
    /// Content words in the text (headline once).
    pub words: usize,
}

impl Terms {
    /// The terms of `text` stemmed as `lang`.
    pub fn of(analyzer: &mut Analyzer, text: &ArticleText, lang: Lang) -> Terms {
        Terms::with_shingles(analyzer, text, lang).0
    }

    /// The terms and, from the same words, the shingles of the standfirst
    /// and body.
    pub fn with_shingles(
        analyzer: &mut Analyzer,
        text: &ArticleText,
        lang: Lang,
    ) -> (Terms, Shingles) {
        Terms::read(analyzer, text, lang, true)
    }

    /// As `with_shingles`, without the spellings and headline terms: all a
    /// candidate needs to be scored, at half the allocations.
    pub fn counts_with_shingles(
        analyzer: &mut Analyzer,
        text: &ArticleText,
        lang: Lang,
    ) -> (Terms, Shingles) {
        Terms::read(analyzer, text, lang, false)
    }

    fn read(
        analyzer: &mut Analyzer,
        text: &ArticleText,
        lang: Lang,
        full: bool,
    ) -> (Terms, Shingles) {
        let mut terms = Terms::default();
        let mut hashes: Vec<u64> = Vec::new();
        let stop = stopwords_of(lang, text.lang.as_deref());
        let is_stop = |word: &str| stop.is_some_and(|s| s.contains(word));
        analyzer.each_term(&text.title, lang, |stem, word| {
            if is_stop(word) {
                return;
            }
            if full && !terms.headline.contains(stem) {
                terms.headline.insert(stem.to_string());
            }
            terms.add(stem, word, 2, full);
        });
        let paragraphs = std::iter::once(&text.standfirst).chain(&text.body);
        for p in paragraphs {
            analyzer.each_term(p, lang, |stem, word| {
                if is_stop(word) {
                    return;
                }
                hashes.push(crate::text::fnv1a(word.as_bytes()));
                terms.add(stem, word, 1, full);
            });
        }
        (terms, Shingles::from_term_hashes(&hashes))
    }

    fn add(&mut self, stem: &str, word: &str, times: u32, spell: bool) {
        self.words += 1;
        if let Some(count) = self.counts.get_mut(stem) {
            *count += times;
            return;
        }
        if spell {
            self.spelled.insert(stem.to_string(), word.to_string());
        }
        self.counts.insert(stem.to_string(), times);
    }

    /// The word to show for a term.
    pub fn spelling<'a>(&'a self, term: &'a str) -> &'a str {
        self.spelled.get(term).map_or(term, String::as_str)
    }
}

/// The function words of a language the analyzer has no list for (it
/// knows Italian and English), folded as words are: NLTK's lists, which
/// hold articles, pronouns and prepositions only. Without them a German
/// "der" or "und" counts as a shared term, and in a store of few German
/// articles (too few for `langdf` to tell) as a rare one.
fn stopwords_of(lang: Lang, tag: Option<&str>) -> Option<&'static FxHashSet<String>> {
    static LISTS: std::sync::OnceLock<FxHashMap<&'static str, FxHashSet<String>>> =
        std::sync::OnceLock::new();
    if lang != Lang::Other {
        return None;
    }
    let primary = tag?.split(['-', '_']).next()?.to_ascii_lowercase();
    let lists = LISTS.get_or_init(|| {
        stop_words::available_languages()
            .iter()
            .filter_map(|&code| Some((code, stop_words::lookup(code)?)))
            .map(|(code, words)| {
                (
                    code,
                    words.iter().map(|w| crate::text::fold_terms(w)).collect(),
                )
            })
            .collect()
    });
    lists.get(primary.as_str())
}

/// Sublinear term frequency: the tenth mention adds less than the second.
pub fn tf_weight(count: u32) -> f64 {
    1.0 + f64::from(count.max(1)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(title: &str, body: &str) -> ArticleText {
        ArticleText {
            title: title.into(),
            body: vec![body.into()],
            ..ArticleText::default()
        }
    }

    #[test]
    fn headline_terms_count_twice_and_are_marked() {
        let mut analyzer = Analyzer::default();
        let t = Terms::of(
            &mut analyzer,
            &text("Flooding in Valencia", "Valencia counts the damage."),
            Lang::English,
        );
        assert_eq!(t.counts.get("valencia"), Some(&3));
        assert!(t.headline.contains("flood"));
        assert!(!t.headline.contains("damag"));
        assert_eq!(t.spelling("flood"), "flooding");
        // Stopwords ("in", "the") are not terms.
        assert_eq!(t.words, 5);
    }

    #[test]
    fn function_words_of_other_languages_are_not_terms() {
        let mut analyzer = Analyzer::default();
        let mut german = text(
            "Der Fussballer ist tot",
            "Er brach während eines Spiels in Brasilien zusammen und starb.",
        );
        german.lang = Some("de-CH".into());
        let t = Terms::of(&mut analyzer, &german, Lang::Other);
        for word in ["der", "ist", "er", "wahrend", "eines", "und"] {
            assert!(!t.counts.contains_key(word), "{word}");
        }
        for word in ["fussballer", "tot", "brasilien", "starb"] {
            assert!(t.counts.contains_key(word), "{word}");
        }
        // Without a known language nothing more is dropped.
        german.lang = None;
        let t = Terms::of(&mut analyzer, &german, Lang::Other);
        assert!(t.counts.contains_key("der"));
    }
}
