//! Opening an article in the reading pane, and the sidebar entries built
//! for it: from the article alone at first, then "similar in your store"
//! once that lookup is answered.

use std::rc::Rc;

use super::sidebar::{Section, SideItem};
use super::{App, Opened};
use crate::model::{Article, RelatedEntry};
use crate::store::{Similar, StoreError};

impl App {
    /// Loads the article selected in the list into the reading pane.
    pub(super) fn open_selected(&mut self) -> Result<(), StoreError> {
        let id = self.list.current().map(|r| r.id.clone());
        match id {
            Some(id) if self.opened.as_ref().is_some_and(|o| o.article.id == id) => Ok(()),
            Some(id) => self.open_id(&id),
            None => {
                self.opened = None;
                Ok(())
            }
        }
    }

    /// Loads an article by id into the reading pane, scrolled to the top.
    /// Its sidebar's lookups in the store wait until input pauses.
    pub(super) fn open_id(&mut self, id: &str) -> Result<(), StoreError> {
        self.save_stop()?;
        let Some(article) = self.store.get(id)? else {
            self.opened = None;
            return Ok(());
        };
        let (bookmarked, read) = self.store.marks(id)?;
        let items = sidebar_items(&article);
        self.openings += 1;
        self.opened = Some(Opened {
            article,
            bookmarked,
            read,
            lines: Rc::new(Vec::new()),
            scroll: 0,
            items,
            opening: self.openings,
            lookups_sent: false,
            stored_loaded: false,
            similar_loaded: false,
            side_lines: Vec::new(),
            side_selected: 0,
            side_scroll: 0,
        });
        self.layout_opened();
        self.restore_stop()
    }

    /// Adds "similar in your store" to the open article's sidebar.
    pub(super) fn insert_similar(&mut self, similar: Vec<Similar>) {
        let Some(o) = self.opened.as_mut() else {
            return;
        };
        o.similar_loaded = true;
        let (same, similar): (Vec<Similar>, Vec<Similar>) =
            similar.into_iter().partition(|s| s.same_story);
        let at = o
            .items
            .iter()
            .position(|i| i.section == Some(Section::Links))
            .unwrap_or(o.items.len());
        let new: Vec<SideItem> = similar.into_iter().map(similar_item).collect();
        let added = new.len();
        o.items.splice(at..at, new);
        if o.side_selected >= at && o.side_selected > 0 {
            o.side_selected += added;
        }
        // Every copy of the open story gets its own line, so each opens.
        let copies: Vec<SideItem> = same
            .into_iter()
            .flat_map(|s| {
                let also = s.also_in.into_iter().map(|a| (a.id, a.title, a.source));
                std::iter::once((s.id, s.title, s.source)).chain(also)
            })
            .map(|(id, title, source)| SideItem {
                section: Some(Section::SameStory),
                title: source.unwrap_or(title),
                article_id: Some(id),
                ..SideItem::default()
            })
            .collect();
        if o.side_selected > 0 {
            o.side_selected += copies.len();
        }
        o.items.splice(0..0, copies);
        self.layout_opened();
    }
}

/// The sidebar's entries from the article alone: the related headlines the
/// page listed, then its links. Which of them are stored articles is
/// looked up later (see `lookup`).
fn sidebar_items(article: &Article) -> Vec<SideItem> {
    let mut items: Vec<SideItem> = article
        .related
        .iter()
        .map(|entry| page_item(entry, None))
        .collect();
    for link in &article.links {
        items.push(SideItem {
            section: Some(Section::Links),
            title: if link.text.trim().is_empty() {
                link.url.clone()
            } else {
                link.text.clone()
            },
            detail: link.url.clone(),
            article_id: None,
            url: Some(link.url.clone()),
            ..SideItem::default()
        });
    }
    items
}

/// A related entry the page listed, with the stored article it opens.
pub(super) fn page_item(entry: &RelatedEntry, stored: Option<String>) -> SideItem {
    let mut detail: Vec<&str> = [entry.category.as_deref(), entry.byline.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if stored.is_some() {
        detail.push("in your store");
    }
    SideItem {
        section: Some(Section::FromPage),
        title: entry.title.clone(),
        detail: detail.join(" · "),
        article_id: stored,
        url: entry.url.clone(),
        blurb: entry.blurb.clone(),
        category: entry.category.clone(),
        also_in: Vec::new(),
    }
}

/// Under a similar article's title: its source, how alike it is (a
/// percentage), its language when not the open article's, and the words
/// the two share most.
fn similar_detail(s: &Similar) -> String {
    let mut parts: Vec<String> = s.source.iter().cloned().collect();
    parts.push(format!("{}%", s.percent));
    if !s.same_lang {
        parts.extend(s.lang.iter().cloned());
    }
    if !s.shared.is_empty() {
        parts.push(s.shared.join(", "));
    }
    parts.join(" · ")
}

/// A similar stored article as a sidebar entry: source, score and shared
/// terms under the title, and where else the story appeared.
fn similar_item(s: Similar) -> SideItem {
    let detail = similar_detail(&s);
    let mut also_in: Vec<String> = Vec::new();
    for copy in s.also_in {
        let name = copy.source.unwrap_or_else(|| "another copy".into());
        if !also_in.contains(&name) {
            also_in.push(name);
        }
    }
    SideItem {
        section: Some(Section::Similar),
        detail,
        title: s.title,
        article_id: Some(s.id),
        also_in,
        ..SideItem::default()
    }
}
