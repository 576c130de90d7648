//! Subscription commands: add, feeds, remove, fetch.

use std::io::{IsTerminal, Write};

use serde_json::json;

use super::Failure;
use super::open::session;
use super::output::{json_text, line, lines};
use crate::config::Paths;
use crate::fetch;
use crate::ingest;
use crate::model::Subscription;
use crate::subs::SubsFile;

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

fn load_subs(paths: &Paths) -> Result<SubsFile, Failure> {
    SubsFile::load(&paths.subscriptions_file()).map_err(fatal)
}

/// Subscribes to a feed; given a web page, to the feed it advertises.
pub fn add(
    paths: &Paths,
    url: &str,
    title: Option<String>,
    tags: Vec<String>,
) -> Result<(), Failure> {
    let mut subs = load_subs(paths)?;
    let found =
        fetch::discover(&fetch::default_http(), url).map_err(|e| Failure::input(e.to_string()))?;
    if found.from_page {
        println!("found feed {}", line(&found.url));
    }
    let (feed_url, feed_title) = (found.url, found.title);
    let sub = Subscription {
        url: feed_url.clone(),
        title: title.or(feed_title),
        tags,
        ..Subscription::default()
    };
    if subs.add(&sub) {
        subs.save().map_err(fatal)?;
        println!(
            "subscribed to {}; run `edicola fetch` to get its articles",
            line(&feed_url)
        );
    } else {
        println!("already subscribed to {}", line(&feed_url));
    }
    Ok(())
}

/// Lists subscriptions with their last status, or exports them as OPML.
pub fn list(paths: &Paths, json_out: bool, opml: bool) -> Result<(), Failure> {
    let subs = load_subs(paths)?;
    if opml {
        print!("{}", lines(&ingest::opml::export(&subs.subscriptions())));
        return Ok(());
    }
    let session = session(paths).map_err(fatal)?;
    let mut rows = Vec::new();
    for feed in &subs.feeds {
        let state = session
            .store
            .feed_state(&feed.url)
            .map_err(fatal)?
            .unwrap_or_default();
        let count = session.store.feed_article_count(&feed.url).map_err(fatal)?;
        rows.push((feed, state, count));
    }
    if json_out {
        let values: Vec<_> = rows
            .iter()
            .map(|(f, s, n)| {
                json!({
                    "url": f.url,
                    "title": f.title.clone().or(s.title.clone()),
                    "tags": f.tags,
                    "articles": n,
                    "last_fetch": s.last_fetch.map(crate::date::format_rfc3339),
                    "status": s.last_status,
                    "error": s.last_error,
                })
            })
            .collect();
        println!("{}", json_text(&values, true).map_err(fatal)?);
    } else if rows.is_empty() {
        println!("No subscriptions. Add one with: edicola add URL");
    } else {
        for (f, s, n) in rows {
            let title = f.title.clone().or(s.title.clone()).unwrap_or_default();
            let status = match (&s.last_status, &s.last_error) {
                (_, Some(e)) => format!("error: {e}"),
                (Some(st), None) => st.clone(),
                (None, None) => "never fetched".into(),
            };
            let tags = if f.tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", f.tags.join(", "))
            };
            println!(
                "{}  {}  {}  ({})",
                line(&f.url),
                line(&format!("{title}{tags}")),
                crate::text::plural::count(n, "article", "articles"),
                line(&status)
            );
        }
    }
    Ok(())
}

/// Unsubscribes (by URL or its 1-based position in `edicola feeds`); the
/// feed's articles go too, except bookmarked ones.
pub fn remove(paths: &Paths, which: &str) -> Result<(), Failure> {
    let mut subs = load_subs(paths)?;
    let url = match which.parse::<usize>() {
        Ok(n) if n >= 1 && n <= subs.feeds.len() => subs.feeds[n - 1].url.clone(),
        _ => which.to_string(),
    };
    if subs.remove(&url).is_none() {
        return Err(Failure::input(format!(
            "not subscribed to {which:?} (see `edicola feeds`)"
        )));
    }
    subs.save().map_err(fatal)?;
    let mut session = session(paths).map_err(fatal)?;
    let removed = session.store.forget_feed(&url).map_err(fatal)?;
    println!(
        "unsubscribed from {} ({} removed)",
        line(&url),
        crate::text::plural::count(removed, "article", "articles")
    );
    Ok(())
}

/// Fetches every subscription; exits 1 if any failed, after doing the rest.
pub fn fetch_all(paths: &Paths, force: bool) -> Result<(), Failure> {
    let mut subs = load_subs(paths)?;
    if subs.feeds.is_empty() {
        println!("No subscriptions. Add one with: edicola add URL");
        return Ok(());
    }
    let rules = super::ignored::load_rules(paths)?;
    let mut session = session(paths).map_err(fatal)?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    session.store.set_ignore_rules(std::sync::Arc::new(rules));
    session.store.bulk_writes();
    let before: Vec<String> = subs.feeds.iter().map(|f| f.url.clone()).collect();
    let bar = std::io::stderr().is_terminal();
    let reports = fetch::update_all(
        &mut session.store,
        &mut subs,
        &fetch::default_http(),
        force,
        |done, total, report| {
            if bar {
                let width = 30;
                let filled = done * width / total.max(1);
                let mut err = std::io::stderr();
                let _ = write!(
                    err,
                    "\r\x1b[2K[{}{}] {done}/{total} {}",
                    "=".repeat(filled),
                    " ".repeat(width - filled),
                    crate::text::wrap::truncate(&line(&report.name), 40)
                );
                let _ = err.flush();
            } else {
                println!("{}", line(&report.line()));
            }
        },
    )
    .map_err(fatal)?;
    if bar {
        eprint!("\r\x1b[2K");
        for r in &reports {
            println!("{}", line(&r.line()));
        }
    }
    if subs.feeds.iter().map(|f| &f.url).ne(before.iter()) {
        subs.save().map_err(fatal)?;
    }
    // Large feeds leave their articles to the index queue: build it now.
    super::index::build_index(&mut session.store)?;
    let (added, skipped) = reports
        .iter()
        .map(|r| match r.outcome {
            fetch::Outcome::Updated {
                added,
                removed_skipped,
                ..
            } => (added, removed_skipped),
            _ => (0, 0),
        })
        .fold((0, 0), |(a, s), (added, skipped)| (a + added, s + skipped));
    let failed = reports.iter().filter(|r| r.failed()).count();
    eprintln!(
        "{}, {}{}, {failed} failed",
        crate::text::plural::count(reports.len(), "feed", "feeds"),
        crate::text::plural::count(added, "new article", "new articles"),
        super::import::removed_skipped(skipped)
    );
    super::ignored::report_ignored(reports.iter().map(fetch::Report::ignored).sum());
    if failed > 0 {
        return Err(Failure::input(format!(
            "{failed} of {} failed",
            crate::text::plural::count(reports.len(), "feed", "feeds")
        )));
    }
    Ok(())
}

/// Adds subscriptions (from OPML) to the file; returns how many were new.
pub fn add_subscriptions(paths: &Paths, found: &[Subscription]) -> Result<usize, Failure> {
    if found.is_empty() {
        return Ok(0);
    }
    let mut subs = load_subs(paths)?;
    let added = found.iter().filter(|s| subs.add(s)).count();
    if added > 0 {
        subs.save().map_err(fatal)?;
    }
    Ok(added)
}
