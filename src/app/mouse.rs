//! Mouse: the wheel scrolls the pane under the pointer, a click focuses a
//! pane and selects the row under it.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::layout::inner;
use super::{App, Focus};

const WHEEL_STEP: isize = 3;

impl App {
    /// Handles a mouse event; returns true when something changed.
    pub fn on_mouse(&mut self, event: MouseEvent) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        let panes = self.panes();
        let Some(pane) = panes.at(event.column, event.row) else {
            return false;
        };
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = matches!(event.kind, MouseEventKind::ScrollDown);
                let focus = self.focus;
                self.focus = pane;
                // One move of three rows: only the article landed on is opened.
                let result = self.step(if down { WHEEL_STEP } else { -WHEEL_STEP });
                self.focus = focus;
                if let Err(e) = result {
                    self.notify(super::Severity::Error, e.to_string());
                }
                true
            }
            MouseEventKind::Down(MouseButton::Left) => {
                let Some(area) = panes.get(pane).map(inner) else {
                    return false;
                };
                self.set_focus(pane);
                if event.row < area.y || event.row >= area.y + area.height {
                    return true;
                }
                let row = usize::from(event.row - area.y);
                match pane {
                    Focus::List => {
                        let index = self.list.offset + row;
                        if index < self.list.total {
                            let delta = index as isize - self.list.selected as isize;
                            if let Err(e) = self.step(delta) {
                                self.notify(super::Severity::Error, e.to_string());
                            }
                        }
                    }
                    Focus::Sidebar => {
                        let item = self.opened.as_ref().and_then(|o| {
                            o.side_lines.get(o.side_scroll + row).and_then(|l| l.item)
                        });
                        if let (Some(item), Some(o)) = (item, self.opened.as_mut()) {
                            o.side_selected = item;
                        }
                    }
                    Focus::Feeds => {
                        if let Some(pane) = self.feeds.as_mut() {
                            let index = pane.scroll + row;
                            if index < pane.rows.len() {
                                pane.selected = index;
                            }
                        }
                    }
                    Focus::Reader => {}
                }
                true
            }
            _ => false,
        }
    }
}
