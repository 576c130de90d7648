//! `edicola import-newsboat`: newsboat's urls file and cache into
//! Edicola's subscriptions, saved searches and store (see `newsboat`).

use std::collections::HashMap;
use std::path::PathBuf;

use super::Failure;
use super::open::session;
use super::output::{self, line};
use crate::config::Paths;
use crate::newsboat::{self, Cache, Summary, Target};
use crate::searches::SearchesFile;
use crate::store::Store;
use crate::subs::SubsFile;

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

/// How `import-newsboat` runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub urls: Option<PathBuf>,
    pub cache: Option<PathBuf>,
    pub dry_run: bool,
    pub json: bool,
}

/// Imports what newsboat's files hold; prints what was (or would be) done.
pub fn import(paths: &Paths, opts: Options) -> Result<(), Failure> {
    let urls_file = locate(opts.urls, "urls")?;
    let cache_file = locate(opts.cache, "cache.db")?;
    if urls_file.is_none() && cache_file.is_none() {
        return Err(Failure::fatal(
            "found no newsboat files (see above); name them with --urls FILE and --cache FILE",
        ));
    }
    let urls = match &urls_file {
        Some(f) => {
            let text = std::fs::read(f)
                .map_err(|e| fatal(format!("{}: cannot read: {e}", f.display())))?;
            newsboat::parse_urls(&String::from_utf8_lossy(&text))
        }
        None => newsboat::Urls::default(),
    };
    let cache = cache_file
        .as_deref()
        .map(Cache::open)
        .transpose()
        .map_err(fatal)?;
    let mut summary = Summary::default();
    let mut subs = SubsFile::load(&paths.subscriptions_file()).map_err(fatal)?;
    let mut searches = SearchesFile::load(&paths.searches_file()).map_err(fatal)?;
    newsboat::plan_urls(&urls, &mut subs, &mut searches, &mut summary);
    let titles: HashMap<String, String> = urls
        .feeds
        .iter()
        .filter_map(|f| Some((f.url.clone(), f.title.clone()?)))
        .collect();
    if opts.dry_run {
        // Nothing is written: not even a store that is not there yet.
        let file = paths.store_file();
        let store = match file.is_file() {
            true => Some(Store::open_read_only(&file).map_err(fatal)?),
            false => None,
        };
        if let Some(cache) = &cache {
            newsboat::import_cache(cache, &titles, Target::DryRun(store.as_ref()), &mut summary)
                .map_err(fatal)?;
        }
    } else {
        if !summary.feeds_added.is_empty() {
            subs.save().map_err(fatal)?;
        }
        if !summary.searches_added.is_empty() {
            searches.save().map_err(fatal)?;
        }
        if let Some(cache) = &cache {
            let mut s = session(paths).map_err(fatal)?;
            if let Some(warning) = s.warning {
                return Err(Failure::fatal(warning));
            }
            let rules = super::ignored::load_rules(paths)?;
            s.store.set_ignore_rules(std::sync::Arc::new(rules));
            newsboat::import_cache(cache, &titles, Target::Store(&mut s.store), &mut summary)
                .map_err(fatal)?;
            super::index::build_index(&mut s.store)?;
        }
    }
    if opts.json {
        let value = serde_json::json!({
            "dry_run": opts.dry_run,
            "urls": urls_file,
            "cache": cache_file,
            "summary": summary,
        });
        println!("{}", output::json_text(&value, true).map_err(fatal)?);
    } else {
        print!("{}", report(&summary, opts.dry_run));
    }
    Ok(())
}

/// The file given, else newsboat's default one if it exists (saying where
/// it looked when none does).
fn locate(given: Option<PathBuf>, name: &str) -> Result<Option<PathBuf>, Failure> {
    if let Some(path) = given {
        if !path.is_file() {
            return Err(Failure::fatal(format!("{}: no such file", path.display())));
        }
        return Ok(Some(path));
    }
    let home = directories::BaseDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."));
    let (found, tried) = newsboat::default_file(&home, name);
    match &found {
        Some(path) => eprintln!("edicola: reading {}", line(&path.to_string_lossy())),
        None => eprintln!(
            "edicola: no newsboat {name} at {}",
            tried
                .iter()
                .map(|p| line(&p.to_string_lossy()).into_owned())
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
    Ok(found)
}

/// The summary for people: what was added, what was there, what was left
/// out and why.
fn report(s: &Summary, dry_run: bool) -> String {
    let added = if dry_run { "to add" } else { "added" };
    let mut out = String::new();
    if dry_run {
        out.push_str("Dry run: nothing was changed.\n");
    }
    out.push_str(&format!(
        "Subscriptions: {} {added}, {} already there\n",
        s.feeds_added.len(),
        s.feeds_present
    ));
    for url in &s.feeds_added {
        out.push_str(&format!("  + {}\n", line(url)));
    }
    for (n, url, why) in &s.lines_skipped {
        out.push_str(&format!("  skipped (urls line {n}) {}: {why}\n", line(url)));
    }
    out.push_str(&format!(
        "Saved searches: {} {added}, {} already there, {} not translatable\n",
        s.searches_added.len(),
        s.searches_present,
        s.queries_skipped.len()
    ));
    for (name, query) in &s.searches_added {
        out.push_str(&format!("  + {}: {}\n", line(name), line(query)));
    }
    for (name, expr, why) in &s.queries_skipped {
        out.push_str(&format!(
            "  skipped {} ({}): {}\n",
            line(name),
            line(expr),
            line(why)
        ));
    }
    let flags = s
        .flags
        .iter()
        .map(|(c, n)| format!("{c} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" (flags: {flags})")
    };
    out.push_str(&format!(
        "Articles: {} {added} ({} read, {}{flags}), {} already stored",
        s.articles_added,
        s.articles_read,
        bookmarks(s.bookmarks),
        s.articles_present
    ));
    if s.articles_removed > 0 {
        out.push_str(&format!(
            ", {} removed earlier, skipped",
            s.articles_removed
        ));
    }
    if s.articles_ignored > 0 {
        out.push_str(&format!(
            ", {} kept out by ignore rules",
            s.articles_ignored
        ));
    }
    out.push('\n');
    out
}

fn bookmarks(n: usize) -> String {
    match n {
        1 => "1 bookmark".into(),
        n => format!("{n} bookmarks"),
    }
}
