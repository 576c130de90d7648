//! Drawing: a pure function of `App` (and the theme). Never changes state,
//! never does I/O.

mod feeds;
mod list;
mod output;
mod overlay;
mod reader;
mod sidebar;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType};

use crate::app::{App, Focus, Overlay};
use theme::Theme;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let panes =
        crate::app::layout::panes_in(area, app.focus, app.feeds.is_some(), &app.settings.layout);
    if let Some(rect) = panes.feeds {
        feeds::render(frame, rect, app, theme);
    }
    if let Some(rect) = panes.list {
        list::render(frame, rect, app, theme);
    }
    if let Some(rect) = panes.reader {
        reader::render(frame, rect, app, theme);
    }
    if let Some(rect) = panes.sidebar {
        sidebar::render(frame, rect, app, theme);
    }
    if let Some(rect) = panes.status {
        status::render(frame, rect, app, theme);
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => overlay::help(frame, area, app, *scroll, theme),
        Some(Overlay::Blurb { item }) => overlay::blurb(frame, area, item, theme),
        Some(Overlay::Sources { entries, selected }) => {
            overlay::sources(frame, area, entries, *selected, theme)
        }
        Some(Overlay::Ignored { rows, selected }) => {
            overlay::ignored(frame, area, rows, *selected, theme)
        }
        Some(Overlay::Output { piped, scroll }) => {
            output::output(frame, area, piped, *scroll, theme)
        }
        None => {}
    }
}

/// The links on screen, for the terminal to make hyperlinks of: none
/// while a popup or a prompt is over the panes.
pub fn link_cells(app: &App, area: Rect) -> Vec<reader::LinkCells> {
    if app.overlay.is_some() || app.typing() {
        return Vec::new();
    }
    let panes =
        crate::app::layout::panes_in(area, app.focus, app.feeds.is_some(), &app.settings.layout);
    panes
        .reader
        .map(|rect| reader::link_cells(app, rect))
        .unwrap_or_default()
}

/// The bordered block of a pane; the focused one is thick and highlighted.
fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let (style, kind) = if focused {
        (theme.border_focused, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(title)
        .title_style(if focused {
            theme.border_focused
        } else {
            theme.title
        })
}

/// True when `pane` has the keyboard focus.
fn focused(app: &App, pane: Focus) -> bool {
    app.focus == pane && app.overlay.is_none()
}

/// A rectangle of at most `width` x `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
