//! The event loop: keys to actions, and the effects of actions on terminal and
//! disk. The only place where time, terminal and disk meet.

mod action;
mod editor;
mod effect;
mod events;
pub mod export;
mod keys;
mod pipe;
mod room;
mod room_host;
mod room_view;
mod roster_tally;
mod runner;
mod saving;
mod selection;
mod state;
mod terminal;
mod update;

pub use action::{Action, BoardAction, EditorAction, Exported, RosterKey, TallyAction};
pub use editor::Editor;
pub use effect::{Effect, Effects};
pub use keys::{action_for, split_escape};
pub use room::room_snapshot;
pub use room_host::{RoomHost, RoomSender};
pub use room_view::{RoomKey, room_key, room_view, show_room};
pub use runner::{Runner, snapshot};
pub use saving::TYPING_WINDOW;
pub use state::{AppState, Mode};

use std::sync::mpsc::{self, RecvTimeoutError, Sender};

use crate::clock::{Clock, local_offset};
use ratatui_textarea::{Input, Key};

use crate::i18n::{Said, Say};
use crate::store::Reporter;
use crate::ui;
use events::AppEvent;

/// How long a stop (Ctrl+Z from the shell) waits for the last save; a disk
/// that refuses does not keep samla from stopping, the save is retried after.
const SUSPEND_SAVE_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Everything that wakes the run screen arrives on this channel: keys and
/// signals from their threads, and the saver's reports.
pub struct Inputs {
    sender: Sender<AppEvent>,
    receiver: mpsc::Receiver<AppEvent>,
}

impl Inputs {
    /// An empty channel.
    pub fn new() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self { sender, receiver }
    }

    /// The saver's reports as inputs of the loop: a write that ended is one
    /// more event, like a key.
    pub fn save_reporter(&self) -> Reporter {
        let events = self.sender.clone();
        Box::new(move |report| {
            let _ = events.send(AppEvent::Written(report));
        })
    }
}

impl Inputs {
    /// The room's requests as inputs of the loop, like keys.
    pub fn room_sender(&self) -> RoomSender {
        let events = std::sync::Mutex::new(self.sender.clone());
        std::sync::Arc::new(move |request| {
            events
                .lock()
                .is_ok_and(|events| events.send(AppEvent::Room(request)).is_ok())
        })
    }
}

impl Default for Inputs {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs the screen until the user quits, a signal arrives or the terminal goes
/// away, keeping every change; returns the state as it ended, so the caller
/// goes on from what was on screen rather than from the file.
pub fn run(
    mut state: AppState,
    clock: &dyn Clock,
    runner: &mut Runner,
    inputs: Inputs,
) -> anyhow::Result<AppState> {
    let Inputs { sender, receiver } = inputs;
    // The terminal took every frame: one skipped while it did not read is due.
    let ready = std::sync::Mutex::new(sender.clone());
    let wake = move || {
        let _ = ready.lock().map(|ready| ready.send(AppEvent::Resize));
    };
    let mut screen = terminal::enter(wake).map_err(|error| no_terminal("run", &error))?;
    events::spawn_input(sender.clone());
    events::spawn_signals(sender)?;
    let mut redraw = true;
    runner.save(&state, clock.now());
    if runner.room.opens_at_start() {
        apply(
            &mut state,
            Action::Room,
            clock,
            runner,
            screen.backend_mut(),
        );
    }
    loop {
        let now = clock.now();
        // What the burst changed is on its way to disk before the room's
        // devices hear that their posts were taken.
        runner.save_if_due(&state, now);
        runner.room.publish(&state, now, runner.handed);
        if redraw {
            // A terminal that does not read never holds up the room: the
            // frame waits, and the loop goes on.
            let view = state.view(now, local_offset(now));
            match terminal::draw_when_ready(&mut screen, |frame| ui::render(frame, &view)) {
                Ok(drawn) => redraw = !drawn,
                Err(_) => break,
            }
        }
        let wait = state.until_next_change(now).to_std().unwrap_or_default();
        let first = match receiver.recv_timeout(wait) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => AppEvent::Tick,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Everything already waiting (a paste that arrived as keys, fast
        // typing) is handled before one frame is drawn.
        let mut stop = false;
        // Letters typed into the editor in one burst go in as one text: a
        // key at a time, a long card costs its whole length for every key.
        let mut typed = String::new();
        let mut burst: std::collections::VecDeque<AppEvent> =
            std::iter::once(first).chain(receiver.try_iter()).collect();
        while let Some(mut event) = burst.pop_front() {
            redraw |= event.shows();
            // Esc and the next key in one read look like Alt+key: where that
            // means nothing, they are the two keys, taken one after the other.
            if let AppEvent::Key(key) = &event
                && let Some((escape, then)) = split_escape(&state, *key)
            {
                burst.push_front(AppEvent::Key(then));
                event = AppEvent::Key(escape);
            }
            let key_action = match &event {
                AppEvent::Key(key) => {
                    #[cfg(debug_assertions)]
                    panic_if_asked(key);
                    action_for(&state, *key)
                }
                _ => None,
            };
            if let Some(letter) = key_action.as_ref().and_then(typed_letter) {
                typed.push(letter);
                continue;
            }
            if !typed.is_empty() {
                let text = Action::Editor(EditorAction::Type(std::mem::take(&mut typed)));
                stop |= apply(&mut state, text, clock, runner, screen.backend_mut());
            }
            let action = match event {
                AppEvent::Key(_) => key_action,
                AppEvent::Paste(text) => Some(Action::Paste(text)),
                AppEvent::Tick => Some(Action::Tick),
                AppEvent::Written(Ok(written)) => {
                    runner.room.written(written);
                    Some(Action::Saved)
                }
                AppEvent::Written(Err(kind)) => {
                    runner.room.disk_refused();
                    Some(Action::SaveFailed(kind, runner.room.waiting_for_disk()))
                }
                AppEvent::Room(request) => Some(runner.room.accept(request)),
                AppEvent::Resize | AppEvent::SessionChanged => None,
                AppEvent::Suspend => {
                    // Stopped, samla writes nothing: what was typed is on disk first.
                    runner.save(&state, clock.now());
                    runner.saver.wait_written(SUSPEND_SAVE_LIMIT);
                    terminal::suspend(&mut screen);
                    None
                }
                AppEvent::Continue => {
                    terminal::take_back(&mut screen);
                    None
                }
                AppEvent::Signal | AppEvent::InputClosed => {
                    stop = true;
                    None
                }
            };
            if let Some(action) = action {
                stop |= apply(&mut state, action, clock, runner, screen.backend_mut());
            }
            if stop {
                break;
            }
        }
        if !typed.is_empty() {
            let text = Action::Editor(EditorAction::Type(typed));
            stop |= apply(&mut state, text, clock, runner, screen.backend_mut());
        }
        if stop {
            break;
        }
    }
    // Every way out leaves the same saved state; the saver writes the newest.
    runner.save(&state, clock.now());
    terminal::leave_screen(&screen);
    Ok(state)
}

/// The letter `action` types into the editor, if it is one (no Ctrl or Alt).
fn typed_letter(action: &Action) -> Option<char> {
    match action {
        Action::Editor(EditorAction::Input(Input {
            key: Key::Char(letter),
            ctrl: false,
            alt: false,
            ..
        })) => Some(*letter),
        _ => None,
    }
}

/// Why `samla command` cannot draw on this terminal (whatever the system
/// said, it comes to that).
fn no_terminal(command: &'static str, _error: &std::io::Error) -> anyhow::Error {
    anyhow::Error::new(Said(Say::NoTerminal { command }))
}

/// Applies `action` and runs its effects, feeding their outcomes back in;
/// says whether the screen is to end.
fn apply(
    state: &mut AppState,
    action: Action,
    clock: &dyn Clock,
    runner: &mut Runner,
    terminal: &mut dyn std::io::Write,
) -> bool {
    let mut pending = vec![action];
    let mut quit = false;
    while let Some(action) = pending.pop() {
        let now = clock.now();
        let effects = state.update(action, now);
        let ran = runner.run(&effects, state, terminal, now);
        quit |= ran.quit;
        pending.extend(ran.outcomes);
    }
    quit
}

/// Test hook of debug builds only: with `SAMLA_TEST_PANIC_KEY` set, `!` panics,
/// so a test can see that a panic restores the terminal.
#[cfg(debug_assertions)]
fn panic_if_asked(key: &crossterm::event::KeyEvent) {
    if key.code == crossterm::event::KeyCode::Char('!')
        && std::env::var_os("SAMLA_TEST_PANIC_KEY").is_some()
    {
        panic!("panic asked for by SAMLA_TEST_PANIC_KEY");
    }
}

#[cfg(test)]
mod update_tests;

#[cfg(test)]
mod room_tests;
