//! "New since you last looked": the articles stored after the reader last
//! looked at the store carry a mark in the list, and `N` walks them.
//!
//! Articles get increasing keys as they are stored, so "new" is "a key
//! above a boundary": at start-up the boundary is where the reader left
//! the store last time (kept in the store's `meta`); a refresh that brings
//! articles moves it to where the store stood when the refresh began.

use std::collections::HashSet;

use super::{App, Severity};
use crate::jobs::WriteRequest;
use crate::store::{Anchor, Filter, StoreError};

/// New articles marked in the list at most (a first refresh of many feeds
/// may bring tens of thousands: the oldest of them then go unmarked).
const MAX_NEW: usize = 20_000;

/// The key under `meta` where the reader keeps how far it has looked.
const LOOKED: &str = "looked_key";

/// The new articles and the boundary they are new from.
#[derive(Debug, Default)]
pub struct Fresh {
    /// Articles stored after the one with this key are new.
    since: Option<i64>,
    /// The store's last key when the running refresh started.
    refresh_from: Option<i64>,
    /// The new articles' ids.
    ids: HashSet<String>,
    /// The last key the user has seen in the list, kept on leaving.
    looked: i64,
}

impl Fresh {
    /// True when article `id` came after the user last looked.
    pub fn is_new(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// How many articles are new.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when nothing is new.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Where the store stood when the running refresh began.
    pub(super) fn refresh_from(&self) -> Option<i64> {
        self.refresh_from
    }
}

impl App {
    /// Reads where the user last looked (start-up).
    pub(super) fn load_fresh(&mut self) -> Result<(), StoreError> {
        self.fresh.looked = self.store.last_key()?;
        let since = self
            .store
            .reader_state(LOOKED)?
            .and_then(|v| v.parse::<i64>().ok());
        if let Some(since) = since {
            self.mark_new_after(since)?;
        }
        Ok(())
    }

    fn mark_new_after(&mut self, since: i64) -> Result<(), StoreError> {
        let new = self.store.stored_after(&Filter::all(), since, MAX_NEW)?;
        self.fresh.since = Some(since);
        self.fresh.ids = new.into_iter().map(|a| a.id).collect();
        Ok(())
    }

    /// A refresh starts: what it stores will be new.
    pub(super) fn refresh_starting(&mut self) -> Result<(), StoreError> {
        self.fresh.refresh_from = Some(self.store.last_key()?);
        Ok(())
    }

    /// A refresh ended having stored `added` articles.
    pub(super) fn refreshed(&mut self, added: usize) -> Result<(), StoreError> {
        let Some(from) = self.fresh.refresh_from.take() else {
            return Ok(());
        };
        if added == 0 {
            return Ok(());
        }
        self.mark_new_after(from)?;
        self.fresh.looked = self.store.last_key()?;
        self.keep_looked()
    }

    /// Leaving: the next start marks what comes after what was seen now.
    pub(super) fn keep_looked(&mut self) -> Result<(), StoreError> {
        let request = WriteRequest::ReaderState {
            key: LOOKED.into(),
            value: self.fresh.looked.to_string(),
        };
        self.write(request, None).map(drop)
    }

    /// `N`: the first new article in the list's order; from a new one, the
    /// next (round to the first after the last).
    pub(super) fn next_new(&mut self, count: usize) -> Result<(), StoreError> {
        let Some(since) = self.fresh.since.filter(|_| !self.fresh.is_empty()) else {
            self.notify(Severity::Info, "Nothing new since you last looked");
            return Ok(());
        };
        let here = self.list.current().map(|r| r.id.clone());
        let on_new = here.as_deref().is_some_and(|id| self.fresh.is_new(id));
        if self.list.filter.query.is_some() {
            let ids = std::mem::take(&mut self.fresh.ids);
            let result = self.scan_results(true, count, |_, row| Ok(ids.contains(&row.id)));
            self.fresh.ids = ids;
            return result;
        }
        let order = self.list.filter.order;
        let mut new: Vec<Anchor> = self
            .store
            .stored_after(&self.list.filter, since, MAX_NEW)?
            .into_iter()
            .filter(|a| self.fresh.is_new(&a.id))
            .collect();
        if new.is_empty() {
            self.notify(
                Severity::Info,
                "Nothing new in this list since you last looked",
            );
            return Ok(());
        }
        new.sort_by(|a, b| a.cmp_in(b, order));
        let first = match (on_new, self.anchor_here()?) {
            (true, Some(at)) => new
                .iter()
                .position(|a| a.cmp_in(&at, order).is_gt())
                .unwrap_or(0),
            _ => 0,
        };
        let index = (first + count.max(1) - 1) % new.len();
        let id = new[index].id.clone();
        let n = new.len();
        self.go_to_article(&id)?;
        self.notify(
            Severity::Info,
            format!("New since you last looked: {} of {n}", index + 1),
        );
        Ok(())
    }
}
