//! The store under abuse: the process killed in the middle of an import or
//! of an index build, and two processes writing at once. After each, the
//! database must pass SQLite's integrity checks, hold either the old or the
//! new state of every batch, and finish the interrupted work by itself.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_edicola"))
}

fn edicola(data: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("EDICOLA_DATA", data)
        .env("EDICOLA_CONFIG", data.join("config"))
        .stdin(Stdio::null());
    cmd
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run edicola");
    assert!(
        out.status.success(),
        "edicola failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const WORDS: &[&str] = &[
    "governo",
    "europa",
    "mercato",
    "energia",
    "scuola",
    "ospedale",
    "treno",
    "porto",
    "elezioni",
    "bilancio",
    "sciopero",
    "cantiere",
    "ricerca",
    "vendemmia",
    "tribunale",
    "museo",
];

/// `files` RSS files of `items` articles each, numbered from `first`;
/// every article of file `f` carries the marker word `m{f}x`.
fn write_feeds(dir: &Path, first: usize, files: usize, items: usize) -> PathBuf {
    let feeds = dir.join("feeds");
    std::fs::create_dir_all(&feeds).expect("feeds dir");
    for f in first..first + files {
        let mut xml = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {f}</title>\
             <link>http://feed{f}.example/</link><language>it</language>"
        );
        for i in 0..items {
            let mut body = format!("m{f}x articolo numero {i}.");
            for k in 0..60 {
                body.push(' ');
                body.push_str(WORDS[(i * 7 + k * 3 + f) % WORDS.len()]);
            }
            xml.push_str(&format!(
                "<item><title>Notizia {i} del feed {f} {}</title>\
                 <link>http://feed{f}.example/a/{i}</link>\
                 <pubDate>Thu, 01 Jan 2026 {:02}:{:02}:00 +0000</pubDate>\
                 <description>&lt;p&gt;{body}&lt;/p&gt;</description></item>",
                WORDS[i % WORDS.len()],
                (i / 60) % 24,
                i % 60
            ));
        }
        xml.push_str("</channel></rss>");
        std::fs::write(feeds.join(format!("feed-{f:03}.xml")), xml).expect("write feed");
    }
    feeds
}

/// A store in a new temporary directory holding `files` feeds of 500
/// articles each, imported without indexing them.
fn imported_without_index(files: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let feeds = write_feeds(dir.path(), 0, files, 500);
    let data = dir.path().join("data");
    run_ok(edicola(&data).args(["import", "--no-index"]).arg(&feeds));
    (dir, data)
}

fn store_file(data: &Path) -> PathBuf {
    data.join("edicola.db")
}

/// SQLite's own checks, on the tables and on the full-text index.
fn assert_intact(data: &Path) {
    let conn = rusqlite::Connection::open(store_file(data)).expect("open store");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(verdict, "ok");
    conn.execute(
        "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("full-text index intact");
}

fn count(data: &Path) -> usize {
    let list: Value =
        serde_json::from_str(&run_ok(edicola(data).args(["list", "--json"]))).expect("json");
    list.as_array().expect("array").len()
}

fn search_count(data: &Path, query: &str) -> usize {
    let found: Value = serde_json::from_str(&run_ok(
        edicola(data).args(["search", "--json", "--limit", "100000", query]),
    ))
    .expect("json");
    found.as_array().expect("array").len()
}

/// Runs a command that the debug build kills (SIGKILL) the `n`th time it
/// reaches `point` (see `edicola::crashpoint`); asserts it was so killed.
fn killed_at(mut command: Command, point: &str, n: usize) {
    let status = command
        .env("EDICOLA_TEST_KILL_AT", format!("{point}:{n}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(9), "not killed at {point}:{n}");
}

#[test]
fn killed_imports_leave_a_sound_store_that_the_next_import_completes() {
    let dir = tempfile::tempdir().expect("tmp");
    let feeds = write_feeds(dir.path(), 0, 12, 500);
    let total = 12 * 500;
    // Killed with one batch written, with all three written but not
    // committed, and right after the commit (its checkpoint not made).
    let trials = [
        ("import-batch", 1, 2),
        ("import-batch", 3, 2),
        ("import-commit", 1, total),
    ];
    for (trial, (point, n, expected)) in trials.into_iter().enumerate() {
        let data = dir.path().join(format!("data-{trial}"));
        let mut import = edicola(&data);
        import.arg("import").arg(&feeds);
        killed_at(import, point, n);
        // Whole commits or nothing (the samples when none landed).
        assert_eq!(count(&data), expected, "after a kill at {point}:{n}");
        assert_intact(&data);
        // The next import finishes the job: every article once, all indexed.
        run_ok(edicola(&data).arg("import").arg(&feeds));
        assert_intact(&data);
        assert_eq!(count(&data), total);
        assert_eq!(search_count(&data, "m3x"), 500);
    }
}

#[test]
fn the_last_commit_of_an_import_is_checkpointed_when_the_store_closes() {
    // An import does not wait for the copy of its last commit from the
    // write-ahead log into the store file (Store::defer_checkpoints): the
    // articles are visible at once, and closing the store makes the copy.
    let (_dir, data) = imported_without_index(4);
    let wal = data.join("edicola.db-wal");
    let wal_len = std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert_eq!(wal_len, 0, "the log was copied into the store and emptied");
    assert_eq!(count(&data), 2000);
    assert_intact(&data);
    // The store file alone (its log is empty) holds every article.
    let conn = rusqlite::Connection::open(store_file(&data)).expect("open");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 2000);
}

#[test]
fn a_killed_index_build_resumes_and_ends_complete() {
    let (_dir, data) = imported_without_index(10);
    assert_eq!(search_count(&data, "m4x"), 0, "nothing indexed yet");
    let mut index = edicola(&data);
    index.arg("index");
    killed_at(index, "index-batch", 2);
    assert_intact(&data);
    let state = edicola::store::Store::open_read_only(&store_file(&data))
        .expect("open")
        .index_state()
        .expect("index state");
    assert_eq!(state.pending, 1000, "two batches of 2000 were committed");
    assert!(search_count(&data, "m4x") <= 500);
    let out = edicola(&data).arg("index").output().expect("index");
    assert!(out.status.success());
    assert_intact(&data);
    assert_eq!(search_count(&data, "m4x"), 500);
    let again = edicola(&data).arg("index").output().expect("index");
    assert!(String::from_utf8_lossy(&again.stderr).contains("complete (5000 articles)"));
    // A rebuild from scratch gives the same answers.
    run_ok(edicola(&data).args(["index", "--rebuild"]));
    assert_eq!(search_count(&data, "m4x"), 500);
    assert_eq!(
        search_count(&data, "governi"),
        search_count(&data, "governo")
    );
}

#[test]
fn marks_made_by_a_second_process_during_an_import_are_kept() {
    let dir = tempfile::tempdir().expect("tmp");
    let first = write_feeds(&dir.path().join("first"), 100, 1, 5);
    let big = write_feeds(dir.path(), 0, 10, 500);
    let data = dir.path().join("data");
    run_ok(edicola(&data).arg("import").arg(&first));
    let list: Value =
        serde_json::from_str(&run_ok(edicola(&data).args(["list", "--json"]))).expect("json");
    let ids: Vec<String> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect();
    let mut import = edicola(&data)
        .arg("import")
        .arg(&big)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn import");
    // While it writes: bookmark, read the list, bookmark again.
    for id in &ids {
        run_ok(edicola(&data).args(["bookmark", id]));
        count(&data);
    }
    let status = import.wait().expect("import");
    assert!(status.success());
    let marked: Value =
        serde_json::from_str(&run_ok(edicola(&data).args(["bookmarks", "--json"]))).expect("json");
    assert_eq!(marked.as_array().expect("array").len(), ids.len());
    assert_eq!(count(&data), 5 + 5000);
    assert_intact(&data);
}

#[test]
fn two_index_builds_at_once_index_each_article_once() {
    let (_dir, data) = imported_without_index(8);
    let spawn = || {
        edicola(&data)
            .arg("index")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn index")
    };
    let (mut a, mut b) = (spawn(), spawn());
    assert!(a.wait().expect("a").success());
    assert!(b.wait().expect("b").success());
    assert_intact(&data);
    assert_eq!(search_count(&data, "m5x"), 500);
    // Each article once in the index: the marker's postings hold 500 rows.
    let conn = rusqlite::Connection::open(store_file(&data)).expect("open");
    let docs: i64 = conn
        .query_row(
            "SELECT doc FROM articles_fts_vocab WHERE term = 'm5x'",
            [],
            |r| r.get(0),
        )
        .expect("vocab");
    assert_eq!(docs, 500);
}
