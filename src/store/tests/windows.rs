//! List windows read from either end, and positions, agree with one
//! another under every filter (ties in time included).

use super::*;

fn ids(rows: Vec<Summary>) -> Vec<String> {
    rows.into_iter().map(|s| s.id).collect()
}

#[test]
fn windows_from_the_end_are_the_same_rows_as_from_the_top() {
    let mut store = Store::open_in_memory().expect("store");
    // Three articles per date, so the time index has ties broken by id.
    let articles: Vec<Article> = (0..30)
        .map(|i| Article {
            source: Some(if i % 2 == 0 { "Uno" } else { "Due" }.into()),
            ..article(&format!("id{i:02}"), &format!("Titolo {i}"), Some(i / 3))
        })
        .collect();
    store.upsert(&articles, Origin::User).expect("upsert");
    for i in (0..30).step_by(4) {
        let id = format!("id{i:02}");
        store.set_read(&id, true).expect("read");
    }
    store.set_bookmarked("id07", true).expect("bookmark");
    let filters = [
        Filter::all(),
        Filter {
            unread: true,
            ..Filter::default()
        },
        Filter::bookmarks(),
        Filter {
            source: Some("Due".into()),
            unread: true,
            ..Filter::default()
        },
        Filter {
            query: Some("titolo".into()),
            ..Filter::default()
        },
    ];
    for filter in &filters {
        let total = store.count(filter).expect("count");
        let all = ids(store.page(filter, 0, total + 5).expect("page"));
        assert_eq!(all.len(), total, "{filter:?}");
        for (start, limit) in [(0, 4), (3, 7), (total.saturating_sub(5), 5), (0, total)] {
            let start = start.min(total);
            let end = (start + limit).min(total);
            let from_end = store
                .page_from_end(filter, total - end, end - start)
                .expect("from end");
            assert_eq!(ids(from_end), all[start..end], "{filter:?} {start}..{end}");
        }
        if filter.query.is_none() {
            for (index, id) in all.iter().enumerate() {
                let position = store.position(filter, id).expect("position");
                assert_eq!(position, Some(index), "{filter:?} {id}");
            }
        }
    }
}
