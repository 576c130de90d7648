//! The status bar: the last message, or hints generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Severity};
use crate::keymap::pretty;
use crate::store::Filter;
use crate::text::wrap::{truncate, width};

const HINTED: [Action; 5] = [
    Action::Help,
    Action::Open,
    Action::ToggleBookmark,
    Action::ToggleBookmarksView,
    Action::Quit,
];

pub fn render(frame: &mut Frame, rect: Rect, app: &App, theme: &Theme) {
    let w = usize::from(rect.width);
    let right = match app.filter() {
        Filter::Bookmarked => " [bookmarks only] ",
        Filter::All => "",
    };
    let (text, style) = match &app.status {
        Some((message, Severity::Error)) => (message.clone(), theme.status_error),
        Some((message, Severity::Info)) => (message.clone(), theme.status),
        None if app.samples => (
            "Sample articles. Import your own: edicola import FILE…".to_string(),
            theme.status,
        ),
        None => (String::new(), theme.status),
    };
    let mut spans = vec![Span::styled(format!(" {text} "), style)];
    let context = app.context();
    let mut hints: Vec<Span> = Vec::new();
    for action in HINTED {
        if let Some(key) = app.keymap.keys_for(context, action).first() {
            hints.push(Span::styled(pretty(key), theme.key));
            hints.push(Span::styled(format!(" {}  ", action.hint()), theme.status));
        }
    }
    let used = width(&format!(" {text} ")) + width(right);
    let hint_w: usize = hints.iter().map(|s| width(&s.content)).sum();
    if used + hint_w <= w {
        let gap = w - used - hint_w;
        spans.push(Span::styled(" ".repeat(gap), theme.status));
        spans.extend(hints);
    } else {
        let line = truncate(&format!(" {text} "), w.saturating_sub(width(right)));
        spans = vec![Span::styled(line.clone(), style)];
        spans.push(Span::styled(
            " ".repeat(w.saturating_sub(width(&line) + width(right))),
            theme.status,
        ));
    }
    spans.push(Span::styled(right, theme.key));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), rect);
}
