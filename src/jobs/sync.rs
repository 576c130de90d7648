//! The reader's refresh also syncs the feed-server accounts (on the
//! refresh thread, never the UI's).

use std::path::Path;

use super::JobEvent;
use crate::store::Store;
use crate::sync::accounts::Accounts;
use crate::sync::connect::{accounts_file, sync_accounts};

/// Syncs the accounts in the config directory of `subs_file`; None when
/// there are none.
pub fn sync_beside(store_file: &Path, subs_file: &Path) -> Option<JobEvent> {
    let dir = subs_file.parent()?;
    let mut accounts = match Accounts::load(&accounts_file(dir)) {
        Ok(a) if a.list.is_empty() => return None,
        Ok(a) => a,
        Err(e) => {
            return Some(JobEvent::Synced {
                added: 0,
                pending: 0,
                failed: vec![e.to_string()],
            });
        }
    };
    let mut store = match Store::open(store_file) {
        Ok(s) => s,
        Err(e) => {
            return Some(JobEvent::Synced {
                added: 0,
                pending: 0,
                failed: vec![e.to_string()],
            });
        }
    };
    store.set_ignore_rules(std::sync::Arc::new(crate::ignore::load_beside(subs_file)));
    let days = crate::settings::load(&dir.join(crate::settings::FILE_NAME))
        .settings
        .sync_days;
    let reports = sync_accounts(&mut accounts, &mut store, None, days, &mut |_| {});
    Some(JobEvent::Synced {
        added: reports.iter().map(|r| r.added).sum(),
        pending: reports.iter().map(|r| r.pending).sum(),
        failed: reports
            .iter()
            .filter_map(|r| r.error.as_ref().map(|e| format!("{}: {e}", r.account)))
            .collect(),
    })
}

/// What the status bar says of a sync (None: nothing worth a message).
pub fn message(added: usize, pending: usize, failed: &[String]) -> Option<(bool, String)> {
    use crate::text::plural::count;
    let waiting = match pending {
        0 => String::new(),
        n => format!("; {} waiting to go up", count(n, "mark", "marks")),
    };
    if !failed.is_empty() {
        return Some((true, format!("Sync failed: {}{waiting}", failed.join("; "))));
    }
    if added == 0 && pending == 0 {
        return None;
    }
    Some((
        false,
        format!(
            "Synced: {}{waiting}",
            count(added, "new article", "new articles")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn says_what_waits_and_what_failed() {
        assert_eq!(message(0, 0, &[]), None);
        assert_eq!(
            message(3, 2, &[]),
            Some((
                false,
                "Synced: 3 new articles; 2 marks waiting to go up".into()
            ))
        );
        let failed = vec!["home: the server timed out".to_string()];
        assert_eq!(
            message(0, 1, &failed),
            Some((
                true,
                "Sync failed: home: the server timed out; 1 mark waiting to go up".into()
            ))
        );
    }

    #[test]
    fn no_accounts_file_is_no_sync() {
        let dir = tempfile::tempdir().expect("tmp");
        let subs = dir.path().join("subscriptions.toml");
        assert_eq!(super::sync_beside(&dir.path().join("e.db"), &subs), None);
    }
}
