//! Loopback servers that keep subscriptions and change them as the public
//! API documentation says: the Google Reader API's `subscription/edit`
//! (as FreshRSS serves it), Miniflux's `/v1/feeds` and `/v1/categories`,
//! and a Fever server (which cannot change them).

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::{Req, Server, fever_call, fixture, form, greader_gate, serve};

/// A subscription as the test servers keep it.
#[derive(Debug, Clone)]
pub struct Sub {
    pub id: String,
    pub title: String,
    pub url: String,
    pub folders: Vec<String>,
}

fn greader_start() -> Vec<Sub> {
    vec![
        Sub {
            id: "feed/1".into(),
            title: "Example News".into(),
            url: "https://news.example/feed.xml".into(),
            folders: vec!["World".into()],
        },
        Sub {
            id: "feed/2".into(),
            title: "Gadgets".into(),
            url: "https://gadgets.example/rss".into(),
            folders: vec![],
        },
    ]
}

const LABEL: &str = "user/-/label/";

/// A Google Reader API server for user `me`, password `secret`; its
/// subscriptions change with `subscription/edit`. A feed address with
/// "missing" in it is refused as FreshRSS refuses one it cannot read.
pub fn greader_subs_server() -> (Server, Arc<Mutex<Vec<Sub>>>) {
    let subs = Arc::new(Mutex::new(greader_start()));
    let state = subs.clone();
    let server = serve(Arc::new(move |r: &Req| {
        if let Some(answer) = greader_gate(r) {
            return answer;
        }
        let p = r.path.as_str();
        let q = r.query.as_str();
        let name = match p {
            _ if p.ends_with("/token") => return (200, "writetoken123\n".into()),
            _ if p.ends_with("/subscription/list") => return (200, greader_list(&state)),
            _ if p.ends_with("/subscription/edit") => return greader_edit(&state, r),
            _ if p.contains("/stream/contents/") && q.contains("c=page2") => "contents_page2",
            _ if p.contains("/stream/contents/") && q.contains("ot=0") => "contents_page1",
            _ if p.contains("/stream/contents/") => "contents_empty",
            // Items by id: the first page holds those the id lists name.
            _ if p.ends_with("/stream/items/contents") => "contents_page1",
            _ if p.ends_with("/stream/items/ids") && q.contains("xt=") => "ids_unread",
            _ if p.ends_with("/stream/items/ids") => "ids_starred",
            _ if p.ends_with("/edit-tag") => return (200, "OK".into()),
            _ => return (404, "not found".into()),
        };
        (200, fixture(&format!("greader/{name}.json")))
    }));
    (server, subs)
}

fn greader_list(state: &Mutex<Vec<Sub>>) -> String {
    let subs = state.lock().expect("subs");
    let list: Vec<Value> = subs
        .iter()
        .map(|s| {
            let categories: Vec<Value> = s
                .folders
                .iter()
                .map(|f| json!({"id": format!("{LABEL}{f}"), "label": f}))
                .collect();
            json!({"id": s.id, "title": s.title, "categories": categories,
                   "url": s.url, "htmlUrl": "", "iconUrl": ""})
        })
        .collect();
    json!({ "subscriptions": list }).to_string()
}

fn greader_edit(state: &Mutex<Vec<Sub>>, r: &Req) -> (u16, String) {
    let f = form(&r.body);
    let get = |k: &str| f.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let all = |k: &str| -> Vec<String> {
        f.iter()
            .filter(|(key, _)| key == k)
            .filter_map(|(_, v)| v.strip_prefix(LABEL).map(str::to_string))
            .collect()
    };
    if r.method != "POST" || get("T").as_deref() != Some("writetoken123") {
        return (401, "Unauthorized!".into());
    }
    let (Some(ac), Some(s)) = (get("ac"), get("s")) else {
        return (400, "Error=Missing ac or s".into());
    };
    let mut subs = state.lock().expect("subs");
    match ac.as_str() {
        "subscribe" => {
            let url = s.strip_prefix("feed/").unwrap_or(&s).to_string();
            if url.contains("missing") {
                return (400, "Error=Feed not found: HTTP 404".into());
            }
            let id = format!("feed/{}", subs.len() + 1);
            subs.push(Sub {
                id,
                title: get("t").unwrap_or_else(|| "New Feed".into()),
                url,
                folders: all("a"),
            });
        }
        "edit" => {
            let Some(sub) = subs.iter_mut().find(|x| x.id == s) else {
                return (400, "Error=Unknown feed".into());
            };
            if let Some(t) = get("t") {
                sub.title = t;
            }
            sub.folders.retain(|x| !all("r").contains(x));
            sub.folders.extend(all("a"));
        }
        "unsubscribe" => subs.retain(|x| x.id != s),
        _ => return (400, "Error=Unknown action".into()),
    }
    (200, "OK".into())
}

/// A Miniflux server for `me:secret`: feeds each in one category.
pub fn miniflux_subs_server() -> Server {
    // (id, title, feed_url, category id); categories (id, title).
    let feeds = Arc::new(Mutex::new(vec![
        (
            1,
            "Example News".to_string(),
            "https://news.example/feed.xml".to_string(),
            1,
        ),
        (
            2,
            "Gadgets".to_string(),
            "https://gadgets.example/rss".to_string(),
            2,
        ),
    ]));
    let cats = Arc::new(Mutex::new(vec![
        (1, "World".to_string()),
        (2, "All".to_string()),
    ]));
    serve(Arc::new(move |r: &Req| {
        if r.headers.get("authorization").map(String::as_str) != Some("Basic bWU6c2VjcmV0") {
            return (401, r#"{"error_message":"Access Unauthorized"}"#.into());
        }
        let body: Value = serde_json::from_str(&r.body).unwrap_or(Value::Null);
        let mut feeds = feeds.lock().expect("feeds");
        let mut cats = cats.lock().expect("cats");
        let title_of = |cats: &[(i64, String)], id: i64| {
            cats.iter()
                .find(|c| c.0 == id)
                .map(|c| c.1.clone())
                .unwrap_or_default()
        };
        let id_in_path = r
            .path
            .strip_prefix("/v1/feeds/")
            .and_then(|i| i.parse::<i64>().ok());
        match (r.method.as_str(), r.path.as_str(), id_in_path) {
            ("GET", "/v1/feeds", _) => {
                let list: Vec<Value> = feeds
                    .iter()
                    .map(|(id, title, url, cat)| {
                        json!({"id": id, "user_id": 1, "title": title, "feed_url": url,
                               "site_url": "", "category": {"id": cat, "user_id": 1,
                               "title": title_of(&cats, *cat)}})
                    })
                    .collect();
                (200, Value::from(list).to_string())
            }
            ("GET", "/v1/categories", _) => {
                let list: Vec<Value> = cats
                    .iter()
                    .map(|(id, t)| json!({"id": id, "title": t, "user_id": 1}))
                    .collect();
                (200, Value::from(list).to_string())
            }
            ("POST", "/v1/categories", _) => {
                let id = cats.len() as i64 + 1;
                let title = body["title"].as_str().unwrap_or("").to_string();
                cats.push((id, title.clone()));
                (
                    201,
                    json!({"id": id, "title": title, "user_id": 1}).to_string(),
                )
            }
            ("POST", "/v1/feeds", _) => {
                let url = body["feed_url"].as_str().unwrap_or("").to_string();
                if url.contains("missing") {
                    return (400, r#"{"error_message":"unable to find any feed"}"#.into());
                }
                let Some(cat) = body["category_id"].as_i64().filter(|c| *c > 0) else {
                    return (
                        400,
                        r#"{"error_message":"The category is mandatory"}"#.into(),
                    );
                };
                let id = feeds.len() as i64 + 1;
                feeds.push((id, "New Feed".into(), url, cat));
                (201, json!({ "feed_id": id }).to_string())
            }
            ("PUT", _, Some(id)) => {
                let Some(f) = feeds.iter_mut().find(|f| f.0 == id) else {
                    return (404, r#"{"error_message":"feed not found"}"#.into());
                };
                if let Some(t) = body["title"].as_str() {
                    f.1 = t.to_string();
                }
                if let Some(c) = body["category_id"].as_i64() {
                    f.3 = c;
                }
                (201, json!({"id": id, "title": f.1}).to_string())
            }
            ("DELETE", _, Some(id)) => {
                feeds.retain(|f| f.0 != id);
                (204, String::new())
            }
            _ => (404, r#"{"error_message":"not found"}"#.into()),
        }
    }))
}

/// md5("me:secret")
const FEVER_KEY: &str = "5f67bbe865987f84db7ba3daea424dcf";

/// A Fever server (answers as tests/sync.rs's), read loosely: a command
/// and its arguments may come in the query or the body, and `feeds` and
/// `groups` both get the whole tree.
pub fn fever_subs_server() -> Server {
    serve(Arc::new(|r: &Req| {
        // As strict as the sync tests' server: one command per request,
        // the key in the body, a write's arguments in the body only.
        let call = match fever_call(r) {
            Ok(c) => c,
            Err(e) => return (400, e),
        };
        if call.api_key != FEVER_KEY {
            return (200, fixture("fever/refused.json"));
        }
        let arg = |k: &str| call.args.get(k).map(String::as_str);
        let name = match call.command.as_str() {
            "feeds" | "groups" => "account_tree",
            "items" if arg("since_id") == Some("0") || arg("with_ids").is_some() => "items",
            "items" => "items_empty",
            "unread_item_ids" => "unread_item_ids",
            "saved_item_ids" => "saved_item_ids",
            _ => "ok",
        };
        (200, fixture(&format!("fever/{name}.json")))
    }))
}
