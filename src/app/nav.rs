//! What each action does, by focus: movement, opening, marks, overlays.

use super::{App, Effect, Focus, Overlay, Severity};
use crate::action::Action;
use crate::jobs::WriteRequest;
use crate::store::{Filter, Mark, StoreError};

type Outcome = Result<Option<Effect>, StoreError>;

impl App {
    pub(super) fn apply(&mut self, action: Action) -> Outcome {
        if self.overlay.is_some() {
            return Ok(self.apply_overlay(action));
        }
        if self.focus == Focus::Feeds {
            if let Some(outcome) = self.feeds_action(action) {
                return outcome;
            }
        }
        match action {
            Action::Quit => self.leave(),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Close => self.status = None,
            Action::FocusNext => self.set_focus(self.focus_step(1)),
            Action::FocusPrev => self.set_focus(self.focus_step(-1)),
            Action::FocusLeft => {
                let first = if self.feeds.is_some() {
                    Focus::Feeds
                } else {
                    Focus::List
                };
                if self.focus != first {
                    self.set_focus(self.focus_step(-1));
                }
            }
            Action::FocusRight => {
                if self.focus != Focus::Sidebar {
                    self.set_focus(self.focus_step(1));
                }
            }
            Action::ToggleBookmark => self.toggle_bookmark()?,
            Action::ToggleRead => self.toggle_read()?,
            Action::ToggleBookmarksView => {
                let filter = Filter {
                    bookmarked: !self.list.filter.bookmarked,
                    ..self.list.filter.clone()
                };
                self.set_filter(filter)?;
            }
            Action::ToggleUnreadView => {
                let filter = Filter {
                    unread: !self.list.filter.unread,
                    ..self.list.filter.clone()
                };
                self.set_filter(filter)?;
            }
            Action::Sources => self.open_sources()?,
            Action::Feeds => self.toggle_feeds(),
            Action::CommandLine => self.start_command_line(),
            Action::SaveSearch => self.start_save_search(),
            Action::AddFeed
            | Action::Unignore
            | Action::Rename
            | Action::EditTags
            | Action::ShowError
            | Action::ToggleFold => {
                let message = format!("{}: open the feeds pane first", action.describe());
                self.notify(Severity::Info, message);
            }
            Action::Search => self.start_search(),
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::NextUnread => self.next_unread(true, 1)?,
            Action::PrevUnread => self.next_unread(false, 1)?,
            Action::NextFeedUnread => self.next_feed_unread(true, 1)?,
            Action::PrevFeedUnread => self.next_feed_unread(false, 1)?,
            Action::NextNew => self.next_new(1)?,
            Action::CycleOrder => self.cycle_order()?,
            Action::Count => {}
            Action::MarkAllRead => {
                let title = self.list_title();
                self.mark_read_asking(self.list.filter.clone(), &title)?
            }
            Action::RemoveArticle => self.remove_selected()?,
            Action::Undo => self.undo()?,
            Action::Refresh => {
                if let Some(progress) = &self.running.refresh {
                    let message = format!("A refresh is already running ({progress})");
                    self.notify(Severity::Info, message);
                    return Ok(None);
                }
                self.running.refresh = Some("Refreshing…".into());
                self.refresh_starting()?;
                return Ok(Some(Effect::Refresh));
            }
            Action::FullText => return Ok(self.full_text_effect()),
            Action::SaveArticle => return Ok(self.save_article_effect()),
            Action::PipeArticle => self.start_pipe(),
            Action::CopyLink => {
                return Ok(self.browser_target().map(|e| match e {
                    Effect::OpenUrl(url) => Effect::Copy(url),
                    other => other,
                }));
            }
            Action::OpenInBrowser => return Ok(self.browser_target()),
            Action::Open => return self.open_focused(),
            Action::MoveDown => self.step(1)?,
            Action::MoveUp => self.step(-1)?,
            Action::PageDown => self.page(1)?,
            Action::PageUp => self.page(-1)?,
            Action::ReaderPageDown | Action::ReaderPageUp => {
                let focus = std::mem::replace(&mut self.focus, Focus::Reader);
                let result = self.page(if action == Action::ReaderPageDown {
                    1
                } else {
                    -1
                });
                self.focus = focus;
                result?;
            }
            Action::Top => self.step(isize::MIN)?,
            Action::Bottom => self.step(isize::MAX)?,
            Action::None => {}
        }
        Ok(None)
    }

    fn apply_overlay(&mut self, action: Action) -> Option<Effect> {
        let delta: isize = match action {
            Action::Close | Action::Help => {
                self.overlay = None;
                return None;
            }
            Action::Quit => {
                self.leave();
                return None;
            }
            Action::OpenInBrowser => {
                return match &self.overlay {
                    Some(Overlay::Blurb { item }) => item.url.clone().map(Effect::OpenUrl),
                    _ => None,
                };
            }
            Action::Open | Action::Unignore
                if matches!(self.overlay, Some(Overlay::Ignored { .. })) =>
            {
                if let Some(Overlay::Ignored { rows, selected }) = self.overlay.take() {
                    if let Some(row) = rows.get(selected) {
                        let id = row.id.clone();
                        self.feeds_edit(crate::jobs::FeedEdit::Unignore { id });
                    }
                }
                return None;
            }
            Action::Open => {
                if let Some(Overlay::Sources { entries, selected }) = &self.overlay {
                    let filter = entries.get(*selected).map(|e| e.filter.clone());
                    self.overlay = None;
                    if let Some(filter) = filter {
                        if let Err(e) = self.set_filter(filter) {
                            self.notify(Severity::Error, e.to_string());
                        }
                    }
                }
                self.overlay = None;
                return None;
            }
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => 10,
            Action::PageUp => -10,
            Action::Top => isize::MIN,
            Action::Bottom => isize::MAX / 2,
            _ => return None,
        };
        let help_last = help_scroll_max(&self.keymap.help_rows(), self.area.height);
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => {
                *scroll = scroll.saturating_add_signed(delta).min(help_last);
            }
            Some(Overlay::Sources { entries, selected }) => {
                *selected = selected
                    .saturating_add_signed(delta)
                    .min(entries.len().saturating_sub(1));
            }
            Some(Overlay::Ignored { rows, selected }) => {
                *selected = selected
                    .saturating_add_signed(delta)
                    .min(rows.len().saturating_sub(1));
            }
            Some(Overlay::Output { piped, scroll }) => {
                *scroll = scroll
                    .saturating_add_signed(delta)
                    .min(piped.lines.len().saturating_sub(1));
            }
            _ => {}
        }
        None
    }

    fn focus_step(&self, delta: isize) -> Focus {
        let order: &[Focus] = if self.feeds.is_some() {
            &[Focus::Feeds, Focus::List, Focus::Reader, Focus::Sidebar]
        } else {
            &[Focus::List, Focus::Reader, Focus::Sidebar]
        };
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        order[(at as isize + delta).rem_euclid(order.len() as isize) as usize]
    }

    /// Moves focus; the layout may change (narrow screens), so re-lay out.
    pub(super) fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        if let Err(e) = self.relayout() {
            self.notify(Severity::Error, e.to_string());
        }
    }

    /// Moves by `delta` lines or entries in the focused pane (the extremes of
    /// `isize` jump to the top or bottom).
    pub(super) fn step(&mut self, delta: isize) -> Result<(), StoreError> {
        match self.focus {
            Focus::List => {
                let index = self.list.selected.saturating_add_signed(delta);
                if self.jump_in_results(index, delta == isize::MAX) {
                    return Ok(());
                }
                let height = self.list_height();
                self.list.move_by(delta, &self.store, height)?;
                self.open_selected()?;
            }
            Focus::Reader => {
                let height = self.reader_height();
                if let Some(o) = self.opened.as_mut() {
                    let max = o.lines.len().saturating_sub(height);
                    o.scroll = o.scroll.saturating_add_signed(delta).min(max);
                }
            }
            Focus::Sidebar => {
                if let Some(o) = self.opened.as_mut() {
                    let last = o.items.len().saturating_sub(1);
                    o.side_selected = o.side_selected.saturating_add_signed(delta).min(last);
                }
                self.keep_side_selection_visible();
            }
            Focus::Feeds => self.feeds_move(delta),
        }
        Ok(())
    }

    fn page(&mut self, direction: isize) -> Result<(), StoreError> {
        let height = match self.focus {
            Focus::List => self.list_height(),
            Focus::Reader => self.reader_height().saturating_sub(1).max(1),
            Focus::Sidebar => (self.sidebar_height() / 3).max(1),
            Focus::Feeds => 1,
        };
        self.step(direction * height as isize)
    }

    /// Enter: in the list, read the article; in the sidebar, open the entry.
    fn open_focused(&mut self) -> Result<Option<Effect>, StoreError> {
        match self.focus {
            Focus::List => {
                if self.opened.is_some() {
                    self.mark_read(true)?;
                    self.set_focus(Focus::Reader);
                }
            }
            Focus::Reader | Focus::Feeds => {}
            Focus::Sidebar => {
                let item = self
                    .opened
                    .as_ref()
                    .and_then(|o| o.items.get(o.side_selected))
                    .cloned();
                match item {
                    Some(item) if item.article_id.is_some() => {
                        let id = item.article_id.unwrap_or_default();
                        self.go_to_article(&id)?;
                        self.mark_read(true)?;
                        self.set_focus(Focus::Reader);
                    }
                    Some(item) if item.blurb.is_some() || item.url.is_none() => {
                        self.overlay = Some(Overlay::Blurb { item });
                    }
                    Some(item) => return Ok(item.url.map(Effect::OpenUrl)),
                    None => {}
                }
            }
        }
        Ok(None)
    }

    /// Shows a stored article: selected in the list when the list holds it.
    pub(super) fn go_to_article(&mut self, id: &str) -> Result<(), StoreError> {
        let position = self.store.position(&self.list.filter, id)?;
        if let Some(position) = position {
            let height = self.list_height();
            self.list.select(position, &self.store, height)?;
        }
        self.open_id(id)
    }

    fn browser_target(&mut self) -> Option<Effect> {
        let url = match self.focus {
            Focus::Sidebar => self
                .opened
                .as_ref()
                .and_then(|o| o.items.get(o.side_selected))
                .and_then(|i| i.url.clone()),
            _ => self.opened.as_ref().and_then(|o| o.article.url.clone()),
        };
        if url.is_none() {
            self.notify(Severity::Info, "No web address for this one");
        }
        url.map(Effect::OpenUrl)
    }

    fn toggle_bookmark(&mut self) -> Result<(), StoreError> {
        let Some(o) = self.opened.as_ref() else {
            return Ok(());
        };
        let (id, on) = (o.article.id.clone(), !o.bookmarked);
        let what = if on { "Bookmarked" } else { "Bookmark removed" };
        let request = WriteRequest::Mark {
            id: id.clone(),
            mark: Mark::Bookmarked,
            on,
        };
        let queued = self.write(request, Some(what.to_string()))?.is_none();
        self.show_mark(&id, Mark::Bookmarked, on);
        if on && !self.settings.bookmark_command.is_empty() {
            self.queue_bookmark_command();
        }
        self.push_mark_undo(Mark::Bookmarked, !on, "the bookmark");
        let saved = if queued {
            "saving"
        } else if self.saving {
            "saved"
        } else {
            "not saved: the data directory cannot be written"
        };
        self.notify(Severity::Info, format!("{what} ({saved})"));
        if self.list.filter.bookmarked && !queued {
            self.reload_keeping_selection()?;
        }
        Ok(())
    }

    fn toggle_read(&mut self) -> Result<(), StoreError> {
        let on = !self.opened.as_ref().is_some_and(|o| o.read);
        let what = if on { "Marked read" } else { "Marked unread" };
        if self.set_read_mark(on, Some(what))? {
            self.notify(Severity::Info, format!("{what} (saving)"));
        } else {
            self.notify(Severity::Info, what);
        }
        self.push_mark_undo(Mark::Read, !on, "the read mark");
        Ok(())
    }

    pub(super) fn mark_read(&mut self, on: bool) -> Result<(), StoreError> {
        self.set_read_mark(on, None).map(drop)
    }

    /// Sets the open article's read mark; true when the write was queued.
    fn set_read_mark(&mut self, on: bool, what: Option<&str>) -> Result<bool, StoreError> {
        let Some(o) = self.opened.as_ref() else {
            return Ok(false);
        };
        if o.read == on {
            return Ok(false);
        }
        let id = o.article.id.clone();
        let request = WriteRequest::Mark {
            id: id.clone(),
            mark: Mark::Read,
            on,
        };
        let queued = self.write(request, what.map(str::to_string))?.is_none();
        self.show_mark(&id, Mark::Read, on);
        Ok(queued)
    }
}

/// How far the help scrolls: its lines (each context's heading, a blank
/// line between contexts, a line per key) past a popup of at most
/// `height` rows with its two borders.
fn help_scroll_max<C: PartialEq, K, D>(rows: &[(C, K, D)], height: u16) -> usize {
    let headings = rows
        .iter()
        .enumerate()
        .filter(|(i, (c, _, _))| *i == 0 || rows[i - 1].0 != *c)
        .count();
    let lines = rows.len() + (2 * headings).saturating_sub(1);
    lines.saturating_sub(usize::from(height.saturating_sub(2)))
}
