//! The command line's definition: every command and option, with the help
//! text clap shows (and the man page and completions are made from).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{export, shell};

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
        /// Tags (repeat, or separate with commas); with --account, the
        /// server's folders
        #[arg(long, value_delimiter = ',')]
        tag: Vec<String>,
        /// Subscribe on this feed-server account instead (see `edicola account list`)
        #[arg(long)]
        account: Option<String>,
    },
    /// List subscriptions with their last fetch status
    Feeds {
        /// Print JSON
        #[arg(long)]
        json: bool,
        /// Print the subscriptions as OPML (import them elsewhere, or back with `import`)
        #[arg(long, conflicts_with = "json")]
        opml: bool,
        /// List this feed-server account's subscriptions instead (as the last sync left them)
        #[arg(long, conflicts_with = "opml")]
        account: Option<String>,
    },
    /// Unsubscribe from a feed (by URL or its number in `edicola feeds`)
    Remove {
        /// The feed's URL or number (with --account: its URL or the server's id)
        feed: String,
        /// Unsubscribe on this feed-server account instead
        #[arg(long)]
        account: Option<String>,
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
    /// Mark an article read by id (or unread with --unread), as the reader
    /// does; on a synced article the mark goes up at the next sync
    MarkRead {
        /// The article's id, or a unique prefix of it
        id: String,
        /// Mark it unread instead
        #[arg(long)]
        unread: bool,
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
    /// Feed-server accounts (Google Reader API, Fever, Miniflux) that
    /// `edicola sync` and the reader's refresh sync with
    Account {
        #[command(subcommand)]
        action: AccountCommand,
    },
    /// Sync with the feed-server accounts: articles and marks down, marks
    /// made here up (exit 1 when an account failed; the others still sync)
    Sync {
        /// Only this account
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        /// Print a JSON summary per account
        #[arg(long)]
        json: bool,
    },
}

/// What `edicola account` does.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add an account (the server is asked to check the password). The
    /// password is asked on the terminal, or read from --password-command
    /// or the EDICOLA_PASSWORD environment variable
    Add {
        /// Which API the server speaks
        #[arg(value_enum)]
        kind: crate::sync::accounts::Kind,
        /// The API's address (see the README: e.g. FreshRSS's
        /// https://HOST/api/greader.php, Miniflux's base URL)
        url: String,
        /// User name on the server
        #[arg(long)]
        user: String,
        /// A name for the account (default: the server's host name)
        #[arg(long)]
        name: Option<String>,
        /// A command that prints the password (run at each sync; the
        /// password is then not stored)
        #[arg(long, value_name = "CMD")]
        password_command: Option<String>,
        /// Allow plain HTTP to a host other than this machine (the
        /// password travels unencrypted)
        #[arg(long)]
        insecure_http: bool,
    },
    /// List the accounts and the marks waiting to go up
    List {
        /// Print JSON: name, kind, url, user, insecure_http, pending_marks
        #[arg(long)]
        json: bool,
    },
    /// Remove an account (its articles stay)
    Remove {
        /// The account's name, as `edicola account list` prints it
        name: String,
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
