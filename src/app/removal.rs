//! Removing the open article (`d`) and putting it back (undo), through
//! the writer thread like marks: another process's write lock never holds
//! up a key, and the list follows once the change is saved.

use super::edit::Undo;
use super::{App, Severity};
use crate::jobs::WriteRequest;
use crate::store::{Removed, StoreError};

impl App {
    /// `d`: removes the open article.
    pub(super) fn remove_selected(&mut self) -> Result<(), StoreError> {
        let Some(o) = self.opened.as_ref() else {
            return Ok(());
        };
        let (id, title) = (o.article.id.clone(), o.article.title.clone());
        let what = format!("Removing “{title}”");
        match self.write(WriteRequest::Remove { id }, Some(what.clone()))? {
            Some(applied) => self.removed(applied.removed),
            None => {
                self.notify(Severity::Info, format!("{what}…"));
                Ok(())
            }
        }
    }

    /// A removal was saved: the list follows, and undo can put it back.
    pub(super) fn removed(&mut self, removed: Option<Box<Removed>>) -> Result<(), StoreError> {
        let Some(removed) = removed else {
            self.notify(Severity::Info, "Already removed");
            return Ok(());
        };
        let (id, title) = (removed.article.id.clone(), removed.article.title.clone());
        self.push_undo(Undo::Removed(removed));
        if self.opened.as_ref().is_some_and(|o| o.article.id == id) {
            self.opened = None;
        }
        // Search results are read again on the search thread (counting
        // them can take longer than a key may); the answer opens the
        // article that took the removed one's place.
        if self.list.filter.query.is_none() || !self.search_again() {
            let height = self.list_height();
            self.list.reload(&self.store, height)?;
            if self.opened.is_none() {
                self.open_selected()?;
            }
        }
        self.notify(Severity::Info, format!("Removed “{title}” (ctrl-z undoes)"));
        self.request_feeds();
        Ok(())
    }

    /// Undo of a removal: the article goes back with its marks.
    pub(super) fn restore_removed(&mut self, removed: Box<Removed>) -> Result<(), StoreError> {
        let what = format!("Restoring “{}”", removed.article.title);
        let request = WriteRequest::Restore {
            removed: removed.clone(),
        };
        match self.write(request, Some(what.clone()))? {
            Some(_) => self.restored(&removed),
            None => {
                self.notify(Severity::Info, format!("{what}…"));
                Ok(())
            }
        }
    }

    /// A restore was saved: the article is shown again.
    pub(super) fn restored(&mut self, removed: &Removed) -> Result<(), StoreError> {
        self.opened = None;
        self.reload_keeping_selection()?;
        self.go_to_article(&removed.article.id)?;
        let message = format!("Restored “{}”", removed.article.title);
        self.notify(Severity::Info, message);
        Ok(())
    }
}
