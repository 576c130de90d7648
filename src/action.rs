//! What a key can do: the vocabulary of the keymap and the help overlay.

use serde::Deserialize;

/// An action a key or mouse gesture asks for. Its meaning depends on the
/// focused pane where noted.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    PartialOrd,
    Ord,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
    /// Show only unread articles, or all of them again.
    ToggleUnreadView,
    /// Choose a source or tag to show (a popup).
    Sources,
    /// Show the feeds pane (subscriptions by tag, saved searches, imported
    /// sources, with counts), focus it, or close it when it has focus.
    Feeds,
    /// Feeds pane: fold or unfold the selected heading.
    ToggleFold,
    /// Feeds pane: subscribe to a feed (asks for its address).
    AddFeed,
    /// Feeds pane: rename the selected feed or saved search.
    Rename,
    /// Feeds pane: change the selected feed's tags.
    EditTags,
    /// Feeds pane: show why the selected feed's last fetch failed.
    ShowError,
    /// In the ignored articles' list: take the selected one back.
    Unignore,
    /// Save the current search under a name (a saved search).
    SaveSearch,
    /// Type the name of any action and run it (Tab completes).
    CommandLine,
    /// Mark every article in the list as read.
    MarkAllRead,
    /// Remove the selected article from the store.
    RemoveArticle,
    /// Undo the last change to marks or articles.
    Undo,
    /// Fetch every subscription in the background.
    Refresh,
    /// Replace a summary by the full text of the article's web page.
    FullText,
    /// Copy the selected link or article address to the clipboard (OSC 52).
    CopyLink,
    /// Save the open article as Markdown in the download folder.
    SaveArticle,
    /// Send the open article (Markdown) to a command typed in a prompt,
    /// and show what it prints.
    PipeArticle,
    /// Search all articles (type to narrow, Enter to keep, Esc to clear).
    Search,
    /// Scroll the reading pane to the next search match.
    NextMatch,
    /// Scroll the reading pane to the previous search match.
    PrevMatch,
    /// Select and open the next unread article in the list's order (across
    /// sources), marking it read.
    NextUnread,
    /// Select and open the previous unread article, marking it read.
    PrevUnread,
    /// Jump to the first unread article of the next source with unread ones.
    NextFeedUnread,
    /// Jump to the unread articles of the previous source with unread ones.
    PrevFeedUnread,
    /// Jump to the first article new since you last looked (again: the next).
    NextNew,
    /// Sort the list another way: newest, oldest, by source, by title,
    /// unread first.
    CycleOrder,
    /// A digit of a count: the next key is repeated that many times
    /// (`5j`), or goes to that number (`20G`).
    Count,
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
            Action::ToggleUnreadView => "Unread only",
            Action::Sources => "Filter by source or tag",
            Action::Feeds => "Feeds pane",
            Action::ToggleFold => "Fold or unfold a heading",
            Action::AddFeed => "Add a feed",
            Action::Rename => "Rename feed or saved search",
            Action::EditTags => "Change a feed's tags",
            Action::ShowError => "Show a feed's error",
            Action::SaveSearch => "Save this search",
            Action::Unignore => "Take an ignored article back",
            Action::CommandLine => "Command line",
            Action::MarkAllRead => "Mark all in view read",
            Action::RemoveArticle => "Remove article",
            Action::Undo => "Undo",
            Action::Refresh => "Refresh feeds",
            Action::FullText => "Fetch full text",
            Action::CopyLink => "Copy link",
            Action::SaveArticle => "Save the article as Markdown (download folder)",
            Action::PipeArticle => "Pipe the article to a command",
            Action::Search => "Search",
            Action::NextMatch => "Next match in the article",
            Action::PrevMatch => "Previous match in the article",
            Action::NextUnread => "Next unread article (opens it)",
            Action::PrevUnread => "Previous unread article (opens it)",
            Action::NextFeedUnread => "Next feed with unread articles",
            Action::PrevFeedUnread => "Previous feed with unread articles",
            Action::NextNew => "First (then next) article new since you last looked",
            Action::CycleOrder => "Sort: newest, oldest, source, title, unread first",
            Action::Count => "Count: repeat the next key (5j), go to number (20G)",
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
            Action::Refresh => "refresh",
            Action::Search => "search",
            Action::Feeds => "feeds",
            Action::AddFeed => "add",
            Action::Rename => "rename",
            Action::EditTags => "tags",
            Action::ShowError => "error",
            Action::Unignore => "take back",
            Action::MarkAllRead => "mark read",
            Action::RemoveArticle => "remove",
            Action::NextUnread => "next unread",
            Action::PrevUnread => "previous unread",
            Action::NextNew => "new",
            Action::CycleOrder => "sort",
            Action::SaveArticle => "save",
            Action::PipeArticle => "pipe",
            other => other.describe(),
        }
    }

    /// The action's name in the keymap file and on the command line.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Every action a key or the command line can run.
    pub fn all() -> impl Iterator<Item = Action> {
        use strum::IntoEnumIterator;
        Action::iter().filter(|a| *a != Action::None)
    }

    /// The action called `name` (as in the keymap file).
    pub fn named(name: &str) -> Option<Action> {
        Action::all().find(|a| a.name() == name)
    }
}
