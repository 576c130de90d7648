//! `edicola import` on feeds, pages and folders.

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn dry_run_json_reads_a_folder_and_names_formats() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = Command::cargo_bin("edicola")
        .expect("binary")
        .env("EDICOLA_DATA", dir.path().join("data"))
        .env("EDICOLA_CONFIG", dir.path().join("config"))
        .args(["import", "--dry-run", "--json"])
        .arg(fixtures().join("feeds"))
        .assert()
        // feeds/empty.xml cannot be imported; everything else still is.
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.xml: the file is empty"), "{stderr}");
    assert!(stderr.contains("rss091.xml: rss, 2 articles"), "{stderr}");
    let list: Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = list.as_array().expect("array");
    assert!(items.len() > 20);
    assert!(items.iter().any(|a| a["format"] == "jsonfeed"));
    assert!(
        items
            .iter()
            .any(|a| a["title"] == "A lone entry" && a["format"] == "atom")
    );
    assert!(!dir.path().join("data/edicola.db").exists());
}
