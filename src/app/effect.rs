//! What the app asks of the world outside it (`Effect`, carried out by the
//! event loop) and the background work it shows as running.

/// Work the event loop does on the app's behalf (I/O outside the UI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    OpenUrl(String),
    /// Copy text to the terminal's clipboard (OSC 52).
    Copy(String),
    /// Fetch every subscription in the background.
    Refresh,
    /// Fetch an article's page and extract its full text.
    FullText {
        id: String,
        url: String,
    },
    /// Save an article (Markdown or HTML) as a new file named after it.
    SaveArticle {
        name: String,
        content: String,
    },
    /// Run a command with an article's Markdown on its stdin.
    Pipe {
        command: String,
        markdown: String,
    },
    /// Tell the user that new articles arrived, as the settings ask (the
    /// notify command, a terminal notification, the bell).
    Notify {
        message: String,
        titles: Vec<String>,
    },
    /// Run a command that uses the terminal with an article's Markdown on
    /// its stdin, the reader stepping aside meanwhile.
    PipeInTerminal {
        command: String,
        markdown: String,
    },
    /// Run the bookmark command on an article: address, title, source.
    BookmarkCommand([String; 3]),
}

/// Background work in progress, for the status bar. Each kind has its own
/// field, so that one finishing never hides another's progress.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Running {
    /// A refresh, with its progress line.
    pub refresh: Option<String>,
    /// The title of the article whose full text is being fetched.
    pub full_text: Option<String>,
    /// The search index build: (done, total) queued articles.
    pub indexing: Option<(usize, usize)>,
}

impl Running {
    /// What is running, for the status bar ("" when nothing is).
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.refresh.clone());
        if let Some(title) = &self.full_text {
            parts.push(format!("Fetching the full text of “{title}”…"));
        }
        if let Some((done, total)) = self.indexing {
            parts.push(format!(
                "Building the search index: {}% ({done}/{total})",
                done * 100 / total.max(1)
            ));
        }
        parts.join(" · ")
    }
}
