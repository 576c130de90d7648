//! Marks: kept across reopening and re-imports, marking all read and its
//! undo, removal and restore.

use super::*;

#[test]
fn marks_persist_across_reopen_and_reimport() {
    let (_dir, path) = temp_store();
    {
        let mut store = Store::open(&path).expect("open");
        store
            .upsert(&[article("a", "One", None)], Origin::User)
            .expect("upsert");
        store.set_bookmarked("a", true).expect("bookmark");
        store.set_read("a", true).expect("read");
    }
    let mut store = Store::open(&path).expect("reopen");
    assert_eq!(store.marks("a").expect("marks"), (true, true));
    store
        .upsert(&[article("a", "One, edited", None)], Origin::User)
        .expect("reimport");
    assert_eq!(store.marks("a").expect("marks"), (true, true));
    assert_eq!(store.count(&Filter::bookmarks()).expect("count"), 1);
    let rows = store.page(&Filter::bookmarks(), 0, 10).expect("page");
    assert_eq!(rows[0].title, "One, edited");
    assert!(rows[0].bookmarked && rows[0].read);
}

#[test]
fn mark_all_read_and_undo() {
    let mut store = Store::open_in_memory().expect("store");
    let items: Vec<Article> = (0..4)
        .map(|i| article(&format!("a{i}"), &format!("T{i}"), Some(i)))
        .collect();
    store.upsert(&items, Origin::User).expect("upsert");
    store.set_read("a1", true).expect("read");
    store.set_bookmarked("a2", true).expect("bookmark");
    let unread = Filter {
        unread: true,
        ..Filter::default()
    };
    assert_eq!(store.count(&unread).expect("count"), 3);
    let before = store.mark_all_read(&Filter::all()).expect("mark all");
    assert_eq!(before.len(), 3);
    assert_eq!(store.count(&unread).expect("count"), 0);
    assert_eq!(store.undo_marks(&before).expect("undo"), 3);
    assert_eq!(store.count(&unread).expect("count"), 3);
    assert_eq!(store.marks("a2").expect("marks"), (true, false));
    assert_eq!(store.marks("a1").expect("marks"), (false, true));
}

#[test]
fn remove_and_restore() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert_feed("https://f.example/rss", &[article("a", "A", Some(1))], None)
        .expect("upsert");
    store.set_bookmarked("a", true).expect("bookmark");
    let removed = store.remove("a").expect("remove").expect("was there");
    assert_eq!(store.count(&Filter::all()).expect("count"), 0);
    store.restore(&removed).expect("restore");
    assert_eq!(
        store.get("a").expect("get"),
        Some(article("a", "A", Some(1)))
    );
    assert_eq!(store.marks("a").expect("marks"), (true, false));
    assert_eq!(
        store
            .feed_article_count("https://f.example/rss")
            .expect("count"),
        1
    );
}
