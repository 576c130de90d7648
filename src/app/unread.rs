//! Moving between unread articles: the next or previous one in the list's
//! order and filter (across sources), or the unread ones of the next
//! source; each is selected, opened and marked read, as Enter does. In a
//! list each jump is a few index seeks in the store (`Store::neighbour`);
//! search results, ranked, are read page by page from the selection.

use super::{App, Severity};
use crate::store::{Anchor, Order, Seek, Store, StoreError, Summary};

/// Search results read at most looking for the next unread one.
const SCAN_LIMIT: usize = 2000;
const SCAN_PAGE: usize = 100;

impl App {
    /// `n` / `p`: the `count`th next (or previous) unread article.
    pub(super) fn next_unread(&mut self, forward: bool, count: usize) -> Result<(), StoreError> {
        if self.list.filter.query.is_some() {
            return self.scan_results(forward, count, |_, row| Ok(!row.read));
        }
        let mut at = self.anchor_here()?;
        let mut found = None;
        for _ in 0..count.max(1) {
            let next =
                self.store
                    .neighbour(&self.list.filter, at.as_ref(), forward, &Seek::Unread)?;
            match next {
                Some(next) => {
                    at = Some(next.clone());
                    found = Some(next);
                }
                None => break,
            }
        }
        match found {
            Some(target) => self.land_on(&target.id),
            None => {
                self.notify(Severity::Info, no_more(forward));
                Ok(())
            }
        }
    }

    /// `ctrl-n` / `ctrl-p`: the first unread article of the next (or
    /// previous) feed holding unread ones, in the list's order. A feed is
    /// a subscription, or a local source (see `FeedKey`).
    pub(super) fn next_feed_unread(
        &mut self,
        forward: bool,
        count: usize,
    ) -> Result<(), StoreError> {
        if self.list.filter.query.is_some() {
            let mut feed = self.anchor_here()?.map(|a| a.feed());
            return self.scan_results(forward, count, move |store, row| {
                if row.read {
                    return Ok(false);
                }
                let here = store.anchor(&row.id)?.map(|a| a.feed());
                let other = here != feed;
                if other {
                    feed = here;
                }
                Ok(other)
            });
        }
        let mut at = self.anchor_here()?;
        let mut found: Option<Anchor> = None;
        for _ in 0..count.max(1) {
            let seek = match &at {
                Some(a) => Seek::UnreadElsewhere(a.feed()),
                None => Seek::Unread,
            };
            let Some(mut next) =
                self.store
                    .neighbour(&self.list.filter, at.as_ref(), forward, &seek)?
            else {
                break;
            };
            if !forward && self.list.filter.order == Order::Source {
                // Backwards this is the feed's last unread article: its
                // first one is where that feed's unread ones start.
                let seek = Seek::UnreadFrom(next.feed());
                if let Some(first) = self.store.neighbour(&self.list.filter, None, true, &seek)? {
                    next = first;
                }
            }
            at = Some(next.clone());
            found = Some(next);
        }
        match found {
            Some(target) => self.land_on(&target.id),
            None => {
                let message = if forward {
                    "No more unread articles in other feeds"
                } else {
                    "No unread articles in earlier feeds"
                };
                self.notify(Severity::Info, message);
                Ok(())
            }
        }
    }

    /// Where the list's selection stands, for a jump from it.
    pub(super) fn anchor_here(&self) -> Result<Option<Anchor>, StoreError> {
        match self.list.current() {
            Some(row) => self.store.anchor(&row.id),
            None => Ok(None),
        }
    }

    /// Selects article `id` in the list, opens it and marks it read.
    pub(super) fn land_on(&mut self, id: &str) -> Result<(), StoreError> {
        if self.list.filter.order == Order::UnreadFirst {
            // Articles read since the list was loaded moved down: the rows
            // are read again so that the selection shows the right one.
            let height = self.list_height();
            self.list.reload(&self.store, height)?;
        }
        self.go_to_article(id)?;
        self.mark_read(true)
    }

    /// Search results are ranked: they are read page by page from the
    /// selection (at most `SCAN_LIMIT` rows) for the `count`th row `wanted`.
    pub(super) fn scan_results(
        &mut self,
        forward: bool,
        count: usize,
        mut wanted: impl FnMut(&Store, &Summary) -> Result<bool, StoreError>,
    ) -> Result<(), StoreError> {
        let (total, from) = (self.list.total, self.list.selected);
        let mut left = count.max(1);
        let mut found = None;
        let mut index = from;
        let mut scanned = 0;
        'pages: while scanned < SCAN_LIMIT {
            let start = if forward {
                index + 1
            } else {
                index.saturating_sub(SCAN_PAGE)
            };
            let end = if forward {
                (start + SCAN_PAGE).min(total)
            } else {
                index
            };
            if start >= end {
                break;
            }
            let rows = self.store.page(&self.list.filter, start, end - start)?;
            if rows.is_empty() {
                break;
            }
            let mut ordered: Vec<(usize, Summary)> = (start..).zip(rows).collect();
            if !forward {
                ordered.reverse();
            }
            for (i, row) in ordered {
                scanned += 1;
                index = i;
                if wanted(&self.store, &row)? {
                    found = Some(i);
                    left -= 1;
                    if left == 0 {
                        break 'pages;
                    }
                }
            }
            if !forward && start == 0 {
                break;
            }
        }
        match found {
            Some(i) => {
                let height = self.list_height();
                self.list.select(i, &self.store, height)?;
                self.open_selected()?;
                self.mark_read(true)
            }
            None => {
                self.notify(Severity::Info, no_more(forward));
                Ok(())
            }
        }
    }

    /// `O`: the next sort order, kept for the session. Search results stay
    /// ranked; the order applies again once the search is cleared.
    pub(super) fn cycle_order(&mut self) -> Result<(), StoreError> {
        let order = self.list.filter.order.next();
        let message = format!("Sorted: {}", order.label());
        if self.list.filter.query.is_some() {
            self.list.filter.order = order;
            let message = format!(
                "Search results stay ranked best first; the list will be sorted {} after it",
                order.label()
            );
            self.notify(Severity::Info, message);
            return Ok(());
        }
        let filter = crate::store::Filter {
            order,
            ..self.list.filter.clone()
        };
        self.set_filter(filter)?;
        self.notify(Severity::Info, message);
        Ok(())
    }
}

fn no_more(forward: bool) -> &'static str {
    if forward {
        "No more unread articles"
    } else {
        "No unread articles above"
    }
}
