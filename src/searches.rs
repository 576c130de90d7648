//! Saved searches ("smart feeds"): `searches.toml` in the config directory,
//! one `[[search]]` table per search. A person can edit it; Edicola edits
//! it in place with toml_edit (comments and layout survive) and saves it
//! atomically.
//!
//! ```toml
//! [[search]]
//! name = "Chips"
//! query = 'nvidia chips -rumour source:reuters'
//! ```

use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::index::query::Query;

/// One saved search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchesError {
    /// The file is not TOML: nothing in it can be used.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot save: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("a saved search is already called “{0}”")]
    Exists(String),
    #[error("no saved search is called “{0}”")]
    Missing(String),
    #[error("a saved search needs a name")]
    NoName,
}

/// The searches file, loaded: the searches that can be used, and what is
/// wrong with the others (each names the file, line and column).
#[derive(Debug)]
pub struct SearchesFile {
    path: PathBuf,
    doc: DocumentMut,
    pub searches: Vec<SavedSearch>,
    pub problems: Vec<String>,
}

impl SearchesFile {
    /// Loads the file; a missing file holds no searches.
    pub fn load(path: &Path) -> Result<SearchesFile, SearchesError> {
        let text = crate::fsutil::read_optional(path)
            .map_err(|source| SearchesError::Read {
                path: path.into(),
                source,
            })?
            .unwrap_or_default();
        SearchesFile::parse(path, &text)
    }

    /// Reads the text of the file at `path` (named in errors). A table
    /// that is not a usable search is skipped and reported in `problems`.
    pub fn parse(path: &Path, text: &str) -> Result<SearchesFile, SearchesError> {
        let spanned = toml_edit::Document::parse(text).map_err(|e| {
            let (line, column) = line_column(text, e.span().map_or(0, |s| s.start));
            SearchesError::Parse {
                path: path.into(),
                line,
                column,
                message: e.message().trim_end().to_string(),
            }
        })?;
        let at = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = line_column(text, span.map_or(0, |s| s.start));
            format!("{}:{line}:{column}: {message}", path.display())
        };
        let mut searches: Vec<SavedSearch> = Vec::new();
        let mut problems = Vec::new();
        match spanned.get("search") {
            None => {}
            Some(item) => match item.as_array_of_tables() {
                None => problems.push(at(
                    item.span(),
                    "`search` must be a list of [[search]] tables".into(),
                )),
                Some(tables) => {
                    for t in tables {
                        match read_search(t) {
                            Ok(s) if searches.iter().any(|o| o.name == s.name) => problems
                                .push(at(t.span(), format!("a second search called “{}”", s.name))),
                            Ok(s) => searches.push(s),
                            Err((span, m)) => problems.push(at(span.or(t.span()), m)),
                        }
                    }
                }
            },
        }
        let doc: DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| SearchesError::Parse {
                    path: path.into(),
                    line: 1,
                    column: 1,
                    message: e.message().to_string(),
                })?;
        Ok(SearchesFile {
            path: path.into(),
            doc,
            searches,
            problems,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The search called `name`.
    pub fn find(&self, name: &str) -> Option<&SavedSearch> {
        self.searches.iter().find(|s| s.name == name)
    }

    /// Adds a search under a new name.
    pub fn add(&mut self, search: SavedSearch) -> Result<(), SearchesError> {
        let name = search.name.trim().to_string();
        if name.is_empty() {
            return Err(SearchesError::NoName);
        }
        if self.find(&name).is_some() {
            return Err(SearchesError::Exists(name));
        }
        let mut table = Table::new();
        table["name"] = value(name.as_str());
        table["query"] = value(search.query.as_str());
        if !self.doc.contains_key("search") {
            self.doc["search"] = Item::ArrayOfTables(ArrayOfTables::new());
        }
        if let Some(list) = self.doc["search"].as_array_of_tables_mut() {
            list.push(table);
        }
        self.searches.push(SavedSearch {
            name,
            query: search.query,
        });
        Ok(())
    }

    /// Renames a search.
    pub fn rename(&mut self, old: &str, new: &str) -> Result<(), SearchesError> {
        let new = new.trim();
        if new.is_empty() {
            return Err(SearchesError::NoName);
        }
        if old != new && self.find(new).is_some() {
            return Err(SearchesError::Exists(new.to_string()));
        }
        let table = self.table_mut(old)?;
        set_keeping_decor(table, "name", new);
        if let Some(s) = self.searches.iter_mut().find(|s| s.name == old) {
            s.name = new.to_string();
        }
        Ok(())
    }

    /// Removes a search; returns it.
    pub fn remove(&mut self, name: &str) -> Result<SavedSearch, SearchesError> {
        let index = self.table_index(name)?;
        if let Some(list) = self.doc["search"].as_array_of_tables_mut() {
            list.remove(index);
        }
        let at = self
            .searches
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| SearchesError::Missing(name.to_string()))?;
        Ok(self.searches.remove(at))
    }

    /// The position of the table named `name` among all `[[search]]`
    /// tables (skipped ones included).
    fn table_index(&self, name: &str) -> Result<usize, SearchesError> {
        self.doc
            .get("search")
            .and_then(Item::as_array_of_tables)
            .and_then(|l| {
                l.iter()
                    .position(|t| t.get("name").and_then(Item::as_str) == Some(name))
            })
            .ok_or_else(|| SearchesError::Missing(name.to_string()))
    }

    fn table_mut(&mut self, name: &str) -> Result<&mut Table, SearchesError> {
        let index = self.table_index(name)?;
        self.doc["search"]
            .as_array_of_tables_mut()
            .and_then(|l| l.get_mut(index))
            .ok_or_else(|| SearchesError::Missing(name.to_string()))
    }

    /// Saves atomically.
    pub fn save(&self) -> Result<(), SearchesError> {
        crate::fsutil::write_atomic(&self.path, self.doc.to_string().as_bytes()).map_err(|source| {
            SearchesError::Write {
                path: self.path.clone(),
                source,
            }
        })
    }
}

/// Sets a string value, keeping the comment and spacing around the old one.
fn set_keeping_decor(table: &mut Table, key: &str, text: &str) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(v) => {
            let decor = v.decor().clone();
            *v = text.into();
            *v.decor_mut() = decor;
        }
        None => table[key] = value(text),
    }
}

type Problem = (Option<std::ops::Range<usize>>, String);

fn read_search(t: &Table) -> Result<SavedSearch, Problem> {
    let field = |key: &str| -> Result<String, Problem> {
        let item = t
            .get(key)
            .ok_or_else(|| (t.span(), format!("`{key}` (a string) is required")))?;
        item.as_str()
            .map(str::to_string)
            .ok_or_else(|| (item.span(), format!("`{key}` must be a string")))
    };
    let name = field("name")?.trim().to_string();
    if name.is_empty() {
        return Err((t.get("name").and_then(Item::span), "`name` is empty".into()));
    }
    let query = field("query")?;
    let span = t.get("query").and_then(Item::span);
    if query.trim().is_empty() {
        return Err((span, "`query` is empty".into()));
    }
    if let Some(problem) = Query::parse(&query).problem() {
        return Err((span, format!("search “{name}”: {problem}")));
    }
    Ok(SavedSearch { name, query })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> SearchesFile {
        SearchesFile::parse(Path::new("searches.toml"), text).expect("parses")
    }

    #[test]
    fn reads_searches_and_reports_bad_ones_with_line_and_column() {
        let f = parse(
            "# mine\n[[search]]\nname = \"Chips\"\nquery = \"nvidia\"\n\n[[search]]\nname = \"Bad\"\nquery = \"colour:red\"\n\n[[search]]\nname = 3\nquery = \"x\"\n",
        );
        assert_eq!(
            f.searches,
            vec![SavedSearch {
                name: "Chips".into(),
                query: "nvidia".into()
            }]
        );
        assert_eq!(f.problems.len(), 2, "{:?}", f.problems);
        assert!(
            f.problems[0].starts_with("searches.toml:8:9:"),
            "{:?}",
            f.problems
        );
        assert!(f.problems[0].contains("colour"), "{:?}", f.problems);
        assert!(
            f.problems[1].starts_with("searches.toml:11:8:"),
            "{:?}",
            f.problems
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_an_error_with_its_position() {
        let e = SearchesFile::parse(Path::new("s.toml"), "[[search]\nname = 1").unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("s.toml:1:"), "{text}");
    }

    #[test]
    fn add_rename_remove_keep_comments() {
        let mut f = parse("# my searches\n[[search]]\nname = \"A\" # first\nquery = \"a\"\n");
        f.add(SavedSearch {
            name: "B".into(),
            query: "b tag:x".into(),
        })
        .expect("adds");
        assert!(matches!(
            f.add(SavedSearch {
                name: "A".into(),
                query: "z".into()
            }),
            Err(SearchesError::Exists(_))
        ));
        f.rename("A", "Alpha").expect("renames");
        let text = f.doc.to_string();
        assert!(
            text.contains("# my searches") && text.contains("# first"),
            "{text}"
        );
        let again = parse(&text);
        let names: Vec<_> = again.searches.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Alpha", "B"]);
        f.remove("Alpha").expect("removes");
        assert_eq!(parse(&f.doc.to_string()).searches.len(), 1);
        assert!(matches!(f.remove("Nope"), Err(SearchesError::Missing(_))));
    }

    #[test]
    fn saves_atomically_and_reloads() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("searches.toml");
        let mut f = SearchesFile::load(&path).expect("missing is empty");
        assert!(f.searches.is_empty());
        f.add(SavedSearch {
            name: "Rust".into(),
            query: "rust".into(),
        })
        .expect("adds");
        f.save().expect("saves");
        let back = SearchesFile::load(&path).expect("loads");
        assert_eq!(back.searches, f.searches);
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_column("", 10), (1, 1));
    }
}
