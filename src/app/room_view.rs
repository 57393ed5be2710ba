//! `samla present`: the room's view of a session, following its file. Read-only:
//! it never writes and never takes the session's lock; the countdown comes from
//! the timestamps, so it ticks without the run screen writing anything.

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};

use chrono::{DateTime, FixedOffset, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::events::{self, AppEvent};
use super::state::until_next_change;
use super::terminal;
use crate::clock::Clock;
use crate::clock::local_offset;
use crate::session::Lane;
use crate::store::SessionFile;
use crate::ui::{self, Overlay, Theme, View};

/// What a key asks of the room's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomKey {
    /// Show or hide the board of cards.
    ToggleBoard,
    /// Show or hide the keys.
    ToggleHelp,
    /// Leave.
    Quit,
}

/// The meaning of `key` in the room's view: `b` for the board; Esc, Ctrl+Q
/// and Ctrl+C leave (nothing here can be lost). `q` marks a quote on the run
/// screen, so it does nothing here rather than something else.
pub fn room_key(key: KeyEvent) -> Option<RoomKey> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('q' | 'c') if ctrl => Some(RoomKey::Quit),
        KeyCode::Esc => Some(RoomKey::Quit),
        KeyCode::Char('b') => Some(RoomKey::ToggleBoard),
        KeyCode::Char('?') => Some(RoomKey::ToggleHelp),
        _ => None,
    }
}

/// The room's view of `file` at `now`, with clock times at `offset`.
pub fn room_view(
    file: &SessionFile,
    theme: Theme,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> View<'_> {
    View {
        session: &file.session,
        now,
        offset,
        language: file.language,
        theme,
        selected_lane: Lane::Room,
        selected_card: None,
        editor: None,
        overlay: Overlay::None,
        notice: None,
        save_problem: None,
        room_waiting: 0,
        for_room: true,
        room: file.room.as_ref(),
        selected_column: None,
        tally: None,
    }
}

/// Shows the session saved at `path` until the user leaves, a signal arrives
/// or the terminal goes away.
pub fn show_room(path: &Path, theme: Theme, clock: &dyn Clock) -> anyhow::Result<()> {
    let mut file = SessionFile::load(path)?;
    let mut loaded = stamp(path);
    let (sender, receiver) = mpsc::channel();
    let ready = std::sync::Mutex::new(sender.clone());
    let wake = move || {
        let _ = ready.lock().map(|ready| ready.send(AppEvent::Resize));
    };
    let mut screen =
        terminal::enter(wake).map_err(|error| super::no_terminal("present", &error))?;
    events::spawn_input(sender.clone());
    events::spawn_signals(sender.clone())?;
    let _watcher = events::watch_session(path, sender)?;
    let mut show_board = false;
    let mut show_help = false;
    let mut redraw = true;
    // An event read while skipping repeated file events, to handle next.
    let mut pending: Option<AppEvent> = None;
    loop {
        let now = clock.now();
        if redraw {
            let mut view = room_view(&file, theme, now, local_offset(now));
            if show_help {
                view.overlay = Overlay::Help;
            }
            match terminal::draw_when_ready(&mut screen, |frame| {
                ui::render_room(frame, &view, show_board)
            }) {
                Ok(drawn) => redraw = !drawn,
                Err(_) => break,
            }
        }
        let wait = until_next_change(&file.session, now)
            .to_std()
            .unwrap_or_default();
        let event = match pending.take() {
            Some(event) => Ok(event),
            None => receiver.recv_timeout(wait),
        };
        match event {
            Ok(AppEvent::Key(key)) => match room_key(key) {
                // Esc closes the help first, as on the run screen.
                Some(RoomKey::Quit) if show_help && key.code == KeyCode::Esc => {
                    show_help = false;
                    redraw = true;
                }
                Some(RoomKey::Quit) => break,
                Some(RoomKey::ToggleBoard) => {
                    show_board = !show_board;
                    redraw = true;
                }
                Some(RoomKey::ToggleHelp) => {
                    show_help = !show_help;
                    redraw = true;
                }
                None => {}
            },
            Ok(AppEvent::SessionChanged) => {
                // A save is several file events; one reload covers them all.
                while let Ok(event) = receiver.try_recv() {
                    if !matches!(event, AppEvent::SessionChanged) {
                        pending = Some(event);
                        break;
                    }
                }
                // A file event for a file that is as it was is no change.
                let now_stamp = stamp(path);
                if now_stamp.is_none() || now_stamp != loaded {
                    // The store writes atomically, so a file that does not parse
                    // is not samla's; keep showing the last good one.
                    if let Ok(newer) = SessionFile::load(path) {
                        file = newer;
                        loaded = now_stamp;
                        redraw = true;
                    }
                }
            }
            Ok(AppEvent::Resize) | Err(RecvTimeoutError::Timeout) => redraw = true,
            Ok(AppEvent::Suspend) => {
                terminal::suspend(&mut screen);
                redraw = true;
            }
            Ok(AppEvent::Continue) => {
                terminal::take_back(&mut screen);
                redraw = true;
            }
            Ok(AppEvent::Paste(_) | AppEvent::Tick | AppEvent::Written(_) | AppEvent::Room(_)) => {}
            Ok(AppEvent::Signal | AppEvent::InputClosed) | Err(RecvTimeoutError::Disconnected) => {
                break;
            }
        }
    }
    terminal::leave_screen(&screen);
    Ok(())
}

/// What tells one version of the file from the next: the store replaces it by
/// a rename, so a new version is a new file with its own change time.
fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
