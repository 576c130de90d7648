//! `edicola index`, and the index build that ends imports and fetches.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use super::Failure;
use super::open::session;
use crate::config::Paths;
use crate::store::Store;

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

/// Builds what is queued of the search index, with progress on stderr.
pub fn build_index(store: &mut Store) -> Result<(), Failure> {
    let pending = store.index_state().map_err(fatal)?.pending;
    if pending == 0 {
        return Ok(());
    }
    let started = Instant::now();
    let bar = std::io::stderr().is_terminal();
    let indexed = store
        .index_all(|done, total| {
            if bar {
                let mut err = std::io::stderr();
                let _ = write!(
                    err,
                    "\r\x1b[2Ksearch index: {done}/{total} ({}%)",
                    done * 100 / total.max(1)
                );
                let _ = err.flush();
            }
        })
        .map_err(fatal)?;
    if bar {
        eprint!("\r\x1b[2K");
    }
    eprintln!(
        "search index: {} indexed in {:.2} s",
        crate::text::plural::count(indexed, "article", "articles"),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `edicola index`: builds the search index now (or from scratch).
pub fn index(paths: &Paths, rebuild: bool) -> Result<(), Failure> {
    let mut session = session(paths).map_err(fatal)?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    if rebuild {
        session.store.rebuild_index().map_err(fatal)?;
    }
    let state = session.store.index_state().map_err(fatal)?;
    if state.pending == 0 {
        eprintln!(
            "search index: complete ({})",
            crate::text::plural::count(state.total, "article", "articles")
        );
        return Ok(());
    }
    build_index(&mut session.store)
}
