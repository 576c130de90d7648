//! Importers: turn bytes (feeds, web pages, text copies of pages, OPML
//! subscription lists) into articles and subscriptions. Knows nothing of
//! the UI or the store, and never touches the network.

pub mod clean;
mod clean_blocks;
pub(crate) mod decode;
pub(crate) mod detect;
mod discover;
mod error;
pub(crate) mod feed;
mod files;
pub mod htmltext;
mod ids;
mod kinds;
mod nesting;
pub mod opml;
mod page;
mod size;
pub mod textpage;

use std::path::{Path, PathBuf};

pub use discover::discover_feeds;
pub use error::{FeedError, OpmlError, ParseError};
pub use files::{DEFAULT_MAX_SIZE, Listing, import_one, import_path, list_files};
pub use ids::{article_id, feed_item_id, normalise_url, with_id};
pub use page::extract_article;
pub use size::{SizeError, cap_admitting, human_size, parse_size};

use crate::model::{Article, Subscription};

/// Why one source could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {problem}", path.display())]
    Content { path: PathBuf, problem: ParseError },
    /// A text copy in a file whose name says it is no article.
    #[error(
        "{}: not an article: {why}; import reads feeds, web pages, OPML and text copies of pages",
        path.display()
    )]
    NotAnArticle { path: PathBuf, why: &'static str },
    /// An address given to import that could not be fetched.
    #[error("{url}: {source}")]
    Fetch {
        url: String,
        source: crate::fetch::FetchError,
    },
    /// `size` is the file's length; None when it had none (a pipe) and
    /// reading stopped at the cap.
    #[error("{}: too large to import ({})", path.display(), over_cap(*size, *max))]
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        max: u64,
    },
}

fn over_cap(size: Option<u64>, max: u64) -> String {
    match size {
        Some(size) => format!("{}, over the {} cap", human_size(size), human_size(max)),
        None => format!("over the {} cap", human_size(max)),
    }
}

/// What is known about where some bytes came from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Source<'a> {
    /// The final URL they were fetched from (resolves relative links).
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header (its `charset` is honoured).
    pub content_type: Option<&'a str>,
}

/// The formats the importers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Rss,
    Atom,
    JsonFeed,
    Html,
    TextPage,
    Opml,
}

impl Format {
    /// A short lowercase name, e.g. `"rss"`, `"jsonfeed"`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::JsonFeed => "jsonfeed",
            Format::Html => "html",
            Format::TextPage => "textpage",
            Format::Opml => "opml",
        }
    }
}

/// What a feed says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedMeta {
    pub title: Option<String>,
    pub site_url: Option<String>,
}

/// Everything read from one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub format: Format,
    /// For feeds: the feed's own title and site.
    pub feed: Option<FeedMeta>,
    /// Feed items in feed order, or the one article of a page.
    pub articles: Vec<Article>,
    /// For OPML: the subscriptions listed.
    pub subscriptions: Vec<Subscription>,
    /// For HTML pages: the feeds the page advertises.
    pub feed_links: Vec<String>,
}

impl Parsed {
    fn new(format: Format) -> Parsed {
        Parsed {
            format,
            feed: None,
            articles: Vec::new(),
            subscriptions: Vec::new(),
            feed_links: Vec::new(),
        }
    }
}

/// Detects the format of `bytes` from their content and parses them.
pub fn parse_bytes(bytes: &[u8], source: &Source) -> Result<Parsed, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    if looks_binary_file(bytes) {
        return Err(ParseError::Binary);
    }
    let text = decode::decode(bytes, source.content_type);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let format = detect::detect(&text)?;
    let mut parsed = Parsed::new(format);
    match format {
        Format::Rss | Format::Atom | Format::JsonFeed => {
            let text = decode::strip_xml_encoding(&text);
            let data = feed::parse_feed(&text, source)?;
            parsed.format = data.format;
            parsed.feed = Some(data.meta);
            parsed.articles = data.articles;
        }
        Format::Opml => parsed.subscriptions = opml::parse(text.as_bytes())?,
        Format::Html => {
            let (article, feeds) = page::extract_page(&text, source)?;
            parsed.articles = vec![article];
            parsed.feed_links = feeds;
        }
        Format::TextPage => {
            let article = textpage::parse_text_page(&text)?;
            parsed.articles = vec![with_id(article)];
        }
    }
    // Articles are cleaned on their way into the store (`Prepared::new`).
    clean::parsed(&mut parsed);
    Ok(parsed)
}

/// Reads one file and returns the articles in it.
pub fn import_file(path: &Path) -> Result<Vec<Article>, ImportError> {
    import_path(path, DEFAULT_MAX_SIZE)
        .into_iter()
        .next()
        .map_or(Ok(Vec::new()), |(_, parsed)| parsed.map(|p| p.articles))
}

/// The built-in sample articles shown until the user imports their own.
pub fn defaults() -> Vec<Article> {
    const SEEDS: &[&str] = &[
        include_str!("../../assets/seeds/000_06087d0ea42c5eca.txt"),
        include_str!("../../assets/seeds/003_b1dac1e0115a2450.txt"),
    ];
    SEEDS
        .iter()
        .filter_map(|text| textpage::parse_text_page(text).ok())
        .map(with_id)
        .collect()
}

/// True when bytes cannot be a feed or a page, judged from their first
/// 8 KB: they are binary (UTF-16 text aside).
fn looks_binary_file(bytes: &[u8]) -> bool {
    let is_utf16 = encoding_rs::Encoding::for_bom(bytes)
        .is_some_and(|(e, _)| e != encoding_rs::UTF_8)
        || matches!(bytes.get(..2), Some([b'<', 0] | [0, b'<']));
    !is_utf16 && looks_binary(bytes)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    // A copy of a page may hold a few NULs (an icon font's glyphs) in text
    // that is otherwise UTF-8; binary formats hold many, or invalid UTF-8.
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls > 0 && (nuls * STRAY_NULS > sample.len() || !is_utf8_prefix(sample)) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|b| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len()
}

/// One NUL in this many bytes at most, in UTF-8 text, is stray.
const STRAY_NULS: usize = 100;

/// Whether `bytes` are UTF-8, but for a character cut at their end.
fn is_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_ignore_case_and_punctuation() {
        let a = Article {
            title: "Sputnik Moment?".into(),
            ..Article::default()
        };
        let b = Article {
            title: "sputnik  moment".into(),
            ..Article::default()
        };
        assert_eq!(article_id(&a), article_id(&b));
        assert_eq!(article_id(&a).len(), 16);
    }

    #[test]
    fn rejects_empty_and_binary() {
        let none = Source::default();
        assert_eq!(parse_bytes(b" \n\n", &none), Err(ParseError::Empty));
        assert_eq!(parse_bytes(b"", &none), Err(ParseError::Empty));
        let binary = parse_bytes(b"\x7fELF\x02\x01\x00\x00", &none);
        assert_eq!(binary, Err(ParseError::Binary));
        assert!(binary.unwrap_err().to_string().contains("binary"));
    }

    #[test]
    fn stray_nuls_in_a_text_copy_are_no_binary() {
        let none = Source::default();
        let para = "The council voted on Tuesday to keep the old bridge open to walkers, \
                    after a long debate about the cost of repairs and the river traffic.";
        let copy = format!("Home\n\0\0\nBridge stays open to walkers\n{para}\n{para} Again.\n");
        let parsed = parse_bytes(copy.as_bytes(), &none);
        let parsed = parsed.unwrap_or_else(|e| panic!("{e}"));
        let article = &parsed.articles[0];
        assert!(article.body.iter().all(|p| !p.contains('\0')));
        assert_eq!(article.title, "Bridge stays open to walkers");
        // Many NULs, or NULs in bytes that are not UTF-8, are binary.
        let mut many = para.as_bytes().to_vec();
        many.extend([0u8; 4]);
        assert_eq!(parse_bytes(&many, &none), Err(ParseError::Binary));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR plus some more bytes of the image here";
        assert_eq!(parse_bytes(png, &none), Err(ParseError::Binary));
    }

    #[test]
    fn defaults_are_the_two_seed_pages() {
        let d = defaults();
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|a| a.id.len() == 16 && !a.body.is_empty()));
    }
}
