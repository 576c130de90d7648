//! Times a first sync of 10,000 articles from a loopback Google Reader API
//! (or Miniflux) server against importing the same articles from RSS
//! files, and a sync with nothing new (its requests counted, the server's
//! time apart).
//!
//!     cargo build --release && cargo run --release --example sync_speed [-- N [miniflux]]
//!
//! The binary is `target/release/edicola` (`EDICOLA_BIN` for another).
#![allow(clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

const FEEDS: usize = 20;
const READING_LIST: &str = "user/-/state/com.google/reading-list";

/// One generated article.
struct Item {
    feed: usize,
    title: String,
    url: String,
    published: i64,
    html: String,
}

/// `n` articles of about 300 words, spread over `FEEDS` feeds, the newest
/// a minute apart (all inside a first sync's 30 days).
fn generate(n: usize, now: i64) -> Vec<Item> {
    const WORDS: [&str; 24] = [
        "governo", "mercato", "città", "scuola", "energia", "porto", "treno", "ricerca", "museo",
        "fiume", "elezioni", "bilancio", "salute", "lavoro", "clima", "vino", "montagna", "teatro",
        "calcio", "banca", "strada", "ospedale", "festival", "raccolto",
    ];
    let mut seed: u64 = 7;
    let mut word = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        WORDS[(seed >> 33) as usize % WORDS.len()]
    };
    (0..n)
        .map(|i| {
            let paragraphs: String = (0..6)
                .map(|_| {
                    let p: Vec<&str> = (0..50).map(|_| word()).collect();
                    format!("<p>{}.</p>", p.join(" "))
                })
                .collect();
            let title: Vec<&str> = (0..6).map(|_| word()).collect();
            Item {
                feed: i % FEEDS,
                title: format!("{} {i}", title.join(" ")),
                url: format!("https://news{}.example/{i}", i % FEEDS),
                published: now - (n - i) as i64 * 60,
                html: paragraphs,
            }
        })
        .collect()
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The articles as one RSS 2.0 file per feed.
fn write_feeds(items: &[Item], dir: &Path) {
    std::fs::create_dir_all(dir).expect("feeds dir");
    for feed in 0..FEEDS {
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
             <title>News {feed}</title><link>https://news{feed}.example/</link>\n"
        );
        for it in items.iter().filter(|i| i.feed == feed) {
            let date = chrono::DateTime::from_timestamp(it.published, 0)
                .expect("date")
                .to_rfc2822();
            out += &format!(
                "<item><title>{}</title><link>{}</link><guid>{}</guid><pubDate>{date}</pubDate>\
                 <description>{}</description></item>\n",
                xml(&it.title),
                it.url,
                it.url,
                xml(&it.html)
            );
        }
        out += "</channel></rss>\n";
        std::fs::write(dir.join(format!("news{feed}.xml")), out).expect("write feed");
    }
}

/// What the server counts.
#[derive(Default)]
struct Counters {
    requests: AtomicUsize,
    /// Time spent making answers, in microseconds.
    busy_us: AtomicU64,
}

fn item_json(i: usize, it: &Item) -> serde_json::Value {
    serde_json::json!({
        "id": format!("tag:google.com,2005:reader/item/{:016x}", i + 1),
        "crawlTimeMsec": (it.published * 1000).to_string(),
        "published": it.published,
        "title": it.title,
        "canonical": [{"href": it.url}],
        "summary": {"content": it.html},
        "categories": [READING_LIST],
        "origin": {"streamId": format!("feed/https://news{}.example/feed.xml", it.feed)},
    })
}

/// The answer to one request (path and query, decoded).
fn answer(items: &[Item], path: &str, query: &[(String, String)]) -> String {
    let arg = |k: &str| query.iter().find(|(q, _)| q == k).map(|(_, v)| v.as_str());
    if path.ends_with("/accounts/ClientLogin") {
        return "SID=x\nLSID=x\nAuth=bench-token\n".into();
    }
    if path.ends_with("/subscription/list") {
        let subs: Vec<serde_json::Value> = (0..FEEDS)
            .map(|f| {
                serde_json::json!({
                    "id": format!("feed/https://news{f}.example/feed.xml"),
                    "title": format!("News {f}"),
                    "url": format!("https://news{f}.example/feed.xml"),
                    "htmlUrl": format!("https://news{f}.example/"),
                    "categories": [{"id": "user/-/label/News", "label": "News"}],
                })
            })
            .collect();
        return serde_json::json!({ "subscriptions": subs }).to_string();
    }
    if path.ends_with("/stream/items/ids") {
        // Everything is unread; nothing starred.
        let refs: Vec<serde_json::Value> = if arg("s") == Some(READING_LIST) {
            (1..=items.len())
                .map(|i| serde_json::json!({ "id": i.to_string() }))
                .collect()
        } else {
            Vec::new()
        };
        return serde_json::json!({ "itemRefs": refs }).to_string();
    }
    if path.contains("/stream/contents/") {
        let ot: i64 = arg("ot").and_then(|s| s.parse().ok()).unwrap_or(0);
        let n: usize = arg("n").and_then(|s| s.parse().ok()).unwrap_or(20);
        let start: usize = arg("c").and_then(|s| s.parse().ok()).unwrap_or(0);
        let newer: Vec<(usize, &Item)> = items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.published > ot)
            .skip(start)
            .take(n + 1)
            .collect();
        let more = newer.len() > n;
        let page: Vec<serde_json::Value> = newer
            .iter()
            .take(n)
            .map(|(i, it)| item_json(*i, it))
            .collect();
        let mut value = serde_json::json!({ "items": page });
        if more {
            value["continuation"] = (start + n).to_string().into();
        }
        return value.to_string();
    }
    "OK".into()
}

fn rfc3339(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .expect("date")
        .to_rfc3339()
}

/// The answer of a Miniflux server to one request: every article unread,
/// none starred, each changed when it was published.
fn answer_miniflux(items: &[Item], path: &str, query: &[(String, String)]) -> String {
    let num = |k: &str| {
        query
            .iter()
            .find(|(q, _)| q == k)
            .and_then(|(_, v)| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    if path == "/v1/feeds" {
        let feeds: Vec<serde_json::Value> = (0..FEEDS)
            .map(|f| {
                serde_json::json!({
                    "id": f + 1,
                    "title": format!("News {f}"),
                    "feed_url": format!("https://news{f}.example/feed.xml"),
                    "site_url": format!("https://news{f}.example/"),
                    "category": {"id": 1, "title": "News"},
                })
            })
            .collect();
        return serde_json::Value::Array(feeds).to_string();
    }
    if path != "/v1/entries" {
        return "{}".into();
    }
    let lists_unread = query.iter().any(|(k, v)| k == "status" && v == "unread")
        || !query.iter().any(|(k, _)| k == "status");
    let starred = query.iter().any(|(k, v)| k == "starred" && v == "true");
    let offset = usize::try_from(num("offset")).unwrap_or(0);
    let limit = usize::try_from(num("limit")).unwrap_or(100);
    let page: Vec<serde_json::Value> = items
        .iter()
        .enumerate()
        .filter(|_| lists_unread && !starred)
        .filter(|(i, _)| *i as i64 + 1 > num("after_entry_id"))
        .filter(|(_, it)| it.published > num("published_after"))
        .filter(|(_, it)| it.published > num("changed_after"))
        .skip(offset)
        .take(limit)
        .map(|(i, it)| {
            serde_json::json!({
                "id": i + 1,
                "feed_id": it.feed + 1,
                "status": "unread",
                "starred": false,
                "title": it.title,
                "url": it.url,
                "published_at": rfc3339(it.published),
                "changed_at": rfc3339(it.published),
                "content": it.html,
            })
        })
        .collect();
    serde_json::json!({"total": page.len(), "entries": page}).to_string()
}

/// Serves `items` on a loopback port until the process ends.
fn serve(items: Arc<Vec<Item>>, counters: Arc<Counters>, miniflux: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            let mut len = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            let _ = reader.read_exact(&mut body);
            let started = Instant::now();
            let target = first.split_whitespace().nth(1).unwrap_or("");
            let (path, query) = target.split_once('?').unwrap_or((target, ""));
            let query: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            let text = if miniflux {
                answer_miniflux(&items, path, &query)
            } else {
                answer(&items, path, &query)
            };
            counters.requests.fetch_add(1, Ordering::Relaxed);
            let date = chrono::Utc::now().format("%a, %d %b %Y %H:%M:%S GMT");
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nDate: {date}\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
            let spent = started.elapsed().as_micros() as u64;
            counters.busy_us.fetch_add(spent, Ordering::Relaxed);
        }
    });
    base
}

fn edicola(bin: &Path, data: &Path, args: &[&str]) -> f64 {
    let started = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .env("EDICOLA_DATA", data)
        .env("EDICOLA_CONFIG", data.join("config"))
        .env("EDICOLA_PASSWORD", "secret")
        .output()
        .expect("run edicola");
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    assert!(
        out.status.success(),
        "edicola {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    ms
}

fn count(data: &Path) -> usize {
    let store = edicola::store::Store::open(&data.join("edicola.db")).expect("store");
    store.count(&edicola::store::Filter::all()).expect("count")
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let bin = std::env::var_os("EDICOLA_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/edicola"));
    let tmp = tempfile::tempdir().expect("tmp");
    let now = chrono::Utc::now().timestamp();
    let items = Arc::new(generate(n, now));
    write_feeds(&items, &tmp.path().join("feeds"));
    let counters = Arc::new(Counters::default());
    let kind = if std::env::args().nth(2).as_deref() == Some("miniflux") {
        "miniflux"
    } else {
        "greader"
    };
    let base = serve(items.clone(), counters.clone(), kind == "miniflux");
    println!("server: {kind}");

    let feeds = tmp.path().join("feeds");
    let feeds = feeds.to_str().expect("path");
    let import_ms = edicola(&bin, &tmp.path().join("imp"), &["import", feeds]);
    let import_no_index_ms = edicola(
        &bin,
        &tmp.path().join("imp2"),
        &["import", "--no-index", feeds],
    );
    assert_eq!(count(&tmp.path().join("imp")), n);
    println!("import of {n} articles from {FEEDS} RSS files: {import_ms:.0} ms");
    println!(
        "import --no-index (the index left for later, as a sync does): {import_no_index_ms:.0} ms"
    );

    let data = tmp.path().join("sync");
    let add = [
        "account", "add", kind, &base, "--user", "me", "--name", "bench",
    ];
    edicola(&bin, &data, &add);
    let reset = |c: &Counters| {
        c.requests.store(0, Ordering::Relaxed);
        c.busy_us.store(0, Ordering::Relaxed);
    };
    reset(&counters);
    let first_ms = edicola(&bin, &data, &["sync"]);
    assert_eq!(count(&data), n);
    println!(
        "first sync of {n} articles: {first_ms:.0} ms ({} requests, server {:.0} ms; {:.2}x the import --no-index)",
        counters.requests.load(Ordering::Relaxed),
        counters.busy_us.load(Ordering::Relaxed) as f64 / 1000.0,
        first_ms / import_no_index_ms
    );
    // A sync leaves the search index to be built after it (by the reader
    // in the background, or `edicola index`): the same work as an import's.
    let index_ms = edicola(&bin, &data, &["index"]);
    println!(
        "then `edicola index`: {index_ms:.0} ms; sync and index {:.0} ms, {:.2}x the import",
        first_ms + index_ms,
        (first_ms + index_ms) / import_ms
    );
    for run in 1..=3 {
        reset(&counters);
        let ms = edicola(&bin, &data, &["sync"]);
        let server = counters.busy_us.load(Ordering::Relaxed) as f64 / 1000.0;
        println!(
            "sync with nothing new, run {run}: {ms:.0} ms, {} requests, server {server:.1} ms, \
             Edicola {:.0} ms (process start to exit)",
            counters.requests.load(Ordering::Relaxed),
            ms - server
        );
    }
}
