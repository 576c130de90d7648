//! The article list pane: one row per article, only the visible rows drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{focused, pane_block};
use crate::app::{App, Focus};
use crate::store::{Order, Summary};
use crate::text::wrap::{truncate, width};

pub fn render(frame: &mut Frame, rect: Rect, app: &App, theme: &Theme) {
    let list = &app.list;
    let name = crate::text::controls::without_controls(&app.list_title()).into_owned();
    let position = if list.total == 0 {
        String::new()
    } else {
        let more = if app.counting() { "+" } else { "" };
        format!(" {}/{}{more}", list.selected + 1, list.total)
    };
    let order = list.filter.order;
    let position = if order != Order::Newest && list.filter.query.is_none() {
        format!("{position} · {}", order.label())
    } else {
        position
    };
    let is_focused = focused(app, Focus::List);
    let block = pane_block(format!(" {name}{position} "), is_focused, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let height = usize::from(inner.height);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = (list.offset..list.total.min(list.offset + height))
        .map(|index| {
            // Rows still being read (a jump far down a search's results).
            let Some(row) = list.row(index) else {
                return Line::from("…").style(theme.read);
            };
            let selected = index == list.selected;
            let style = match (selected, is_focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ if row.read => theme.read,
                _ => theme.unread,
            };
            let note = if app.stops.is_begun(&row.id) {
                BEGUN
            } else if app.fresh.is_new(&row.id) {
                NEW
            } else {
                " "
            };
            row_line(app, row, note, w, theme, selected).style(style)
        })
        .collect();
    if lines.is_empty() && height > 0 {
        let text = if list.filter.bookmarked {
            "No bookmarks yet. Press b on an article."
        } else if !list.filter.is_all() {
            "Nothing here. Change the filter to see more."
        } else {
            "No articles. Import some with: edicola import FILE"
        };
        let para = Paragraph::new(text)
            .style(theme.dim)
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(para, inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The third mark of a row: an article begun and left before its end.
const BEGUN: &str = "»";
/// The third mark of a row: an article new since the user last looked.
const NEW: &str = "+";

/// The narrowest a title gets before the date, then the source, leave
/// the row.
const TITLE_MIN: usize = 16;

/// "★•» Title …… Source 2025-01-31", fitted to `w` columns; `note` is the
/// begun or new mark. The settings choose the columns; the date shows
/// whenever the title keeps `TITLE_MIN` columns, the source when there is
/// room after that.
fn row_line<'a>(
    app: &App,
    row: &Summary,
    note: &str,
    w: usize,
    theme: &Theme,
    selected: bool,
) -> Line<'a> {
    let columns = app.settings.layout.columns;
    let bookmark = if row.bookmarked { "★" } else { " " };
    let unread = if row.read { " " } else { "•" };
    let marks_w = if columns.marks { 3.min(w) } else { 0 };
    let mut room = w.saturating_sub(marks_w + TITLE_MIN);
    let date = row
        .published
        .filter(|_| columns.date)
        .map(|d| format!(" {}", app.date_text(d)))
        .filter(|d| d.len() > 1 && width(d) <= room);
    room -= date.as_deref().map_or(0, width);
    let source = row
        .source
        .as_deref()
        .filter(|s| columns.source && !s.is_empty() && w >= 28)
        .map(|s| format!(" {}", truncate(s, (w / 4).clamp(6, 18))))
        .filter(|s| width(s) <= room);
    let right = format!("{}{}", source.unwrap_or_default(), date.unwrap_or_default());
    let title_w = w.saturating_sub(marks_w + width(&right));
    let title = truncate(&crate::text::wrap::sanitize(&row.title), title_w);
    let pad = " ".repeat(title_w.saturating_sub(width(&title)));
    let mut spans = Vec::new();
    if marks_w > 0 {
        let mark_style = if selected {
            ratatui::style::Style::new()
        } else {
            theme.mark_bookmark
        };
        spans.push(Span::styled(bookmark.to_string(), mark_style));
        if marks_w > 1 {
            spans.push(Span::raw(unread.to_string()));
        }
        if marks_w > 2 {
            spans.push(Span::raw(note.to_string()));
        }
    }
    spans.push(Span::raw(title));
    spans.push(Span::raw(pad));
    if !right.is_empty() {
        let right_style = if selected {
            ratatui::style::Style::new()
        } else {
            theme.dim
        };
        spans.push(Span::styled(right, right_style));
    }
    Line::from(spans)
}
