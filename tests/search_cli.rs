//! `edicola search` as a black box: the query language from the shell,
//! its problems and its cut results.

mod common;

use assert_cmd::Command;
use common::edicola;
use predicates::prelude::*;
use serde_json::Value;

fn json_out(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

/// Writes an RSS feed named `source` with these (title, body) items.
fn write_feed(dir: &std::path::Path, source: &str, items: &[(&str, &str)]) -> std::path::PathBuf {
    let slug: String = source.chars().filter(char::is_ascii_alphanumeric).collect();
    let entries: String = items
        .iter()
        .enumerate()
        .map(|(n, (title, body))| {
            let url = format!("https://{slug}.example/{n}");
            format!(
                "<item><title>{title}</title><link>{url}</link><guid>{url}</guid>\
                 <description>{body}</description></item>"
            )
        })
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{source}</title>\
         <link>https://{slug}.example/</link>{entries}</channel></rss>"
    );
    let path = dir.join(format!("{slug}.xml"));
    std::fs::write(&path, xml).expect("write feed");
    path
}

fn search_titles(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    let hits = json_out(edicola(dir).args(["search", "--json"]).args(args));
    hits.as_array()
        .expect("array")
        .iter()
        .filter_map(|h| h["title"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn search_folds_source_names_finds_cjk_runs_and_says_when_it_cut() {
    let dir = tempfile::tempdir().expect("tmp");
    let bbc = write_feed(
        dir.path(),
        "BBC News",
        &[
            ("China unveils AI plan", "国务院印发新一代人工智能发展规划"),
            ("Tokyo election turnout", "東京都知事選挙の投票率が上昇した"),
            ("Thai rice farmers", "รัฐบาลประกาศมาตรการช่วยเหลือชาวนาปลูกข้าว"),
            ("Markets today", "Shares rose in London."),
            ("Weather today", "Rain in London."),
        ],
    );
    let post = write_feed(
        dir.path(),
        "Il Post",
        &[("Il meteo di oggi", "Pioggia a Milano.")],
    );
    edicola(dir.path())
        .arg("import")
        .args([&bbc, &post])
        .assert()
        .success();
    for source in [
        "source:bbc",
        "source:bbc_news",
        "source:\"BBC News\"",
        "source:BBC_News",
    ] {
        assert_eq!(search_titles(dir.path(), &[source]).len(), 5, "{source}");
    }
    assert_eq!(
        search_titles(dir.path(), &["source:post"]),
        ["Il meteo di oggi"]
    );
    assert_eq!(
        search_titles(dir.path(), &["智能"]),
        ["China unveils AI plan"]
    );
    assert_eq!(
        search_titles(dir.path(), &["投票"]),
        ["Tokyo election turnout"]
    );
    assert_eq!(search_titles(dir.path(), &["ข้าว"]), ["Thai rice farmers"]);

    // Cut results are counted on stderr; JSON stays a plain list.
    let out = edicola(dir.path())
        .args(["search", "--limit", "2", "source:bbc"])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 of 5; --limit N for more"));
    let shown = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .count();
    assert_eq!(shown, 2);
    edicola(dir.path())
        .args(["search", "--json", "--limit", "2", "london"])
        .assert()
        .success()
        .stderr(predicate::str::contains("of").not());
}

#[test]
fn search_refuses_unknown_filters_and_unclosed_quotes() {
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .args(["search", "cina", "foo:bar"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown filter \"foo:\" (filters: source:, tag:, title:, author:, is:bookmarked, is:unread)",
        ));
    edicola(dir.path())
        .args(["search", "\"big tech"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unclosed quote"));
    // Addresses and times are words.
    edicola(dir.path())
        .args(["search", "https://example.com", "10:30"])
        .assert()
        .success();
}

#[test]
fn saved_searches_are_listed_with_counts_and_a_bad_one_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let feed = write_feed(
        dir.path(),
        "Daily",
        &[
            ("Rain in London", "Rain fell all day."),
            ("Sun in Rome", "No rain at all."),
            ("Markets", "Shares rose."),
        ],
    );
    edicola(dir.path())
        .arg("import")
        .arg(&feed)
        .assert()
        .success();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config");
    std::fs::write(
        config.join("searches.toml"),
        "# mine\n[[search]]\nname = \"Weather\"\nquery = \"rain\"\n",
    )
    .expect("searches");
    let list = json_out(edicola(dir.path()).args(["searches", "--json"]));
    assert_eq!(list[0]["name"], "Weather");
    assert_eq!(list[0]["total"], 2);
    assert_eq!(list[0]["unread"], 2);
    edicola(dir.path())
        .arg("searches")
        .assert()
        .success()
        .stdout(predicates::str::contains("Weather\t2/2\train"));
    std::fs::write(
        config.join("searches.toml"),
        "[[search]]\nname = \"Weather\"\nquery = \"rain\"\n\n[[search]]\nname = \"Odd\"\nquery = \"color:red\"\n",
    )
    .expect("searches");
    edicola(dir.path())
        .arg("searches")
        .assert()
        .code(2)
        .stdout(predicates::str::contains("Weather"))
        .stderr(predicates::str::contains("searches.toml:7:9"));
}
