//! Files already imported, by size and modification time: a re-import
//! skips the unchanged ones without reading them (as rsync and make do).

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, sql_err};

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub path: String,
    pub size: i64,
    pub mtime_ns: i64,
}

impl FileStamp {
    /// The stamp of a file on disk (None when it cannot be read).
    pub fn of(path: &std::path::Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime = meta.modified().ok()?;
        let ns = mtime
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_nanos()).ok())?;
        let full = std::fs::canonicalize(path).ok()?;
        Some(FileStamp {
            path: full.to_string_lossy().into_owned(),
            size: i64::try_from(meta.len()).ok()?,
            mtime_ns: ns,
        })
    }
}

impl Store {
    /// True when this exact version of the file was imported before.
    pub fn file_unchanged(&self, stamp: &FileStamp) -> Result<bool> {
        let found: Option<(i64, i64)> = self
            .conn
            .prepare_cached("SELECT size, mtime_ns FROM imported_files WHERE path = ?1")
            .and_then(|mut s| {
                s.query_row([&stamp.path], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(|e| self.err(e))?;
        Ok(found == Some((stamp.size, stamp.mtime_ns)))
    }

    /// Remembers imported files (after their articles are committed).
    pub fn record_files(&mut self, stamps: &[FileStamp]) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO imported_files (path, size, mtime_ns) VALUES (?1, ?2, ?3)",
                )
                .map_err(err)?;
            for s in stamps {
                stmt.execute(params![s.path, s.size, s.mtime_ns])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }
}
