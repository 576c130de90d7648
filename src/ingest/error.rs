//! Why some bytes could not be read as a feed, a web page, OPML or a text
//! copy, in sentences for the user (the caller adds the file or address).

use super::textpage::TextPageError;

/// A document none of the importers could read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the file is empty")]
    Empty,
    #[error("this is a binary file, not a feed, a web page or a text copy")]
    Binary,
    /// Starts like JSON but does not parse (the parser's reason).
    #[error("not a feed or page: invalid JSON ({0})")]
    InvalidJson(String),
    #[error("not a feed or page: JSON, but not a JSON Feed (no jsonfeed version)")]
    NotJsonFeed,
    #[error("not a feed or page: {0}")]
    Feed(#[from] FeedError),
    #[error(transparent)]
    Opml(#[from] OpmlError),
    #[error("not a feed or page: no article text found in this page")]
    NoArticle,
    #[error(transparent)]
    TextPage(#[from] TextPageError),
}

/// A feed `feed-rs` refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid feed: {reason}")]
pub struct FeedError {
    pub reason: String,
}

/// An OPML document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    /// Broken XML before any subscription (the XML reader's reason).
    #[error("not valid OPML: {0}")]
    Xml(String),
    #[error("not valid OPML: no <opml> element")]
    NoOpmlElement,
}
