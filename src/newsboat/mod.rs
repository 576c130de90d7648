//! Coming from newsboat: its subscriptions (with tags and `~` titles),
//! its query feeds as saved searches, and from its cache the articles with
//! their read state, flagged ones as bookmarks. newsboat's files are only
//! read. Articles go through the store's usual duplicate keys, and marks
//! are set only on articles this import added, so a second run adds
//! nothing and undoes no change made in Edicola since.

mod cache;
pub mod query;
mod urls;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use cache::{Cache, CacheError, CacheFeed, CacheItem};
pub use urls::{QueryFeed, SkippedLine, Urls, UrlsFeed, parse as parse_urls};

use crate::ingest::htmltext::{html_to_text, squash};
use crate::model::{Article, Subscription};
use crate::store::{Store, StoreError};

/// Where newsboat keeps a file: `~/.newsboat/NAME`, else the XDG place
/// (`$XDG_CONFIG_HOME/newsboat/urls`, `$XDG_DATA_HOME/newsboat/cache.db`),
/// whichever exists; None when neither does.
pub fn default_file(home: &Path, name: &str) -> (Option<PathBuf>, Vec<PathBuf>) {
    let xdg = |var: &str, fallback: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .unwrap_or_else(|| home.join(fallback))
    };
    let xdg_dir = match name {
        "urls" => xdg("XDG_CONFIG_HOME", ".config"),
        _ => xdg("XDG_DATA_HOME", ".local/share"),
    };
    let tried = vec![
        home.join(".newsboat").join(name),
        xdg_dir.join("newsboat").join(name),
    ];
    (tried.iter().find(|p| p.is_file()).cloned(), tried)
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Subscriptions added (their addresses).
    pub feeds_added: Vec<String>,
    /// Subscriptions already there.
    pub feeds_present: usize,
    /// Saved searches added: name and query.
    pub searches_added: Vec<(String, String)>,
    /// Query feeds whose name a saved search already has.
    pub searches_present: usize,
    /// Query feeds that could not become searches: name, filter, why.
    pub queries_skipped: Vec<(String, String, String)>,
    /// Lines of the urls file left out: line, address, why.
    pub lines_skipped: Vec<(usize, String, String)>,
    /// Articles added, and among them those read and those bookmarked.
    pub articles_added: usize,
    pub articles_read: usize,
    pub bookmarks: usize,
    /// Flag letters of the bookmarked articles, with how many have each.
    pub flags: BTreeMap<char, usize>,
    /// Articles the store had already.
    pub articles_present: usize,
    /// Articles not added: removed in Edicola earlier, or kept out by an
    /// ignore rule.
    pub articles_removed: usize,
    pub articles_ignored: usize,
}

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum NewsboatError {
    #[error(transparent)]
    Cache(#[from] CacheError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Subs(#[from] crate::subs::SubsError),
    #[error(transparent)]
    Searches(#[from] crate::searches::SearchesError),
}

/// The subscriptions and searches of a urls file, added to the files
/// loaded (in memory: the caller saves them, unless dry-running).
pub fn plan_urls(
    urls: &Urls,
    subs: &mut crate::subs::SubsFile,
    searches: &mut crate::searches::SearchesFile,
    summary: &mut Summary,
) {
    for f in &urls.feeds {
        let sub = Subscription {
            url: f.url.clone(),
            title: f.title.clone(),
            site_url: None,
            tags: f.tags.clone(),
        };
        if subs.add(&sub) {
            summary.feeds_added.push(f.url.clone());
        } else {
            summary.feeds_present += 1;
        }
    }
    for q in &urls.queries {
        if searches.find(&q.name).is_some() {
            summary.searches_present += 1;
            continue;
        }
        match query::translate(&q.expr) {
            Ok(query) => {
                let search = crate::searches::SavedSearch {
                    name: q.name.clone(),
                    query: query.clone(),
                };
                match searches.add(search) {
                    Ok(()) => summary.searches_added.push((q.name.clone(), query)),
                    Err(e) => summary.queries_skipped.push((
                        q.name.clone(),
                        q.expr.clone(),
                        e.to_string(),
                    )),
                }
            }
            Err(why) => {
                summary
                    .queries_skipped
                    .push((q.name.clone(), q.expr.clone(), why.to_string()))
            }
        }
    }
    summary.lines_skipped = urls
        .skipped
        .iter()
        .map(|s| (s.line, s.url.clone(), s.why.to_string()))
        .collect();
}

/// Where the cache's articles go.
pub enum Target<'a> {
    /// Into this store.
    Store(&'a mut Store),
    /// Nowhere: only counted, against the store when there is one.
    DryRun(Option<&'a Store>),
}

/// The cache's articles into the store (or only counted, in a dry run).
pub fn import_cache(
    cache: &Cache,
    titles: &HashMap<String, String>,
    mut into: Target,
    summary: &mut Summary,
) -> Result<(), NewsboatError> {
    let feed_titles: HashMap<String, String> = cache
        .feeds()?
        .into_iter()
        .filter(|f| !f.title.trim().is_empty())
        .map(|f| (f.rssurl, f.title))
        .collect();
    for feedurl in cache.item_feeds()? {
        let source = titles.get(&feedurl).or(feed_titles.get(&feedurl));
        let items = cache.items(&feedurl)?;
        let mut new = Vec::new();
        for item in &items {
            let article = article(item, source.map(String::as_str));
            let known = match &into {
                Target::Store(store) => stored(store, &article)?,
                Target::DryRun(Some(store)) => stored(store, &article)?,
                Target::DryRun(None) => false,
            };
            if known {
                summary.articles_present += 1;
            } else {
                new.push((article, item));
            }
        }
        let Target::Store(store) = &mut into else {
            for (_, item) in &new {
                count_marks(item, summary);
            }
            summary.articles_added += new.len();
            continue;
        };
        let articles: Vec<Article> = new.iter().map(|(a, _)| a.clone()).collect();
        let stats = store.upsert_feed(&feedurl, &articles, None)?;
        summary.articles_removed += stats.removed_skipped;
        summary.articles_ignored += stats.ignored;
        for (article, item) in &new {
            // Not stored: removed earlier, or kept out by a rule.
            if store.get(&article.id)?.is_none() {
                continue;
            }
            summary.articles_added += 1;
            if !item.unread {
                store.set_read(&article.id, true)?;
            }
            if !item.flags.trim().is_empty() {
                store.set_bookmarked(&article.id, true)?;
            }
            count_marks(item, summary);
        }
    }
    Ok(())
}

fn count_marks(item: &CacheItem, summary: &mut Summary) {
    if !item.unread {
        summary.articles_read += 1;
    }
    let letters: Vec<char> = item
        .flags
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    if !item.flags.trim().is_empty() {
        summary.bookmarks += 1;
    }
    for c in letters {
        *summary.flags.entry(c).or_default() += 1;
    }
}

/// An item of the cache as an article, its body read from its HTML as a
/// feed's is.
pub fn article(item: &CacheItem, source: Option<&str>) -> Article {
    let base = url::Url::parse(item.base.trim())
        .or_else(|_| url::Url::parse(item.url.trim()))
        .ok();
    let text = html_to_text(&item.content, base.as_ref());
    let url = Some(item.url.trim().to_string()).filter(|u| !u.is_empty());
    let title = Some(squash(&item.title))
        .filter(|t| !t.is_empty())
        .or_else(|| url.clone())
        .unwrap_or_else(|| "(untitled)".into());
    let mut article = Article {
        title,
        source: source.map(str::to_string),
        url,
        guid: Some(item.guid.trim().to_string()).filter(|g| !g.is_empty()),
        byline: Some(squash(&item.author)).filter(|a| !a.is_empty()),
        published: (item.pub_date > 0).then_some(item.pub_date),
        ..Article::default()
    };
    article.links = text.into_body(&mut article);
    article.id = crate::ingest::feed_item_id(&article, &item.feedurl);
    article
}

/// True when the store has the article: by id, or by address.
pub fn stored(store: &Store, article: &Article) -> Result<bool, StoreError> {
    if store.get(&article.id)?.is_some() {
        return Ok(true);
    }
    match article.url.as_deref() {
        Some(url) => Ok(store.find_by_url(url)?.is_some()),
        None => Ok(false),
    }
}
