//! Subscription edits sent to an account's server (add, rename, retag,
//! remove), then kept in the store once the server took them: what the
//! feeds pane (on its thread) and `edicola add/rename/tag/remove --account`
//! share. Nothing changes locally when the server refuses.

use std::path::Path;

use super::accounts::{Accounts, AccountsError};
use super::connect::{accounts_file, connect, password, sync_accounts};
use super::remote::RemoteError;
use crate::store::{AccountFeed, Store, StoreError};

/// A change to one account's subscriptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubsChange {
    /// Subscribe to a feed address, in a folder.
    Add {
        url: String,
        folder: Option<String>,
    },
    Rename {
        feed_id: String,
        title: String,
    },
    /// Put the feed in exactly these folders.
    Folders {
        feed_id: String,
        folders: Vec<String>,
    },
    Remove {
        feed_id: String,
    },
}

/// Why an edit was not made.
#[derive(Debug, thiserror::Error)]
pub enum SubsEditError {
    #[error(transparent)]
    Accounts(#[from] AccountsError),
    #[error("no account named {0} (see `edicola account list`)")]
    NoAccount(String),
    #[error("account {0}: no subscription {1} (sync to see the server's)")]
    NoFeed(String, String),
    #[error("account {account}: {error}")]
    Password {
        account: String,
        error: super::connect::PasswordError,
    },
    #[error("account {account}: {error}")]
    Remote { account: String, error: RemoteError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsEdited {
    /// The subscription as it is now (as it was, for a removal).
    pub feed: AccountFeed,
    /// A sentence for the user.
    pub message: String,
}

/// Sends `change` to `account`'s server (accounts file in `config_dir`),
/// then keeps it in the store. After an `Add` the account is synced, so
/// the feed's articles come at once.
pub fn edit_account_subs(
    config_dir: &Path,
    store: &mut Store,
    account: &str,
    change: SubsChange,
) -> Result<SubsEdited, SubsEditError> {
    let mut accounts = Accounts::load(&accounts_file(config_dir))?;
    let found = accounts
        .find(account)
        .cloned()
        .ok_or_else(|| SubsEditError::NoAccount(account.to_string()))?;
    let known = |store: &Store, id: &str| {
        store
            .account_feed(account, id)?
            .ok_or_else(|| SubsEditError::NoFeed(account.to_string(), id.to_string()))
    };
    let secret = password(&found).map_err(|error| SubsEditError::Password {
        account: account.to_string(),
        error,
    })?;
    let mut remote = connect(&found, &secret);
    let refused = |error| SubsEditError::Remote {
        account: account.to_string(),
        error,
    };
    let edited = match change {
        SubsChange::Add { url, folder } => {
            let feed = remote
                .subscribe(&url, folder.as_deref())
                .map_err(refused)?
                .stored(account);
            store.sync_put_feed(&feed)?;
            let message = format!("Subscribed on {account} to {}", title_of(&feed));
            SubsEdited { feed, message }
        }
        SubsChange::Rename { feed_id, title } => {
            let mut feed = known(store, &feed_id)?;
            let title = title.trim().to_string();
            remote.rename(&feed_id, &title).map_err(refused)?;
            feed.title = title;
            store.sync_put_feed(&feed)?;
            let message = format!("Renamed on {account} to “{}”", feed.title);
            SubsEdited { feed, message }
        }
        SubsChange::Folders { feed_id, folders } => {
            let mut feed = known(store, &feed_id)?;
            let folders = clean_folders(&folders);
            feed.folders = remote
                .set_folders(&feed_id, &feed.folders, &folders)
                .map_err(refused)?;
            store.sync_put_feed(&feed)?;
            let message = match feed.folders.join(", ") {
                f if f.is_empty() => format!("No folders on {account}"),
                f => format!("Folders on {account}: {f}"),
            };
            SubsEdited { feed, message }
        }
        SubsChange::Remove { feed_id } => {
            let feed = known(store, &feed_id)?;
            remote.unsubscribe(&feed_id).map_err(refused)?;
            store.sync_drop_feed(account, &feed_id)?;
            let message = format!("Unsubscribed on {account} from {}", title_of(&feed));
            SubsEdited { feed, message }
        }
    };
    if remote.token() != found.token {
        accounts.set_token(account, remote.token());
        // A token not kept is asked for again next time: not worth failing.
        let _ = accounts.save();
    }
    Ok(edited)
}

/// Syncs one account after an addition (its ignore rules applied, as at
/// every sync); a sentence on how it went.
pub fn sync_after_add(config_dir: &Path, store: &mut Store, account: &str) -> String {
    let mut accounts = match Accounts::load(&accounts_file(config_dir)) {
        Ok(a) => a,
        Err(e) => return format!("its articles come with the next sync ({e})"),
    };
    let rules = crate::ignore::IgnoreRules::load(&config_dir.join(crate::ignore::FILE_NAME)).0;
    store.set_ignore_rules(std::sync::Arc::new(rules));
    let days = crate::settings::load(&config_dir.join(crate::settings::FILE_NAME))
        .settings
        .sync_days;
    let reports = sync_accounts(&mut accounts, store, Some(account), days, &mut |_| {});
    match reports.first() {
        Some(r) if r.error.is_none() => {
            crate::text::plural::count(r.added, "new article", "new articles")
        }
        Some(r) => format!(
            "its articles come with the next sync (this one failed: {})",
            r.error.as_deref().unwrap_or_default()
        ),
        None => "its articles come with the next sync".to_string(),
    }
}

/// Drops a removed account feed's articles (bookmarks stay) unless a local
/// subscription or another account still has its address; how many went.
pub fn forget_articles(
    store: &mut Store,
    subs_file: &Path,
    feed: &AccountFeed,
) -> Result<usize, SubsEditError> {
    let local = crate::subs::SubsFile::load(subs_file)
        .map(|s| s.feeds.iter().any(|f| f.url == feed.url))
        .unwrap_or(true);
    let elsewhere = store.account_feeds()?.iter().any(|f| f.url == feed.url);
    if local || elsewhere {
        return Ok(0);
    }
    Ok(store.forget_feed(&feed.url)?)
}

fn title_of(feed: &AccountFeed) -> &str {
    if feed.title.trim().is_empty() {
        &feed.url
    } else {
        &feed.title
    }
}

/// Trimmed, without blanks, each once.
fn clean_folders(folders: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in folders.iter().map(|f| f.trim()).filter(|f| !f.is_empty()) {
        if !out.iter().any(|o| o == f) {
            out.push(f.to_string());
        }
    }
    out
}
