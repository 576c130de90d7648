//! The command line: arguments, commands and exit codes.
//!
//! Exit codes: 0 success; 1 some input could not be used (an import file,
//! an unknown id); 2 the store or a config file is unreadable or corrupt,
//! or the command line is wrong.

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

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Paths;

#[derive(Debug, Parser)]
#[command(
    name = "edicola",
    version,
    about = "A terminal news reader with a related-articles sidebar",
    long_about = "A terminal news reader with a related-articles sidebar.\n\n\
        Run without a command to open the reader. Until you import articles of your own, \
        it shows two built-in sample articles.\n\n\
        Files: the store is edicola.db in the data directory; settings are in config.toml \
        in the config directory (`edicola config --default` shows them all), keys can be \
        changed in keymap.toml there, and articles to keep out listed in ignore.toml."
)]
pub struct Cli {
    /// Data directory (the article store)
    #[arg(long, global = true, env = "EDICOLA_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Config directory (config.toml, keymap.toml)
    #[arg(long, global = true, env = "EDICOLA_CONFIG", value_name = "DIR")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the reader (the default when no command is given)
    Read,
    /// Import feeds, web pages, text copies of pages ("select all" + "copy") and OPML:
    /// files, folders (recursively) or URLs
    Import {
        /// Files to import
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Parse and print, but store nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the imported articles as JSON
        #[arg(long)]
        json: bool,
        /// Read files again even when unchanged since they were last imported
        #[arg(long)]
        force: bool,
        /// Store the articles and leave the search index to catch up later
        /// (the reader builds it in the background; or run `edicola index`)
        #[arg(long)]
        no_index: bool,
        /// Refuse files larger than this (e.g. 200M, 1G); URLs are capped
        /// at 20 MB
        #[arg(long, value_name = "SIZE", default_value = "64M",
              value_parser = crate::ingest::parse_size)]
        max_size: u64,
    },
    /// Build the search index now (imports and the reader otherwise build it
    /// as articles arrive)
    Index {
        /// Empty the index and build it again from every article
        #[arg(long)]
        rebuild: bool,
    },
    /// Subscribe to a feed; given a web page, to the feed it advertises
    Add {
        /// The feed's (or the page's) address
        url: String,
        /// A title of your own for it
        #[arg(long)]
        title: Option<String>,
        /// Tags (repeat, or separate with commas)
        #[arg(long, value_delimiter = ',')]
        tag: Vec<String>,
    },
    /// List subscriptions with their last fetch status
    Feeds {
        /// Print JSON
        #[arg(long)]
        json: bool,
        /// Print the subscriptions as OPML (import them elsewhere, or back with `import`)
        #[arg(long, conflicts_with = "json")]
        opml: bool,
    },
    /// Unsubscribe from a feed (by URL or its number in `edicola feeds`)
    Remove {
        /// The feed's URL or number
        feed: String,
    },
    /// Fetch every subscription over HTTP(S)
    Fetch {
        /// Also fetch feeds whose min_interval has not passed
        #[arg(long)]
        force: bool,
    },
    /// List the articles, newest first
    List {
        /// Print JSON: a list of articles with id, title, source, published, marks
        #[arg(long)]
        json: bool,
    },
    /// Show one article by id (or a unique prefix of its id)
    Show {
        /// The article's id, as `edicola list` prints it
        id: String,
        /// Print JSON with the body, related entries and links
        #[arg(long)]
        json: bool,
    },
    /// Bookmark an article by id (or remove its bookmark with --off)
    Bookmark {
        /// The article's id, or a unique prefix of it
        id: String,
        /// Remove the bookmark instead
        #[arg(long)]
        off: bool,
    },
    /// Remove an article by id (or a unique prefix of its id), as `d` does in
    /// the reader: fetches and imports do not bring it back
    RemoveArticle {
        /// The article's id, or a unique prefix of it
        id: String,
        /// Print JSON: the removed article's id and title
        #[arg(long)]
        json: bool,
    },
    /// Search all articles, best match first: words (accents and case do not
    /// matter; Chinese, Japanese, Korean, Thai: any run of characters),
    /// "exact phrases", -excluded words, source:NAME, tag:NAME and
    /// author:NAME (the start of a word of the name: source:bbc,
    /// source:"BBC News"), title:WORD or title:"a phrase" (in the title
    /// only), is:unread, is:bookmarked. An unknown filter or an unclosed
    /// quote exits with 2
    Search {
        /// The query (several words are one query)
        #[arg(required = true)]
        query: Vec<String>,
        /// Print JSON, like `list --json`
        #[arg(long)]
        json: bool,
        /// How many results at most (stderr says how many there are when
        /// there are more)
        #[arg(long, default_value_t = 50, value_name = "N")]
        limit: usize,
    },
    /// List the saved searches (searches.toml in the config directory) with
    /// their unread and total counts
    Searches {
        /// Print JSON: name, query, unread, total
        #[arg(long)]
        json: bool,
    },
    /// List the bookmarked articles, newest first (or export them)
    #[command(args_conflicts_with_subcommands = true)]
    Bookmarks {
        /// Print JSON, like `list --json`
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<BookmarksCommand>,
    },
    /// Export articles by id (or a unique prefix) as Markdown, text, JSON
    /// or a standalone HTML page, to stdout or a new file
    Export {
        /// The articles' ids, as `edicola list` prints them
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: export::ArticleFormat,
        /// Write to this file instead of stdout (never replaced without --force)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Bring subscriptions, saved queries, articles, read state and flags
    /// from newsboat (its files are only read)
    ImportNewsboat {
        /// newsboat's urls file (default: ~/.newsboat/urls, else
        /// ~/.config/newsboat/urls)
        #[arg(long, value_name = "FILE")]
        urls: Option<PathBuf>,
        /// newsboat's cache (default: ~/.newsboat/cache.db, else
        /// ~/.local/share/newsboat/cache.db)
        #[arg(long, value_name = "FILE")]
        cache: Option<PathBuf>,
        /// Say what would be imported, and change nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the summary as JSON
        #[arg(long)]
        json: bool,
    },
    /// Print the manual page (roff): `edicola man | man -l -`
    Man,
    /// Print a shell completion script (see the README to install it)
    Completions {
        #[arg(value_enum)]
        shell: shell::Shell,
    },
    /// List the articles ignore rules (ignore.toml in the config directory)
    /// kept out, newest first, with the rule that matched each
    Ignored {
        /// Print JSON: id, title, source, published, rule, ignored_at
        #[arg(long)]
        json: bool,
    },
    /// The settings file (config.toml): print the default one, say where
    /// yours goes, or check yours and the keymap (exit 2 on an error)
    #[command(group(clap::ArgGroup::new("what").required(true)))]
    Config {
        /// Print the default settings, every key commented
        #[arg(long, group = "what")]
        default: bool,
        /// Print where your config.toml goes
        #[arg(long, group = "what")]
        path: bool,
        /// Check your config.toml and keymap.toml
        #[arg(long, group = "what")]
        check: bool,
    },
    /// Bring an ignored article back into the list; no rule ignores it again
    Unignore {
        /// The article's id, as `edicola ignored` prints it (or a unique prefix)
        id: String,
    },
}

/// What `edicola bookmarks` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// Export the bookmarks as Markdown, JSON or a browser bookmarks file
    /// (Netscape format, which Firefox and Chrome import)
    Export {
        #[arg(long, value_enum, default_value = "md")]
        format: export::BookmarksFormat,
        /// Write to this file instead of stdout (never replaced without --force)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
}

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

/// Warns of the settings file's warnings on stderr; its errors end the
/// command (exit 2), each with its line and column.
fn settings_usable(paths: &Paths) -> Result<(), Failure> {
    let loaded = crate::settings::load(&paths.settings_file());
    if loaded.has_error() {
        let lines: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        return Err(Failure::fatal(format!(
            "{}\nfix the settings file, or check it with `edicola config --check`",
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
        Command::Add { url, title, tag } => feeds::add(&paths, &url, title, tag),
        Command::Feeds { json, opml } => feeds::list(&paths, json, opml),
        Command::Remove { feed } => feeds::remove(&paths, &feed),
        Command::Fetch { force } => feeds::fetch_all(&paths, force),
        Command::Bookmark { id, off } => commands::bookmark(&paths, &id, !off),
        Command::RemoveArticle { id, json } => removal::remove_article(&paths, &id, json),
        Command::Ignored { json } => ignored::list(&paths, json),
        Command::Unignore { id } => ignored::unignore(&paths, &id),
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
