//! The subscriptions of feed-server accounts (`sync_feeds`): written by
//! each sync and by subscription edits sent from Edicola, read by the
//! feeds pane for each account's tree. Their folders are also feed tags
//! (so `tag:NAME` finds their articles); the tag table is otherwise the
//! subscriptions file's, and rewriting it from that file keeps them.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, sql_err};
use crate::text::controls::without_controls;

/// One subscription of an account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountFeed {
    pub account: String,
    /// The server's id for it.
    pub feed_id: String,
    pub url: String,
    pub title: String,
    pub folders: Vec<String>,
}

impl AccountFeed {
    /// Without the control characters a server may have put in its texts.
    fn cleaned(&self) -> AccountFeed {
        AccountFeed {
            title: without_controls(&self.title).into_owned(),
            folders: self
                .folders
                .iter()
                .map(|f| without_controls(f).trim().to_string())
                .filter(|f| !f.is_empty())
                .collect(),
            ..self.clone()
        }
    }
}

impl Store {
    /// Replaces an account's subscriptions with the server's (no write
    /// when nothing changed, as in most syncs).
    pub fn sync_set_feeds(&mut self, account: &str, feeds: &[AccountFeed]) -> Result<()> {
        let by_id = |mut list: Vec<AccountFeed>| {
            list.sort_by(|a, b| a.feed_id.cmp(&b.feed_id));
            list
        };
        let have = self
            .account_feeds()?
            .into_iter()
            .filter(|f| f.account == account);
        let want = feeds.iter().map(|f| {
            AccountFeed {
                account: account.to_string(),
                ..f.clone()
            }
            .cleaned()
        });
        if by_id(have.collect()) == by_id(want.collect()) {
            return Ok(());
        }
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let old: Vec<String> = {
            let mut stmt = tx
                .prepare("SELECT feed_id FROM sync_feeds WHERE account = ?1")
                .map_err(err)?;
            stmt.query_map([account], |r| r.get(0))
                .map_err(err)?
                .collect::<rusqlite::Result<Vec<String>>>()
                .map_err(err)?
        };
        for id in old {
            drop_row(&tx, account, &id).map_err(err)?;
        }
        for feed in feeds {
            put_row(
                &tx,
                &AccountFeed {
                    account: account.to_string(),
                    ..feed.clone()
                },
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Adds or changes one subscription of an account (after an edit the
    /// server took).
    pub fn sync_put_feed(&mut self, feed: &AccountFeed) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        drop_row(&tx, &feed.account, &feed.feed_id).map_err(err)?;
        put_row(&tx, feed).map_err(err)?;
        tx.commit().map_err(err)
    }

    /// Forgets one subscription of an account, which items came from it
    /// and their queued marks; the subscription it was, if any.
    pub fn sync_drop_feed(&mut self, account: &str, feed_id: &str) -> Result<Option<AccountFeed>> {
        let gone = self.account_feed(account, feed_id)?;
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        drop_row(&tx, account, feed_id).map_err(err)?;
        tx.execute(
            "DELETE FROM sync_queue WHERE account = ?1 AND remote_id IN
                 (SELECT remote_id FROM sync_items WHERE account = ?1 AND feed_id = ?2)",
            [account, feed_id],
        )
        .map_err(err)?;
        tx.execute(
            "DELETE FROM sync_items WHERE account = ?1 AND feed_id = ?2",
            [account, feed_id],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(gone)
    }

    /// Every account's subscriptions, by account then title.
    pub fn account_feeds(&self) -> Result<Vec<AccountFeed>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT account, feed_id, url, title, folders FROM sync_feeds
                 ORDER BY account, lower(title), feed_id",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([], row)
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// One subscription of an account.
    pub fn account_feed(&self, account: &str, feed_id: &str) -> Result<Option<AccountFeed>> {
        self.conn
            .query_row(
                "SELECT account, feed_id, url, title, folders FROM sync_feeds
                 WHERE account = ?1 AND feed_id = ?2",
                [account, feed_id],
                row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The subscriptions file's tags with the accounts' folders added: what
    /// the tag table holds.
    pub(super) fn with_account_folders(
        &self,
        tags: &[(String, Vec<String>)],
    ) -> Result<Vec<(String, Vec<String>)>> {
        let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (url, list) in tags {
            all.entry(url.clone())
                .or_default()
                .extend(list.iter().cloned());
        }
        for feed in self.account_feeds()? {
            all.entry(feed.url).or_default().extend(feed.folders);
        }
        Ok(all.into_iter().collect())
    }
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<AccountFeed> {
    let folders: String = r.get(4)?;
    Ok(AccountFeed {
        account: r.get(0)?,
        feed_id: r.get(1)?,
        url: r.get(2)?,
        title: r.get(3)?,
        folders: serde_json::from_str(&folders).unwrap_or_default(),
    })
}

/// Writes a subscription and its folders as tags of its URL.
fn put_row(tx: &Transaction, feed: &AccountFeed) -> rusqlite::Result<()> {
    let feed = feed.cleaned();
    let folders = serde_json::to_string(&feed.folders).unwrap_or_else(|_| "[]".into());
    tx.prepare_cached(
        "INSERT OR REPLACE INTO sync_feeds (account, feed_id, url, title, folders)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        feed.account,
        feed.feed_id,
        feed.url,
        feed.title,
        folders
    ])?;
    let mut tag =
        tx.prepare_cached("INSERT OR IGNORE INTO feed_tags (feed_url, tag) VALUES (?1, ?2)")?;
    for folder in &feed.folders {
        tag.execute([&feed.url, folder])?;
    }
    Ok(())
}

/// Removes a subscription's row and the tags its folders made (a local
/// subscription's same tag comes back at the feeds pane's next reading).
fn drop_row(tx: &Transaction, account: &str, feed_id: &str) -> rusqlite::Result<()> {
    let old: Option<(String, String)> = tx
        .query_row(
            "SELECT url, folders FROM sync_feeds WHERE account = ?1 AND feed_id = ?2",
            [account, feed_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((url, folders)) = old else {
        return Ok(());
    };
    let folders: Vec<String> = serde_json::from_str(&folders).unwrap_or_default();
    for folder in folders {
        tx.execute(
            "DELETE FROM feed_tags WHERE feed_url = ?1 AND tag = ?2",
            [&url, &folder],
        )?;
    }
    tx.execute(
        "DELETE FROM sync_feeds WHERE account = ?1 AND feed_id = ?2",
        [account, feed_id],
    )?;
    Ok(())
}
