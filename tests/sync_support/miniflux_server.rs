//! A Miniflux server that keeps its entries' state, as its API reference
//! describes: the entry list filters on `status` (repeatable), `starred`,
//! `after_entry_id` and `changed_after`, pages with `limit`/`offset` in id
//! order, and every change of a mark stamps the entry's `changed_at`.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::{Req, Server, fixture, form, serve};

/// The entries of the fixture, with their state; `changed_at` in seconds.
pub struct Entries {
    pub list: Vec<Value>,
}

impl Entries {
    /// Stamps entry `id` as changed now and applies `edit` to it.
    pub fn change(&mut self, id: i64, edit: impl FnOnce(&mut Value)) {
        let e = self.list.iter_mut().find(|e| e["id"] == id).expect("entry");
        edit(e);
        e["changed_at"] = json!(chrono::Utc::now().to_rfc3339());
    }

    fn listed(&self, q: &[(String, String)]) -> Vec<Value> {
        let arg = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        let num = |k: &str| arg(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        let statuses: Vec<&str> = q
            .iter()
            .filter(|(k, _)| k == "status")
            .map(|(_, v)| v.as_str())
            .collect();
        let changed = |e: &Value| {
            e["changed_at"]
                .as_str()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map_or(0, |t| t.timestamp())
        };
        let mut out: Vec<Value> = self
            .list
            .iter()
            .filter(|e| e["id"].as_i64().unwrap_or(0) > num("after_entry_id"))
            .filter(|e| {
                statuses.is_empty() || statuses.contains(&e["status"].as_str().unwrap_or(""))
            })
            .filter(|e| arg("starred") != Some("true") || e["starred"] == true)
            .filter(|e| num("changed_after") == 0 || changed(e) > num("changed_after"))
            .cloned()
            .collect();
        out.sort_by_key(|e| e["id"].as_i64());
        let offset = usize::try_from(num("offset")).unwrap_or(0);
        let limit = usize::try_from(num("limit"))
            .ok()
            .filter(|&l| l > 0)
            .unwrap_or(100);
        out.into_iter().skip(offset).take(limit).collect()
    }

    fn answer(&mut self, r: &Req) -> (u16, String) {
        let q = form(&r.query);
        match (r.method.as_str(), r.path.as_str()) {
            ("GET", "/v1/feeds") => (200, fixture("miniflux/feeds.json")),
            ("GET", "/v1/entries") => {
                let list = self.listed(&q);
                (
                    200,
                    json!({"total": list.len(), "entries": list}).to_string(),
                )
            }
            ("PUT", "/v1/entries") => {
                let body: Value = serde_json::from_str(&r.body).unwrap_or_default();
                let status = body["status"].clone();
                for id in body["entry_ids"].as_array().into_iter().flatten() {
                    let id = id.as_i64().unwrap_or(0);
                    self.change(id, |e| e["status"] = status.clone());
                }
                (204, String::new())
            }
            ("GET", p) if p.starts_with("/v1/entries/") => {
                let id: i64 = p[12..].parse().unwrap_or(0);
                let e = self.list.iter().find(|e| e["id"] == id).cloned();
                e.map_or((404, "{}".into()), |e| (200, e.to_string()))
            }
            ("PUT", p) if p.ends_with("/bookmark") => {
                let id: i64 = p[12..p.len() - 9].parse().unwrap_or(0);
                self.change(id, |e| e["starred"] = json!(e["starred"] != true));
                (204, String::new())
            }
            _ => (404, r#"{"error_message":"not found"}"#.into()),
        }
    }
}

/// The server and its entries, for the test to change as a phone would.
pub fn miniflux_state_server() -> (Server, Arc<Mutex<Entries>>) {
    let all: Value = serde_json::from_str(&fixture("miniflux/entries.json")).expect("json");
    let entries = Arc::new(Mutex::new(Entries {
        list: all["entries"].as_array().cloned().unwrap_or_default(),
    }));
    let shared = entries.clone();
    let server = serve(Arc::new(move |r: &Req| {
        if r.headers.get("authorization").map(String::as_str) != Some("Basic bWU6c2VjcmV0") {
            return (401, r#"{"error_message":"Access Unauthorized"}"#.into());
        }
        shared.lock().expect("entries").answer(r)
    }));
    (server, entries)
}
