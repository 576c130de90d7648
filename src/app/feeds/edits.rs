//! The feeds pane's edits of subscriptions and saved searches: each asks
//! its question in the status bar; the answer goes to the feeds thread.
//! A subscription of a feed-server account is changed on its server.

use super::{Entry, Row};
use crate::app::input::{AccountAsk, Ask, Confirm};
use crate::app::{App, Severity};

impl App {
    pub(super) fn remove_entry(&mut self, row: Option<Row>) {
        let Some(row) = row else { return };
        match &row.entry {
            Entry::AccountFeed {
                account, feed_id, ..
            } => {
                let question = format!(
                    "Unsubscribe on {account} from {}? (bookmarks kept) (y/n) ",
                    row.label
                );
                let confirm = Confirm::RemoveAccountFeed {
                    account: account.clone(),
                    feed_id: feed_id.clone(),
                };
                self.ask(Ask::Confirm(confirm), question, String::new());
            }
            Entry::Feed(url) => {
                let count = row.count.unwrap_or_default();
                let question = format!(
                    "Unsubscribe from {}? (removes {}, keeps {}) (y/n) ",
                    row.label,
                    crate::text::plural::count(
                        count.total - count.bookmarked.min(count.total),
                        "article",
                        "articles"
                    ),
                    crate::text::plural::count(count.bookmarked, "bookmark", "bookmarks")
                );
                let confirm = Confirm::RemoveFeed { url: url.clone() };
                self.ask(Ask::Confirm(confirm), question, String::new());
            }
            Entry::Search { name, .. } => {
                let question = format!("Remove the saved search “{name}”? (y/n) ");
                let confirm = Confirm::RemoveSearch { name: name.clone() };
                self.ask(Ask::Confirm(confirm), question, String::new());
            }
            _ => self.notify(
                Severity::Info,
                "Only feeds and saved searches can be removed",
            ),
        }
    }

    pub(super) fn rename_entry(&mut self, row: Option<Row>) {
        match row.map(|r| (r.entry, r.label)) {
            Some((Entry::Feed(url), label)) => self.ask(Ask::Rename { url }, "Title: ", label),
            Some((
                Entry::AccountFeed {
                    account, feed_id, ..
                },
                label,
            )) => {
                let question = format!("Title on {account}: ");
                let what = AccountAsk::Rename { feed_id };
                self.ask(Ask::Account { account, what }, question, label)
            }
            Some((Entry::Search { name, .. }, _)) => {
                self.ask(Ask::RenameSearch { name: name.clone() }, "Name: ", name)
            }
            _ => self.notify(
                Severity::Info,
                "Only feeds and saved searches can be renamed",
            ),
        }
    }

    pub(super) fn edit_tags(&mut self, row: Option<Row>) {
        if let Some(Entry::AccountFeed {
            account, feed_id, ..
        }) = row.as_ref().map(|r| &r.entry)
        {
            let folders = self.account_folders(account, feed_id).join(", ");
            let question = format!("Folders on {account} (comma-separated): ");
            let what = AccountAsk::Folders {
                feed_id: feed_id.clone(),
            };
            let ask = Ask::Account {
                account: account.clone(),
                what,
            };
            self.ask(ask, question, folders);
            return;
        }
        let Some(Entry::Feed(url)) = row.map(|r| r.entry) else {
            self.notify(Severity::Info, "Choose a feed to change its tags");
            return;
        };
        let tags = self
            .feeds
            .as_ref()
            .and_then(|p| p.data.as_ref())
            .and_then(|d| d.feeds.iter().find(|f| f.url == url))
            .map(|f| f.tags.join(", "))
            .unwrap_or_default();
        self.ask(Ask::Tags { url }, "Tags (comma-separated): ", tags);
    }

    /// `a`: a feed's address to subscribe to; on an account's server (in
    /// the selected folder, or the selected feed's first one) when the
    /// selection is in that account's tree.
    pub(super) fn add_feed(&mut self, row: Option<Row>) {
        let (account, folder) = match row.map(|r| r.entry) {
            Some(Entry::Account(account)) => (account, None),
            Some(Entry::Folder { account, folder }) => (account, Some(folder)),
            Some(Entry::AccountFeed {
                account, feed_id, ..
            }) => {
                let first = self.account_folders(&account, &feed_id).first().cloned();
                (account, first)
            }
            _ => {
                self.ask(Ask::AddFeed, "Feed or page address: ", String::new());
                return;
            }
        };
        let question = match &folder {
            Some(f) => format!("Feed address to add on {account} in #{f}: "),
            None => format!("Feed address to add on {account}: "),
        };
        let what = AccountAsk::Add { folder };
        self.ask(Ask::Account { account, what }, question, String::new());
    }

    /// An account feed's folders as the pane last read them.
    fn account_folders(&self, account: &str, feed_id: &str) -> Vec<String> {
        self.feeds
            .as_ref()
            .and_then(|p| p.data.as_ref())
            .and_then(|d| {
                d.feeds.iter().find(|f| {
                    f.remote
                        .as_ref()
                        .is_some_and(|r| r.account == account && r.feed_id == feed_id)
                })
            })
            .map(|f| f.tags.clone())
            .unwrap_or_default()
    }
}
