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
    /// source.
    pub fn feed_counts(&self) -> Result<FeedCounts> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.feed_url, CASE WHEN a.feed_url IS NULL THEN coalesce(a.source, '') END,
                        count(*), sum(coalesce(m.read, 0) = 0), max(a.published),
                        sum(coalesce(m.bookmarked, 0))
                 FROM articles a LEFT JOIN marks m ON m.article_id = a.id
                 GROUP BY 1, 2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let count = GroupCount {
                    total: r.get::<_, i64>(2)?.max(0) as usize,
                    unread: r.get::<_, i64>(3)?.max(0) as usize,
                    newest: r.get(4)?,
                    bookmarked: r.get::<_, i64>(5)?.max(0) as usize,
                };
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    count,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut counts = FeedCounts::default();
        for row in rows {
            let (feed, source, count) = row.map_err(|e| self.err(e))?;
            counts.all.add(&count);
            counts.bookmarks += count.bookmarked;
            match feed {
                Some(url) => {
                    counts.feeds.insert(url, count);
                }
                None => counts.local.push((source.unwrap_or_default(), count)),
            }
        }
        counts.local.sort_by_key(|(name, _)| name.to_lowercase());
        Ok(counts)
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
