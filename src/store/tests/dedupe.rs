//! Finding the earlier version of an article: by id, URL or text, in
//! single writes and in an import's bulk transaction.

use super::*;

#[test]
fn the_same_article_under_another_id_updates_the_stored_one() {
    let mut store = Store::open_in_memory().expect("store");
    let first = Article {
        id: "one".into(),
        title: "Story".into(),
        url: Some("https://example.com/story?utm_source=rss".into()),
        body: long_body("alpha"),
        ..Article::default()
    };
    store
        .upsert(std::slice::from_ref(&first), Origin::User)
        .expect("first");
    store.set_bookmarked("one", true).expect("bookmark");
    let same_url = Article {
        id: "two".into(),
        url: Some("http://www.example.com/story/".into()),
        ..first.clone()
    };
    let stats = store.upsert(&[same_url], Origin::User).expect("same url");
    assert_eq!(stats.unchanged + stats.updated, 1);
    let same_text = Article {
        id: "three".into(),
        title: "Story, syndicated".into(),
        url: Some("https://mirror.example.org/x".into()),
        ..first.clone()
    };
    assert_eq!(
        store
            .upsert(&[same_text], Origin::User)
            .expect("same text")
            .updated,
        1
    );
    assert_eq!(store.count(&Filter::all()).expect("count"), 1);
    assert_eq!(
        store.marks("one").expect("marks"),
        (true, false),
        "bookmark survives updates"
    );
    let short = Article {
        id: "four".into(),
        title: "Brief".into(),
        body: vec!["alpha0 alpha1".into()],
        ..Article::default()
    };
    store.upsert(&[short], Origin::User).expect("short");
    assert_eq!(
        store.count(&Filter::all()).expect("count"),
        2,
        "short texts are not matched"
    );
}

/// An import's bulk transaction finds earlier versions as single writes
/// do, with the stored keys in memory (`known.rs`), within one transaction
/// and across commits; nothing shows before the commit.
#[test]
fn bulk_imports_find_earlier_versions_with_or_without_known_keys() {
    let (_dir, path) = temp_store();
    let story = |id: &str, url: &str, topic: &str| {
        Prepared::new(Article {
            id: id.into(),
            title: format!("Story {id}"),
            url: Some(url.into()),
            body: long_body(topic),
            ..Article::default()
        })
    };
    let mut store = Store::open(&path).expect("store");
    let mut clock = Undated::now();
    // An empty store: its keys (none) are read at once.
    store.begin_bulk(0).expect("begin");
    assert!(store.known.is_some());
    let stats = store
        .upsert_batch(
            &[
                story("a", "https://example.com/a", "alpha"),
                story("b", "https://example.com/b", "beta"),
            ],
            Origin::User,
            &mut clock,
        )
        .expect("batch");
    assert_eq!(stats.added, 2);
    // Same URL, same text, same id: all found inside the transaction.
    let stats = store
        .upsert_batch(
            &[
                story("a2", "https://www.example.com/a/", "gamma"),
                story("b2", "https://mirror.example.org/b", "beta"),
                story("c", "https://example.com/c", "delta"),
                story("c", "https://example.com/c", "delta"),
            ],
            Origin::User,
            &mut clock,
        )
        .expect("batch");
    assert_eq!((stats.added, stats.updated, stats.unchanged), (1, 2, 1));
    let reader = Store::open(&path).expect("second connection");
    assert_eq!(
        reader.count(&Filter::all()).expect("count"),
        0,
        "not committed yet"
    );
    store.commit_bulk().expect("commit");
    assert!(store.known.is_none());
    assert_eq!(reader.count(&Filter::all()).expect("count"), 3);
    // Across commits, in a new transaction, with the keys read again.
    let many: Vec<Prepared> = (0..40)
        .map(|i| {
            story(
                &format!("m{i}"),
                &format!("https://example.com/m{i}"),
                &format!("topic{i}"),
            )
        })
        .collect();
    store
        .upsert_batch(&many, Origin::User, &mut clock)
        .expect("many");
    let mut small = Store::open(&path).expect("store");
    small.begin_bulk(1).expect("begin");
    assert!(small.known.is_some());
    let stats = small
        .upsert_batch(
            &[story("a3", "https://example.com/a", "gamma")],
            Origin::User,
            &mut clock,
        )
        .expect("batch");
    assert_eq!(stats.unchanged + stats.updated, 1);
    small.commit_bulk().expect("commit");
    assert_eq!(small.count(&Filter::all()).expect("count"), 43);
}
