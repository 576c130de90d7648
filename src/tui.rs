//! The terminal side: set-up and restore (also on panic), and the event loop
//! that turns terminal events into actions and redraws when state changed.

use std::io::{IsTerminal, stdout};

use anyhow::Context as _;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{App, Effect, Severity};
use crate::ui::{render, theme::Theme};

/// Runs the reader until the user quits. The terminal is restored on every
/// exit path: normal return, error, or panic.
pub fn run(app: &mut App, theme: &Theme, browser: Option<String>) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for scripts use `edicola list`, `show` or `bookmarks`"
        );
    }
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let _ = execute!(stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, app, theme, browser);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    browser: Option<String>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|frame| render(frame, app, theme))?;
            dirty = false;
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = app.keymap.lookup(app.context(), &key) {
                    if let Some(effect) = app.update(action) {
                        perform(effect, app, browser.clone());
                    }
                    dirty = true;
                }
            }
            Event::Mouse(mouse) => dirty = app.on_mouse(mouse),
            Event::Resize(width, height) => {
                app.resize(Rect::new(0, 0, width, height));
                dirty = true;
            }
            Event::FocusGained | Event::Paste(_) => dirty = true,
            _ => {}
        }
    }
    Ok(())
}

fn perform(effect: Effect, app: &mut App, browser: Option<String>) {
    match effect {
        Effect::OpenUrl(url) => match crate::browser::open(&url, browser) {
            Ok(()) => app.notify(Severity::Info, format!("Opened {url}")),
            Err(message) => app.notify(Severity::Error, message),
        },
    }
}
