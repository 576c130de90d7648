//! Where you stopped: an article opened again opens where it was left,
//! at any width (a `ReadingStop` is a block of the text and an offset in
//! it, not a line), and the list marks the articles begun but left before
//! their end. Stops are written by the writer thread; the ones written
//! this session are remembered here, so that reopening never waits for it.

use std::collections::{HashMap, HashSet};

use super::App;
use super::reading::{LineKind, ReadLine};
use crate::jobs::WriteRequest;
use crate::store::{ReadingStop, StoreError};

/// The reader's stops and begun articles.
#[derive(Debug, Default)]
pub struct Stops {
    /// Articles begun and left before their end.
    begun: HashSet<String>,
    /// Stops written this session (None: at the top).
    written: HashMap<String, Option<ReadingStop>>,
    /// The open article's stop and begun state as it was opened: leaving
    /// it unchanged writes nothing.
    opened: Option<(String, Option<ReadingStop>, bool)>,
}

impl Stops {
    /// True when article `id` was begun and left before its end.
    pub fn is_begun(&self, id: &str) -> bool {
        self.begun.contains(id)
    }
}

/// The stop at line `scroll` of an article's lines (None: its top).
pub fn stop_at(lines: &[ReadLine], scroll: usize) -> Option<ReadingStop> {
    let line = lines.get(scroll).filter(|_| scroll > 0)?;
    Some(ReadingStop {
        block: line.block,
        offset: line.start,
    })
}

/// The line showing `stop`: the last text line starting at or before it.
pub fn line_of(lines: &[ReadLine], stop: ReadingStop) -> usize {
    let at = (stop.block, stop.offset);
    lines
        .iter()
        .enumerate()
        .take_while(|(_, l)| (l.block, l.start) <= at)
        .filter(|(_, l)| l.kind != LineKind::Blank)
        .map(|(i, _)| i)
        .last()
        .unwrap_or(0)
}

impl App {
    /// Reads which articles were begun and left (start-up).
    pub(super) fn load_stops(&mut self) -> Result<(), StoreError> {
        self.stops.begun = self.store.begun_ids()?.into_iter().collect();
        Ok(())
    }

    /// The open article's stop and whether it is begun and unfinished.
    fn stop_now(&self) -> Option<(String, Option<ReadingStop>, bool)> {
        let o = self.opened.as_ref()?;
        let stop = stop_at(&o.lines, o.scroll);
        let end = o.scroll + self.reader_height() >= o.lines.len();
        Some((o.article.id.clone(), stop, stop.is_some() && !end))
    }

    /// Keeps where the reader stopped in the open article, if it moved.
    pub(super) fn save_stop(&mut self) -> Result<(), StoreError> {
        let Some(now) = self.stop_now() else {
            return Ok(());
        };
        if self.stops.opened.as_ref() == Some(&now) {
            return Ok(());
        }
        let (id, stop, begun) = now.clone();
        self.stops.opened = Some(now);
        if begun {
            self.stops.begun.insert(id.clone());
        } else {
            self.stops.begun.remove(&id);
        }
        self.stops.written.insert(id.clone(), stop);
        self.write(WriteRequest::Stop { id, stop, begun }, None)
            .map(drop)
    }

    /// Scrolls the article just opened to where it was left.
    pub(super) fn restore_stop(&mut self) -> Result<(), StoreError> {
        let Some(id) = self.opened.as_ref().map(|o| o.article.id.clone()) else {
            return Ok(());
        };
        let stop = match self.stops.written.get(&id) {
            Some(stop) => *stop,
            None => self.store.reading_stop(&id)?,
        };
        let height = self.reader_height();
        if let (Some(o), Some(stop)) = (self.opened.as_mut(), stop) {
            let max = o.lines.len().saturating_sub(height);
            o.scroll = line_of(&o.lines, stop).min(max);
        }
        self.stops.opened = self.stop_now();
        Ok(())
    }

    /// Quitting: the open article's stop and what was looked at are kept.
    pub(super) fn leave(&mut self) {
        self.quit = true;
        let saved = self.save_stop().and_then(|()| self.keep_looked());
        if let Err(e) = saved {
            self.notify(super::Severity::Error, e.to_string());
        }
    }
}
