//! Opening the store for a session, with the fallbacks that keep the
//! reader usable when the data directory cannot be written.

use std::io::IsTerminal;

use crate::config::Paths;
use crate::ingest;
use crate::store::{Store, StoreError};

/// An open store and what the user should be told about it.
pub struct Session {
    pub store: Store,
    /// True while the store shows only the built-in samples.
    pub samples: bool,
    /// Set when changes cannot be saved.
    pub warning: Option<String>,
}

/// Opens the user's store. A store that cannot be written is opened
/// read-only; only when there is no store yet does the reader fall back to
/// an in-memory one with the samples. A damaged or unreadable store is an
/// error (and is left untouched).
pub fn session(paths: &Paths) -> Result<Session, StoreError> {
    let file = paths.store_file();
    if Store::needs_upgrade(&file) && std::io::stderr().is_terminal() {
        eprintln!("edicola: updating the store for this version (once; seconds on a large store)…");
    }
    match Store::open(&file) {
        Ok(mut store) => match store.ensure_defaults(ingest::defaults) {
            Ok(samples) => Ok(Session {
                store,
                samples,
                warning: None,
            }),
            Err(e) if e.is_unwritable() => Ok(Session {
                samples: store.only_embedded().unwrap_or(true),
                store,
                warning: Some(cannot_save(&file, &e)),
            }),
            Err(e) => Err(e),
        },
        // Asking for the file's metadata opens no descriptor of it.
        Err(e) if e.is_unwritable() && std::fs::metadata(&file).is_ok() => {
            let store = Store::open_read_only(&file)?;
            let samples = store.only_embedded().unwrap_or(false);
            Ok(Session {
                store,
                samples,
                warning: Some(cannot_save(&file, &e)),
            })
        }
        Err(e) if e.is_unwritable() => {
            let mut store = Store::open_in_memory()?;
            store.ensure_defaults(ingest::defaults)?;
            Ok(Session {
                store,
                samples: true,
                warning: Some(cannot_save(&file, &e)),
            })
        }
        Err(e) => Err(e),
    }
}

fn cannot_save(file: &std::path::Path, e: &StoreError) -> String {
    let why = match e {
        StoreError::DiskFull { .. } => "the disk is full".to_string(),
        StoreError::CreateDir { path, source } => {
            format!("cannot create {}: {source}", path.display())
        }
        _ => "the data directory cannot be written".to_string(),
    };
    format!(
        "Read-only: {why}; changes will not be saved ({})",
        file.display()
    )
}
