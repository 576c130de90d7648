//! The store's schema and its migrations. `PRAGMA user_version` holds the
//! number of migrations applied; each runs in the same transaction as the
//! version bump, so a store is always at one version or the next.

use rusqlite::Connection;

/// Migration scripts, in order. Never edit a published one: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: articles, their read/bookmark marks (kept apart so they survive
    // re-import and removal), and a small key/value table.
    "CREATE TABLE articles (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        title_key  TEXT NOT NULL,
        source     TEXT,
        url        TEXT,
        guid       TEXT,
        byline     TEXT,
        published  INTEGER,
        standfirst TEXT,
        category   TEXT,
        lang       TEXT,
        body       TEXT NOT NULL,
        related    TEXT NOT NULL,
        links      TEXT NOT NULL,
        origin     TEXT NOT NULL,
        added      INTEGER NOT NULL,
        sort_key   INTEGER NOT NULL,
        digest     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX articles_by_time ON articles (sort_key DESC, id);
    CREATE INDEX articles_by_title ON articles (title_key);
    CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
    CREATE TABLE marks (
        article_id TEXT PRIMARY KEY,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        read       INTEGER NOT NULL DEFAULT 0,
        updated    INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX marks_bookmarked ON marks (bookmarked) WHERE bookmarked = 1;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version of an open store.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies the migrations the store lacks, each in its own transaction.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let mut current = version(conn)?;
    while current < VERSION {
        let tx = conn.transaction()?;
        let script = MIGRATIONS[usize::try_from(current).unwrap_or(0)];
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
        current += 1;
    }
    Ok(())
}
