//! Items of the Google Reader API as the engine keeps them: ids in their
//! long form, the article's address, its read and starred states.

use std::collections::HashSet;

use serde_json::Value;

use super::{ITEM_PREFIX, READ, STARRED};
use crate::sync::remote::RemoteItem;

/// An item id in the long form from the short, decimal one (stream ids).
pub(super) fn long_id(short: &str) -> Option<String> {
    if short.starts_with(ITEM_PREFIX) {
        return Some(short.to_string());
    }
    let n: i64 = short.trim().parse().ok()?;
    Some(format!("{ITEM_PREFIX}{:016x}", n as u64))
}

fn href(v: &Value, key: &str) -> Option<String> {
    v.get(key)?
        .as_array()?
        .first()?
        .get("href")?
        .as_str()
        .map(str::to_string)
}

pub(super) fn item(v: &Value) -> Option<RemoteItem> {
    let id = long_id(v.get("id")?.as_str()?)?;
    let categories: HashSet<&str> = v
        .get("categories")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let has = |state: &str| categories.iter().any(|c| c.ends_with(&state[6..]));
    let html = ["content", "summary"]
        .iter()
        .find_map(|k| v.get(*k)?.get("content")?.as_str())
        .unwrap_or("");
    Some(RemoteItem {
        id,
        feed_id: v
            .pointer("/origin/streamId")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        title: v
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        url: href(v, "canonical").or_else(|| href(v, "alternate")),
        author: v.get("author").and_then(Value::as_str).map(str::to_string),
        published: v.get("published").and_then(Value::as_i64),
        html: html.to_string(),
        read: has(READ),
        starred: has(STARRED),
        changed: None,
    })
}
