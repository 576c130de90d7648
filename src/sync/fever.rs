//! A client of the Fever API (Coldsweat, FreshRSS's `/api/fever.php`,
//! Miniflux's `/fever/`, tt-rss's plugin...). Every call is a POST of
//! `api_key` = md5("user:password") to `URL?api&...`. Reads name their one
//! command in the query (`?api&items&since_id=5`); writes send theirs in
//! the POST body beside the key, as Coldsweat reads a write's arguments
//! from the body only. Fever cannot add, rename or remove subscriptions.
//!
//! A sync's reads go in one request where the server answers several
//! commands at once (Coldsweat, FreshRSS): groups, feeds, the unread and
//! saved ids, and the items after the last sync's cursor. Miniflux answers
//! only the first command of a request; what a server left out is asked
//! one command per request.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::http::{Client, Reply, json};
use super::remote::{
    ItemPage, MarkOp, Remote, RemoteError, RemoteFeed, RemoteItem, RemoteResult, RemoteState,
};

/// Fever's page size (fixed by the API).
const PAGE: usize = 50;

pub struct Fever {
    http: Client,
    url: String,
    api_key: String,
    /// The cursor the engine starts this sync from.
    cursor: Option<String>,
    /// Answers the sync's first request brought ahead of their calls, by
    /// command (`items&since_id=N` for the items after a cursor).
    ahead: HashMap<String, Value>,
}

impl Fever {
    pub fn new(http: Client, url: &str, user: &str, password: &str) -> Fever {
        Fever {
            http,
            url: url.to_string(),
            api_key: api_key(user, password),
            cursor: None,
            ahead: HashMap::new(),
        }
    }

    /// Asks a sync's reads at once: `groups`, `feeds`, the unread and saved
    /// ids and, after the first sync, the next items. Keeps what the server
    /// answered beside `groups` and `feeds` for the calls that want it; a
    /// server that refuses the request is asked one command at a time.
    fn read_ahead(&mut self) -> RemoteResult<Value> {
        self.ahead.clear();
        let items = self.cursor.as_ref().map(|c| format!("items&since_id={c}"));
        let mut query = String::from("groups&feeds&unread_item_ids&saved_item_ids");
        if let Some(items) = &items {
            query = format!("{query}&{items}");
        }
        let value = match self.call(&query) {
            Err(RemoteError::Server { status: 400, .. }) => return self.call("groups"),
            other => other?,
        };
        for key in ["unread_item_ids", "saved_item_ids"] {
            if value.get(key).is_some() {
                self.ahead.insert(key.to_string(), value.clone());
            }
        }
        if let Some(items) = items
            && value.get("items").is_some()
        {
            self.ahead.insert(items, value.clone());
        }
        Ok(value)
    }

    /// A read: its answer if the sync's first request brought it, else
    /// asked now.
    fn read(&mut self, query: &str) -> RemoteResult<Value> {
        match self.ahead.remove(query) {
            Some(value) => Ok(value),
            None => self.call(query),
        }
    }

    /// Reads with one command: `?api&<query>`.
    fn call(&self, query: &str) -> RemoteResult<Value> {
        self.post(&format!("api&{query}"), &[])
    }

    /// Writes: `?api`, with the command and its arguments in the body.
    fn write(&self, form: &[(&str, &str)]) -> RemoteResult<Value> {
        self.post("api", form)
    }

    /// POSTs the key and `form` to `URL?<query>`; an answer with `auth` 0
    /// is a refused key.
    fn post(&self, query: &str, form: &[(&str, &str)]) -> RemoteResult<Value> {
        let sep = if self.url.contains('?') { '&' } else { '?' };
        let url = format!("{}{sep}{query}", self.url);
        let mut body = vec![("api_key", self.api_key.as_str())];
        body.extend_from_slice(form);
        let reply: Reply = self.http.post_form(&url, &[], &body)?;
        let value: Value = json(&reply)?;
        if value.get("auth").and_then(as_i64) != Some(1) {
            return Err(RemoteError::Auth("Fever API: auth 0".into()));
        }
        Ok(value)
    }
}

/// Fever servers send numbers as numbers or as strings.
fn as_i64(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

fn id_of(v: &Value) -> Option<String> {
    as_i64(v).map(|n| n.to_string())
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// A comma-separated id list (`unread_item_ids`, `feed_ids`).
fn id_list(v: Option<&Value>) -> HashSet<String> {
    v.and_then(Value::as_str)
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn item(v: &Value) -> Option<RemoteItem> {
    Some(RemoteItem {
        id: id_of(v.get("id")?)?,
        feed_id: v.get("feed_id").and_then(id_of).unwrap_or_default(),
        title: text(v, "title").unwrap_or_default(),
        url: text(v, "url"),
        author: text(v, "author"),
        published: v.get("created_on_time").and_then(as_i64),
        html: text(v, "html").unwrap_or_default(),
        read: v.get("is_read").and_then(as_i64) == Some(1),
        starred: v.get("is_saved").and_then(as_i64) == Some(1),
        changed: None,
    })
}

fn items(value: &Value) -> Vec<RemoteItem> {
    value
        .get("items")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(item).collect())
        .unwrap_or_default()
}

impl Remote for Fever {
    fn begin(&mut self, cursor: Option<&str>) {
        self.cursor = cursor
            .filter(|c| c.parse::<i64>().is_ok())
            .map(str::to_string);
    }

    fn subscriptions(&mut self) -> RemoteResult<Vec<RemoteFeed>> {
        let grouped = self.read_ahead()?;
        let grouped = match grouped.get("groups") {
            Some(_) => grouped,
            None => self.call("groups")?,
        };
        let value = match grouped.get("feeds") {
            Some(_) => grouped.clone(),
            None => self.call("feeds")?,
        };
        let groups: HashMap<String, String> = grouped
            .get("groups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|g| Some((id_of(g.get("id")?)?, text(g, "title")?)))
            .collect();
        let mut folders: HashMap<String, Vec<String>> = HashMap::new();
        // Both answers carry `feeds_groups`; the `groups` one surely.
        for fg in grouped
            .get("feeds_groups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(group) = fg.get("group_id").and_then(id_of) else {
                continue;
            };
            let Some(name) = groups.get(&group) else {
                continue;
            };
            for feed in id_list(fg.get("feed_ids")) {
                folders.entry(feed).or_default().push(name.clone());
            }
        }
        Ok(value
            .get("feeds")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|f| {
                let id = id_of(f.get("id")?)?;
                Some(RemoteFeed {
                    title: text(f, "title").unwrap_or_default(),
                    url: text(f, "url")?,
                    site_url: text(f, "site_url"),
                    folders: folders.remove(&id).unwrap_or_default(),
                    id,
                })
            })
            .collect())
    }

    fn items(&mut self, cursor: Option<&str>, since: i64) -> RemoteResult<ItemPage> {
        let after: i64 = cursor.and_then(|c| c.parse().ok()).unwrap_or(0);
        let value = self.read(&format!("items&since_id={after}"))?;
        let mut page = items(&value);
        let newest = page
            .iter()
            .filter_map(|i| i.id.parse::<i64>().ok())
            .max()
            .unwrap_or(after);
        let full = page.len() >= PAGE;
        if cursor.is_none() {
            // The first sync keeps old items only when unread or starred.
            page.retain(|i| !i.read || i.starred || i.published.is_none_or(|p| p >= since));
        }
        Ok(ItemPage {
            items: page,
            cursor: Some(newest.to_string()),
            more: full && newest > after,
        })
    }

    fn items_by_id(&mut self, ids: &[String]) -> RemoteResult<Vec<RemoteItem>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(PAGE) {
            let list: Vec<&str> = chunk
                .iter()
                .map(String::as_str)
                .filter(|id| id.bytes().all(|b| b.is_ascii_digit()))
                .collect();
            if list.is_empty() {
                continue;
            }
            out.extend(items(
                &self.call(&format!("items&with_ids={}", list.join(",")))?,
            ));
        }
        Ok(out)
    }

    fn state(&mut self) -> RemoteResult<RemoteState> {
        let unread = id_list(self.read("unread_item_ids")?.get("unread_item_ids"));
        let starred = id_list(self.read("saved_item_ids")?.get("saved_item_ids"));
        Ok(RemoteState {
            unread,
            starred,
            changed: HashMap::new(),
        })
    }

    fn mark(&mut self, ids: &[String], op: MarkOp) -> RemoteResult<()> {
        let as_ = match op {
            MarkOp::Read => "read",
            MarkOp::Unread => "unread",
            MarkOp::Star => "saved",
            MarkOp::Unstar => "unsaved",
        };
        for id in ids {
            if id.bytes().all(|b| b.is_ascii_digit()) {
                self.write(&[("mark", "item"), ("as", as_), ("id", id)])?;
            }
        }
        Ok(())
    }

    fn mark_feed_read(&mut self, feed_id: &str, before: i64) -> RemoteResult<()> {
        let id: i64 = feed_id
            .parse()
            .map_err(|_| RemoteError::Protocol(format!("not a Fever feed id: {feed_id}")))?;
        let (id, before) = (id.to_string(), before.to_string());
        self.write(&[
            ("mark", "feed"),
            ("as", "read"),
            ("id", &id),
            ("before", &before),
        ])
        .map(drop)
    }

    fn subscribe(&mut self, _url: &str, _folder: Option<&str>) -> RemoteResult<RemoteFeed> {
        Err(RemoteError::Unsupported(CANNOT_EDIT))
    }

    fn unsubscribe(&mut self, _feed_id: &str) -> RemoteResult<()> {
        Err(RemoteError::Unsupported(CANNOT_EDIT))
    }

    fn rename(&mut self, _feed_id: &str, _title: &str) -> RemoteResult<()> {
        Err(RemoteError::Unsupported(CANNOT_EDIT))
    }

    fn set_folders(
        &mut self,
        _feed_id: &str,
        _from: &[String],
        _to: &[String],
    ) -> RemoteResult<Vec<String>> {
        Err(RemoteError::Unsupported(CANNOT_EDIT))
    }
}

/// Why every subscription edit fails.
const CANNOT_EDIT: &str = "Fever's API cannot add, rename, retag or remove subscriptions: \
     do it on the server, and the next sync brings the change";

/// The Fever API key: the MD5 digest of `user:password`, in hex.
fn api_key(user: &str, password: &str) -> String {
    use md5::{Digest, Md5};
    let digest = Md5::digest(format!("{user}:{password}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod key_tests {
    #[test]
    fn the_key_is_the_md5_of_user_colon_password() {
        assert_eq!(
            super::api_key("user", "pass"),
            "21a39285884a268d6458e3fdeb08beac"
        );
        assert_eq!(
            super::api_key("", "pass"),
            "f83974f85122375e21c28ea3d64cd30f"
        );
    }
}
