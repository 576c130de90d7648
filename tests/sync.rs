//! The feed-server clients against loopback servers that answer as the
//! APIs' public documentation says (answers in tests/fixtures/sync/), and
//! `edicola account` / `edicola sync` end to end.

mod common;

mod sync_support;

use std::sync::Arc;

use common::edicola;
use edicola::store::{Filter, Store};
use edicola::sync::fever::Fever;
use edicola::sync::greader::GReader;
use edicola::sync::http::Client;
use edicola::sync::miniflux::Miniflux;
use edicola::sync::{Remote, SyncOptions, sync_account};
use serde_json::Value;
use sync_support::{
    FeverCall, Req, Server, fever_answer_all, fever_call, fixture, form, greader_gate, serve,
};

// ---- Fever -------------------------------------------------------------

/// md5("me:secret")
const FEVER_KEY: &str = "5f67bbe865987f84db7ba3daea424dcf";

/// The fixture answering one Fever command of `call`.
fn fever_fixture(command: &str, call: &FeverCall) -> (u16, String) {
    let arg = |k: &str| call.args.get(k).map(String::as_str);
    let name = match command {
        "feeds" => "feeds",
        "groups" => "groups",
        "items" if arg("since_id") == Some("0") || arg("with_ids").is_some() => "items",
        "items" => "items_empty",
        "unread_item_ids" => "unread_item_ids",
        "saved_item_ids" => "saved_item_ids",
        "mark" if arg("id").is_none() => return (400, "mark without an id".into()),
        _ => "ok",
    };
    (200, fixture(&format!("fever/{name}.json")))
}

/// A Fever server that answers the first command of a request only, as
/// Miniflux does, or every command (`all`), as Coldsweat and FreshRSS do.
fn fever_server_answering(all: bool) -> Server {
    serve(Arc::new(move |r: &Req| {
        let call = match fever_call(r) {
            Ok(c) => c,
            Err(e) => return (400, e),
        };
        if call.api_key != FEVER_KEY {
            return (200, fixture("fever/refused.json"));
        }
        if all && call.command != "mark" {
            return (200, fever_answer_all(&call, |c| fever_fixture(c, &call).1));
        }
        fever_fixture(&call.command, &call)
    }))
}

fn fever_server() -> Server {
    fever_server_answering(false)
}

fn sync_with(remote: &mut dyn Remote, store: &mut Store) -> edicola::sync::SyncReport {
    let mut progress = |_: &str| {};
    sync_account(
        store,
        remote,
        "test",
        SyncOptions {
            since: 0,
            progress: &mut progress,
        },
    )
}

#[test]
fn fever_brings_items_and_sends_marks() {
    let server = fever_server();
    let mut store = Store::open_in_memory().expect("store");
    let mut fever = Fever::new(
        Client::default(),
        &format!("{}/fever/", server.base),
        "me",
        "secret",
    );
    let feeds = fever.subscriptions().expect("feeds");
    assert_eq!(feeds[0].folders, vec!["World".to_string()]);
    let r = sync_with(&mut fever, &mut store);
    assert_eq!((r.error.clone(), r.added, r.feeds), (None, 3, 2));
    let known = store.sync_known("test").expect("known");
    assert!(!known["101"].read && known["102"].starred && known["103"].read);
    // The server's feed title is stored without its escape sequence.
    let bookmarks = store.bookmarked().expect("bookmarks");
    assert_eq!(bookmarks[0].title, "Parliament votes on the budget");
    store
        .set_read(&known["101"].article_id, true)
        .expect("read");
    store
        .set_bookmarked(&known["102"].article_id, false)
        .expect("unstar");
    let r = sync_with(&mut fever, &mut store);
    assert_eq!((r.error, r.marks_up, r.pending), (None, 2, 0));
    // The marks went up in the POST body, one command per request.
    let marks: Vec<String> = server
        .requests()
        .iter()
        .filter_map(|r| fever_call(r).ok())
        .filter(|c| c.command == "mark")
        .map(|c| format!("{} {} {}", c.args["mark"], c.args["as"], c.args["id"]))
        .collect();
    assert_eq!(marks, vec!["item read 101", "item unsaved 102"]);
    let refused = server
        .requests()
        .iter()
        .filter(|r| fever_call(r).is_err())
        .count();
    assert_eq!(refused, 0, "requests a strict Fever server refuses");
}

#[test]
fn fever_reads_in_one_request_where_the_server_answers_several_commands() {
    for (all, first, nothing_new) in [(true, 2, 1), (false, 5, 5)] {
        let server = fever_server_answering(all);
        let mut store = Store::open_in_memory().expect("store");
        let mut fever = Fever::new(Client::default(), &server.base, "me", "secret");
        let r = sync_with(&mut fever, &mut store);
        assert_eq!((r.error, r.added, r.feeds), (None, 3, 2), "all: {all}");
        let known = store.sync_known("test").expect("known");
        assert!(!known["101"].read && known["102"].starred && known["103"].read);
        assert_eq!(known["101"].feed_id, "1");
        // The first sync pages its items from since_id=0 apart.
        assert_eq!(server.requests().len(), first, "all: {all}");
        let n = server.requests().len();
        let r = sync_with(&mut fever, &mut store);
        assert_eq!((r.error, r.added, r.marks_down), (None, 0, 0));
        assert_eq!(server.requests().len() - n, nothing_new, "all: {all}");
    }
}

#[test]
fn fever_refuses_a_wrong_password() {
    let server = fever_server();
    let mut fever = Fever::new(Client::default(), &server.base, "me", "wrong");
    let e = fever.subscriptions().expect_err("refused").to_string();
    assert!(e.contains("refused"), "{e}");
}

#[test]
fn cli_account_and_sync_end_to_end() {
    let server = fever_server();
    let dir = tempfile::tempdir().expect("tmp");
    let url = format!("{}/fever/", server.base);
    edicola(dir.path())
        .args([
            "account", "add", "fever", &url, "--user", "me", "--name", "home",
        ])
        .env("EDICOLA_PASSWORD", "wrong")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("refused"));
    edicola(dir.path())
        .args([
            "account", "add", "fever", &url, "--user", "me", "--name", "home",
        ])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .success();
    let file = dir.path().join("config/accounts.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let list = edicola(dir.path())
        .args(["account", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let list = String::from_utf8_lossy(&list);
    assert!(list.contains("home") && !list.contains("secret"), "{list}");
    let out = edicola(dir.path())
        .args(["sync", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let reports: Value = serde_json::from_slice(&out).expect("json");
    // Read articles older than the sync window (30 days) stay on the server.
    assert_eq!(reports[0]["added"], 2);
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    assert_eq!(store.count(&Filter::all()).expect("count"), 2);
    let id = store.sync_known("home").expect("known")["101"]
        .article_id
        .clone();
    drop(store);
    edicola(dir.path())
        .args(["bookmark", &id])
        .assert()
        .success();
    edicola(dir.path())
        .args(["mark-read", &id])
        .assert()
        .success()
        .stdout(predicates::str::contains("marked read"));
    let listed = edicola(dir.path())
        .args(["account", "list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: Value = serde_json::from_slice(&listed).expect("json");
    assert_eq!(listed[0]["pending_marks"], 2);
    edicola(dir.path()).args(["sync"]).assert().success();
    assert!(server.requests().iter().any(|r| {
        fever_call(r)
            .is_ok_and(|c| c.command == "mark" && c.args["as"] == "read" && c.args["id"] == "101")
    }));
    assert!(server.requests().iter().any(|r| {
        fever_call(r)
            .is_ok_and(|c| c.command == "mark" && c.args["as"] == "saved" && c.args["id"] == "101")
    }));
    // Readable by others: refused, with the fix.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        edicola(dir.path())
            .args(["sync"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("chmod 600"));
    }
}

#[test]
fn plain_http_to_another_host_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .args([
            "account",
            "add",
            "fever",
            "http://rss.example/fever/",
            "--user",
            "me",
        ])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--insecure-http"));
}

// ---- Google Reader API ---------------------------------------------------

fn greader_server() -> Server {
    serve(Arc::new(|r: &Req| {
        if let Some(answer) = greader_gate(r) {
            return answer;
        }
        let p = r.path.as_str();
        let q = r.query.as_str();
        let name = match p {
            _ if p.ends_with("/token") => return (200, "writetoken123\n".into()),
            _ if p.ends_with("/subscription/list") => "subscription_list",
            _ if p.contains("/stream/contents/") && q.contains("c=page2") => "contents_page2",
            _ if p.contains("/stream/contents/") && q.contains("ot=0") => "contents_page1",
            _ if p.contains("/stream/contents/") => "contents_empty",
            _ if p.ends_with("/stream/items/ids") && q.contains("xt=") => "ids_unread",
            _ if p.ends_with("/stream/items/ids") => "ids_starred",
            _ if p.ends_with("/edit-tag") => return (200, "OK".into()),
            _ => return (404, "not found".into()),
        };
        (200, fixture(&format!("greader/{name}.json")))
    }))
}

#[test]
fn greader_logs_in_pages_and_edits_tags() {
    let server = greader_server();
    let mut store = Store::open_in_memory().expect("store");
    let base = format!("{}/api/greader.php", server.base);
    // An expired token: renewed with the password.
    let mut client = GReader::new(Client::default(), &base, "me", "secret", Some("old".into()));
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error.clone(), r.added), (None, 3));
    assert_eq!(client.token().as_deref(), Some("me/0123456789abcdef"));
    let known = store.sync_known("test").expect("known");
    let rivers = "tag:google.com,2005:reader/item/0000000000000065";
    let budget = "tag:google.com,2005:reader/item/0000000000000066";
    assert!(!known[rivers].read && known[budget].starred && known[budget].read);
    store
        .set_read(&known[rivers].article_id, true)
        .expect("read");
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.marks_up), (None, 1));
    let edit = server
        .requests()
        .into_iter()
        .find(|q| q.path.ends_with("/edit-tag"))
        .expect("edit-tag sent");
    let f = form(&edit.body);
    assert!(f.contains(&("i".into(), rivers.into())));
    assert!(f.contains(&("a".into(), "user/-/state/com.google/read".into())));
    assert!(f.contains(&("T".into(), "writetoken123".into())));
}

// ---- Miniflux ------------------------------------------------------------

fn miniflux_server() -> Server {
    serve(Arc::new(|r: &Req| {
        // Basic me:secret
        if r.headers.get("authorization").map(String::as_str) != Some("Basic bWU6c2VjcmV0") {
            return (401, r#"{"error_message":"Access Unauthorized"}"#.into());
        }
        let all: Value = serde_json::from_str(&fixture("miniflux/entries.json")).expect("json");
        let entries = all["entries"].as_array().cloned().unwrap_or_default();
        let q = r.query.as_str();
        match (r.method.as_str(), r.path.as_str()) {
            ("GET", "/v1/feeds") => (200, fixture("miniflux/feeds.json")),
            ("GET", "/v1/entries") => {
                let after: i64 = q
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("after_entry_id="))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let offset = q.contains("offset=") && !q.contains("offset=0");
                let list: Vec<&Value> = entries
                    .iter()
                    .filter(|_| !offset)
                    .filter(|e| e["id"].as_i64().unwrap_or(0) > after)
                    .filter(|e| !q.contains("status=unread") || e["status"] == "unread")
                    .filter(|e| !q.contains("starred=true") || e["starred"] == true)
                    .collect();
                (
                    200,
                    serde_json::json!({"total": list.len(), "entries": list}).to_string(),
                )
            }
            ("GET", p) if p.starts_with("/v1/entries/") => {
                let id: i64 = p[12..].parse().unwrap_or(0);
                let e = entries.iter().find(|e| e["id"] == id).cloned();
                e.map_or((404, "{}".into()), |e| (200, e.to_string()))
            }
            ("PUT", "/v1/entries") => (204, String::new()),
            ("PUT", p) if p.ends_with("/bookmark") => (204, String::new()),
            _ => (404, r#"{"error_message":"not found"}"#.into()),
        }
    }))
}

#[test]
fn miniflux_syncs_with_basic_auth() {
    let server = miniflux_server();
    let mut store = Store::open_in_memory().expect("store");
    let mut client = Miniflux::new(Client::default(), &server.base, "me", "secret");
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error.clone(), r.added), (None, 3));
    let known = store.sync_known("test").expect("known");
    assert!(known["102"].starred && !known["101"].read);
    store
        .set_read(&known["101"].article_id, true)
        .expect("read");
    store
        .set_bookmarked(&known["103"].article_id, true)
        .expect("star");
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.marks_up), (None, 2));
    let reqs = server.requests();
    let put = reqs
        .iter()
        .find(|q| q.method == "PUT" && q.path == "/v1/entries")
        .expect("status sent");
    let body: Value = serde_json::from_str(&put.body).expect("json");
    assert_eq!(
        body,
        serde_json::json!({"entry_ids": [101], "status": "read"})
    );
    assert!(reqs.iter().any(|q| q.path == "/v1/entries/103/bookmark"));
    let mut wrong = Miniflux::new(Client::default(), &server.base, "me", "nope");
    let e = wrong.subscriptions().expect_err("refused").to_string();
    assert!(e.contains("Access Unauthorized"), "{e}");
}

#[test]
fn a_failing_account_is_named_and_the_others_still_sync() {
    let server = fever_server();
    let dir = tempfile::tempdir().expect("tmp");
    for name in ["good", "bad"] {
        edicola(dir.path())
            .args([
                "account",
                "add",
                "fever",
                &server.base,
                "--user",
                "me",
                "--name",
                name,
            ])
            .env("EDICOLA_PASSWORD", "secret")
            .assert()
            .success();
    }
    // The server's password changed for one of them.
    let file = dir.path().join("config/accounts.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    let (first, second) = text.split_at(text.find("name = \"bad\"").expect("bad account"));
    let changed = format!("{first}{}", second.replacen("secret", "changed", 1));
    std::fs::write(&file, changed).expect("write");
    let out = edicola(dir.path())
        .args(["sync"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("sync failed for: bad"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("good: ok; 2 new"), "{out}");
    assert!(out.contains("bad: failed: the server refused"), "{out}");
}

#[test]
fn sync_days_in_the_settings_brings_older_read_articles() {
    let server = fever_server();
    let dir = tempfile::tempdir().expect("tmp");
    let url = format!("{}/fever/", server.base);
    edicola(dir.path())
        .args(["account", "add", "fever", &url, "--user", "me"])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .success();
    // Item 103 is read and from November 2023: inside 100 years, not 30 days.
    std::fs::write(
        dir.path().join("config/config.toml"),
        "[sync]\ndays = 36500\n",
    )
    .expect("settings");
    let out = edicola(dir.path())
        .args(["sync", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let reports: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(reports[0]["added"], 3);
}
