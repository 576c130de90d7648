//! The article count kept in `meta` against the rows themselves.

use super::*;

#[test]
fn the_kept_article_count_follows_every_change() {
    let mut store = Store::open_in_memory().expect("store");
    let counted = |store: &Store| -> usize {
        let n: i64 = store
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .expect("count");
        n as usize
    };
    let check =
        |store: &Store| assert_eq!(store.count(&Filter::all()).expect("kept"), counted(store));
    store
        .ensure_defaults(crate::ingest::defaults)
        .expect("samples");
    check(&store);
    let items: Vec<Article> = (0..6)
        .map(|n| article(&format!("a{n}"), &format!("T{n}"), Some(n)))
        .collect();
    store.upsert(&items, Origin::User).expect("upsert");
    check(&store);
    store.upsert(&items, Origin::User).expect("again");
    check(&store);
    store.remove("a1").expect("remove");
    check(&store);
    store
        .upsert_feed("https://f.example/rss", &items[2..], Some(2))
        .expect("feed");
    check(&store);
    store.forget_feed("https://f.example/rss").expect("forget");
    check(&store);
    assert!(counted(&store) > 0);
}
