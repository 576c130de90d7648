//! The popup with what a command the article was piped to printed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::centered;
use super::theme::Theme;
use crate::jobs::pipe::Piped;
use crate::text::controls::{Layout, for_terminal};
use crate::text::wrap::truncate;

/// The output's lines (clean already: see `jobs::pipe`), from `scroll`.
pub fn output(frame: &mut Frame, area: Rect, piped: &Piped, scroll: usize, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(100);
    let inner_w = usize::from(width.saturating_sub(2));
    let height = u16::try_from(piped.lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2))
        .max(3);
    let rect = centered(area, width, height);
    let lines: Vec<Line> = piped
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(height.saturating_sub(2)))
        .map(|l| Line::raw(truncate(l, inner_w)))
        .collect();
    let command = crate::jobs::pipe::strip_escapes(&piped.command);
    let command = for_terminal(&command, Layout::Line);
    let title = truncate(&format!(" | {command} "), inner_w.saturating_sub(2));
    let cut = if piped.cut { " · output cut" } else { "" };
    let hint = format!(" {}{cut} · Esc closes · j/k scroll ", piped.status);
    let border = if piped.success {
        theme.border_focused
    } else {
        theme.status_error
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(border)
        .title(title)
        .title_bottom(Line::from(hint).right_aligned());
    super::clear_for_popup(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
