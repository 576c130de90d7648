//! The feeds pane's rows, built from its data: a pure function, so that
//! what the pane shows is tested without a terminal.

use std::collections::BTreeMap;

use crate::jobs::FeedsData;
use crate::store::{Filter, GroupCount};

/// What a row of the feeds pane stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Every article.
    All,
    /// Bookmarked articles.
    Bookmarks,
    /// A tag's feeds (a heading that folds).
    Tag(String),
    /// Feeds without tags (a heading that folds).
    Untagged,
    /// One subscription, by URL.
    Feed(String),
    /// The saved searches' heading.
    Searches,
    /// One saved search: its name and query.
    Search { name: String, query: String },
    /// The heading of articles from no subscription.
    Local,
    /// Articles from no subscription, from one source ("" for none).
    LocalSource(String),
    /// Articles ignore rules kept out (Enter lists them).
    Ignored,
    /// A feed-server account's subscriptions (a heading that folds).
    Account(String),
    /// One of an account's folders (a heading that folds; its articles
    /// are those of the tag of the same name).
    Folder { account: String, folder: String },
    /// One subscription of an account.
    AccountFeed {
        account: String,
        feed_id: String,
        url: String,
    },
}

impl Entry {
    /// The list this entry shows, over the current view's marks filters.
    pub fn filter(&self, base: &Filter) -> Option<Filter> {
        let base = Filter {
            bookmarked: base.bookmarked,
            unread: base.unread,
            ..Filter::default()
        };
        Some(match self {
            Entry::All => base,
            Entry::Bookmarks => Filter {
                bookmarked: true,
                ..base
            },
            Entry::Tag(tag) | Entry::Folder { folder: tag, .. } => Filter {
                tag: Some(tag.clone()),
                ..base
            },
            Entry::Feed(url) | Entry::AccountFeed { url, .. } => Filter {
                feed: Some(url.clone()),
                ..base
            },
            Entry::Search { query, .. } => Filter {
                query: Some(query.clone()),
                ..base
            },
            Entry::Local => Filter {
                local: true,
                ..base
            },
            Entry::LocalSource(source) if source.is_empty() => Filter {
                local: true,
                ..base
            },
            Entry::LocalSource(source) => Filter {
                local: true,
                source: Some(source.clone()),
                ..base
            },
            Entry::Untagged | Entry::Searches | Entry::Ignored | Entry::Account(_) => return None,
        })
    }

    /// True for a heading that folds its rows away.
    pub fn folds(&self) -> bool {
        matches!(
            self,
            Entry::Tag(_)
                | Entry::Untagged
                | Entry::Searches
                | Entry::Local
                | Entry::Account(_)
                | Entry::Folder { .. }
        )
    }
}

/// One row of the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub entry: Entry,
    pub label: String,
    /// 0 for top-level rows, 1 for rows under a heading, 2 under an
    /// account's folder.
    pub depth: u8,
    pub count: Option<GroupCount>,
    /// The last fetch failed (feeds only): why.
    pub error: Option<String>,
    /// A folded heading.
    pub folded: bool,
}

impl Row {
    pub(super) fn top(entry: Entry, label: impl Into<String>, count: Option<GroupCount>) -> Row {
        Row {
            entry,
            label: label.into(),
            depth: 0,
            count,
            error: None,
            folded: false,
        }
    }
}

/// The rows for `data`, with the headings in `folded` folded.
pub fn rows(data: &FeedsData, folded: &[Entry]) -> Vec<Row> {
    let mut rows = vec![
        Row::top(Entry::All, "All articles", Some(data.counts.all)),
        Row::top(
            Entry::Bookmarks,
            "Bookmarks",
            Some(GroupCount {
                total: data.counts.bookmarks,
                ..GroupCount::default()
            }),
        ),
    ];
    let mut by_tag: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut untagged = Vec::new();
    for (i, feed) in data.feeds.iter().enumerate() {
        if feed.remote.is_some() {
            continue;
        }
        if feed.tags.is_empty() {
            untagged.push(i);
        }
        for tag in &feed.tags {
            by_tag
                .entry((tag.to_lowercase(), tag.clone()))
                .or_default()
                .push(i);
        }
    }
    for ((_, tag), members) in by_tag {
        let heading = Row::top(Entry::Tag(tag.clone()), format!("#{tag}"), None);
        group(&mut rows, data, heading, &members, folded);
    }
    if !untagged.is_empty() {
        let label = if rows.len() > 2 { "Untagged" } else { "Feeds" };
        let heading = Row::top(Entry::Untagged, label, None);
        group(&mut rows, data, heading, &untagged, folded);
    }
    super::accounts::account_rows(&mut rows, data, folded);
    if !data.searches.is_empty() {
        let is_folded = folded.contains(&Entry::Searches);
        let mut heading = Row::top(Entry::Searches, "Saved searches", None);
        heading.folded = is_folded;
        rows.push(heading);
        if !is_folded {
            for (s, count) in &data.searches {
                rows.push(Row {
                    depth: 1,
                    ..Row::top(
                        Entry::Search {
                            name: s.name.clone(),
                            query: s.query.clone(),
                        },
                        s.name.clone(),
                        Some(*count),
                    )
                });
            }
        }
    }
    if !data.counts.local.is_empty() {
        let mut total = GroupCount::default();
        for (_, c) in &data.counts.local {
            total.add(c);
        }
        let is_folded = folded.contains(&Entry::Local);
        let mut heading = Row::top(Entry::Local, "Imported", Some(total));
        heading.folded = is_folded;
        rows.push(heading);
        if !is_folded {
            for (source, count) in &data.counts.local {
                let label = if source.is_empty() {
                    "(no source)".to_string()
                } else {
                    source.clone()
                };
                rows.push(Row {
                    depth: 1,
                    ..Row::top(Entry::LocalSource(source.clone()), label, Some(*count))
                });
            }
        }
    }
    if data.ignored_total > 0 {
        let label = format!("Ignored ({})", data.ignored_total);
        rows.push(Row::top(Entry::Ignored, label, None));
    }
    rows
}

/// A heading with its feeds (sorted by title) one level under it unless
/// folded; the heading's count is theirs.
pub(super) fn group(
    rows: &mut Vec<Row>,
    data: &FeedsData,
    heading: Row,
    members: &[usize],
    folded: &[Entry],
) {
    let mut total = GroupCount::default();
    for &i in members {
        total.add(&data.feeds[i].count);
    }
    let is_folded = folded.contains(&heading.entry);
    let failing = members.iter().any(|&i| data.feeds[i].error.is_some());
    let depth = heading.depth + 1;
    rows.push(Row {
        folded: is_folded,
        error: (is_folded && failing).then(|| "a feed here failed".to_string()),
        count: Some(total),
        ..heading
    });
    if is_folded {
        return;
    }
    let mut sorted = members.to_vec();
    sorted.sort_by_key(|&i| data.feeds[i].title.to_lowercase());
    for i in sorted {
        rows.push(feed_row(&data.feeds[i], depth));
    }
}

/// A subscription's row.
pub(super) fn feed_row(feed: &crate::jobs::FeedRow, depth: u8) -> Row {
    let entry = match &feed.remote {
        Some(r) => Entry::AccountFeed {
            account: r.account.clone(),
            feed_id: r.feed_id.clone(),
            url: feed.url.clone(),
        },
        None => Entry::Feed(feed.url.clone()),
    };
    Row {
        depth,
        error: feed.error.clone(),
        ..Row::top(entry, feed.title.clone(), Some(feed.count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::FeedRow;
    use crate::searches::SavedSearch;

    fn feed(url: &str, title: &str, tags: &[&str], unread: usize, error: bool) -> FeedRow {
        FeedRow {
            url: url.into(),
            title: title.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            count: GroupCount {
                unread,
                total: unread * 2,
                ..GroupCount::default()
            },
            error: error.then(|| "HTTP 404".to_string()),
            last_fetch: None,
            remote: None,
        }
    }

    fn data() -> FeedsData {
        let mut d = FeedsData {
            feeds: vec![
                feed("u1", "Zeta", &["tech"], 2, false),
                feed("u2", "alpha", &["tech", "news"], 1, true),
                feed("u3", "Loose", &[], 0, false),
            ],
            searches: vec![(
                SavedSearch {
                    name: "Chips".into(),
                    query: "chip".into(),
                },
                GroupCount::default(),
            )],
            ..FeedsData::default()
        };
        d.counts.local = vec![("Site".into(), GroupCount::default())];
        d
    }

    #[test]
    fn tags_hold_their_feeds_sorted_with_sums_and_failures() {
        let rows = rows(&data(), &[]);
        let labels: Vec<_> = rows.iter().map(|r| (r.depth, r.label.as_str())).collect();
        assert_eq!(
            labels,
            [
                (0, "All articles"),
                (0, "Bookmarks"),
                (0, "#news"),
                (1, "alpha"),
                (0, "#tech"),
                (1, "alpha"),
                (1, "Zeta"),
                (0, "Untagged"),
                (1, "Loose"),
                (0, "Saved searches"),
                (1, "Chips"),
                (0, "Imported"),
                (1, "Site"),
            ]
        );
        assert_eq!(rows[4].count.map(|c| c.unread), Some(3));
        assert!(rows[3].error.is_some() && rows[6].error.is_none());
    }

    #[test]
    fn a_folded_tag_hides_its_feeds_and_says_one_failed() {
        let rows = rows(&data(), &[Entry::Tag("tech".into()), Entry::Searches]);
        let tech = rows.iter().position(|r| r.label == "#tech").expect("tech");
        assert!(rows[tech].folded && rows[tech].error.is_some());
        assert_eq!(rows[tech + 1].label, "Untagged");
        assert!(!rows.iter().any(|r| r.label == "Chips"));
    }

    #[test]
    fn entries_filter_the_list_keeping_the_marks_view() {
        let base = Filter {
            unread: true,
            source: Some("x".into()),
            ..Filter::default()
        };
        let f = Entry::Feed("u1".into()).filter(&base).expect("filter");
        assert_eq!(
            (f.feed.as_deref(), f.unread, f.source),
            (Some("u1"), true, None)
        );
        assert_eq!(Entry::Untagged.filter(&base), None);
        let local = Entry::LocalSource("Site".into())
            .filter(&base)
            .expect("local");
        assert!(local.local && local.source.as_deref() == Some("Site"));
    }
}
