//! The article model shared by the store, the importers and the UI.

use serde::{Deserialize, Serialize};

mod block;
pub use block::{Block, MAX_SPANS, Span, SpanKind, list_marker};

/// One article, as stored and shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Stable id: derived from the URL when known, else from source and title.
    pub id: String,
    pub title: String,
    /// Site or feed name.
    pub source: Option<String>,
    pub url: Option<String>,
    /// The feed's own identifier for the item (RSS guid, Atom id), if any.
    pub guid: Option<String>,
    pub byline: Option<String>,
    /// Publication time, seconds since the Unix epoch (UTC).
    pub published: Option<i64>,
    pub standfirst: Option<String>,
    pub category: Option<String>,
    /// Every author the source names, when it names several (`byline`
    /// shows them joined).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Every category or tag the source gives, when it gives several
    /// (`category` is the first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// BCP 47 language tag when known (e.g. "it", "en").
    pub lang: Option<String>,
    /// Body paragraphs, plain text: one per block of `blocks` when it is
    /// not empty (see `Article::set_blocks`).
    pub body: Vec<String>,
    /// The body's structure; empty when the body is plain paragraphs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Related entries listed by the source page itself.
    pub related: Vec<RelatedEntry>,
    /// Links found inside the article.
    pub links: Vec<Link>,
}

/// A related headline listed by the source page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedEntry {
    pub title: String,
    pub blurb: Option<String>,
    pub category: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
}

/// A link inside an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// A feed the user follows, as read from or written to OPML.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subscription {
    /// The feed's address (OPML `xmlUrl`).
    pub url: String,
    pub title: Option<String>,
    /// The site the feed belongs to (OPML `htmlUrl`).
    pub site_url: Option<String>,
    /// The folders the outline sits in, outermost first.
    pub tags: Vec<String>,
}
