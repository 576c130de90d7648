//! The related sidebar: copies of the same story, page-listed entries,
//! similar stored articles (near-duplicates folded), links.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{focused, pane_block};
use crate::app::sidebar::SideLineKind;
use crate::app::{App, Focus};
use crate::text::wrap::width;

pub fn render(frame: &mut Frame, rect: Rect, app: &App, theme: &Theme) {
    let is_focused = focused(app, Focus::Sidebar);
    // Lookups in flight are said in the title, so that an empty section
    // reads as "not yet", not as "nothing".
    let looking = app
        .opened
        .as_ref()
        .is_some_and(|o| o.lookups_sent && !o.lookups_done());
    let title = if looking {
        " Related · looking up… "
    } else {
        " Related "
    };
    let block = pane_block(title.to_string(), is_focused, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let Some(opened) = &app.opened else { return };
    let w = usize::from(inner.width);
    let lines: Vec<Line> = opened
        .side_lines
        .iter()
        .skip(opened.side_scroll)
        .take(usize::from(inner.height))
        .map(|l| {
            let selected = l.item.is_some() && l.item == Some(opened.side_selected);
            let base = match l.kind {
                SideLineKind::SameStory => theme.stored_link.add_modifier(Modifier::BOLD),
                SideLineKind::Heading => theme.heading,
                SideLineKind::Title if l.stored => theme.stored_link,
                SideLineKind::Title => theme.body,
                SideLineKind::Detail | SideLineKind::Empty => theme.dim,
                SideLineKind::Blank => theme.body,
            };
            let style = match (selected, is_focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ => base,
            };
            let pad = " ".repeat(w.saturating_sub(width(&l.text)));
            if selected {
                Line::styled(format!("{}{pad}", l.text), style)
            } else {
                Line::styled(l.text.as_str(), style)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
