//! Opening a web address in the system browser, without waiting for it.

use std::process::{Command, Stdio};

/// Starts the browser on `url`: `$BROWSER` when set, else the platform's
/// opener. Returns a message for the status bar when it cannot.
pub fn open(url: &str, browser_env: Option<String>) -> Result<(), String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(format!("Not a web address: {url}"));
    }
    let mut command = match browser_env.filter(|b| !b.trim().is_empty()) {
        Some(browser) => {
            let mut parts = browser.split_whitespace();
            let program = parts.next().unwrap_or("xdg-open");
            let mut c = Command::new(program);
            c.args(parts);
            c
        }
        None if cfg!(target_os = "macos") => Command::new("open"),
        None if cfg!(windows) => {
            let mut c = Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        }
        None => Command::new("xdg-open"),
    };
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| format!("Cannot start the browser: {e}"))
}
