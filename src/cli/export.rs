//! `edicola export` (articles as Markdown, text, JSON or HTML) and
//! `edicola bookmarks export` (Markdown, JSON or a browser's bookmarks
//! file), to stdout or to a new file.

use std::path::{Path, PathBuf};

use super::Failure;
use super::commands::{for_reading, resolve, stored_json, stored_text};
use super::output;
use crate::config::Paths;
use crate::export;

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

/// The formats of `edicola export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ArticleFormat {
    /// Markdown
    Md,
    /// Plain text, as `show` prints it
    Txt,
    /// JSON, as `show --json` prints it (a list for several articles)
    Json,
    /// A standalone HTML document
    Html,
}

/// The formats of `edicola bookmarks export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BookmarksFormat {
    /// A Markdown list
    Md,
    /// JSON: id, title, source, url, published, bookmarked
    Json,
    /// A browser bookmarks file (Netscape format: Firefox, Chrome…)
    Netscape,
}

/// Where an export goes: a new file (replaced only when forced), else
/// stdout.
#[derive(Debug, Clone)]
pub struct Destination {
    pub output: Option<PathBuf>,
    pub force: bool,
}

/// Exports articles by id (or unique prefix), in the order given.
pub fn articles(
    paths: &Paths,
    ids: &[String],
    format: ArticleFormat,
    to: &Destination,
) -> Result<(), Failure> {
    let session = for_reading(paths)?;
    let store = &session.store;
    let mut articles = Vec::with_capacity(ids.len());
    for id in ids {
        let full = resolve(store, id)?;
        let article = store
            .get(&full)
            .map_err(fatal)?
            .ok_or_else(|| Failure::input(format!("no article with id {id:?}")))?;
        articles.push(article);
    }
    let text = match format {
        ArticleFormat::Md => articles
            .iter()
            .map(export::markdown)
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        ArticleFormat::Txt => {
            let mut parts = Vec::new();
            for a in &articles {
                parts.push(stored_text(store, a)?);
            }
            parts.join("\n")
        }
        ArticleFormat::Json => {
            let mut values = Vec::new();
            for a in &articles {
                values.push(stored_json(store, a)?);
            }
            let value = match values.len() {
                1 => values.remove(0),
                _ => serde_json::Value::Array(values),
            };
            format!("{}\n", output::json_text(&value, true).map_err(fatal)?)
        }
        ArticleFormat::Html => {
            let title = match articles.as_slice() {
                [one] => one.title.clone(),
                _ => "Articles".to_string(),
            };
            export::html::document(&title, &articles)
        }
    };
    deliver(&text, to)
}

/// Exports every bookmark.
pub fn bookmarks(paths: &Paths, format: BookmarksFormat, to: &Destination) -> Result<(), Failure> {
    let session = for_reading(paths)?;
    let rows = session.store.bookmarked().map_err(fatal)?;
    let text = match format {
        BookmarksFormat::Md => export::bookmarks::markdown(&rows),
        BookmarksFormat::Json => format!(
            "{}\n",
            output::json_text(&export::bookmarks::json(&rows), true).map_err(fatal)?
        ),
        BookmarksFormat::Netscape => {
            let left_out = export::bookmarks::without_address(&rows);
            if left_out > 0 {
                eprintln!(
                    "edicola: {left_out} of {} bookmarks left out: no web address to open",
                    rows.len()
                );
            }
            export::bookmarks::netscape(&rows)
        }
    };
    deliver(&text, to)?;
    if to.output.is_some() {
        eprintln!("{} exported", count(rows.len(), "bookmark"));
    }
    Ok(())
}

/// "1 bookmark", "3 bookmarks".
fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

/// Writes the export to its file, or prints it (made safe for a terminal).
fn deliver(text: &str, to: &Destination) -> Result<(), Failure> {
    match &to.output {
        Some(path) if path != Path::new("-") => {
            export::write_new(path, text.as_bytes(), to.force).map_err(|e| match e {
                export::WriteError::Exists(_) => Failure::fatal(e.to_string()),
                export::WriteError::Io { .. } => fatal(e),
            })?;
            eprintln!("wrote {}", output::line(&path.to_string_lossy()));
            Ok(())
        }
        _ => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(output::lines(text).as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| fatal(format!("cannot write: {e}")))
        }
    }
}
