//! The search language: words (accent- and case-insensitive, the last one a
//! prefix while typing), "quoted phrases", -excluded words, and filters
//! `source:NAME`, `tag:NAME`, `is:bookmarked`, `is:unread`.

/// Words, phrases and excluded words a query keeps: each is a lookup in
/// the index, and past a few dozen they no longer change the results.
pub const MAX_TERMS: usize = 32;

/// Bytes of query text read (a long paste is cut at a character).
pub const MAX_QUERY_BYTES: usize = 1024;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<String>,
    pub phrases: Vec<String>,
    pub excluded: Vec<String>,
    pub source: Option<String>,
    pub tag: Option<String>,
    pub bookmarked: bool,
    pub unread: bool,
    /// Text or terms were left out (`MAX_QUERY_BYTES`, `MAX_TERMS`).
    pub cut: bool,
}

impl Query {
    /// Repeated terms count once.
    pub fn parse(text: &str) -> Query {
        let mut q = Query::default();
        let mut end = text.len().min(MAX_QUERY_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        q.cut = end < text.len();
        let mut rest = &text[..end];
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let (token, tail) = if let Some(inner) = rest.strip_prefix('"') {
                let end = inner.find('"').unwrap_or(inner.len());
                q.add_term(Term::Phrase, &inner[..end]);
                ("", inner.get(end + 1..).unwrap_or(""))
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            };
            rest = tail;
            if token.is_empty() {
                continue;
            }
            let lower = token.to_lowercase();
            if let Some(v) = lower.strip_prefix("source:") {
                q.source = Some(token[token.len() - v.len()..].replace('_', " "));
            } else if let Some(v) = lower.strip_prefix("tag:") {
                q.tag = Some(token[token.len() - v.len()..].to_string());
            } else if lower == "is:bookmarked" || lower == "is:bookmark" {
                q.bookmarked = true;
            } else if lower == "is:unread" {
                q.unread = true;
            } else if let Some(word) = token.strip_prefix('-').filter(|w| !w.is_empty()) {
                q.add_term(Term::Excluded, word);
            } else {
                q.add_term(Term::Word, token);
            }
        }
        q
    }

    fn add_term(&mut self, kind: Term, text: &str) {
        let list = match kind {
            Term::Word => &self.words,
            Term::Phrase => &self.phrases,
            Term::Excluded => &self.excluded,
        };
        if list.iter().any(|t| t == text) {
            return;
        }
        if self.words.len() + self.phrases.len() + self.excluded.len() >= MAX_TERMS {
            self.cut = true;
            return;
        }
        match kind {
            Term::Word => &mut self.words,
            Term::Phrase => &mut self.phrases,
            Term::Excluded => &mut self.excluded,
        }
        .push(text.to_string());
    }

    /// The FTS5 match expression, or None when there is nothing to match
    /// (only filters). Every term is quoted, so no user text is syntax.
    /// Each word matches any form the index may hold it in (folded, or its
    /// Italian or English stem); stopwords are left out unless nothing else
    /// is asked; phrases match in any one language.
    pub fn fts(&self, prefix_last: bool) -> Option<String> {
        let mut words: Vec<String> = self
            .words
            .iter()
            .flat_map(|w| {
                crate::text::words(&crate::text::fold(w))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        // A word can fold into several ("l'art-déco"): repeats and excess
        // go here too.
        let mut seen = std::collections::HashSet::new();
        words.retain(|w| seen.insert(w.clone()));
        words.truncate(MAX_TERMS);
        // A prefix of one or two letters matches most of the store: only
        // longer prefixes are expanded while typing.
        let prefix = prefix_last
            && self.phrases.is_empty()
            && words.last().is_some_and(|w| w.chars().count() >= 3);
        let last = words.len().saturating_sub(1);
        let mut parts: Vec<String> = Vec::new();
        let content = words
            .iter()
            .enumerate()
            .any(|(i, w)| !is_stopword(w) || (prefix && i == last));
        for (i, w) in words.drain(..).enumerate() {
            let typing = prefix && i == last;
            if content && !typing && is_stopword(&w) {
                continue;
            }
            parts.push(if typing { typed_form(&w) } else { any_form(&w) });
        }
        parts.extend(
            self.phrases
                .iter()
                .filter(|p| !crate::text::fold_key(p).is_empty())
                .map(|p| phrase_forms(p)),
        );
        if parts.is_empty() {
            return None;
        }
        let expr = parts.join(" AND ");
        // One NOT over a flat OR: an excluded token can split into many
        // words, and nesting a NOT per word overflows FTS5's parser stack.
        let mut excluded: Vec<String> = Vec::new();
        for word in self.excluded.iter().flat_map(|w| {
            crate::text::words(w)
                .map(str::to_string)
                .collect::<Vec<_>>()
        }) {
            if excluded.len() < MAX_TERMS && !excluded.contains(&word) {
                excluded.push(word);
            }
        }
        if excluded.is_empty() {
            return Some(expr);
        }
        let forms: Vec<String> = excluded.iter().map(|w| any_form(w)).collect();
        Some(format!("({expr}) NOT ({})", forms.join(" OR ")))
    }
}

#[derive(Clone, Copy)]
enum Term {
    Word,
    Phrase,
    Excluded,
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', ""))
}

/// A word left out of queries with other words: one letter, or a short
/// function word (`il`, `di`, `the`, `and`). Longer stopwords stay: in
/// "stati uniti", "stati" matters.
fn is_stopword(w: &str) -> bool {
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

/// A word being typed: any word it begins, or any stem of it that it does
/// not already cover.
fn typed_form(word: &str) -> String {
    let mut parts = vec![format!("{}*", quote(word))];
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
pub fn any_form_in(column: &str, word: &str) -> String {
    let forms = crate::text::stem::query_forms(word);
    let parts: Vec<String> = forms
        .iter()
        .map(|f| format!("{column} : {}", quote(f)))
        .collect();
    format!("({})", parts.join(" OR "))
}

/// A phrase stemmed as Italian, as English, and only folded.
fn phrase_forms(phrase: &str) -> String {
    use crate::text::stem::{Lang, stem_phrase};
    let mut forms: Vec<String> = Vec::new();
    for lang in [Lang::Other, Lang::Italian, Lang::English] {
        let f = stem_phrase(phrase, lang);
        if !forms.contains(&f) {
            forms.push(f);
        }
    }
    if forms.len() == 1 {
        return quote(&forms[0]);
    }
    let quoted: Vec<String> = forms.iter().map(|f| quote(f)).collect();
    format!("({})", quoted.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_phrases_exclusions_and_filters() {
        let q = Query::parse(r#"perché Cina "big tech" -usa source:InfoAut is:unread tag:tech"#);
        assert_eq!(q.words, ["perché", "Cina"]);
        assert_eq!(q.phrases, ["big tech"]);
        assert_eq!(q.excluded, ["usa"]);
        assert_eq!(q.source.as_deref(), Some("InfoAut"));
        assert_eq!(q.tag.as_deref(), Some("tech"));
        assert!(q.unread && !q.bookmarked);
        let expr = q.fts(false).unwrap_or_default();
        assert!(expr.starts_with(r#"(("perche" OR"#), "{expr}");
        assert!(expr.contains(r#"("cina" OR "cin")"#), "{expr}");
        assert!(expr.contains(r#""big tech""#), "{expr}");
        assert!(expr.ends_with(r#"NOT ("usa")"#), "{expr}");
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing_and_quotes_are_harmless() {
        assert_eq!(
            Query::parse("deep see").fts(true).as_deref(),
            Some(r#""deep" AND "see"*"#)
        );
        assert_eq!(
            Query::parse("deep s").fts(true).as_deref(),
            Some(r#""deep""#)
        );
        assert_eq!(
            Query::parse(r#"a"b OR c"#).fts(false).as_deref(),
            Some(r#""a" AND "b" AND "or" AND "c""#)
        );
        assert_eq!(Query::parse("is:bookmarked").fts(true), None);
        assert_eq!(
            Query::parse("NEAR( x").fts(false).as_deref(),
            Some(r#""near""#)
        );
    }

    #[test]
    fn words_match_their_stems_and_stopwords_drop_out() {
        let expr = Query::parse("il governi").fts(false).unwrap_or_default();
        assert_eq!(expr, r#"("governi" OR "govern")"#);
        // Only stopwords: they are the query.
        assert_eq!(Query::parse("the").fts(false).as_deref(), Some(r#""the""#));
        // Long stopwords stay; a lone letter being typed goes.
        let expr = Query::parse("stati u").fts(true).unwrap_or_default();
        assert_eq!(expr, r#"("stati" OR "stat")"#);
    }

    #[test]
    fn repeated_terms_count_once_and_long_queries_are_cut() {
        let q = Query::parse("deep deep \"a b\" \"a b\" -x -x deep");
        assert_eq!(
            (q.words.len(), q.phrases.len(), q.excluded.len()),
            (1, 1, 1)
        );
        assert!(!q.cut);
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        let q = Query::parse(&many);
        assert_eq!(q.words.len(), MAX_TERMS);
        assert!(q.cut);
        let long = "è".repeat(MAX_QUERY_BYTES);
        let q = Query::parse(&long);
        assert!(q.cut && q.words[0].len() <= MAX_QUERY_BYTES);
        let glued = "-a".repeat(MAX_QUERY_BYTES / 2);
        let expr = Query::parse(&format!("x{glued}"))
            .fts(false)
            .unwrap_or_default();
        assert_eq!(expr, r#""x" AND "a""#, "one word, repeated");
    }

    #[test]
    fn excluded_words_stay_flat_and_bounded_whatever_they_split_into() {
        let glued: String = (0..200).map(|i| format!("w{i}`")).collect();
        let expr = Query::parse(&format!("x -{glued}"))
            .fts(false)
            .unwrap_or_default();
        assert_eq!(expr.matches("NOT").count(), 1, "{expr}");
        assert_eq!(expr.matches(" OR ").count(), MAX_TERMS - 1, "{expr}");
        assert!(expr.starts_with(r#"("x") NOT ("w0" OR "w1" OR"#), "{expr}");
    }
}
