//! What a key can do: the vocabulary of the keymap and the help overlay.

use serde::Deserialize;

/// An action a key or mouse gesture asks for. Its meaning depends on the
/// focused pane where noted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Next article, next sidebar entry, or scroll the text down a line.
    MoveDown,
    /// Previous article, previous sidebar entry, or scroll the text up a line.
    MoveUp,
    /// Down by a page.
    PageDown,
    /// Up by a page.
    PageUp,
    /// Scroll the reading pane down a page, whichever pane has focus.
    ReaderPageDown,
    /// Scroll the reading pane up a page, whichever pane has focus.
    ReaderPageUp,
    /// Jump to the top.
    Top,
    /// Jump to the bottom.
    Bottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus the pane to the left.
    FocusLeft,
    /// Focus the pane to the right.
    FocusRight,
    /// Open the selected article or sidebar entry.
    Open,
    /// Open the selected entry's or article's web page in the browser.
    OpenInBrowser,
    /// Bookmark or unbookmark the selected article.
    ToggleBookmark,
    /// Show only bookmarked articles, or all of them again.
    ToggleBookmarksView,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Show the keys.
    Help,
    /// Close the overlay.
    Close,
    /// Quit Edicola.
    Quit,
    /// Nothing: binds a key to no action, to unbind a default.
    None,
}

impl Action {
    /// The one-line description shown in the help overlay and hints.
    pub fn describe(self) -> &'static str {
        match self {
            Action::MoveDown => "Move down",
            Action::MoveUp => "Move up",
            Action::PageDown => "Page down",
            Action::PageUp => "Page up",
            Action::ReaderPageDown => "Scroll the article down a page",
            Action::ReaderPageUp => "Scroll the article up a page",
            Action::Top => "Go to top",
            Action::Bottom => "Go to bottom",
            Action::FocusNext => "Next pane",
            Action::FocusPrev => "Previous pane",
            Action::FocusLeft => "Pane to the left",
            Action::FocusRight => "Pane to the right",
            Action::Open => "Open",
            Action::OpenInBrowser => "Open in browser",
            Action::ToggleBookmark => "Bookmark",
            Action::ToggleBookmarksView => "Bookmarks only",
            Action::ToggleRead => "Read/unread",
            Action::Help => "Help",
            Action::Close => "Close",
            Action::Quit => "Quit",
            Action::None => "Nothing",
        }
    }

    /// A short word for the status-bar hints.
    pub fn hint(self) -> &'static str {
        match self {
            Action::ToggleBookmark => "bookmark",
            Action::ToggleBookmarksView => "bookmarks",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Open => "open",
            Action::OpenInBrowser => "browser",
            Action::Close => "close",
            other => other.describe(),
        }
    }
}
