//! Count prefixes, as in vim and newsboat: digits typed before a key
//! repeat it (`5j`, `3n`), or make `g`/`G` go to that number (`20G`: the
//! 20th article, line or entry). The pending count shows in the status
//! bar; Esc clears it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{App, Effect, Focus, Severity};
use crate::action::Action;
use crate::store::StoreError;

/// The largest count: more digits are ignored.
const MAX_COUNT: usize = 999_999;
/// Keys repeated one by one (pages, matches) at most this many times.
const MAX_REPEAT: usize = 1000;

impl App {
    /// A key outside the search prompt: its action, with the count typed
    /// before it. None when the key is bound to nothing here.
    pub fn on_key(&mut self, key: &KeyEvent) -> Option<Option<Effect>> {
        let action = self.keymap.lookup(self.context(), key)?;
        if action == Action::Count {
            self.count_digit(key);
            return Some(None);
        }
        let count = self.count.take();
        self.clear_info_status();
        Some(self.update_counted(action, count))
    }

    fn count_digit(&mut self, key: &KeyEvent) {
        let KeyCode::Char(c) = key.code else { return };
        let Some(digit) = c.to_digit(10) else { return };
        if self.overlay.is_some() || (digit == 0 && self.count.is_none()) {
            return;
        }
        let count = self.count.unwrap_or(0).saturating_mul(10) + digit as usize;
        self.count = Some(count.min(MAX_COUNT));
    }

    /// Applies an action `count` times, or with `count` as its number.
    pub fn update_counted(&mut self, action: Action, count: Option<usize>) -> Option<Effect> {
        let Some(n) = count.filter(|_| self.overlay.is_none()) else {
            return self.update(action);
        };
        let result = match action {
            Action::Top | Action::Bottom => self.go_to_number(n),
            Action::MoveDown => self.step(n as isize),
            Action::MoveUp => self.step(-(n as isize)),
            Action::NextUnread => self.next_unread(true, n),
            Action::PrevUnread => self.next_unread(false, n),
            Action::NextFeedUnread => self.next_feed_unread(true, n),
            Action::PrevFeedUnread => self.next_feed_unread(false, n),
            Action::NextNew => self.next_new(n),
            Action::PageDown
            | Action::PageUp
            | Action::ReaderPageDown
            | Action::ReaderPageUp
            | Action::NextMatch
            | Action::PrevMatch => {
                for _ in 0..n.min(MAX_REPEAT) {
                    self.update(action);
                }
                Ok(())
            }
            Action::OpenInBrowser | Action::CopyLink => return self.numbered_link(action, n),
            other => return self.update(other),
        };
        if let Err(e) = result {
            self.notify(Severity::Error, e.to_string());
        }
        None
    }

    /// `20G`: the 20th article of the list, line of the article or entry
    /// of the sidebar, as focused (the last when there are fewer).
    fn go_to_number(&mut self, n: usize) -> Result<(), StoreError> {
        let index = n.saturating_sub(1);
        match self.focus {
            Focus::List => {
                if self.jump_in_results(index, false) {
                    return Ok(());
                }
                let height = self.list_height();
                self.list.select(index, &self.store, height)?;
                self.open_selected()?;
            }
            Focus::Reader => {
                let height = self.reader_height();
                if let Some(o) = self.opened.as_mut() {
                    o.scroll = index.min(o.lines.len().saturating_sub(height));
                }
            }
            Focus::Sidebar => {
                if let Some(o) = self.opened.as_mut() {
                    o.side_selected = index.min(o.items.len().saturating_sub(1));
                }
                self.keep_side_selection_visible();
            }
            Focus::Feeds => {
                self.feeds_move(isize::MIN);
                self.feeds_move(index as isize);
            }
        }
        Ok(())
    }

    /// `3o` / `3y`: the open article's link 3, the one marked `[3]` in
    /// the text and numbered 3 under Links in the sidebar.
    fn numbered_link(&mut self, action: Action, n: usize) -> Option<Effect> {
        let links = self.opened.as_ref().map(|o| &o.article.links)?;
        let Some(link) = links.get(n.wrapping_sub(1)) else {
            let message = match links.len() {
                0 => "This article has no links".to_string(),
                1 => format!("No link {n}: this article has 1 link"),
                many => format!("No link {n}: this article has {many} links"),
            };
            self.notify(Severity::Info, message);
            return None;
        };
        let url = link.url.clone();
        Some(match action {
            Action::CopyLink => Effect::Copy(url),
            _ => Effect::OpenUrl(url),
        })
    }
}
