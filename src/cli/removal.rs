//! `edicola remove-article`: the reader's `d` from the shell.

use serde_json::json;

use super::Failure;
use super::commands::resolve;
use super::open::session;
use super::output;
use crate::config::Paths;

/// Removes one article (its marks stay, as in the reader) and prints its
/// id and title.
pub fn remove_article(paths: &Paths, id: &str, json: bool) -> Result<(), Failure> {
    let mut session = session(paths).map_err(|e| Failure::fatal(e.to_string()))?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    let full_id = resolve(&session.store, id)?;
    let removed = session
        .store
        .remove(&full_id)
        .map_err(|e| Failure::fatal(e.to_string()))?
        .ok_or_else(|| Failure::input(format!("no article with id {id:?}")))?;
    let title = &removed.article.title;
    if json {
        let value = json!({ "id": full_id, "title": title, "removed": true });
        let text = output::json_text(&value, true).map_err(|e| Failure::fatal(e.to_string()))?;
        println!("{text}");
    } else {
        println!("removed {} {}", output::line(&full_id), output::line(title));
    }
    Ok(())
}
