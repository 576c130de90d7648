//! Ignore rules: articles the user never wants to see, kept out of every
//! view as they arrive (fetch, refresh, import) but stored, so that
//! `edicola ignored` shows what was kept out and by which rule.
//!
//! Rules live in `ignore.toml` in the config directory, a file people edit:
//!
//! ```toml
//! [[rule]]
//! query = 'source:"Daily Mail"'
//! [[rule]]
//! query = 'title:horoscope'
//! name = "no horoscopes"   # optional
//! ```
//!
//! Each query is in the search language (`crate::index::query`). A rule
//! that cannot be used is reported with its line and column and left out;
//! the others still apply.

mod compile;
#[cfg(test)]
mod file_tests;
mod matcher;
#[cfg(test)]
mod tests;
mod words;

use std::fmt;
use std::path::{Path, PathBuf};

use toml_edit::{Document, Item, TableLike};

use compile::Compiled;
pub use compile::RuleError;
pub use matcher::Matcher;

use crate::model::Article;

/// The rules file's name in the config directory.
pub const FILE_NAME: &str = "ignore.toml";

/// Bytes of rules file read at most: a file people write is far smaller.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// One rule as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub query: String,
    pub name: Option<String>,
}

impl Rule {
    /// How stored articles name the rule that kept them out.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.query),
            None => self.query.clone(),
        }
    }
}

/// Something in the rules file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// Line and column, from 1, when the problem has a place.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                self.path.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// The usable rules of a file, compiled once.
#[derive(Debug, Default)]
pub struct IgnoreRules {
    rules: Vec<Rule>,
    compiled: Compiled,
}

impl IgnoreRules {
    /// No rules: nothing is ignored.
    pub fn none() -> IgnoreRules {
        IgnoreRules::default()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Some rule has `tag:` (its callers then look up a feed's tags).
    pub fn uses_tags(&self) -> bool {
        self.compiled.rules.iter().any(|r| r.tag.is_some())
    }

    /// Adds a rule; an unusable query is refused and nothing is added.
    pub fn add(&mut self, rule: Rule) -> Result<(), RuleError> {
        self.compiled.add(&rule.query)?;
        self.rules.push(rule);
        Ok(())
    }

    /// A matcher with its own buffers (one per thread).
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher::new(&self.compiled)
    }

    /// The first rule the article matches (`tags`: its feed's).
    pub fn first_match(
        &self,
        matcher: &mut Matcher<'_>,
        article: &Article,
        tags: &[String],
    ) -> Option<&Rule> {
        if self.rules.is_empty() {
            return None;
        }
        matcher
            .first_match(article, tags)
            .and_then(|i| self.rules.get(i))
    }

    /// Reads the rules file; a missing file holds no rules. Whatever is
    /// wrong is returned beside the rules that are right.
    pub fn load(path: &Path) -> (IgnoreRules, Vec<Problem>) {
        let problem = |message: String| Problem {
            path: path.to_path_buf(),
            at: None,
            message,
        };
        let text = match read_capped(path) {
            Ok(Some(text)) => text,
            Ok(None) => return (IgnoreRules::none(), Vec::new()),
            Err(e) => return (IgnoreRules::none(), vec![problem(e.to_string())]),
        };
        IgnoreRules::parse(path, &text)
    }

    /// Reads the text of a rules file (`path` names it in problems).
    pub fn parse(path: &Path, text: &str) -> (IgnoreRules, Vec<Problem>) {
        let mut rules = IgnoreRules::none();
        let mut problems = Vec::new();
        let mut report = |span: Option<std::ops::Range<usize>>, message: String| {
            problems.push(Problem {
                path: path.to_path_buf(),
                at: span.map(|s| line_column(text, s.start)),
                message,
            })
        };
        let doc = match Document::parse(text) {
            Ok(doc) => doc,
            Err(e) => {
                let message = e.message().trim_end().to_string();
                report(e.span(), format!("not valid TOML: {message}"));
                return (rules, problems);
            }
        };
        for (key, item) in doc.as_table().iter() {
            if key != "rule" {
                report(
                    item.span(),
                    format!("unknown key \"{key}\" (expected [[rule]] tables)"),
                );
            }
        }
        let tables: Vec<(&dyn TableLike, Option<std::ops::Range<usize>>)> = match doc.get("rule") {
            None => Vec::new(),
            Some(Item::ArrayOfTables(a)) => a
                .iter()
                .map(|t| (t as &dyn TableLike, t.span().or_else(|| first_span(t))))
                .collect(),
            Some(Item::Value(toml_edit::Value::Array(a))) => {
                let mut tables = Vec::new();
                for v in a.iter() {
                    match v.as_inline_table() {
                        Some(t) => tables.push((t as &dyn TableLike, v.span())),
                        None => report(v.span(), "a rule must be a table with a query".into()),
                    }
                }
                tables
            }
            Some(other) => {
                report(other.span(), "\"rule\" must be [[rule]] tables".into());
                Vec::new()
            }
        };
        for (table, span) in tables {
            match read_rule(table) {
                Ok((rule, query_span)) => {
                    if let Err(e) = rules.add(rule) {
                        report(query_span.or(span), format!("rule skipped: {e}"));
                    }
                }
                Err((at, message)) => report(at.or(span), format!("rule skipped: {message}")),
            }
        }
        (rules, problems)
    }
}

type Span = Option<std::ops::Range<usize>>;

/// One `[[rule]]` table: its rule and where its query is.
fn read_rule(table: &dyn TableLike) -> Result<(Rule, Span), (Span, String)> {
    let mut query = None;
    let mut name = None;
    for (key, item) in table.iter() {
        let text = item.as_str().map(str::to_string);
        match (key, text) {
            ("query", Some(q)) => query = Some((q, item.span())),
            ("name", Some(n)) => name = Some(n),
            ("query" | "name", None) => {
                return Err((item.span(), format!("\"{key}\" must be a string")));
            }
            (other, _) => {
                return Err((
                    item.span(),
                    format!("unknown key \"{other}\" (a rule has query and name)"),
                ));
            }
        }
    }
    let Some((query, span)) = query else {
        return Err((None, "no query".into()));
    };
    Ok((Rule { query, name }, span))
}

/// Where the first value of a table is (tables of an array of tables may
/// carry no span of their own).
fn first_span(table: &toml_edit::Table) -> Span {
    table.iter().find_map(|(_, item)| item.span())
}

/// Why a rules file was not read (its path is the problem's).
#[derive(Debug, thiserror::Error)]
enum ReadError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("larger than {} KiB: not read", MAX_FILE_BYTES / 1024)]
    TooLarge,
    #[error("not UTF-8 text")]
    NotUtf8,
}

/// The file's text; None when there is no file.
fn read_capped(path: &Path) -> Result<Option<String>, ReadError> {
    use std::io::Read;
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ReadError::NotUtf8)
}

/// Line and column (from 1, the column in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The rules from the config directory, and what is wrong in them as
/// messages for a status bar (the reader starts with the usable rules).
pub fn load_for_reader(paths: &crate::config::Paths) -> (IgnoreRules, Vec<String>) {
    let (rules, problems) = IgnoreRules::load(&paths.ignore_file());
    let messages = problems.iter().map(ToString::to_string).collect();
    (rules, messages)
}

/// The rules beside a subscriptions file (both live in the config
/// directory), for the reader's refresh, which is given that file.
pub fn load_beside(subscriptions_file: &Path) -> IgnoreRules {
    let dir = subscriptions_file.parent().unwrap_or(Path::new("."));
    IgnoreRules::load(&dir.join(FILE_NAME)).0
}
