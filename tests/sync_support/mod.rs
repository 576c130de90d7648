//! A loopback HTTP server for the sync tests: each request is logged and
//! answered by the test's handler (answers in tests/fixtures/sync/).
#![allow(dead_code)]

pub mod miniflux_server;
pub mod subs_servers;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: HashMap<String, String>,
    pub body: String,
}

pub type Handler = Arc<dyn Fn(&Req) -> (u16, String) + Send + Sync>;

pub struct Server {
    pub base: String,
    pub log: Arc<Mutex<Vec<Req>>>,
    /// The answer to each request of `log` (status, body).
    pub answers: Arc<Mutex<Vec<(u16, String)>>>,
}

impl Server {
    pub fn requests(&self) -> Vec<Req> {
        self.log.lock().expect("log").clone()
    }

    /// The requests whose path ends with one of `paths`, with their
    /// answers, as text: "METHOD PATH\nBODY\n-> STATUS ANSWER\n\n".
    pub fn exchanges(&self, paths: &[&str]) -> String {
        let answers = self.answers.lock().expect("answers").clone();
        let mut out = String::new();
        for (req, (status, answer)) in self.requests().iter().zip(answers) {
            if paths.iter().any(|p| req.path.ends_with(p)) {
                out.push_str(&format!(
                    "{} {}\n{}\n-> {status} {answer}\n\n",
                    req.method, req.path, req.body
                ));
            }
        }
        out
    }
}

/// Compares exchanges with their fixture (written instead when
/// `EDICOLA_WRITE_FIXTURES` is set, to be read before committing).
pub fn check_exchanges(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sync")
        .join(name);
    if std::env::var_os("EDICOLA_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, actual).expect("write fixture");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("fixture");
    assert_eq!(actual, want, "exchanges differ from {}", path.display());
}

pub fn serve(handler: Handler) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let log = Arc::new(Mutex::new(Vec::new()));
    let log2 = log.clone();
    let answers = Arc::new(Mutex::new(Vec::new()));
    let answers2 = answers.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            let mut parts = first.split_whitespace();
            let method = parts.next().unwrap_or("").to_string();
            let target = parts.next().unwrap_or("").to_string();
            let mut headers = HashMap::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    headers.insert(k.trim().to_lowercase(), v.trim().to_string());
                }
            }
            let len: usize = headers
                .get("content-length")
                .and_then(|l| l.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; len];
            let _ = reader.read_exact(&mut body);
            let (path, query) = target.split_once('?').unwrap_or((&target, ""));
            let req = Req {
                method,
                path: path.to_string(),
                query: query.to_string(),
                headers,
                body: String::from_utf8_lossy(&body).into_owned(),
            };
            let (status, text) = handler(&req);
            log2.lock().expect("log").push(req);
            answers2
                .lock()
                .expect("answers")
                .push((status, text.clone()));
            // As every real server, the time of the answer.
            let date = chrono::Utc::now().format("%a, %d %b %Y %H:%M:%S GMT");
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nDate: {date}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    Server { base, log, answers }
}

pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sync")
        .join(name);
    std::fs::read_to_string(&path).expect("fixture")
}

pub fn form(body: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect()
}

/// The Fever API's commands, in the order Miniflux looks for them (it
/// answers only the first it finds).
const FEVER_COMMANDS: [&str; 9] = [
    "groups",
    "feeds",
    "favicons",
    "unread_item_ids",
    "saved_item_ids",
    "items",
    "mark",
    "unread_recently_read",
    "links",
];

/// A Fever request as the strictest servers read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeverCall {
    pub api_key: String,
    /// The command Miniflux would answer: the first of `commands`.
    pub command: String,
    /// Every command asked (Coldsweat and FreshRSS answer them all).
    pub commands: Vec<String>,
    /// Their arguments: a read's from the query and body, a write's (`mark`)
    /// from the body only.
    pub args: HashMap<String, String>,
}

/// Reads a Fever request as Coldsweat and Miniflux do: a POST to `?api`
/// with `api_key` in the body (Coldsweat), a write's arguments in the body
/// only (Coldsweat), a write alone in its request. Err: why a strict
/// server would refuse it (the test answers 400).
pub fn fever_call(r: &Req) -> Result<FeverCall, String> {
    let query = form(&r.query);
    let body = form(&r.body);
    if r.method != "POST" || !query.iter().any(|(k, _)| k == "api") {
        return Err(format!("not a POST to ?api: {} ?{}", r.method, r.query));
    }
    let api_key = body
        .iter()
        .find(|(k, _)| k == "api_key")
        .map(|(_, v)| v.clone())
        .ok_or("no api_key in the body")?;
    let all: Vec<&(String, String)> = query.iter().chain(&body).collect();
    let commands: Vec<String> = FEVER_COMMANDS
        .into_iter()
        .filter(|c| all.iter().any(|(k, _)| k == c))
        .map(str::to_string)
        .collect();
    let Some(command) = commands.first().cloned() else {
        return Err("no command".into());
    };
    let args: HashMap<String, String> = if commands.iter().any(|c| c == "mark") {
        if commands.len() > 1 {
            return Err(format!("a write with other commands: {commands:?}"));
        }
        if query.iter().any(|(k, _)| k != "api") {
            return Err(format!("a write with arguments in the query: {}", r.query));
        }
        body.into_iter().collect()
    } else {
        all.into_iter().cloned().collect()
    };
    Ok(FeverCall {
        api_key,
        command,
        commands,
        args,
    })
}

/// Answers every command of a Fever read as Coldsweat and FreshRSS do:
/// `answer` gives each command's JSON object, merged into one.
pub fn fever_answer_all(call: &FeverCall, answer: impl Fn(&str) -> String) -> String {
    let mut merged = serde_json::Map::new();
    for command in &call.commands {
        let part: serde_json::Value = serde_json::from_str(&answer(command)).expect("json");
        if let serde_json::Value::Object(fields) = part {
            merged.extend(fields);
        }
    }
    serde_json::Value::Object(merged).to_string()
}

/// The token the Google Reader API test servers hand user `me`.
pub const GREADER_AUTH: &str = "GoogleLogin auth=me/0123456789abcdef";

/// What every Google Reader API test server answers first: the login of
/// `me` with password `secret`, and a refusal of any request without the
/// token. None for a request to answer on.
pub fn greader_gate(r: &Req) -> Option<(u16, String)> {
    if r.path.ends_with("/accounts/ClientLogin") {
        let f = form(&r.body);
        let ok = f.contains(&("Email".into(), "me".into()))
            && f.contains(&("Passwd".into(), "secret".into()));
        return Some(if ok {
            (200, fixture("greader/clientlogin.txt"))
        } else {
            (401, "Error=BadAuthentication".into())
        });
    }
    if r.headers.get("authorization").map(String::as_str) != Some(GREADER_AUTH) {
        return Some((401, "Unauthorized!".into()));
    }
    None
}
