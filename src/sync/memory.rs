//! A feed server in memory for the engine's tests, with scripted faults.

use std::collections::{HashMap, HashSet};

use super::remote::{
    Changes, ItemPage, MarkOp, Remote, RemoteError, RemoteFeed, RemoteItem, RemoteResult,
    RemoteState,
};

/// A kind of request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Call {
    Subscriptions,
    Items,
    ItemsById,
    State,
    Mark,
    Changes,
}

/// A scripted fault: the `nth` call (from 1) of a kind fails; `applied`:
/// the server did the work and only the answer was lost.
pub struct Fault {
    pub call: Call,
    pub nth: usize,
    pub error: RemoteError,
    pub applied: bool,
}

#[derive(Default)]
pub struct MemoryRemote {
    pub feeds: Vec<RemoteFeed>,
    /// In the server's order (ids are numbers, ascending).
    pub items: Vec<RemoteItem>,
    pub changed: HashMap<String, i64>,
    pub faults: Vec<Fault>,
    pub counts: HashMap<Call, usize>,
    /// Every mark request received (also the failed ones that applied).
    pub received: Vec<(Vec<String>, MarkOp)>,
    pub page_size: usize,
    /// Lists what changed since a cursor, as Miniflux does: every change
    /// of an item then stamps its `changed` with the next tick of `clock`.
    pub lists_changes: bool,
    pub clock: i64,
    /// The clock when the list of changes being read began.
    listed_at: i64,
}

impl MemoryRemote {
    pub fn new(feeds: Vec<RemoteFeed>, items: Vec<RemoteItem>) -> MemoryRemote {
        MemoryRemote {
            feeds,
            items,
            page_size: 2,
            ..MemoryRemote::default()
        }
    }

    pub fn item(&self, id: &str) -> &RemoteItem {
        self.items
            .iter()
            .find(|i| i.id == id)
            .expect("item on the server")
    }

    pub fn item_mut(&mut self, id: &str) -> &mut RemoteItem {
        self.items
            .iter_mut()
            .find(|i| i.id == id)
            .expect("item on the server")
    }

    fn feed_mut(&mut self, id: &str) -> RemoteResult<&mut RemoteFeed> {
        self.feeds
            .iter_mut()
            .find(|f| f.id == id)
            .ok_or(RemoteError::Server {
                status: 404,
                message: format!("no feed {id}"),
            })
    }

    /// A change made on the server to item `id` (or its arrival): stamped
    /// with the next tick.
    pub fn touch(&mut self, id: &str) {
        self.clock += 1;
        let now = self.clock;
        self.item_mut(id).changed = Some(now);
    }

    pub fn calls(&self, call: Call) -> usize {
        self.counts.get(&call).copied().unwrap_or(0)
    }

    /// Counts the call; the scripted fault for it, if any, and whether the
    /// work is done anyway.
    fn enter(&mut self, call: Call) -> (Option<RemoteError>, bool) {
        let n = self.counts.entry(call).or_default();
        *n += 1;
        let n = *n;
        match self
            .faults
            .iter()
            .position(|f| f.call == call && f.nth == n)
        {
            Some(i) => {
                let f = self.faults.remove(i);
                (Some(f.error), f.applied)
            }
            None => (None, true),
        }
    }

    fn check(&mut self, call: Call) -> RemoteResult<()> {
        match self.enter(call) {
            (Some(e), _) => Err(e),
            (None, _) => Ok(()),
        }
    }
}

fn num(id: &str) -> u64 {
    id.parse().unwrap_or(0)
}

impl Remote for MemoryRemote {
    fn subscriptions(&mut self) -> RemoteResult<Vec<RemoteFeed>> {
        self.check(Call::Subscriptions)?;
        Ok(self.feeds.clone())
    }

    fn items(&mut self, cursor: Option<&str>, since: i64) -> RemoteResult<ItemPage> {
        self.check(Call::Items)?;
        let after = cursor.map_or(0, num);
        let newer: Vec<&RemoteItem> = self
            .items
            .iter()
            .filter(|i| num(&i.id) > after)
            .filter(|i| cursor.is_some() || i.published.is_none_or(|p| p >= since))
            .collect();
        let page: Vec<RemoteItem> = newer
            .iter()
            .take(self.page_size)
            .map(|i| (*i).clone())
            .collect();
        let last = page
            .last()
            .map(|i| i.id.clone())
            .or(cursor.map(str::to_string));
        // The cursor is the newest id the server has, as Fever's since_id.
        Ok(ItemPage {
            more: newer.len() > page.len(),
            cursor: last,
            items: page,
        })
    }

    fn items_by_id(&mut self, ids: &[String]) -> RemoteResult<Vec<RemoteItem>> {
        self.check(Call::ItemsById)?;
        let want: HashSet<&String> = ids.iter().collect();
        Ok(self
            .items
            .iter()
            .filter(|i| want.contains(&i.id))
            .cloned()
            .collect())
    }

    fn state(&mut self) -> RemoteResult<RemoteState> {
        self.check(Call::State)?;
        Ok(RemoteState {
            unread: self
                .items
                .iter()
                .filter(|i| !i.read)
                .map(|i| i.id.clone())
                .collect(),
            starred: self
                .items
                .iter()
                .filter(|i| i.starred)
                .map(|i| i.id.clone())
                .collect(),
            changed: self.changed.clone(),
        })
    }

    fn changes(&mut self, cursor: Option<&str>, offset: usize) -> RemoteResult<Option<Changes>> {
        let Some(from) = cursor
            .and_then(|c| c.strip_prefix("t:"))
            .and_then(|t| t.parse::<i64>().ok())
            .filter(|_| self.lists_changes)
        else {
            return Ok(None);
        };
        self.check(Call::Changes)?;
        if offset == 0 {
            self.listed_at = self.clock;
        }
        let changed: Vec<&RemoteItem> = self
            .items
            .iter()
            .filter(|i| i.changed.is_some_and(|t| t > from))
            .collect();
        let page: Vec<RemoteItem> = changed
            .iter()
            .skip(offset)
            .take(self.page_size)
            .map(|i| (*i).clone())
            .collect();
        Ok(Some(Changes {
            more: changed.len() > offset + page.len(),
            items: page,
            // The time the list began: a change made while it was read is
            // listed again next time.
            cursor: format!("t:{}", self.listed_at),
        }))
    }

    fn changes_cursor(&self) -> Option<String> {
        self.lists_changes.then(|| format!("t:{}", self.clock))
    }

    fn mark(&mut self, ids: &[String], op: MarkOp) -> RemoteResult<()> {
        let (error, applied) = self.enter(Call::Mark);
        if applied {
            self.received.push((ids.to_vec(), op));
            for id in ids {
                if self.lists_changes && self.items.iter().any(|i| &i.id == id) {
                    self.touch(id);
                }
                if let Some(item) = self.items.iter_mut().find(|i| &i.id == id) {
                    match op {
                        MarkOp::Read => item.read = true,
                        MarkOp::Unread => item.read = false,
                        MarkOp::Star => item.starred = true,
                        MarkOp::Unstar => item.starred = false,
                    }
                }
            }
        }
        error.map_or(Ok(()), Err)
    }

    fn mark_feed_read(&mut self, feed_id: &str, _before: i64) -> RemoteResult<()> {
        self.check(Call::Mark)?;
        let ids: Vec<String> = self
            .items
            .iter()
            .filter(|i| i.feed_id == feed_id)
            .map(|i| i.id.clone())
            .collect();
        for id in ids {
            if self.lists_changes {
                self.touch(&id);
            }
            self.item_mut(&id).read = true;
        }
        Ok(())
    }

    fn subscribe(&mut self, url: &str, folder: Option<&str>) -> RemoteResult<RemoteFeed> {
        let feed = RemoteFeed {
            id: format!("f{}", self.feeds.len() + 1),
            title: url.to_string(),
            url: url.to_string(),
            site_url: None,
            folders: folder.map(str::to_string).into_iter().collect(),
        };
        self.feeds.push(feed.clone());
        Ok(feed)
    }

    fn unsubscribe(&mut self, feed_id: &str) -> RemoteResult<()> {
        self.feeds.retain(|f| f.id != feed_id);
        Ok(())
    }

    fn rename(&mut self, feed_id: &str, title: &str) -> RemoteResult<()> {
        self.feed_mut(feed_id)?.title = title.to_string();
        Ok(())
    }

    fn set_folders(
        &mut self,
        feed_id: &str,
        _from: &[String],
        to: &[String],
    ) -> RemoteResult<Vec<String>> {
        let feed = self.feed_mut(feed_id)?;
        feed.folders = to.to_vec();
        Ok(feed.folders.clone())
    }
}
