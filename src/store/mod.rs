//! The article store: one SQLite database in the data directory (WAL mode,
//! versioned schema). Nothing outside this module knows it is SQLite.

mod body;
mod feeds;
mod files;
mod filter;
mod index;
mod known;
mod neardup;
mod prepare;
mod read;
mod schema;
mod similar;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use feeds::FeedState;
pub use files::FileStamp;
pub use filter::Filter;
pub use index::{IndexState, Indexer};
pub use neardup::AlsoIn;
pub use prepare::{Prepared, Undated};
pub use similar::Similar;
pub use write::{Mark, MarkChange, MarkState, Removed};

/// A row of the list pane: what is needed to draw it and nothing more.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<i64>,
    pub bookmarked: bool,
    pub read: bool,
}

/// Where an article came from: the built-in samples or the user's imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    User,
}

impl Origin {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Origin::Embedded => "embedded",
            Origin::User => "user",
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertStats {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{}: not an Edicola store (not an SQLite database). It was left untouched; move it away or use --data to choose another directory",
        path.display()
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{}: an SQLite database of another program, not an Edicola store. It was left untouched; move it away or use --data to choose another directory",
        path.display()
    )]
    Foreign { path: PathBuf },
    #[error(
        "{}: the store is damaged ({source}). It was left untouched. To save what can be read: `sqlite3 {0} .recover | sqlite3 recovered.db`, then put recovered.db in its place; or move the file away to start a new store",
        path.display()
    )]
    Corrupt {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: the disk is full: the change was not saved. Free some space and try again", path.display())]
    DiskFull { path: PathBuf },
    #[error("{}: the store is open read-only: the change was not saved", path.display())]
    ReadOnly { path: PathBuf },
    #[error(
        "{}: written by a newer Edicola (schema {found}, this build knows {known}). It was left untouched; upgrade Edicola",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: cannot create the data directory: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: a stored article is damaged ({what}): {source}", path.display())]
    Damaged {
        path: PathBuf,
        what: String,
        source: serde_json::Error,
    },
}

impl StoreError {
    /// True for errors that mean "this directory cannot be written", after
    /// which the reader may still run read-only (or, with no store yet, on
    /// an in-memory one).
    pub fn is_unwritable(&self) -> bool {
        match self {
            StoreError::CreateDir { .. }
            | StoreError::DiskFull { .. }
            | StoreError::ReadOnly { .. } => true,
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::PermissionDenied
                )
            ),
            _ => false,
        }
    }
}

impl StoreError {
    /// True when another connection held the lock past the busy timeout.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite { source, .. }
            if matches!(source.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)))
    }
}

type Result<T> = std::result::Result<T, StoreError>;

/// An open article store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The stored articles' keys, while an import's bulk transaction is
    /// open (see `begin_bulk`).
    known: Option<known::KnownKeys>,
}

/// `PRAGMA application_id` of Edicola's stores ("EDIC"): an SQLite file
/// without it is another program's, unless it has Edicola's tables (a
/// store from before the mark).
const APPLICATION_ID: i64 = 0x4544_4943;

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
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_err(path, e))?;
        Store::init(conn, path.to_path_buf())
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
        };
        store.check_index_version()?;
        Ok(store)
    }

    /// Prepares the connection for a large write (import, fetch): a page
    /// cache big enough that the batch's index pages stay in memory.
    /// The cache is an upper bound: pages are only held once read.
    pub fn bulk_writes(&self) {
        let _ = self.conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB);
    }

    /// Opens a transaction that the next `upsert_batch` calls join until
    /// `commit_bulk` (it is atomic as a whole; a failed batch ends the
    /// import, and closing the store rolls the transaction back). Fewer
    /// commits write the pages of the article indexes fewer times: their
    /// keys are random, so every batch touches most of their pages.
    ///
    /// `written` is how many articles the import has stored so far: when
    /// that is large next to the store, the stored articles' keys are read
    /// into memory, so that new articles are stored without looking for
    /// earlier versions of them (`known.rs`).
    pub fn begin_bulk(&mut self, written: usize) -> Result<()> {
        if !self.conn.is_autocommit() {
            return Ok(());
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        if known::worth_loading(self.count(&Filter::all())?, written) {
            self.known = Some(known::KnownKeys::load(&self.conn).map_err(|e| self.err(e))?);
        }
        Ok(())
    }

    /// While `deferred`, commits leave what they wrote in the write-ahead
    /// log and skip SQLite's automatic checkpoint (the copy of the log into
    /// the store file): other processes see the articles, and they are as
    /// durable, as soon as the commit returns. The copy is then made by the
    /// next commit after checkpoints are no longer deferred, or when the
    /// store is closed. An import defers the checkpoint of its last commit,
    /// so that its articles are stored without waiting for it.
    pub fn defer_checkpoints(&self, deferred: bool) -> Result<()> {
        // SQLite's default: a checkpoint once the log passes 1,000 pages.
        let pages = if deferred { 0 } else { 1000 };
        self.conn
            .pragma_update(None, "wal_autocheckpoint", pages)
            .map_err(|e| self.err(e))
    }

    /// Commits what the batches since `begin_bulk` wrote.
    pub fn commit_bulk(&mut self) -> Result<()> {
        self.known = None;
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// True when the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// The database file (or `:memory:`).
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_err(&self.path, e)
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

/// The same text as `json` for a list of strings (an article's body),
/// written in one go: the output is sized up front, and text that needs no
/// escaping, most of it, is copied eight bytes at a time.
pub(crate) fn json_strings(items: &[String]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + 3).sum::<usize>() + 2);
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        json_escape_into(&mut out, item);
        out.push('"');
    }
    out.push(']');
    out
}

/// Appends `s` escaped as `serde_json` escapes strings: quotes,
/// backslashes and control characters (short forms where JSON has them,
/// else `\u00xx`); nothing else.
fn json_escape_into(out: &mut String, s: &str) {
    use crate::text::swar;
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(w) = swar::chunk_at(bytes, i)
            && swar::controls(w) | swar::equal(w, b'"') | swar::equal(w, b'\\') == 0
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[copied..i]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(short);
        }
        i += 1;
        copied = i;
    }
    out.push_str(&s[copied..]);
}

/// Page size of new stores, in bytes.
const PAGE_SIZE: i64 = 16384;

/// Page cache of large writes, in KiB (SQLite's default is 2 MiB): the
/// index pages a batch touches stay in memory instead of being written to
/// the WAL mid-transaction and read back.
const BULK_CACHE_KIB: i64 = 64 * 1024;

/// Milliseconds since the epoch: the sort key of undated articles.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// How long a statement waits for another process's lock.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

fn sql_err(path: &Path, source: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path, source },
        Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull { path },
        // A write that fails for want of space can also come back as an
        // I/O error (the log or its index growing): the disk is asked.
        Some(rusqlite::ErrorCode::SystemIoFailure) if nearly_full(&path) => {
            StoreError::DiskFull { path }
        }
        Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        _ => StoreError::Sqlite { path, source },
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

/// True when the file system holding `path` has less than a page left.
fn nearly_full(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let Ok(dir) = std::ffi::CString::new(dir.unwrap_or(Path::new(".")).as_os_str().as_bytes())
    else {
        return false;
    };
    // SAFETY: statvfs only writes the struct it is given; the path is a
    // NUL-terminated string that outlives the call.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(dir.as_ptr(), &mut stat) } != 0 {
        return false;
    }
    stat.f_bavail.saturating_mul(stat.f_frsize) < PAGE_SIZE as u64 * 4
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

#[cfg(test)]
mod tests;
