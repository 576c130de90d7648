//! The search language: words (accent- and case-insensitive, the last one a
//! prefix while typing), "quoted phrases", -excluded words, and filters
//! `source:NAME`, `tag:NAME`, `is:bookmarked`, `is:unread`.

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
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut q = Query::default();
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let (token, tail) = if let Some(inner) = rest.strip_prefix('"') {
                let end = inner.find('"').unwrap_or(inner.len());
                q.phrases.push(inner[..end].to_string());
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
                q.excluded.push(word.to_string());
            } else {
                q.words.push(token.to_string());
            }
        }
        q
    }

    /// The FTS5 match expression, or None when there is nothing to match
    /// (only filters). Every term is quoted, so no user text is syntax.
    pub fn fts(&self, prefix_last: bool) -> Option<String> {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', ""));
        let words: Vec<String> = self
            .words
            .iter()
            .flat_map(|w| {
                crate::text::words(w)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut parts: Vec<String> = words.iter().map(|w| quote(w)).collect();
        // A prefix of one or two letters matches most of the store: only
        // longer prefixes are expanded while typing.
        let long_enough = words.last().is_some_and(|w| w.chars().count() >= 3);
        if prefix_last && self.phrases.is_empty() && long_enough {
            if let Some(last) = parts.last_mut() {
                last.push('*');
            }
        }
        parts.extend(
            self.phrases
                .iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| quote(p)),
        );
        if parts.is_empty() {
            return None;
        }
        let mut expr = parts.join(" ");
        for word in self.excluded.iter().flat_map(|w| {
            crate::text::words(w)
                .map(str::to_string)
                .collect::<Vec<_>>()
        }) {
            expr = format!("({expr}) NOT {}", quote(&word));
        }
        Some(expr)
    }
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
        assert_eq!(
            q.fts(false).as_deref(),
            Some(r#"("perché" "Cina" "big tech") NOT "usa""#)
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing_and_quotes_are_harmless() {
        assert_eq!(
            Query::parse("deep see").fts(true).as_deref(),
            Some(r#""deep" "see"*"#)
        );
        assert_eq!(
            Query::parse("deep s").fts(true).as_deref(),
            Some(r#""deep" "s""#)
        );
        assert_eq!(
            Query::parse(r#"a"b OR c"#).fts(false).as_deref(),
            Some(r#""a" "b" "OR" "c""#)
        );
        assert_eq!(Query::parse("is:bookmarked").fts(true), None);
        assert_eq!(
            Query::parse("NEAR( x").fts(false).as_deref(),
            Some(r#""NEAR" "x""#)
        );
    }
}
