//! Finding the feed behind an address: the feed itself, or the first feed
//! a web page advertises.

use super::{FetchError, Http, get_document};
use crate::ingest::{self, Format, ParseError};

/// A feed found at an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The feed's address (after permanent redirects).
    pub url: String,
    /// The feed's own title, when the address was the feed.
    pub title: Option<String>,
    /// True when the address was a page that advertised the feed.
    pub from_page: bool,
}

/// Why no feed was found at an address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    #[error("{url}: {source}")]
    Fetch { url: String, source: FetchError },
    #[error("{url}: {problem}")]
    Unreadable { url: String, problem: ParseError },
    #[error("{url}: a web page that advertises no feed")]
    NoFeedAdvertised { url: String },
    #[error("{url}: not a feed or web page ({})", format.name())]
    NotFeedOrPage { url: String, format: Format },
}

/// Fetches `url` and finds its feed; the error says why there is none.
pub fn discover(http: &Http, url: &str) -> Result<Found, DiscoverError> {
    let doc = get_document(http, url).map_err(|source| DiscoverError::Fetch {
        url: url.to_string(),
        source,
    })?;
    let parsed = ingest::parse_bytes(&doc.bytes, &doc.source()).map_err(|problem| {
        DiscoverError::Unreadable {
            url: url.to_string(),
            problem,
        }
    })?;
    match parsed.format {
        Format::Rss | Format::Atom | Format::JsonFeed => Ok(Found {
            url: doc.moved_to.clone().unwrap_or_else(|| url.to_string()),
            title: parsed.feed.and_then(|f| f.title),
            from_page: false,
        }),
        Format::Html => ingest::discover_feeds(&doc.bytes, &doc.final_url)
            .into_iter()
            .next()
            .map(|first| Found {
                url: first,
                title: None,
                from_page: true,
            })
            .ok_or_else(|| DiscoverError::NoFeedAdvertised {
                url: url.to_string(),
            }),
        format => Err(DiscoverError::NotFeedOrPage {
            url: url.to_string(),
            format,
        }),
    }
}
