//! `edicola sync` killed (SIGKILL) at chosen moments against a Fever server
//! that keeps state: no mark is lost or sent with another meaning, and the
//! next sync completes. Debug builds only (see `edicola::crashpoint`).
#![cfg(all(unix, debug_assertions))]

mod common;
mod sync_support;

use std::collections::HashSet;
use std::os::unix::process::ExitStatusExt;
use std::sync::{Arc, Mutex};

use common::edicola;
use edicola::store::Store;
use serde_json::Value;
use sync_support::{Req, Server, fever_answer_all, fever_call, fixture, serve};

#[derive(Default)]
struct State {
    read: HashSet<i64>,
    saved: HashSet<i64>,
}

fn ids(set: &HashSet<i64>) -> String {
    let mut v: Vec<String> = set.iter().map(i64::to_string).collect();
    v.sort();
    v.join(",")
}

/// A Fever server (key checks left to tests/sync.rs) over items.json whose
/// marks change with the requests.
fn stateful_fever() -> (Server, Arc<Mutex<State>>) {
    let state = Arc::new(Mutex::new(State {
        read: [102, 103].into(),
        saved: [102].into(),
    }));
    let s = state.clone();
    let server = serve(Arc::new(move |r: &Req| {
        let mut st = s.lock().expect("state");
        let call = match fever_call(r) {
            Ok(c) => c,
            Err(e) => return (400, e),
        };
        let arg = |k: &str| call.args.get(k).cloned().unwrap_or_default();
        if call.command != "mark" {
            // As Coldsweat: every command of a read answered.
            let st = &*st;
            return (200, fever_answer_all(&call, |c| read(st, c, &arg)));
        }
        let id: i64 = arg("id").parse().unwrap_or(0);
        match arg("as").as_str() {
            "read" => st.read.insert(id),
            "unread" => st.read.remove(&id),
            "saved" => st.saved.insert(id),
            _ => st.saved.remove(&id),
        };
        (200, fixture("fever/ok.json"))
    }));
    (server, state)
}

/// The answer to one read command of the stateful Fever server.
fn read(st: &State, command: &str, arg: &dyn Fn(&str) -> String) -> String {
    match command {
        "feeds" => fixture("fever/feeds.json"),
        "groups" => fixture("fever/groups.json"),
        "items" if arg("since_id") == "0" || !arg("with_ids").is_empty() => {
            let mut v: Value = serde_json::from_str(&fixture("fever/items.json")).expect("json");
            for item in v["items"].as_array_mut().into_iter().flatten() {
                let id = item["id"].as_i64().unwrap_or(0);
                item["is_read"] = i64::from(st.read.contains(&id)).into();
                item["is_saved"] = i64::from(st.saved.contains(&id)).into();
            }
            v.to_string()
        }
        "items" => fixture("fever/items_empty.json"),
        "unread_item_ids" => {
            let unread: HashSet<i64> = [101, 102, 103]
                .into_iter()
                .filter(|i| !st.read.contains(i))
                .collect();
            format!(
                r#"{{"api_version":3,"auth":1,"unread_item_ids":"{}"}}"#,
                ids(&unread)
            )
        }
        "saved_item_ids" => format!(
            r#"{{"api_version":3,"auth":1,"saved_item_ids":"{}"}}"#,
            ids(&st.saved)
        ),
        _ => fixture("fever/ok.json"),
    }
}

fn setup(server: &Server, dir: &std::path::Path) {
    edicola(dir)
        .args([
            "account",
            "add",
            "fever",
            &server.base,
            "--user",
            "me",
            "--name",
            "home",
        ])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .success();
}

fn killed_sync(dir: &std::path::Path, point: &str) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_edicola"))
        .env("EDICOLA_DATA", dir)
        .env("EDICOLA_CONFIG", dir.join("config"))
        .env("EDICOLA_TEST_KILL_AT", point)
        .arg("sync")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run");
    assert_eq!(status.signal(), Some(9), "not killed at {point}");
}

fn mark_requests(server: &Server) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter_map(|r| fever_call(r).ok())
        .filter(|c| c.command == "mark")
        .map(|c| format!("{} {} {}", c.args["mark"], c.args["as"], c.args["id"]))
        .collect()
}

#[test]
fn a_sync_killed_after_the_server_took_marks_sends_none_again() {
    let (server, state) = stateful_fever();
    let dir = tempfile::tempdir().expect("tmp");
    setup(&server, dir.path());
    edicola(dir.path()).arg("sync").assert().success();
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    let known = store.sync_known("home").expect("known");
    store
        .set_read(&known["101"].article_id, true)
        .expect("read");
    store
        .set_bookmarked(&known["102"].article_id, false)
        .expect("unstar");
    drop(store);
    // The server takes the first batch (read 101); the queue still has it.
    killed_sync(dir.path(), "sync-marks-sent:1");
    edicola(dir.path()).arg("sync").assert().success();
    let st = state.lock().expect("state");
    assert!(st.read.contains(&101) && !st.saved.contains(&102));
    drop(st);
    assert_eq!(
        mark_requests(&server),
        vec!["item read 101", "item unsaved 102"]
    );
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    assert_eq!(store.sync_pending_count(None).expect("pending"), 0);
    let known = store.sync_known("home").expect("known");
    assert!(known["101"].read && !known["102"].starred);
}

#[test]
fn a_first_sync_killed_after_a_page_completes_next_time() {
    let (server, _state) = stateful_fever();
    let dir = tempfile::tempdir().expect("tmp");
    setup(&server, dir.path());
    killed_sync(dir.path(), "sync-page:1");
    edicola(dir.path()).arg("sync").assert().success();
    edicola(dir.path()).arg("sync").assert().success();
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    let known = store.sync_known("home").expect("known");
    assert_eq!(known.len(), 2);
    assert!(!known["101"].read && known["102"].starred);
    assert_eq!(store.sync_pending_count(None).expect("pending"), 0);
    assert!(mark_requests(&server).is_empty());
}

/// Miniflux after its first sync lists only what changed: killed after it
/// stored the changes, then after the server took the first batch of
/// marks, the next sync sends each mark once and keeps the server's.
#[test]
fn a_miniflux_sync_killed_in_its_list_of_changes_completes_next_time() {
    use sync_support::miniflux_server::miniflux_state_server;
    let (server, entries) = miniflux_state_server();
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .args([
            "account",
            "add",
            "miniflux",
            &server.base,
            "--user",
            "me",
            "--name",
            "flux",
        ])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .success();
    edicola(dir.path()).arg("sync").assert().success();
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    let known = store.sync_known("flux").expect("known");
    store
        .set_read(&known["102"].article_id, false)
        .expect("unread");
    store
        .set_bookmarked(&known["103"].article_id, true)
        .expect("star");
    drop(store);
    entries
        .lock()
        .expect("entries")
        .change(101, |e| e["status"] = "read".into());
    killed_sync(dir.path(), "sync-page:1");
    killed_sync(dir.path(), "sync-marks-sent:1");
    edicola(dir.path()).arg("sync").assert().success();
    edicola(dir.path()).arg("sync").assert().success();

    let sent = |path: &str| {
        server
            .requests()
            .iter()
            .filter(|r| r.method == "PUT" && r.path == path)
            .count()
    };
    assert_eq!(sent("/v1/entries"), 1, "the unread of 102, once");
    assert_eq!(sent("/v1/entries/103/bookmark"), 1, "one toggle");
    let list = entries.lock().expect("entries").list.clone();
    assert_eq!(
        (list[1]["status"].as_str(), list[2]["starred"].as_bool()),
        (Some("unread"), Some(true))
    );
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    assert_eq!(store.sync_pending_count(None).expect("pending"), 0);
    let known = store.sync_known("flux").expect("known");
    assert!(known["101"].read && !known["102"].read && known["103"].starred);
}
