//! The store's tests: shared helpers, articles' round trips, samples,
//! ids and filters. The other groups are in the sibling files.

use super::*;
use crate::model::{Article, RelatedEntry};

mod blocks;
mod counts;
mod dedupe;
mod feeds;
mod ignored;
mod marks;
mod opening;
mod order;
mod ranks;
mod search;
mod tombstones;
mod typed;
mod windows;

fn article(id: &str, title: &str, published: Option<i64>) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        published,
        body: vec![format!("Body of {title}.")],
        related: vec![RelatedEntry {
            title: "Other".into(),
            ..RelatedEntry::default()
        }],
        ..Article::default()
    }
}

fn temp_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sub").join("edicola.db");
    (dir, path)
}

fn long_body(topic: &str) -> Vec<String> {
    let words: Vec<String> = (0..60).map(|i| format!("{topic}{i}")).collect();
    vec![words.join(" ")]
}

#[test]
fn round_trips_articles_and_lists_newest_first() {
    let mut store = Store::open_in_memory().expect("store");
    let stats = store
        .upsert(
            &[
                article("a", "Old", Some(100)),
                article("b", "New", Some(300)),
                article("c", "Mid", Some(200)),
            ],
            Origin::User,
        )
        .expect("upsert");
    assert_eq!(stats.added, 3);
    let titles: Vec<String> = store
        .page(&Filter::all(), 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["New", "Mid", "Old"]);
    assert_eq!(
        store.page(&Filter::all(), 1, 1).expect("page")[0].title,
        "Mid"
    );
    assert_eq!(
        store.get("b").expect("get"),
        Some(article("b", "New", Some(300)))
    );
    assert_eq!(store.position(&Filter::all(), "a").expect("pos"), Some(2));
    assert_eq!(
        store.find_by_title("  NEW! ").expect("find"),
        Some("b".into())
    );
}

#[test]
fn reimport_is_unchanged_and_edits_are_updates() {
    let mut store = Store::open_in_memory().expect("store");
    let a = article("a", "One", None);
    store
        .upsert(std::slice::from_ref(&a), Origin::User)
        .expect("first");
    let again = store
        .upsert(std::slice::from_ref(&a), Origin::User)
        .expect("again");
    assert_eq!(
        again,
        UpsertStats {
            unchanged: 1,
            ..UpsertStats::default()
        }
    );
    let edited = Article {
        body: vec!["New body".into()],
        ..a
    };
    let stats = store.upsert(&[edited], Origin::User).expect("edit");
    assert_eq!(stats.updated, 1);
    assert_eq!(store.count(&Filter::all()).expect("count"), 1);
}

#[test]
fn samples_give_way_to_user_articles_but_bookmarked_ones_stay() {
    let mut store = Store::open_in_memory().expect("store");
    let samples = [
        article("s1", "Sample one", None),
        article("s2", "Sample two", None),
    ];
    assert!(
        store
            .ensure_defaults(|| samples.to_vec())
            .expect("defaults")
    );
    assert!(
        store
            .ensure_defaults(|| samples.to_vec())
            .expect("idempotent")
    );
    assert_eq!(store.count(&Filter::all()).expect("count"), 2);
    store.set_bookmarked("s2", true).expect("bookmark");
    store
        .upsert(&[article("u", "Mine", Some(5))], Origin::User)
        .expect("import");
    let ids: Vec<String> = store
        .page(&Filter::all(), 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert!(ids.contains(&"u".to_string()) && ids.contains(&"s2".to_string()));
    assert!(!ids.contains(&"s1".to_string()));
    assert!(
        !store
            .ensure_defaults(|| samples.to_vec())
            .expect("defaults")
    );
}

#[test]
fn ids_resolve_from_unique_prefixes() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(
            &[article("abc1", "A", None), article("abd2", "B", None)],
            Origin::User,
        )
        .expect("upsert");
    assert_eq!(
        store.resolve_id("abc").expect("resolve"),
        Some("abc1".into())
    );
    assert_eq!(store.resolve_id("ab").expect("resolve"), None);
    assert_eq!(
        store.resolve_id("abd2").expect("resolve"),
        Some("abd2".into())
    );
    assert_eq!(store.resolve_id("zz").expect("resolve"), None);
}

#[test]
fn filters_by_source_and_tag() {
    let mut store = Store::open_in_memory().expect("store");
    let mut a = article("a", "A", Some(1));
    a.source = Some("Alpha".into());
    let mut b = article("b", "B", Some(2));
    b.source = Some("Beta".into());
    store
        .upsert_feed("https://alpha/rss", &[a], None)
        .expect("alpha");
    store
        .upsert_feed("https://beta/rss", &[b], None)
        .expect("beta");
    store
        .sync_tags(&[("https://beta/rss".into(), vec!["tech".into()])])
        .expect("tags");
    let by_source = Filter {
        source: Some("Alpha".into()),
        ..Filter::default()
    };
    assert_eq!(store.page(&by_source, 0, 10).expect("page")[0].id, "a");
    let by_tag = Filter {
        tag: Some("tech".into()),
        ..Filter::default()
    };
    assert_eq!(store.page(&by_tag, 0, 10).expect("page")[0].id, "b");
    assert_eq!(store.position(&by_tag, "a").expect("position"), None);
    assert_eq!(
        store.sources().expect("sources"),
        [("Alpha".to_string(), 1), ("Beta".to_string(), 1)]
    );
    assert_eq!(store.tags().expect("tags"), [("tech".to_string(), 1)]);
}
