//! List orders: windows from either end and positions agree with counts in
//! every order and filter; neighbours (next unread...) agree with walking
//! the list; the read mark copied onto articles follows every change.

use super::*;
use crate::store::{Anchor, Order, ReadingStop, Seek};

const ORDERS: [Order; 5] = [
    Order::Newest,
    Order::Oldest,
    Order::Source,
    Order::Title,
    Order::UnreadFirst,
];

/// 40 articles in three sources (one without), titles out of time order,
/// ties in time, a third read, a few bookmarked.
fn store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..40)
        .map(|i| Article {
            source: match i % 4 {
                0 => None,
                1 => Some("Uno".into()),
                _ => Some(if i % 3 == 0 { "Tre" } else { "Due" }.into()),
            },
            ..article(
                &format!("id{i:02}"),
                &format!("{} titolo {i}", ["Zeta", "alfa", "Èpsilon", "beta"][i % 4]),
                Some(i64::try_from(i / 3).unwrap_or(0)),
            )
        })
        .collect();
    store.upsert(&articles, Origin::User).expect("upsert");
    for i in (0..40).filter(|i| i % 3 == 1 || i % 7 == 0) {
        store.set_read(&format!("id{i:02}"), true).expect("read");
    }
    for i in [3, 8, 21] {
        store
            .set_bookmarked(&format!("id{i:02}"), true)
            .expect("bookmark");
    }
    store
}

fn filters(order: Order) -> Vec<Filter> {
    let base = Filter {
        order,
        ..Filter::default()
    };
    vec![
        base.clone(),
        Filter {
            unread: true,
            ..base.clone()
        },
        Filter {
            bookmarked: true,
            ..base.clone()
        },
        Filter {
            source: Some("Due".into()),
            ..base
        },
    ]
}

fn ids(rows: &[Summary]) -> Vec<String> {
    rows.iter().map(|s| s.id.clone()).collect()
}

#[test]
fn every_order_pages_the_same_rows_from_either_end_and_positions_agree() {
    let store = store();
    for order in ORDERS {
        for filter in filters(order) {
            let total = store.count(&filter).expect("count");
            let all = store.page(&filter, 0, 1000).expect("page");
            assert_eq!(all.len(), total, "{filter:?}");
            let newest = Filter {
                order: Order::Newest,
                ..filter.clone()
            };
            let mut same = ids(&store.page(&newest, 0, 1000).expect("page"));
            let mut mine = ids(&all);
            same.sort();
            mine.sort();
            assert_eq!(mine, same, "an order holds the same articles");
            for start in 0..total {
                let window = store.page(&filter, start, 4).expect("window");
                assert_eq!(ids(&window), ids(&all[start..(start + 4).min(total)]));
                let from_end = store.page_from_end(&filter, start, 4).expect("end");
                let end = total - start;
                assert_eq!(ids(&from_end), ids(&all[end.saturating_sub(4)..end]));
                let position = store.position(&filter, &all[start].id).expect("pos");
                assert_eq!(position, Some(start), "{order:?} {}", all[start].id);
            }
        }
    }
}

#[test]
fn orders_sort_as_they_say() {
    let store = store();
    let page = |order| {
        let filter = Filter {
            order,
            ..Filter::default()
        };
        store.page(&filter, 0, 1000).expect("page")
    };
    let titles: Vec<String> = page(Order::Title).iter().map(|r| r.title.clone()).collect();
    assert!(titles[0].starts_with("alfa") && titles[39].starts_with("Zeta"));
    assert!(
        titles[20].starts_with("Èpsilon"),
        "accents folded: {titles:?}"
    );
    let sources: Vec<Option<String>> = page(Order::Source)
        .iter()
        .map(|r| r.source.clone())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    let unread_first = page(Order::UnreadFirst);
    let first_read = unread_first.iter().position(|r| r.read).unwrap_or(40);
    assert!(unread_first[first_read..].iter().all(|r| r.read));
    let mut oldest = ids(&page(Order::Oldest));
    oldest.reverse();
    assert_eq!(oldest, ids(&page(Order::Newest)));
}

/// The next (or previous) unread article, found by walking the list.
fn walk(all: &[Summary], from: Option<usize>, forward: bool) -> Option<String> {
    let found = match (from, forward) {
        (Some(i), true) => all[i + 1..].iter().find(|r| !r.read),
        (Some(i), false) => all[..i].iter().rev().find(|r| !r.read),
        (None, true) => all.iter().find(|r| !r.read),
        (None, false) => all.iter().rev().find(|r| !r.read),
    };
    found.map(|r| r.id.clone())
}

#[test]
fn next_and_previous_unread_agree_with_walking_the_list() {
    let store = store();
    // Unread first finds unread ones in time order (see `neighbour`).
    for order in [Order::Newest, Order::Oldest, Order::Source, Order::Title] {
        for filter in filters(order) {
            let all = store.page(&filter, 0, 1000).expect("page");
            for forward in [true, false] {
                let first = store.neighbour(&filter, None, forward, &Seek::Unread);
                let first = first.expect("first").map(|a| a.id);
                assert_eq!(first, walk(&all, None, forward));
                for (i, row) in all.iter().enumerate() {
                    let anchor = store.anchor(&row.id).expect("anchor");
                    let found = store
                        .neighbour(&filter, anchor.as_ref(), forward, &Seek::Unread)
                        .expect("neighbour")
                        .map(|a: Anchor| a.id);
                    assert_eq!(
                        found,
                        walk(&all, Some(i), forward),
                        "{order:?} {forward} {i}"
                    );
                }
            }
        }
    }
}

#[test]
fn unread_from_another_source_skips_the_current_one() {
    let store = store();
    let filter = Filter {
        order: Order::Source,
        ..Filter::default()
    };
    let all = store.page(&filter, 0, 1000).expect("page");
    let from = store.anchor(&all[0].id).expect("anchor");
    let seek = Seek::UnreadElsewhere(from.as_ref().expect("stored").feed());
    let next = store
        .neighbour(&filter, from.as_ref(), true, &seek)
        .expect("next");
    let expected = all
        .iter()
        .find(|r| !r.read && r.source != all[0].source)
        .map(|r| r.id.clone());
    assert_eq!(next.map(|a| a.id), expected);
}

fn is_read(store: &Store, id: &str) -> bool {
    store.anchor(id).expect("anchor").is_some_and(|a| a.is_read)
}

#[test]
fn the_read_copy_follows_marks_undo_mark_all_and_reimport() {
    let mut store = store();
    assert!(is_read(&store, "id01") && !is_read(&store, "id02"));
    store.set_read("id02", true).expect("read");
    assert!(is_read(&store, "id02"));
    let change = MarkChange {
        id: "id02".into(),
        mark: Mark::Read,
        before: false,
    };
    store.undo_marks(&[change]).expect("undo");
    assert!(!is_read(&store, "id02"));
    let changes = store.mark_all_read(&Filter::all()).expect("all");
    assert!(is_read(&store, "id02") && is_read(&store, "id05"));
    store.undo_marks(&changes).expect("undo all");
    assert!(!is_read(&store, "id05"));
    // Removed and put back (undo; a new import would skip it): its read
    // mark, which outlived it, comes back with it.
    store.set_read("id05", true).expect("read");
    let removed = store.remove("id05").expect("remove").expect("removed");
    store.restore(&removed).expect("again");
    assert!(is_read(&store, "id05"));
    // A reading position leaves the marks as they are.
    store
        .set_reading_stop(
            "id05",
            Some(ReadingStop {
                block: 3,
                offset: 9,
            }),
            true,
        )
        .expect("stop");
    assert_eq!(store.marks("id05").expect("marks"), (false, true));
    assert!(is_read(&store, "id05"));
}

#[test]
fn reading_stops_and_begun_articles_round_trip() {
    let store = store();
    assert_eq!(store.reading_stop("id02").expect("stop"), None);
    let stop = ReadingStop {
        block: 4,
        offset: 120,
    };
    store
        .set_reading_stop("id02", Some(stop), true)
        .expect("set");
    store
        .set_reading_stop("id03", Some(stop), false)
        .expect("set");
    assert_eq!(store.reading_stop("id02").expect("stop"), Some(stop));
    assert_eq!(store.begun_ids().expect("begun"), vec!["id02".to_string()]);
    store.set_reading_stop("id02", None, false).expect("clear");
    assert_eq!(store.reading_stop("id02").expect("stop"), None);
    assert!(store.begun_ids().expect("begun").is_empty());
    assert_eq!(store.marks("id03").expect("marks"), (true, false));
}

#[test]
fn stored_after_lists_what_came_later() {
    let mut store = store();
    let last = store.last_key().expect("last");
    let later = vec![
        article("new1", "Nuovo", Some(5)),
        article("new2", "Altro", Some(90)),
    ];
    store.upsert(&later, Origin::User).expect("upsert");
    let after = store.stored_after(&Filter::all(), last, 10).expect("after");
    let ids: Vec<&str> = after.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["new1", "new2"]);
    assert_eq!(store.reader_state("looked").expect("state"), None);
    store.set_reader_state("looked", "12").expect("set");
    assert_eq!(
        store.reader_state("looked").expect("state").as_deref(),
        Some("12")
    );
}
