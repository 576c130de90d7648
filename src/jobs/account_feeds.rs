//! The feeds pane's side of feed-server accounts, on the feeds thread: the
//! accounts' subscriptions as rows, and edits of them sent to the server
//! (see `sync::subs`); a refusal is told as the server gave it, and
//! nothing changes here then.

use super::JobError;
use super::feeds::{ConfigFiles, Edited, FeedRow, OnAccount};
use crate::store::{FeedCounts, Store};
use crate::sync::subs::{SubsChange, edit_account_subs, forget_articles, sync_after_add};

/// Every account's subscriptions, as the last sync or edit left them.
pub fn rows(store: &Store, counts: &FeedCounts) -> Result<Vec<FeedRow>, JobError> {
    Ok(store
        .account_feeds()?
        .into_iter()
        .map(|f| FeedRow {
            count: counts.feeds.get(&f.url).copied().unwrap_or_default(),
            title: if f.title.trim().is_empty() {
                f.url.clone()
            } else {
                f.title
            },
            tags: f.folders,
            error: None,
            last_fetch: None,
            url: f.url,
            remote: Some(OnAccount {
                account: f.account,
                feed_id: f.feed_id,
            }),
        })
        .collect())
}

/// Sends a change to the account's server; after an addition the account
/// is synced so that the feed's articles come at once.
pub fn edit(
    store: &mut Store,
    files: &ConfigFiles,
    account: &str,
    change: SubsChange,
) -> Result<Edited, JobError> {
    let dir = files
        .subscriptions
        .parent()
        .ok_or_else(|| JobError::Refused("no config directory".into()))?;
    let adding = matches!(change, SubsChange::Add { .. });
    let removing = matches!(change, SubsChange::Remove { .. });
    let done = edit_account_subs(dir, store, account, change)
        .map_err(|e| JobError::Refused(e.to_string()))?;
    let message = if adding {
        format!("{}: {}", done.message, sync_after_add(dir, store, account))
    } else if removing {
        let n = forget_articles(store, &files.subscriptions, &done.feed)
            .map_err(|e| JobError::Refused(e.to_string()))?;
        format!(
            "{}: {} removed, bookmarks kept",
            done.message,
            crate::text::plural::count(n, "article", "articles")
        )
    } else {
        done.message
    };
    Ok(Edited::Done(message))
}
