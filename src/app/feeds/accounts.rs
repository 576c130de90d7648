//! The feeds pane's rows for feed-server accounts: each account a heading
//! (`@name`), its folders under it, their feeds under them, and feeds in
//! no folder right under the account.

use std::collections::BTreeMap;

use super::tree::{Entry, Row, feed_row, group};
use crate::jobs::FeedsData;
use crate::store::GroupCount;

/// Appends every account's tree to `rows`.
pub(super) fn account_rows(rows: &mut Vec<Row>, data: &FeedsData, folded: &[Entry]) {
    let mut by_account: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, feed) in data.feeds.iter().enumerate() {
        if let Some(r) = &feed.remote {
            by_account.entry(r.account.as_str()).or_default().push(i);
        }
    }
    for (account, members) in by_account {
        let mut total = GroupCount::default();
        for &i in &members {
            total.add(&data.feeds[i].count);
        }
        let entry = Entry::Account(account.to_string());
        let is_folded = folded.contains(&entry);
        rows.push(Row {
            folded: is_folded,
            ..Row::top(entry, format!("@{account}"), Some(total))
        });
        if is_folded {
            continue;
        }
        let mut by_folder: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
        let mut loose = Vec::new();
        for &i in &members {
            let feed = &data.feeds[i];
            if feed.tags.is_empty() {
                loose.push(i);
            }
            for folder in &feed.tags {
                by_folder
                    .entry((folder.to_lowercase(), folder.clone()))
                    .or_default()
                    .push(i);
            }
        }
        for ((_, folder), list) in by_folder {
            let entry = Entry::Folder {
                account: account.to_string(),
                folder: folder.clone(),
            };
            let heading = Row {
                depth: 1,
                ..Row::top(entry, format!("#{folder}"), None)
            };
            group(rows, data, heading, &list, folded);
        }
        loose.sort_by_key(|&i| data.feeds[i].title.to_lowercase());
        for i in loose {
            rows.push(feed_row(&data.feeds[i], 1));
        }
    }
}
