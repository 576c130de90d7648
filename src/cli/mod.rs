//! The command line: arguments, commands and exit codes.
//!
//! Exit codes: 0 success; 1 some input could not be used (an import file,
//! an unknown id); 2 the store or a config file is unreadable or corrupt,
//! or the command line is wrong.

mod account;
mod account_subs;
mod args;
mod body;
mod commands;
mod config;
mod export;
mod feeds;
mod ignored;
mod import;
mod index;
mod newsboat;
mod open;
mod output;
mod removal;
mod safe_json;
mod searches;
mod shell;
mod sync;

use std::process::ExitCode;

use clap::Parser;

use crate::config::Paths;

pub use args::{AccountCommand, BookmarksCommand, Cli, Command};

/// Why a command failed, with its exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }

    pub fn fatal(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

/// Warns of the settings file's warnings on stderr; its errors, and a
/// mistake in the keymap, end the command (exit 2), each with its line.
fn settings_usable(paths: &Paths) -> Result<(), Failure> {
    let loaded = crate::settings::load(&paths.settings_file());
    let keymap = crate::keymap::Keymap::load(&paths.keymap_file()).err();
    if loaded.has_error() || keymap.is_some() {
        let lines: Vec<String> = loaded
            .problems
            .iter()
            .map(ToString::to_string)
            .chain(keymap.map(|e| e.as_error()))
            .collect();
        return Err(Failure::fatal(format!(
            "{}\nfix the file, or check it with `edicola config --check`",
            lines.join("\n")
        )));
    }
    for problem in &loaded.problems {
        eprintln!("edicola: {}", output::lines(&problem.to_string()));
    }
    Ok(())
}

/// A command whose output goes into a pipe that closes early
/// (`edicola list | head`) ends quietly, as other Unix tools do, instead of
/// panicking on the failed write. (Sockets are unaffected: the standard
/// library sends with MSG_NOSIGNAL.)
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal before any
    // thread is started; no handler code runs.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Parses the command line, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                // Messages quote file names, addresses and what servers
                // and files said.
                eprintln!("edicola: {}", output::lines(&failure.message));
            }
            ExitCode::from(failure.code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    // Generated from the definition alone: no store or config needed.
    match &cli.command {
        Some(Command::Man) => return shell::man(),
        Some(Command::Completions { shell }) => return shell::print_completions(*shell),
        _ => {}
    }
    let paths = Paths::resolve(cli.data, cli.config).map_err(|e| Failure::fatal(e.to_string()))?;
    let command = cli.command.unwrap_or(Command::Read);
    if !matches!(command, Command::Read) {
        quiet_on_closed_pipe();
    }
    // The reader starts on the defaults and says so; a command stops, so
    // that a mistake in the settings is never silently passed over.
    if !matches!(command, Command::Read | Command::Config { .. }) {
        settings_usable(&paths)?;
    }
    match command {
        Command::Read => commands::read(&paths),
        Command::Import {
            files,
            dry_run,
            json,
            force,
            no_index,
            max_size,
        } => import::import(
            &paths,
            &files,
            import::ImportOptions {
                dry_run,
                json,
                force,
                no_index,
                max_size,
            },
        ),
        Command::Index { rebuild } => index::index(&paths, rebuild),
        Command::List { json } => commands::list(&paths, &crate::store::Filter::all(), json),
        Command::Bookmarks { json, action } => match action {
            None => commands::list(&paths, &crate::store::Filter::bookmarks(), json),
            Some(BookmarksCommand::Export {
                format,
                output,
                force,
            }) => export::bookmarks(&paths, format, &export::Destination { output, force }),
        },
        Command::Export {
            ids,
            format,
            output,
            force,
        } => export::articles(&paths, &ids, format, &export::Destination { output, force }),
        Command::ImportNewsboat {
            urls,
            cache,
            dry_run,
            json,
        } => newsboat::import(
            &paths,
            newsboat::Options {
                urls,
                cache,
                dry_run,
                json,
            },
        ),
        Command::Man => shell::man(),
        Command::Completions { shell } => shell::print_completions(shell),
        Command::Search { query, json, limit } => {
            commands::search(&paths, &query.join(" "), json, limit)
        }
        Command::Searches { json } => searches::list(&paths, json),
        Command::Show { id, json } => commands::show(&paths, &id, json),
        Command::Add {
            url,
            title,
            tag,
            account: Some(account),
        } => account_subs::add(&paths, &account, &url, title, tag),
        Command::Add {
            url, title, tag, ..
        } => feeds::add(&paths, &url, title, tag),
        Command::Feeds {
            json,
            account: Some(account),
            ..
        } => account_subs::list(&paths, &account, json),
        Command::Feeds { json, opml, .. } => feeds::list(&paths, json, opml),
        Command::Remove {
            feed,
            account: Some(account),
        } => account_subs::remove(&paths, &account, &feed),
        Command::Remove { feed, .. } => feeds::remove(&paths, &feed),
        Command::Fetch { force } => feeds::fetch_all(&paths, force),
        Command::Bookmark { id, off } => commands::bookmark(&paths, &id, !off),
        Command::MarkRead { id, unread } => commands::mark_read(&paths, &id, !unread),
        Command::RemoveArticle { id, json } => removal::remove_article(&paths, &id, json),
        Command::Ignored { json } => ignored::list(&paths, json),
        Command::Unignore { id } => ignored::unignore(&paths, &id),
        Command::Account { action } => match action {
            AccountCommand::Add {
                kind,
                url,
                user,
                name,
                password_command,
                insecure_http,
            } => account::add(
                &paths,
                account::NewAccount {
                    kind,
                    url,
                    user,
                    name,
                    password_command,
                    insecure_http,
                },
            ),
            AccountCommand::List { json } => account::list(&paths, json),
            AccountCommand::Remove { name } => account::remove(&paths, &name),
        },
        Command::Sync { account, json } => sync::sync(&paths, account.as_deref(), json),
        Command::Config {
            default,
            path,
            check: _,
        } => config::config(
            &paths,
            match (default, path) {
                (true, _) => config::What::Default,
                (_, true) => config::What::Path,
                _ => config::What::Check,
            },
        ),
    }
}
