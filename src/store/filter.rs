//! Which articles a listing covers, as SQL conditions.

use rusqlite::types::Value;

/// A view of the store: all articles, or narrowed by marks, source or tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub bookmarked: bool,
    pub unread: bool,
    /// Only articles whose source (site or feed name) is this.
    pub source: Option<String>,
    /// Only articles from subscriptions with this tag.
    pub tag: Option<String>,
    /// A search (see `crate::search`): matches ranked best first.
    pub query: Option<String>,
}

impl Filter {
    /// Every article.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// Bookmarked articles.
    pub fn bookmarks() -> Filter {
        Filter {
            bookmarked: true,
            ..Filter::default()
        }
    }

    /// True when nothing narrows the list.
    pub fn is_all(&self) -> bool {
        *self == Filter::default()
    }

    /// The filter without its query but with the query's own filters
    /// (`source:`, `is:unread`...), and the full-text match expression.
    pub(crate) fn split_query(&self) -> (Filter, Option<String>) {
        let Some(text) = &self.query else {
            return (self.clone(), None);
        };
        let q = crate::search::Query::parse(text);
        let filter = Filter {
            bookmarked: self.bookmarked || q.bookmarked,
            unread: self.unread || q.unread,
            source: q.source.clone().or(self.source.clone()),
            tag: q.tag.clone().or(self.tag.clone()),
            query: None,
        };
        (filter, q.fts(true))
    }

    /// `WHERE` conditions over `articles a LEFT JOIN marks m`, with the
    /// values of their `?` placeholders in order.
    pub(crate) fn conditions(&self) -> (String, Vec<Value>) {
        let mut clauses: Vec<String> = Vec::new();
        let mut values = Vec::new();
        if self.bookmarked {
            clauses.push("m.bookmarked = 1".into());
        }
        if self.unread {
            clauses.push("coalesce(m.read, 0) = 0".into());
        }
        if let Some(source) = &self.source {
            values.push(Value::Text(source.clone()));
            clauses.push("a.source = ?".into());
        }
        if let Some(tag) = &self.tag {
            values.push(Value::Text(tag.clone()));
            clauses.push("a.feed_url IN (SELECT feed_url FROM feed_tags WHERE tag = ?)".into());
        }
        if clauses.is_empty() {
            (String::from("1"), values)
        } else {
            (clauses.join(" AND "), values)
        }
    }

    /// A short label for the status bar, empty for all articles.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if self.bookmarked {
            parts.push("bookmarks".to_string());
        }
        if self.unread {
            parts.push("unread".to_string());
        }
        if let Some(s) = &self.source {
            parts.push(format!("source: {s}"));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag: {t}"));
        }
        if let Some(q) = &self.query {
            parts.push(format!("search: {q}"));
        }
        parts.join(", ")
    }
}
