//! Words as the search index sees them: folded (case and accents), then
//! reduced to their stem in Italian or English (Snowball stemmers), so that
//! `governi` finds `governo` and `elections` finds `election`. Articles in
//! other languages are indexed folded, unstemmed. A query word is looked up
//! under every form it could have been indexed as (see [`query_forms`]).

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::scripts::{self, Tokens};
use super::{fold_terms, is_stopword, term_words, words};

/// The stemming language of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Italian,
    English,
    Other,
}

impl Lang {
    /// From a language tag as sources give it: `it`, `it-IT`, `en_GB`, `ita`, `English`...
    pub fn from_tag(tag: Option<&str>) -> Lang {
        let Some(tag) = tag else { return Lang::Other };
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "it" | "ita" | "italian" | "italiano" => Lang::Italian,
            "en" | "eng" | "english" => Lang::English,
            _ => Lang::Other,
        }
    }
}

/// The language of a text when the source does not say: an ISO 639-1 code,
/// or None when the text is too short or the guess is unreliable.
pub fn detect(text: &str) -> Option<&'static str> {
    // The first ~2,000 bytes decide: enough for a reliable guess, cheap.
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if words(sample).count() < 8 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    use whatlang::Lang as W;
    Some(match info.lang() {
        W::Ita => "it",
        W::Eng => "en",
        W::Fra => "fr",
        W::Deu => "de",
        W::Spa => "es",
        W::Por => "pt",
        W::Nld => "nl",
        W::Rus => "ru",
        W::Cmn => "zh",
        W::Jpn => "ja",
        W::Kor => "ko",
        W::Ara => "ar",
        W::Pol => "pl",
        W::Swe => "sv",
        W::Dan => "da",
        W::Fin => "fi",
        W::Tur => "tr",
        W::Ukr => "uk",
        W::Ell => "el",
        W::Heb => "he",
        W::Ron => "ro",
        W::Ces => "cs",
        W::Hun => "hu",
        W::Cat => "ca",
        _ => return None,
    })
}

/// Turns texts into index tokens, remembering the stems of words it has
/// seen (news vocabulary repeats: most words are found in the cache).
pub struct Analyzer {
    italian: Stemmer,
    english: Stemmer,
    /// Stems by folded word, one map per stemming language.
    cache: [FxHashMap<Box<str>, Box<str>>; 2],
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            italian: Stemmer::create(Algorithm::Italian),
            english: Stemmer::create(Algorithm::English),
            cache: [FxHashMap::default(), FxHashMap::default()],
        }
    }
}

const CACHE_LIMIT: usize = 200_000;

impl Analyzer {
    /// The stem of one folded word.
    pub fn stem(&mut self, lang: Lang, folded: &str) -> String {
        let mut out = String::new();
        self.stem_into(lang, folded, &mut out);
        out
    }

    /// Appends the stem of one folded word to `out`.
    pub(crate) fn stem_into(&mut self, lang: Lang, folded: &str, out: &mut String) {
        let slot = match lang {
            Lang::Italian => 0,
            Lang::English => 1,
            Lang::Other => {
                out.push_str(folded);
                return;
            }
        };
        // Fewer than three letters: nothing to strip.
        if folded.len() < 3 || (folded.len() < 12 && folded.chars().nth(2).is_none()) {
            out.push_str(folded);
            return;
        }
        if let Some(s) = self.cache[slot].get(folded) {
            out.push_str(s);
            return;
        }
        let stem = self.stem_uncached(lang, folded);
        out.push_str(&stem);
        let cache = &mut self.cache[slot];
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(folded.into(), stem.into_boxed_str());
    }

    fn stem_uncached(&self, lang: Lang, folded: &str) -> String {
        // Digits and mixed tokens (2026, g7, covid19) stay as they are.
        if !folded.chars().all(char::is_alphabetic) {
            return folded.to_string();
        }
        match lang {
            Lang::Italian => self.italian.stem(folded).into_owned(),
            Lang::English => self.english.stem(folded).into_owned(),
            Lang::Other => folded.to_string(),
        }
    }

    /// Appends the index tokens of `text` to `out`, space-separated. Every
    /// word is kept (phrases need their positions), stemmed; runs of
    /// unspaced scripts become character pairs (see `scripts`).
    pub fn index_into(&mut self, text: &str, lang: Lang, out: &mut String) {
        self.tokens_into(text, lang, Tokens::Index, out);
    }

    fn tokens_into(&mut self, text: &str, lang: Lang, kind: Tokens, out: &mut String) {
        if !scripts::may_have_unspaced(text) {
            return self.words_into(text, lang, out);
        }
        for (unspaced, run) in scripts::runs(text) {
            if unspaced {
                scripts::run_tokens_into(run, kind, out);
            } else {
                self.words_into(run, lang, out);
            }
        }
    }

    fn words_into(&mut self, text: &str, lang: Lang, out: &mut String) {
        let folded = fold_terms(text);
        for w in term_words(&folded) {
            if !out.is_empty() {
                out.push(' ');
            }
            self.stem_into(lang, w, out);
        }
    }

    /// Calls `f(term, word)` for each content term of `text` (no stopwords,
    /// no one-letter words): the term stemmed, the word as it was folded
    /// (for display). Runs of unspaced scripts give their character pairs.
    /// Nothing is allocated per word: scoring reads thousands of words per
    /// article it opens.
    pub fn each_term(&mut self, text: &str, lang: Lang, mut f: impl FnMut(&str, &str)) {
        if !scripts::may_have_unspaced(text) {
            self.each_word_term(text, lang, &mut f);
            return;
        }
        for (unspaced, run) in scripts::runs(text) {
            if unspaced {
                for pair in scripts::pairs(run) {
                    f(&pair, &pair);
                }
            } else {
                self.each_word_term(run, lang, &mut f);
            }
        }
    }

    fn each_word_term(&mut self, text: &str, lang: Lang, f: &mut impl FnMut(&str, &str)) {
        let folded = fold_terms(text);
        let mut stem = String::new();
        for word in term_words(&folded).filter(|w| w.chars().count() > 1 && !is_stopword(w)) {
            stem.clear();
            self.stem_into(lang, word, &mut stem);
            f(&stem, word);
        }
    }
}

/// Every form a query word may have in the index: folded as typed, and its
/// Italian and English stems (the query's language is unknown).
pub fn query_forms(word: &str) -> Vec<String> {
    let folded = fold_terms(word);
    let analyzer = Analyzer::default();
    let mut forms = vec![folded.clone()];
    if folded.chars().count() >= 3 {
        for lang in [Lang::Italian, Lang::English] {
            let stem = analyzer.stem_uncached(lang, &folded);
            if !forms.contains(&stem) {
                forms.push(stem);
            }
        }
    }
    forms
}

/// Stems a whole phrase in one language, for phrase queries (a run of
/// unspaced script gives the pairs that find it inside a longer run).
pub fn stem_phrase(phrase: &str, lang: Lang) -> String {
    let mut analyzer = Analyzer::default();
    let mut out = String::new();
    analyzer.tokens_into(phrase, lang, Tokens::Query, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_and_english_inflections_share_a_stem() {
        let mut a = Analyzer::default();
        assert_eq!(
            a.stem(Lang::Italian, "governo"),
            a.stem(Lang::Italian, "governi")
        );
        assert_eq!(
            a.stem(Lang::English, "elections"),
            a.stem(Lang::English, "election")
        );
        assert_eq!(a.stem(Lang::Other, "governi"), "governi");
        assert_eq!(a.stem(Lang::Italian, "2026"), "2026");
    }

    #[test]
    fn index_tokens_are_folded_and_stemmed() {
        let mut a = Analyzer::default();
        let mut out = String::new();
        a.index_into("Perché i Governi cadono", Lang::Italian, &mut out);
        let tokens: Vec<&str> = out.split(' ').collect();
        assert_eq!(tokens.len(), 4);
        assert_eq!(tokens[0], a.stem(Lang::Italian, "perche"));
        assert_eq!(tokens[1], "i");
        assert_eq!(tokens[2], a.stem(Lang::Italian, "governo"));
    }

    #[test]
    fn query_forms_cover_both_languages() {
        let forms = query_forms("Governi");
        assert!(forms.contains(&"governi".to_string()));
        assert!(forms.contains(&Analyzer::default().stem(Lang::Italian, "governo")));
        assert_eq!(query_forms("ue"), vec!["ue".to_string()]);
    }

    #[test]
    fn language_tags_and_detection() {
        assert_eq!(Lang::from_tag(Some("it-IT")), Lang::Italian);
        assert_eq!(Lang::from_tag(Some("en_GB")), Lang::English);
        assert_eq!(Lang::from_tag(Some("fr")), Lang::Other);
        assert_eq!(Lang::from_tag(None), Lang::Other);
        assert_eq!(
            detect(
                "Il governo ha approvato ieri sera la legge di bilancio dopo una lunga discussione in parlamento"
            ),
            Some("it")
        );
        assert_eq!(
            detect(
                "The government approved the budget last night after a long debate in parliament about taxes"
            ),
            Some("en")
        );
        assert_eq!(detect("Ciao"), None);
    }
}
