//! The reading pane: the open article's pre-wrapped lines, a scrollbar and
//! a position indicator.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme::Theme;
use super::{focused, pane_block};
use crate::app::prompt::matches_in;
use crate::app::reading::LineKind;
use crate::app::{App, Focus};

pub fn render(frame: &mut Frame, rect: Rect, app: &App, theme: &Theme) {
    let is_focused = focused(app, Focus::Reader);
    let Some(opened) = &app.opened else {
        let block = pane_block(" Reading ".to_string(), is_focused, theme);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        frame.render_widget(
            Paragraph::new("No article selected").style(theme.dim),
            inner,
        );
        return;
    };
    let marks = match (opened.bookmarked, opened.read) {
        (true, _) => " ★ bookmarked",
        (false, false) => " • unread",
        (false, true) => "",
    };
    let height = usize::from(rect.height.saturating_sub(2));
    let total = opened.lines.len();
    let shown_end = (opened.scroll + height).min(total);
    let percent = if total <= height {
        100
    } else {
        shown_end * 100 / total
    };
    let position = format!(
        " {}-{}/{} {percent}% ",
        (opened.scroll + 1).min(total),
        shown_end,
        total
    );
    let block = pane_block(format!(" Reading{marks} "), is_focused, theme)
        .title_bottom(Line::from(position).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let text_area = Rect {
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let lines: Vec<Line> = opened
        .lines
        .iter()
        .skip(opened.scroll)
        .take(height)
        .map(|l| {
            let style = match l.kind {
                LineKind::Title => theme.article_title,
                LineKind::Meta => theme.meta,
                LineKind::Standfirst => theme.standfirst,
                LineKind::Body | LineKind::Blank => theme.body,
                LineKind::Pre => theme.meta.remove_modifier(ratatui::style::Modifier::ITALIC),
            };
            highlighted(&l.text, style, &app.highlight, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    if total > height && inner.width > 1 {
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .position(opened.scroll)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.dim);
        frame.render_stateful_widget(bar, inner, &mut state);
    }
}

/// A line with the search terms' matches in the highlight style.
fn highlighted<'a>(text: &'a str, style: Style, terms: &[String], theme: &Theme) -> Line<'a> {
    if terms.is_empty() {
        return Line::styled(text, style);
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, end) in matches_in(text, terms) {
        spans.push(Span::styled(&text[at..start], style));
        spans.push(Span::styled(&text[start..end], theme.selected));
        at = end;
    }
    spans.push(Span::styled(&text[at..], style));
    Line::from(spans)
}
