//! Sampled row numbers (`ranks.rs`) give the same windows, positions and
//! counts as counting does, and stop being used once the rows change.

use super::*;

fn ids(rows: Vec<Summary>) -> Vec<String> {
    rows.into_iter().map(|s| s.id).collect()
}

/// 3,000 articles over 500 dates (ties broken by id), some undated (listed
/// first: they sort by when they were stored), in two
/// sources, stored in scattered order.
fn store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..3000u32)
        .map(|i| {
            let scattered = (i * 7919) % 3000;
            let published = (scattered % 7 != 0).then_some(i64::from(scattered % 500));
            Article {
                source: Some(if scattered % 3 == 0 { "Uno" } else { "Due" }.into()),
                ..article(&format!("id{scattered:04}"), &format!("T {i}"), published)
            }
        })
        .collect();
    store.upsert(&articles, Origin::User).expect("upsert");
    store
}

fn filters() -> Vec<Filter> {
    vec![
        Filter::all(),
        Filter {
            source: Some("Due".into()),
            ..Filter::default()
        },
        Filter {
            order: Order::Oldest,
            ..Filter::default()
        },
    ]
}

/// Everything a list asks the store, as counted.
fn answers(store: &Store, filter: &Filter) -> (usize, Vec<Vec<String>>, Vec<Option<usize>>) {
    let total = store.count(filter).expect("count");
    let all = ids(store.page(filter, 0, total).expect("page"));
    let mut windows = Vec::new();
    for start in [
        0,
        1,
        255,
        256,
        257,
        700,
        1500,
        total.saturating_sub(9),
        total,
    ] {
        windows.push(ids(store.page(filter, start, 9).expect("window")));
        windows.push(ids(store
            .page_from_end(filter, start, 9)
            .expect("from end")));
    }
    let positions = all
        .iter()
        .step_by(37)
        .chain(all.last())
        .map(|id| store.position(filter, id).expect("position"))
        .collect();
    (total, windows, positions)
}

#[test]
fn sampled_lists_read_the_same_rows_as_counted_ones() {
    let store = store();
    for filter in filters() {
        let counted = answers(&store, &filter);
        let ranks = store.build_ranks(&filter).expect("build").expect("sampled");
        store.install_ranks(ranks);
        assert!(
            !store.wants_ranks(&filter, 10_000).expect("wants"),
            "{filter:?}"
        );
        assert_eq!(answers(&store, &filter), counted, "{filter:?}");
    }
}

#[test]
fn a_list_of_one_date_is_sampled_once_and_still_right() {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..700)
        .map(|i| article(&format!("x{i:03}"), "Same day", Some(5)))
        .collect();
    store.upsert(&articles, Origin::User).expect("upsert");
    let counted = answers(&store, &Filter::all());
    let ranks = store
        .build_ranks(&Filter::all())
        .expect("build")
        .expect("sampled");
    store.install_ranks(ranks);
    assert_eq!(answers(&store, &Filter::all()), counted);
}

#[test]
fn samples_stop_holding_when_rows_come_go_or_move() {
    let mut store = store();
    let all = Filter::all();
    let install = |store: &Store| {
        let ranks = store.build_ranks(&all).expect("build").expect("sampled");
        store.install_ranks(ranks);
        assert!(!store.wants_ranks(&all, 10_000).expect("wants"));
    };
    install(&store);
    store
        .upsert(
            &[article("new", "Newest", Some(4_000_000_000))],
            Origin::User,
        )
        .expect("insert");
    assert!(
        store.wants_ranks(&all, 10_000).expect("wants"),
        "after an insert"
    );
    assert_eq!(store.position(&all, "new").expect("position"), Some(0));

    install(&store);
    store.remove("id0001").expect("remove");
    assert!(
        store.wants_ranks(&all, 10_000).expect("wants"),
        "after a removal"
    );

    install(&store);
    store
        .upsert(
            &[article("id0002", "Moved", Some(4_000_000_001))],
            Origin::User,
        )
        .expect("move");
    assert!(
        store.wants_ranks(&all, 10_000).expect("wants"),
        "after a date change"
    );
    assert_eq!(store.position(&all, "id0002").expect("position"), Some(0));

    install(&store);
    store.set_read("id0003", true).expect("read");
    assert!(
        !store.wants_ranks(&all, 10_000).expect("wants"),
        "marks move nothing"
    );
}

#[test]
fn lists_that_marks_or_searches_change_are_not_sampled() {
    let store = store();
    for filter in [
        Filter {
            unread: true,
            ..Filter::default()
        },
        Filter::bookmarks(),
        Filter {
            query: Some("body".into()),
            ..Filter::default()
        },
        Filter {
            order: Order::UnreadFirst,
            ..Filter::default()
        },
    ] {
        assert_eq!(
            store.build_ranks(&filter).expect("build"),
            None,
            "{filter:?}"
        );
        assert!(!store.wants_ranks(&filter, 10_000).expect("wants"));
    }
    assert!(
        !store.wants_ranks(&Filter::all(), 100).expect("wants"),
        "short"
    );
}
