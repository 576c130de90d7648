//! `edicola remove-article`, and removed articles staying removed across
//! re-imports and fetches.

mod common;

use assert_cmd::Command;
use common::{edicola, http};
use predicates::prelude::*;
use serde_json::Value;

fn json_out(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

fn titles(data: &std::path::Path) -> Vec<String> {
    let list = json_out(edicola(data).args(["list", "--json"]));
    list.as_array()
        .expect("array")
        .iter()
        .map(|a| a["title"].as_str().expect("title").to_string())
        .collect()
}

fn id_of(data: &std::path::Path, title: &str) -> String {
    let list = json_out(edicola(data).args(["list", "--json"]));
    list.as_array()
        .expect("array")
        .iter()
        .find(|a| a["title"] == title)
        .and_then(|a| a["id"].as_str())
        .unwrap_or_else(|| panic!("{title} listed: {list}"))
        .to_string()
}

#[test]
fn a_removed_article_stays_removed_when_its_file_is_imported_again() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    let file = dir.path().join("news.xml");
    let feed = http::rss(
        "News",
        &[
            ("Harbour reopens", "https://news.example/harbour"),
            ("Bridge closed", "https://news.example/bridge"),
        ],
    );
    std::fs::write(&file, feed).expect("write");
    edicola(&data)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("2 added"));
    let id = id_of(&data, "Bridge closed");

    edicola(&data)
        .args(["remove-article", &id[..8]])
        .assert()
        .success()
        .stdout(format!("removed {id} Bridge closed\n"));
    assert_eq!(titles(&data), ["Harbour reopens"]);
    edicola(&data)
        .args(["import", "--force"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 added, 0 updated, 1 unchanged, 1 removed earlier, skipped, 0 failed",
        ));
    assert_eq!(titles(&data), ["Harbour reopens"]);

    // Gone: the id is unknown now, as any unknown id is.
    edicola(&data)
        .args(["remove-article", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "no article with id \"{id}\""
        )));
    let other = id_of(&data, "Harbour reopens");
    let removed = json_out(edicola(&data).args(["remove-article", &other, "--json"]));
    assert_eq!(removed["id"], other.as_str());
    assert_eq!(removed["title"], "Harbour reopens");
}

#[test]
fn removing_needs_a_writable_store() {
    let dir = tempfile::tempdir().expect("tmp");
    let blocked = dir.path().join("file-not-dir");
    std::fs::write(&blocked, "x").expect("write");
    // The data "directory" is a regular file: the samples are shown from
    // memory, and nothing can be saved.
    let data = blocked.join("data");
    let id = json_out(edicola(&data).args(["list", "--json"]))[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    for command in ["bookmark", "remove-article"] {
        edicola(&data)
            .args([command, &id])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("Read-only"))
            .stderr(predicate::str::contains("will not be saved"));
    }
}

#[test]
fn a_fetched_article_once_removed_is_not_fetched_back() {
    let server = http::start();
    let base = &server.base;
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    let fetch = |data: &std::path::Path| {
        let mut cmd = edicola(data);
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "ALL_PROXY"] {
            cmd.env_remove(proxy);
        }
        cmd.args(["fetch", "--force"]);
        cmd
    };
    // Two feeds served in full at every request (no validators).
    for path in ["/other", "/gzip"] {
        edicola(&data)
            .args(["add", &format!("{base}{path}")])
            .assert()
            .success();
    }
    fetch(&data)
        .assert()
        .success()
        .stderr(predicate::str::contains("2 new articles, 0 failed"));
    let id = id_of(&data, "Other story");
    edicola(&data)
        .args(["remove-article", &id])
        .assert()
        .success();
    fetch(&data)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 new articles, 1 removed earlier, skipped, 0 failed",
        ));
    assert_eq!(titles(&data), ["Compressed story"]);
}

#[test]
fn remove_article_has_help() {
    Command::cargo_bin("edicola")
        .expect("binary")
        .args(["remove-article", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: edicola remove-article"));
}
