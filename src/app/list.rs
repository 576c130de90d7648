//! The list pane's model: a window of rows over the store, so that only the
//! visible rows (plus a margin) are ever loaded.

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
    pub fn ensure_visible(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.total.saturating_sub(height));
        let want_end = (self.offset + height).min(self.total);
        let have_end = self.rows_start + self.rows.len();
        if self.offset < self.rows_start || want_end > have_end || self.rows.is_empty() {
            let start = self.offset.saturating_sub(height);
            self.rows = store.page(&self.filter, start, height * 3)?;
            self.rows_start = start;
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
