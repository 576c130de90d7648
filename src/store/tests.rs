use super::*;

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
        .page(Filter::All, 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["New", "Mid", "Old"]);
    assert_eq!(store.page(Filter::All, 1, 1).expect("page")[0].title, "Mid");
    assert_eq!(
        store.get("b").expect("get"),
        Some(article("b", "New", Some(300)))
    );
    assert_eq!(store.position(Filter::All, "a").expect("pos"), Some(2));
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
    assert_eq!(store.count(Filter::All).expect("count"), 1);
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
    assert_eq!(store.count(Filter::Bookmarked).expect("count"), 1);
    let rows = store.page(Filter::Bookmarked, 0, 10).expect("page");
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
    assert!(store.ensure_defaults(&samples).expect("defaults"));
    assert!(store.ensure_defaults(&samples).expect("idempotent"));
    assert_eq!(store.count(Filter::All).expect("count"), 2);
    store.set_bookmarked("s2", true).expect("bookmark");
    store
        .upsert(&[article("u", "Mine", Some(5))], Origin::User)
        .expect("import");
    let ids: Vec<String> = store
        .page(Filter::All, 0, 10)
        .expect("page")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert!(ids.contains(&"u".to_string()) && ids.contains(&"s2".to_string()));
    assert!(!ids.contains(&"s1".to_string()));
    assert!(!store.ensure_defaults(&samples).expect("defaults"));
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
    assert_eq!(store.count(Filter::All).expect("count"), 1);
    assert!(store.set_bookmarked("a", true).is_err());
}
