//! From an account to a connected client, and syncing every account: what
//! `edicola sync` and the reader's refresh share.

use std::path::Path;

use super::accounts::{Account, Accounts, Kind};
use super::engine::{SyncOptions, SyncReport, sync_account};
use super::fever::Fever;
use super::greader::GReader;
use super::http::Client;
use super::miniflux::Miniflux;
use super::remote::Remote;
use crate::store::Store;

/// The environment variable a password may come from.
pub const PASSWORD_ENV: &str = "EDICOLA_PASSWORD";

/// Why an account's password could not be had.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("account {0}: no password and no password_command in accounts.toml")]
    Missing(String),
    #[error("password command: {0}")]
    Start(std::io::Error),
    #[error("password command failed ({0})")]
    Failed(std::process::ExitStatus),
    #[error("password command printed nothing")]
    Empty,
}

/// The account's password: from its command, or as stored.
pub fn password(account: &Account) -> Result<String, PasswordError> {
    match (&account.password_command, &account.password) {
        (Some(cmd), _) => run_password_command(cmd),
        (None, Some(p)) => Ok(p.clone()),
        (None, None) => Err(PasswordError::Missing(account.name.clone())),
    }
}

/// Runs a password command (`sh -c`); its first line is the password.
pub fn run_password_command(cmd: &str) -> Result<String, PasswordError> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(PasswordError::Start)?;
    if !out.status.success() {
        return Err(PasswordError::Failed(out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().next().unwrap_or("").to_string();
    if line.is_empty() {
        return Err(PasswordError::Empty);
    }
    Ok(line)
}

/// A client for the account.
pub fn connect(account: &Account, password: &str) -> Box<dyn Remote> {
    let http = Client::default();
    match account.kind {
        Kind::Greader => Box::new(GReader::new(
            http,
            &account.url,
            &account.user,
            password,
            account.token.clone(),
        )),
        Kind::Fever => Box::new(Fever::new(http, &account.url, &account.user, password)),
        Kind::Miniflux => Box::new(Miniflux::new(http, &account.url, &account.user, password)),
    }
}

/// Syncs the accounts (or the one named), each on its own: one failing
/// does not stop the others. A first sync brings read articles of the last
/// `days` days (`[sync] days`; unread and starred ones whatever their age).
/// Renewed tokens are saved to the accounts file.
pub fn sync_accounts(
    accounts: &mut Accounts,
    store: &mut Store,
    only: Option<&str>,
    days: u32,
    progress: &mut dyn FnMut(&str),
) -> Vec<SyncReport> {
    let since = crate::store::now() - i64::from(days) * 86_400;
    let mut reports = Vec::new();
    let mut renewed = Vec::new();
    for account in accounts
        .list
        .iter()
        .filter(|a| only.is_none_or(|n| a.name == n))
    {
        let password = match password(account) {
            Ok(p) => p,
            Err(e) => {
                reports.push(SyncReport {
                    account: account.name.clone(),
                    error: Some(e.to_string()),
                    pending: store.sync_pending_count(Some(&account.name)).unwrap_or(0),
                    ..SyncReport::default()
                });
                continue;
            }
        };
        let mut remote = connect(account, &password);
        let report = sync_account(
            store,
            remote.as_mut(),
            &account.name,
            SyncOptions {
                since,
                progress: &mut *progress,
            },
        );
        if remote.token() != account.token {
            renewed.push((account.name.clone(), remote.token()));
        }
        reports.push(report);
    }
    if !renewed.is_empty() {
        for (name, token) in renewed {
            accounts.set_token(&name, token);
        }
        if let Err(e) = accounts.save() {
            progress(&format!("could not keep the renewed token: {e}"));
        }
    }
    reports
}

/// The accounts file in a config directory.
pub fn accounts_file(config_dir: &Path) -> std::path::PathBuf {
    config_dir.join(super::accounts::FILE_NAME)
}
