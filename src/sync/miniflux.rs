//! A client of Miniflux's REST API (`/v1/...` under the server's base
//! URL), with HTTP basic authentication. Entries carry `changed_at`, so
//! the conflict rule can compare times, and the entry list filters on it
//! (`changed_after`): after the first sync, one request lists every entry
//! that came or whose marks changed.
//!
//! The cursor of that list is a time of the server's clock (`t:SECONDS`):
//! its `Date` header when the sync began, less a margin for changes still
//! being written then (Miniflux stamps a change with its transaction's
//! start). Without a `Date` header, the newest `changed_at` seen stands in.
//! A cursor of the older form (the newest entry id) reads the whole state
//! once more and leaves a time.

use std::cell::Cell;
use std::collections::HashMap;

use base64::Engine;
use serde_json::Value;

use super::http::{Client, Reply, json};
use super::remote::{
    Changes, ItemPage, MarkOp, Remote, RemoteError, RemoteFeed, RemoteItem, RemoteResult,
    RemoteState,
};

const PAGE: usize = 250;
/// Entries read at most per state list.
const STATE_MAX: usize = 100_000;
/// Seconds before the sync's start that the next list of changes goes
/// back: changes written while it began are listed again, never missed.
const MARGIN: i64 = 120;

pub struct Miniflux {
    http: Client,
    base: String,
    auth: String,
    /// Entries the state lists brought, so that they are not asked again.
    seen: HashMap<String, RemoteItem>,
    /// The server's clock at its first answer of this session.
    started: Cell<Option<i64>>,
    /// The newest `changed_at` seen in this session.
    newest_change: Cell<i64>,
}

impl Miniflux {
    pub fn new(http: Client, base: &str, user: &str, password: &str) -> Miniflux {
        let basic = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Miniflux {
            http,
            base: base.trim_end_matches('/').to_string(),
            auth: format!("Basic {basic}"),
            seen: HashMap::new(),
            started: Cell::new(None),
            newest_change: Cell::new(0),
        }
    }

    fn get(&self, path: &str) -> RemoteResult<Reply> {
        let reply = self.http.get(
            &format!("{}/v1/{path}", self.base),
            &[("Authorization", &self.auth)],
        )?;
        if self.started.get().is_none() {
            self.started.set(reply.date);
        }
        Ok(reply)
    }

    /// Where the next list of changes starts (None: no time known yet).
    fn next_cursor(&self, from: i64) -> Option<String> {
        let clock = self.started.get().unwrap_or(self.newest_change.get());
        let next = (clock - MARGIN).max(from);
        (next > 0).then(|| format!("t:{next}"))
    }

    fn put(&self, path: &str, body: &str) -> RemoteResult<Reply> {
        self.send("PUT", path, body)
    }

    fn send(&self, method: &str, path: &str, body: &str) -> RemoteResult<Reply> {
        let url = format!("{}/v1/{path}", self.base);
        self.http
            .send_json(method, &url, &[("Authorization", &self.auth)], body)
    }

    fn categories(&self) -> RemoteResult<Vec<Value>> {
        let list: Value = json(&self.get("categories")?)?;
        Ok(list.as_array().cloned().unwrap_or_default())
    }

    fn first_category(&self) -> RemoteResult<i64> {
        self.categories()?
            .iter()
            .find_map(|c| c.get("id").and_then(Value::as_i64))
            .ok_or_else(|| RemoteError::Protocol("the server has no category".into()))
    }

    /// The id of the category titled `title`, created when there is none.
    fn category(&self, title: &str) -> RemoteResult<i64> {
        let found = self.categories()?.iter().find_map(|c| {
            let same = c.get("title").and_then(Value::as_str) == Some(title);
            same.then(|| c.get("id").and_then(Value::as_i64)).flatten()
        });
        if let Some(id) = found {
            return Ok(id);
        }
        let body = serde_json::json!({ "title": title });
        let made: Value = json(&self.send("POST", "categories", &body.to_string())?)?;
        made.get("id")
            .and_then(Value::as_i64)
            .ok_or_else(|| RemoteError::Protocol(format!("no id for the new category {title}")))
    }

    fn saw(&self, items: &[RemoteItem]) {
        let newest = items.iter().filter_map(|i| i.changed).max().unwrap_or(0);
        self.newest_change.set(self.newest_change.get().max(newest));
    }

    /// Every entry of a filtered list, a page at a time.
    fn all_entries(&mut self, filter: &str) -> RemoteResult<Vec<RemoteItem>> {
        let mut out = Vec::new();
        loop {
            let path = format!(
                "entries?{filter}&order=id&direction=asc&limit={PAGE}&offset={}",
                out.len()
            );
            let value: Value = json(&self.get(&path)?)?;
            let page = entries(&value);
            self.saw(&page);
            let n = page.len();
            out.extend(page);
            if n < PAGE || out.len() >= STATE_MAX {
                return Ok(out);
            }
        }
    }
}

fn time(v: &Value, key: &str) -> Option<i64> {
    let s = v.get(key)?.as_str()?;
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.timestamp())
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn entry(v: &Value) -> Option<RemoteItem> {
    Some(RemoteItem {
        id: v.get("id")?.as_i64()?.to_string(),
        feed_id: v
            .get("feed_id")
            .and_then(Value::as_i64)
            .unwrap_or(0)
            .to_string(),
        title: text(v, "title").unwrap_or_default(),
        url: text(v, "url"),
        author: text(v, "author"),
        published: time(v, "published_at"),
        html: text(v, "content").unwrap_or_default(),
        read: v.get("status").and_then(Value::as_str) == Some("read"),
        starred: v.get("starred").and_then(Value::as_bool) == Some(true),
        changed: time(v, "changed_at"),
    })
}

fn entries(value: &Value) -> Vec<RemoteItem> {
    value
        .get("entries")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(entry).collect())
        .unwrap_or_default()
}

fn numeric(ids: &[String]) -> Vec<i64> {
    ids.iter().filter_map(|i| i.parse().ok()).collect()
}

impl Remote for Miniflux {
    fn subscriptions(&mut self) -> RemoteResult<Vec<RemoteFeed>> {
        // A sync's first request: its answer's time is the sync's start.
        self.started.set(None);
        self.newest_change.set(0);
        let value: Value = json(&self.get("feeds")?)?;
        Ok(value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                Some(RemoteFeed {
                    id: f.get("id")?.as_i64()?.to_string(),
                    title: text(f, "title").unwrap_or_default(),
                    url: text(f, "feed_url")?,
                    site_url: text(f, "site_url"),
                    folders: f
                        .pointer("/category/title")
                        .and_then(Value::as_str)
                        .map(|c| vec![c.to_string()])
                        .unwrap_or_default(),
                })
            })
            .collect())
    }

    fn items(&mut self, cursor: Option<&str>, since: i64) -> RemoteResult<ItemPage> {
        let after: i64 = cursor.and_then(|c| c.parse().ok()).unwrap_or(0);
        let mut path =
            format!("entries?order=id&direction=asc&limit={PAGE}&after_entry_id={after}");
        if cursor.is_none() {
            path.push_str(&format!("&published_after={since}"));
        }
        let value: Value = json(&self.get(&path)?)?;
        let items = entries(&value);
        self.saw(&items);
        let newest = items
            .iter()
            .filter_map(|i| i.id.parse::<i64>().ok())
            .max()
            .unwrap_or(after);
        Ok(ItemPage {
            more: items.len() >= PAGE,
            cursor: Some(newest.to_string()),
            items,
        })
    }

    fn items_by_id(&mut self, ids: &[String]) -> RemoteResult<Vec<RemoteItem>> {
        let mut out = Vec::new();
        for id in numeric(ids) {
            match self.seen.get(&id.to_string()) {
                Some(item) => out.push(item.clone()),
                None => {
                    let value: Value = json(&self.get(&format!("entries/{id}"))?)?;
                    out.extend(entry(&value));
                }
            }
        }
        Ok(out)
    }

    fn state(&mut self) -> RemoteResult<RemoteState> {
        let unread = self.all_entries("status=unread")?;
        let starred = self.all_entries("starred=true")?;
        let mut state = RemoteState::default();
        for item in unread.iter().chain(&starred) {
            if let Some(t) = item.changed {
                state.changed.insert(item.id.clone(), t);
            }
        }
        state.unread = unread.iter().map(|i| i.id.clone()).collect();
        state.starred = starred.iter().map(|i| i.id.clone()).collect();
        self.seen = unread
            .into_iter()
            .chain(starred)
            .map(|i| (i.id.clone(), i))
            .collect();
        Ok(state)
    }

    fn changes(&mut self, cursor: Option<&str>, offset: usize) -> RemoteResult<Option<Changes>> {
        let Some(from) = cursor
            .and_then(|c| c.strip_prefix("t:"))
            .and_then(|t| t.parse::<i64>().ok())
            .filter(|&t| t > 0)
        else {
            return Ok(None);
        };
        // Both statuses named: without a status the list also holds the
        // entries removed on the server.
        let path = format!(
            "entries?changed_after={from}&status=unread&status=read\
             &order=id&direction=asc&limit={PAGE}&offset={offset}"
        );
        let value: Value = json(&self.get(&path)?)?;
        let items = entries(&value);
        self.saw(&items);
        Ok(Some(Changes {
            more: items.len() >= PAGE && offset + items.len() < STATE_MAX,
            cursor: self.next_cursor(from).unwrap_or(format!("t:{from}")),
            items,
        }))
    }

    fn changes_cursor(&self) -> Option<String> {
        self.next_cursor(0)
    }

    fn mark(&mut self, ids: &[String], op: MarkOp) -> RemoteResult<()> {
        let ids = numeric(ids);
        match op {
            MarkOp::Read | MarkOp::Unread => {
                let status = if op == MarkOp::Read { "read" } else { "unread" };
                let body = serde_json::json!({ "entry_ids": ids, "status": status });
                self.put("entries", &body.to_string()).map(drop)
            }
            MarkOp::Star | MarkOp::Unstar => {
                // The API toggles: only entries not already as wanted.
                let want = op == MarkOp::Star;
                for id in ids {
                    let value: Value = json(&self.get(&format!("entries/{id}"))?)?;
                    if value.get("starred").and_then(Value::as_bool) != Some(want) {
                        self.put(&format!("entries/{id}/bookmark"), "").map(drop)?;
                    }
                }
                Ok(())
            }
        }
    }

    fn mark_feed_read(&mut self, feed_id: &str, _before: i64) -> RemoteResult<()> {
        let id: i64 = feed_id
            .parse()
            .map_err(|_| RemoteError::Protocol(format!("not a Miniflux feed id: {feed_id}")))?;
        self.put(&format!("feeds/{id}/mark-all-as-read"), "")
            .map(drop)
    }

    fn subscribe(&mut self, url: &str, folder: Option<&str>) -> RemoteResult<RemoteFeed> {
        // Miniflux wants a category for every feed: without a folder, its
        // first one (the user's default, "All" on a new server).
        let category = match folder {
            Some(folder) => self.category(folder)?,
            None => self.first_category()?,
        };
        let body = serde_json::json!({ "feed_url": url, "category_id": category });
        let reply = self.send("POST", "feeds", &body.to_string())?;
        let value: Value = json(&reply)?;
        let id = value
            .get("feed_id")
            .and_then(Value::as_i64)
            .map(|i| i.to_string());
        self.subscriptions()?
            .into_iter()
            .find(|f| Some(&f.id) == id.as_ref())
            .ok_or_else(|| {
                RemoteError::Protocol(format!("{url}: not in the feeds after adding it"))
            })
    }

    fn unsubscribe(&mut self, feed_id: &str) -> RemoteResult<()> {
        let url = format!("{}/v1/feeds/{}", self.base, feed_number(feed_id)?);
        self.http
            .delete(&url, &[("Authorization", &self.auth)])
            .map(drop)
    }

    fn rename(&mut self, feed_id: &str, title: &str) -> RemoteResult<()> {
        let body = serde_json::json!({ "title": title });
        let path = format!("feeds/{}", feed_number(feed_id)?);
        self.put(&path, &body.to_string()).map(drop)
    }

    /// Miniflux keeps every feed in exactly one category: the first folder
    /// is used, and a feed cannot be taken out of all of them.
    fn set_folders(
        &mut self,
        feed_id: &str,
        _from: &[String],
        to: &[String],
    ) -> RemoteResult<Vec<String>> {
        let Some(first) = to.first() else {
            return Err(RemoteError::Unsupported(
                "Miniflux keeps every feed in one category: give it a tag",
            ));
        };
        let body = serde_json::json!({ "category_id": self.category(first)? });
        let path = format!("feeds/{}", feed_number(feed_id)?);
        self.put(&path, &body.to_string())?;
        Ok(vec![first.clone()])
    }
}

fn feed_number(feed_id: &str) -> RemoteResult<i64> {
    feed_id
        .parse()
        .map_err(|_| RemoteError::Protocol(format!("not a Miniflux feed id: {feed_id}")))
}

#[cfg(test)]
#[path = "miniflux_tests.rs"]
mod tests;
