//! Finding an article's neighbours in any list order (the next unread
//! one...) and where it stands, by index seeks (see `order.rs`).

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::list::summary_row;
use super::order::{ANCHOR_COLUMNS, Anchor, Order, Seek, anchor_row, marks_join, order_by, ranges};
use super::{Filter, Result, Store, Summary};

impl Store {
    /// Where article `id` stands in every order, if it is stored.
    pub fn anchor(&self, id: &str) -> Result<Option<Anchor>> {
        let sql = format!("SELECT {ANCHOR_COLUMNS} FROM articles a WHERE a.id = ?1");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row([id], anchor_row).optional())
            .map_err(|e| self.err(e))
    }

    /// The nearest article after (`forward`) or before `from` in the
    /// filter's list that `seek` wants; from the list's start (or end)
    /// without `from`. Unread first orders its unread part newest first,
    /// so the unread articles are sought in that order: one read since the
    /// list was loaded still finds the unread ones below it.
    pub fn neighbour(
        &self,
        filter: &Filter,
        from: Option<&Anchor>,
        forward: bool,
        seek: &Seek,
    ) -> Result<Option<Anchor>> {
        let order = match filter.order {
            Order::UnreadFirst => Order::Newest,
            other => other,
        };
        let levels = order.levels();
        let parts = match from {
            Some(anchor) => ranges(levels, anchor, forward),
            None => vec![("1".to_string(), Vec::new())],
        };
        let (cond, values) = filter.conditions();
        let marks = marks_join(filter);
        let (wanted, wanted_values) = seek.condition();
        let ord = order_by(levels, forward);
        for (part, part_values) in parts {
            let sql = format!(
                "SELECT {ANCHOR_COLUMNS} FROM articles a {marks}
                 WHERE ({cond}) AND {wanted} AND {part} ORDER BY {ord} LIMIT 1"
            );
            let all = values
                .iter()
                .chain(&wanted_values)
                .chain(&part_values)
                .cloned();
            let found = self
                .conn
                .prepare_cached(&sql)
                .and_then(|mut s| s.query_row(params_from_iter(all), anchor_row).optional())
                .map_err(|e| self.err(e))?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// Articles stored after the one with key `after` (the newest first
    /// stored have the highest keys) that the filter covers, at most `limit`.
    pub fn stored_after(&self, filter: &Filter, after: i64, limit: usize) -> Result<Vec<Anchor>> {
        let (cond, mut values) = filter.conditions();
        let marks = marks_join(filter);
        values.insert(0, Value::Integer(after));
        values.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT {ANCHOR_COLUMNS} FROM articles a {marks}
             WHERE a.key > ? AND ({cond}) ORDER BY a.key LIMIT ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(values), anchor_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The highest article key: every article stored later has a higher one.
    pub fn last_key(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT coalesce(max(key), 0) FROM articles", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    /// A window of the list in an order other than newest first; `from_end`
    /// counts `offset` from the list's end (rows still in list order).
    pub(super) fn page_in_order(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
        from_end: bool,
    ) -> Result<Vec<Summary>> {
        if filter.order == Order::Oldest {
            // The newest-first list read from the other end.
            let newest = Filter {
                order: Order::Newest,
                ..filter.clone()
            };
            let mut rows = if from_end {
                self.page(&newest, offset, limit)?
            } else {
                self.page_from_end(&newest, offset, limit)?
            };
            rows.reverse();
            return Ok(rows);
        }
        let levels = filter.order.levels();
        let (cond, mut values) = filter.conditions();
        let marks = marks_join(filter);
        values.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        values.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
        // The window's keys come from the order's index alone; only its
        // rows are read.
        let sql = format!(
            "SELECT a.id, a.title, a.source, a.published,
                    coalesce(m.bookmarked, 0), coalesce(m.read, 0)
             FROM (SELECT a.key AS k FROM articles a {marks}
                   WHERE ({cond}) ORDER BY {} LIMIT ? OFFSET ?) w
             JOIN articles a ON a.key = w.k LEFT JOIN marks m ON m.article_id = a.id
             ORDER BY {}",
            order_by(levels, !from_end),
            order_by(levels, true)
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(values), summary_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The position of an article in a list in an order other than newest
    /// first: the articles before it, counted range by range.
    pub(super) fn position_in_order(&self, filter: &Filter, id: &str) -> Result<Option<usize>> {
        if filter.order == Order::Oldest
            && let Some(total) = self.sampled_total(filter)?
        {
            // The newest-first list read from the other end.
            let newest = Filter {
                order: Order::Newest,
                ..filter.clone()
            };
            return Ok(self
                .position(&newest, id)?
                .map(|p| total.saturating_sub(p + 1)));
        }
        let Some(anchor) = self.anchor(id)? else {
            return Ok(None);
        };
        let (cond, values) = filter.conditions();
        let marks = marks_join(filter);
        let inside = format!(
            "SELECT 1 FROM articles a {marks}
             WHERE ({cond}) AND a.id = ?"
        );
        let listed = self
            .conn
            .query_row(
                &inside,
                params_from_iter(values.iter().cloned().chain([Value::Text(id.into())])),
                |_| Ok(()),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if listed.is_none() {
            return Ok(None);
        }
        let mut before = 0i64;
        for (part, part_values) in ranges(filter.order.levels(), &anchor, false) {
            let sql = format!(
                "SELECT count(*) FROM articles a {marks}
                 WHERE ({cond}) AND {part}"
            );
            let all = values.iter().chain(&part_values).cloned();
            let n: i64 = self
                .conn
                .prepare_cached(&sql)
                .and_then(|mut s| s.query_row(params_from_iter(all), |r| r.get(0)))
                .map_err(|e| self.err(e))?;
            before += n;
        }
        Ok(usize::try_from(before).ok())
    }
}
