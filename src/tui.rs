//! The terminal side: set-up and restore (also on panic), and the event loop
//! that turns terminal events into actions and redraws when state changed.

use std::io::{IsTerminal, Write, stdout};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use anyhow::Context as _;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{App, Effect, JobEvent, Severity};
use crate::jobs::{Lookups, Writer};
use crate::ui::{render, theme::Theme};

/// How long input must pause before the sidebar's lookups start: longer
/// than the interval of a held key's auto-repeat.
const LOOKUP_DELAY: Duration = Duration::from_millis(50);

/// What the loop needs from outside the app: the browser command, and the
/// files background work opens for itself.
#[derive(Debug, Clone)]
pub struct Env {
    pub browser: Option<String>,
    pub store_file: PathBuf,
    pub subscriptions_file: PathBuf,
}

/// Runs the reader until the user quits. The terminal is restored on every
/// exit path: normal return, error, or panic.
pub fn run(app: &mut App, theme: &Theme, env: &Env) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for scripts use `edicola list`, `show` or `bookmarks`"
        );
    }
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    restore_on_signals().context("cannot watch for signals")?;
    let _ = execute!(stdout(), EnableMouseCapture);
    #[cfg(debug_assertions)]
    if std::env::var_os("EDICOLA_TEST_PANIC").is_some() {
        // Lets the end-to-end tests check the panic path in a real terminal.
        panic!("EDICOLA_TEST_PANIC is set");
    }
    let result = event_loop(&mut terminal, app, theme, env);
    restore();
    result
}

/// Puts the terminal back as the reader found it: mouse reporting off,
/// cursor shown, main screen, cooked mode. Safe to call more than once.
fn restore() {
    let mut out = stdout();
    // CAN ends an escape sequence that a draw may have left half written.
    let _ = out.write_all(b"\x18");
    let _ = execute!(out, DisableMouseCapture, Show);
    ratatui::restore();
}

/// A thread that, when a signal asks the process to end (SIGTERM, SIGINT,
/// SIGHUP, SIGQUIT), restores the terminal and then ends the process as
/// that signal would (the exit status still tells which).
fn restore_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the end: the UI thread can no longer draw over
                // the restored terminal.
                let _stdout = stdout().lock();
                restore();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    env: &Env,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let (jobs_tx, jobs_rx): (Sender<JobEvent>, Receiver<JobEvent>) = channel();
    if let Some(pending) = app.index_pending(&env.store_file) {
        // The search index catches up (after an import with --no-index,
        // an interrupted build, or an upgrade) while the user reads.
        app.indexing = Some((0, pending));
        let (tx, file) = (jobs_tx.clone(), env.store_file.clone());
        std::thread::spawn(move || crate::jobs::build_index(&file, &tx));
    }
    let lookups = app
        .store_file()
        .and_then(|file| Lookups::spawn(file, jobs_tx.clone()));
    if let Some(writer) = app
        .store_file()
        .and_then(|file| Writer::spawn(file, jobs_tx.clone()))
    {
        app.set_writer(writer);
    }
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|frame| render(frame, app, theme))?;
            dirty = false;
        }
        // The sidebar's lookups start once input pauses, so that keys held
        // down (or pressed in a burst) are not slowed by work they discard.
        if app.has_idle_work() && !event::poll(LOOKUP_DELAY)? {
            if let Some(request) = app.lookup_request() {
                let unsent = match &lookups {
                    Some(worker) => worker.ask(request).err(),
                    None => Some(request),
                };
                if let Some(request) = unsent {
                    app.answer_now(&request);
                    dirty = true;
                }
            }
            continue;
        }
        // Block on input, except while background work may report.
        let wait = if app.awaiting_lookups() {
            Some(Duration::from_millis(10))
        } else {
            (app.busy.is_some() || app.indexing.is_some() || app.writing())
                .then(|| Duration::from_millis(100))
        };
        if let Some(wait) = wait {
            if !event::poll(wait)? {
                dirty |= drain(&jobs_rx, app);
                continue;
            }
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press && app.prompt.is_some() => {
                dirty |= app.prompt_key(&key);
            }
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = app.keymap.lookup(app.context(), &key) {
                    if let Some(effect) = app.update(action) {
                        perform(effect, app, env, &jobs_tx);
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
        dirty |= drain(&jobs_rx, app);
    }
    Ok(())
}

fn drain(rx: &Receiver<JobEvent>, app: &mut App) -> bool {
    let mut changed = false;
    while let Ok(event) = rx.try_recv() {
        app.on_job(event);
        changed = true;
    }
    changed
}

fn perform(effect: Effect, app: &mut App, env: &Env, jobs: &Sender<JobEvent>) {
    match effect {
        Effect::OpenUrl(url) => match crate::browser::open(&url, env.browser.clone()) {
            Ok(()) => app.notify(Severity::Info, format!("Opened {url}")),
            Err(message) => app.notify(Severity::Error, message),
        },
        Effect::Copy(text) => {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
            let mut out = stdout();
            let _ = write!(out, "\x1b]52;c;{encoded}\x07");
            let _ = out.flush();
            app.notify(Severity::Info, format!("Copied {text}"));
        }
        Effect::Refresh => {
            let (tx, env) = (jobs.clone(), env.clone());
            std::thread::spawn(move || {
                crate::jobs::refresh(&env.store_file, &env.subscriptions_file, &tx)
            });
        }
        Effect::FullText { id, url } => {
            let tx = jobs.clone();
            std::thread::spawn(move || {
                let result =
                    crate::fetch::full_text(&crate::fetch::default_http(), &url).map(Box::new);
                let _ = tx.send(JobEvent::FullText { id, result });
            });
        }
    }
}
