//! Feeds: their articles' order and pruning, their fetch state.

use super::*;

#[test]
fn feed_items_keep_order_when_undated_and_old_ones_are_pruned() {
    let mut store = Store::open_in_memory().expect("store");
    let items: Vec<Article> = (0..5)
        .map(|i| article(&format!("i{i}"), &format!("Item {i}"), None))
        .collect();
    store
        .upsert_feed("https://f.example/rss", &items, None)
        .expect("feed");
    let titles: Vec<String> = store
        .page(&Filter::all(), 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Item 0", "Item 1", "Item 2", "Item 3", "Item 4"]);
    store.set_bookmarked("i4", true).expect("bookmark");
    store
        .upsert_feed("https://f.example/rss", &items[..1], Some(2))
        .expect("prune");
    let ids: Vec<String> = store
        .page(&Filter::all(), 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["i0", "i1", "i4"], "newest two kept, bookmarked kept");
}

#[test]
fn feed_state_round_trips_and_follows_renames() {
    let mut store = Store::open_in_memory().expect("store");
    let state = FeedState {
        url: "http://old/rss".into(),
        etag: Some("\"v1\"".into()),
        last_status: Some("ok".into()),
        ..FeedState::default()
    };
    store.save_feed_state(&state).expect("save");
    assert_eq!(
        store.feed_state("http://old/rss").expect("get"),
        Some(state.clone())
    );
    store
        .upsert_feed("http://old/rss", &[article("a", "A", None)], None)
        .expect("items");
    store
        .rename_feed("http://old/rss", "https://new/rss")
        .expect("rename");
    assert_eq!(store.feed_state("http://old/rss").expect("get"), None);
    assert_eq!(
        store
            .feed_state("https://new/rss")
            .expect("get")
            .and_then(|s| s.etag),
        state.etag
    );
    assert_eq!(
        store.feed_article_count("https://new/rss").expect("count"),
        1
    );
    assert_eq!(store.forget_feed("https://new/rss").expect("forget"), 1);
}
