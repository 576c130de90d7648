//! The search language: words (case- and accent-insensitive, the last one
//! a prefix while typing; in scripts written without spaces, any run of
//! characters), "quoted phrases", -excluded words, and filters
//! `source:NAME`, `tag:NAME` (a prefix of a word of the name, folded:
//! `source:bbc`, `source:bbc_news`, `source:"BBC News"`), `author:NAME`
//! (the byline, named the same way), `title:WORD` or `title:"a phrase"`
//! (in the title only), `is:bookmarked`, `is:unread`. Compiled to FTS5 in
//! `compile`; ignore rules (`crate::ignore`) use the same language.
//!
//! Parsing never fails: what it cannot use is reported by
//! [`Query::problem`] while the rest is still searched, so results can
//! follow a query being typed.

/// Words, phrases and excluded words a query keeps: each is a lookup in
/// the index, and past a few dozen they no longer change the results.
pub const MAX_TERMS: usize = 32;

/// Bytes of query text read (a long paste is cut at a character).
pub const MAX_QUERY_BYTES: usize = 1024;

/// The filters, as a problem message lists them.
const FILTERS: &str = "source:, tag:, title:, author:, is:bookmarked, is:unread";

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<String>,
    pub phrases: Vec<String>,
    pub excluded: Vec<String>,
    /// `source:` as typed (see [`matching_names`]).
    pub source: Option<String>,
    /// `tag:` as typed (see [`matching_names`]).
    pub tag: Option<String>,
    /// `author:` as typed: names the byline as `source:` names a source.
    pub author: Option<String>,
    /// `title:` values: words or phrases that must be in the title.
    pub title: Vec<String>,
    pub bookmarked: bool,
    pub unread: bool,
    /// Text or terms were left out (`MAX_QUERY_BYTES`, `MAX_TERMS`).
    pub cut: bool,
    problem: Option<Problem>,
}

/// Something in a query that was not searched for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// `foo:bar` where `foo` is no filter (the text is `foo:`).
    #[error("unknown filter \"{0}\" (filters: {FILTERS})")]
    UnknownFilter(String),
    /// `is:` with something else than `bookmarked` or `unread`.
    #[error("unknown \"{0}\" (is:bookmarked, is:unread)")]
    UnknownIs(String),
    /// A `"` without its closing one: the phrase runs to the end.
    #[error("unclosed quote")]
    UnclosedQuote,
}

impl Query {
    /// Repeated terms count once. Never fails: see [`Query::problem`].
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
            if let Some(inner) = rest.strip_prefix('"') {
                let (phrase, tail) = q.quoted(inner);
                q.add_term(Term::Phrase, phrase);
                rest = tail;
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (token, tail) = rest.split_at(end);
            let whole = rest;
            rest = tail;
            if let Some((name, value)) = filter_parts(token) {
                let value = match value.strip_prefix('"') {
                    // A quoted value runs to its closing quote, spaces and all.
                    Some(_) => {
                        let at = token.len() - value.len() + 1;
                        let (v, tail) = q.quoted(&whole[at..]);
                        rest = tail;
                        v
                    }
                    None => value,
                };
                q.add_filter(name, value);
            } else if let Some(word) = token.strip_prefix('-').filter(|w| !w.is_empty()) {
                q.add_term(Term::Excluded, word);
            } else {
                q.add_term(Term::Word, token);
            }
        }
        q
    }

    /// What in the query was not searched for, if anything (the first of
    /// them): an unknown filter or an unclosed quote. Meant to be shown
    /// next to the results of the rest, e.g. as a hint under a prompt.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// The text after an opening quote up to the closing one, and what
    /// follows it.
    fn quoted<'t>(&mut self, inner: &'t str) -> (&'t str, &'t str) {
        match inner.find('"') {
            Some(end) => (&inner[..end], &inner[end + 1..]),
            None => {
                self.report(Problem::UnclosedQuote);
                (inner, "")
            }
        }
    }

    fn report(&mut self, problem: Problem) {
        self.problem.get_or_insert(problem);
    }

    fn add_filter(&mut self, name: &str, value: &str) {
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            // An empty name (`source:""`) is one being typed.
            "source" if !value.is_empty() => self.source = Some(value.to_string()),
            "tag" if !value.is_empty() => self.tag = Some(value.to_string()),
            "author" if !value.is_empty() => self.author = Some(value.to_string()),
            "title" if !value.is_empty() => {
                if self.title.len() < MAX_TERMS && !self.title.iter().any(|t| t == value) {
                    self.title.push(value.to_string());
                }
            }
            "source" | "tag" | "author" | "title" => {}
            "is" => match value.to_lowercase().as_str() {
                "bookmarked" | "bookmark" => self.bookmarked = true,
                "unread" => self.unread = true,
                _ => self.report(Problem::UnknownIs(format!("is:{value}"))),
            },
            _ => self.report(Problem::UnknownFilter(format!("{name}:"))),
        }
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
}

#[derive(Clone, Copy)]
enum Term {
    Word,
    Phrase,
    Excluded,
}

/// A filter's name and value: letters, a colon, then a value starting with
/// a letter, a digit or a quote. So `https://…`, `10:30` and a word ending
/// a sentence with `:` are words, not filters.
fn filter_parts(token: &str) -> Option<(&str, &str)> {
    let (name, value) = token.split_once(':')?;
    let named = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic());
    let valued = value
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '"');
    (named && valued).then_some((name, value))
}

/// How a `source:` or `tag:` value names a source or tag. Both are
/// folded (case, accents) and punctuation such as `_` and `-` reads as a
/// space; the value must begin the name or one of its words (`bbc`,
/// `bbc_news` and `News` all name "BBC News").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// The whole name: when some name is matched whole, only those count
    /// (`source:"BBC News"` is not also "BBC News Mundo").
    Whole,
    /// The start of the name or of one of its words.
    Start,
}

/// How `value` names `name`, if it does (see [`NameMatch`]).
pub fn name_match(value: &str, name: &str) -> Option<NameMatch> {
    let wanted = crate::text::fold_key(value);
    let name = crate::text::fold_key(name);
    if wanted.is_empty() {
        None
    } else if name == wanted {
        Some(NameMatch::Whole)
    } else if name.starts_with(&wanted) || name.contains(&format!(" {wanted}")) {
        Some(NameMatch::Start)
    } else {
        None
    }
}

/// The names of `names` that `value` names: the whole ones if any, else
/// those it begins a word of.
pub fn matching_names(value: &str, names: Vec<String>) -> Vec<String> {
    let mut matched: Vec<(NameMatch, String)> = names
        .into_iter()
        .filter_map(|n| name_match(value, &n).map(|m| (m, n)))
        .collect();
    if matched.iter().any(|(m, _)| *m == NameMatch::Whole) {
        matched.retain(|(m, _)| *m == NameMatch::Whole);
    }
    matched.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests;
