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

/// Clears `rect` for a popup. A wide character just left of it, whose
/// second column the popup's border takes, becomes a space: the terminal
/// would otherwise keep drawing it over the border (the frame diff skips
/// the column after an unchanged wide character).
fn clear_for_popup(frame: &mut Frame, rect: Rect) {
    frame.render_widget(ratatui::widgets::Clear, rect);
    let buf = frame.buffer_mut();
    if rect.x <= buf.area.x {
        return;
    }
    let x = rect.x - 1;
    for y in rect.top()..rect.bottom() {
        let cell = &mut buf[(x, y)];
        if crate::text::wrap::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    fn row_after_popup_at(x: u16) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(8, 1)).expect("terminal");
        terminal
            .draw(|frame| {
                frame.render_widget(Paragraph::new("東京東京"), frame.area());
                clear_for_popup(frame, Rect::new(x, 0, 2, 1));
            })
            .expect("draw");
        let buf = terminal.backend().buffer();
        (0..8).map(|c| buf[(c, 0)].symbol().to_string()).collect()
    }

    #[test]
    fn a_wide_character_cut_by_a_popup_becomes_a_space() {
        // 京 takes columns 2 and 3; a popup from column 3 takes its half.
        let row = row_after_popup_at(3);
        assert_eq!(row[..3], ["東", " ", " "]);
        // A popup from column 4 cuts nothing: 京 stays.
        let row = row_after_popup_at(4);
        assert_eq!(row[2], "京");
    }
}
