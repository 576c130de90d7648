//! Keeping subscriptions up to date: fetch every feed over HTTP, several at
//! a time, parse it off the writing thread, and write each feed's articles in
//! one transaction. Used by `edicola fetch` and the reader's background
//! refresh alike.

mod discover;
mod error;
pub mod http;

pub use discover::{DiscoverError, Found, discover};
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use crate::ingest::{self, Format, Source};
use crate::model::Article;
use crate::store::{FeedState, Prepared, Store, StoreError};
use crate::subs::{Feed, SubsFile};
pub use error::FetchError;
pub use http::{Fetched, Http, Validators};

/// How many feeds are fetched at once.
pub const CONCURRENCY: usize = 6;

/// What happened to one subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub url: String,
    pub name: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Updated {
        added: usize,
        updated: usize,
        /// Articles the user removed earlier, not stored again.
        removed_skipped: usize,
        /// New articles ignore rules kept out.
        ignored: usize,
    },
    NotModified,
    /// Fetched more recently than its `min_interval`.
    Skipped,
    Failed(FetchError),
}

impl Report {
    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }

    /// New articles ignore rules kept out.
    pub fn ignored(&self) -> usize {
        match self.outcome {
            Outcome::Updated { ignored, .. } => ignored,
            _ => 0,
        }
    }

    /// One line for people: "Name: 3 new", "Name: failed: HTTP 404 Not Found".
    pub fn line(&self) -> String {
        let what = match &self.outcome {
            Outcome::Updated {
                added,
                updated,
                ignored: 0,
                ..
            } => format!("{added} new, {updated} updated"),
            Outcome::Updated {
                added,
                updated,
                ignored,
                ..
            } => format!("{added} new, {updated} updated, {ignored} ignored"),
            Outcome::NotModified => "not modified".to_string(),
            Outcome::Skipped => "skipped (fetched recently)".to_string(),
            Outcome::Failed(why) => format!("failed: {why}"),
        };
        format!("{}: {what}", self.name)
    }
}

/// The result of fetching and parsing, before anything is written.
struct Downloaded {
    index: usize,
    result: Result<(Option<Parsed>, Option<String>), FetchError>,
}

struct Parsed {
    title: Option<String>,
    site_url: Option<String>,
    /// Prepared for storing on the worker thread.
    articles: Vec<Prepared>,
    validators: Validators,
}

/// Fetches every subscription (or only those not fetched within their
/// `min_interval`, unless `force`), calling `progress(done, total, report)`
/// after each. A failing feed is reported and does not stop the others.
/// Permanent redirects update the subscriptions file.
pub fn update_all(
    store: &mut Store,
    subs: &mut SubsFile,
    http: &Http,
    force: bool,
    mut progress: impl FnMut(usize, usize, &Report),
) -> Result<Vec<Report>, StoreError> {
    let tags: Vec<(String, Vec<String>)> = subs
        .feeds
        .iter()
        .map(|f| (f.url.clone(), f.tags.clone()))
        .collect();
    store.sync_tags(&tags)?;
    let now = crate::store::now();
    let mut states = Vec::new();
    let mut todo = Vec::new();
    let mut reports: Vec<Option<Report>> = vec![None; subs.feeds.len()];
    for (i, feed) in subs.feeds.iter().enumerate() {
        let state = store.feed_state(&feed.url)?.unwrap_or_else(|| FeedState {
            url: feed.url.clone(),
            ..FeedState::default()
        });
        let recent = match (feed.min_interval, state.last_fetch) {
            (Some(interval), Some(last)) => now - last < interval,
            _ => false,
        };
        if recent && !force {
            reports[i] = Some(Report {
                url: feed.url.clone(),
                name: name(feed, &state),
                outcome: Outcome::Skipped,
            });
        } else {
            todo.push(i);
        }
        states.push(state);
    }
    let total = subs.feeds.len();
    let mut done = 0;
    for report in reports.iter().flatten() {
        done += 1;
        progress(done, total, report);
    }
    let queue = Mutex::new(todo.clone().into_iter());
    let (tx, rx) = mpsc::channel::<Downloaded>();
    let feeds = subs.feeds.clone();
    let rules = store.ignore_rules();
    let rules = rules.as_deref();
    let mut moves = Vec::new();
    std::thread::scope(|scope| -> Result<(), StoreError> {
        for _ in 0..CONCURRENCY.min(todo.len()) {
            let tx = tx.clone();
            let (queue, feeds, states) = (&queue, &feeds, &states);
            scope.spawn(move || {
                let mut matcher = rules.map(|r| (r, r.matcher()));
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some(index) = next else { break };
                    let result = download(http, &feeds[index], &states[index]);
                    let result = result.map(|(mut parsed, moved)| {
                        if let (Some(p), Some((rules, m))) = (&mut parsed, &mut matcher) {
                            for a in &mut p.articles {
                                a.check_rules(rules, m, &feeds[index].tags);
                            }
                        }
                        (parsed, moved)
                    });
                    if tx.send(Downloaded { index, result }).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for got in rx {
            let feed = &feeds[got.index];
            let mut state = states[got.index].clone();
            state.last_fetch = Some(now);
            let outcome = match got.result {
                Err(why) => {
                    state.last_status = Some("error".into());
                    state.last_error = Some(why.to_string());
                    Outcome::Failed(why)
                }
                Ok((None, moved)) => {
                    state.last_status = Some("not modified".into());
                    state.last_error = None;
                    state.new_articles = 0;
                    moves.extend(moved.map(|to| (feed.url.clone(), to)));
                    Outcome::NotModified
                }
                Ok((Some(parsed), moved)) => {
                    let stats =
                        store.upsert_feed_prepared(&feed.url, &parsed.articles, feed.keep)?;
                    state.title = parsed.title;
                    state.site_url = parsed.site_url;
                    state.etag = parsed.validators.etag;
                    state.last_modified = parsed.validators.last_modified;
                    state.last_status = Some("ok".into());
                    state.last_error = None;
                    state.new_articles = stats.added as i64;
                    moves.extend(moved.map(|to| (feed.url.clone(), to)));
                    Outcome::Updated {
                        added: stats.added,
                        updated: stats.updated,
                        removed_skipped: stats.removed_skipped,
                        ignored: stats.ignored,
                    }
                }
            };
            store.save_feed_state(&state)?;
            let report = Report {
                url: feed.url.clone(),
                name: name(feed, &state),
                outcome,
            };
            done += 1;
            progress(done, total, &report);
            reports[got.index] = Some(report);
        }
        Ok(())
    })?;
    for (old, new) in moves {
        store.rename_feed(&old, &new)?;
        subs.set_url(&old, &new);
    }
    Ok(reports.into_iter().flatten().collect())
}

fn name(feed: &Feed, state: &FeedState) -> String {
    feed.title
        .clone()
        .or_else(|| state.title.clone())
        .unwrap_or_else(|| feed.url.clone())
}

/// Fetches and parses one feed (runs on a worker thread).
fn download(
    http: &Http,
    feed: &Feed,
    state: &FeedState,
) -> Result<(Option<Parsed>, Option<String>), FetchError> {
    let validators = Validators {
        etag: state.etag.clone(),
        last_modified: state.last_modified.clone(),
    };
    let response = http.get(&feed.url, &validators)?;
    let Fetched::Body {
        bytes,
        content_type,
        final_url,
        validators,
    } = response.fetched
    else {
        return Ok((None, response.moved_to));
    };
    let source = Source {
        url: Some(&final_url),
        content_type: content_type.as_deref(),
    };
    let parsed = ingest::parse_bytes(&bytes, &source).map_err(FetchError::Unreadable)?;
    if !matches!(parsed.format, Format::Rss | Format::Atom | Format::JsonFeed) {
        return Err(FetchError::NotAFeed(parsed.format.name()));
    }
    let (title, site_url) = parsed
        .feed
        .map(|f| (f.title, f.site_url))
        .unwrap_or_default();
    // The subscription's title, else the feed's, names the source.
    let source = feed.title.clone().or(title.clone());
    let articles = parsed
        .articles
        .into_iter()
        .map(|mut a| {
            if source.is_some() {
                a.source = source.clone();
            }
            Prepared::new(a)
        })
        .collect();
    Ok((
        Some(Parsed {
            title,
            site_url,
            articles,
            validators,
        }),
        response.moved_to,
    ))
}

/// A document fetched without validators, as the importers need it.
#[derive(Debug, Clone)]
pub struct Document {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub final_url: String,
    /// Set when every redirect on the way was permanent.
    pub moved_to: Option<String>,
}

impl Document {
    /// Where the bytes came from, for the importers.
    pub fn source(&self) -> Source<'_> {
        Source {
            url: Some(&self.final_url),
            content_type: self.content_type.as_deref(),
        }
    }
}

/// GETs a document (a feed, a page, an OPML file) unconditionally.
pub fn get_document(http: &Http, url: &str) -> Result<Document, FetchError> {
    let response = http.get(url, &Validators::default())?;
    match response.fetched {
        Fetched::Body {
            bytes,
            content_type,
            final_url,
            ..
        } => Ok(Document {
            bytes,
            content_type,
            final_url,
            moved_to: response.moved_to,
        }),
        Fetched::NotModified => Err(FetchError::Empty),
    }
}

/// Fetches a web page and extracts its full text (for `f` on a feed item
/// that carries only a summary).
pub fn full_text(http: &Http, url: &str) -> Result<Article, FetchError> {
    let doc = get_document(http, url)?;
    ingest::extract_article(&doc.bytes, &doc.source()).map_err(FetchError::Unreadable)
}

/// The default client: 30 s per request.
pub fn default_http() -> Http {
    Http::new(Duration::from_secs(30))
}
