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
use crate::app::reading::{LineKind, Mark, ReadLine};
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
    let text_area = text_area(app, inner);
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
                LineKind::Body | LineKind::Blank | LineKind::Table => theme.body,
                LineKind::Quote => theme.quote,
                LineKind::Heading => theme.body_heading,
                LineKind::Pre => theme.code,
                LineKind::Image => theme.meta,
                LineKind::Rule => theme.dim,
            };
            styled(l, style, &app.highlight, theme)
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

/// Where the article's text goes inside the pane's borders: the reading
/// column, left of the scrollbar.
fn text_area(app: &App, inner: Rect) -> Rect {
    app.reading_column(Rect {
        width: inner.width.saturating_sub(1),
        ..inner
    })
}

/// A link's text on screen: `width` cells from (`x`, `y`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkCells {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// Where the open article's links are drawn in the reading pane `rect`
/// (as `render` draws it), for terminals that make them hyperlinks.
pub fn link_cells(app: &App, rect: Rect) -> Vec<LinkCells> {
    use crate::text::wrap::width;
    let Some(opened) = &app.opened else {
        return Vec::new();
    };
    let inner = Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    };
    let area = text_area(app, inner);
    let right = area.x.saturating_add(area.width);
    let mut cells = Vec::new();
    for (row, line) in opened
        .lines
        .iter()
        .skip(opened.scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        for &(start, end, mark) in &line.marks {
            let Mark::Link(Some(i)) = mark else { continue };
            let (Some(before), Some(text), Some(link)) = (
                line.text.get(..start),
                line.text.get(start..end),
                opened.article.links.get(i),
            ) else {
                continue;
            };
            let x = area
                .x
                .saturating_add(u16::try_from(width(before)).unwrap_or(u16::MAX));
            let shown = u16::try_from(width(text))
                .unwrap_or(u16::MAX)
                .min(right.saturating_sub(x));
            if shown > 0 {
                cells.push(LinkCells {
                    x,
                    y: area.y + row as u16,
                    width: shown,
                    url: link.url.clone(),
                });
            }
        }
    }
    cells
}

/// A line in its style, with its inline marks and the search terms'
/// matches (in the highlight style, over anything else).
fn styled<'a>(line: &'a ReadLine, base: Style, terms: &[String], theme: &Theme) -> Line<'a> {
    let text = line.text.as_str();
    if terms.is_empty() && line.marks.is_empty() {
        return Line::styled(text, base);
    }
    let found: Vec<(usize, usize)> = if terms.is_empty() {
        Vec::new()
    } else {
        matches_in(text, terms).collect()
    };
    // Every place where the style may change.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e, _) in &line.marks {
        cuts.extend([s, e]);
    }
    for &(s, e) in &found {
        cuts.extend([s, e]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let (s, e) = (w[0], w[1]);
            let style = if found.iter().any(|&(a, b)| a <= s && e <= b) {
                theme.search_match
            } else {
                line.marks
                    .iter()
                    .filter(|&&(a, b, _)| a <= s && e <= b)
                    .fold(base, |style, &(_, _, mark)| {
                        style.patch(mark_style(mark, theme))
                    })
            };
            Span::styled(&text[s..e], style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

fn mark_style(mark: Mark, theme: &Theme) -> Style {
    use ratatui::style::Modifier;
    match mark {
        Mark::Emphasis => Style::new().add_modifier(Modifier::ITALIC),
        Mark::Strong => Style::new().add_modifier(Modifier::BOLD),
        Mark::Code => theme.code,
        Mark::Link(_) => theme.link,
        Mark::Decor => theme.dim,
    }
}
