//! What the settings change in the app (the panes, the list's dates, the
//! reading column), and how long status messages stay: an information
//! goes after `STATUS_LIFETIME` or at the next key that does something; an
//! error stays until Esc (or until another message replaces it).

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use super::input::{Ask, Confirm};
use super::{App, Severity};
use crate::settings::Settings;

/// How long an information stays in the status bar.
pub const STATUS_LIFETIME: Duration = Duration::from_secs(5);

impl App {
    /// Uses these settings from now on: the panes are laid out again and
    /// the open article wrapped again.
    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.schedule_refresh(Instant::now());
        self.wrap_cache.clear();
        if let Err(e) = self.relayout() {
            self.notify(Severity::Error, e.to_string());
        }
    }

    /// When the information in the status bar should go; None while there
    /// is none (errors stay).
    pub fn status_deadline(&self) -> Option<Instant> {
        match (&self.status, self.status_at) {
            (Some((_, Severity::Info)), Some(at)) => Some(at + STATUS_LIFETIME),
            _ => None,
        }
    }

    /// Clears the information whose time is up at `now`; true when one went.
    pub fn expire_status(&mut self, now: Instant) -> bool {
        if self.status_deadline().is_some_and(|d| d <= now) {
            self.status = None;
            self.status_at = None;
            return true;
        }
        false
    }

    /// A key that does something: the information shown before it goes
    /// (what the key does may show its own).
    pub(super) fn clear_info_status(&mut self) {
        if matches!(self.status, Some((_, Severity::Info))) {
            self.status = None;
            self.status_at = None;
        }
    }

    /// Marks everything `filter` covers read, first asking y/n when the
    /// settings say so; `what` names it in the question.
    pub(super) fn mark_read_asking(
        &mut self,
        filter: crate::store::Filter,
        what: &str,
    ) -> Result<(), crate::store::StoreError> {
        if !self.settings.confirm_mark_all_read {
            return self.mark_read_where(filter);
        }
        let what = crate::text::wrap::sanitize(what);
        let question = format!("Mark everything in “{what}” read? (y/n) ");
        self.ask(
            Ask::Confirm(Confirm::MarkRead { filter }),
            question,
            String::new(),
        );
        Ok(())
    }

    /// A date as the list shows it, by the settings, relative to `now`.
    pub fn date_text(&self, unix: i64) -> String {
        self.settings.dates.format(unix, self.now)
    }

    /// The reading column inside the reading pane's text `area`: at most
    /// `reading_width` columns, centred.
    pub fn reading_column(&self, area: Rect) -> Rect {
        let max = self.settings.layout.reading_width;
        if max == 0 || area.width <= max {
            return area;
        }
        Rect {
            x: area.x + (area.width - max) / 2,
            width: max,
            ..area
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Keymap;
    use crate::store::Store;

    fn app() -> App {
        let store = Store::open_in_memory().expect("store");
        let keymap = Keymap::builtin().expect("keymap");
        App::new(store, keymap, false, Rect::new(0, 0, 80, 24)).expect("app")
    }

    #[test]
    fn information_goes_after_its_time_and_errors_stay() {
        let mut app = app();
        app.notify(Severity::Info, "Copied");
        let deadline = app.status_deadline().expect("a deadline");
        assert!(!app.expire_status(deadline - Duration::from_millis(1)));
        assert!(app.status.is_some());
        assert!(app.expire_status(deadline));
        assert_eq!(app.status, None);
        app.notify(Severity::Error, "Cannot start the browser");
        assert_eq!(app.status_deadline(), None);
        assert!(!app.expire_status(Instant::now() + STATUS_LIFETIME * 10));
        app.clear_info_status();
        assert!(app.status.is_some(), "a key does not clear an error");
        app.update(crate::action::Action::Close);
        assert_eq!(app.status, None, "Esc does");
    }

    #[test]
    fn the_reading_column_is_centred_when_the_pane_is_wider() {
        let mut app = app();
        let area = Rect::new(10, 1, 100, 20);
        assert_eq!(app.reading_column(area), Rect::new(20, 1, 80, 20));
        assert_eq!(app.reading_column(Rect::new(0, 0, 60, 5)).width, 60);
        let mut settings = Settings::default();
        settings.layout.reading_width = 0;
        app.set_settings(settings);
        assert_eq!(app.reading_column(area), area);
    }
}
