//! Changes with undo (marks, mark-all-read, removal), list filters, and the
//! results of background work (refresh, full text).

use super::{App, Effect, Overlay, Severity};
use crate::jobs::{FullText, JobError, JobEvent, WriteRequest};
use crate::store::{Filter, Mark, MarkChange, Removed, StoreError};

/// A change that `Undo` can reverse.
#[derive(Debug, Clone)]
pub enum Undo {
    Marks {
        changes: Vec<MarkChange>,
        what: String,
    },
    Removed(Box<Removed>),
}

/// An entry of the sources popup: a label and the filter it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    pub label: String,
    pub filter: Filter,
}

const UNDO_DEPTH: usize = 100;

impl App {
    /// Remembers a change of one of the open article's marks.
    pub(super) fn push_mark_undo(&mut self, mark: Mark, before: bool, what: &str) {
        if let Some(o) = &self.opened {
            let change = MarkChange {
                id: o.article.id.clone(),
                mark,
                before,
            };
            self.push_undo(Undo::Marks {
                changes: vec![change],
                what: what.to_string(),
            });
        }
    }

    pub(super) fn push_undo(&mut self, undo: Undo) {
        self.undo.push(undo);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// Marks every article a filter covers read (a feed, tag or search
    /// from the feeds pane, or the list), with undo: through the writer
    /// thread when there is one (thousands of rows), the list and the undo
    /// step following when it is saved (`marked_all_read`).
    pub(super) fn mark_read_where(&mut self, filter: Filter) -> Result<(), StoreError> {
        let request = WriteRequest::MarkAllRead { filter };
        match self.write(request, Some("Marking everything read".into()))? {
            Some(applied) => self.marked_all_read(applied.before),
            None => {
                self.notify(Severity::Info, "Marking everything here read…");
                Ok(())
            }
        }
    }

    /// Mark-all-read was saved: the list shows it, and it can be undone.
    pub(super) fn marked_all_read(&mut self, before: Vec<MarkChange>) -> Result<(), StoreError> {
        let n = before.len();
        if n == 0 {
            self.notify(Severity::Info, "Nothing unread here");
            return Ok(());
        }
        self.push_undo(Undo::Marks {
            changes: before,
            what: format!(
                "marking {} read",
                crate::text::plural::count(n, "article", "articles")
            ),
        });
        self.reload_keeping_selection()?;
        self.notify(
            Severity::Info,
            format!(
                "Marked {} read (ctrl-z undoes)",
                crate::text::plural::count(n, "article", "articles")
            ),
        );
        Ok(())
    }

    pub(super) fn undo(&mut self) -> Result<(), StoreError> {
        let Some(undo) = self.undo.pop() else {
            self.notify(Severity::Info, "Nothing to undo");
            return Ok(());
        };
        let message = match &undo {
            Undo::Marks { changes, what } => {
                let message = format!("Undid {what}");
                let request = WriteRequest::Undo {
                    changes: changes.clone(),
                };
                match self.write(request, Some(message.clone()))? {
                    None => {
                        // The list and marks are read again once it is saved.
                        self.notify(Severity::Info, format!("{message} (saving)"));
                        return Ok(());
                    }
                    Some(undone) if undone.changed < changes.len() => {
                        let kept = changes.len() - undone.changed;
                        format!("{message} (except {kept} changed since elsewhere)")
                    }
                    Some(_) => message,
                }
            }
            Undo::Removed(removed) => return self.restore_removed(removed.clone()),
        };
        let reopen = self.opened.as_ref().map(|o| o.article.id.clone());
        self.opened = None;
        self.reload_keeping_selection()?;
        match reopen {
            Some(id) => self.go_to_article(&id)?,
            None => self.open_selected()?,
        }
        self.notify(Severity::Info, message);
        Ok(())
    }

    /// Reloads the list after a change, keeping the open article selected
    /// when it is still in the list.
    /// Search results are read again on the search thread when there is one.
    pub(super) fn reload_keeping_selection(&mut self) -> Result<(), StoreError> {
        if self.list.filter.query.is_some() && self.search_again() {
            return Ok(());
        }
        let current = self.opened.as_ref().map(|o| o.article.id.clone());
        if let Some(id) = &current {
            if let Some(position) = self.store.position(&self.list.filter, id)? {
                self.list.selected = position;
            } else if self.store.get(id)?.is_none() {
                self.opened = None;
            }
        }
        let height = self.list_height();
        self.list.reload(&self.store, height)?;
        self.refresh_open_marks()?;
        if self.opened.is_none() {
            self.open_selected()?;
        }
        self.request_feeds();
        Ok(())
    }

    /// Reads the open article's marks again, keeping its scroll position.
    pub(super) fn refresh_open_marks(&mut self) -> Result<(), StoreError> {
        let Some(id) = self.opened.as_ref().map(|o| o.article.id.clone()) else {
            return Ok(());
        };
        let (bookmarked, read) = self.store.marks(&id)?;
        if let Some(o) = self.opened.as_mut() {
            o.bookmarked = bookmarked;
            o.read = read;
        }
        Ok(())
    }

    /// Applies a new filter, keeping the open article selected if it fits.
    pub(super) fn set_filter(&mut self, filter: Filter) -> Result<(), StoreError> {
        let current = self.opened.as_ref().map(|o| o.article.id.clone());
        self.list.filter = filter;
        let position = match &current {
            Some(id) => self.store.position(&self.list.filter, id)?,
            None => None,
        };
        self.list.selected = position.unwrap_or(0);
        let height = self.list_height();
        self.list.reload(&self.store, height)?;
        if self.list.total == 0 {
            let what = if self.list.filter.bookmarked {
                "No bookmarks yet: press b on an article to add one"
            } else {
                "No articles match this filter"
            };
            self.notify(Severity::Info, what);
        }
        self.open_selected()
    }

    /// Opens the sources popup: all articles, each source, each tag.
    pub(super) fn open_sources(&mut self) -> Result<(), StoreError> {
        let base = Filter {
            source: None,
            tag: None,
            ..self.list.filter.clone()
        };
        let mut entries = vec![SourceEntry {
            label: "All sources".into(),
            filter: base.clone(),
        }];
        for (tag, n) in self.store.tags()? {
            entries.push(SourceEntry {
                label: format!("#{tag} ({n})"),
                filter: Filter {
                    tag: Some(tag),
                    ..base.clone()
                },
            });
        }
        for (source, n) in self.store.sources()? {
            entries.push(SourceEntry {
                label: format!("{source} ({n})"),
                filter: Filter {
                    source: Some(source),
                    ..base.clone()
                },
            });
        }
        let selected = entries
            .iter()
            .position(|e| e.filter == self.list.filter)
            .unwrap_or(0);
        self.overlay = Some(Overlay::Sources { entries, selected });
        Ok(())
    }

    /// Asks the loop to fetch the open article's page.
    pub(super) fn full_text_effect(&mut self) -> Option<Effect> {
        if let Some(title) = &self.running.full_text {
            let message = format!("Already fetching the full text of “{title}”");
            self.notify(Severity::Info, message);
            return None;
        }
        let o = self.opened.as_ref()?;
        match &o.article.url {
            Some(url) => {
                self.running.full_text = Some(o.article.title.clone());
                Some(Effect::FullText {
                    id: o.article.id.clone(),
                    url: url.clone(),
                })
            }
            None => {
                self.notify(Severity::Info, "This article has no web address");
                None
            }
        }
    }

    /// Merges a fetched page here when the job could not save it itself
    /// (a store held in memory).
    fn merge_full_text(&mut self, id: &str, done: FullText) -> Result<(), JobError> {
        let FullText::Page(page) = done else {
            return Ok(());
        };
        let mut article = self.store.get(id)?.ok_or(JobError::Removed)?;
        crate::jobs::full_text::merge(&mut article, *page)?;
        self.store.upsert(&[article], crate::store::Origin::User)?;
        Ok(())
    }

    /// Applies a report from background work.
    pub fn on_job(&mut self, event: JobEvent) {
        if let Err(e) = self.apply_job(event) {
            self.notify(Severity::Error, e.to_string());
        }
    }

    fn apply_job(&mut self, event: JobEvent) -> Result<(), StoreError> {
        match event {
            JobEvent::Lookup(answer) => self.on_lookup(answer),
            JobEvent::Piped(result) => self.on_piped(result),
            JobEvent::Saved(result) => self.on_saved(result),
            JobEvent::Synced {
                added,
                pending,
                failed,
            } => {
                if added > 0 {
                    self.reload_keeping_selection()?;
                }
                // Counted here rather than taken from the report: marks made
                // while the sync ran are waiting too.
                self.waiting_marks = self.store.sync_pending_count(None)?;
                if let Some((error, text)) = crate::jobs::sync::message(added, pending, &failed) {
                    let severity = if error {
                        Severity::Error
                    } else {
                        Severity::Info
                    };
                    self.report(severity, text);
                }
            }
            JobEvent::CommandFailed(message) => self.report(Severity::Error, message),
            JobEvent::WriteWaiting { seq } => self.on_write_waiting(seq),
            JobEvent::Written { seq, result } => self.on_written(seq, result)?,
            JobEvent::Search(answer) => self.on_search(answer)?,
            JobEvent::SearchTotal(total) => self.on_search_total(total),
            JobEvent::Ranks(ranks) => self.on_ranks(*ranks),
            JobEvent::Feeds(data) => self.on_feeds(Ok(data)),
            JobEvent::FeedsFailed(e) => self.on_feeds(Err(e)),
            JobEvent::FeedEdited(result) => self.on_feed_edited(result),
            JobEvent::Progress { done, total, name } => {
                self.running.refresh = Some(format!("Refreshing {done}/{total}: {name}"));
            }
            JobEvent::Indexing { done, total } => self.running.indexing = Some((done, total)),
            JobEvent::Indexed { error } => {
                self.running.indexing = None;
                match error {
                    Some(e) => self.report(Severity::Error, format!("Search index: {e}")),
                    None if self.list.filter.query.is_some() => {
                        // Results found while the index was incomplete.
                        self.reload_keeping_selection()?;
                        self.report(Severity::Info, "Search index complete");
                    }
                    None => self.report(Severity::Info, "Search index complete"),
                }
            }
            JobEvent::Refreshed {
                added,
                feeds,
                failed,
                error,
            } => {
                self.running.refresh = None;
                let automatic = self.refresh_ended();
                let from = self.fresh.refresh_from();
                self.reload_keeping_selection()?;
                self.refreshed(added)?;
                let arrived = Self::arrived_message(added, feeds);
                match (error, failed.is_empty()) {
                    // Said once by `r`; not every interval.
                    (Some(crate::jobs::JobError::NoSubscriptions), _) if automatic => {}
                    (Some(e), _) => self.report(Severity::Error, format!("Refresh failed: {e}")),
                    (None, true) => self.report(Severity::Info, arrived.clone()),
                    (None, false) => self.report(
                        Severity::Error,
                        format!(
                            "{arrived}; {} failed: {}",
                            crate::text::plural::count(failed.len(), "feed", "feeds"),
                            failed.join("; ")
                        ),
                    ),
                }
                if let Some(from) = from.filter(|_| added > 0) {
                    self.notify_arrival(&arrived, from)?;
                }
                if self.samples && added > 0 {
                    self.samples = false;
                }
            }
            JobEvent::FullText { id, result } => {
                self.running.full_text = None;
                match result.and_then(|done| self.merge_full_text(&id, done)) {
                    Ok(()) => {
                        self.wrap_cache.retain(|(cached, _), _| *cached != id);
                        if self.opened.as_ref().is_some_and(|o| o.article.id == id) {
                            self.opened = None;
                            self.open_id(&id)?;
                        }
                        let message = "Full text saved: it stays available offline";
                        self.report(Severity::Info, message);
                    }
                    Err(e) => self.report(Severity::Error, format!("Full text failed: {e}")),
                }
            }
        }
        Ok(())
    }
}
