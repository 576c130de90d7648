//! The list pane's model: a window of rows over the store, so that only the
//! visible rows (plus a margin) are ever loaded.

use crate::jobs::Found;
use crate::store::{Filter, Store, StoreError, Summary};

/// Selection, scroll offset and the loaded rows of the article list.
#[derive(Debug, Default)]
pub struct ListWindow {
    pub filter: Filter,
    /// Number of articles the filter covers.
    pub total: usize,
    /// Index of the selected article in the whole list.
    pub selected: usize,
    /// Index of the first visible row.
    pub offset: usize,
    /// Rows loaded from the store, starting at `rows_start`.
    rows: Vec<Summary>,
    rows_start: usize,
}

impl ListWindow {
    /// Reloads the count and the rows around the selection.
    pub fn reload(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        self.total = store.count(&self.filter)?;
        self.selected = self.selected.min(self.total.saturating_sub(1));
        self.rows.clear();
        self.ensure_visible(store, height)
    }

    /// Shows a search's results at the rows it found (from the top, or
    /// further down after a jump).
    pub fn show_found(&mut self, filter: Filter, found: Found) {
        self.filter = filter;
        self.total = found.total;
        self.selected = found.start.min(found.total.saturating_sub(1));
        self.offset = self.selected;
        self.rows = found.rows;
        self.rows_start = found.start;
    }

    /// True when showing row `index` would read rows out of reach of those
    /// loaded (not a page away from them).
    pub fn is_far(&self, index: usize, height: usize) -> bool {
        let end = self.rows_start + self.rows.len();
        self.rows.is_empty() || index + height < self.rows_start || index >= end + height
    }

    /// Selects row `index` with none of its rows loaded: they come later
    /// (`show_found`), and are drawn as they come.
    pub fn select_unloaded(&mut self, index: usize, height: usize) {
        self.selected = index.min(self.total.saturating_sub(1));
        self.offset = self
            .selected
            .saturating_sub(height.max(1) - 1)
            .min(self.total.saturating_sub(height));
        self.rows.clear();
        self.rows_start = self.selected;
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(
        &mut self,
        delta: isize,
        store: &Store,
        height: usize,
    ) -> Result<(), StoreError> {
        let last = self.total.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.ensure_visible(store, height)
    }

    /// Selects row `index` (clamped).
    pub fn select(&mut self, index: usize, store: &Store, height: usize) -> Result<(), StoreError> {
        self.selected = index.min(self.total.saturating_sub(1));
        self.ensure_visible(store, height)
    }

    /// Scrolls the view so the selection is visible and loads the rows shown.
    /// Scrolling past the loaded rows loads a page more in that direction;
    /// a jump loads only the rows shown. Each row costs a lookup in the
    /// store, so a jump in a large store stays as cheap as a step.
    pub fn ensure_visible(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.total.saturating_sub(height));
        let (want_start, want_end) = (self.offset, (self.offset + height).min(self.total));
        let (have_start, have_end) = (self.rows_start, self.rows_start + self.rows.len());
        let loaded = !self.rows.is_empty() || self.total == 0;
        if loaded && want_start >= have_start && want_end <= have_end {
            return Ok(());
        }
        let overlaps = !self.rows.is_empty() && want_start < have_end && want_end > have_start;
        // At most three pages stay loaded around the view.
        let keep = height * 3;
        if overlaps && want_start >= have_start {
            let end = want_end.max(have_end + height).min(self.total);
            let more = window(store, &self.filter, self.total, have_end, end)?;
            self.rows.extend(more);
            let drop = self
                .rows
                .len()
                .saturating_sub(keep)
                .min(want_start - self.rows_start);
            self.rows.drain(..drop);
            self.rows_start += drop;
        } else if overlaps && want_end <= have_end {
            let start = want_start.min(have_start.saturating_sub(height));
            let mut rows = window(store, &self.filter, self.total, start, have_start)?;
            rows.append(&mut self.rows);
            rows.truncate(keep.max(want_end - start));
            self.rows = rows;
            self.rows_start = start;
        } else {
            self.rows = window(store, &self.filter, self.total, want_start, want_end)?;
            self.rows_start = want_start;
        }
        Ok(())
    }

    /// The loaded row at list index `index`, if loaded.
    pub fn row(&self, index: usize) -> Option<&Summary> {
        index
            .checked_sub(self.rows_start)
            .and_then(|i| self.rows.get(i))
    }

    /// The selected row.
    pub fn current(&self) -> Option<&Summary> {
        self.row(self.selected)
    }

    /// Updates the marks of a loaded row after a change.
    pub fn set_marks(&mut self, id: &str, bookmarked: bool, read: bool) {
        for row in self.rows.iter_mut().filter(|r| r.id == id) {
            row.bookmarked = bookmarked;
            row.read = read;
        }
    }
}

/// Rows `start..end` of the list; a window in the older half of a list
/// without a search is read from the end, which is cheaper there.
fn window(
    store: &Store,
    filter: &Filter,
    total: usize,
    start: usize,
    end: usize,
) -> Result<Vec<Summary>, StoreError> {
    // A search's rows have no cheaper order from the end (and counting
    // them again, as `page_from_end` would, reads every match).
    if start > total / 2 && filter.query.is_none() {
        store.page_from_end(filter, total.saturating_sub(end), end - start)
    } else {
        store.page(filter, start, end - start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;
    use crate::store::Origin;

    fn store(n: usize) -> Store {
        let mut store = Store::open_in_memory().expect("store");
        let articles: Vec<Article> = (0..n)
            .map(|i| Article {
                id: format!("{i:016x}"),
                title: format!("Articolo {i}"),
                // Pairs of articles share a date: ties are ordered by id.
                published: Some(1_700_000_000 + (i / 2) as i64),
                body: vec![format!("Testo {i}.")],
                ..Article::default()
            })
            .collect();
        store.upsert(&articles, Origin::User).expect("upsert");
        store
    }

    #[test]
    fn the_rows_shown_are_the_list_rows_after_any_moves() {
        let store = store(97);
        let all = store.page(&Filter::all(), 0, 200).expect("page");
        let mut list = ListWindow::default();
        let height = 7;
        list.reload(&store, height).expect("reload");
        let moves: [isize; 16] = [
            1,
            1,
            9,
            -3,
            isize::MAX,
            -1,
            -8,
            -20,
            isize::MIN,
            7,
            7,
            7,
            -7,
            50,
            -2,
            1,
        ];
        for delta in moves.iter().cycle().take(200) {
            list.move_by(*delta, &store, height).expect("move");
            assert!(list.offset <= list.selected && list.selected < list.offset + height);
            assert!(list.rows.len() <= height * 3);
            let shown = all.iter().enumerate().skip(list.offset).take(height);
            for (index, expected) in shown {
                let row = list.row(index).map(|r| r.id.as_str());
                assert_eq!(row, Some(expected.id.as_str()), "row {index}");
            }
        }
    }
}
