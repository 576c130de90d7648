//! Hostile bytes (terminal escape sequences, C1 controls, NUL, backspace,
//! carriage return, bidi overrides) in feeds, pages, text copies, OPML,
//! server answers, subscription files and file names: they are never
//! stored, never printed raw by any command, and escaped in JSON; script
//! addresses are never kept.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Clipboard write, window title, leave the alternate screen, a DCS
/// string, a C1 CSI, backspace, carriage return, a bidi override.
const PAYLOAD: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;owned\u{7}\u{1b}[?1049l\u{1b}Pq#0\u{1b}\\\u{9b}2J\u{8}\r\u{202e}";

fn edicola(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("edicola").expect("binary");
    cmd.env("EDICOLA_DATA", dir.join("data"))
        .env("EDICOLA_CONFIG", dir.join("config"))
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY");
    cmd
}

/// The first character a terminal could act on: a control other than tab
/// and line feed, or a bidi embedding, override or isolate.
fn first_unsafe(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = first_unsafe(&text) {
        let before: String = text[..at].chars().rev().take(40).collect();
        let before: String = before.chars().rev().collect();
        panic!("{what}: {c:?} at byte {at}, after {before:?}");
    }
}

/// Runs a command (whatever its exit code) and checks both outputs.
fn run_safe(what: &str, cmd: &mut Command) -> (String, String) {
    let out = cmd.output().expect("run");
    assert_safe(&format!("{what} stdout"), &out.stdout);
    assert_safe(&format!("{what} stderr"), &out.stderr);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn words(n: usize) -> String {
    let base = "la notizia del giorno racconta come il consiglio comunale ha deciso di riaprire il ponte dopo due anni di lavori";
    base.split(' ')
        .cycle()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An RSS 2.0 feed the fast reader takes: raw controls and character
/// references to them, script links.
fn rss_fast() -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed{PAYLOAD}</title>\
         <link>http://feed.example/</link>\
         <item><title>Fast{PAYLOAD}item</title><link> JaVaScRiPt:alert(1)</link>\
         <author>Ann{PAYLOAD}</author><category>Cat{PAYLOAD}</category>\
         <description>&lt;p&gt;{} {PAYLOAD} &lt;a href=\"data:text/html,x\"&gt;here{PAYLOAD}&lt;/a&gt;&lt;/p&gt;</description></item>\
         <item><title>Refs&#27;]0;owned&#7;&#x9b;&#8238;item</title><link>http://feed.example/2</link>\
         <description>Text &#27;[31m red</description></item>\
         </channel></rss>",
        words(300)
    )
}

/// Atom, read by feed-rs.
fn atom() -> String {
    format!(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom{PAYLOAD}</title>\
         <id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>\
         <entry><title>Atom{PAYLOAD}entry</title><id>urn:1</id><updated>2026-01-01T00:00:00Z</updated>\
         <link href=\"vbscript:msgbox(1)\"/><link rel=\"enclosure\" href=\"data:audio/mp3,x\" type=\"audio/mpeg\"/>\
         <author><name>Bob{PAYLOAD}</name></author>\
         <summary>{} {PAYLOAD}</summary></entry></feed>",
        words(200)
    )
}

/// JSON Feed: escapes reach NUL and C1.
fn json_feed() -> String {
    let evil = "\\u0000\\u001b]0;owned\\u0007\\u009b\\u202e\\u0008\\r";
    format!(
        "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Json{evil}\",\
         \"items\":[{{\"id\":\"1\",\"url\":\"\\tjavascript:alert(1)\",\"title\":\"Json{evil}item\",\
         \"content_text\":\"{} {evil}\",\"authors\":[{{\"name\":\"Cy{evil}\"}}],\
         \"attachments\":[{{\"url\":\"data:,x\",\"mime_type\":\"audio/mpeg\"}}]}}]}}",
        words(20)
    )
}

fn page() -> String {
    let paragraphs: String = (0..6)
        .map(|i| format!("<p>{} {i} {PAYLOAD} <a href=\"javascript:void(0)\">link{PAYLOAD}</a> <a href=\"https://example.com/{i}\">ok</a>.</p>", words(60)))
        .collect();
    format!(
        "<!doctype html><html><head><title>Page{PAYLOAD}title</title>\
         <meta property=\"og:site_name\" content=\"Site{PAYLOAD}\">\
         <meta name=\"author\" content=\"Dee{PAYLOAD}\">\
         <link rel=\"canonical\" href=\"javascript:alert(1)\"></head>\
         <body><article><h1>Page{PAYLOAD}title</h1>{paragraphs}</article></body></html>"
    )
}

fn text_copy() -> String {
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/infoaut.txt"),
    )
    .expect("fixture");
    original
        .replacen("Sputnik Moment?", &format!("Sputnik{PAYLOAD} Moment?"), 1)
        .replacen("La notizia", &format!("La{PAYLOAD} notizia"), 1)
        .replacen(
            "da Radio Blackout",
            &format!("da Radio{PAYLOAD} Blackout"),
            1,
        )
}

fn opml() -> String {
    format!(
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>{}</title></head><body>\
         <outline text=\"Folder{PAYLOAD}\"><outline text=\"Sub{PAYLOAD}\" xmlUrl=\"http://127.0.0.1:9/rss\"/>\
         <outline text=\"Bad\" xmlUrl=\"javascript:alert(1)\"/></outline></body></opml>",
        words(100)
    )
}

/// Every importer kind, one file each.
fn hostile_files(dir: &Path) -> Vec<PathBuf> {
    let files = [
        ("fast.xml", rss_fast()),
        ("atom.xml", atom()),
        ("feed.json", json_feed()),
        ("page.html", page()),
        ("copy.txt", text_copy()),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).expect("write");
            path
        })
        .collect()
}

/// Imports `hostile_files`; `checked`: with the import's own output checked.
fn import_all(dir: &Path, checked: bool) -> Vec<String> {
    let files = hostile_files(dir);
    let mut import = edicola(dir);
    import.arg("import").args(&files);
    let err = if checked {
        run_safe("import", &mut import).1
    } else {
        let out = import.output().expect("run");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(err.contains("0 failed"), "{err}");
    let list = json_of(edicola(dir).args(["list", "--json"]));
    let ids: Vec<String> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(ids.len(), 6, "{list}");
    ids
}

/// Every string in a JSON value.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

#[test]
fn text_commands_print_no_hostile_bytes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    let ids = import_all(dir, true);
    for id in &ids {
        run_safe("bookmark", edicola(dir).args(["bookmark", id]));
        let (out, _) = run_safe("show", edicola(dir).args(["show", id]));
        assert!(out.lines().count() > 2, "{out}");
    }
    let (list, _) = run_safe("list", edicola(dir).arg("list"));
    assert_eq!(list.lines().count(), 6, "{list}");
    let (marked, _) = run_safe("bookmarks", edicola(dir).arg("bookmarks"));
    assert_eq!(marked.lines().count(), 6, "{marked}");
    let (found, _) = run_safe("search", edicola(dir).args(["search", "owned"]));
    assert!(!found.is_empty());
    run_safe(
        "dry run",
        edicola(dir)
            .args(["import", "--dry-run"])
            .args(hostile_files(dir)),
    );
    let opml_file = dir.join("subs.opml");
    std::fs::write(&opml_file, opml()).expect("write");
    let (out, _) = run_safe("import opml", edicola(dir).arg("import").arg(&opml_file));
    assert!(out.contains("feed  http://127.0.0.1:9/rss"), "{out}");
    assert!(!out.contains("javascript"), "{out}");
    let (feeds, _) = run_safe("feeds", edicola(dir).arg("feeds"));
    assert!(feeds.contains("Sub"), "{feeds}");
    run_safe("feeds --opml", edicola(dir).args(["feeds", "--opml"]));
}

#[test]
fn stored_fields_hold_no_controls_and_no_script_addresses() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    for id in import_all(dir, false) {
        let article = json_of(edicola(dir).args(["show", &id, "--json"]));
        let mut texts = Vec::new();
        strings(&article, &mut texts);
        for s in &texts {
            assert!(
                !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{s:?} in {article}"
            );
            let scheme = s.trim_start().to_ascii_lowercase();
            assert!(
                !["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|p| scheme.starts_with(p)),
                "{s:?} in {article}"
            );
        }
        // The text itself is kept around the controls.
        let title = article["title"].as_str().expect("title");
        assert!(
            title.contains("]0;owned") || title.contains("Moment"),
            "{title}"
        );
    }
}

/// A store and a subscriptions file holding raw controls (written by an
/// older version or by hand) are still printed safely, and JSON escapes
/// C1 and bidi controls.
#[test]
fn output_neutralises_what_is_already_stored() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    let ids = import_all(dir, false);
    let conn = rusqlite::Connection::open(dir.join("data/edicola.db")).expect("db");
    conn.execute(
        "UPDATE articles SET title = ?1 || title, source = ?1, byline = ?1, url = ?1, category = ?1",
        [PAYLOAD],
    )
    .expect("update");
    drop(conn);
    let config = dir.join("config");
    std::fs::create_dir_all(&config).expect("config");
    std::fs::write(
        config.join("subscriptions.toml"),
        "[[feed]]\nurl = \"http://127.0.0.1:9/\\u001b[2J\"\ntitle = \"T\\u001b]0;owned\\u0007\\u009b\\u202e\"\ntags = [\"x\\u001b\"]\n",
    )
    .expect("subs");
    run_safe("list", edicola(dir).arg("list"));
    run_safe("search", edicola(dir).args(["search", "owned"]));
    run_safe("feeds", edicola(dir).arg("feeds"));
    run_safe("fetch", edicola(dir).arg("fetch"));
    for id in &ids {
        run_safe("show", edicola(dir).args(["show", id]));
        run_safe("bookmark", edicola(dir).args(["bookmark", id]));
    }
    run_safe("bookmarks", edicola(dir).arg("bookmarks"));
    let (removed, _) = run_safe(
        "remove-article",
        edicola(dir).args(["remove-article", &ids[2]]),
    );
    assert!(removed.contains("owned"), "{removed}");
    for args in [
        vec!["list", "--json"],
        vec!["show", &ids[0], "--json"],
        vec!["feeds", "--json"],
        vec!["remove-article", &ids[1], "--json"],
    ] {
        let out = edicola(dir).args(&args).output().expect("run");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            !text
                .chars()
                .any(|c| ('\u{7f}'..='\u{9f}').contains(&c)
                    || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?}: {text}"
        );
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{args:?}: {text}"
        );
        let value: Value = serde_json::from_str(&text).expect("valid JSON");
        let mut texts = Vec::new();
        strings(&value, &mut texts);
        assert!(texts.iter().any(|s| s.contains('\u{9b}')), "{args:?}");
    }
}

#[test]
fn hostile_file_names_are_printed_safely() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    let evil = dir.join(format!("evil{}.txt", PAYLOAD));
    std::fs::write(&evil, text_copy()).expect("write");
    let (out, _) = run_safe("import", edicola(dir).arg("import").arg(&evil));
    assert!(out.contains("evil"), "{out}");
    run_safe(
        "dry run",
        edicola(dir).args(["import", "--dry-run"]).arg(&evil),
    );
    let missing = dir.join(format!("missing{}.xml", PAYLOAD));
    let (_, err) = run_safe("missing", edicola(dir).arg("import").arg(&missing));
    assert!(
        err.contains("edicola: ") && err.contains("missing"),
        "{err}"
    );
    let binary = dir.join(format!("bin{}.dat", PAYLOAD));
    std::fs::write(&binary, b"\x7fELF\x02\x01\x00\x00").expect("write");
    let (_, err) = run_safe("binary", edicola(dir).arg("import").arg(&binary));
    assert!(err.contains("binary"), "{err}");
    run_safe("show", edicola(dir).args(["show", PAYLOAD]));
    run_safe("remove", edicola(dir).args(["remove", PAYLOAD]));
}

/// `fetch` and `add` lines and their errors, from a server that sends a
/// hostile feed.
#[test]
fn fetch_lines_print_no_hostile_bytes() {
    let server = hostile_server::start(rss_fast());
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    let url = format!("{}/feed", server.base);
    run_safe("add", edicola(dir).args(["add", &url]));
    let subs = dir.join("config/subscriptions.toml");
    let mut text = std::fs::read_to_string(&subs).expect("subs");
    text.push_str(&format!(
        "\n[[feed]]\nurl = \"{}/missing\"\ntitle = \"Gone\\u001b]0;owned\\u0007\"\n",
        server.base
    ));
    std::fs::write(&subs, text).expect("write");
    let (out, err) = run_safe("fetch", edicola(dir).arg("fetch"));
    assert!(out.contains("2 new") && out.contains("failed"), "{out}");
    assert!(err.contains("1 failed"), "{err}");
    let (feeds, _) = run_safe("feeds", edicola(dir).arg("feeds"));
    assert!(feeds.contains("Feed"), "{feeds}");
    let feeds = json_of(edicola(dir).args(["feeds", "--json"]));
    let title = feeds[0]["title"].as_str().expect("title");
    assert!(!title.chars().any(char::is_control), "{title:?}");
    let (_, err) = run_safe(
        "add failing",
        edicola(dir).args(["add", &format!("{}/missing\u{1b}[2J", server.base)]),
    );
    assert!(err.contains("edicola: "), "{err}");
}

/// A server that answers `/feed` with one body and anything else with 404.
mod hostile_server {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    pub struct Server {
        pub base: String,
    }

    pub fn start(body: String) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                        break;
                    }
                }
                let (status, body) = if line.starts_with("GET /feed ") {
                    ("200 OK", body.as_str())
                } else {
                    ("404 Not Found", "")
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        Server { base }
    }
}
