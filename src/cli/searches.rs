//! `edicola searches`: the saved searches with their counts.

use serde_json::json;

use super::Failure;
use super::commands::for_reading;
use super::output::{json_text, line};
use crate::config::Paths;
use crate::searches::SearchesFile;
use crate::store::Filter;

/// Lists the saved searches of `searches.toml` with unread and total
/// counts. Searches that cannot be used are named on stderr (file, line,
/// column) and make the command exit with 2 after the others are listed.
pub fn list(paths: &Paths, json_out: bool) -> Result<(), Failure> {
    let file =
        SearchesFile::load(&paths.searches_file()).map_err(|e| Failure::fatal(e.to_string()))?;
    let session = for_reading(paths)?;
    let mut rows = Vec::new();
    for s in &file.searches {
        let filter = Filter {
            query: Some(s.query.clone()),
            ..Filter::default()
        };
        let counts = session
            .store
            .filter_counts(&filter)
            .map_err(|e| Failure::fatal(e.to_string()))?;
        rows.push((s, counts));
    }
    if json_out {
        let values: Vec<_> = rows
            .iter()
            .map(|(s, c)| json!({"name": s.name, "query": s.query, "unread": c.unread, "total": c.total}))
            .collect();
        println!(
            "{}",
            json_text(&values, true).map_err(|e| Failure::fatal(e.to_string()))?
        );
    } else if rows.is_empty() && file.problems.is_empty() {
        println!("No saved searches. In the reader, search with / and save it with ctrl-s.");
    } else {
        for (s, c) in &rows {
            println!(
                "{}\t{}/{}\t{}",
                line(&s.name),
                c.unread,
                c.total,
                line(&s.query)
            );
        }
    }
    if file.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::fatal(format!(
            "skipped: {}",
            file.problems.join("; ")
        )))
    }
}
