//! A word being typed, spelled out as the words of the index it begins
//! (`spelled.rs`): the same articles as the prefix.

use std::collections::BTreeSet;

use super::search::text_article;
use super::*;

/// Stores and indexes articles titled "Notizia" with these ids and bodies.
fn add(store: &mut Store, articles: impl Iterator<Item = (String, String)>) {
    let items: Vec<Article> = articles
        .map(|(id, body)| text_article(&id, "Notizia", &body))
        .collect();
    store.upsert(&items, Origin::User).expect("upsert");
    store.index_all(|_, _| {}).expect("index");
}

fn query(q: &str) -> Filter {
    Filter {
        query: Some(q.into()),
        ..Filter::default()
    }
}

/// The match expression with the typed prefix spelled out, if it is.
fn spelled(store: &Store, q: &str) -> Option<String> {
    let narrowed = store.narrow(&query(q)).expect("narrow");
    let spelled = store.spelled_out(&narrowed).expect("spelled");
    spelled.map(|s| s.expr)
}

#[test]
fn a_typed_prefix_lists_what_the_prefix_matches_spelled_out_or_not() {
    let mut store = Store::open_in_memory().expect("store");
    const RANKED: usize = super::super::ranking::RANKED;
    let words = ["stazione", "stadio", "standard", "statua", "porto"];
    add(
        &mut store,
        (0..RANKED + 200).map(|i| {
            let word = words[i % words.len()];
            (format!("a{i:05}"), format!("Il {word} numero {i}."))
        }),
    );
    let expr = spelled(&store, "sta").expect("spelled out");
    assert!(
        !expr.contains('*') && expr.matches(" OR ").count() >= 3,
        "{expr}"
    );
    // The same articles as the prefix itself matches.
    let by_prefix: BTreeSet<String> = {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT a.id FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid
                 WHERE articles_fts MATCH '\"sta\"*'",
            )
            .expect("prepare");
        let rows = stmt.query_map([], |r| r.get(0)).expect("query");
        rows.map(|r| r.expect("row")).collect()
    };
    assert_eq!(by_prefix.len(), (RANKED + 200) * 4 / 5);
    let f = query("sta");
    let count = store.count(&f).expect("count");
    assert_eq!(count, by_prefix.len());
    let first = store.first_page(&f, 40).expect("first page");
    assert_eq!(first.rows, store.page(&f, 0, 40).expect("page"));
    let mut listed = BTreeSet::new();
    for offset in (0..count).step_by(500) {
        for row in store.page(&f, offset, 500).expect("page") {
            assert!(listed.insert(row.id), "listed twice at offset {offset}");
        }
    }
    assert_eq!(listed, by_prefix);
}

#[test]
fn a_prefix_beginning_too_many_words_is_left_to_fts5() {
    let mut store = Store::open_in_memory().expect("store");
    add(
        &mut store,
        (0..300).map(|i| (format!("a{i}"), format!("La parola sta{i}x qui."))),
    );
    assert_eq!(spelled(&store, "sta"), None);
    let f = query("sta");
    assert_eq!(store.count(&f).expect("count"), 300);
    assert_eq!(store.first_page(&f, 400).expect("first").rows.len(), 300);
}

#[test]
fn the_words_of_a_typed_prefix_follow_the_index_as_it_grows() {
    let mut store = Store::open_in_memory().expect("store");
    add(
        &mut store,
        std::iter::once(("a".into(), "La stazione chiude.".into())),
    );
    let sta = spelled(&store, "sta").expect("sta");
    assert!(!sta.contains("stadi"), "{sta}");
    // A letter more: the words already read, narrowed.
    let staz = spelled(&store, "staz").expect("staz");
    assert!(staz.contains("stazion"), "{staz}");
    add(
        &mut store,
        std::iter::once(("b".into(), "Lo stadio riapre.".into())),
    );
    let stad = spelled(&store, "stad").expect("a word indexed since is found");
    assert!(stad.contains("stadi"), "{stad}");
}
