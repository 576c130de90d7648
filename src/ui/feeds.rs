//! The feeds pane: headings (tags, saved searches, imported sources) and
//! their entries, each with unread/total counts, a mark for a failing
//! feed, and the date of the newest article when there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{focused, pane_block};
use crate::app::feeds::{Entry, Row};
use crate::app::{App, Focus};
use crate::text::wrap::{sanitize, truncate, width};

pub fn render(frame: &mut Frame, rect: Rect, app: &App, theme: &Theme) {
    let Some(pane) = &app.feeds else { return };
    let is_focused = focused(app, Focus::Feeds);
    let title = if pane.data.is_none() && pane.error.is_none() {
        " Feeds · reading… ".to_string()
    } else {
        " Feeds ".to_string()
    };
    let block = pane_block(title, is_focused, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if let Some(error) = &pane.error {
        let para = Paragraph::new(sanitize(error))
            .style(theme.status_error)
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(para, inner);
        return;
    }
    let (w, height) = (usize::from(inner.width), usize::from(inner.height));
    let lines: Vec<Line> = pane
        .rows
        .iter()
        .enumerate()
        .skip(pane.scroll)
        .take(height)
        .map(|(i, row)| {
            let selected = i == pane.selected;
            let style = match (selected, is_focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ if row.depth == 0 || matches!(row.entry, Entry::Folder { .. }) => theme.heading,
                _ if row.count.is_some_and(|c| c.unread == 0) => theme.read,
                _ => theme.unread,
            };
            row_line(app, row, w, theme, selected).style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "▾ #tech …… 3/120 2025-01-31", fitted to `w` columns.
fn row_line<'a>(app: &App, row: &Row, w: usize, theme: &Theme, selected: bool) -> Line<'a> {
    let fold = match (row.entry.folds(), row.folded) {
        (true, true) => "▸ ",
        (true, false) => "▾ ",
        _ => "",
    };
    let indent = "  ".repeat(usize::from(row.depth));
    let mark = if row.error.is_some() { "! " } else { "" };
    let mut right = String::new();
    if let Some(c) = row.count {
        right = if c.unread > 0 {
            format!(" {}/{}", c.unread, c.total)
        } else {
            format!(" {}", c.total)
        };
        if let Some(date) = c.newest.map(|d| app.date_text(d)).filter(|_| w >= 40) {
            right.push(' ');
            right.push_str(&date);
        }
    }
    let lead = format!("{indent}{fold}");
    let label_w = w.saturating_sub(width(&lead) + width(mark) + width(&right));
    let label = truncate(&sanitize(&row.label), label_w);
    let pad = " ".repeat(label_w.saturating_sub(width(&label)));
    let plain = ratatui::style::Style::new();
    let (mark_style, right_style) = if selected {
        (plain, plain)
    } else {
        (theme.status_error, theme.dim)
    };
    let mut spans = vec![Span::raw(truncate(&lead, w))];
    if !mark.is_empty() && w > width(&lead) + 2 {
        spans.push(Span::styled(mark, mark_style));
    }
    spans.push(Span::raw(label));
    spans.push(Span::raw(pad));
    if width(&right) + width(&lead) < w {
        spans.push(Span::styled(right, right_style));
    }
    Line::from(spans)
}
