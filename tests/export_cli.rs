//! `edicola export`, `edicola bookmarks export`, `edicola man` and
//! `edicola completions`.

mod common;

use common::edicola;
use edicola::ingest;
use edicola::model::{Article, Block, Link, Span, SpanKind};
use edicola::store::{Origin, Store};

/// A store with one article of every kind of block, and hostile text.
fn store_with_article(data: &std::path::Path) -> String {
    std::fs::create_dir_all(data).expect("dir");
    let mut store = Store::open(&data.join("edicola.db")).expect("store");
    let mut a = Article {
        title: "Rates <rise> & *fall*".into(),
        source: Some("Wire".into()),
        url: Some("https://wire.example/rates?a=1&b=2".into()),
        published: Some(1_735_689_600),
        links: vec![Link {
            text: "the bank".into(),
            url: "https://bank.example/".into(),
        }],
        ..Article::default()
    };
    a.set_blocks(vec![
        Block::Heading {
            level: 2,
            text: "What happened".into(),
            spans: Vec::new(),
        },
        Block::Paragraph {
            text: "Said the bank on Thursday.".into(),
            spans: vec![
                Span {
                    kind: SpanKind::Link,
                    start: 5,
                    end: 13,
                    link: Some(0),
                },
                Span {
                    kind: SpanKind::Emphasis,
                    start: 17,
                    end: 25,
                    link: None,
                },
            ],
        },
        Block::ListItem {
            ordered: false,
            number: None,
            depth: 0,
            continued: false,
            text: "one".into(),
            spans: Vec::new(),
        },
        Block::ListItem {
            ordered: false,
            number: None,
            depth: 0,
            continued: false,
            text: "two".into(),
            spans: Vec::new(),
        },
        Block::Quote {
            depth: 1,
            text: "<script>alert(1)</script>".into(),
            spans: Vec::new(),
        },
        Block::Code {
            text: "let x = 1;".into(),
        },
        Block::Table {
            rows: vec![vec!["a".into(), "b|c".into()], vec!["1".into(), "2".into()]],
            header: true,
        },
    ]);
    let a = ingest::with_id(a);
    store
        .upsert(std::slice::from_ref(&a), Origin::User)
        .expect("upsert");
    store.set_bookmarked(&a.id, true).expect("bookmark");
    a.id
}

#[test]
fn export_markdown_html_json_and_text() {
    let dir = tempfile::tempdir().expect("tmp");
    let id = store_with_article(dir.path());
    let run = |format: &str| {
        let out = edicola(dir.path())
            .args(["export", &id, "--format", format])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf8")
    };
    let md = run("md");
    assert!(
        md.starts_with("# Rates \\<rise\\> \\& \\*fall\\*\n"),
        "{md}"
    );
    assert!(
        md.contains("Said [the bank](<https://bank.example/>) on *Thursday*."),
        "{md}"
    );
    assert!(md.contains("- one\n- two"), "{md}");
    assert!(md.contains("> \\<script\\>"), "{md}");
    assert!(md.contains("```\nlet x = 1;\n```"), "{md}");
    assert!(
        md.contains("| a | b\\|c |\n| --- | --- |\n| 1 | 2 |"),
        "{md}"
    );
    let html = run("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Rates &lt;rise&gt; &amp; *fall*</title>"));
    assert!(html.contains("<a href=\"https://wire.example/rates?a=1&amp;b=2\">"));
    assert!(html.contains("<blockquote><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></blockquote>"));
    assert!(
        html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        "{html}"
    );
    assert!(
        html.contains("<time datetime=\"2025-01-01T00:00:00Z\">"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    let show = edicola(dir.path())
        .args(["show", &id, "--json"])
        .output()
        .expect("show");
    let show: serde_json::Value = serde_json::from_slice(&show.stdout).expect("json");
    assert_eq!(json, show, "the same as show --json");
    let txt = run("txt");
    let shown = edicola(dir.path())
        .args(["show", &id])
        .output()
        .expect("show");
    assert_eq!(txt.as_bytes(), shown.stdout.as_slice());
}

#[test]
fn export_to_a_file_never_replaces_one_without_force_and_unknown_ids_fail() {
    let dir = tempfile::tempdir().expect("tmp");
    let id = store_with_article(dir.path());
    let file = dir.path().join("out.md");
    edicola(dir.path())
        .args(["export", &id, "-o"])
        .arg(&file)
        .assert()
        .success();
    let written = std::fs::read_to_string(&file).expect("read");
    assert!(written.starts_with("# Rates"));
    std::fs::write(&file, "mine").expect("write");
    let refused = edicola(dir.path())
        .args(["export", &id, "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine");
    edicola(dir.path())
        .args(["export", &id, "--force", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&file).expect("read"), written);
    let unknown = edicola(dir.path())
        .args(["export", "ffffffffffff"])
        .output()
        .expect("run");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("ffffffffffff"));
}

#[test]
fn bookmarks_export_as_a_browser_file_markdown_and_json() {
    let dir = tempfile::tempdir().expect("tmp");
    store_with_article(dir.path());
    let run = |format: &str| {
        let out = edicola(dir.path())
            .args(["bookmarks", "export", "--format", format])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf8")
    };
    let netscape = run("netscape");
    assert!(netscape.starts_with("<!DOCTYPE NETSCAPE-Bookmark-file-1>"));
    let line = netscape
        .lines()
        .find(|l| l.contains("<A HREF"))
        .expect("a bookmark");
    assert!(
        line.contains("HREF=\"https://wire.example/rates?a=1&amp;b=2\""),
        "{line}"
    );
    assert!(
        line.contains(">Rates &lt;rise&gt; &amp; *fall*</A>"),
        "{line}"
    );
    let added: i64 = line
        .split("ADD_DATE=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("ADD_DATE");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("now")
        .as_secs() as i64;
    assert!(
        (now - added).abs() < 600,
        "seconds, when bookmarked: {added}"
    );
    assert!(run("md").contains(
        "- [Rates \\<rise\\> \\& \\*fall\\*](<https://wire.example/rates?a=1&b=2>) — Wire"
    ));
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    assert_eq!(json[0]["url"], "https://wire.example/rates?a=1&b=2");
}

#[test]
fn the_man_page_names_every_command_and_completions_come_for_each_shell() {
    use clap::CommandFactory;
    let dir = tempfile::tempdir().expect("tmp");
    let out = edicola(dir.path()).arg("man").output().expect("man");
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).expect("utf8");
    assert!(page.contains(".TH edicola 1"));
    for sub in edicola::cli::Cli::command().get_subcommands() {
        assert!(
            page.contains(&format!("edicola {}", sub.get_name())),
            "{} missing",
            sub.get_name()
        );
    }
    assert!(page.contains("edicola bookmarks export"));
    for shell in ["bash", "zsh", "fish"] {
        let out = edicola(dir.path())
            .args(["completions", shell])
            .output()
            .expect("run");
        assert!(out.status.success());
        let script = String::from_utf8(out.stdout).expect("utf8");
        assert!(script.contains("import-newsboat"), "{shell}");
    }
    assert!(!dir.path().join("edicola.db").exists(), "no store needed");
}
