//! Running a command on an article (`|` in the reader): the article's
//! Markdown on its stdin, the first lines of its stdout kept, clean of
//! escape sequences. Bounded: a command that runs too long is killed, and
//! output past a size is not read.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{JobEvent, Reporter};
use crate::program::ProgramError;

/// How long a command may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);
/// The most of a command's output read.
pub const OUTPUT_LIMIT: usize = 256 * 1024;
/// The most lines of output kept to show.
pub const MAX_LINES: usize = 500;

/// What a command printed, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piped {
    pub command: String,
    /// The first lines of stdout (else of stderr), clean.
    pub lines: Vec<String>,
    /// How it ended: "exit 0", "exit 3", "killed after 10 s", …
    pub status: String,
    /// Output was left out (past the size or line limit).
    pub cut: bool,
    pub success: bool,
}

/// Runs `command` with the shell, `input` on its stdin, then reports.
pub fn run_and_report(command: String, input: Vec<u8>, reporter: &Reporter) {
    let result = run(&command, input, TIME_LIMIT, OUTPUT_LIMIT);
    let _ = reporter.send(JobEvent::Piped(result));
}

/// Runs `command` with `sh -c`, bounded by `time` and `max` bytes of
/// output. Err says why it could not start.
pub fn run(
    command: &str,
    input: Vec<u8>,
    time: Duration,
    max: usize,
) -> Result<Piped, ProgramError> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ProgramError::start("sh", e))?;
    let stdin = child.stdin.take();
    // A command that does not read its input must not block us: written
    // on its own thread, which ends when the pipe closes.
    std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&input);
        }
    });
    let read = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(pipe) = pipe {
                let _ = pipe.take(max as u64 + 1).read_to_end(&mut out);
            }
            out
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() >= time => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(ProgramError::wait(command, e)),
        }
    };
    // The command is gone; a child of it may still hold the pipes open,
    // so the readers are waited for only briefly.
    let out = join_within(stdout, Duration::from_millis(500));
    let err = join_within(stderr, Duration::from_millis(500));
    let (shown, mut cut) = match out.is_empty() {
        true => (err, false),
        false => (out, false),
    };
    if shown.len() > max {
        cut = true;
    }
    let text = String::from_utf8_lossy(&shown[..shown.len().min(max)]);
    let mut lines: Vec<String> = clean_lines(&text);
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        cut = true;
    }
    let (status, success) = match status {
        None => (format!("killed after {} s", time.as_secs()), false),
        Some(s) => match s.code() {
            Some(code) => (format!("exit {code}"), s.success()),
            None => ("killed by a signal".to_string(), false),
        },
    };
    Ok(Piped {
        command: command.to_string(),
        lines,
        status,
        cut,
        success,
    })
}

/// Runs `command` with `sh -c` in the foreground, on the terminal, with
/// `input` on its stdin, and waits for it. Err says what went wrong.
pub fn run_in_terminal(command: &str, input: Vec<u8>) -> Result<(), ProgramError> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| ProgramError::start("sh", e))?;
    if let Some(mut stdin) = child.stdin.take() {
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let status = child.wait().map_err(|e| ProgramError::wait(command, e))?;
    ProgramError::check(command, status)
}

fn join_within(handle: std::thread::JoinHandle<Vec<u8>>, wait: Duration) -> Vec<u8> {
    let deadline = Instant::now() + wait;
    while !handle.is_finished() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    if handle.is_finished() {
        handle.join().unwrap_or_default()
    } else {
        Vec::new()
    }
}

/// Output as lines fit to show: escape sequences (colours, titles, the
/// clipboard) removed whole, tabs as spaces, any other control character
/// and bidi override replaced (see `text::controls`).
pub fn clean_lines(text: &str) -> Vec<String> {
    let text = strip_escapes(text);
    text.lines()
        .map(|l| {
            let l = l.replace('\t', "    ");
            crate::text::controls::for_terminal(&l, crate::text::controls::Layout::Line)
                .into_owned()
        })
        .collect()
}

/// `text` without ANSI escape sequences: CSI (`ESC [ … final`), OSC, DCS,
/// APC, PM and SOS strings (to BEL or `ESC \`), and two-character escapes.
pub fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' && c != '\u{9b}' {
            out.push(c);
            continue;
        }
        let kind = if c == '\u{9b}' {
            Some('[')
        } else {
            chars.next()
        };
        match kind {
            Some('[') => {
                // Parameters and intermediates, then one final byte.
                for c in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
            Some(']' | 'P' | '_' | '^' | 'X') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || c == '\u{9c}' {
                        break;
                    }
                    if c == '\u{1b}' && chars.next_if_eq(&'\\').is_some() {
                        break;
                    }
                }
            }
            // `ESC (` and friends take one more character.
            Some('(' | ')' | '*' | '+' | '#' | '%' | ' ') => {
                chars.next();
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_whole_and_other_controls_are_replaced() {
        let text =
            "\u{1b}[1;31mred\u{1b}[0m \u{1b}]52;c;aGk=\u{7}clip\u{1b}]0;t\u{1b}\\ok\u{1b}(B\u{7}!";
        assert_eq!(clean_lines(text), ["red clipok\u{fffd}!"]);
    }
}
