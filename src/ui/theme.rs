//! Styles, chosen once at start-up from the settings: the dark or light
//! colours with the user's changes, or none under `NO_COLOR` (then focus
//! and selection use bold, reverse and thick borders only).

use ratatui::style::{Color, Modifier, Style};

use crate::settings::{Element, ThemeName};

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
    /// Quotations in an article.
    pub quote: Style,
    /// Links in an article's text.
    pub link: Style,
    /// Words that match the search, in the reading pane.
    pub search_match: Style,
    pub stored_link: Style,
    pub status: Style,
    pub status_error: Style,
    pub key: Style,
}

impl Theme {
    /// The dark theme for a terminal with colours, or none when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        Theme::dark()
    }

    /// The theme the settings ask for. `no_color` wins: no colours at all,
    /// only the modifiers the settings change.
    pub fn from_settings(settings: &crate::settings::Theme, no_color: bool) -> Theme {
        let mut theme = match (no_color, settings.name) {
            (true, _) => Theme::monochrome(),
            (false, ThemeName::Dark) => Theme::dark(),
            (false, ThemeName::Light) => Theme::light(),
        };
        for (element, spec) in &settings.overrides {
            let style = theme.style_mut(*element);
            *style = spec.apply(*style, no_color);
        }
        theme
    }

    /// The style a settings element names.
    pub fn style_mut(&mut self, element: Element) -> &mut Style {
        match element {
            Element::Border => &mut self.border,
            Element::Focus => &mut self.border_focused,
            Element::Title => &mut self.title,
            Element::Selection => &mut self.selected,
            Element::SelectionUnfocused => &mut self.selected_unfocused,
            Element::Unread => &mut self.unread,
            Element::Read => &mut self.read,
            Element::Dim => &mut self.dim,
            Element::Bookmark => &mut self.mark_bookmark,
            Element::Section => &mut self.heading,
            Element::ArticleTitle => &mut self.article_title,
            Element::Meta => &mut self.meta,
            Element::Standfirst => &mut self.standfirst,
            Element::Body => &mut self.body,
            Element::Heading => &mut self.body_heading,
            Element::Quote => &mut self.quote,
            Element::Code => &mut self.code,
            Element::Link => &mut self.link,
            Element::StoredLink => &mut self.stored_link,
            Element::SearchMatch => &mut self.search_match,
            Element::Status => &mut self.status,
            Element::StatusError => &mut self.status_error,
            Element::Key => &mut self.key,
        }
    }

    /// Light text on a dark background.
    pub fn dark() -> Theme {
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
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            search_match: Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            stored_link: Style::new().fg(Color::Green),
            status: Style::new().bg(Color::Black).fg(Color::Gray),
            status_error: Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
        }
    }

    /// Dark text on a light background: no white or yellow text, and
    /// selections in pale colours under black text.
    pub fn light() -> Theme {
        let accent = Color::Blue;
        Theme {
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Indexed(153))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::Indexed(253)).fg(Color::Black),
            unread: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            read: Style::new().fg(Color::DarkGray),
            dim: Style::new().fg(Color::DarkGray),
            mark_bookmark: Style::new().fg(Color::Indexed(130)),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            article_title: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            meta: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            standfirst: Style::new().add_modifier(Modifier::ITALIC),
            body: Style::new(),
            body_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Magenta),
            quote: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            link: Style::new().fg(accent).add_modifier(Modifier::UNDERLINED),
            search_match: Style::new()
                .bg(Color::Indexed(229))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            stored_link: Style::new().fg(Color::Green),
            status: Style::new().bg(Color::Indexed(254)).fg(Color::Black),
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
            quote: Style::new().add_modifier(Modifier::ITALIC),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            search_match: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            stored_link: plain,
            status: Style::new().add_modifier(Modifier::REVERSED),
            status_error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: bold,
        }
    }
}
