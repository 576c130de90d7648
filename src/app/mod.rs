//! Application state and its update function. All state changes go through
//! `App::update` (keys) or `App::on_mouse`; drawing only reads `App`.

mod edit;
pub mod layout;
pub mod list;
pub mod lookup;
mod mouse;
mod nav;
pub mod prompt;
pub mod reading;
mod saving;
mod search;
pub mod sidebar;

use std::collections::HashMap;
use std::rc::Rc;

use ratatui::layout::Rect;

use crate::action::Action;
pub use crate::jobs::JobEvent;
use crate::keymap::{Context, Keymap};
use crate::model::{Article, RelatedEntry};
use crate::store::{Filter, Similar, Store, StoreError};
pub use edit::{SourceEntry, Undo};
use layout::{Panes, inner, panes};
use list::ListWindow;
use reading::{ReadLine, article_lines};
use sidebar::{Section, SideItem, SideLine, sidebar_lines};

/// The pane that has keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
    Sidebar,
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
}

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
    /// Folded search terms to highlight in the reading pane.
    pub highlight: Vec<String>,
    /// Background work in progress, each kind with its own state.
    pub running: Running,
    /// True while the status message reports a job's result (another
    /// job's result is then added to it, not put in its place).
    status_from_job: bool,
    search: search::Searching,
    undo: Vec<Undo>,
    saving_queue: saving::Saving,
    wrap_cache: HashMap<(String, usize), Rc<Vec<ReadLine>>>,
    openings: u64,
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
            highlight: Vec::new(),
            running: Running::default(),
            status_from_job: false,
            search: search::Searching::default(),
            undo: Vec::new(),
            saving_queue: saving::Saving::default(),
            wrap_cache: HashMap::new(),
            openings: 0,
        };
        let height = app.list_height();
        app.list.reload(&app.store, height)?;
        app.open_selected()?;
        Ok(app)
    }

    /// Shows a message in the status bar until the next one.
    pub fn notify(&mut self, severity: Severity, message: impl Into<String>) {
        self.status = Some((message.into(), severity));
        self.status_from_job = false;
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
    }

    /// The panes for the current size and focus.
    pub fn panes(&self) -> Panes {
        panes(self.area, self.focus)
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

    /// The terminal changed size.
    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        if let Err(e) = self.relayout() {
            self.notify(Severity::Error, e.to_string());
        }
    }

    fn relayout(&mut self) -> Result<(), StoreError> {
        let height = self.list_height();
        self.list.ensure_visible(&self.store, height)?;
        self.layout_opened();
        Ok(())
    }

    pub(crate) fn list_height(&self) -> usize {
        let rect = self
            .panes()
            .list
            .or_else(|| panes(self.area, Focus::List).list);
        rect.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    /// Rows of text the reading pane shows.
    pub fn reader_height(&self) -> usize {
        let rect = self
            .panes()
            .reader
            .or_else(|| panes(self.area, Focus::Reader).reader);
        rect.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    fn reader_width(&self) -> usize {
        let rect = self
            .panes()
            .reader
            .or_else(|| panes(self.area, Focus::Reader).reader);
        // One column is kept for the scrollbar.
        rect.map_or(1, |r| usize::from(inner(r).width.saturating_sub(1)).max(1))
    }

    pub(crate) fn sidebar_height(&self) -> usize {
        let rect = self
            .panes()
            .sidebar
            .or_else(|| panes(self.area, Focus::Sidebar).sidebar);
        rect.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    fn sidebar_width(&self) -> usize {
        let rect = self
            .panes()
            .sidebar
            .or_else(|| panes(self.area, Focus::Sidebar).sidebar);
        rect.map_or(1, |r| usize::from(inner(r).width).max(1))
    }

    /// Re-wraps the open article and sidebar for the current pane widths,
    /// using the cache when this article was wrapped at this width before.
    fn layout_opened(&mut self) {
        let width = self.reader_width();
        let side_width = self.sidebar_width();
        let reader_height = self.reader_height();
        let Some(opened) = self.opened.as_mut() else {
            return;
        };
        let key = (opened.article.id.clone(), width);
        if self.wrap_cache.len() > 64 {
            self.wrap_cache.clear();
        }
        let lines = self
            .wrap_cache
            .entry(key)
            .or_insert_with(|| Rc::new(article_lines(&opened.article, width)))
            .clone();
        opened.lines = lines;
        opened.scroll = opened
            .scroll
            .min(opened.lines.len().saturating_sub(reader_height));
        opened.side_lines = sidebar_lines(&opened.items, side_width);
        self.keep_side_selection_visible();
    }

    /// Loads the article selected in the list into the reading pane.
    fn open_selected(&mut self) -> Result<(), StoreError> {
        let id = self.list.current().map(|r| r.id.clone());
        match id {
            Some(id) if self.opened.as_ref().is_some_and(|o| o.article.id == id) => Ok(()),
            Some(id) => self.open_id(&id),
            None => {
                self.opened = None;
                Ok(())
            }
        }
    }

    /// Loads an article by id into the reading pane, scrolled to the top.
    /// Its sidebar's lookups in the store wait until input pauses.
    fn open_id(&mut self, id: &str) -> Result<(), StoreError> {
        let Some(article) = self.store.get(id)? else {
            self.opened = None;
            return Ok(());
        };
        let (bookmarked, read) = self.store.marks(id)?;
        let items = sidebar_items(&article);
        self.openings += 1;
        self.opened = Some(Opened {
            article,
            bookmarked,
            read,
            lines: Rc::new(Vec::new()),
            scroll: 0,
            items,
            opening: self.openings,
            lookups_sent: false,
            stored_loaded: false,
            similar_loaded: false,
            side_lines: Vec::new(),
            side_selected: 0,
            side_scroll: 0,
        });
        self.layout_opened();
        Ok(())
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

    /// Adds "similar in your store" to the open article's sidebar.
    fn insert_similar(&mut self, similar: Vec<Similar>) {
        let Some(o) = self.opened.as_mut() else {
            return;
        };
        o.similar_loaded = true;
        let (same, similar): (Vec<Similar>, Vec<Similar>) =
            similar.into_iter().partition(|s| s.same_story);
        let at = o
            .items
            .iter()
            .position(|i| i.section == Some(Section::Links))
            .unwrap_or(o.items.len());
        let new: Vec<SideItem> = similar.into_iter().map(similar_item).collect();
        let added = new.len();
        o.items.splice(at..at, new);
        if o.side_selected >= at && o.side_selected > 0 {
            o.side_selected += added;
        }
        // Every copy of the open story gets its own line, so each opens.
        let copies: Vec<SideItem> = same
            .into_iter()
            .flat_map(|s| {
                let also = s.also_in.into_iter().map(|a| (a.id, a.title, a.source));
                std::iter::once((s.id, s.title, s.source)).chain(also)
            })
            .map(|(id, title, source)| SideItem {
                section: Some(Section::SameStory),
                title: source.unwrap_or(title),
                article_id: Some(id),
                ..SideItem::default()
            })
            .collect();
        if o.side_selected > 0 {
            o.side_selected += copies.len();
        }
        o.items.splice(0..0, copies);
        self.layout_opened();
    }

    fn keep_side_selection_visible(&mut self) {
        let height = self.sidebar_height();
        let Some(opened) = self.opened.as_mut() else {
            return;
        };
        let selected = opened.side_selected;
        let rows: Vec<usize> = opened
            .side_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.item == Some(selected))
            .map(|(i, _)| i)
            .collect();
        if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
            if *first < opened.side_scroll {
                // Show the section heading above the first entry too.
                opened.side_scroll = first.saturating_sub(if selected == 0 { 1 } else { 0 });
            } else if *last >= opened.side_scroll + height {
                opened.side_scroll = last + 1 - height;
            }
        }
        let max = opened.side_lines.len().saturating_sub(height);
        opened.side_scroll = opened.side_scroll.min(max);
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

/// The sidebar's entries from the article alone: the related headlines the
/// page listed, then its links. Which of them are stored articles is
/// looked up later (see `lookup`).
fn sidebar_items(article: &Article) -> Vec<SideItem> {
    let mut items: Vec<SideItem> = article
        .related
        .iter()
        .map(|entry| page_item(entry, None))
        .collect();
    for link in &article.links {
        items.push(SideItem {
            section: Some(Section::Links),
            title: if link.text.trim().is_empty() {
                link.url.clone()
            } else {
                link.text.clone()
            },
            detail: link.url.clone(),
            article_id: None,
            url: Some(link.url.clone()),
            ..SideItem::default()
        });
    }
    items
}

/// A related entry the page listed, with the stored article it opens.
fn page_item(entry: &RelatedEntry, stored: Option<String>) -> SideItem {
    let mut detail: Vec<&str> = [entry.category.as_deref(), entry.byline.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if stored.is_some() {
        detail.push("in your store");
    }
    SideItem {
        section: Some(Section::FromPage),
        title: entry.title.clone(),
        detail: detail.join(" · "),
        article_id: stored,
        url: entry.url.clone(),
        blurb: entry.blurb.clone(),
        category: entry.category.clone(),
        also_in: Vec::new(),
    }
}

/// Under a similar article's title: its source, how alike it is (a
/// percentage), its language when not the open article's, and the words
/// the two share most.
fn similar_detail(s: &Similar) -> String {
    let mut parts: Vec<String> = s.source.iter().cloned().collect();
    parts.push(format!("{}%", s.percent));
    if !s.same_lang {
        parts.extend(s.lang.iter().cloned());
    }
    if !s.shared.is_empty() {
        parts.push(s.shared.join(", "));
    }
    parts.join(" · ")
}

/// A similar stored article as a sidebar entry: source, score and shared
/// terms under the title, and where else the story appeared.
fn similar_item(s: Similar) -> SideItem {
    let detail = similar_detail(&s);
    let mut also_in: Vec<String> = Vec::new();
    for copy in s.also_in {
        let name = copy.source.unwrap_or_else(|| "another copy".into());
        if !also_in.contains(&name) {
            also_in.push(name);
        }
    }
    SideItem {
        section: Some(Section::Similar),
        detail,
        title: s.title,
        article_id: Some(s.id),
        also_in,
        ..SideItem::default()
    }
}

#[cfg(test)]
mod tests;
