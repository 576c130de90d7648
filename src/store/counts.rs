//! Unread and total counts per subscription and per local source, for the
//! feeds pane. One pass over the articles; the reader asks for it off the
//! UI thread and draws from what it got.

use std::collections::HashMap;

use super::{Filter, Result, Store};

/// Counts of one group of articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupCount {
    pub unread: usize,
    pub total: usize,
    pub bookmarked: usize,
    /// Publication time (Unix seconds) of the newest dated article.
    pub newest: Option<i64>,
}

impl GroupCount {
    /// Adds another group's counts to this one.
    pub fn add(&mut self, other: &GroupCount) {
        self.unread += other.unread;
        self.total += other.total;
        self.bookmarked += other.bookmarked;
        self.newest = self.newest.max(other.newest);
    }
}

/// Counts for the feeds pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedCounts {
    /// By subscription (feed URL).
    pub feeds: HashMap<String, GroupCount>,
    /// Articles from no subscription, by source name ("" for none), by name.
    pub local: Vec<(String, GroupCount)>,
    /// Every article.
    pub all: GroupCount,
    /// Bookmarked articles.
    pub bookmarks: usize,
}

impl Store {
    /// Counts every article once, grouped by feed, and local articles by
    /// source: totals, then read articles, from the `articles_by_feed_source`
    /// index; then the bookmarks.
    pub fn feed_counts(&self) -> Result<FeedCounts> {
        let mut counts = FeedCounts::default();
        let mut local: HashMap<String, GroupCount> = HashMap::new();
        self.each_group(
            "SELECT feed_url, coalesce(source, ''), count(*), max(sort_key) / 1000
             FROM articles GROUP BY feed_url, source",
            |group, total, newest| {
                let c = GroupCount {
                    unread: total,
                    total,
                    newest: Some(newest),
                    bookmarked: 0,
                };
                counts.all.add(&c);
                group.add(&c);
            },
            &mut counts.feeds,
            &mut local,
        )?;
        // Read marks are copied onto the articles (`is_read`), which the
        // same index holds: a daily reader's store is mostly read, and
        // probing the articles once per mark cost a second at 100,000.
        self.each_group(
            "SELECT feed_url, coalesce(source, ''), sum(is_read), 0
             FROM articles GROUP BY feed_url, source",
            |group, read, _| {
                for g in [&mut counts.all, group] {
                    g.unread = g.unread.saturating_sub(read);
                }
            },
            &mut counts.feeds,
            &mut local,
        )?;
        // Bookmarks are few: one probe each (CROSS JOIN keeps marks the
        // outer loop).
        self.each_group(
            "SELECT a.feed_url, coalesce(a.source, ''), count(*), 0
             FROM marks m CROSS JOIN articles a ON a.id = m.article_id
             WHERE m.bookmarked <> 0
             GROUP BY a.feed_url, a.source",
            |group, bookmarked, _| {
                for g in [&mut counts.all, group] {
                    g.bookmarked += bookmarked;
                }
            },
            &mut counts.feeds,
            &mut local,
        )?;
        counts.bookmarks = counts.all.bookmarked;
        counts.local = local.into_iter().collect();
        counts.local.sort_by_key(|(name, _)| name.to_lowercase());
        Ok(counts)
    }

    /// Runs a grouped query of `feed_url, source, a, b` and hands each row
    /// to `apply` with its group: the feed's, or for articles from no feed
    /// the source's.
    fn each_group(
        &self,
        sql: &str,
        mut apply: impl FnMut(&mut GroupCount, usize, i64),
        feeds: &mut HashMap<String, GroupCount>,
        local: &mut HashMap<String, GroupCount>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let read =
                |i| -> rusqlite::Result<i64> { Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0)) };
            let (feed, source): (Option<String>, String) = (
                r.get(0).map_err(|e| self.err(e))?,
                r.get(1).map_err(|e| self.err(e))?,
            );
            let a = usize::try_from(read(2).map_err(|e| self.err(e))?).unwrap_or(0);
            let b = read(3).map_err(|e| self.err(e))?;
            let group = match feed {
                Some(url) => feeds.entry(url).or_default(),
                None => local.entry(source).or_default(),
            };
            apply(group, a, b);
        }
        Ok(())
    }

    /// Sources (site or feed names) with their article counts, by name.
    pub fn sources(&self) -> Result<Vec<(String, usize)>> {
        self.name_counts(
            "SELECT source, count(*) FROM articles WHERE source IS NOT NULL AND source <> ''
             GROUP BY source ORDER BY source COLLATE NOCASE",
        )
    }

    /// Subscription tags with their article counts, by name.
    pub fn tags(&self) -> Result<Vec<(String, usize)>> {
        self.name_counts(
            "SELECT t.tag, count(a.id) FROM feed_tags t JOIN articles a ON a.feed_url = t.feed_url
             GROUP BY t.tag ORDER BY t.tag COLLATE NOCASE",
        )
    }

    fn name_counts(&self, sql: &str) -> Result<Vec<(String, usize)>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Unread and total counts of what a filter covers (a saved search).
    pub fn filter_counts(&self, filter: &Filter) -> Result<GroupCount> {
        let total = self.count(filter)?;
        let unread = if total == 0 {
            0
        } else {
            self.count(&Filter {
                unread: true,
                ..filter.clone()
            })?
        };
        Ok(GroupCount {
            unread,
            total,
            ..GroupCount::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;
    use crate::store::Origin;

    fn article(title: &str, source: &str, published: i64) -> Article {
        crate::ingest::with_id(Article {
            title: title.into(),
            source: Some(source.into()),
            published: Some(published),
            body: vec![format!("{title} body text")],
            ..Article::default()
        })
    }

    #[test]
    fn counts_by_feed_and_local_source_with_marks() {
        let mut store = Store::open_in_memory().expect("store");
        let feed = [article("One", "Feed A", 100), article("Two", "Feed A", 200)];
        store
            .upsert_feed("https://a.example/rss", &feed, None)
            .expect("feed");
        let pages = [article("Page", "Site", 50), article("Other", "", 60)];
        store.upsert(&pages, Origin::User).expect("pages");
        store.set_read(&feed[0].id, true).expect("read");
        store.set_bookmarked(&pages[0].id, true).expect("bookmark");
        // Read, then unread again: counted unread.
        store.set_read(&pages[1].id, true).expect("read");
        store.set_read(&pages[1].id, false).expect("unread");
        let c = store.feed_counts().expect("counts");
        let a = c.feeds["https://a.example/rss"];
        assert_eq!((a.unread, a.total, a.newest), (1, 2, Some(200)));
        let names: Vec<_> = c.local.iter().map(|(n, g)| (n.as_str(), g.total)).collect();
        assert_eq!(names, [("", 1), ("Site", 1)]);
        assert_eq!((c.all.unread, c.all.total, c.bookmarks), (3, 4, 1));
        let search = store
            .filter_counts(&Filter {
                query: Some("body".into()),
                ..Filter::default()
            })
            .expect("search counts");
        assert_eq!((search.unread, search.total), (3, 4));
    }
}
