//! Row numbers without counting: a sample of a list's rows (every few
//! hundred, each with its row number), built off the UI thread by one walk
//! of the list's index (`jobs::ranks`) and handed to the UI's store. With
//! it, where an article stands and the window at row N are a count or an
//! offset over at most a few hundred rows instead of N: next-unread, `G`
//! and a jump down a long list cost what a step does.
//!
//! Samples stand at the first row of a run of equal sort keys, so a sample
//! is a plain bound on the sort key (`sort_key <= k` starts at its row).
//! They hold while the list's rows do: a token read from the store (the
//! highest article key, which every insert raises, and a counter the
//! schema's triggers raise on every delete and every change of a column a
//! list is ordered or filtered by) says when they no longer do. Marks
//! never change them: lists filtered or ordered by marks are not sampled.

use std::cell::RefCell;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::{Filter, Order, Result, Store};

/// Rows between two samples, at least.
const EVERY: usize = 256;

/// Lists shorter than this are counted directly: sampling them is not worth
/// a walk.
pub const SAMPLED_FROM: usize = 4096;

/// What the store's rows were when samples were taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RanksToken {
    last_key: i64,
    changes: i64,
}

/// Sampled row numbers of one list (its order taken as newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct Ranks {
    filter: Filter,
    token: RanksToken,
    /// Rows in the list.
    total: usize,
    /// `(sort_key, row)`: the list's row `row` is the first with this sort
    /// key; sort keys descending, rows ascending, the first at row 0.
    samples: Vec<(i64, usize)>,
}

impl Ranks {
    /// The filter the samples were taken for.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The sample at or before row `row`: `(sort_key, its row)`.
    fn at_or_before_row(&self, row: usize) -> Option<(i64, usize)> {
        let after = self.samples.partition_point(|s| s.1 <= row);
        after.checked_sub(1).map(|i| self.samples[i])
    }

    /// The last sample whose sort key is at least `sort_key`.
    fn at_or_before_key(&self, sort_key: i64) -> Option<(i64, usize)> {
        let after = self.samples.partition_point(|s| s.0 >= sort_key);
        after.checked_sub(1).map(|i| self.samples[i])
    }
}

/// The UI store's samples, if any (set by `install_ranks`).
#[derive(Debug, Default)]
pub(super) struct RanksSlot(RefCell<Option<Ranks>>);

/// The filter as sampled: both time orders share the newest-first samples.
/// None when the list cannot be sampled.
fn sampled_filter(filter: &Filter) -> Option<Filter> {
    let plain = filter.query.is_none() && !filter.bookmarked && !filter.unread;
    // Tags are looked up in the subscriptions' table, which the token does
    // not follow.
    let time_order = matches!(filter.order, Order::Newest | Order::Oldest);
    (plain && filter.tag.is_none() && time_order).then(|| Filter {
        order: Order::Newest,
        ..filter.clone()
    })
}

impl Store {
    /// The token of the store's rows as they are now; None for a store
    /// whose schema predates it.
    pub fn ranks_token(&self) -> Result<Option<RanksToken>> {
        let (last_key, changes): (Option<i64>, Option<i64>) = self
            .conn
            .prepare_cached(
                "SELECT (SELECT max(key) FROM articles),
                        (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'list_changes')",
            )
            .and_then(|mut s| s.query_row([], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(|e| self.err(e))?;
        Ok(changes.map(|changes| RanksToken {
            last_key: last_key.unwrap_or(0),
            changes,
        }))
    }

    /// True when `filter`'s list is worth sampling and the store holds no
    /// samples of it that still hold.
    pub fn wants_ranks(&self, filter: &Filter, total: usize) -> Result<bool> {
        if total < SAMPLED_FROM || sampled_filter(filter).is_none() {
            return Ok(false);
        }
        Ok(self.ranks_for(filter)?.is_none())
    }

    /// Samples `filter`'s list by one walk of its index (slow on a large
    /// store: run it off the UI thread); None when it cannot be sampled.
    pub fn build_ranks(&self, filter: &Filter) -> Result<Option<Ranks>> {
        let Some(filter) = sampled_filter(filter) else {
            return Ok(None);
        };
        // One read transaction: the token and the walk see the same rows.
        let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
        let Some(token) = self.ranks_token()? else {
            return Ok(None);
        };
        let (cond, values) = filter.conditions();
        let sql =
            format!("SELECT a.sort_key FROM articles a WHERE {cond} ORDER BY a.sort_key DESC");
        let mut stmt = tx.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(params_from_iter(values))
            .map_err(|e| self.err(e))?;
        let mut samples = Vec::new();
        let (mut total, mut last_row, mut previous) = (0usize, 0usize, None);
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let key: i64 = row.get(0).map_err(|e| self.err(e))?;
            let new_run = previous != Some(key);
            if new_run && (samples.is_empty() || total - last_row >= EVERY) {
                samples.push((key, total));
                last_row = total;
            }
            previous = Some(key);
            total += 1;
        }
        Ok(Some(Ranks {
            filter,
            token,
            total,
            samples,
        }))
    }

    /// Keeps `ranks` for the lists it was taken for, while it holds.
    pub fn install_ranks(&self, ranks: Ranks) {
        self.ranks.0.replace(Some(ranks));
    }

    /// The samples of `filter`'s list, if the store holds ones that still
    /// hold (a cheap check: one indexed read).
    fn ranks_for(&self, filter: &Filter) -> Result<Option<std::cell::Ref<'_, Ranks>>> {
        let Some(wanted) = sampled_filter(filter) else {
            return Ok(None);
        };
        let matches = self
            .ranks
            .0
            .borrow()
            .as_ref()
            .is_some_and(|r| r.filter == wanted);
        if !matches {
            return Ok(None);
        }
        let token = self.ranks_token()?;
        let slot = self.ranks.0.borrow();
        if slot.as_ref().map(|r| Some(r.token)) != Some(token) {
            return Ok(None);
        }
        Ok(std::cell::Ref::filter_map(slot, Option::as_ref).ok())
    }

    /// The number of rows in `filter`'s list, from its samples.
    pub(super) fn sampled_total(&self, filter: &Filter) -> Result<Option<usize>> {
        Ok(self.ranks_for(filter)?.map(|r| r.total))
    }

    /// Where the article with sort key `sort_key` and id `id`, in the list,
    /// stands in it newest first, from the samples.
    pub(super) fn sampled_position(
        &self,
        filter: &Filter,
        sort_key: i64,
        id: &str,
    ) -> Result<Option<usize>> {
        let Some((bound, row)) = self
            .ranks_for(filter)?
            .and_then(|r| r.at_or_before_key(sort_key))
        else {
            return Ok(None);
        };
        let (cond, values) = Filter {
            order: Order::Newest,
            ..filter.clone()
        }
        .conditions();
        let mut all = values.clone();
        all.extend([Value::Integer(sort_key), Value::Integer(bound)]);
        all.extend(values);
        all.extend([Value::Integer(sort_key), Value::Text(id.into())]);
        let sql = format!(
            "SELECT (SELECT count(*) FROM articles a
                     WHERE ({cond}) AND a.sort_key > ? AND a.sort_key <= ?)
                  + (SELECT count(*) FROM articles a
                     WHERE ({cond}) AND a.sort_key = ? AND a.id < ?)"
        );
        let between: i64 = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row(params_from_iter(all), |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(between).ok().map(|n| row + n))
    }

    /// For the window at `offset` of `filter`'s list newest first: the sort
    /// key it can start its walk at and the offset left from there.
    pub(super) fn sampled_start(
        &self,
        filter: &Filter,
        offset: usize,
    ) -> Result<Option<(i64, usize)>> {
        Ok(self
            .ranks_for(filter)?
            .and_then(|r| r.at_or_before_row(offset))
            .map(|(key, row)| (key, offset - row)))
    }
}
