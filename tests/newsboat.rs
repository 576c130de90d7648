//! `edicola import-newsboat`: on a cache newsboat itself made from the
//! local test server's feeds (skipped, with a notice, where newsboat is not
//! installed), and on a cache made here with newsboat's schema.

mod common;

use std::path::Path;

use common::{edicola, http};
use serde_json::Value;

/// newsboat's tables, as its cache.db has them.
const SCHEMA: &str = "
CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  title VARCHAR(1024) NOT NULL , lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT \"\");
CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT \"\");
";

fn summary(data: &Path, args: &[&str]) -> Value {
    let out = edicola(data)
        .arg("import-newsboat")
        .args(args)
        .arg("--json")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout).expect("json")["summary"].clone()
}

fn sha(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read")
}

#[test]
fn a_hand_made_cache_imports_articles_read_state_and_flags_once() {
    let dir = tempfile::tempdir().expect("tmp");
    let cache = dir.path().join("cache.db");
    let conn = rusqlite::Connection::open(&cache).expect("db");
    conn.execute_batch(SCHEMA).expect("schema");
    conn.execute_batch(
        "INSERT INTO rss_feed (rssurl, url, title) VALUES ('https://a.example/rss', 'https://a.example/', 'Feed A');
         INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, flags, deleted) VALUES
          ('g1', 'One', 'Ada', 'https://a.example/1', 'https://a.example/rss', 1735689600, '<p>First <b>body</b>.</p>', 0, 's', 0),
          ('g2', 'Two', '', 'https://a.example/2', 'https://a.example/rss', 1735603200, '<p>Second.</p>', 1, 'sX', 0),
          ('g3', 'Three', '', 'https://a.example/3', 'https://a.example/rss', 1735516800, '<p>Third.</p>', 1, NULL, 0),
          ('g4', 'Gone', '', 'https://a.example/4', 'https://a.example/rss', 1735430400, '<p>Deleted.</p>', 0, 'x', 1);",
    )
    .expect("items");
    drop(conn);
    let urls = dir.path().join("urls");
    std::fs::write(
        &urls,
        "https://a.example/rss tech \"~My A\"\n\
         \"query:Unread tech:unread = \\\"yes\\\" and tags # \\\"tech\\\"\"\n\
         \"query:Old:age > 30\"\n\
         exec:~/feed.sh\n",
    )
    .expect("urls");
    let before = (sha(&cache), sha(&urls));
    let data = dir.path().join("data");
    let args = [
        "--urls",
        urls.to_str().expect("utf8"),
        "--cache",
        cache.to_str().expect("utf8"),
    ];

    let dry = summary(&data, &[&args[..], &["--dry-run"]].concat());
    assert_eq!(dry["articles_added"], 3);
    assert!(
        !data.join("edicola.db").exists(),
        "a dry run writes nothing"
    );
    assert!(!data.join("config").exists());

    let first = summary(&data, &args);
    assert_eq!(
        first["feeds_added"],
        serde_json::json!(["https://a.example/rss"])
    );
    assert_eq!(first["articles_added"], 3);
    assert_eq!(first["articles_read"], 1);
    assert_eq!(first["bookmarks"], 2);
    assert_eq!(first["flags"], serde_json::json!({"X": 1, "s": 2}));
    assert_eq!(
        first["searches_added"],
        serde_json::json!([["Unread tech", "is:unread tag:tech"]])
    );
    assert_eq!(first["queries_skipped"][0][0], "Old");
    assert_eq!(first["lines_skipped"][0][1], "exec:~/feed.sh");
    let subs = std::fs::read_to_string(data.join("config/subscriptions.toml")).expect("subs");
    assert!(
        subs.contains("title = \"My A\"") && subs.contains("\"tech\""),
        "{subs}"
    );

    let out = edicola(&data)
        .args(["list", "--json"])
        .output()
        .expect("list");
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    let row = |title: &str| {
        rows.as_array()
            .and_then(|a| a.iter().find(|r| r["title"] == title).cloned())
            .unwrap_or_else(|| panic!("{title} in {rows}"))
    };
    assert_eq!(
        (row("One")["read"].clone(), row("One")["bookmarked"].clone()),
        (true.into(), true.into())
    );
    assert_eq!(
        (row("Two")["read"].clone(), row("Two")["bookmarked"].clone()),
        (false.into(), true.into())
    );
    assert_eq!(row("Three")["bookmarked"], false);
    assert_eq!(row("One")["source"], "My A");
    assert!(
        rows.as_array()
            .is_some_and(|a| a.iter().all(|r| r["title"] != "Gone"))
    );

    // Unbookmarked in Edicola since: a second run changes nothing.
    let id = row("Two")["id"].as_str().expect("id").to_string();
    edicola(&data)
        .args(["bookmark", &id, "--off"])
        .assert()
        .success();
    let again = summary(&data, &args);
    assert_eq!(again["articles_added"], 0);
    assert_eq!(again["articles_present"], 3);
    assert_eq!(again["feeds_added"], serde_json::json!([]));
    assert_eq!(again["searches_added"], serde_json::json!([]));
    let out = edicola(&data)
        .args(["bookmarks", "--json"])
        .output()
        .expect("bookmarks");
    let marked: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(marked.as_array().map(Vec::len), Some(1));
    assert_eq!(
        (sha(&cache), sha(&urls)),
        before,
        "newsboat's files untouched"
    );
}

#[test]
fn a_file_that_is_not_a_cache_is_named_and_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let cache = dir.path().join("cache.db");
    std::fs::write(&cache, "not sqlite").expect("write");
    let out = edicola(&dir.path().join("data"))
        .args(["import-newsboat", "--cache", cache.to_str().expect("utf8")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cache.db"), "{err}");
    let missing = edicola(&dir.path().join("data"))
        .args(["import-newsboat", "--urls", "/nonexistent/urls"])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn a_cache_made_by_newsboat_itself() {
    if std::process::Command::new("newsboat")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: newsboat is not installed (apt-get install newsboat)");
        return;
    }
    let server = http::start();
    let dir = tempfile::tempdir().expect("tmp");
    let urls = dir.path().join("urls");
    let cache = dir.path().join("cache.db");
    std::fs::write(
        &urls,
        format!("{0}/rss news \"~Good\"\n{0}/daily daily\n", server.base),
    )
    .expect("urls");
    let status = std::process::Command::new("newsboat")
        .args(["-x", "reload", "-c"])
        .arg(&cache)
        .arg("-u")
        .arg(&urls)
        .args(["-C", "/dev/null"])
        .env("HOME", dir.path())
        .output()
        .expect("newsboat");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let conn = rusqlite::Connection::open(&cache).expect("cache");
    let items: i64 = conn
        .query_row("SELECT count(*) FROM rss_item", [], |r| r.get(0))
        .expect("count");
    assert_eq!(items, 5, "newsboat fetched both feeds");
    conn.execute_batch(
        "UPDATE rss_item SET unread = 0 WHERE title = 'First story';
         UPDATE rss_item SET flags = 'q' WHERE title = 'Beta news';",
    )
    .expect("mark");
    drop(conn);
    let data = dir.path().join("data");
    let args = [
        "--urls",
        urls.to_str().expect("utf8"),
        "--cache",
        cache.to_str().expect("utf8"),
    ];
    let first = summary(&data, &args);
    assert_eq!(first["feeds_added"].as_array().map(Vec::len), Some(2));
    assert_eq!(first["articles_added"], 5);
    assert_eq!(first["articles_read"], 1);
    assert_eq!(first["bookmarks"], 1);
    assert_eq!(first["flags"], serde_json::json!({"q": 1}));
    let again = summary(&data, &args);
    assert_eq!(again["articles_added"], 0);
    // Fetching the same feeds in Edicola finds the same articles.
    edicola(&data).args(["fetch", "--force"]).assert().success();
    let out = edicola(&data)
        .args(["list", "--json"])
        .output()
        .expect("list");
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    let titles: Vec<&str> = rows
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["title"].as_str()).collect())
        .unwrap_or_default();
    for t in [
        "First story",
        "Second story",
        "Alpha news",
        "Beta news",
        "Gamma news",
    ] {
        assert_eq!(
            titles.iter().filter(|x| **x == t).count(),
            1,
            "{t} once in {titles:?}"
        );
    }
}
