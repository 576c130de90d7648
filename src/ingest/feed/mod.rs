//! RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed, read through `feed-rs`.
//!
//! Before parsing, the text (already UTF-8) is patched for common quirks
//! that `feed-rs` rejects: `<rss>` without a version it knows, namespace
//! prefixes used without a declaration; if parsing still fails, a feed cut
//! short is closed after its last complete item and parsed again.

mod dates;
mod elements;
mod extras;
pub(crate) mod fast;
mod item;
pub(crate) mod repair;
mod xmltext;

use url::Url;

pub use super::htmltext::plain_text;
use super::{FeedError, FeedMeta, Format, Source};
use crate::model::Article;

/// What one feed holds.
pub struct FeedData {
    pub format: Format,
    pub meta: FeedMeta,
    pub articles: Vec<Article>,
}

/// Parses a feed from UTF-8 text (XML or JSON).
pub fn parse_feed(text: &str, source: &Source) -> Result<FeedData, FeedError> {
    let patched = repair::patch(text);
    let mut data = match fast::parse(&patched, source.url) {
        Some(feed) => convert(feed, source),
        None => parse_patched_with_feed_rs(&patched, source)?,
    };
    if data.format == Format::Rss
        && extras::worth_reading(&patched, &data.articles)
        && let Some(extras) = extras::read(&patched)
    {
        let changed = extras::apply(&mut data.articles, &extras);
        let feed_url = source.url.unwrap_or("");
        for (article, changed) in data.articles.iter_mut().zip(changed) {
            if changed {
                article.id = super::ids::feed_item_id(article, feed_url);
            }
        }
    }
    Ok(data)
}

/// The `feed-rs` path of `parse_feed`, for text already through
/// `repair::patch`: the fallback when the fast RSS reader gives up.
pub(crate) fn parse_patched_with_feed_rs(
    patched: &str,
    source: &Source,
) -> Result<FeedData, FeedError> {
    let feed = match parse_retyping(patched, source.url) {
        Ok(feed) => feed,
        Err(_) if repair::is_itemless(patched) => {
            let format = if patched.contains("<feed") {
                Format::Atom
            } else {
                Format::Rss
            };
            return Ok(FeedData {
                format,
                meta: FeedMeta::default(),
                articles: Vec::new(),
            });
        }
        Err(first)
            if patched
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
        {
            let completed = repair::complete_json_feed(patched).ok_or_else(|| first.clone())?;
            parse_retyping(&completed, source.url).map_err(|_| first)?
        }
        Err(first) => match repair::close_truncated(patched) {
            Some(closed) => parse_retyping(&closed, source.url).map_err(|_| first)?,
            None => return Err(first),
        },
    };
    Ok(convert(feed, source))
}

/// `parse_with_feed_rs`, again with the attributes made readable when it
/// refuses an element's content type (at most a few times).
fn parse_retyping(text: &str, base: Option<&str>) -> Result<feed_rs::model::Feed, FeedError> {
    const MARK: &str = "unsupported content type ";
    let mut text = std::borrow::Cow::Borrowed(text);
    let mut tries = 0;
    loop {
        let error = match parse_with_feed_rs(&text, base) {
            Ok(feed) => return Ok(feed),
            Err(error) => error,
        };
        tries += 1;
        let bad = error.reason.split_once(MARK).map(|(_, bad)| bad.trim());
        match bad
            .filter(|_| tries <= 8)
            .and_then(|bad| elements::retype(&text, bad))
        {
            Some(retyped) => text = std::borrow::Cow::Owned(retyped),
            None => return Err(error),
        }
    }
}

pub(crate) fn parse_with_feed_rs(
    text: &str,
    base: Option<&str>,
) -> Result<feed_rs::model::Feed, FeedError> {
    let text = super::nesting::flatten_xml(text);
    feed_rs::parser::Builder::new()
        .base_uri(base)
        // No invented ids: an empty id means the item had no guid.
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(text.as_bytes())
        .map_err(|e| FeedError {
            reason: e.to_string(),
        })
}

pub(crate) fn convert(feed: feed_rs::model::Feed, source: &Source) -> FeedData {
    use feed_rs::model::FeedType;
    let format = match feed.feed_type {
        FeedType::Atom => Format::Atom,
        FeedType::JSON => Format::JsonFeed,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => Format::Rss,
    };
    let title = feed
        .title
        .as_ref()
        .map(|t| plain_text(&t.content))
        .filter(|t| !t.is_empty());
    let site_url = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| {
            let page = source.url.and_then(|u| Url::parse(u).ok());
            super::ids::resolve_url(page.as_ref(), &l.href)
        });
    // Without the feed's own address, its site's is the next best base.
    let base = source
        .url
        .or(site_url.as_deref())
        .and_then(|u| Url::parse(u).ok());
    let context = item::FeedContext {
        title: title.clone(),
        lang: feed.language.clone(),
        feed_url: source.url.unwrap_or("").to_string(),
        base,
        typed_titles: matches!(format, Format::Atom | Format::JsonFeed),
    };
    let articles = feed
        .entries
        .into_iter()
        .map(|entry| item::convert_entry(entry, &context))
        .collect();
    FeedData {
        format,
        meta: FeedMeta { title, site_url },
        articles,
    }
}
