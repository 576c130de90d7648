//! List queries: counts, list windows and an article's position in a list.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::filter::Narrowed;
use super::{Filter, Result, Store, Summary};

impl Store {
    /// Number of articles the filter covers.
    pub fn count(&self, filter: &Filter) -> Result<usize> {
        if let Some(total) = self.sampled_total(filter)? {
            return Ok(total);
        }
        let filter = self.narrow(filter)?;
        let fts = filter.fts.clone();
        let n: i64 = if filter.is_all() && fts.is_none() {
            self.conn.query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'articles'),
                                 (SELECT count(*) FROM articles))",
                [],
                |r| r.get(0),
            )
        } else if let (true, Some(expr)) = (filter.is_all(), &fts) {
            let spelled = self.spelled_out(&filter)?.filter(|s| s.counts_faster());
            let expr = spelled.map_or_else(|| expr.clone(), |s| s.expr);
            self.conn.query_row(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
                [expr],
                |r| r.get(0),
            )
        } else {
            let (cond, values) = filter.conditions();
            // Marks only when asked for: joining them costs a lookup per article.
            let marks = filter.bookmarked || filter.unread;
            let (from, values) = from_clause(fts, values, marks);
            let sql = format!("SELECT count(*) {from} ({cond})");
            self.conn
                .query_row(&sql, params_from_iter(values), |r| r.get(0))
        }
        .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// A window of the list: newest first, or best match first when the
    /// filter holds a search.
    pub fn page(&self, filter: &Filter, offset: usize, limit: usize) -> Result<Vec<Summary>> {
        // SQL counts in i64; a larger window is the whole list anyway.
        let (offset, limit) = (offset.min(i64::MAX as usize), limit.min(i64::MAX as usize));
        if filter.query.is_none() && filter.order != super::Order::Newest {
            return self.page_in_order(filter, offset, limit, false);
        }
        let listed = filter;
        let mut filter = self.narrow(filter)?;
        let fts = filter.fts.clone();
        if let (true, Some(expr)) = (filter.is_all(), &fts) {
            let keys = self.ranked_keys(&filter, expr, offset, limit)?;
            return self.summaries_by_keys(keys);
        }
        if fts.is_none() {
            if let Some((bound, rest)) = self.sampled_start(listed, offset)? {
                return self.page_from_key(&filter, bound, rest, limit);
            }
            self.choose_walk(&mut filter)?;
        }
        let (cond, values) = filter.conditions();
        // A time window joins the marks of its rows only (see `time_window`).
        let marks = fts.is_some() || filter.bookmarked || filter.unread;
        let (from, mut values) = from_clause(fts.clone(), values, marks);
        values.push(Value::Integer(limit as i64));
        values.push(Value::Integer(offset as i64));
        let sql = if fts.is_some() {
            format!(
                "SELECT a.id, a.title, a.source, a.published,
                        coalesce(m.bookmarked, 0), coalesce(m.read, 0)
                 {from} ({cond}) ORDER BY articles_fts.rank, a.sort_key DESC LIMIT ? OFFSET ?"
            )
        } else {
            time_window(from, &cond, "a.sort_key DESC, a.id")
        };
        self.summaries(&sql, values)
    }

    /// The same rows as `page`, but `offset` counts from the end of the
    /// list: `page_from_end(f, 0, n)` is the oldest `n` articles, in list
    /// order. Without a search it reads the time index backwards, so a
    /// window near the end costs what one near the top does.
    pub fn page_from_end(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        if filter.query.is_some() {
            let total = self.count(filter)?;
            let end = total.saturating_sub(offset);
            let start = end.saturating_sub(limit);
            return self.page(filter, start, end - start);
        }
        if filter.order != super::Order::Newest {
            return self.page_in_order(filter, offset, limit, true);
        }
        if let Some(total) = self.sampled_total(filter)? {
            let end = total.saturating_sub(offset);
            let start = end.saturating_sub(limit);
            return self.page(filter, start, end - start);
        }
        let (cond, mut values) = filter.conditions();
        let (from, _) = from_clause(None, Vec::new(), filter.bookmarked || filter.unread);
        values.push(Value::Integer(limit as i64));
        values.push(Value::Integer(offset as i64));
        let sql = time_window(from, &cond, "a.sort_key, a.id DESC");
        self.summaries(&sql, values)
    }

    /// `limit` rows of a list newest first, `offset` rows after the first
    /// with sort key `bound` or lower (a sample's row, see `ranks.rs`).
    fn page_from_key(
        &self,
        filter: &Narrowed,
        bound: i64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        let (cond, mut values) = filter.conditions();
        let (from, _) = from_clause(None, Vec::new(), false);
        values.extend([
            Value::Integer(bound),
            Value::Integer(limit as i64),
            Value::Integer(offset as i64),
        ]);
        let sql = time_window(
            from,
            &format!("{cond}) AND (a.sort_key <= ?"),
            "a.sort_key DESC, a.id",
        );
        self.summaries(&sql, values)
    }

    fn summaries(&self, sql: &str, values: Vec<Value>) -> Result<Vec<Summary>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(values), summary_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The position of an article in a filtered list, if it is there.
    pub fn position(&self, filter: &Filter, id: &str) -> Result<Option<usize>> {
        if filter.query.is_some() {
            // Search results are ranked, not ordered by time: no cheap position.
            return Ok(None);
        }
        if filter.order != super::Order::Newest {
            return self.position_in_order(filter, id);
        }
        let (cond, mut values) = filter.conditions();
        let marks = super::order::marks_join(filter);
        let key: Option<i64> = self
            .conn
            .query_row(
                &format!(
                    "SELECT a.sort_key FROM articles a {marks}
                     WHERE ({cond}) AND a.id = ?"
                ),
                params_from_iter(values.iter().cloned().chain([Value::Text(id.into())])),
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(key) = key else { return Ok(None) };
        if let Some(position) = self.sampled_position(filter, key, id)? {
            return Ok(Some(position));
        }
        // Two counts rather than one with OR, which SQLite may answer by
        // walking the whole table in id order (seconds at 100,000 articles).
        let second = values.clone();
        values.push(Value::Integer(key));
        values.extend(second);
        values.extend([Value::Integer(key), Value::Text(id.into())]);
        let sql = format!(
            "SELECT (SELECT count(*) FROM articles a {marks}
                     WHERE ({cond}) AND a.sort_key > ?)
                  + (SELECT count(*) FROM articles a {marks}
                     WHERE ({cond}) AND a.sort_key = ? AND a.id < ?)"
        );
        let n: i64 = self
            .conn
            .query_row(&sql, params_from_iter(values), |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).ok())
    }
}

/// A list window read from the time index (`articles_list`, which holds the
/// columns a row shows): OFFSET skips index entries, and no article row is
/// read. Rows come newest first; `order` is the direction to walk the index.
fn time_window(from: &str, cond: &str, order: &str) -> String {
    format!(
        "SELECT w.id, w.title, w.source, w.published,
                coalesce(m.bookmarked, 0), coalesce(m.read, 0)
         FROM (SELECT a.id AS id, a.sort_key AS sort_key, a.title AS title,
                      a.source AS source, a.published AS published
               {from} ({cond}) ORDER BY {order} LIMIT ? OFFSET ?) w
         LEFT JOIN marks m ON m.article_id = w.id
         ORDER BY w.sort_key DESC, w.id"
    )
}

/// A list row from `id, title, source, published, bookmarked, read`.
pub(super) fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<Summary> {
    Ok(Summary {
        id: r.get(0)?,
        title: r.get(1)?,
        source: r.get(2)?,
        published: r.get(3)?,
        bookmarked: r.get::<_, i64>(4)? != 0,
        read: r.get::<_, i64>(5)? != 0,
    })
}

/// The FROM clause: the articles (with their marks when `marks`), joined
/// to the full-text index when there is a match expression (whose value
/// goes first).
fn from_clause(fts: Option<String>, values: Vec<Value>, marks: bool) -> (&'static str, Vec<Value>) {
    match (fts, marks) {
        (Some(expr), marks) => (
            if marks {
                "FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid
                 LEFT JOIN marks m ON m.article_id = a.id
                 WHERE articles_fts MATCH ? AND"
            } else {
                "FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid
                 WHERE articles_fts MATCH ? AND"
            },
            std::iter::once(Value::Text(expr)).chain(values).collect(),
        ),
        (None, true) => (
            "FROM articles a LEFT JOIN marks m ON m.article_id = a.id WHERE 1 AND",
            values,
        ),
        (None, false) => ("FROM articles a WHERE 1 AND", values),
    }
}
