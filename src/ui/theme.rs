//! Styles, chosen once at start-up: colours, or none under `NO_COLOR`
//! (then focus and selection use bold, reverse and thick borders only).

use ratatui::style::{Color, Modifier, Style};

/// Every style the renderer uses.
#[derive(Debug, Clone)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub unread: Style,
    pub read: Style,
    pub dim: Style,
    pub mark_bookmark: Style,
    pub heading: Style,
    pub article_title: Style,
    pub meta: Style,
    pub standfirst: Style,
    pub body: Style,
    /// Headings inside an article.
    pub body_heading: Style,
    /// Code blocks and code in running text.
    pub code: Style,
    pub stored_link: Style,
    pub status: Style,
    pub status_error: Style,
    pub key: Style,
}

impl Theme {
    /// The theme for a terminal with colours, or without when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        let accent = Color::Cyan;
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
            unread: Style::new().add_modifier(Modifier::BOLD),
            read: Style::new().fg(Color::Gray),
            dim: Style::new().fg(Color::DarkGray),
            mark_bookmark: Style::new().fg(Color::Yellow),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            article_title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            standfirst: Style::new().add_modifier(Modifier::ITALIC),
            body: Style::new(),
            body_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Yellow),
            stored_link: Style::new().fg(Color::Green),
            status: Style::new().bg(Color::Black).fg(Color::Gray),
            status_error: Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
        }
    }

    fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: plain,
            border_focused: bold,
            title: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            unread: bold,
            read: plain,
            dim: plain,
            mark_bookmark: plain,
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            article_title: bold,
            meta: Style::new().add_modifier(Modifier::ITALIC),
            standfirst: Style::new().add_modifier(Modifier::ITALIC),
            body: plain,
            body_heading: bold,
            code: plain,
            stored_link: plain,
            status: Style::new().add_modifier(Modifier::REVERSED),
            status_error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: bold,
        }
    }
}
