//! `edicola ignored` and `edicola unignore`, and the ignore rules as the
//! commands that store articles load them.

use std::io::IsTerminal;

use serde_json::json;

use super::open::session;
use super::{Failure, output};
use crate::config::Paths;
use crate::date::{format_date, format_rfc3339};
use crate::ignore::IgnoreRules;

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

/// The ignore rules for a command that stores articles. Any problem in the
/// file stops the command (exit 2) before anything is stored: storing
/// without some of the user's rules would let in what they keep out.
pub fn load_rules(paths: &Paths) -> Result<IgnoreRules, Failure> {
    let file = paths.ignore_file();
    let (rules, problems) = IgnoreRules::load(&file);
    if problems.is_empty() {
        return Ok(rules);
    }
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(Failure::fatal(format!(
        "{}\nfix {} (the reader starts with the rules that work)",
        list.join("\n"),
        file.display()
    )))
}

/// The line an import or fetch ends with when rules kept articles out.
pub fn report_ignored(n: usize) {
    if n > 0 {
        eprintln!(
            "{} ignored by rules in ignore.toml (`edicola ignored` lists them)",
            crate::text::plural::count(n, "new article", "new articles")
        );
    }
}

/// Lists ignored articles, newest first, with the rule that matched.
pub fn list(paths: &Paths, json: bool) -> Result<(), Failure> {
    let s = session(paths).map_err(fatal)?;
    if let Some(warning) = &s.warning {
        eprintln!("edicola: {}", output::lines(warning));
    }
    let store = &s.store;
    let total = store.ignored_count().map_err(fatal)?;
    if !json && std::io::stdout().is_terminal() {
        eprintln!("{total} ignored articles; `edicola unignore ID` brings one back");
    }
    let mut values = Vec::new();
    let mut offset = 0;
    loop {
        let page = store.ignored_page(offset, 500).map_err(fatal)?;
        if page.is_empty() {
            break;
        }
        offset += page.len();
        for row in page {
            if json {
                values.push(json!({
                    "id": row.id,
                    "title": row.title,
                    "source": row.source,
                    "published": row.published.map(format_rfc3339),
                    "rule": row.rule,
                    "ignored_at": format_rfc3339(row.ignored_at),
                }));
            } else {
                let date = row
                    .published
                    .map(format_date)
                    .unwrap_or_else(|| "          ".into());
                println!(
                    "{} {date}  {}  [{}]  rule: {}",
                    output::line(&row.id),
                    output::line(&row.title),
                    output::line(row.source.as_deref().unwrap_or("")),
                    output::line(&row.rule)
                );
            }
        }
    }
    if json {
        println!("{}", output::json_text(&values, true).map_err(fatal)?);
    }
    Ok(())
}

/// Brings an ignored article back (by id or a unique prefix of it).
pub fn unignore(paths: &Paths, id: &str) -> Result<(), Failure> {
    let mut s = session(paths).map_err(fatal)?;
    if let Some(warning) = s.warning {
        return Err(Failure::fatal(warning));
    }
    let Some(full) = s.store.resolve_ignored_id(id).map_err(fatal)? else {
        return Err(Failure::fatal(format!(
            "no ignored article with id {:?} (see `edicola ignored`)",
            output::line(id)
        )));
    };
    s.store.unignore(&full).map_err(fatal)?;
    println!(
        "unignored {}: back in the list, and no rule will ignore it again",
        output::line(&full)
    );
    Ok(())
}
