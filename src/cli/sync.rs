//! `edicola sync`: every account (or one), a line of progress per step
//! (rewritten in place on a terminal), a summary per account; exit 1 when
//! an account failed (the others still sync).

use std::io::{IsTerminal, Write};

use super::{Failure, output};
use crate::config::Paths;
use crate::sync::accounts::Accounts;
use crate::sync::connect::{accounts_file, sync_accounts};

pub fn sync(paths: &Paths, only: Option<&str>, json: bool) -> Result<(), Failure> {
    let mut accounts = Accounts::load(&accounts_file(&paths.config_dir))
        .map_err(|e| Failure::fatal(e.to_string()))?;
    if let Some(name) = only
        && accounts.find(name).is_none()
    {
        return Err(Failure::fatal(format!(
            "no account named {name} (see `edicola account list`)"
        )));
    }
    if accounts.list.is_empty() {
        return Err(Failure::fatal(
            "no accounts to sync: add one with `edicola account add`",
        ));
    }
    let session = super::open::session(paths).map_err(|e| Failure::fatal(e.to_string()))?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    let mut store = session.store;
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |s: &str| {
        let s = output::line(s);
        if terminal {
            eprint!("\r\x1b[2K{s}");
            let _ = std::io::stderr().flush();
        } else {
            eprintln!("{s}");
        }
    };
    // A settings file with an error gives the defaults, as in the reader
    // (`edicola config --check` says what is wrong).
    let days = crate::settings::load(&paths.settings_file())
        .settings
        .sync_days;
    let reports = sync_accounts(&mut accounts, &mut store, only, days, &mut progress);
    if terminal {
        eprint!("\r\x1b[2K");
    }
    if json {
        let text = output::json_text(&reports, true).map_err(|e| Failure::fatal(e.to_string()))?;
        println!("{text}");
    } else {
        for r in &reports {
            let outcome = match &r.error {
                Some(e) => format!("failed: {e}"),
                None => "ok".into(),
            };
            println!(
                "{}: {outcome}; {} new, {} updated, {} marks down, {} marks up, {} waiting",
                output::line(&r.account),
                r.added,
                r.updated,
                r.marks_down,
                r.marks_up,
                r.pending
            );
        }
    }
    let failed: Vec<&str> = reports
        .iter()
        .filter(|r| r.error.is_some())
        .map(|r| r.account.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::input(format!(
            "sync failed for: {}",
            failed.join(", ")
        )))
    }
}
