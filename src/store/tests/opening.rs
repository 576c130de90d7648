//! Opening stores: a read-only store, migration from older versions, and
//! files that are not ours, damaged or too new, refused and left untouched;
//! store errors said plainly.

use super::*;
use rusqlite::Connection;

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
        assert_eq!(app_id(&store.conn), super::super::open::APPLICATION_ID);
        // A store written before stores were marked.
        store
            .conn
            .pragma_update(None, "application_id", 0)
            .expect("unmark");
    }
    let store = Store::open(&path).expect("an old store is still ours");
    assert_eq!(app_id(&store.conn), super::super::open::APPLICATION_ID);
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
        super::super::sql_err(
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

#[test]
fn a_store_from_an_earlier_version_is_known_before_it_is_opened() {
    let (_dir, path) = temp_store();
    assert!(!Store::needs_upgrade(&path), "no store yet");
    drop(Store::open(&path).expect("open"));
    assert!(!Store::needs_upgrade(&path), "up to date");
    let conn = Connection::open(&path).expect("raw");
    conn.pragma_update(None, "user_version", schema::VERSION - 1)
        .expect("set version");
    drop(conn);
    assert!(Store::needs_upgrade(&path));
}
