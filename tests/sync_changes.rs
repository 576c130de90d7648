//! Miniflux after the first sync: only what changed since the last one
//! is asked (`changed_after`), against a server that keeps its state.

mod sync_support;

use edicola::store::Store;
use edicola::sync::http::Client;
use edicola::sync::miniflux::Miniflux;
use edicola::sync::{SyncOptions, SyncReport, sync_account};
use serde_json::json;
use sync_support::miniflux_server::miniflux_state_server;

fn sync_with(client: &mut Miniflux, store: &mut Store) -> SyncReport {
    let mut progress = |_: &str| {};
    sync_account(
        store,
        client,
        "flux",
        SyncOptions {
            since: 0,
            progress: &mut progress,
        },
    )
}

#[test]
fn miniflux_asks_only_what_changed_after_the_first_sync() {
    let (server, entries) = miniflux_state_server();
    let mut store = Store::open_in_memory().expect("store");
    let mut client = Miniflux::new(Client::default(), &server.base, "me", "secret");
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.added), (None, 3));

    // Nothing new: the subscriptions and one list of changes.
    let n = server.requests().len();
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.added, r.marks_down), (None, 0, 0));
    let asked: Vec<String> = server.requests()[n..]
        .iter()
        .map(|q| format!("{} {}", q.method, q.path))
        .collect();
    assert_eq!(asked, ["GET /v1/feeds", "GET /v1/entries"]);
    let query = &server.requests()[n + 1].query;
    assert!(
        query.contains("changed_after=") && query.contains("status=unread&status=read"),
        "{query}"
    );

    // Read on another device: the change comes down.
    entries
        .lock()
        .expect("entries")
        .change(101, |e| e["status"] = json!("read"));
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.marks_down), (None, 1));
    let known = store.sync_known("flux").expect("known");
    assert!(known["101"].read);

    // Bookmarked here: it goes up once, and the server's stamp of it
    // coming back changes nothing.
    store
        .set_bookmarked(&known["103"].article_id, true)
        .expect("star");
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.marks_up), (None, 1));
    let r = sync_with(&mut client, &mut store);
    assert_eq!((r.error, r.marks_up, r.marks_down), (None, 0, 0));
    let toggles = server
        .requests()
        .iter()
        .filter(|q| q.path == "/v1/entries/103/bookmark")
        .count();
    assert_eq!(toggles, 1);
    assert!(store.sync_known("flux").expect("known")["103"].starred);
    let starred = entries.lock().expect("entries").list[2]["starred"] == true;
    assert!(starred);
}
