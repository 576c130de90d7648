//! Removed articles stay removed: tombstones by id, URL key and text key,
//! in single writes, feeds and bulk imports; undo; samples; bounds.

use super::*;

const FEED: &str = "https://f.example/rss";

fn story(id: &str, url: &str, topic: &str) -> Article {
    Article {
        id: id.into(),
        title: format!("Story {id}"),
        url: Some(url.into()),
        body: long_body(topic),
        ..Article::default()
    }
}

fn ids(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .page(&Filter::all(), 0, 100)
        .expect("page")
        .into_iter()
        .map(|s| s.id)
        .collect();
    ids.sort();
    ids
}

/// Moves every tombstone's last sighting `days` into the past.
fn age_tombstones(store: &Store, days: i64) {
    store
        .conn
        .execute(
            "UPDATE tombstones SET seen = seen - ?1, removed = removed - ?1",
            [days * 24 * 60 * 60],
        )
        .expect("age");
}

#[test]
fn a_removed_article_is_not_brought_back_by_id_url_or_text() {
    let mut store = Store::open_in_memory().expect("store");
    let a = story("a", "https://example.com/a?utm_source=rss", "alpha");
    store
        .upsert(
            &[a.clone(), story("b", "https://example.com/b", "beta")],
            Origin::User,
        )
        .expect("upsert");
    store.set_bookmarked("a", true).expect("bookmark");
    store.remove("a").expect("remove").expect("was there");
    assert_eq!(store.tombstone_count().expect("count"), 1);
    assert!(store.was_removed("a").expect("removed"));

    // The same article again, as it was, and edited.
    let edited = Article {
        title: "Story a, edited".into(),
        ..a.clone()
    };
    let stats = store
        .upsert(&[a.clone(), edited], Origin::User)
        .expect("again");
    assert_eq!(
        (stats.added, stats.updated, stats.removed_skipped),
        (0, 0, 2)
    );
    // Another id, the same page (URL key), other text.
    let same_url = story("a2", "http://www.example.com/a/", "gamma");
    // Another id and address, the same text (text key).
    let same_text = story("a3", "https://mirror.example.org/x", "alpha");
    let stats = store
        .upsert_feed(FEED, &[same_url, same_text], None)
        .expect("feed");
    assert_eq!((stats.added, stats.removed_skipped), (0, 2));
    // Unrelated articles are stored as ever.
    let stats = store
        .upsert(
            &[story("c", "https://example.com/c", "delta")],
            Origin::User,
        )
        .expect("new");
    assert_eq!((stats.added, stats.removed_skipped), (1, 0));
    assert_eq!(ids(&store), ["b", "c"]);
    assert_eq!(
        store.marks("a").expect("marks"),
        (true, false),
        "marks outlive their article, as before"
    );
}

#[test]
fn undo_takes_the_tombstone_away_and_updates_apply_again() {
    let mut store = Store::open_in_memory().expect("store");
    let a = story("a", "https://example.com/a", "alpha");
    store
        .upsert_feed(FEED, std::slice::from_ref(&a), None)
        .expect("feed");
    store.set_read("a", true).expect("read");
    let removed = store.remove("a").expect("remove").expect("was there");
    store.restore(&removed).expect("restore");
    assert_eq!(store.tombstone_count().expect("count"), 0);
    assert!(!store.was_removed("a").expect("removed"));
    assert_eq!(store.get("a").expect("get"), Some(a.clone()));
    assert_eq!(store.marks("a").expect("marks"), (false, true));
    let edited = Article {
        title: "Story a, edited".into(),
        ..a
    };
    let stats = store.upsert_feed(FEED, &[edited], None).expect("again");
    assert_eq!((stats.updated, stats.removed_skipped), (1, 0));
    assert_eq!(
        store.get("a").expect("get").map(|a| a.title),
        Some("Story a, edited".into())
    );
}

/// Undo puts an article back even when another removed article shares
/// one of its keys (stored before keys found copies, say).
#[test]
fn undo_is_not_held_back_by_another_tombstone() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(
            &[
                story("a", "https://example.com/a", "alpha"),
                story("b", "https://example.com/b", "beta"),
            ],
            Origin::User,
        )
        .expect("upsert");
    store
        .conn
        .execute(
            "UPDATE articles SET text_key = (SELECT text_key FROM articles WHERE id = 'b')",
            [],
        )
        .expect("shared key");
    store.remove("a").expect("remove");
    let b = store.remove("b").expect("remove").expect("was there");
    store.restore(&b).expect("restore");
    assert_eq!(ids(&store), ["b"]);
    assert!(store.was_removed("a").expect("a stays removed"));
}

/// The bulk import path skips removed articles whether or not it holds
/// the stored keys in memory (`known.rs`, which also holds tombstones').
#[test]
fn bulk_imports_skip_removed_articles_with_or_without_known_keys() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("store");
    store
        .upsert(
            &[
                story("a", "https://example.com/a", "alpha"),
                story("b", "https://example.com/b", "beta"),
            ],
            Origin::User,
        )
        .expect("upsert");
    store.remove("a").expect("remove");
    store.remove("b").expect("remove");
    let batch = || {
        // One key each matches: the id, the URL, the text.
        [
            story("a", "https://example.com/a-moved", "edited"),
            story("b2", "https://example.com/b", "other"),
            story("m", "https://mirror.example.org/m", "alpha"),
            story("n", "https://example.com/n", "new"),
        ]
        .map(Prepared::new)
    };
    let mut clock = Undated::now();
    for with_known_keys in [true, false] {
        store.begin_bulk(0).expect("begin");
        assert!(store.known.is_some());
        if !with_known_keys {
            store.known = None;
        }
        let stats = store
            .upsert_batch(&batch(), Origin::User, &mut clock)
            .expect("batch");
        assert_eq!(stats.removed_skipped, 3, "known keys: {with_known_keys}");
        store.commit_bulk().expect("commit");
        assert_eq!(ids(&store), ["n"]);
    }
}

#[test]
fn removed_samples_stay_removed() {
    let (_dir, path) = temp_store();
    let samples = || {
        vec![
            article("s1", "Sample one", None),
            article("s2", "Sample two", None),
        ]
    };
    let mut store = Store::open(&path).expect("store");
    assert!(store.ensure_defaults(samples).expect("defaults"));
    store.remove("s1").expect("remove").expect("was there");
    drop(store);
    let mut store = Store::open(&path).expect("again");
    assert!(store.ensure_defaults(samples).expect("defaults"));
    assert_eq!(ids(&store), ["s2"]);
    store.remove("s2").expect("remove").expect("was there");
    assert!(store.ensure_defaults(samples).expect("defaults"));
    assert_eq!(store.count(&Filter::all()).expect("count"), 0);
}

/// A feed's tombstones are dropped at its next write once no write has
/// offered them for `UNSEEN_DAYS`; one the feed still serves is kept.
#[test]
fn a_feeds_tombstones_go_when_it_no_longer_serves_them() {
    let mut store = Store::open_in_memory().expect("store");
    let other = "https://other.example/rss";
    let served = story("a", "https://example.com/a", "alpha");
    let gone = story("b", "https://example.com/b", "beta");
    store
        .upsert_feed(FEED, &[served.clone(), gone], None)
        .expect("feed");
    store
        .upsert_feed(other, &[story("o", "https://example.com/o", "omega")], None)
        .expect("other");
    store
        .upsert(&[story("i", "https://example.com/i", "iota")], Origin::User)
        .expect("import");
    for id in ["a", "b", "o", "i"] {
        store.remove(id).expect("remove");
    }
    // Recent tombstones stay even when the feed no longer serves them.
    store
        .upsert_feed(FEED, std::slice::from_ref(&served), None)
        .expect("fetch");
    assert_eq!(store.tombstone_count().expect("count"), 4);

    age_tombstones(&store, UNSEEN_DAYS + 1);
    let stats = store
        .upsert_feed(FEED, std::slice::from_ref(&served), None)
        .expect("fetch");
    assert_eq!(stats.removed_skipped, 1);
    assert!(store.was_removed("a").expect("served: kept"));
    assert!(!store.was_removed("b").expect("no longer served: dropped"));
    assert!(store.was_removed("o").expect("another feed's: kept"));
    assert!(store.was_removed("i").expect("an import's: kept"));
    assert_eq!(ids(&store), Vec::<String>::new());
    // Without its tombstone, an article the feed serves again is new.
    let stats = store
        .upsert_feed(FEED, &[story("b", "https://example.com/b", "beta")], None)
        .expect("fetch");
    assert_eq!(stats.added, 1);
}

#[test]
fn at_most_the_newest_tombstones_are_kept() {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..5)
        .map(|i| {
            story(
                &format!("a{i}"),
                &format!("https://e.example/{i}"),
                &format!("t{i}"),
            )
        })
        .collect();
    store.upsert(&articles, Origin::User).expect("upsert");
    for (i, a) in articles.iter().enumerate() {
        store.remove_keeping(&a.id, 3).expect("remove");
        // Each removal is seen later than the one before.
        age_tombstones(&store, 1);
        assert_eq!(store.tombstone_count().expect("count"), (i + 1).min(3));
    }
    let kept: Vec<bool> = articles
        .iter()
        .map(|a| store.was_removed(&a.id).expect("removed"))
        .collect();
    assert_eq!(kept, [false, false, true, true, true]);
}

#[test]
fn tombstones_follow_a_moved_feed_and_go_with_an_unsubscribed_one() {
    let mut store = Store::open_in_memory().expect("store");
    let moved = "https://moved.example/rss";
    store
        .upsert_feed(FEED, &[story("a", "https://example.com/a", "alpha")], None)
        .expect("feed");
    store.remove("a").expect("remove");
    store.rename_feed(FEED, moved).expect("rename");
    let feed_of: Option<String> = store
        .conn
        .query_row("SELECT feed_url FROM tombstones WHERE id = 'a'", [], |r| {
            r.get(0)
        })
        .expect("tombstone");
    assert_eq!(feed_of.as_deref(), Some(moved));
    store.forget_feed(moved).expect("forget");
    assert_eq!(store.tombstone_count().expect("count"), 0);
}
