//! The status bar: the last message, or hints generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Severity};
use crate::keymap::{Context, pretty};
use crate::text::wrap::{sanitize, truncate, width};

const OVERLAY_HINTS: [Action; 2] = [Action::Close, Action::OpenInBrowser];
const FEEDS_HINTS: [Action; 7] = [
    Action::Open,
    Action::AddFeed,
    Action::MarkAllRead,
    Action::Rename,
    Action::EditTags,
    Action::RemoveArticle,
    Action::Help,
];
const HINTS: [Action; 6] = [
    Action::Help,
    Action::Open,
    Action::ToggleBookmark,
    Action::ToggleBookmarksView,
    Action::Quit,
    Action::Refresh,
];

/// Marks waiting to go up to feed servers (`↑3`), and the list's filter.
fn right_side(app: &App) -> String {
    let mut right = String::new();
    if app.waiting_marks > 0 {
        right.push_str(&format!(" ↑{}", app.waiting_marks));
    }
    let label = app.filter().label();
    if !label.is_empty() {
        right.push_str(&format!(" [{label}]"));
    }
    if !right.is_empty() {
        right.push(' ');
    }
    right
}

pub fn render(frame: &mut Frame, rect: Rect, app: &App, theme: &Theme) {
    let w = usize::from(rect.width);
    let right = right_side(app);
    if let Some(input) = &app.input {
        let hint = if input.completions().is_empty() || input.text.is_empty() {
            match input.ask {
                crate::app::input::Ask::Confirm(_) => String::new(),
                crate::app::input::Ask::Command => " Tab completes · Esc cancel ".into(),
                _ => " Enter · Esc cancel ".into(),
            }
        } else {
            format!(" {} ", input.completions().join(" "))
        };
        let typed = sanitize(&format!("{}{}", input.question, input.text));
        let shown = truncate(
            &format!("{typed}█"),
            w.saturating_sub(width(&hint).min(w / 2)),
        );
        let hint = truncate(&hint, w.saturating_sub(width(&shown)));
        let pad = " ".repeat(w.saturating_sub(width(&shown) + width(&hint)));
        let line = Line::from(vec![
            Span::styled(shown, theme.key),
            Span::styled(pad, theme.status),
            Span::styled(hint, theme.status),
        ]);
        frame.render_widget(Paragraph::new(line).style(theme.status), rect);
        return;
    }
    if let Some(text) = &app.prompt {
        let partial = match app.running.indexing {
            Some((done, total)) => format!(" (index {}%)", done * 100 / total.max(1)),
            None => String::new(),
        };
        let count = format!(
            "  {}{partial} · Enter keep · Esc clear ",
            crate::app::prompt::prompt_summary(app)
        );
        let input = truncate(&format!("/{text}█"), w.saturating_sub(width(&count)));
        let pad = " ".repeat(w.saturating_sub(width(&input) + width(&count)));
        let line = Line::from(vec![
            Span::styled(input, theme.key),
            Span::styled(pad, theme.status),
            Span::styled(count, theme.status),
        ]);
        frame.render_widget(Paragraph::new(line).style(theme.status), rect);
        return;
    }
    let running = app.running.describe();
    let (text, style) = match &app.status {
        Some((message, Severity::Error)) => (message.clone(), theme.status_error),
        // Progress first: a message stays readable after it.
        Some((message, Severity::Info)) if !running.is_empty() => {
            (format!("{running} · {message}"), theme.status)
        }
        Some((message, Severity::Info)) => (message.clone(), theme.status),
        None if !running.is_empty() => (running, theme.status),
        None if app.samples => (
            "Sample articles. Import your own: edicola import FILE…".to_string(),
            theme.status,
        ),
        None => (String::new(), theme.status),
    };
    let text = match app.count {
        Some(n) => format!("{n}… (Esc clears) {text}"),
        None => text,
    };
    let message = truncate(&format!(" {text} "), w.saturating_sub(width(&right)));
    let mut used = width(&message) + width(&right);
    let mut spans = vec![Span::styled(message, style)];
    let context = app.context();
    let hinted: &[Action] = match context {
        Context::Overlay => &OVERLAY_HINTS,
        Context::Feeds => &FEEDS_HINTS,
        _ => &HINTS,
    };
    let mut hints: Vec<Span> = Vec::new();
    for action in hinted {
        let Some(key) = app.keymap.keys_for(context, *action).into_iter().next() else {
            continue;
        };
        let key = pretty(&key);
        let label = format!(" {}  ", action.hint());
        if used + width(&key) + width(&label) > w {
            break;
        }
        used += width(&key) + width(&label);
        hints.push(Span::styled(key, theme.key));
        hints.push(Span::styled(label, theme.status));
    }
    spans.push(Span::styled(
        " ".repeat(w.saturating_sub(used)),
        theme.status,
    ));
    spans.extend(hints);
    spans.push(Span::styled(right, theme.key));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), rect);
}
