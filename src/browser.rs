//! Opening a web address in the browser: a graphical one is started and
//! left to run; a terminal one (w3m, lynx) runs in the reader's terminal
//! while the reader waits (see `tui`).

use std::process::{Command, Stdio};

use crate::program::ProgramError;

/// Why an address was not opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BrowserError {
    /// Only http: and https: addresses are handed to a browser.
    #[error("Not a web address: {0}")]
    NotWeb(String),
    #[error(transparent)]
    Program(#[from] ProgramError),
}

/// The platform's way of opening an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Platform {
    MacOs,
    Windows,
    Other,
}

impl Platform {
    fn current() -> Platform {
        if cfg!(target_os = "macos") {
            Platform::MacOs
        } else if cfg!(windows) {
            Platform::Windows
        } else {
            Platform::Other
        }
    }
}

/// Starts the browser on `url`: the given command (the settings' browser,
/// else `$BROWSER`) when there is one, else the platform's opener. `%u` in
/// the command stands for the address.
pub fn open(url: &str, browser_env: Option<String>) -> Result<(), BrowserError> {
    let (program, args) = command_line(url, browser_env.as_deref(), Platform::current())?;
    Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| ProgramError::start(&program, e).into())
}

/// Runs a browser that lives in the terminal on `url` and waits for it to
/// end; the terminal must be the user's meanwhile. Err names the command.
pub fn run_in_terminal(url: &str, browser_env: Option<String>) -> Result<(), BrowserError> {
    let (program, args) = command_line(url, browser_env.as_deref(), Platform::current())?;
    let status = Command::new(&program)
        .args(&args)
        .status()
        .map_err(|e| ProgramError::start(&program, e))?;
    Ok(ProgramError::check(&program, status)?)
}

/// The program and its arguments; the address is always one argument of
/// its own, handed to a program that is not a shell. On Windows that rules
/// out `cmd /C start`, which would read a `&` in a feed's address as the
/// start of another command: `url.dll`'s handler opens it directly.
fn command_line(
    url: &str,
    browser_env: Option<&str>,
    platform: Platform,
) -> Result<(String, Vec<String>), BrowserError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(BrowserError::NotWeb(url.to_string()));
    }
    let (program, args): (String, Vec<String>) = match browser_env.filter(|b| !b.trim().is_empty())
    {
        Some(browser) => {
            let mut parts = browser.split_whitespace().map(str::to_string);
            let program = parts.next().unwrap_or_else(|| "xdg-open".into());
            (program, parts.collect())
        }
        None => match platform {
            Platform::MacOs => ("open".into(), Vec::new()),
            Platform::Windows => (
                "rundll32".into(),
                vec!["url.dll,FileProtocolHandler".into()],
            ),
            Platform::Other => ("xdg-open".into(), Vec::new()),
        },
    };
    Ok((program, with_address(args, url)))
}

/// The arguments with `%u` replaced by the address, or the address added
/// as the last argument when no argument holds `%u`.
fn with_address(mut args: Vec<String>, url: &str) -> Vec<String> {
    if args.iter().any(|a| a.contains("%u")) {
        return args.iter().map(|a| a.replace("%u", url)).collect();
    }
    args.push(url.to_string());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_that_cannot_start_is_named() {
        let url = "https://example.org/";
        let missing = Some("no-such-browser-xyz --new %u".to_string());
        let message = |result: Result<(), BrowserError>| result.map_err(|e| e.to_string());
        assert_eq!(
            message(open(url, missing.clone())),
            Err("no-such-browser-xyz: not found".into())
        );
        assert_eq!(
            message(run_in_terminal(url, missing)),
            Err("no-such-browser-xyz: not found".into())
        );
        #[cfg(unix)]
        assert_eq!(
            message(run_in_terminal(url, Some("false".into()))),
            Err("false: exit 1".into())
        );
        assert_eq!(
            message(open("file:///etc/passwd", None)),
            Err("Not a web address: file:///etc/passwd".into())
        );
    }

    #[test]
    fn an_address_with_shell_characters_is_one_argument_and_no_shell_runs() {
        let url = "https://example.org/a?x=1&calc.exe&y=|whoami";
        for platform in [Platform::Windows, Platform::MacOs, Platform::Other] {
            let (program, args) = command_line(url, None, platform).expect("a web address");
            assert!(
                !["cmd", "cmd.exe", "sh", "bash", "powershell"].contains(&program.as_str()),
                "{platform:?} runs {program}"
            );
            assert_eq!(args.last().map(String::as_str), Some(url), "{platform:?}");
            assert_eq!(args.iter().filter(|a| a.contains('&')).count(), 1);
        }
        let (program, args) = command_line(url, None, Platform::Windows).expect("windows");
        assert_eq!((program.as_str(), args.len()), ("rundll32", 2));
    }

    #[test]
    fn browser_setting_splits_into_program_and_arguments() {
        let (program, args) =
            command_line("https://x.org", Some("firefox --new-tab"), Platform::Other)
                .expect("browser");
        assert_eq!(program, "firefox");
        assert_eq!(args, ["--new-tab", "https://x.org"]);
        let (_, args) = command_line("https://x.org", Some("w3m -N %u -o x"), Platform::Other)
            .expect("placeholder");
        assert_eq!(args, ["-N", "https://x.org", "-o", "x"]);
        assert!(command_line("javascript:alert(1)", None, Platform::Other).is_err());
        assert!(command_line("file:///etc/passwd", None, Platform::Other).is_err());
    }
}
