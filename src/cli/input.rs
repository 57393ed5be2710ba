//! The threads that feed a screen's loop from outside: the terminal's input,
//! the system's signals and a followed file's changes. Each sends into the
//! loop's channel and ends when the loop has.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use notify::{Config, PollWatcher, RecursiveMode, Watcher};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::{AppEvent, InputSender};

/// Reads terminal input on its own thread until it fails.
pub fn spawn_input(events: InputSender) {
    thread::spawn(move || {
        let mut line_ends = LineEnds::default();
        loop {
            let forwarded = match event::read() {
                Ok(Event::Key(key)) => match line_ends.key(key, Instant::now()) {
                    Some(key) => events.send(AppEvent::Key(key)),
                    None => true,
                },
                Ok(Event::Paste(text)) => events.send(AppEvent::Paste(text)),
                Ok(Event::Resize(_, _)) => events.send(AppEvent::Resize),
                Ok(_) => true,
                Err(_) => {
                    events.send(AppEvent::InputClosed);
                    return;
                }
            };
            if !forwarded {
                return;
            }
        }
    });
}

/// Line breaks as terminals send them without bracketed paste: a pasted line
/// break arrives as LF (which raw mode reads as Ctrl+J) or as CR LF, and some
/// terminals send Enter itself as LF. Each becomes one Enter, so a line feed
/// never reaches the text area as its "delete to the start of the line".
#[derive(Debug, Default)]
pub struct LineEnds {
    /// When the last key was a plain Enter: a LF right after it is the
    /// second half of a CR LF.
    enter_at: Option<Instant>,
}

/// A LF this soon after Enter arrived with it, as a CR LF does; no hand
/// types Enter and then Ctrl+J this fast. Read from the clock rather than
/// by asking the terminal whether more waits, which costs a wait per key.
const CR_LF_GAP: Duration = Duration::from_millis(5);

impl LineEnds {
    /// What `key`, read `at`, is; `None` when it only completes the line
    /// break before it.
    pub fn key(&mut self, key: KeyEvent, at: Instant) -> Option<KeyEvent> {
        let after_enter = self
            .enter_at
            .take()
            .is_some_and(|enter| at.saturating_duration_since(enter) <= CR_LF_GAP);
        let plain = key.modifiers.is_empty();
        if key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL {
            return (!after_enter).then(|| KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        }
        if key.code == KeyCode::Enter && plain {
            self.enter_at = Some(at);
        }
        Some(key)
    }
}

/// Forwards the signals that end samla (SIGTERM, SIGHUP, SIGINT, SIGQUIT) and
/// the shell's stop and go on (SIGTSTP, SIGCONT) to the event loop.
#[cfg(unix)]
pub fn spawn_signals(events: InputSender) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let event = match signal {
                SIGTSTP => AppEvent::Suspend,
                SIGCONT => AppEvent::Continue,
                _ => AppEvent::Signal,
            };
            if !events.send(event) {
                return;
            }
        }
    });
    Ok(())
}

/// Windows has no such signals: Ctrl+C reaches samla as a key in raw mode,
/// and a closed console ends input.
#[cfg(not(unix))]
pub fn spawn_signals(_events: InputSender) -> std::io::Result<()> {
    Ok(())
}

/// Stops samla as the shell's Ctrl+Z would, after the terminal was given back;
/// returns when the shell lets it go on (`fg`).
#[cfg(unix)]
pub fn stop_self() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

#[cfg(not(unix))]
pub fn stop_self() {}

/// How often the polling fallback looks at the session's folder.
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Reports every write of the session file at `path`. The store replaces the
/// file by a rename, so its folder is watched: by the system's notification
/// (inotify, FSEvents …), else by polling. Keep the watcher to keep watching.
pub fn watch_session(path: &Path, events: InputSender) -> notify::Result<Box<dyn Watcher>> {
    let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = path.file_name().map(ToOwned::to_owned);
    let handler = move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|event| changes_file(&event, name.as_deref())) {
            events.send(AppEvent::SessionChanged);
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

/// Whether `event` says the file named `name` changed: written, created,
/// renamed into place or removed. Opening and reading it are no change;
/// counting them made the projector reload after each of its own reads.
fn changes_file(event: &notify::Event, name: Option<&std::ffi::OsStr>) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    let change = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(kind) => !matches!(kind, ModifyKind::Metadata(_)),
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    };
    change
        && (event.paths.is_empty()
            || event
                .paths
                .iter()
                .any(|changed| changed.file_name() == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn a_line_feed_is_enter_and_cr_lf_is_one_enter() {
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        let line_feed = key(KeyCode::Char('j'), KeyModifiers::CONTROL);
        let start = Instant::now();
        let at = |millis: u64| start + Duration::from_millis(millis);
        let mut line_ends = LineEnds::default();
        assert_eq!(line_ends.key(line_feed, at(0)), Some(enter));
        assert_eq!(line_ends.key(line_feed, at(0)), Some(enter));
        // CR LF in one burst: one Enter.
        assert_eq!(line_ends.key(enter, at(100)), Some(enter));
        assert_eq!(line_ends.key(line_feed, at(100)), None);
        // Enter typed alone, then a LF later: two line breaks.
        assert_eq!(line_ends.key(enter, at(200)), Some(enter));
        assert_eq!(line_ends.key(line_feed, at(300)), Some(enter));
        // Anything between them makes them two.
        let letter = key(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(line_ends.key(enter, at(400)), Some(enter));
        assert_eq!(line_ends.key(letter, at(400)), Some(letter));
        assert_eq!(line_ends.key(line_feed, at(400)), Some(enter));
    }
}

#[cfg(test)]
mod watch_tests {
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RenameMode};
    use notify::{Event, EventKind};
    use std::ffi::OsStr;
    use std::path::PathBuf;

    use super::changes_file;

    fn event(kind: EventKind, file: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from("/data/sessions").join(file))
    }

    #[test]
    fn only_writes_creations_renames_and_removals_of_the_file_count() {
        let name = Some(OsStr::new("s.ron"));
        let changes = [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Remove(notify::event::RemoveKind::File),
        ];
        for kind in changes {
            assert!(changes_file(&event(kind, "s.ron"), name), "{kind:?}");
            assert!(!changes_file(&event(kind, "other.ron"), name), "{kind:?}");
        }
        let no_changes = [
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any)),
        ];
        for kind in no_changes {
            assert!(!changes_file(&event(kind, "s.ron"), name), "{kind:?}");
        }
    }
}
