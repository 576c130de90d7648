//! List orders besides newest first, and finding an article's neighbours
//! (the next unread one...) in any order.
//!
//! A neighbour is found by index seeks, never by walking the list: "after
//! the anchor" in an order of columns (c1, c2, c3) is the union of
//! (c1 = v1 AND c2 = v2 AND c3 after v3), (c1 = v1 AND c2 after v2) and
//! (c1 after v1), each a range of one index, tried nearest first. Counts
//! before the anchor (its position) are the sum of the same ranges.

use std::cmp::Ordering;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::read::summary_row;
use super::{Filter, Result, Store, Summary};

pub use super::stops::ReadingStop;

/// The order of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Order {
    /// Newest first (by date, else by when it was stored).
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// By source name, newest first within a source.
    Source,
    /// By title, alphabetically (accents and case folded).
    Title,
    /// Unread articles first, each part newest first.
    UnreadFirst,
}

impl Order {
    /// The order after this one, in the cycle the `O` key walks.
    pub fn next(self) -> Order {
        match self {
            Order::Newest => Order::Oldest,
            Order::Oldest => Order::Source,
            Order::Source => Order::Title,
            Order::Title => Order::UnreadFirst,
            Order::UnreadFirst => Order::Newest,
        }
    }

    /// A short name for the list's title.
    pub fn label(self) -> &'static str {
        match self {
            Order::Newest => "newest",
            Order::Oldest => "oldest",
            Order::Source => "by source",
            Order::Title => "by title",
            Order::UnreadFirst => "unread first",
        }
    }

    fn levels(self) -> &'static [Level] {
        match self {
            Order::Newest => NEWEST,
            Order::Oldest => OLDEST,
            Order::Source => SOURCE,
            Order::Title => TITLE,
            Order::UnreadFirst => UNREAD_FIRST,
        }
    }
}

const fn l(column: Column, descending: bool) -> Level {
    Level { column, descending }
}
const NEWEST: &[Level] = &[l(Column::SortKey, true), l(Column::Id, false)];
const OLDEST: &[Level] = &[l(Column::SortKey, false), l(Column::Id, true)];
// Ties within a source or title go by key (insertion), which the order's
// index holds: no row is read to sort.
const SOURCE: &[Level] = &[
    l(Column::Source, false),
    l(Column::SortKey, true),
    l(Column::Key, false),
];
const TITLE: &[Level] = &[l(Column::TitleKey, false), l(Column::Key, false)];
const UNREAD_FIRST: &[Level] = &[
    l(Column::IsRead, false),
    l(Column::SortKey, true),
    l(Column::Id, false),
];

/// A column an order sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    SortKey,
    Id,
    Source,
    Key,
    TitleKey,
    IsRead,
}

impl Column {
    fn sql(self) -> &'static str {
        match self {
            Column::SortKey => "a.sort_key",
            Column::Id => "a.id",
            Column::Source => "a.source",
            Column::Key => "a.key",
            Column::TitleKey => "a.title_key",
            Column::IsRead => "a.is_read",
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Level {
    column: Column,
    descending: bool,
}

/// An article's values of every order's columns: where it stands in any
/// list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub id: String,
    pub sort_key: i64,
    pub source: Option<String>,
    pub key: i64,
    pub title_key: String,
    pub is_read: bool,
}

const ANCHOR_COLUMNS: &str = "a.id, a.sort_key, a.source, a.key, a.title_key, a.is_read";

fn anchor_row(r: &rusqlite::Row) -> rusqlite::Result<Anchor> {
    Ok(Anchor {
        id: r.get(0)?,
        sort_key: r.get(1)?,
        source: r.get(2)?,
        key: r.get(3)?,
        title_key: r.get(4)?,
        is_read: r.get::<_, i64>(5)? != 0,
    })
}

impl Anchor {
    fn value(&self, column: Column) -> Value {
        match column {
            Column::SortKey => Value::Integer(self.sort_key),
            Column::Id => Value::Text(self.id.clone()),
            Column::Source => self.source.clone().map_or(Value::Null, Value::Text),
            Column::Key => Value::Integer(self.key),
            Column::TitleKey => Value::Text(self.title_key.clone()),
            Column::IsRead => Value::Integer(i64::from(self.is_read)),
        }
    }

    /// How two articles compare in `order` (as SQLite sorts: no source
    /// before any source).
    pub fn cmp_in(&self, other: &Anchor, order: Order) -> Ordering {
        for level in order.levels() {
            let o = match level.column {
                Column::SortKey => self.sort_key.cmp(&other.sort_key),
                Column::Id => self.id.cmp(&other.id),
                Column::Source => self.source.cmp(&other.source),
                Column::Key => self.key.cmp(&other.key),
                Column::TitleKey => self.title_key.cmp(&other.title_key),
                Column::IsRead => self.is_read.cmp(&other.is_read),
            };
            let o = if level.descending { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }
}

/// Which articles a neighbour search looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seek {
    Unread,
    /// Unread, from another source than this one.
    UnreadElsewhere(Option<String>),
    /// Unread, from this source.
    UnreadFrom(Option<String>),
}

impl Seek {
    fn condition(&self) -> (&'static str, Vec<Value>) {
        let source = |s: &Option<String>| vec![s.clone().map_or(Value::Null, Value::Text)];
        match self {
            Seek::Unread => ("a.is_read = 0", Vec::new()),
            Seek::UnreadElsewhere(s) => ("a.is_read = 0 AND a.source IS NOT ?", source(s)),
            Seek::UnreadFrom(s) => ("a.is_read = 0 AND a.source IS ?", source(s)),
        }
    }
}

/// `ORDER BY` terms of the levels, forwards or backwards.
fn order_by(levels: &[Level], forward: bool) -> String {
    levels
        .iter()
        .map(|l| {
            let descending = l.descending == forward;
            format!(
                "{} {}",
                l.column.sql(),
                if descending { "DESC" } else { "ASC" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The index ranges holding the articles after (or before) `anchor` in
/// the levels' order, nearest first, as conditions with their values.
fn ranges(levels: &[Level], anchor: &Anchor, forward: bool) -> Vec<(String, Vec<Value>)> {
    let mut parts = Vec::new();
    for i in (0..levels.len()).rev() {
        let mut eq: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        for level in &levels[..i] {
            eq.push(format!("{} IS ?", level.column.sql()));
            values.push(anchor.value(level.column));
        }
        let level = levels[i];
        let col = level.column.sql();
        let v = anchor.value(level.column);
        // Greater values come next walking forwards an ascending column
        // or backwards a descending one. NULLs (only sources) sort first.
        let greater = forward != level.descending;
        let steps: Vec<(String, Option<Value>)> = match (greater, &v) {
            (true, Value::Null) => vec![(format!("{col} IS NOT NULL"), None)],
            (true, _) => vec![(format!("{col} > ?"), Some(v.clone()))],
            (false, Value::Null) => Vec::new(),
            (false, _) => vec![
                (format!("{col} < ?"), Some(v.clone())),
                (format!("{col} IS NULL"), None),
            ],
        };
        for (cond, value) in steps {
            let mut all = eq.clone();
            all.push(cond);
            let mut vals = values.clone();
            vals.extend(value);
            parts.push((all.join(" AND "), vals));
        }
    }
    parts
}

/// The join of the marks, for a filter that tests them: SQLite would
/// otherwise look up every row's marks even where nothing reads them.
pub(super) fn marks_join(filter: &Filter) -> &'static str {
    if filter.bookmarked || filter.unread {
        "LEFT JOIN marks m ON m.article_id = a.id"
    } else {
        ""
    }
}

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
