//! Everything that wakes the event loop arrives on one channel: keys from an input
//! thread, signals from a signal thread. The loop sleeps on the channel.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event, KeyEvent};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Something that happened outside the event loop.
#[derive(Debug)]
pub enum AppEvent {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted. Bracketed paste delivers it as one event, so pasted
    /// text never fires the run screen's one-letter commands.
    Paste(String),
    /// The terminal changed size.
    Resize,
    /// A signal asks samla to end.
    Signal(i32),
    /// The terminal is gone (closed window, dropped ssh): input cannot be read.
    InputClosed,
}

/// Reads terminal input on its own thread until it fails.
pub fn spawn_input(events: Sender<AppEvent>) {
    thread::spawn(move || {
        loop {
            let forwarded = match event::read() {
                Ok(Event::Key(key)) => events.send(AppEvent::Key(key)),
                Ok(Event::Paste(text)) => events.send(AppEvent::Paste(text)),
                Ok(Event::Resize(_, _)) => events.send(AppEvent::Resize),
                Ok(_) => Ok(()),
                Err(_) => {
                    let _ = events.send(AppEvent::InputClosed);
                    return;
                }
            };
            if forwarded.is_err() {
                return;
            }
        }
    });
}

/// Forwards SIGTERM, SIGHUP and SIGINT to the event loop from their own thread.
pub fn spawn_signals(events: Sender<AppEvent>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if events.send(AppEvent::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}
