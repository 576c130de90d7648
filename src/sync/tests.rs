//! The engine against a server in memory, with faults.

use super::memory::{Call, Fault, MemoryRemote};
use super::remote::{MarkOp, RemoteError, RemoteFeed, RemoteItem};
use super::{SyncOptions, SyncReport, sync_account};
use crate::model::Article;
use crate::store::{Filter, Mark, Origin, Store};

const ACCOUNT: &str = "home";

fn feed() -> RemoteFeed {
    RemoteFeed {
        id: "f1".into(),
        title: "Example News".into(),
        url: "https://news.example/feed.xml".into(),
        site_url: None,
        folders: vec!["World".into()],
    }
}

fn item(id: u32, read: bool, starred: bool) -> RemoteItem {
    RemoteItem {
        id: id.to_string(),
        feed_id: "f1".into(),
        title: format!("Story number {id}"),
        url: Some(format!("https://news.example/story/{id}")),
        author: None,
        published: Some(1_700_000_000 + i64::from(id)),
        html: format!("<p>Text of story {id}.</p>"),
        read,
        starred,
        changed: None,
    }
}

fn server(n: u32) -> MemoryRemote {
    MemoryRemote::new(
        vec![feed()],
        (1..=n).map(|i| item(i, false, false)).collect(),
    )
}

pub(super) fn sync(store: &mut Store, remote: &mut MemoryRemote) -> SyncReport {
    let mut said = Vec::new();
    let mut progress = |s: &str| said.push(s.to_string());
    sync_account(
        store,
        remote,
        ACCOUNT,
        SyncOptions {
            since: 0,
            progress: &mut progress,
        },
    )
}

/// The stored id of remote item `id`.
pub(super) fn article(store: &Store, id: &str) -> String {
    store.sync_known(ACCOUNT).expect("known")[id]
        .article_id
        .clone()
}

pub(super) fn marks(store: &Store, id: &str) -> (bool, bool) {
    let s = &store.sync_known(ACCOUNT).expect("known")[id];
    (s.read, s.starred)
}

#[test]
fn first_sync_brings_items_with_their_marks_and_nothing_to_send() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(5);
    remote.item_mut("2").read = true;
    remote.item_mut("3").starred = true;
    let r = sync(&mut store, &mut remote);
    assert_eq!(r.error, None);
    assert_eq!((r.feeds, r.added, r.marks_up, r.pending), (1, 5, 0, 0));
    assert_eq!(marks(&store, "2"), (true, false));
    assert_eq!(marks(&store, "3"), (false, true));
    assert_eq!(store.count(&Filter::all()).expect("count"), 5);
    // The server's state coming down is not queued to go back up.
    assert_eq!(store.sync_pending_count(None).expect("pending"), 0);
    assert!(remote.received.is_empty());
    // A second sync with nothing new asks for nothing more than it must.
    let before = remote.calls(Call::Items);
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.added, r.marks_down, r.marks_up), (0, 0, 0));
    assert_eq!(remote.calls(Call::Items), before + 1);
    assert_eq!(remote.calls(Call::ItemsById), 0);
}

#[test]
fn local_marks_are_queued_and_sent_once() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(3);
    sync(&mut store, &mut remote);
    let a1 = article(&store, "1");
    let a2 = article(&store, "2");
    store.set_read(&a1, true).expect("read");
    store.set_bookmarked(&a2, true).expect("star");
    store.set_bookmarked(&a2, false).expect("unstar");
    store.set_bookmarked(&a2, true).expect("star again");
    assert_eq!(store.sync_pending_count(Some(ACCOUNT)).expect("n"), 2);
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_up, r.pending), (None, 2, 0));
    assert!(remote.item("1").read && remote.item("2").starred);
    assert_eq!(
        remote.received,
        vec![
            (vec!["1".to_string()], MarkOp::Read),
            (vec!["2".to_string()], MarkOp::Star)
        ]
    );
    let r = sync(&mut store, &mut remote);
    assert_eq!(r.marks_up, 0);
    assert_eq!(remote.received.len(), 2);
}

#[test]
fn mark_all_read_queues_every_synced_article() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(4);
    sync(&mut store, &mut remote);
    store.mark_all_read(&Filter::all()).expect("all read");
    assert_eq!(store.sync_pending_count(None).expect("n"), 4);
    let r = sync(&mut store, &mut remote);
    assert_eq!(r.marks_up, 4);
    assert!(remote.items.iter().all(|i| i.read));
}

#[test]
fn the_queue_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("edicola.db");
    let mut remote = server(2);
    {
        let mut store = Store::open(&path).expect("store");
        sync(&mut store, &mut remote);
        let a = article(&store, "2");
        store.set_read(&a, true).expect("read");
    }
    let mut store = Store::open(&path).expect("again");
    assert_eq!(store.sync_pending_count(None).expect("n"), 1);
    let r = sync(&mut store, &mut remote);
    assert_eq!(r.marks_up, 1);
    assert!(remote.item("2").read);
}

#[test]
fn a_timeout_keeps_the_marks_for_the_next_sync() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(2);
    sync(&mut store, &mut remote);
    store.set_read(&article(&store, "1"), true).expect("read");
    remote.faults.push(Fault {
        call: Call::Mark,
        nth: 1,
        error: RemoteError::Timeout,
        applied: false,
    });
    let r = sync(&mut store, &mut remote);
    assert_eq!(r.error.as_deref(), Some("the server timed out"));
    assert_eq!(r.pending, 1);
    // The server still says unread: the local change is not undone.
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_up, r.pending), (None, 1, 0));
    assert!(remote.item("1").read);
    assert_eq!(marks(&store, "1"), (true, false));
}

#[test]
fn an_answer_lost_after_the_server_applied_the_marks_is_not_sent_again() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(2);
    sync(&mut store, &mut remote);
    store
        .set_bookmarked(&article(&store, "2"), true)
        .expect("star");
    remote.faults.push(Fault {
        call: Call::Mark,
        nth: 1,
        error: RemoteError::Unreachable("connection reset".into()),
        applied: true,
    });
    let r = sync(&mut store, &mut remote);
    assert!(r.error.is_some());
    assert_eq!(r.pending, 1);
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_up, r.pending), (None, 0, 0));
    assert_eq!(remote.received.len(), 1);
}

#[test]
fn a_failing_page_resumes_where_it_stopped() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(7);
    remote.faults.push(Fault {
        call: Call::Items,
        nth: 3,
        error: RemoteError::Timeout,
        applied: false,
    });
    let r = sync(&mut store, &mut remote);
    assert_eq!(r.added, 4);
    assert!(r.error.is_some());
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.added), (None, 3));
    assert_eq!(store.count(&Filter::all()).expect("count"), 7);
}

#[test]
fn a_mark_changed_on_both_sides_follows_the_rule() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(3);
    sync(&mut store, &mut remote);
    // No time from the server: the local change since the last sync wins.
    store.set_read(&article(&store, "1"), true).expect("read");
    remote.item_mut("1").starred = true;
    // The server says it changed item 2 after the local change: it wins.
    store.set_read(&article(&store, "2"), true).expect("read");
    remote.item_mut("2").read = false;
    remote.changed.insert("2".into(), i64::MAX);
    // Item 3 only changed on the server.
    remote.item_mut("3").read = true;
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.pending), (None, 0));
    assert_eq!(marks(&store, "1"), (true, true));
    assert!(remote.item("1").read);
    assert_eq!(marks(&store, "2"), (false, false));
    assert!(!remote.item("2").read);
    assert_eq!(marks(&store, "3"), (true, false));
}

#[test]
fn old_unread_and_starred_items_come_down_by_id() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(3);
    remote.item_mut("1").published = Some(10);
    remote.item_mut("1").starred = true;
    remote.item_mut("2").published = Some(10);
    remote.item_mut("2").read = true;
    let mut progress = |_: &str| {};
    let r = sync_account(
        &mut store,
        &mut remote,
        ACCOUNT,
        SyncOptions {
            since: 1_000,
            progress: &mut progress,
        },
    );
    assert_eq!((r.error, r.added), (None, 2));
    assert_eq!(marks(&store, "1"), (false, true));
    assert!(!store.sync_known(ACCOUNT).expect("known").contains_key("2"));
}

#[test]
fn an_article_also_in_a_local_feed_is_one_story() {
    let mut store = Store::open_in_memory().expect("store");
    let local = Article {
        id: "0123456789abcdef".into(),
        title: "Story number 1".into(),
        url: Some("https://news.example/story/1?utm_source=rss".into()),
        body: vec!["Text of story 1.".into()],
        ..Article::default()
    };
    store.upsert(&[local], Origin::User).expect("local");
    let mut remote = server(2);
    sync(&mut store, &mut remote);
    assert_eq!(store.count(&Filter::all()).expect("count"), 2);
    assert_eq!(article(&store, "1"), "0123456789abcdef");
    store
        .set_mark("0123456789abcdef", Mark::Bookmarked, true)
        .expect("star the local one");
    sync(&mut store, &mut remote);
    assert!(remote.item("1").starred);
}

#[test]
fn each_sync_replaces_the_accounts_subscriptions_and_their_folder_tags() {
    use super::remote::Remote;
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(2);
    sync(&mut store, &mut remote);
    let tagged = |store: &Store, t: &str| {
        let filter = Filter {
            tag: Some(t.into()),
            ..Filter::default()
        };
        store.count(&filter).expect("count")
    };
    assert_eq!(tagged(&store, "World"), 2);
    remote
        .set_folders("f1", &[], &["Science".into()])
        .expect("moved");
    sync(&mut store, &mut remote);
    assert_eq!((tagged(&store, "World"), tagged(&store, "Science")), (0, 2));
    assert_eq!(
        store.account_feeds().expect("feeds")[0].folders,
        ["Science"]
    );
    // A subscription dropped takes its item map and queued marks along.
    store.set_read(&article(&store, "1"), true).expect("read");
    assert_eq!(store.sync_pending_count(Some(ACCOUNT)).expect("count"), 1);
    let gone = store.sync_drop_feed(ACCOUNT, "f1").expect("dropped");
    assert_eq!(gone.map(|f| f.url), Some(feed().url));
    assert_eq!(store.sync_pending_count(Some(ACCOUNT)).expect("count"), 0);
    assert!(store.sync_known(ACCOUNT).expect("known").is_empty());
    assert!(store.account_feeds().expect("feeds").is_empty());
    assert_eq!(tagged(&store, "Science"), 0);
}
