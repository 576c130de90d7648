//! A client of the Google Reader API as FreshRSS (`/api/greader.php`),
//! Miniflux, Inoreader and others serve it: ClientLogin for a token,
//! `Authorization: GoogleLogin auth=TOKEN`, a write token `T` for changes.
//! A refused token is renewed once with the password.

use std::collections::{HashMap, HashSet};

mod items;

use serde_json::Value;

use super::http::{Client, Reply, json};
use super::remote::{
    ItemPage, MarkOp, Remote, RemoteError, RemoteFeed, RemoteItem, RemoteResult, RemoteState,
};
use items::{item, long_id};

const READ: &str = "user/-/state/com.google/read";
const STARRED: &str = "user/-/state/com.google/starred";
const READING_LIST: &str = "user/-/state/com.google/reading-list";
const LABEL_PREFIX: &str = "user/-/label/";
const ITEM_PREFIX: &str = "tag:google.com,2005:reader/item/";
/// Items per page of contents, ids per page of ids.
const PAGE: usize = 250;
const IDS_PAGE: usize = 10_000;
/// Ids asked at most per state list.
const IDS_MAX: usize = 100_000;

pub struct GReader {
    http: Client,
    base: String,
    user: String,
    password: String,
    auth: Option<String>,
    write_token: Option<String>,
    /// The newest crawl time seen in this sync (seconds): the next cursor.
    newest: i64,
}

impl GReader {
    pub fn new(
        http: Client,
        base: &str,
        user: &str,
        password: &str,
        token: Option<String>,
    ) -> Self {
        GReader {
            http,
            base: base.trim_end_matches('/').to_string(),
            user: user.to_string(),
            password: password.to_string(),
            auth: token,
            write_token: None,
            newest: 0,
        }
    }

    fn login(&mut self) -> RemoteResult<String> {
        let url = format!("{}/accounts/ClientLogin", self.base);
        let reply = self.http.post_form(
            &url,
            &[],
            &[("Email", &self.user), ("Passwd", &self.password)],
        )?;
        let auth = reply
            .body
            .lines()
            .find_map(|l| l.strip_prefix("Auth="))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| RemoteError::Auth("ClientLogin gave no Auth token".into()))?;
        self.auth = Some(auth.clone());
        self.write_token = None;
        Ok(auth)
    }

    /// Runs a request with the token, logging in first when there is none
    /// and once more when the server refuses it (expired).
    fn with_auth(
        &mut self,
        run: impl Fn(&Client, &str) -> RemoteResult<Reply>,
    ) -> RemoteResult<Reply> {
        let auth = match self.auth.clone() {
            Some(a) => a,
            None => self.login()?,
        };
        match run(&self.http, &format!("GoogleLogin auth={auth}")) {
            Err(RemoteError::Auth(_)) => {
                let auth = self.login()?;
                run(&self.http, &format!("GoogleLogin auth={auth}"))
            }
            other => other,
        }
    }

    fn get(&mut self, path: &str, query: &[(&str, &str)]) -> RemoteResult<Reply> {
        let mut url = url::Url::parse(&format!("{}/reader/api/0/{path}", self.base))
            .map_err(|e| RemoteError::Protocol(e.to_string()))?;
        url.query_pairs_mut()
            .append_pair("output", "json")
            .extend_pairs(query);
        let url = url.to_string();
        self.with_auth(|http, auth| http.get(&url, &[("Authorization", auth)]))
    }

    fn post(&mut self, path: &str, form: &[(&str, &str)]) -> RemoteResult<Reply> {
        let token = self.token_for_writes()?;
        let url = format!("{}/reader/api/0/{path}", self.base);
        let mut form = form.to_vec();
        form.push(("T", &token));
        let form: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.with_auth(|http, auth| {
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            http.post_form(&url, &[("Authorization", auth)], &pairs)
        })
    }

    fn token_for_writes(&mut self) -> RemoteResult<String> {
        if let Some(t) = &self.write_token {
            return Ok(t.clone());
        }
        let url = format!("{}/reader/api/0/token", self.base);
        let reply = self.with_auth(|http, auth| http.get(&url, &[("Authorization", auth)]))?;
        let token = reply.body.trim().to_string();
        self.write_token = Some(token.clone());
        Ok(token)
    }

    /// Every id of a stream (the short, decimal form made long).
    fn ids(&mut self, query: &[(&str, &str)]) -> RemoteResult<HashSet<String>> {
        let mut out = HashSet::new();
        let mut continuation: Option<String> = None;
        let n = IDS_PAGE.to_string();
        loop {
            let mut q = query.to_vec();
            q.push(("n", &n));
            if let Some(c) = &continuation {
                q.push(("c", c));
            }
            let value: Value = json(&self.get("stream/items/ids", &q)?)?;
            let refs = value.get("itemRefs").and_then(Value::as_array);
            for r in refs.into_iter().flatten() {
                if let Some(id) = r.get("id").and_then(Value::as_str).and_then(long_id) {
                    out.insert(id);
                }
            }
            continuation = value
                .get("continuation")
                .and_then(Value::as_str)
                .map(str::to_string)
                .filter(|c| !c.is_empty());
            if continuation.is_none() || out.len() >= IDS_MAX {
                return Ok(out);
            }
        }
    }

    fn edit_tag(
        &mut self,
        ids: &[String],
        add: Option<&str>,
        remove: Option<&str>,
    ) -> RemoteResult<()> {
        let mut form: Vec<(&str, &str)> = ids.iter().map(|i| ("i", i.as_str())).collect();
        if let Some(a) = add {
            form.push(("a", a));
        }
        if let Some(r) = remove {
            form.push(("r", r));
        }
        self.post("edit-tag", &form).map(drop)
    }

    fn note_items(&mut self, value: &Value) -> Vec<RemoteItem> {
        let list = value.get("items").and_then(Value::as_array);
        let items: Vec<RemoteItem> = list.into_iter().flatten().filter_map(item).collect();
        for v in list.into_iter().flatten() {
            if let Some(ms) = v
                .get("crawlTimeMsec")
                .and_then(Value::as_str)
                .and_then(|s| s.parse::<i64>().ok())
            {
                self.newest = self.newest.max(ms / 1000);
            }
        }
        items
    }
}

impl Remote for GReader {
    fn subscriptions(&mut self) -> RemoteResult<Vec<RemoteFeed>> {
        let value: Value = json(&self.get("subscription/list", &[])?)?;
        let subs = value.get("subscriptions").and_then(Value::as_array);
        Ok(subs
            .into_iter()
            .flatten()
            .filter_map(|s| {
                let id = s.get("id")?.as_str()?.to_string();
                let url = s
                    .get("url")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .or_else(|| id.strip_prefix("feed/").map(str::to_string))?;
                let folders = s
                    .get("categories")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.get("label").and_then(Value::as_str).map(str::to_string))
                    .collect();
                Some(RemoteFeed {
                    title: s
                        .get("title")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    site_url: s.get("htmlUrl").and_then(Value::as_str).map(str::to_string),
                    folders,
                    url,
                    id,
                })
            })
            .collect())
    }

    fn items(&mut self, cursor: Option<&str>, since: i64) -> RemoteResult<ItemPage> {
        // Cursor: "OT" (items crawled after OT) or "OT:CONTINUATION".
        let (ot, continuation) = match cursor.and_then(|c| c.split_once(':')) {
            Some((ot, c)) => (ot.parse().unwrap_or(since), Some(c.to_string())),
            None => (cursor.and_then(|c| c.parse().ok()).unwrap_or(since), None),
        };
        self.newest = self.newest.max(ot);
        let (ot_s, n) = (ot.to_string(), PAGE.to_string());
        let mut q = vec![("ot", ot_s.as_str()), ("n", n.as_str())];
        if let Some(c) = &continuation {
            q.push(("c", c));
        }
        let value: Value = json(&self.get(&format!("stream/contents/{READING_LIST}"), &q)?)?;
        let items = self.note_items(&value);
        let next = value
            .get("continuation")
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty());
        Ok(match next {
            Some(c) => ItemPage {
                items,
                cursor: Some(format!("{ot}:{c}")),
                more: true,
            },
            None => ItemPage {
                items,
                cursor: Some(self.newest.to_string()),
                more: false,
            },
        })
    }

    fn items_by_id(&mut self, ids: &[String]) -> RemoteResult<Vec<RemoteItem>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(PAGE) {
            let mut form: Vec<(&str, &str)> = chunk.iter().map(|i| ("i", i.as_str())).collect();
            form.push(("output", "json"));
            let value: Value = json(&self.post("stream/items/contents", &form)?)?;
            out.extend(self.note_items(&value));
        }
        Ok(out)
    }

    fn state(&mut self) -> RemoteResult<RemoteState> {
        Ok(RemoteState {
            unread: self.ids(&[("s", READING_LIST), ("xt", READ)])?,
            starred: self.ids(&[("s", STARRED)])?,
            changed: HashMap::new(),
        })
    }

    fn mark(&mut self, ids: &[String], op: MarkOp) -> RemoteResult<()> {
        match op {
            MarkOp::Read => self.edit_tag(ids, Some(READ), None),
            MarkOp::Unread => self.edit_tag(ids, None, Some(READ)),
            MarkOp::Star => self.edit_tag(ids, Some(STARRED), None),
            MarkOp::Unstar => self.edit_tag(ids, None, Some(STARRED)),
        }
    }

    fn mark_feed_read(&mut self, feed_id: &str, before: i64) -> RemoteResult<()> {
        let ts = (before.saturating_mul(1_000_000)).to_string();
        self.post("mark-all-as-read", &[("s", feed_id), ("ts", &ts)])
            .map(drop)
    }

    fn subscribe(&mut self, url: &str, folder: Option<&str>) -> RemoteResult<RemoteFeed> {
        let stream = format!("feed/{url}");
        let label = folder.map(|f| format!("{LABEL_PREFIX}{f}"));
        let mut form = vec![("ac", "subscribe"), ("s", stream.as_str())];
        if let Some(l) = &label {
            form.push(("a", l));
        }
        self.post("subscription/edit", &form)?;
        self.subscriptions()?
            .into_iter()
            .find(|f| f.url == url || f.id == stream)
            .ok_or_else(|| {
                RemoteError::Protocol(format!("{url}: not in the subscriptions after adding it"))
            })
    }

    fn unsubscribe(&mut self, feed_id: &str) -> RemoteResult<()> {
        self.post(
            "subscription/edit",
            &[("ac", "unsubscribe"), ("s", feed_id)],
        )
        .map(drop)
    }

    fn rename(&mut self, feed_id: &str, title: &str) -> RemoteResult<()> {
        self.post(
            "subscription/edit",
            &[("ac", "edit"), ("s", feed_id), ("t", title)],
        )
        .map(drop)
    }

    fn set_folders(
        &mut self,
        feed_id: &str,
        from: &[String],
        to: &[String],
    ) -> RemoteResult<Vec<String>> {
        let label = |f: &String| format!("{LABEL_PREFIX}{f}");
        let add: Vec<String> = to.iter().filter(|f| !from.contains(f)).map(label).collect();
        let remove: Vec<String> = from.iter().filter(|f| !to.contains(f)).map(label).collect();
        if add.is_empty() && remove.is_empty() {
            return Ok(from.to_vec());
        }
        let mut form = vec![("ac", "edit"), ("s", feed_id)];
        form.extend(add.iter().map(|a| ("a", a.as_str())));
        form.extend(remove.iter().map(|r| ("r", r.as_str())));
        self.post("subscription/edit", &form)?;
        // Servers differ (FreshRSS keeps one folder per feed): ask.
        self.subscriptions()?
            .into_iter()
            .find(|f| f.id == feed_id)
            .map(|f| f.folders)
            .ok_or_else(|| {
                RemoteError::Protocol(format!("{feed_id}: not in the subscriptions any more"))
            })
    }

    fn token(&self) -> Option<String> {
        self.auth.clone()
    }
}
