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

use super::Filter;

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

    pub(super) fn levels(self) -> &'static [Level] {
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
pub(super) struct Level {
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
    pub feed_url: Option<String>,
}

pub(super) const ANCHOR_COLUMNS: &str =
    "a.id, a.sort_key, a.source, a.key, a.title_key, a.is_read, a.feed_url";

pub(super) fn anchor_row(r: &rusqlite::Row) -> rusqlite::Result<Anchor> {
    Ok(Anchor {
        id: r.get(0)?,
        sort_key: r.get(1)?,
        source: r.get(2)?,
        key: r.get(3)?,
        title_key: r.get(4)?,
        is_read: r.get::<_, i64>(5)? != 0,
        feed_url: r.get(6)?,
    })
}

impl Anchor {
    /// The feed the article belongs to, as the feeds pane groups them.
    pub fn feed(&self) -> FeedKey {
        match &self.feed_url {
            Some(url) => FeedKey::Subscription(url.clone()),
            None => FeedKey::Local(self.source.clone()),
        }
    }

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

/// What a feed is to "next feed with unread": a subscription, by its
/// address (two subscriptions may share a name, and a renamed one stays
/// itself), or a local source (imported pages, text copies) by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedKey {
    Subscription(String),
    Local(Option<String>),
}

/// Which articles a neighbour search looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seek {
    Unread,
    /// Unread, from another feed than this one.
    UnreadElsewhere(FeedKey),
    /// Unread, from this feed.
    UnreadFrom(FeedKey),
}

impl Seek {
    pub(super) fn condition(&self) -> (&'static str, Vec<Value>) {
        let text = |s: &Option<String>| vec![s.clone().map_or(Value::Null, Value::Text)];
        match self {
            Seek::Unread => ("a.is_read = 0", Vec::new()),
            Seek::UnreadElsewhere(FeedKey::Subscription(url)) => (
                "a.is_read = 0 AND a.feed_url IS NOT ?",
                vec![Value::Text(url.clone())],
            ),
            Seek::UnreadElsewhere(FeedKey::Local(source)) => (
                "a.is_read = 0 AND (a.feed_url IS NOT NULL OR a.source IS NOT ?)",
                text(source),
            ),
            Seek::UnreadFrom(FeedKey::Subscription(url)) => (
                "a.is_read = 0 AND a.feed_url IS ?",
                vec![Value::Text(url.clone())],
            ),
            Seek::UnreadFrom(FeedKey::Local(source)) => (
                "a.is_read = 0 AND a.feed_url IS NULL AND a.source IS ?",
                text(source),
            ),
        }
    }
}

/// `ORDER BY` terms of the levels, forwards or backwards.
pub(super) fn order_by(levels: &[Level], forward: bool) -> String {
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
pub(super) fn ranges(
    levels: &[Level],
    anchor: &Anchor,
    forward: bool,
) -> Vec<(String, Vec<Value>)> {
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
