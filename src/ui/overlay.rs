//! Overlays: the help (generated from the keymap) and the blurb popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::centered;
use super::theme::Theme;
use crate::app::App;
use crate::app::SourceEntry;
use crate::app::sidebar::SideItem;
use crate::text::wrap::{truncate, wrap};

/// The keys, as wide as their longest description needs (at least 60
/// columns); where the screen is narrower, descriptions end in "…".
pub fn help(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    use crate::text::wrap::width as cols;
    let rows = app.keymap.help_rows();
    let keys_w = rows.iter().map(|(_, k, _)| cols(k)).max().unwrap_or(0);
    let widest = rows.iter().map(|(_, _, d)| cols(d)).max().unwrap_or(0);
    // Two columns of indent, the keys, two of space, the description.
    let desc_at = keys_w + 4;
    let width = u16::try_from(desc_at + widest + 2)
        .unwrap_or(u16::MAX)
        .max(60);
    let room = usize::from(width.min(area.width).saturating_sub(2)).saturating_sub(desc_at);
    let mut lines: Vec<Line> = Vec::new();
    let mut last = None;
    for (context, keys, desc) in rows {
        if last != Some(context) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(context.title(), theme.heading));
            last = Some(context);
        }
        let pad = " ".repeat(keys_w - cols(&keys) + 2);
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys}{pad}"), theme.key),
            Span::raw(truncate(desc, room.max(1))),
        ]));
    }
    let rect = centered(
        area,
        width,
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focused)
        .title(" Keys ")
        .title_bottom(Line::from(" Esc closes · j/k scroll ").right_aligned());
    super::clear_for_popup(frame, rect);
    // Scrolled no further than the last line at the bottom.
    let last = lines
        .len()
        .saturating_sub(usize::from(rect.height.saturating_sub(2)));
    let scroll = u16::try_from(scroll.min(last)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
}

pub fn blurb(frame: &mut Frame, area: Rect, item: &SideItem, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(64);
    let text_w = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = wrap(&item.title, text_w)
        .into_iter()
        .map(|l| Line::styled(l, theme.article_title))
        .collect();
    if let Some(category) = &item.category {
        lines.push(Line::styled(category.clone(), theme.meta));
    }
    if let Some(blurb) = &item.blurb {
        lines.push(Line::raw(""));
        lines.extend(wrap(blurb, text_w).into_iter().map(Line::raw));
    }
    if let Some(url) = &item.url {
        lines.push(Line::raw(""));
        lines.extend(
            wrap(url, text_w)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim)),
        );
    }
    let hint = if item.url.is_some() {
        " Esc close · o open in browser "
    } else {
        " Esc close "
    };
    let rect = centered(
        area,
        width,
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focused)
        .title(" Not in your store ")
        .title_bottom(Line::from(hint).right_aligned());
    super::clear_for_popup(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

pub fn sources(
    frame: &mut Frame,
    area: Rect,
    entries: &[SourceEntry],
    selected: usize,
    theme: &Theme,
) {
    let rect = centered(
        area,
        50,
        u16::try_from(entries.len() + 2).unwrap_or(u16::MAX).max(3),
    );
    let inner_h = usize::from(rect.height.saturating_sub(2)).max(1);
    let first = selected.saturating_sub(inner_h - 1);
    let w = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(inner_h)
        .map(|(i, e)| {
            let text = truncate(&e.label, w);
            if i == selected {
                let pad = " ".repeat(w.saturating_sub(crate::text::wrap::width(&text)));
                Line::styled(format!("{text}{pad}"), theme.selected)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focused)
        .title(" Show ")
        .title_bottom(Line::from(" Enter choose · Esc close ").right_aligned());
    super::clear_for_popup(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// The articles ignore rules kept out: title, source and the rule, two
/// lines each.
pub fn ignored(
    frame: &mut Frame,
    area: Rect,
    rows: &[crate::store::IgnoredSummary],
    selected: usize,
    theme: &Theme,
) {
    let rect = centered(
        area,
        70,
        u16::try_from(rows.len() * 2 + 2).unwrap_or(u16::MAX).max(4),
    );
    let inner_h = usize::from(rect.height.saturating_sub(2)).max(2) / 2;
    let first = selected.saturating_sub(inner_h.saturating_sub(1));
    let w = usize::from(rect.width.saturating_sub(2));
    let sanitize = crate::text::wrap::sanitize;
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(first).take(inner_h) {
        let title = truncate(&sanitize(&row.title), w);
        let source = row.source.as_deref().map(sanitize).unwrap_or_default();
        let why = truncate(&format!("  {source} · rule: {}", sanitize(&row.rule)), w);
        if i == selected {
            let pad = |t: &str| " ".repeat(w.saturating_sub(crate::text::wrap::width(t)));
            lines.push(Line::styled(
                format!("{title}{}", pad(&title)),
                theme.selected,
            ));
            lines.push(Line::styled(format!("{why}{}", pad(&why)), theme.selected));
        } else {
            lines.push(Line::raw(title));
            lines.push(Line::styled(why, theme.dim));
        }
    }
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focused)
        .title(format!(" Ignored ({}) ", rows.len()))
        .title_bottom(Line::from(" Enter take back · Esc close ").right_aligned());
    super::clear_for_popup(frame, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
