//! The reader's event loop: one wait on one channel that terminal input and
//! every background job report into (`jobs::Msg`). It blocks until a message
//! comes, with a timeout only while the sidebar's lookups wait for input to
//! pause, an information in the status bar waits to go, or a background
//! refresh is scheduled; it never polls. Messages that arrived together are all handled
//! before the next frame is drawn, so a burst of keys costs one draw.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::anyhow;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::jobs::{Lookups, Msg};

/// How long input must pause before the sidebar's lookups start: longer
/// than the interval of a held key's auto-repeat.
pub const LOOKUP_DELAY: Duration = Duration::from_millis(50);

/// Runs until the app quits, the terminal fails, or every sender is gone.
/// `perform` carries out the app's effects; `draw` shows the app.
pub fn run(
    app: &mut App,
    rx: &Receiver<Msg>,
    lookups: Option<&Lookups>,
    mut perform: impl FnMut(Effect, &mut App),
    mut draw: impl FnMut(&App) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    while !app.quit {
        if dirty {
            app.now = chrono::Utc::now().timestamp();
            draw(app)?;
            dirty = false;
            // After the frame: sampling a long list competes for the CPU.
            app.keep_ranks();
        }
        let idle = app.has_idle_work();
        let wait = [
            idle.then_some(LOOKUP_DELAY),
            app.status_deadline()
                .map(|d| d.saturating_duration_since(Instant::now())),
            app.refresh_deadline()
                .map(|d| d.saturating_duration_since(Instant::now())),
        ]
        .into_iter()
        .flatten()
        .min();
        let msg = match wait {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(msg) => msg,
                Err(RecvTimeoutError::Timeout) => {
                    dirty |= app.expire_status(Instant::now());
                    if let Some(effect) = app.refresh_due(Instant::now()) {
                        perform(effect, app);
                        dirty = true;
                    }
                    // Only a full pause in input starts the lookups.
                    if idle && wait >= LOOKUP_DELAY {
                        dirty |= start_lookups(app, lookups);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(msg) => msg,
                Err(_) => return Ok(()),
            },
        };
        dirty |= handle(msg, app, &mut perform)?;
        while !app.quit {
            let Ok(msg) = rx.try_recv() else { break };
            dirty |= handle(msg, app, &mut perform)?;
        }
    }
    finish_writes(app, rx);
    Ok(())
}

/// How long quitting waits for the writer thread to save what is queued
/// (marks, where the user stopped).
const FINISH_WRITES: Duration = Duration::from_secs(3);

/// Lets the writes still queued land before the reader ends.
fn finish_writes(app: &mut App, rx: &Receiver<Msg>) {
    let deadline = std::time::Instant::now() + FINISH_WRITES;
    while app.writing() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(Msg::Job(event)) => app.on_job(event),
            Ok(_) => {}
            Err(_) => return,
        }
    }
}

/// Sends the open article's lookups to their thread, or answers them here
/// when there is none. True when the app changed.
fn start_lookups(app: &mut App, lookups: Option<&Lookups>) -> bool {
    let Some(request) = app.lookup_request() else {
        return false;
    };
    let unsent = match lookups {
        Some(worker) => worker.ask(request).err(),
        None => Some(request),
    };
    match unsent {
        Some(request) => {
            app.answer_now(&request);
            true
        }
        None => false,
    }
}

/// Applies one message; true when the screen needs drawing.
fn handle(
    msg: Msg,
    app: &mut App,
    perform: &mut impl FnMut(Effect, &mut App),
) -> anyhow::Result<bool> {
    let event = match msg {
        Msg::Job(event) => {
            app.on_job(event);
            run_queued(app, perform);
            return Ok(true);
        }
        Msg::InputFailed(e) => return Err(anyhow!("cannot read the terminal: {e}")),
        Msg::Input(event) => event,
    };
    Ok(match event {
        Event::Key(key) if key.kind != KeyEventKind::Press => false,
        Event::Key(key) if app.typing() => {
            if let Some(effect) = app.text_key(&key) {
                perform(effect, app);
            }
            true
        }
        Event::Key(key) => match app.on_key(&key) {
            Some(effect) => {
                if let Some(effect) = effect {
                    perform(effect, app);
                }
                run_queued(app, perform);
                true
            }
            None => false,
        },
        Event::Mouse(mouse) => app.on_mouse(mouse),
        Event::Resize(width, height) => {
            app.resize(Rect::new(0, 0, width, height));
            true
        }
        Event::FocusGained | Event::Paste(_) => true,
        Event::FocusLost => false,
    })
}

/// Carries out the effects the app queued while handling a message.
fn run_queued(app: &mut App, perform: &mut impl FnMut(Effect, &mut App)) {
    for effect in app.take_effects() {
        perform(effect, app);
    }
}
