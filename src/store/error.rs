//! Why a store could not be opened or changed, said so that a user knows
//! what happened to their file and what to do.

use std::path::{Path, PathBuf};

use super::PAGE_SIZE;

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

    /// True when the query was stopped through `Store::interrupt_handle`.
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sqlite { source, .. }
            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted))
    }
}

pub(super) fn sql_err(path: &Path, source: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match source.sqlite_error_code() {
        // SQLite says "not a database" of a store whose header is damaged
        // too; a file that starts as SQLite files do is a damaged one.
        Some(rusqlite::ErrorCode::NotADatabase) if has_sqlite_header(&path) => {
            StoreError::Corrupt { path, source }
        }
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

/// True when the file at `path` begins with SQLite's header string. Read
/// only after SQLite refused the file, when this process has no working
/// connection to it whose locks closing this descriptor could drop.
fn has_sqlite_header(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
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
