//! The thread that reads the terminal: every event goes into the loop's
//! channel, so the loop waits on one thing whatever the source.

use std::sync::mpsc::Sender;

use ratatui::crossterm::event;

use super::Msg;

/// Starts reading terminal events into `tx` until the loop goes away or the
/// terminal cannot be read (reported as `Msg::InputFailed`).
pub fn spawn_input(tx: Sender<Msg>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(event) => Msg::Input(event),
                    Err(e) => Msg::InputFailed(e.to_string()),
                };
                let failed = matches!(msg, Msg::InputFailed(_));
                if tx.send(msg).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}
