//! Refreshing in the background every `refresh_interval` while the reader
//! is open, and telling the user what a refresh brought: the status bar
//! always (`12 new articles in 3 feeds`); the notify command, a terminal
//! notification and the bell when the settings ask for them. Also the
//! bookmark command, run on each new bookmark.

use std::time::{Duration, Instant};

use super::{App, Effect, Severity};
use crate::store::{Filter, StoreError};

/// Titles given to the notify command at most.
const NOTIFY_TITLES: usize = 20;

/// The background refresh's schedule.
#[derive(Debug, Default)]
pub(super) struct AutoRefresh {
    /// When the next one is due; None when the settings turn it off.
    next: Option<Instant>,
    /// The running refresh was started by the schedule, not by a key.
    running: bool,
}

impl App {
    fn refresh_every(&self) -> Option<Duration> {
        let seconds = self.settings.refresh_interval;
        (seconds > 0).then(|| Duration::from_secs(u64::from(seconds)))
    }

    /// The next refresh is one interval after `from` (off: none).
    pub(super) fn schedule_refresh(&mut self, from: Instant) {
        self.auto.next = self.refresh_every().map(|every| from + every);
    }

    /// When the event loop should wake for a background refresh.
    pub fn refresh_deadline(&self) -> Option<Instant> {
        self.auto.next
    }

    /// The background refresh to start at `now`, if one is due. One
    /// already running (started by `r`) counts as this one.
    pub fn refresh_due(&mut self, now: Instant) -> Option<Effect> {
        if self.auto.next.is_none_or(|due| due > now) {
            return None;
        }
        self.schedule_refresh(now);
        if self.running.refresh.is_some() {
            return None;
        }
        self.running.refresh = Some("Refreshing…".into());
        self.auto.running = true;
        if let Err(e) = self.refresh_starting() {
            self.notify(Severity::Error, e.to_string());
        }
        Some(Effect::Refresh)
    }

    /// A refresh ended: the next one is an interval from now. True when
    /// the schedule started it (its "no subscriptions" is not worth saying
    /// every few minutes).
    pub(super) fn refresh_ended(&mut self) -> bool {
        self.schedule_refresh(Instant::now());
        std::mem::take(&mut self.auto.running)
    }

    /// What a refresh that stored `added` articles from `feeds` feeds says.
    pub(super) fn arrived_message(added: usize, feeds: usize) -> String {
        use crate::text::plural::count;
        if added == 0 {
            return "No new articles".into();
        }
        format!(
            "{} in {}",
            count(added, "new article", "new articles"),
            count(feeds, "feed", "feeds")
        )
    }

    /// Queues the notifications the settings ask for, with the titles of
    /// the newest articles stored after key `from`.
    pub(super) fn notify_arrival(&mut self, message: &str, from: i64) -> Result<(), StoreError> {
        let s = &self.settings;
        if s.notify_command.is_empty() && !s.notify_osc && !s.notify_bell {
            return Ok(());
        }
        let mut titles = Vec::new();
        for anchor in self
            .store
            .stored_after(&Filter::all(), from, NOTIFY_TITLES)?
        {
            if let Some(article) = self.store.get(&anchor.id)? {
                titles.push(crate::text::controls::without_controls(&article.title).into_owned());
            }
        }
        self.effects.push(Effect::Notify {
            message: message.to_string(),
            titles,
        });
        Ok(())
    }

    /// A new bookmark: the bookmark command runs on the open article (an
    /// article without an address is said, not sent).
    pub(super) fn queue_bookmark_command(&mut self) {
        let Some(article) = self.opened.as_ref().map(|o| &o.article) else {
            return;
        };
        let clean = |s: &str| crate::text::controls::without_controls(s).into_owned();
        let Some(url) = article.url.as_deref().map(clean) else {
            self.notify(
                Severity::Info,
                "Bookmarked here only: this article has no web address",
            );
            return;
        };
        let title = clean(&article.title);
        let source = clean(article.source.as_deref().unwrap_or_default());
        self.effects
            .push(Effect::BookmarkCommand([url, title, source]));
    }

    /// The effects job events and keys asked for since the last call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }
}
