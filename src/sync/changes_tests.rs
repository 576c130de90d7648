//! The engine against a server in memory that lists what changed since a
//! cursor (as Miniflux does): after the first sync, only the changes.

use super::memory::{Call, Fault, MemoryRemote};
use super::remote::{MarkOp, RemoteError, RemoteFeed, RemoteItem};
use super::tests::{article, marks, sync};
use crate::store::{Filter, Store};

fn item(id: u32) -> RemoteItem {
    RemoteItem {
        id: id.to_string(),
        feed_id: "f1".into(),
        title: format!("Dispatch number {id}"),
        url: Some(format!("https://wire.example/dispatch/{id}")),
        published: Some(1_700_000_000 + i64::from(id)),
        html: format!("<p>Body of dispatch {id}.</p>"),
        ..RemoteItem::default()
    }
}

fn server(n: u32) -> MemoryRemote {
    let feed = RemoteFeed {
        id: "f1".into(),
        title: "Wire".into(),
        url: "https://wire.example/feed.xml".into(),
        site_url: None,
        folders: vec![],
    };
    let mut remote = MemoryRemote::new(vec![feed], (1..=n).map(item).collect());
    remote.lists_changes = true;
    for i in 1..=n {
        remote.touch(&i.to_string());
    }
    remote
}

/// The calls of each kind a sync made.
fn calls_of(remote: &mut MemoryRemote, store: &mut Store) -> [usize; 5] {
    let kinds = [
        Call::Subscriptions,
        Call::Changes,
        Call::State,
        Call::Items,
        Call::Mark,
    ];
    let before = kinds.map(|k| remote.calls(k));
    let r = sync(store, remote);
    assert_eq!(r.error, None);
    let after = kinds.map(|k| remote.calls(k));
    std::array::from_fn(|i| after[i] - before[i])
}

#[test]
fn after_the_first_sync_nothing_new_costs_two_requests() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(5);
    // The first sync reads the whole state and the items.
    let first = calls_of(&mut remote, &mut store);
    assert_eq!(first[1], 0, "no cursor yet: no list of changes");
    assert!(first[2] == 1 && first[3] >= 1, "{first:?}");
    assert_eq!(store.count(&Filter::all()).expect("count"), 5);
    // Then the subscriptions and the list of changes, nothing else.
    assert_eq!(calls_of(&mut remote, &mut store), [1, 1, 0, 0, 0]);
    assert_eq!(calls_of(&mut remote, &mut store), [1, 1, 0, 0, 0]);
}

#[test]
fn changes_bring_new_items_and_the_servers_marks() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(3);
    sync(&mut store, &mut remote);
    remote.item_mut("2").read = true;
    remote.touch("2");
    remote.item_mut("3").starred = true;
    remote.touch("3");
    remote.items.push(item(4));
    remote.touch("4");
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.added, r.marks_down), (None, 1, 2));
    assert_eq!(marks(&store, "2"), (true, false));
    assert_eq!(marks(&store, "3"), (false, true));
    assert_eq!(marks(&store, "4"), (false, false));
    assert_eq!(store.count(&Filter::all()).expect("count"), 4);
    assert_eq!(remote.calls(Call::State), 1, "only the first sync");
}

#[test]
fn a_queued_mark_of_an_item_the_server_did_not_change_is_sent_once() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(3);
    sync(&mut store, &mut remote);
    store.set_read(&article(&store, "1"), true).expect("read");
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_up, r.pending), (None, 1, 0));
    assert!(remote.item("1").read);
    // The server's own stamp of that change comes back once: the same
    // mark, so nothing moves and nothing is sent again.
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.marks_down, r.marks_up), (0, 0));
    assert_eq!(remote.received, vec![(vec!["1".to_string()], MarkOp::Read)]);
    assert_eq!(marks(&store, "1"), (true, false));
}

#[test]
fn a_mark_changed_on_both_sides_follows_the_rule() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(3);
    sync(&mut store, &mut remote);
    // Item 1: read here; on the server starred, at a time before the local
    // change: both stay, the read goes up.
    store.set_read(&article(&store, "1"), true).expect("read");
    remote.item_mut("1").starred = true;
    remote.touch("1");
    // Item 2: read here, then marked unread on the server later: the
    // server wins and nothing is sent.
    store.set_read(&article(&store, "2"), true).expect("read");
    remote.touch("2");
    remote.item_mut("2").changed = Some(i64::MAX);
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.pending), (None, 0));
    assert_eq!(marks(&store, "1"), (true, true));
    assert!(remote.item("1").read);
    assert_eq!(marks(&store, "2"), (false, false));
    assert!(!remote.item("2").read);
    assert_eq!(remote.received, vec![(vec!["1".to_string()], MarkOp::Read)]);
}

#[test]
fn a_failed_list_of_changes_is_read_again_at_the_next_sync() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(2);
    sync(&mut store, &mut remote);
    store
        .set_bookmarked(&article(&store, "1"), true)
        .expect("star");
    remote.item_mut("2").read = true;
    remote.touch("2");
    remote.faults.push(Fault {
        call: Call::Changes,
        nth: 1,
        error: RemoteError::Timeout,
        applied: false,
    });
    let r = sync(&mut store, &mut remote);
    assert!(r.error.is_some());
    assert_eq!((r.pending, marks(&store, "2")), (1, (false, false)));
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_up, r.pending), (None, 1, 0));
    assert_eq!(marks(&store, "2"), (true, false));
    assert!(remote.item("1").starred);
}

#[test]
fn changes_come_a_page_at_a_time_and_a_page_cut_short_is_read_again() {
    let mut store = Store::open_in_memory().expect("store");
    let mut remote = server(5);
    sync(&mut store, &mut remote);
    for id in ["1", "2", "3", "4", "5"] {
        remote.item_mut(id).read = true;
        remote.touch(id);
    }
    // Pages of two: the second page's request fails.
    let before = remote.calls(Call::Changes);
    remote.faults.push(Fault {
        call: Call::Changes,
        nth: before + 2,
        error: RemoteError::Timeout,
        applied: false,
    });
    let r = sync(&mut store, &mut remote);
    assert!(r.error.is_some());
    assert_eq!(r.marks_down, 2, "the first page is stored");
    // The cursor did not move: the next sync reads every page again.
    let before = remote.calls(Call::Changes);
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_down), (None, 3));
    assert_eq!(remote.calls(Call::Changes) - before, 3);
    for id in ["1", "2", "3", "4", "5"] {
        assert_eq!(marks(&store, id), (true, false), "{id}");
    }
    // And then nothing is new.
    let r = sync(&mut store, &mut remote);
    assert_eq!((r.error, r.marks_down), (None, 0));
}
