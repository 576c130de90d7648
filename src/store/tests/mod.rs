use super::*;
use crate::model::{Article, RelatedEntry};
use rusqlite::Connection;

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
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let (_dir, path) = temp_store();
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let junk = b"this is my diary, not a database\n".repeat(10);
    std::fs::write(&path, &junk).expect("write");
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    assert!(err.to_string().contains("edicola.db"));
    assert_eq!(std::fs::read(&path).expect("read"), junk);
    let dir = path.parent().expect("parent");
    let names: Vec<_> = std::fs::read_dir(dir)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no journal or wal files created: {names:?}");
}

#[test]
fn a_damaged_database_is_refused_and_untouched() {
    let (_dir, path) = temp_store();
    {
        let mut store = Store::open(&path).expect("open");
        store
            .upsert(&[article("a", "One", None)], Origin::User)
            .expect("upsert");
    }
    let mut bytes = std::fs::read(&path).expect("read");
    for b in bytes.iter_mut().skip(100) {
        *b = 0x55;
    }
    std::fs::write(&path, &bytes).expect("write");
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let _ = std::fs::remove_file(path.with_extension("db-shm"));
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("edicola.db"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_store_with_a_damaged_header_is_called_damaged_not_foreign() {
    let (_dir, path) = temp_store();
    drop(Store::open(&path).expect("open"));
    let mut bytes = std::fs::read(&path).expect("read");
    // The page size and file format fields become nonsense.
    bytes[16..24].fill(0xEE);
    std::fs::write(&path, &bytes).expect("write");
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_store_from_a_newer_version_is_refused() {
    let (_dir, path) = temp_store();
    drop(Store::open(&path).expect("open"));
    {
        let conn = Connection::open(&path).expect("raw");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
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
fn read_only_store_reads_but_refuses_writes() {
    let (_dir, path) = temp_store();
    {
        let mut store = Store::open(&path).expect("open");
        store
            .upsert(&[article("a", "One", None)], Origin::User)
            .expect("upsert");
        store
            .conn
            .pragma_update(None, "journal_mode", "DELETE")
            .expect("no wal");
    }
    let store = Store::open_read_only(&path).expect("read-only");
    assert_eq!(store.count(&Filter::all()).expect("count"), 1);
    assert!(store.set_bookmarked("a", true).is_err());
}

fn long_body(topic: &str) -> Vec<String> {
    let words: Vec<String> = (0..60).map(|i| format!("{topic}{i}")).collect();
    vec![words.join(" ")]
}

#[test]
fn a_version_1_store_is_migrated_without_loss() {
    let (_dir, path) = temp_store();
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    {
        let conn = Connection::open(&path).expect("raw");
        conn.execute_batch(&schema::script_up_to(1))
            .expect("v1 schema");
        conn.execute(
            "INSERT INTO articles (id, title, title_key, url, body, related, links, origin, added,
                                   sort_key, digest)
             VALUES ('old', 'Old one', 'old one', 'https://www.example.com/a/', '[\"Text.\"]',
                     '[]', '[]', 'user', 100, 100, 'x')",
            [],
        )
        .expect("v1 row");
        conn.execute("INSERT INTO marks VALUES ('old', 1, 1, 100)", [])
            .expect("v1 mark");
        conn.pragma_update(None, "user_version", 1)
            .expect("version");
    }
    let store = Store::open(&path).expect("migrates");
    assert_eq!(
        schema::version(&store.conn).expect("version"),
        schema::VERSION
    );
    assert_eq!(
        store.get("old").expect("get").map(|a| a.body),
        Some(vec!["Text.".to_string()])
    );
    assert_eq!(store.marks("old").expect("marks"), (true, true));
    assert_eq!(
        store.find_by_url("http://example.com/a").expect("url"),
        Some("old".into())
    );
    let sort_key: i64 = store
        .conn
        .query_row("SELECT sort_key FROM articles", [], |r| r.get(0))
        .expect("sort key");
    assert_eq!(
        sort_key, 100_000,
        "sort keys are milliseconds from version 2"
    );
}

#[test]
fn feed_items_keep_order_when_undated_and_old_ones_are_pruned() {
    let mut store = Store::open_in_memory().expect("store");
    let items: Vec<Article> = (0..5)
        .map(|i| article(&format!("i{i}"), &format!("Item {i}"), None))
        .collect();
    store
        .upsert_feed("https://f.example/rss", &items, None)
        .expect("feed");
    let titles: Vec<String> = store
        .page(&Filter::all(), 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Item 0", "Item 1", "Item 2", "Item 3", "Item 4"]);
    store.set_bookmarked("i4", true).expect("bookmark");
    store
        .upsert_feed("https://f.example/rss", &items[..1], Some(2))
        .expect("prune");
    let ids: Vec<String> = store
        .page(&Filter::all(), 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["i0", "i1", "i4"], "newest two kept, bookmarked kept");
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

#[test]
fn feed_state_round_trips_and_follows_renames() {
    let mut store = Store::open_in_memory().expect("store");
    let state = FeedState {
        url: "http://old/rss".into(),
        etag: Some("\"v1\"".into()),
        last_status: Some("ok".into()),
        ..FeedState::default()
    };
    store.save_feed_state(&state).expect("save");
    assert_eq!(
        store.feed_state("http://old/rss").expect("get"),
        Some(state.clone())
    );
    store
        .upsert_feed("http://old/rss", &[article("a", "A", None)], None)
        .expect("items");
    store
        .rename_feed("http://old/rss", "https://new/rss")
        .expect("rename");
    assert_eq!(store.feed_state("http://old/rss").expect("get"), None);
    assert_eq!(
        store
            .feed_state("https://new/rss")
            .expect("get")
            .and_then(|s| s.etag),
        state.etag
    );
    assert_eq!(
        store.feed_article_count("https://new/rss").expect("count"),
        1
    );
    assert_eq!(store.forget_feed("https://new/rss").expect("forget"), 1);
}

mod counts;
mod dedupe;
mod search;
mod windows;

#[test]
fn another_programs_database_is_refused_and_untouched() {
    let (_dir, path) = temp_store();
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    {
        let conn = Connection::open(&path).expect("raw");
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('pesto');",
        )
        .expect("foreign schema");
    }
    let before = std::fs::read(&path).expect("read");
    for err in [
        Store::open(&path).err().expect("refused"),
        Store::open_read_only(&path)
            .err()
            .expect("refused read-only"),
    ] {
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        assert!(err.to_string().contains("edicola.db"), "{err}");
    }
    assert_eq!(std::fs::read(&path).expect("read"), before, "untouched");
    let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no wal or journal: {names:?}");
}

#[test]
fn stores_are_marked_and_unmarked_old_ones_are_recognised() {
    let (_dir, path) = temp_store();
    let app_id = |conn: &Connection| -> i64 {
        conn.query_row("PRAGMA application_id", [], |r| r.get(0))
            .expect("application_id")
    };
    {
        let store = Store::open(&path).expect("new store");
        assert_eq!(app_id(&store.conn), super::open::APPLICATION_ID);
        // A store written before stores were marked.
        store
            .conn
            .pragma_update(None, "application_id", 0)
            .expect("unmark");
    }
    let store = Store::open(&path).expect("an old store is still ours");
    assert_eq!(app_id(&store.conn), super::open::APPLICATION_ID);
    drop(store);
    let conn = Connection::open(&path).expect("raw");
    conn.pragma_update(None, "application_id", 7)
        .expect("other id");
    drop(conn);
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
}

#[test]
fn a_truncated_store_is_called_damaged_with_a_way_to_recover() {
    let (_dir, path) = temp_store();
    {
        let mut store = Store::open(&path).expect("open");
        let many: Vec<Article> = (0..300)
            .map(|i| Article {
                body: long_body(&format!("t{i}x")),
                ..article(&format!("a{i}"), &format!("Title {i}"), Some(i))
            })
            .collect();
        store.upsert(&many, Origin::User).expect("upsert");
    }
    let bytes = std::fs::read(&path).expect("read");
    let cut = &bytes[..bytes.len() / 3];
    std::fs::write(&path, cut).expect("truncate");
    let err = match Store::open(&path) {
        Err(e) => e,
        Ok(store) => store
            .page(&Filter::all(), 0, 500)
            .expect_err("a read fails"),
    };
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("damaged") && message.contains(".recover"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), cut, "untouched");
}

#[test]
fn a_full_disk_and_a_read_only_store_are_said_plainly() {
    let error = |code| {
        super::sql_err(
            std::path::Path::new("/data/edicola.db"),
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None),
        )
    };
    let full = error(rusqlite::ffi::SQLITE_FULL);
    assert!(full.to_string().contains("the disk is full"), "{full}");
    assert!(full.is_unwritable());
    let read_only = error(rusqlite::ffi::SQLITE_READONLY);
    assert!(read_only.to_string().contains("read-only"), "{read_only}");
}
