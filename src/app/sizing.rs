//! Pane sizes, and what follows from them: the open article and its
//! sidebar wrapped to their panes' widths, the list and the sidebar's
//! selection kept in view.

use std::rc::Rc;

use ratatui::layout::Rect;

use super::layout::inner;
use super::reading::article_lines_with;
use super::sidebar::sidebar_lines;
use super::{App, Focus, Severity};
use crate::store::StoreError;

impl App {
    /// The panes as they would be with the focus on `focus`.
    fn panes_focused(&self, focus: Focus) -> super::layout::Panes {
        super::layout::split(self.area, focus, &self.settings.layout)
    }

    /// The terminal changed size.
    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        if let Err(e) = self.relayout() {
            self.notify(Severity::Error, e.to_string());
        }
    }

    pub(super) fn relayout(&mut self) -> Result<(), StoreError> {
        let height = self.list_height();
        self.list.ensure_visible(&self.store, height)?;
        self.layout_opened();
        Ok(())
    }

    pub(crate) fn list_height(&self) -> usize {
        let rect = self
            .panes()
            .list
            .or_else(|| self.panes_focused(Focus::List).list);
        rect.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    /// Rows of text the reading pane shows.
    pub fn reader_height(&self) -> usize {
        let rect = self
            .panes()
            .reader
            .or_else(|| self.panes_focused(Focus::Reader).reader);
        rect.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    fn reader_width(&self) -> usize {
        let rect = self
            .panes()
            .reader
            .or_else(|| self.panes_focused(Focus::Reader).reader);
        // One column is kept for the scrollbar.
        let text = rect.map(|r| {
            let area = inner(r);
            Rect {
                width: area.width.saturating_sub(1),
                ..area
            }
        });
        text.map_or(1, |t| usize::from(self.reading_column(t).width).max(1))
    }

    pub(crate) fn sidebar_height(&self) -> usize {
        let rect = self
            .panes()
            .sidebar
            .or_else(|| self.panes_focused(Focus::Sidebar).sidebar);
        rect.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    fn sidebar_width(&self) -> usize {
        let rect = self
            .panes()
            .sidebar
            .or_else(|| self.panes_focused(Focus::Sidebar).sidebar);
        rect.map_or(1, |r| usize::from(inner(r).width).max(1))
    }

    /// Re-wraps the open article and sidebar for the current pane widths,
    /// using the cache when this article was wrapped at this width before.
    pub(super) fn layout_opened(&mut self) {
        let width = self.reader_width();
        let side_width = self.sidebar_width();
        let reader_height = self.reader_height();
        let hyphenate = self.settings.hyphenate;
        let Some(opened) = self.opened.as_mut() else {
            return;
        };
        let key = (opened.article.id.clone(), width);
        if self.wrap_cache.len() > 64 {
            self.wrap_cache.clear();
        }
        // The same place in the text at the new width.
        let stop = super::stops::stop_at(&opened.lines, opened.scroll);
        let lines = self
            .wrap_cache
            .entry(key)
            .or_insert_with(|| Rc::new(article_lines_with(&opened.article, width, hyphenate)))
            .clone();
        opened.lines = lines;
        if let Some(stop) = stop {
            opened.scroll = super::stops::line_of(&opened.lines, stop);
        }
        opened.scroll = opened
            .scroll
            .min(opened.lines.len().saturating_sub(reader_height));
        opened.side_lines = sidebar_lines(&opened.items, side_width);
        self.keep_side_selection_visible();
    }

    pub(super) fn keep_side_selection_visible(&mut self) {
        let height = self.sidebar_height();
        let Some(opened) = self.opened.as_mut() else {
            return;
        };
        let selected = opened.side_selected;
        let rows: Vec<usize> = opened
            .side_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.item == Some(selected))
            .map(|(i, _)| i)
            .collect();
        if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
            if *first < opened.side_scroll {
                // Show the section heading above the first entry too.
                opened.side_scroll = first.saturating_sub(if selected == 0 { 1 } else { 0 });
            } else if *last >= opened.side_scroll + height {
                opened.side_scroll = last + 1 - height;
            }
        }
        let max = opened.side_lines.len().saturating_sub(height);
        opened.side_scroll = opened.side_scroll.min(max);
    }
}
