//! Ignore rules on arrival: what they keep out is stored apart, out of
//! every list, count and search, found again by later copies, and brought
//! back for good by `unignore`.

use std::sync::Arc;

use super::*;
use crate::ignore::{IgnoreRules, Rule};

fn rules(queries: &[&str]) -> Arc<IgnoreRules> {
    let mut r = IgnoreRules::none();
    for q in queries {
        r.add(Rule {
            query: (*q).into(),
            name: None,
        })
        .expect("rule");
    }
    Arc::new(r)
}

fn news(id: &str, title: &str, source: &str, published: i64) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        source: Some(source.into()),
        url: Some(format!("https://example.org/{id}")),
        published: Some(published),
        body: vec![format!("{title}: the whole story in words.")],
        ..Article::default()
    }
}

fn search(store: &Store, q: &str) -> Vec<String> {
    let f = Filter {
        query: Some(q.into()),
        ..Filter::default()
    };
    store
        .page(&f, 0, 50)
        .expect("search")
        .into_iter()
        .map(|s| s.id)
        .collect()
}

fn ids(store: &Store) -> Vec<String> {
    let page = store.page(&Filter::all(), 0, 50).expect("page");
    page.into_iter().map(|s| s.id).collect()
}

#[test]
fn ignored_articles_are_stored_apart_and_out_of_every_view() {
    let mut store = Store::open_in_memory().expect("store");
    store.set_ignore_rules(rules(&["title:oroscopo", "source:tabloid"]));
    let stats = store
        .upsert(
            &[
                news("a", "Oroscopo di lunedì", "Giornale", 300),
                news("b", "Il governo cade", "Giornale", 200),
                news("c", "Gossip del giorno", "Tabloid Quotidiano", 100),
            ],
            Origin::User,
        )
        .expect("upsert");
    assert_eq!((stats.added, stats.ignored), (1, 2));
    assert_eq!(ids(&store), ["b"]);
    assert_eq!(store.count(&Filter::all()).expect("count"), 1);
    assert!(search(&store, "oroscopo").is_empty());
    assert!(search(&store, "gossip").is_empty());
    assert_eq!(search(&store, "governo"), ["b"]);
    let sources: Vec<String> = store
        .sources()
        .expect("sources")
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(sources, ["Giornale"]);
    assert_eq!(store.get("a").expect("get"), None);
    assert_eq!(store.resolve_id("a").expect("resolve"), None);

    assert_eq!(store.ignored_count().expect("count"), 2);
    let page = store.ignored_page(0, 10).expect("page");
    let rows: Vec<(&str, &str)> = page
        .iter()
        .map(|r| (r.id.as_str(), r.rule.as_str()))
        .collect();
    assert_eq!(rows, [("a", "title:oroscopo"), ("c", "source:tabloid")]);
    assert_eq!(store.ignored_page(1, 10).expect("page").len(), 1);
    let opened = store.get_ignored("a").expect("get").expect("found");
    assert_eq!(opened.title, "Oroscopo di lunedì");
    assert_eq!(opened.body.len(), 1);
}

#[test]
fn copies_of_an_ignored_article_stay_ignored_once() {
    let mut store = Store::open_in_memory().expect("store");
    store.set_ignore_rules(rules(&["oroscopo"]));
    store
        .upsert(&[news("a", "Oroscopo", "G", 300)], Origin::User)
        .expect("upsert");
    // The same, an edited copy, and a copy under another id at its address.
    let mut edited = news("a", "Oroscopo", "G", 300);
    edited.body.push("More.".into());
    let mut moved = news("z", "Oroscopo rivisto", "G", 300);
    moved.url = Some("https://example.org/a?utm_source=x".into());
    for copy in [news("a", "Oroscopo", "G", 300), edited, moved] {
        let stats = store.upsert(&[copy], Origin::User).expect("upsert");
        assert_eq!(stats, UpsertStats::default());
    }
    // Even once no rule would take it: it stays where it is.
    store.set_ignore_rules(rules(&["calcio"]));
    store
        .upsert(&[news("a", "Oroscopo", "G", 300)], Origin::User)
        .expect("upsert");
    assert_eq!(store.ignored_count().expect("count"), 1);
    assert!(ids(&store).is_empty());
    let kept = store.get_ignored("a").expect("get").expect("found");
    assert_eq!(kept.body.len(), 1, "the last copy is the stored one");
}

#[test]
fn unignore_brings_it_back_for_good() {
    let mut store = Store::open_in_memory().expect("store");
    store.set_ignore_rules(rules(&["oroscopo"]));
    store
        .upsert(
            &[
                news("a", "Oroscopo", "G", 300),
                news("b", "Meteo", "G", 200),
            ],
            Origin::User,
        )
        .expect("upsert");
    assert!(!store.unignore("b").expect("not ignored"));
    assert!(store.unignore("a").expect("unignore"));
    assert_eq!(ids(&store), ["a", "b"]);
    assert_eq!(store.count(&Filter::all()).expect("count"), 2);
    assert_eq!(store.index_state().expect("state").total, 2);
    assert_eq!(search(&store, "oroscopo"), ["a"]);
    assert_eq!(store.ignored_count().expect("count"), 0);
    // A later copy is an update, not ignored again; nor once it was
    // removed and arrives anew.
    let stats = store
        .upsert(&[news("a", "Oroscopo", "G", 300)], Origin::User)
        .expect("upsert");
    assert_eq!(stats.ignored, 0);
    store
        .conn
        .execute("DELETE FROM articles WHERE id = 'a'", [])
        .expect("delete");
    let stats = store
        .upsert(&[news("a", "Oroscopo", "G", 300)], Origin::User)
        .expect("upsert");
    assert_eq!((stats.added, stats.ignored), (1, 0));
    assert_eq!(store.count(&Filter::all()).expect("count"), 2);
}

#[test]
fn feeds_and_bulk_imports_apply_rules() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .sync_tags(&[("https://f.example/rss".into(), vec!["Gossip".into()])])
        .expect("tags");
    store.set_ignore_rules(rules(&["tag:gossip title:vip"]));
    let stats = store
        .upsert_feed(
            "https://f.example/rss",
            &[
                news("a", "I vip al mare", "F", 300),
                news("b", "Altro", "F", 200),
            ],
            None,
        )
        .expect("feed");
    assert_eq!((stats.added, stats.ignored), (1, 1));
    // An import prepares (and tests) articles on its parsing threads.
    let bulk = rules(&["calcio"]);
    let mut matcher = bulk.matcher();
    let mut batch: Vec<Prepared> = [news("c", "Calcio", "X", 100), news("d", "Vip", "X", 90)]
        .into_iter()
        .map(|a| {
            let mut p = Prepared::new(a);
            p.check_rules(&bulk, &mut matcher, &[]);
            p.drop_texts();
            p
        })
        .collect();
    assert_eq!(batch[0].ignored_by(), Some("calcio"));
    batch.push(Prepared::new(news("c", "Calcio", "X", 100)));
    store.begin_bulk(0).expect("bulk");
    let stats = store
        .upsert_batch(&batch, Origin::User, &mut Undated::now())
        .expect("batch");
    store.commit_bulk().expect("commit");
    assert_eq!((stats.added, stats.ignored), (1, 1));
    assert_eq!(ids(&store), ["b", "d"]);
    assert_eq!(store.ignored_count().expect("count"), 2);
}

#[test]
fn samples_are_never_ignored() {
    let mut store = Store::open_in_memory().expect("store");
    store.set_ignore_rules(rules(&["body"]));
    let stats = store
        .upsert(&[article("s", "Sample", Some(1))], Origin::Embedded)
        .expect("upsert");
    assert_eq!((stats.added, stats.ignored), (1, 0));
}
