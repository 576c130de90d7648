//! A query's words and phrases as an FTS5 match expression over the tokens
//! the index holds (see `text::stem` and `text::scripts`). Every term is
//! quoted, so no user text is FTS5 syntax.

use super::query::{MAX_TERMS, Query};
use crate::text::scripts::{self, Tokens};
use crate::text::{fold_terms, term_words};

/// One thing to look up: a word, or a run of an unspaced script.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Piece {
    Word(String),
    /// The run's query tokens (`scripts::Tokens::Query`).
    Run(String),
}

impl Query {
    /// The FTS5 match expression, or None when there is nothing to match
    /// (only filters). Each word matches any form the index may hold it in
    /// (folded, or its Italian or English stem); stopwords are left out
    /// unless nothing else is asked; phrases match in any one language. A
    /// run of Chinese, Japanese, Korean or Thai matches inside longer runs;
    /// one such character alone matches every run holding it.
    pub fn fts(&self, prefix_last: bool) -> Option<String> {
        self.fts_with(prefix_last, &[])
    }

    /// The word `fts(true)` matches as a prefix, folded as the index holds
    /// its words; None when it matches no prefix.
    pub fn typed_word(&self) -> Option<String> {
        let wanted = self.wanted();
        match wanted.last() {
            Some(Piece::Word(w)) if self.prefix_applies(&wanted) => Some(w.clone()),
            _ => None,
        }
    }

    /// `fts(true)` with the typed word's prefix spelled out as the words
    /// of the index it begins (`typed_word`): FTS5 merges every word of a
    /// prefix into one list before it returns a row, while an OR of words
    /// returns the newest rows first. An empty list keeps the prefix.
    pub fn fts_expanded(&self, words: &[String]) -> Option<String> {
        self.fts_with(true, words)
    }

    fn fts_with(&self, prefix_last: bool, expansion: &[String]) -> Option<String> {
        let wanted = self.wanted();
        let prefix = prefix_last && self.prefix_applies(&wanted);
        let last = wanted.len().saturating_sub(1);
        let typing = |i: usize| prefix && i == last;
        let content = wanted
            .iter()
            .enumerate()
            .any(|(i, p)| !is_stopword(p) || typing(i));
        let mut parts: Vec<String> = Vec::new();
        for (i, piece) in wanted.iter().enumerate() {
            if content && !typing(i) && is_stopword(piece) {
                continue;
            }
            parts.push(match piece {
                Piece::Word(w) if typing(i) => typed_form(w, expansion),
                piece => piece_form(piece),
            });
        }
        parts.extend(self.phrases.iter().filter_map(|p| phrase_forms(p)));
        // `title:`: the phrase in the title column only.
        parts.extend(
            self.title
                .iter()
                .filter_map(|t| phrase_forms(t).map(|f| format!("title : {f}"))),
        );
        if parts.is_empty() {
            return None;
        }
        let expr = parts.join(" AND ");
        // One NOT over a flat OR: an excluded token can split into many
        // words, and nesting a NOT per word overflows FTS5's parser stack.
        let mut excluded: Vec<Piece> = Vec::new();
        for piece in self.excluded.iter().flat_map(|w| pieces(w)) {
            if excluded.len() < MAX_TERMS && !excluded.contains(&piece) {
                excluded.push(piece);
            }
        }
        if excluded.is_empty() {
            return Some(expr);
        }
        let forms: Vec<String> = excluded.iter().map(piece_form).collect();
        Some(format!("({expr}) NOT ({})", forms.join(" OR ")))
    }
}

impl Query {
    /// The query's words as pieces to look up, repeats and excess left out.
    fn wanted(&self) -> Vec<Piece> {
        let mut wanted: Vec<Piece> = self.words.iter().flat_map(|w| pieces(w)).collect();
        // A word can fold into several ("l'art-déco"): repeats and excess
        // go here too.
        let mut seen = std::collections::HashSet::new();
        wanted.retain(|p| seen.insert(p.clone()));
        wanted.truncate(MAX_TERMS);
        wanted
    }

    /// Whether the last word is a prefix while typing. A prefix of one or
    /// two letters matches most of the store: only longer ones are.
    fn prefix_applies(&self, wanted: &[Piece]) -> bool {
        self.phrases.is_empty()
            && matches!(wanted.last(), Some(Piece::Word(w)) if w.chars().count() >= 3)
    }
}

/// The pieces of one query word: its folded words, and its runs of
/// unspaced scripts.
fn pieces(word: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (unspaced, run) in scripts::runs(word) {
        if unspaced {
            let mut tokens = String::new();
            scripts::run_tokens_into(run, Tokens::Query, &mut tokens);
            if !tokens.is_empty() {
                out.push(Piece::Run(tokens));
            }
        } else {
            out.extend(term_words(&fold_terms(run)).map(|w| Piece::Word(w.to_string())));
        }
    }
    out
}

fn piece_form(piece: &Piece) -> String {
    match piece {
        Piece::Word(w) => any_form(w),
        // One character: the pairs it begins, or itself ending a run.
        Piece::Run(tokens) if tokens.chars().count() == 1 => format!("{}*", quote(tokens)),
        // The phrase of its pairs.
        Piece::Run(tokens) => quote(tokens),
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', ""))
}

/// A word left out of queries with other words: one letter, or a short
/// function word (`il`, `di`, `the`, `and`). Longer stopwords stay: in
/// "stati uniti", "stati" matters.
fn is_stopword(piece: &Piece) -> bool {
    let Piece::Word(w) = piece else { return false };
    let n = w.chars().count();
    n < 2 || (n <= 3 && crate::text::is_stopword(w))
}

/// An FTS5 expression matching a word in any form the index holds it in.
pub fn any_form(word: &str) -> String {
    let forms = crate::text::stem::query_forms(word);
    if forms.len() == 1 {
        return quote(&forms[0]);
    }
    let quoted: Vec<String> = forms.iter().map(|f| quote(f)).collect();
    format!("({})", quoted.join(" OR "))
}

/// A word being typed: any word it begins (those in `expansion`, when
/// given), or any stem of it that it does not already cover.
fn typed_form(word: &str, expansion: &[String]) -> String {
    let mut parts: Vec<String> = if expansion.is_empty() {
        vec![format!("{}*", quote(word))]
    } else {
        expansion.iter().map(|w| quote(w)).collect()
    };
    for form in crate::text::stem::query_forms(word) {
        if !form.starts_with(word) {
            parts.push(quote(&form));
        }
    }
    if parts.len() == 1 {
        return parts.remove(0);
    }
    format!("({})", parts.join(" OR "))
}

/// A column filter on `any_form`.
/// A word of an unspaced script is the phrase of its pairs.
pub fn any_form_in(column: &str, word: &str) -> String {
    if scripts::may_have_unspaced(word) && word.chars().any(scripts::is_unspaced) {
        let mut parts: Vec<String> = pieces(word)
            .iter()
            .map(|p| format!("{column} : {}", piece_form(p)))
            .collect();
        parts.dedup();
        if !parts.is_empty() {
            return format!("({})", parts.join(" AND "));
        }
    }
    let forms = crate::text::stem::query_forms(word);
    let parts: Vec<String> = forms
        .iter()
        .map(|f| format!("{column} : {}", quote(f)))
        .collect();
    format!("({})", parts.join(" OR "))
}

/// A phrase stemmed as Italian, as English, and only folded; None when
/// it holds no word.
fn phrase_forms(phrase: &str) -> Option<String> {
    use crate::text::stem::{Lang, stem_phrase};
    let mut forms: Vec<String> = Vec::new();
    for lang in [Lang::Other, Lang::Italian, Lang::English] {
        let f = stem_phrase(phrase, lang);
        if !f.is_empty() && !forms.contains(&f) {
            forms.push(f);
        }
    }
    if forms.len() <= 1 {
        return forms.first().map(|f| quote(f));
    }
    let quoted: Vec<String> = forms.iter().map(|f| quote(f)).collect();
    Some(format!("({})", quoted.join(" OR ")))
}
