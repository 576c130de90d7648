//! Opening a store: what the file holds is found out by reading it through
//! SQLite before anything is written, and only Edicola's stores (or an
//! empty file) are ever written to.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{PAGE_SIZE, Result, Store, StoreError, schema, sql_err};

/// `PRAGMA application_id` of Edicola's stores ("EDIC"): an SQLite file
/// without it is another program's, unless it has Edicola's tables (a
/// store from before the mark).
pub(super) const APPLICATION_ID: i64 = 0x4544_4943;

/// How long a statement waits for another process's lock.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

impl Store {
    /// Opens (creating if needed) the store at `path`. A file that is not an
    /// SQLite database, another program's database, a damaged store or one
    /// from a newer schema is reported and never written to.
    ///
    /// The file is read only through SQLite: its locks belong to the
    /// process, and closing any other descriptor of the file would drop
    /// them while this process's connections still rely on them.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // Two processes that both set up a new store can each hold a read
        // lock and want the other's: SQLite then answers "busy" at once,
        // without waiting. The loser tries again.
        let mut attempt = 0;
        loop {
            let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_err(path, e))?;
            match Store::init(conn, path.to_path_buf()) {
                Err(e) if e.is_busy() && attempt < 5 => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20 * attempt));
                }
                result => return result,
            }
        }
    }

    /// Whether the store at `path` exists from an earlier version, so that
    /// opening it will first bring its schema up to date (an index built
    /// over every article can take seconds on a large store).
    pub fn needs_upgrade(path: &Path) -> bool {
        if std::fs::metadata(path).is_err() {
            return false;
        }
        read_only_connection(path).is_ok_and(|(conn, kind)| {
            kind != Kind::Foreign
                && schema::version(&conn).is_ok_and(|found| found > 0 && found < schema::VERSION)
        })
    }

    /// Opens an existing store without writing to it (for a data directory
    /// that cannot be written). Every change then fails with an error.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let err = |e| sql_err(path, e);
        let (conn, kind) = read_only_connection(path).map_err(err)?;
        if kind == Kind::Foreign {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        let found = schema::version(&conn).map_err(err)?;
        schema::register_functions(&conn).map_err(err)?;
        if found != schema::VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                known: schema::VERSION,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            known: None,
            ignore: None,
            ranks: Default::default(),
            spelled: Default::default(),
        })
    }

    /// A store that lives only in memory: used when the data directory
    /// cannot be written, and by tests.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_err(&path, e))?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let err = |e| sql_err(&path, e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Read before anything writes: a file that is not a store, or a
        // damaged one, fails here, untouched.
        if identify(&conn).map_err(err)? == Kind::Foreign {
            return Err(StoreError::Foreign { path });
        }
        let found = schema::version(&conn).map_err(err)?;
        if found > schema::VERSION {
            return Err(StoreError::TooNew {
                path,
                found,
                known: schema::VERSION,
            });
        }
        schema::register_functions(&conn).map_err(err)?;
        // A new store gets 16 KiB pages (SQLite's default is 4 KiB): a
        // compressed body of a few KiB shares a page with others instead
        // of leaving most of one empty, and imports write less (README,
        // Design: compressed bodies). Ignored for a store that has pages.
        conn.pragma_update(None, "page_size", PAGE_SIZE)
            .map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        // Write transactions take the write lock when they begin, waiting
        // for another process's (busy timeout): a deferred one that read
        // first could not wait and would fail with "database is locked".
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        schema::migrate(&mut conn, APPLICATION_ID).map_err(err)?;
        let mut store = Store {
            conn,
            path,
            known: None,
            ignore: None,
            ranks: Default::default(),
            spelled: Default::default(),
        };
        store.check_index_version()?;
        Ok(store)
    }
}

/// A read-only connection that has read the file. A store in WAL mode
/// needs its `-shm` file even to be read; in a directory that cannot be
/// written, where it cannot be made, the file is opened as immutable
/// (changes another process might make are then not seen).
fn read_only_connection(path: &Path) -> rusqlite::Result<(Connection, Kind)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match identify(&conn) {
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) =>
        {
            drop(conn);
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
            let kind = identify(&conn)?;
            Ok((conn, kind))
        }
        Err(e) => Err(e),
        Ok(kind) => Ok((conn, kind)),
    }
}

/// A path as the path of a `file:` URI: the characters a URI gives a
/// meaning to are percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' | 0..=0x20 | 0x7F.. => out.push_str(&format!("%{b:02X}")),
            _ => out.push(char::from(*b)),
        }
    }
    out
}

/// What an SQLite file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Nothing yet: a new store.
    Empty,
    /// An Edicola store (marked, or with Edicola's tables).
    Edicola,
    /// Another program's database.
    Foreign,
}

/// Tells what the file holds by reading it (a file that is not an SQLite
/// database, or a damaged one, fails here with SQLite's error).
fn identify(conn: &Connection) -> rusqlite::Result<Kind> {
    let id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if id == APPLICATION_ID {
        Kind::Edicola
    } else if id != 0 {
        Kind::Foreign
    } else if tables.is_empty() {
        Kind::Empty
    } else if ["articles", "marks", "meta"]
        .iter()
        .all(|t| tables.iter().any(|n| n == t))
    {
        Kind::Edicola
    } else {
        Kind::Foreign
    })
}
