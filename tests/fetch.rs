//! Fetching over HTTP against a local server on 127.0.0.1: the client, and
//! the `add` / `fetch` / `feeds` / `remove` commands end to end.

mod common;

use edicola::fetch::FetchError;
use std::time::Duration;

use assert_cmd::Command;
use common::http;
use edicola::fetch::{Fetched, Http, Validators};
use predicates::prelude::*;
use serde_json::Value;

fn client() -> Http {
    Http::new(Duration::from_secs(2))
}

#[test]
fn client_conditional_requests_redirects_and_errors() {
    let server = http::start();
    let base = &server.base;
    let first = client()
        .get(&format!("{base}/rss"), &Validators::default())
        .expect("200");
    let Fetched::Body {
        bytes, validators, ..
    } = first.fetched
    else {
        panic!("body expected")
    };
    assert!(String::from_utf8_lossy(&bytes).contains("First story"));
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    let again = client()
        .get(&format!("{base}/rss"), &validators)
        .expect("304");
    assert_eq!(again.fetched, Fetched::NotModified);

    let moved = client()
        .get(&format!("{base}/moved"), &Validators::default())
        .expect("301");
    assert_eq!(moved.moved_to, Some(format!("{base}/other")));
    let temp = client()
        .get(&format!("{base}/temp"), &Validators::default())
        .expect("302");
    assert_eq!(
        temp.moved_to, None,
        "temporary redirects keep the subscription"
    );

    let err = |path: &str| {
        client()
            .get(&format!("{base}{path}"), &Validators::default())
            .expect_err(path)
            .to_string()
    };
    assert_eq!(err("/missing"), "HTTP 404 Not Found");
    assert_eq!(err("/error"), "HTTP 500 Internal Server Error");
    assert!(err("/loop").contains("redirects"));
    let local = err("/to-file");
    assert!(
        local.contains("file:///etc/passwd") && local.contains("file: address"),
        "{local}"
    );
    let slow =
        Http::new(Duration::from_millis(500)).get(&format!("{base}/slow"), &Validators::default());
    assert_eq!(slow.expect_err("timeout"), FetchError::TimedOut);
    let capped = client()
        .with_max_body(1024 * 1024)
        .get(&format!("{base}/big"), &Validators::default());
    assert!(matches!(
        capped.expect_err("too big"),
        FetchError::TooLarge(_)
    ));
    let bomb = client()
        .with_max_body(1024 * 1024)
        .get(&format!("{base}/bomb"), &Validators::default());
    assert!(
        bomb.expect_err("decompression bomb")
            .to_string()
            .contains("larger than"),
        "the cap applies after decompression"
    );
    let dead = client().get("http://127.0.0.1:9/x", &Validators::default());
    assert!(matches!(
        dead.expect_err("refused"),
        FetchError::Connection(_)
    ));

    let zipped = client()
        .get(&format!("{base}/gzip"), &Validators::default())
        .expect("gzip");
    let Fetched::Body { bytes, .. } = zipped.fetched else {
        panic!("body expected")
    };
    assert!(String::from_utf8_lossy(&bytes).contains("Compressed story"));
}

fn edicola(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("edicola").expect("binary");
    cmd.env("EDICOLA_DATA", dir.join("data"))
        .env("EDICOLA_CONFIG", dir.join("config"))
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY");
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("json")
}

#[test]
fn subscribe_fetch_refetch_and_report_failures_by_name() {
    let server = http::start();
    let base = &server.base;
    let dir = tempfile::tempdir().expect("tmp");
    // A web page: its advertised feed is found.
    edicola(dir.path())
        .args(["add", &format!("{base}/page")])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{base}/rss")));
    for path in ["/gzip", "/latin1", "/moved"] {
        edicola(dir.path())
            .args(["add", &format!("{base}{path}"), "--tag", "test"])
            .assert()
            .success();
    }
    edicola(dir.path())
        .args(["add", &format!("{base}/missing")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("404"));
    // Subscriptions that break later are still fetched and reported.
    let subs = dir.path().join("config/subscriptions.toml");
    let mut text = std::fs::read_to_string(&subs).expect("subs");
    for path in ["/error", "/malformed", "/missing"] {
        text.push_str(&format!("\n[[feed]]\nurl = \"{base}{path}\"\n"));
    }
    std::fs::write(&subs, text).expect("write");

    edicola(dir.path())
        .arg("fetch")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Good Feed: 2 new"))
        .stdout(predicate::str::contains("HTTP 500"))
        .stdout(predicate::str::contains("HTTP 404"))
        .stderr(predicate::str::contains("3 failed"));
    let list = json(edicola(dir.path()).args(["list", "--json"]));
    let titles: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    for t in [
        "First story",
        "Second story",
        "Compressed story",
        "Perché il caffè",
        "Other story",
    ] {
        assert!(titles.contains(&t), "{t} missing from {titles:?}");
    }
    assert!(
        !titles.iter().any(|t| t.contains("Sputnik")),
        "samples replaced"
    );
    // The permanent redirect updated the subscription.
    let text = std::fs::read_to_string(&subs).expect("subs");
    assert!(
        text.contains(&format!("{base}/other")) && !text.contains(&format!("{base}/moved")),
        "{text}"
    );

    // Fetching again changes nothing; the feed with an ETag costs a 304.
    edicola(dir.path())
        .arg("fetch")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Good Feed: not modified"));
    assert_eq!(
        json(edicola(dir.path()).args(["list", "--json"]))
            .as_array()
            .map(Vec::len),
        Some(titles.len())
    );

    let feeds = json(edicola(dir.path()).args(["feeds", "--json"]));
    let good = feeds
        .as_array()
        .expect("feeds")
        .iter()
        .find(|f| f["url"] == format!("{base}/rss"))
        .expect("good feed");
    assert_eq!(good["status"], "not modified");
    assert_eq!(good["articles"], 2);
    let bad = feeds
        .as_array()
        .expect("feeds")
        .iter()
        .find(|f| f["url"] == format!("{base}/error"))
        .expect("bad feed");
    assert_eq!(bad["status"], "error");

    // OPML out and back in.
    let opml = edicola(dir.path())
        .args(["feeds", "--opml"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let other = tempfile::tempdir().expect("tmp");
    let file = other.path().join("subs.opml");
    std::fs::write(&file, &opml).expect("opml");
    edicola(other.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("new subscriptions"));
    let copied = json(edicola(other.path()).args(["feeds", "--json"]));
    assert_eq!(
        copied.as_array().map(Vec::len),
        feeds.as_array().map(Vec::len)
    );

    edicola(dir.path())
        .args(["remove", &format!("{base}/rss")])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 articles removed"));
    edicola(dir.path())
        .args(["remove", "nope"])
        .assert()
        .code(1);
}

#[test]
fn min_interval_skips_recent_feeds_unless_forced_and_keep_prunes() {
    let server = http::start();
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(
        config.join("subscriptions.toml"),
        format!(
            "# mine\n[[feed]]\nurl = \"{}/rss\"\ntitle = \"Renamed\"\nkeep = 1\nmin_interval = \"1h\"\n",
            server.base
        ),
    )
    .expect("write");
    edicola(dir.path())
        .arg("fetch")
        .assert()
        .success()
        .stdout(predicate::str::contains("Renamed: 2 new"));
    let list = json(edicola(dir.path()).args(["list", "--json"]));
    assert_eq!(list.as_array().map(Vec::len), Some(1), "keep = 1: {list}");
    assert_eq!(
        list[0]["source"], "Renamed",
        "the title override names the source"
    );
    edicola(dir.path())
        .arg("fetch")
        .assert()
        .success()
        .stdout(predicate::str::contains("skipped (fetched recently)"));
    edicola(dir.path())
        .args(["fetch", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Renamed: not modified"));
}

#[test]
fn a_permanent_redirect_onto_a_subscribed_url_leaves_one_subscription() {
    let server = http::start();
    let base = &server.base;
    let dir = tempfile::tempdir().expect("tmp");
    let subs = dir.path().join("config/subscriptions.toml");
    std::fs::create_dir_all(dir.path().join("config")).expect("config dir");
    std::fs::write(
        &subs,
        format!(
            "[[feed]]\nurl = \"{base}/other\"\n\n[[feed]]\nurl = \"{base}/moved\"\ntags = [\"t\"]\n"
        ),
    )
    .expect("write");
    edicola(dir.path()).arg("fetch").assert().success();
    let feeds = json(edicola(dir.path()).args(["feeds", "--json"]));
    let urls: Vec<&str> = feeds
        .as_array()
        .expect("feeds")
        .iter()
        .filter_map(|f| f["url"].as_str())
        .collect();
    assert_eq!(urls, [format!("{base}/other")]);
    let text = std::fs::read_to_string(&subs).expect("subs");
    assert!(text.contains("\"t\""), "tags kept: {text}");
}

#[test]
fn ignore_rules_keep_fetched_articles_out_and_a_refetch_adds_nothing() {
    let server = http::start();
    let base = &server.base;
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .args(["add", &format!("{base}/rss"), "--tag", "Morning news"])
        .assert()
        .success();
    std::fs::write(
        dir.path().join("config/ignore.toml"),
        "[[rule]]\nquery = 'tag:morning title:\"second story\"'\nname = \"no seconds\"\n",
    )
    .expect("rules");
    for _ in 0..2 {
        edicola(dir.path())
            .args(["fetch", "--force"])
            .assert()
            .success();
    }
    let list = json(edicola(dir.path()).args(["list", "--json"]));
    let titles: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(titles.contains(&"First story"), "{titles:?}");
    assert!(!titles.contains(&"Second story"), "{titles:?}");
    let ignored = json(edicola(dir.path()).args(["ignored", "--json"]));
    let ignored = ignored.as_array().expect("ignored");
    assert_eq!(ignored.len(), 1, "{ignored:?}");
    assert_eq!(ignored[0]["title"], "Second story");
    assert_eq!(
        ignored[0]["rule"],
        "no seconds (tag:morning title:\"second story\")"
    );
}

#[test]
fn discover_finds_the_feed_or_names_the_address_and_the_problem() {
    use edicola::fetch::{DiscoverError, discover};
    let server = http::start();
    let base = &server.base;
    let feed = discover(&client(), &format!("{base}/rss")).expect("a feed");
    assert_eq!(feed.url, format!("{base}/rss"));
    assert!(!feed.from_page && feed.title.is_some());
    let page = discover(&client(), &format!("{base}/page")).expect("a page with a feed");
    assert_eq!((page.url, page.from_page), (format!("{base}/rss"), true));
    let missing = format!("{base}/missing");
    let error = discover(&client(), &missing).expect_err("404");
    assert!(matches!(&error, DiscoverError::Fetch { url, .. } if *url == missing));
    assert_eq!(error.to_string(), format!("{missing}: HTTP 404 Not Found"));
}
