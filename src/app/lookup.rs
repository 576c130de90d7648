//! The sidebar's lookups, kept off the keypress path (see `jobs::lookups`).
//! Opening an article shows its sidebar without them; the event loop asks
//! for them once input pauses and has them answered on another thread, so a
//! key pressed meanwhile is handled at once. `idle_work` answers them on
//! this thread instead (tests, stores held in memory).

use super::opening::page_item;
use super::sidebar::Section;
use super::{App, Opened, Severity};

pub use crate::jobs::{LookupAnswer, LookupRequest, StoredIds};

impl Opened {
    /// True once every lookup of the sidebar was answered.
    pub fn lookups_done(&self) -> bool {
        self.stored_loaded && self.similar_loaded
    }
}

impl App {
    /// True when the open article's sidebar needs lookups not yet asked for.
    pub fn has_idle_work(&self) -> bool {
        self.opened
            .as_ref()
            .is_some_and(|o| !o.lookups_sent && !o.lookups_done())
    }

    /// True while lookups that were asked for have not all been answered.
    pub fn awaiting_lookups(&self) -> bool {
        self.opened
            .as_ref()
            .is_some_and(|o| o.lookups_sent && !o.lookups_done())
    }

    /// The lookups the open article's sidebar needs; each opening asks once.
    pub fn lookup_request(&mut self) -> Option<LookupRequest> {
        if !self.has_idle_work() {
            return None;
        }
        let o = self.opened.as_mut()?;
        o.lookups_sent = true;
        Some(LookupRequest {
            opening: o.opening,
            id: o.article.id.clone(),
            titles: o.article.related.iter().map(|e| e.title.clone()).collect(),
            urls: o.article.links.iter().map(|l| l.url.clone()).collect(),
        })
    }

    /// Answers the open article's lookups now, on this thread.
    pub fn idle_work(&mut self) {
        if let Some(request) = self.lookup_request() {
            self.answer_now(&request);
        }
    }

    /// Answers a request on this thread, with the app's own connection.
    pub fn answer_now(&mut self, request: &LookupRequest) {
        let stored = request.stored(&self.store);
        self.on_lookup(stored);
        let similar = request.similar(&self.store);
        self.on_lookup(similar);
    }

    /// Shows an answer in the sidebar, if it is for the article still open
    /// (and this opening of it).
    pub fn on_lookup(&mut self, answer: LookupAnswer) {
        let (LookupAnswer::Stored { opening, .. } | LookupAnswer::Similar { opening, .. }) = answer;
        let Some(o) = self.opened.as_mut().filter(|o| o.opening == opening) else {
            return;
        };
        match answer {
            LookupAnswer::Stored { result, .. } if !o.stored_loaded => {
                o.stored_loaded = true;
                match result {
                    Ok(ids) => {
                        let page = o
                            .items
                            .iter_mut()
                            .filter(|i| i.section == Some(Section::FromPage));
                        for ((item, entry), stored) in page.zip(&o.article.related).zip(ids.related)
                        {
                            *item = page_item(entry, stored);
                        }
                        let links = o
                            .items
                            .iter_mut()
                            .filter(|i| i.section == Some(Section::Links));
                        for (item, stored) in links.zip(ids.links) {
                            item.article_id = stored;
                        }
                        self.layout_opened();
                    }
                    Err(e) => self.notify(Severity::Error, e.to_string()),
                }
            }
            LookupAnswer::Similar { result, .. } if !o.similar_loaded => {
                o.similar_loaded = true;
                match result {
                    Ok(similar) => self.insert_similar(similar),
                    Err(e) => {
                        self.notify(Severity::Error, e.to_string());
                        self.insert_similar(Vec::new());
                    }
                }
            }
            _ => {}
        }
    }
}
