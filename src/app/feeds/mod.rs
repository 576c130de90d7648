//! The feeds pane: subscriptions by tag, saved searches and imported
//! sources with their counts. Its data comes from the feeds thread
//! (`jobs::feeds`); edits go there too, and the pane is read again after
//! each edit, mark, refresh or removal.

mod accounts;
mod edits;
pub mod tree;

use std::sync::Arc;

use super::input::{Ask, Confirm};
use super::{App, Effect, Focus, Severity};
use crate::action::Action;
use crate::jobs::{Edited, FeedEdit, FeedsData, FeedsRequest, JobError};
use crate::store::{GroupCount, Mark, StoreError};
pub use tree::{Entry, Row};

/// The pane's state while it is open.
#[derive(Debug, Clone, Default)]
pub struct FeedsPane {
    /// None until the feeds thread answered.
    pub data: Option<Arc<FeedsData>>,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub scroll: usize,
    pub folded: Vec<Entry>,
    /// Why the data could not be read.
    pub error: Option<String>,
}

impl FeedsPane {
    /// The selected row.
    pub fn current(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    fn rebuild(&mut self) {
        let keep = self.current().map(|r| r.entry.clone());
        if let Some(data) = &self.data {
            self.rows = tree::rows(data, &self.folded);
        }
        if let Some(keep) = keep {
            if let Some(i) = self.rows.iter().position(|r| r.entry == keep) {
                self.selected = i;
            }
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

type Outcome = Result<Option<Effect>, StoreError>;

impl App {
    /// `Feeds`: opens the pane (and focuses it), focuses it, or closes it
    /// when it has focus.
    pub(super) fn toggle_feeds(&mut self) {
        match (&self.feeds, self.focus) {
            (Some(_), Focus::Feeds) => {
                // Kept to show at once when the pane opens again.
                self.feeds_seen = self.feeds.take().and_then(|p| p.data);
                self.set_focus(Focus::List);
            }
            (Some(_), _) => self.set_focus(Focus::Feeds),
            (None, _) => {
                let mut pane = FeedsPane {
                    data: self.feeds_seen.take(),
                    ..FeedsPane::default()
                };
                pane.rebuild();
                self.feeds = Some(pane);
                self.set_focus(Focus::Feeds);
                self.request_feeds();
            }
        }
    }

    /// Asks for the pane's data again (when it is open).
    pub(super) fn request_feeds(&mut self) {
        if self.feeds.is_none() {
            return;
        }
        let unsent = match &self.feeds_worker {
            Some(worker) => worker.ask(FeedsRequest::Load).err(),
            None => Some(FeedsRequest::Load),
        };
        if unsent.is_some() {
            let event = match &self.config_files {
                Some(files) => {
                    let files = files.clone();
                    crate::jobs::feeds::load_event(&mut self.store, &files)
                }
                None => crate::jobs::JobEvent::FeedsFailed(JobError::Refused(
                    "no config directory".into(),
                )),
            };
            self.on_job(event);
        }
    }

    /// Sends an edit to the feeds thread, or applies it here without one.
    pub(super) fn feeds_edit(&mut self, edit: FeedEdit) {
        let unsent = match &self.feeds_worker {
            Some(worker) => worker.ask(FeedsRequest::Edit(edit)).err(),
            None => Some(FeedsRequest::Edit(edit)),
        };
        if let Some(FeedsRequest::Edit(edit)) = unsent {
            let result = match &self.config_files {
                Some(files) => {
                    let files = files.clone();
                    crate::jobs::feeds::edit(&mut self.store, &files, edit)
                }
                None => Err(JobError::Refused("no config directory".into())),
            };
            self.on_feed_edited(result);
            self.request_feeds();
        }
    }

    /// The feeds thread's data arrived.
    pub(super) fn on_feeds(&mut self, data: Result<Arc<FeedsData>, JobError>) {
        let Some(pane) = self.feeds.as_mut() else {
            // Read ahead of the pane (see `set_feeds_worker`): kept to show
            // at once when it opens.
            if let Ok(data) = data {
                self.feeds_seen = Some(data);
            }
            return;
        };
        match data {
            Ok(data) => {
                let problems = data.problems.clone();
                pane.data = Some(data);
                pane.error = None;
                pane.rebuild();
                if !problems.is_empty() {
                    self.report(Severity::Error, problems.join("; "));
                }
            }
            Err(e) => pane.error = Some(e.to_string()),
        }
    }

    /// An edit ended: say how; a failed add asks whether to keep it.
    pub(super) fn on_feed_edited(&mut self, result: Result<Edited, JobError>) {
        match result {
            Ok(Edited::Done(message)) => {
                self.notify(Severity::Info, message);
                if let Err(e) = self.reload_keeping_selection() {
                    self.notify(Severity::Error, e.to_string());
                }
            }
            Ok(Edited::AddFailed { url, error }) => {
                self.report(Severity::Error, error.clone());
                let question = format!("{error}. Subscribe anyway? (y/n) ");
                self.ask(
                    Ask::Confirm(Confirm::KeepFailed { url, error }),
                    question,
                    String::new(),
                );
            }
            Err(e) => self.report(Severity::Error, e.to_string()),
        }
    }

    /// One article's mark changed: its groups' counts follow at once
    /// (counting everything again is for bulk changes).
    pub(super) fn count_mark(&mut self, id: &str, mark: Mark, on: bool) {
        if self.feeds.as_ref().and_then(|p| p.data.as_ref()).is_none() {
            return;
        }
        let Ok(Some((feed, source))) = self.store.feed_of(id) else {
            return;
        };
        let Some(pane) = self.feeds.as_mut() else {
            return;
        };
        let Some(data) = pane.data.as_mut() else {
            return;
        };
        let data = Arc::make_mut(data);
        let change = |c: &mut GroupCount| match (mark, on) {
            (Mark::Read, true) => c.unread = c.unread.saturating_sub(1),
            (Mark::Read, false) => c.unread += 1,
            (Mark::Bookmarked, true) => c.bookmarked += 1,
            (Mark::Bookmarked, false) => c.bookmarked = c.bookmarked.saturating_sub(1),
        };
        change(&mut data.counts.all);
        if mark == Mark::Bookmarked {
            data.counts.bookmarks = data.counts.all.bookmarked;
        }
        match feed {
            Some(url) => {
                if let Some(c) = data.counts.feeds.get_mut(&url) {
                    change(c);
                }
                data.feeds
                    .iter_mut()
                    .filter(|f| f.url == url)
                    .for_each(|f| change(&mut f.count));
            }
            None => {
                let local = data.counts.local.iter_mut().find(|(s, _)| *s == source);
                if let Some((_, c)) = local {
                    change(c);
                }
            }
        }
        pane.rebuild();
    }

    /// An action while the pane has focus; None for those it leaves to the
    /// other panes' handling.
    pub(super) fn feeds_action(&mut self, action: Action) -> Option<Outcome> {
        let row = self.feeds.as_ref()?.current().cloned();
        match action {
            Action::MoveDown => self.feeds_move(1),
            Action::MoveUp => self.feeds_move(-1),
            Action::PageDown => self.feeds_move(self.feeds_height() as isize),
            Action::PageUp => self.feeds_move(-(self.feeds_height() as isize)),
            Action::Top => self.feeds_move(isize::MIN),
            Action::Bottom => self.feeds_move(isize::MAX),
            Action::Open => return Some(self.show_entry(row)),
            Action::ToggleFold => self.fold(row),
            Action::MarkAllRead => return Some(self.mark_entry_read(row)),
            Action::RemoveArticle => self.remove_entry(row),
            Action::Rename => self.rename_entry(row),
            Action::EditTags => self.edit_tags(row),
            Action::ShowError => match row.and_then(|r| r.error) {
                Some(e) => self.notify(Severity::Error, e),
                None => self.notify(Severity::Info, "No error: the last fetch went well"),
            },
            Action::AddFeed => self.add_feed(row),
            _ => return None,
        }
        Some(Ok(None))
    }

    fn feeds_height(&self) -> usize {
        self.panes()
            .feeds
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    pub(super) fn feeds_move(&mut self, delta: isize) {
        let height = self.feeds_height();
        if let Some(pane) = self.feeds.as_mut() {
            let last = pane.rows.len().saturating_sub(1);
            pane.selected = pane.selected.saturating_add_signed(delta).min(last);
            if pane.selected < pane.scroll {
                pane.scroll = pane.selected;
            } else if pane.selected >= pane.scroll + height {
                pane.scroll = pane.selected + 1 - height;
            }
        }
    }

    fn fold(&mut self, row: Option<Row>) {
        let Some(pane) = self.feeds.as_mut() else {
            return;
        };
        let Some(row) = row.filter(|r| r.entry.folds()) else {
            return;
        };
        match pane.folded.iter().position(|e| *e == row.entry) {
            Some(i) => {
                pane.folded.remove(i);
            }
            None => pane.folded.push(row.entry),
        }
        pane.rebuild();
    }

    /// Enter: shows the entry's articles in the list (a heading without a
    /// list of its own folds instead).
    fn show_entry(&mut self, row: Option<Row>) -> Outcome {
        let Some(row) = row else { return Ok(None) };
        if row.entry == Entry::Ignored {
            let rows = self
                .feeds
                .as_ref()
                .and_then(|p| p.data.as_ref())
                .map(|d| d.ignored.clone())
                .unwrap_or_default();
            self.overlay = Some(super::Overlay::Ignored { rows, selected: 0 });
            return Ok(None);
        }
        let Some(filter) = row.entry.filter(&self.list.filter) else {
            self.fold(Some(row));
            return Ok(None);
        };
        let title = match &row.entry {
            Entry::All => "Articles".to_string(),
            Entry::Bookmarks => "Bookmarks".to_string(),
            Entry::Search { name, .. } => format!("Search “{name}”"),
            _ => row.label.clone(),
        };
        self.shown = Some((title, filter.clone()));
        self.set_focus(Focus::List);
        if filter.query.is_some() {
            self.highlight = filter
                .query
                .as_deref()
                .map(super::prompt::highlight_terms)
                .unwrap_or_default();
            self.search_for(filter)?;
        } else {
            self.highlight.clear();
            self.set_filter(filter)?;
        }
        Ok(None)
    }

    fn mark_entry_read(&mut self, row: Option<Row>) -> Outcome {
        let Some(row) = row else { return Ok(None) };
        match row.entry.filter(&crate::store::Filter::default()) {
            Some(filter) => self.mark_read_asking(filter, &row.label)?,
            None => self.notify(Severity::Info, "Choose a feed, tag or search to mark read"),
        }
        Ok(None)
    }
}
