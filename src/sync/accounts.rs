//! Feed-server accounts: `accounts.toml` in the config directory, private
//! to its owner (mode 0600, refused when others can read it), written
//! atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The accounts file's name in the config directory.
pub const FILE_NAME: &str = "accounts.toml";

/// Which API a server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader...)
    Greader,
    /// Fever API
    Fever,
    /// Miniflux's own REST API
    Miniflux,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Greader => "greader",
            Kind::Fever => "fever",
            Kind::Miniflux => "miniflux",
        }
    }
}

/// One account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    pub kind: Kind,
    pub url: String,
    pub user: String,
    /// Run to get the password (its first line), instead of `password`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Plain HTTP to a host other than this machine, allowed by the user.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure_http: bool,
    /// The server's session token, renewed when it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct FileData {
    #[serde(default, rename = "account")]
    accounts: Vec<Account>,
}

/// Why the accounts file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Parse { path: PathBuf, message: String },
    #[error(
        "{0}: other users can read it, and it holds passwords: it was not used. Run `chmod 600 {0}`",
        path.display()
    )]
    Exposed { path: PathBuf },
}

/// The accounts file, loaded.
#[derive(Debug)]
pub struct Accounts {
    path: PathBuf,
    pub list: Vec<Account>,
}

impl Accounts {
    /// Loads the file (none: no accounts); refuses one others can read.
    pub fn load(path: &Path) -> Result<Accounts, AccountsError> {
        let io = |source| AccountsError::Io {
            path: path.to_path_buf(),
            source,
        };
        let Some(text) = crate::fsutil::read_optional(path).map_err(io)? else {
            return Ok(Accounts {
                path: path.to_path_buf(),
                list: Vec::new(),
            });
        };
        if exposed(path).map_err(io)? {
            return Err(AccountsError::Exposed {
                path: path.to_path_buf(),
            });
        }
        let data: FileData = toml::from_str(&text).map_err(|e| AccountsError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        Ok(Accounts {
            path: path.to_path_buf(),
            list: data.accounts,
        })
    }

    pub fn find(&self, name: &str) -> Option<&Account> {
        self.list.iter().find(|a| a.name == name)
    }

    /// A name for a new account on `host` not taken yet.
    pub fn free_name(&self, host: &str) -> String {
        let mut name = host.to_string();
        let mut n = 1;
        while self.find(&name).is_some() {
            n += 1;
            name = format!("{host}-{n}");
        }
        name
    }

    /// Keeps a renewed token of an account.
    pub fn set_token(&mut self, name: &str, token: Option<String>) {
        if let Some(a) = self.list.iter_mut().find(|a| a.name == name) {
            a.token = token;
        }
    }

    /// Writes the file atomically, readable by its owner only.
    pub fn save(&self) -> Result<(), AccountsError> {
        let data = FileData {
            accounts: self.list.clone(),
        };
        let text = toml::to_string(&data).map_err(|e| AccountsError::Parse {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        let header =
            "# Feed-server accounts (edicola account add/list/remove). Keep private: mode 0600.\n";
        crate::fsutil::write_atomic_as(
            &self.path,
            format!("{header}{text}").as_bytes(),
            Some(0o600),
        )
        .map_err(|source| AccountsError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

#[cfg(unix)]
fn exposed(path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn exposed(_path: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Why a server address is refused.
#[derive(Debug, thiserror::Error)]
pub enum AddressError {
    #[error("{raw}: not an address ({source})")]
    NotAnAddress {
        raw: String,
        source: url::ParseError,
    },
    #[error(
        "{0}: plain HTTP would send the password unencrypted; use https://, \
         or --insecure-http if you accept that"
    )]
    PlainHttp(String),
    #[error("{raw}: {scheme}: is not HTTP(S)")]
    NotHttp { raw: String, scheme: String },
    #[error("{0}: no host")]
    NoHost(String),
}

/// Checks a server address: HTTPS, or plain HTTP to this machine, or
/// plain HTTP the user allowed. Returns it without a trailing `/`.
pub fn check_url(raw: &str, insecure_http: bool) -> Result<String, AddressError> {
    let url = url::Url::parse(raw.trim()).map_err(|source| AddressError::NotAnAddress {
        raw: raw.to_string(),
        source,
    })?;
    match url.scheme() {
        "https" => {}
        "http" if insecure_http || is_loopback(&url) => {}
        "http" => return Err(AddressError::PlainHttp(raw.to_string())),
        other => {
            return Err(AddressError::NotHttp {
                raw: raw.to_string(),
                scheme: other.to_string(),
            });
        }
    }
    if url.host_str().is_none() {
        return Err(AddressError::NoHost(raw.to_string()));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// The address is on this machine.
pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_or_loopback_or_allowed() {
        assert_eq!(
            check_url("https://rss.example/api/greader.php/", false).ok(),
            Some("https://rss.example/api/greader.php".to_string())
        );
        assert!(check_url("http://127.0.0.1:8080/", false).is_ok());
        assert!(check_url("http://[::1]/", false).is_ok());
        assert!(check_url("http://localhost/", false).is_ok());
        assert!(matches!(
            check_url("http://rss.example/", false),
            Err(AddressError::PlainHttp(_))
        ));
        assert!(check_url("http://rss.example/", true).is_ok());
        assert!(matches!(
            check_url("ftp://rss.example/", true),
            Err(AddressError::NotHttp { .. })
        ));
    }

    #[test]
    #[cfg(unix)]
    fn saved_private_and_refused_when_exposed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE_NAME);
        let mut accounts = Accounts::load(&path).expect("none yet");
        accounts.list.push(Account {
            name: "home".into(),
            kind: Kind::Fever,
            url: "https://rss.example/fever/".into(),
            user: "me".into(),
            password_command: None,
            password: Some("secret".into()),
            insecure_http: false,
            token: None,
        });
        accounts.save().expect("save");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(Accounts::load(&path).expect("load").list, accounts.list);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let e = Accounts::load(&path).expect_err("exposed").to_string();
        assert!(e.contains("chmod 600"), "{e}");
    }
}
