//! The thread that reads the terminal: every event goes into the loop's
//! channel, so the loop waits on one thing whatever the source.
//!
//! It can be paused while a program that runs in the terminal (a terminal
//! browser) reads the keyboard: it then reads nothing until resumed. To
//! notice a pause it waits for input at most `POLL` at a time.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use ratatui::crossterm::event;

use super::Msg;

/// How long one wait for input lasts: the longest a pause waits.
const POLL: Duration = Duration::from_millis(200);

/// Pauses and resumes the input thread.
#[derive(Debug, Clone, Default)]
pub struct InputControl {
    /// Asked to read nothing.
    paused: Arc<AtomicBool>,
    /// Reading nothing (set by the input thread).
    parked: Arc<AtomicBool>,
}

impl InputControl {
    /// Stops the thread reading the terminal; true once it has stopped
    /// (false if it did not within a second: it may be gone).
    pub fn pause(&self) -> bool {
        self.paused.store(true, SeqCst);
        let deadline = Instant::now() + Duration::from_secs(1);
        while !self.parked.load(SeqCst) {
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        true
    }

    /// Lets the thread read the terminal again.
    pub fn resume(&self) {
        self.paused.store(false, SeqCst);
    }
}

/// Starts reading terminal events into `tx` until the loop goes away or the
/// terminal cannot be read (reported as `Msg::InputFailed`).
pub fn spawn_input(tx: Sender<Msg>) -> std::io::Result<InputControl> {
    let control = InputControl::default();
    let mine = control.clone();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                // Cleared before the pause is read: a pause asked after
                // this read waits for the next round.
                mine.parked.store(false, SeqCst);
                if mine.paused.load(SeqCst) {
                    mine.parked.store(true, SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
                let msg = match event::poll(POLL) {
                    Ok(false) => continue,
                    Ok(true) => match event::read() {
                        Ok(event) => Msg::Input(event),
                        Err(e) => Msg::InputFailed(e.to_string()),
                    },
                    Err(e) => Msg::InputFailed(e.to_string()),
                };
                let failed = matches!(msg, Msg::InputFailed(_));
                if tx.send(msg).is_err() || failed {
                    return;
                }
            }
        })?;
    Ok(control)
}
