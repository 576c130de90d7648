//! Fetch state per subscription (conditional-request validators, last
//! status) and the tags of subscriptions, for filtering.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, sql_err};
use crate::text::controls::without_controls;

/// What the store remembers of a subscription between fetches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    pub url: String,
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Unix time of the last attempt.
    pub last_fetch: Option<i64>,
    /// "ok", "not modified" or "error".
    pub last_status: Option<String>,
    pub last_error: Option<String>,
    pub new_articles: i64,
}

impl Store {
    /// The state of one subscription, if it was ever fetched.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>> {
        self.conn
            .query_row(
                "SELECT url, title, site_url, etag, last_modified, last_fetch, last_status,
                        last_error, new_articles
                 FROM feeds WHERE url = ?1",
                [url],
                |r| {
                    Ok(FeedState {
                        url: r.get(0)?,
                        title: r.get(1)?,
                        site_url: r.get(2)?,
                        etag: r.get(3)?,
                        last_modified: r.get(4)?,
                        last_fetch: r.get(5)?,
                        last_status: r.get(6)?,
                        last_error: r.get(7)?,
                        new_articles: r.get(8)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Saves the state after a fetch attempt. Its texts come from the feed
    /// and the server: control characters are not kept.
    pub fn save_feed_state(&self, s: &FeedState) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO feeds (url, title, site_url, etag, last_modified, last_fetch,
                                   last_status, last_error, new_articles)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (url) DO UPDATE SET title = ?2, site_url = ?3, etag = ?4,
                    last_modified = ?5, last_fetch = ?6, last_status = ?7, last_error = ?8,
                    new_articles = ?9",
                params![
                    s.url,
                    clean(&s.title),
                    clean(&s.site_url),
                    s.etag,
                    s.last_modified,
                    s.last_fetch,
                    s.last_status,
                    clean(&s.last_error),
                    s.new_articles
                ],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// A subscription moved for good (a permanent redirect): its state, tags
    /// and articles follow it.
    pub fn rename_feed(&mut self, old: &str, new: &str) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute("DELETE FROM feeds WHERE url = ?2 AND ?1 <> ?2", [old, new])
            .map_err(err)?;
        tx.execute("UPDATE feeds SET url = ?2 WHERE url = ?1", [old, new])
            .map_err(err)?;
        tx.execute(
            "UPDATE OR IGNORE feed_tags SET feed_url = ?2 WHERE feed_url = ?1",
            [old, new],
        )
        .map_err(err)?;
        tx.execute(
            "UPDATE articles SET feed_url = ?2 WHERE feed_url = ?1",
            [old, new],
        )
        .map_err(err)?;
        tx.execute(
            "UPDATE tombstones SET feed_url = ?2 WHERE feed_url = ?1",
            [old, new],
        )
        .map_err(err)?;
        tx.commit().map_err(err)
    }

    /// The feed an article came from (None for none) and its source ("" for
    /// none); None when there is no such article.
    pub fn feed_of(&self, id: &str) -> Result<Option<(Option<String>, String)>> {
        self.conn
            .query_row(
                "SELECT feed_url, coalesce(source, '') FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// True when the tag table holds exactly these subscriptions' tags
    /// (and the accounts' folders).
    pub fn tags_match(&self, tags: &[(String, Vec<String>)]) -> Result<bool> {
        let tags = self.with_account_folders(tags)?;
        let mut want: Vec<(&str, &str)> = tags
            .iter()
            .flat_map(|(url, list)| list.iter().map(move |t| (url.as_str(), t.as_str())))
            .collect();
        want.sort_unstable();
        want.dedup();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT feed_url, tag FROM feed_tags ORDER BY feed_url, tag")
            .map_err(|e| self.err(e))?;
        let have = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        Ok(have.len() == want.len()
            && have
                .iter()
                .zip(&want)
                .all(|((u, t), (wu, wt))| u == wu && t == wt))
    }

    /// Replaces the tag table with the subscriptions' tags; the accounts'
    /// folders stay (see `sync_feeds`).
    pub fn sync_tags(&mut self, tags: &[(String, Vec<String>)]) -> Result<()> {
        let tags = self.with_account_folders(tags)?;
        self.write_feed_tags(&tags, true)
    }

    /// Adds `tags` (feed, tags) to the feed tags, after dropping all of
    /// them first when `replace`.
    pub(super) fn write_feed_tags(
        &mut self,
        tags: &[(String, Vec<String>)],
        replace: bool,
    ) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        if replace {
            tx.execute("DELETE FROM feed_tags", []).map_err(err)?;
        }
        {
            let mut stmt = tx
                .prepare("INSERT OR IGNORE INTO feed_tags (feed_url, tag) VALUES (?1, ?2)")
                .map_err(err)?;
            for (url, list) in tags {
                for tag in list {
                    stmt.execute([url, tag]).map_err(err)?;
                }
            }
        }
        tx.commit().map_err(err)
    }

    /// Removes a subscription's state, the tombstones of its removed
    /// articles and, unless bookmarked, its articles.
    pub fn forget_feed(&mut self, url: &str) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute("DELETE FROM feeds WHERE url = ?1", [url])
            .map_err(err)?;
        tx.execute("DELETE FROM tombstones WHERE feed_url = ?1", [url])
            .map_err(err)?;
        tx.execute("DELETE FROM feed_tags WHERE feed_url = ?1", [url])
            .map_err(err)?;
        let n = tx
            .execute(
                "DELETE FROM articles WHERE feed_url = ?1
                   AND id NOT IN (SELECT article_id FROM marks WHERE bookmarked = 1)",
                [url],
            )
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(n)
    }

    /// How many stored articles each feed has.
    pub fn feed_article_count(&self, url: &str) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM articles WHERE feed_url = ?1",
                [url],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}

/// `text` without control characters (borrowed when it has none).
fn clean(text: &Option<String>) -> Option<std::borrow::Cow<'_, str>> {
    text.as_deref().map(without_controls)
}
