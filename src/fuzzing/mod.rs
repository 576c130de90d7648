//! What the fuzz targets in `fuzz/` run, and their regression tests
//! (`tests/fuzz_regressions.rs`) with them: `targets` holds one function
//! per target (bytes in, a panic on a broken invariant); this module, thin
//! wrappers over the parsers that are not otherwise public. Not an API:
//! hidden from the docs, free to change.

pub mod targets;

use std::borrow::Cow;

use crate::ingest::{
    FeedError, FeedMeta, Format, ParseError, Source, decode as dec, detect as det, feed,
};
use crate::model::Article;
use crate::store::body::{BodyError, StoredBody};

/// The address fuzzed documents are read as coming from, so that relative
/// links are resolved as they are for fetched ones.
pub const BASE_URL: &str = "https://example.org/news/feed.xml";

/// Bytes to text as every importer does it (`ingest::decode`).
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    dec::decode(bytes, content_type)
}

/// The name of the encoding a `charset=` parameter names.
pub fn charset_param(value: &str) -> Option<&'static str> {
    dec::charset_param(value).map(encoding_rs::Encoding::name)
}

/// The XML declaration rewritten to say UTF-8 (before feed parsing).
pub fn strip_xml_encoding(text: &str) -> Cow<'_, str> {
    dec::strip_xml_encoding(text)
}

/// The format of a decoded text (`ingest::detect`).
pub fn detect(text: &str) -> Result<Format, ParseError> {
    det::detect(text)
}

/// What a feed reader made of a feed.
pub type FeedParts = (Format, FeedMeta, Vec<Article>);

/// A feed read the way `parse_feed` reads it when the fast RSS reader
/// gives up: patched, through `feed-rs`, closed after its last complete
/// item if it was cut short.
pub fn feed_rs(text: &str, url: Option<&str>) -> Result<FeedParts, FeedError> {
    let patched = feed::repair::patch(text);
    let source = Source {
        url,
        content_type: None,
    };
    feed::parse_patched_with_feed_rs(&patched, &source).map(|d| (d.format, d.meta, d.articles))
}

/// The same patched text through the fast RSS reader and through
/// `feed-rs`, each converted to articles and shown as debug text; `None`
/// when the fast reader gives up. The fast reader promises to read exactly
/// what `feed-rs` reads, so the two must be equal.
pub fn rss_fast_and_feed_rs(text: &str, url: Option<&str>) -> Option<(String, String)> {
    let source = Source {
        url,
        content_type: None,
    };
    let patched = feed::repair::patch(text);
    let fast = feed::fast::parse(&patched, url)?;
    let show = |d: feed::FeedData| format!("{:?}\n{:?}\n{:?}", d.format, d.meta, d.articles);
    let slow = match feed::parse_with_feed_rs(&patched, url) {
        Ok(slow) => show(feed::convert(slow, &source)),
        Err(e) => format!("feed-rs could not read it: {e}"),
    };
    Some((show(feed::convert(fast, &source)), slow))
}

/// An article whose body column holds `json`, read as the store reads it,
/// with `links` links; None when the JSON is not a body.
pub fn article_from_body(json: &str, links: usize) -> Option<crate::model::Article> {
    let (body, blocks) = crate::store::blocks::read_body(json, links).ok()?;
    Some(crate::model::Article {
        body,
        blocks,
        links: vec![crate::model::Link::default(); links],
        ..crate::model::Article::default()
    })
}

/// A stored body read back as JSON text, from a compressed column value.
pub fn unpack_body(bytes: &[u8]) -> Result<String, BodyError> {
    StoredBody::Zstd(bytes.to_vec()).json()
}

/// A body's JSON stored (compressed when worth it) and read back.
pub fn store_and_read_body(json: &str) -> Result<String, BodyError> {
    StoredBody::new(json.to_string()).json()
}
