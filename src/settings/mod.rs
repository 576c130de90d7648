//! The settings in `config.toml`: read once at start-up, over the defaults
//! documented in the embedded `assets/config.toml`. Reading never fails:
//! mistakes come back as problems (an unknown key is a warning, a wrong
//! value an error) with the file, line and column, and a file with an error
//! gives the defaults, so the reader always starts.

pub mod dates;
mod read;
mod reader;
pub mod style;

use std::path::{Path, PathBuf};

pub use dates::{DateFormat, Dates, Zone};
pub use style::{Element, StyleSpec, ThemeName};

/// The commented default file: every key with its default value.
pub const DEFAULT_TEXT: &str = include_str!("../../assets/config.toml");

/// The file's name in the config directory.
pub const FILE_NAME: &str = "config.toml";

/// Every setting, with its default when the file leaves it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub theme: Theme,
    pub dates: Dates,
    pub layout: Layout,
    /// Ask y/n before marking everything read.
    pub confirm_mark_all_read: bool,
    /// The browser command, split into words; `%u` in a word stands for
    /// the address. Empty: `$BROWSER`, else the platform's opener.
    pub browser: Vec<String>,
    /// The browser runs in the terminal (the reader steps aside meanwhile).
    pub browser_in_terminal: bool,
    /// Seconds between background refreshes; 0 is off.
    pub refresh_interval: u32,
    /// A command run when a refresh brings new articles, split into words.
    pub notify_command: Vec<String>,
    /// A terminal notification (OSC 9 / OSC 777) for new articles.
    pub notify_osc: bool,
    /// The bell for new articles.
    pub notify_bell: bool,
    /// A command run with an article's address, title and source.
    pub bookmark_command: Vec<String>,
    /// Where saved articles go; None: the user's Downloads folder.
    pub download_dir: Option<PathBuf>,
    /// What `S` saves an article as.
    pub save_format: SaveFormat,
    /// Links as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// Long words of the article's language may break with a hyphen at
    /// the end of a line that would otherwise be very ragged.
    pub hyphenate: bool,
    /// `[sync] days`: how far back a first sync brings read articles.
    pub sync_days: u32,
}

/// The default of `[sync] days`.
pub const SYNC_DAYS: u32 = 30;

/// `[theme]`: a base theme and per-element changes to it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Theme {
    pub name: ThemeName,
    pub overrides: Vec<(Element, StyleSpec)>,
}

/// `[layout]`: the list's columns and the panes' sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub columns: Columns,
    pub list_width: Width,
    pub sidebar_width: Width,
    /// The related sidebar shows beside the article on wide screens.
    pub sidebar: bool,
    /// The reading column's maximum width; 0 is the pane's width.
    pub reading_width: u16,
}

/// Which of the list row's columns show, besides the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub marks: bool,
    pub source: bool,
    pub date: bool,
}

/// A pane's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Width {
    /// The layout's own proportions.
    #[default]
    Auto,
    /// A percentage of the screen's width (1-90).
    Percent(u16),
    /// A number of columns.
    Columns(u16),
}

impl Width {
    /// The width in columns on a screen `total` wide, or `auto` for Auto.
    pub fn resolve(self, total: u16, auto: u16) -> u16 {
        match self {
            Width::Auto => auto,
            Width::Percent(p) => (u32::from(total) * u32::from(p) / 100) as u16,
            Width::Columns(c) => c.min(total),
        }
    }
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            columns: Columns {
                marks: true,
                source: true,
                date: true,
            },
            list_width: Width::Auto,
            sidebar_width: Width::Auto,
            sidebar: true,
            reading_width: 80,
        }
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            theme: Theme::default(),
            dates: Dates::default(),
            layout: Layout::default(),
            confirm_mark_all_read: false,
            browser: Vec::new(),
            browser_in_terminal: false,
            refresh_interval: 0,
            notify_command: Vec::new(),
            notify_osc: false,
            notify_bell: false,
            bookmark_command: Vec::new(),
            download_dir: None,
            save_format: SaveFormat::Markdown,
            hyperlinks: true,
            hyphenate: true,
            sync_days: SYNC_DAYS,
        }
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The key is ignored; the rest of the file holds.
    Warning,
    /// The file is not used: the defaults hold.
    Error,
}

/// A mistake in a settings (or keymap) file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub path: PathBuf,
    pub line: usize,
    /// None when the message names a key rather than a place in a line.
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)?;
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        write!(f, ": {level}: {}", self.message)
    }
}

/// The file format `S` saves articles in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SaveFormat {
    #[default]
    Markdown,
    /// A standalone HTML page.
    Html,
}

impl SaveFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            SaveFormat::Markdown => "md",
            SaveFormat::Html => "html",
        }
    }
}

/// Settings read from a file, with what was wrong in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub settings: Settings,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// True when a problem is an error (the defaults are in use).
    pub fn has_error(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Error)
    }

    /// One line for the status bar, or None when all is well.
    pub fn status_line(&self) -> Option<String> {
        let first = self
            .problems
            .iter()
            .find(|p| p.level == Level::Error)
            .or(self.problems.first())?;
        let mut line = first.to_string();
        if self.problems.len() > 1 {
            let more = self.problems.len() - 1;
            line.push_str(&format!(
                " (and {})",
                crate::text::plural::count(more, "more problem", "more problems")
            ));
        }
        if self.has_error() {
            line.push_str(" · started on the default settings");
        }
        Some(crate::text::controls::without_controls(&line).into_owned())
    }
}

/// Cannot read the file at all (it exists but is unreadable).
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot read: {source}", path.display())]
pub struct ReadError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Reads the settings file at `path`; a missing file gives the defaults.
pub fn load(path: &Path) -> Loaded {
    match crate::fsutil::read_optional(path) {
        Ok(Some(text)) => parse(path, &text),
        Ok(None) => Loaded {
            settings: Settings::default(),
            problems: Vec::new(),
        },
        Err(source) => Loaded {
            settings: Settings::default(),
            problems: vec![Problem {
                level: Level::Error,
                path: path.to_path_buf(),
                line: 1,
                column: None,
                message: format!("cannot read: {source}"),
            }],
        },
    }
}

/// Reads settings from `text` (`path` names the file in problems). With
/// an error among the problems, the settings are the defaults.
pub fn parse(path: &Path, text: &str) -> Loaded {
    let (settings, problems) = read::read(path, text);
    let settings = if problems.iter().any(|p| p.level == Level::Error) {
        Settings::default()
    } else {
        settings
    };
    Loaded { settings, problems }
}

/// The known key closest to a mistyped one, when close enough to be a typo.
pub fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4) && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests;
