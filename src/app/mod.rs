//! Application state and its update function. All state changes go through
//! `App::update` (keys) or `App::on_mouse`; drawing only reads `App`.

mod auto;
mod count;
mod edit;
mod effect;
pub mod feeds;
pub mod fresh;
pub mod input;
pub mod layout;
pub mod list;
pub mod lookup;
mod mouse;
mod nav;
mod opening;
mod outside;
pub mod prefs;
pub mod prompt;
mod ranks;
pub mod reading;
mod removal;
mod saving;
mod search;
pub mod sidebar;
mod sizing;
pub mod stops;
mod unread;

use std::collections::HashMap;
use std::rc::Rc;

use ratatui::layout::Rect;

use crate::action::Action;
pub use crate::jobs::JobEvent;
use crate::keymap::{Context, Keymap};
use crate::model::Article;
use crate::store::{Filter, Store, StoreError};
pub use edit::{SourceEntry, Undo};
pub use effect::{Effect, Running};
use layout::Panes;
use list::ListWindow;
use reading::ReadLine;
use sidebar::{SideItem, SideLine};

/// The pane that has keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
    Sidebar,
    /// The feeds pane (only while it is open).
    Feeds,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Blurb {
        item: SideItem,
    },
    Sources {
        entries: Vec<SourceEntry>,
        selected: usize,
    },
    /// Articles ignore rules kept out, with the rule of each.
    Ignored {
        rows: Vec<crate::store::IgnoredSummary>,
        selected: usize,
    },
    /// What a command the article was piped to printed.
    Output {
        piped: crate::jobs::pipe::Piped,
        scroll: usize,
    },
}

/// How a status message is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Error,
}

/// The article in the reading pane, with its layout and sidebar.
#[derive(Debug)]
pub struct Opened {
    pub article: Article,
    pub bookmarked: bool,
    pub read: bool,
    pub lines: Rc<Vec<ReadLine>>,
    pub scroll: usize,
    pub items: Vec<SideItem>,
    /// Which opening of an article this is: lookups answered for an
    /// earlier one are dropped.
    pub opening: u64,
    /// True once the sidebar's lookups were asked for (see `lookup`).
    pub lookups_sent: bool,
    /// False until the page's entries and the links were matched to stored
    /// articles (when idle).
    pub stored_loaded: bool,
    /// False until "similar in your store" was computed (when idle).
    pub similar_loaded: bool,
    pub side_lines: Vec<SideLine>,
    pub side_selected: usize,
    pub side_scroll: usize,
}

/// Everything the screen shows.
pub struct App {
    store: Store,
    pub keymap: Keymap,
    pub focus: Focus,
    pub list: ListWindow,
    pub opened: Option<Opened>,
    pub overlay: Option<Overlay>,
    pub status: Option<(String, Severity)>,
    /// True while the store holds only the built-in sample articles.
    pub samples: bool,
    /// False when changes cannot be saved (the data directory cannot be
    /// written and the store lives in memory): messages never claim a save.
    pub saving: bool,
    pub area: Rect,
    pub quit: bool,
    /// The search being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// A question in the status bar (command line, names, confirmations).
    pub input: Option<input::Input>,
    /// The feeds pane, while it is open.
    pub feeds: Option<feeds::FeedsPane>,
    /// The list's title when the feeds pane chose what it shows, with the
    /// filter it chose (the title holds while the list shows that).
    pub shown: Option<(String, Filter)>,
    /// The config files the feeds pane reads and edits.
    config_files: Option<crate::jobs::ConfigFiles>,
    feeds_worker: Option<crate::jobs::FeedsWorker>,
    /// The feeds pane's last data, while it is closed.
    feeds_seen: Option<std::sync::Arc<crate::jobs::FeedsData>>,
    /// Folded search terms to highlight in the reading pane.
    pub highlight: Vec<String>,
    /// Background work in progress, each kind with its own state.
    pub running: Running,
    /// True while the status message reports a job's result (another
    /// job's result is then added to it, not put in its place).
    status_from_job: bool,
    search: search::Searching,
    sampling: ranks::Sampling,
    undo: Vec<Undo>,
    saving_queue: saving::Saving,
    wrap_cache: HashMap<(String, usize), Rc<Vec<ReadLine>>>,
    openings: u64,
    /// Digits typed before a key (`5j`), while it waits for the key.
    pub count: Option<usize>,
    /// Articles new since the user last looked.
    pub fresh: fresh::Fresh,
    /// Where the user stopped in each article.
    pub stops: stops::Stops,
    /// The settings from config.toml (see `prefs`).
    pub settings: crate::settings::Settings,
    /// Marks made here waiting to go up to feed servers (the status bar
    /// shows them): counted at start, after each change of marks and after
    /// a sync.
    pub waiting_marks: usize,
    /// The time dates are shown relative to (Unix seconds), set by the
    /// event loop before it draws.
    pub now: i64,
    /// When the status message was shown (info messages go after a while).
    status_at: Option<std::time::Instant>,
    /// When the next background refresh is due (`auto`).
    auto: auto::AutoRefresh,
    /// Effects that job events asked for, carried out by the event loop.
    effects: Vec<Effect>,
}

impl App {
    /// Builds the app over an open store, sized for `area`.
    pub fn new(store: Store, keymap: Keymap, samples: bool, area: Rect) -> Result<App, StoreError> {
        let mut app = App {
            store,
            keymap,
            focus: Focus::List,
            list: ListWindow::default(),
            opened: None,
            overlay: None,
            status: None,
            samples,
            saving: true,
            area,
            quit: false,
            prompt: None,
            input: None,
            feeds: None,
            shown: None,
            config_files: None,
            feeds_worker: None,
            feeds_seen: None,
            highlight: Vec::new(),
            running: Running::default(),
            status_from_job: false,
            search: search::Searching::default(),
            sampling: ranks::Sampling::default(),
            undo: Vec::new(),
            saving_queue: saving::Saving::default(),
            wrap_cache: HashMap::new(),
            openings: 0,
            count: None,
            fresh: fresh::Fresh::default(),
            stops: stops::Stops::default(),
            settings: crate::settings::Settings::default(),
            waiting_marks: 0,
            now: chrono::Utc::now().timestamp(),
            status_at: None,
            auto: auto::AutoRefresh::default(),
            effects: Vec::new(),
        };
        app.load_fresh()?;
        app.load_stops()?;
        app.waiting_marks = app.store.sync_pending_count(None)?;
        let height = app.list_height();
        app.list.reload(&app.store, height)?;
        app.open_selected()?;
        Ok(app)
    }

    /// Shows a message in the status bar until the next one.
    pub fn notify(&mut self, severity: Severity, message: impl Into<String>) {
        self.status = Some((message.into(), severity));
        self.status_from_job = false;
        self.status_at = Some(std::time::Instant::now());
    }

    /// Shows the result of background work: added to another job's result
    /// still shown, so that two finishing close together are both seen.
    pub fn report(&mut self, severity: Severity, message: impl Into<String>) {
        let message = message.into();
        self.status = match self.status.take() {
            Some((before, was)) if self.status_from_job => {
                let severity = if was == Severity::Error {
                    was
                } else {
                    severity
                };
                Some((format!("{message} · {before}"), severity))
            }
            _ => Some((message, severity)),
        };
        self.status_from_job = true;
        self.status_at = Some(std::time::Instant::now());
    }

    /// The panes for the current size and focus.
    pub fn panes(&self) -> Panes {
        layout::panes_in(
            self.area,
            self.focus,
            self.feeds.is_some(),
            &self.settings.layout,
        )
    }

    /// Where the feeds pane reads and saves subscriptions and searches.
    pub fn set_config_files(&mut self, files: crate::jobs::ConfigFiles) {
        self.config_files = Some(files);
    }

    /// Where the feeds pane reads and saves its files.
    pub fn config_files(&self) -> Option<&crate::jobs::ConfigFiles> {
        self.config_files.as_ref()
    }

    /// Hands the feeds pane's work to its thread, which reads the pane's
    /// counts at once: the first `s` then shows them without waiting.
    pub fn set_feeds_worker(&mut self, worker: crate::jobs::FeedsWorker) {
        if self.feeds.is_none() && self.feeds_seen.is_none() {
            // A refused request only means the thread is gone: the pane
            // then reads its data here when it opens.
            let _ = worker.ask(crate::jobs::FeedsRequest::Load);
        }
        self.feeds_worker = Some(worker);
    }

    /// True while a key goes to typed text (the search prompt or a
    /// question) rather than the keymap.
    pub fn typing(&self) -> bool {
        self.prompt.is_some() || self.input.is_some()
    }

    /// A key while typing; the effect of a command it ran, if any.
    pub fn text_key(&mut self, key: &ratatui::crossterm::event::KeyEvent) -> Option<Effect> {
        if self.input.is_some() {
            self.input_key(key)
        } else {
            self.prompt_key(key);
            None
        }
    }

    /// The keymap context for the current focus and overlay.
    pub fn context(&self) -> Context {
        if self.overlay.is_some() {
            return Context::Overlay;
        }
        match self.focus {
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
            Focus::Sidebar => Context::Sidebar,
            Focus::Feeds => Context::Feeds,
        }
    }

    /// Applies an action. Store failures are shown, never lost.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        match self.apply(action) {
            Ok(effect) => effect,
            Err(e) => {
                self.notify(Severity::Error, e.to_string());
                None
            }
        }
    }

    /// How many articles wait for the search index, when this app's store
    /// is the writable file at `store_file` and some do.
    pub fn index_pending(&self, store_file: &std::path::Path) -> Option<usize> {
        if self.store.path() != store_file || self.store.is_read_only() {
            return None;
        }
        // Cheap checks first: start-up must not count 100,000 rows twice.
        let stale = self.list.filter.is_all() && self.store.df_stale_at(self.list.total).ok()?;
        if !self.store.index_behind().ok()? && !stale {
            return None;
        }
        Some(self.store.index_state().ok()?.pending)
    }

    /// The list's title: what the feeds pane chose, else what the filter
    /// shows.
    pub fn list_title(&self) -> String {
        let f = &self.list.filter;
        let same = |chosen: &Filter| {
            Filter {
                bookmarked: f.bookmarked,
                unread: f.unread,
                ..chosen.clone()
            } == *f
        };
        match &self.shown {
            Some((title, chosen)) if same(chosen) => title.clone(),
            _ if f.query.is_some() => "Results".into(),
            _ if f.bookmarked => "Bookmarks".into(),
            _ => "Articles".into(),
        }
    }

    /// The store filter in use.
    pub fn filter(&self) -> &Filter {
        &self.list.filter
    }

    /// The store's database file; None for a store held in memory, which
    /// no other connection can see.
    pub fn store_file(&self) -> Option<&std::path::Path> {
        Some(self.store.path()).filter(|p| *p != std::path::Path::new(":memory:"))
    }
}

#[cfg(test)]
mod tests;
