//! The user's commands from config.toml: `notify_command`, run when a
//! refresh brings new articles (the summary, `12 new articles in 3 feeds`,
//! as its last argument, the new articles' titles on its stdin, one per
//! line), and `bookmark_command`, run on a new bookmark (its address, title
//! and source as arguments). No shell; bounded in time; output not read.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{JobEvent, Reporter};
use crate::program::ProgramError;

/// How long the command may run before it is killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Runs the notify command and reports a failure (success is silent).
pub fn run_and_report(argv: &[String], message: &str, titles: &[String], reporter: &Reporter) {
    if let Err(e) = run(argv, message, titles, TIME_LIMIT) {
        let _ = reporter.send(JobEvent::CommandFailed(format!(
            "Notify command failed: {e}"
        )));
    }
}

/// Runs the bookmark command on an article and reports a failure.
pub fn bookmark_and_report(argv: &[String], article: [String; 3], reporter: &Reporter) {
    if let Err(e) = run_with(argv, &article, &[], TIME_LIMIT) {
        let _ = reporter.send(JobEvent::CommandFailed(format!(
            "Bookmark command failed: {e}"
        )));
    }
}

/// Runs `argv` with `message` added and `titles` on stdin, waiting at most
/// `time`. Err names the command and what went wrong.
pub fn run(
    argv: &[String],
    message: &str,
    titles: &[String],
    time: Duration,
) -> Result<(), ProgramError> {
    run_with(argv, &[message.to_string()], titles, time)
}

/// Runs `argv` with `extra` arguments and `lines` on stdin.
pub fn run_with(
    argv: &[String],
    extra: &[String],
    lines: &[String],
    time: Duration,
) -> Result<(), ProgramError> {
    let Some((program, args)) = argv.split_first() else {
        return Ok(());
    };
    let mut child = Command::new(program)
        .args(args)
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ProgramError::start(program, e))?;
    let mut input = lines.join("\n");
    if !input.is_empty() {
        input.push('\n');
    }
    if let Some(mut stdin) = child.stdin.take() {
        // A command that does not read its input must not block the wait.
        std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
    }
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return ProgramError::check(program, status),
            Ok(None) if started.elapsed() >= time => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ProgramError::TimedOut {
                    program: program.to_string(),
                    time,
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(ProgramError::wait(program, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[cfg(unix)]
    #[test]
    fn the_command_gets_the_message_and_the_titles() {
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("out");
        let script = format!("cat > {}; echo \"$0\" >> {}", out.display(), out.display());
        let argv = vec!["sh".to_string(), "-c".to_string(), script];
        let titles = vec!["One".to_string(), "Two".to_string()];
        run(&argv, "2 new articles in 1 feed", &titles, TIME_LIMIT).expect("runs");
        let got = std::fs::read_to_string(&out).expect("written");
        assert_eq!(got, "One\nTwo\n2 new articles in 1 feed\n");
    }

    #[cfg(unix)]
    #[test]
    fn the_bookmark_command_gets_three_arguments() {
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("out");
        let script = format!("printf '%s|' \"$@\" > {}", out.display());
        let argv = vec!["sh".to_string(), "-c".to_string(), script, "sh".to_string()];
        let article = [
            "https://a.example/x".to_string(),
            "A title; rm -rf".to_string(),
            "Wire".to_string(),
        ];
        run_with(&argv, &article, &[], TIME_LIMIT).expect("runs");
        let got = std::fs::read_to_string(&out).expect("written");
        assert_eq!(got, "https://a.example/x|A title; rm -rf|Wire|");
    }

    #[cfg(unix)]
    #[test]
    fn failures_name_the_command() {
        let message = |r: Result<(), ProgramError>| r.map_err(|e| e.to_string());
        assert_eq!(
            message(run(&words("no-such-notifier-x"), "m", &[], TIME_LIMIT)),
            Err("no-such-notifier-x: not found".to_string())
        );
        assert_eq!(
            run(&words("false"), "m", &[], TIME_LIMIT),
            Err(ProgramError::Exit {
                program: "false".into(),
                code: 1
            })
        );
        let slow = run_with(&words("sleep 5"), &[], &[], Duration::from_millis(200));
        assert_eq!(message(slow), Err("sleep: stopped after 200ms".to_string()));
    }
}
