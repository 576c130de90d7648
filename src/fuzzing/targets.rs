//! One function per fuzz target: it feeds the bytes to a parser and panics
//! when a cheap invariant breaks. Not panicking (and returning in bounded
//! time) is the main check; errors are fine, every parser here reports
//! bad input as an error.

use std::cell::RefCell;
use std::path::Path;

use crate::index::query::Query;
use crate::ingest::{Source, opml, textpage};
use crate::keymap::{Context, Keymap, key_name, parse_key};
use crate::model::Subscription;
use crate::subs::SubsFile;

use super::{
    BASE_URL, charset_param, decode as decode_bytes, detect as detect_text, feed_rs as read_feed,
    rss_fast_and_feed_rs, store_and_read_body, strip_xml_encoding, unpack_body,
};

/// A fuzz target: bytes in, a panic on a broken invariant.
pub type Target = fn(&[u8]);

/// Every target by name, as `fuzz/fuzz_targets/` names them.
pub const ALL: &[(&str, Target)] = &[
    ("detect", detect),
    ("decode", decode),
    ("rss_fast", rss_fast),
    ("feed_rs", feed_rs),
    ("atom", feed_rs),
    ("json_feed", feed_rs),
    ("page", page),
    ("textpage", text_page),
    ("opml", opml_list),
    ("keymap", keymap),
    ("subs", subs),
    ("search", search),
    ("body", body),
];

/// The target called `name`.
pub fn by_name(name: &str) -> Option<Target> {
    ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A base URL or none, picked by the input so both are exercised.
fn some_url(data: &[u8]) -> Option<&'static str> {
    (data.len() % 2 == 0).then_some(BASE_URL)
}

/// Format detection; leading whitespace does not change the verdict.
pub fn detect(data: &[u8]) {
    let text = decode_bytes(data, None);
    let format = detect_text(&text).ok();
    if !text.starts_with('\u{feff}') {
        let padded = format!(" \n\t{text}");
        assert_eq!(detect_text(&padded).ok(), format, "leading whitespace");
    }
}

/// Content types the decoder is tried with, besides none; the first byte
/// picks one.
const CONTENT_TYPES: &[&str] = &[
    "text/html; charset=utf-8",
    "application/rss+xml; charset=ISO-8859-1",
    "text/xml; charset=\"windows-1252\"",
    "text/html;charset=shift_jis",
    "text/plain; charset=utf-16le",
    "text/html; charset=x-unknown",
];

/// Charset detection and decoding: no byte-order mark is left at the
/// start, and rewriting the XML declaration is idempotent.
pub fn decode(data: &[u8]) {
    let picked =
        CONTENT_TYPES[usize::from(data.first().copied().unwrap_or(0)) % CONTENT_TYPES.len()];
    for content_type in [None, Some(picked)] {
        let text = decode_bytes(data, content_type);
        assert!(!text.starts_with('\u{feff}'), "a byte-order mark was left");
        let stripped = strip_xml_encoding(&text);
        assert_eq!(strip_xml_encoding(&stripped), stripped, "not idempotent");
    }
    let line_end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let _ = charset_param(&String::from_utf8_lossy(&data[..line_end.min(512)]));
}

/// The fast RSS reader must read a feed exactly as `feed-rs` does, or give
/// it up.
pub fn rss_fast(data: &[u8]) {
    let text = decode_bytes(data, None);
    let text = strip_xml_encoding(&text);
    if let Some((fast, slow)) = rss_fast_and_feed_rs(&text, some_url(data)) {
        assert_eq!(fast, slow, "the fast RSS reader and feed-rs disagree");
    }
}

/// RSS, Atom and JSON Feed through `feed-rs`, with the importer's repairs.
pub fn feed_rs(data: &[u8]) {
    let text = decode_bytes(data, None);
    let text = strip_xml_encoding(&text);
    let _ = read_feed(&text, some_url(data));
}

/// Article extraction from a web page.
pub fn page(data: &[u8]) {
    let source = Source {
        url: some_url(data).map(|_| "https://example.org/news/2026/article.html"),
        content_type: None,
    };
    let _ = crate::ingest::extract_article(data, &source);
}

/// A text copy of a page.
pub fn text_page(data: &[u8]) {
    let _ = textpage::parse_text_page(&decode_bytes(data, None));
}

/// OPML: what is read survives an export and a second reading (in
/// folder order, and up to the whitespace and control characters export
/// leaves out).
pub fn opml_list(data: &[u8]) {
    let Ok(subs) = opml::parse(data) else {
        return;
    };
    let again = opml::parse(opml::export(&subs).as_bytes()).expect("exported OPML reads back");
    let key = |subs: &[Subscription]| {
        let mut keys: Vec<_> = subs.iter().map(opml_key).collect();
        keys.sort();
        keys
    };
    assert_eq!(key(&again), key(&subs), "OPML round trip");
}

/// What of a subscription survives an OPML export exactly.
fn opml_key(sub: &Subscription) -> (String, String, String, Vec<String>) {
    let visible = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control() && !c.is_whitespace())
            .collect()
    };
    let optional = |s: &Option<String>| s.as_deref().map(visible).unwrap_or_default();
    let tags = sub
        .tags
        .iter()
        .map(|t| visible(t))
        .filter(|t| !t.is_empty())
        .collect();
    (
        visible(&sub.url),
        optional(&sub.title),
        optional(&sub.site_url),
        tags,
    )
}

/// The keymap file over the built-in keys, and each line as a key name:
/// a key's canonical name reads back as the same key.
pub fn keymap(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut map = Keymap::builtin().expect("the built-in keymap loads");
    if map.patch(Path::new("keymap.toml"), text).is_ok() {
        let _ = map.help_rows();
    }
    for spec in text.lines().take(64) {
        let Some(name) = parse_key(spec).ok().and_then(|k| key_name(&k)) else {
            continue;
        };
        if let Ok(again) = parse_key(&name) {
            assert_eq!(key_name(&again).as_deref(), Some(name.as_str()), "{spec:?}");
            let _ = map.lookup(Context::List, &again);
        }
    }
}

/// The subscriptions file: saving loads back to the same feeds, also after
/// adding one (with the input's text in its fields) and changing a URL.
pub fn subs(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("subscriptions.toml");
    let Ok(mut file) = SubsFile::parse(path, text) else {
        return;
    };
    let reloaded = |file: &SubsFile| {
        SubsFile::parse(path, &file.to_toml())
            .expect("a saved file loads")
            .feeds
    };
    assert_eq!(reloaded(&file), file.feeds, "load, save, load");
    let mut lines = text.lines();
    let sub = Subscription {
        url: lines.next().unwrap_or("").to_string(),
        title: lines.next().map(str::to_string),
        tags: lines.take(3).map(str::to_string).collect(),
        ..Subscription::default()
    };
    if file.add(&sub) {
        assert_eq!(reloaded(&file), file.feeds, "after adding {sub:?}");
    }
    if let Some(first) = file.feeds.first().map(|f| f.url.clone()) {
        file.set_url(&first, &sub.url);
        assert_eq!(reloaded(&file), file.feeds, "after changing a URL");
    }
}

/// The search language: every match expression it builds is one SQLite's
/// FTS5 accepts, with the store's own table definition.
pub fn search(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let query = Query::parse(text);
    if let Some(problem) = query.problem() {
        assert!(!problem.to_string().is_empty());
    }
    for name in query.source.iter().chain(&query.tag) {
        // A name names itself whole, and so only itself.
        let names = vec![name.clone(), format!("{name} News")];
        let matched = crate::index::query::matching_names(name, names);
        if !crate::text::fold_key(name).is_empty() {
            assert_eq!(matched, std::slice::from_ref(name), "{text:?}");
        }
    }
    for prefix_last in [false, true] {
        if let Some(expr) = query.fts(prefix_last) {
            FTS.with(|conn| {
                let conn = conn.borrow();
                let result = conn.query_row(
                    "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
                    [&expr],
                    |r| r.get::<_, i64>(0),
                );
                assert!(result.is_ok(), "{text:?} gave {expr:?}: {result:?}");
            });
        }
    }
}

thread_local! {
    /// An in-memory FTS5 table like the store's, with one row.
    static FTS: RefCell<rusqlite::Connection> = RefCell::new(fts_table());
}

fn fts_table() -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().expect("in-memory SQLite");
    conn.execute_batch(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(
            id UNINDEXED, title, standfirst, body,
            tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*'''
        );
        INSERT INTO articles_fts VALUES ('1', 'Perché la Cina', 'cresce', 'il governo');",
    )
    .expect("FTS5 table");
    conn
}

/// Stored bodies: a damaged or hostile compressed column reads as an error,
/// never a panic; any text is stored and read back unchanged.
pub fn body(data: &[u8]) {
    if let Ok(json) = unpack_body(data) {
        let _ = serde_json::from_str::<Vec<String>>(&json);
    }
    let text = String::from_utf8_lossy(data);
    // Whatever blocks a damaged body holds are laid out without a panic
    // (spans out of their text are dropped when read).
    if let Some(article) = super::article_from_body(&text, 3) {
        for width in [1, 7, 40] {
            let _ = crate::app::reading::article_lines(&article, width);
        }
    }
    let read =
        store_and_read_body(&text).unwrap_or_else(|e| panic!("a stored body reads back: {e}"));
    assert_eq!(read, text);
}
