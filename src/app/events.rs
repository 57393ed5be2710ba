//! Everything that wakes the event loop arrives on one channel: keys from an input
//! thread, signals from a signal thread. The loop sleeps on the channel.

use std::path::Path;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use notify::{Config, PollWatcher, RecursiveMode, Watcher};

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
    Signal,
    /// The terminal is gone (closed window, dropped ssh): input cannot be read.
    InputClosed,
    /// The session file being followed was written.
    SessionChanged,
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
        for _ in signals.forever() {
            if events.send(AppEvent::Signal).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// How often the polling fallback looks at the session's folder.
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Reports every write of the session file at `path`. The store replaces the
/// file by a rename, so its folder is watched: by the system's notification
/// (inotify, FSEvents …), else by polling. Keep the watcher to keep watching.
pub fn watch_session(path: &Path, events: Sender<AppEvent>) -> notify::Result<Box<dyn Watcher>> {
    let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = path.file_name().map(ToOwned::to_owned);
    let handler = move |event: notify::Result<notify::Event>| {
        let ours = event.is_ok_and(|event| {
            event.paths.is_empty()
                || event
                    .paths
                    .iter()
                    .any(|changed| changed.file_name() == name.as_deref())
        });
        if ours {
            let _ = events.send(AppEvent::SessionChanged);
        }
    };
    let mut watcher: Box<dyn Watcher> = match notify::recommended_watcher(handler.clone()) {
        Ok(watcher) => Box::new(watcher),
        Err(_) => Box::new(PollWatcher::new(
            handler,
            Config::default().with_poll_interval(POLL_INTERVAL),
        )?),
    };
    watcher.watch(&folder, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}
