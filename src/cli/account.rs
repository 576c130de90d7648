//! `edicola account add|list|remove`: feed-server accounts.

use std::io::{BufRead, IsTerminal, Write};

use serde_json::json;

use super::{Failure, output};
use crate::config::Paths;
use crate::store::Store;
use crate::sync::accounts::{Account, Accounts, Kind, check_url};
use crate::sync::connect::{PASSWORD_ENV, accounts_file, connect, run_password_command};

/// What `account add` was given.
pub struct NewAccount {
    pub kind: Kind,
    pub url: String,
    pub user: String,
    pub name: Option<String>,
    pub password_command: Option<String>,
    pub insecure_http: bool,
}

fn load(paths: &Paths) -> Result<Accounts, Failure> {
    Accounts::load(&accounts_file(&paths.config_dir)).map_err(|e| Failure::fatal(e.to_string()))
}

/// Adds an account after checking the server takes the password.
pub fn add(paths: &Paths, new: NewAccount) -> Result<(), Failure> {
    let mut accounts = load(paths)?;
    let url = check_url(&new.url, new.insecure_http).map_err(|e| Failure::fatal(e.to_string()))?;
    let host = url::Url::parse(&url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "server".into());
    let name = match new.name {
        Some(n) if accounts.find(&n).is_some() => {
            return Err(Failure::fatal(format!(
                "an account named {n} exists already"
            )));
        }
        Some(n) if n.trim().is_empty() => return Err(Failure::fatal("--name is empty")),
        Some(n) => n,
        None => accounts.free_name(&host),
    };
    let (password, stored) = match &new.password_command {
        Some(cmd) => (
            run_password_command(cmd).map_err(|e| Failure::fatal(e.to_string()))?,
            None,
        ),
        None => {
            let p = match std::env::var(PASSWORD_ENV) {
                Ok(p) if !p.is_empty() => p,
                _ => ask_password(&format!("Password for {} at {host}: ", new.user))?,
            };
            (p.clone(), Some(p))
        }
    };
    let mut account = Account {
        name: name.clone(),
        kind: new.kind,
        url,
        user: new.user,
        password_command: new.password_command,
        password: stored,
        insecure_http: new.insecure_http,
        token: None,
    };
    let mut remote = connect(&account, &password);
    let feeds = remote
        .subscriptions()
        .map_err(|e| Failure::input(format!("{}: {e}; the account was not added", account.url)))?;
    account.token = remote.token();
    accounts.list.push(account);
    accounts.save().map_err(|e| Failure::fatal(e.to_string()))?;
    println!(
        "added account {} ({} subscriptions); `edicola sync` brings its articles",
        output::line(&name),
        feeds.len()
    );
    Ok(())
}

/// Reads a password from the terminal without echo, or a line of stdin
/// when it is not a terminal.
fn ask_password(prompt: &str) -> Result<String, Failure> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::fatal(format!("reading the password: {e}")))?;
        let line = line.trim_end_matches(['\n', '\r']).to_string();
        if line.is_empty() {
            return Err(Failure::fatal(format!(
                "no password: type it on a terminal, or use --password-command or {PASSWORD_ENV}"
            )));
        }
        return Ok(line);
    }
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    let echo = EchoOff::new();
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    drop(echo);
    eprintln!();
    read.map_err(|e| Failure::fatal(format!("reading the password: {e}")))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Terminal echo off while it lives.
struct EchoOff {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl EchoOff {
    fn new() -> EchoOff {
        #[cfg(unix)]
        {
            // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed termios
            // they fill in; nothing else is touched.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(0, &mut t) != 0 {
                    return EchoOff { saved: None };
                }
                let saved = t;
                t.c_lflag &= !libc::ECHO;
                t.c_lflag |= libc::ECHONL;
                libc::tcsetattr(0, libc::TCSANOW, &t);
                EchoOff { saved: Some(saved) }
            }
        }
        #[cfg(not(unix))]
        EchoOff {}
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(saved) = self.saved {
            // SAFETY: restores the settings read in `new`.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, &saved);
            }
        }
    }
}

/// Lists the accounts with their waiting marks; never a password.
pub fn list(paths: &Paths, json: bool) -> Result<(), Failure> {
    let accounts = load(paths)?;
    // Listing creates no store.
    let file = paths.store_file();
    let store = file
        .exists()
        .then(|| Store::open_read_only(&file).ok())
        .flatten();
    let pending = |name: &str| {
        store
            .as_ref()
            .and_then(|s| s.sync_pending_count(Some(name)).ok())
            .unwrap_or(0)
    };
    if json {
        let rows: Vec<_> = accounts
            .list
            .iter()
            .map(|a| {
                json!({
                    "name": a.name, "kind": a.kind.as_str(), "url": a.url, "user": a.user,
                    "insecure_http": a.insecure_http, "pending_marks": pending(&a.name),
                })
            })
            .collect();
        let text = output::json_text(&rows, true).map_err(|e| Failure::fatal(e.to_string()))?;
        println!("{text}");
        return Ok(());
    }
    if accounts.list.is_empty() {
        eprintln!("edicola: no accounts: add one with `edicola account add`");
    }
    for a in &accounts.list {
        let insecure = if a.insecure_http {
            "  [insecure http]"
        } else {
            ""
        };
        println!(
            "{}\t{}\t{}\t{}\t{} marks waiting{insecure}",
            output::line(&a.name),
            a.kind.as_str(),
            output::line(&a.url),
            output::line(&a.user),
            pending(&a.name)
        );
    }
    Ok(())
}

/// Removes an account and its sync state (its articles stay).
pub fn remove(paths: &Paths, name: &str) -> Result<(), Failure> {
    let mut accounts = load(paths)?;
    let before = accounts.list.len();
    accounts.list.retain(|a| a.name != name);
    if accounts.list.len() == before {
        return Err(Failure::input(format!("no account named {name}")));
    }
    accounts.save().map_err(|e| Failure::fatal(e.to_string()))?;
    if paths.store_file().exists()
        && let Ok(mut store) = Store::open(&paths.store_file())
    {
        store
            .sync_forget(name)
            .map_err(|e| Failure::fatal(e.to_string()))?;
    }
    println!("removed account {}", output::line(name));
    Ok(())
}
