//! The store's schema and its migrations. `PRAGMA user_version` holds the
//! number of migrations applied; each runs in the same transaction as the
//! version bump, so a store is always at one version or the next.

use rusqlite::{Connection, Transaction};

use super::migrations::MIGRATIONS;

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version of an open store.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies the migrations the store lacks, each in its own transaction,
/// and marks the file as Edicola's (`application_id`). The version is read
/// again inside each transaction: another process opening the same new
/// store may have applied the migration first.
pub fn migrate(conn: &mut Connection, application_id: i64) -> rusqlite::Result<()> {
    let marked: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if version(conn)? >= VERSION && marked == application_id {
        // Up to date: no write lock to wait for.
        return Ok(());
    }
    loop {
        let tx = conn.transaction()?;
        let current = version(&tx)?;
        if current >= VERSION {
            let marked: i64 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            if marked != application_id {
                tx.pragma_update(None, "application_id", application_id)?;
            }
            return tx.commit();
        }
        let script = MIGRATIONS[usize::try_from(current).unwrap_or(0)];
        tx.execute_batch(script)?;
        after(&tx, current + 1)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.pragma_update(None, "application_id", application_id)?;
        tx.commit()?;
    }
}

/// The full-text index's rowid for an article id: the id's own 64 bits
/// when it is 16 hex digits (every id Edicola makes), else its hash.
pub fn fts_key(id: &str) -> i64 {
    match u64::from_str_radix(id, 16) {
        Ok(n) if id.len() == 16 => n as i64,
        _ => crate::text::fnv1a(id.as_bytes()) as i64,
    }
}

/// Registers `fts_key` on a connection (needed by the index trigger).
pub fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fts_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(fts_key(&ctx.get::<String>(0)?)),
    )?;
    // `name_match(value, name)`: the query language's `author:` (see
    // `index::query::name_match`); a NULL name matches nothing.
    conn.create_scalar_function(
        "name_match",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let value = ctx.get::<Option<String>>(0)?.unwrap_or_default();
            let name = ctx.get::<Option<String>>(1)?;
            Ok(name.is_some_and(|n| crate::index::query::name_match(&value, &n).is_some()))
        },
    )
}

/// Data changes a migration needs beyond its SQL.
fn after(tx: &Transaction, version: i64) -> rusqlite::Result<()> {
    if version == 3 {
        tx.execute_batch(
            "INSERT INTO articles_fts (rowid, id, title, standfirst, body)
             SELECT fts_key(id), id, title, coalesce(standfirst, ''),
                    (SELECT group_concat(value, char(10)) FROM json_each(articles.body))
             FROM articles;",
        )?;
    }
    if version == 2 {
        let rows: Vec<(String, String)> = tx
            .prepare("SELECT id, url FROM articles WHERE url IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut update = tx.prepare("UPDATE articles SET url_key = ?2 WHERE id = ?1")?;
        for (id, url) in rows {
            update.execute([id, crate::urlnorm::url_key(&url)])?;
        }
    }
    Ok(())
}

/// The SQL of the first `n` migrations, to build old stores in tests.
#[cfg(test)]
pub fn script_up_to(n: usize) -> String {
    MIGRATIONS[..n].join(";\n")
}
