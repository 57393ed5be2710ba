//! The event loop: events to actions, actions to effects, and the effects on
//! the screen and the disk, their outcomes fed back as actions. The loop runs
//! on any `Screen` and reads one channel (`Inputs`); the terminal itself and
//! the threads that feed the channel belong to `cli/`.

mod action;
mod editor;
mod effect;
mod events;
pub mod export;
mod inputs;
mod keys;
mod modes;
mod present;
mod room_host;
mod room_snapshot;
mod runner;
mod saving;
mod screen;
mod state;
mod update;

pub use action::{Action, BoardAction, EditorAction, Exported, RosterKey, TallyAction};
pub use editor::Editor;
pub use effect::{Effect, Effects};
pub use events::AppEvent;
pub use inputs::{IdleWatch, InputSender, Inputs};
pub use keys::{action_for, split_escape};
pub use modes::Mode;
pub use present::{
    Present, PresentAction, PresentEffect, PresentKey, RELOAD_SPACING, file_stamp, present,
    present_key, present_view,
};
pub use room_host::{RoomHost, RoomSender};
pub use room_snapshot::room_snapshot;
pub use runner::{Runner, snapshot};
pub use saving::TYPING_WINDOW;
pub use screen::Screen;
pub use state::AppState;

use std::collections::VecDeque;
use std::sync::mpsc::RecvTimeoutError;

use crate::clock::{Clock, local_offset};
use crate::ui;

/// How long a stop (Ctrl+Z from the shell) waits for the last save; a disk
/// that refuses does not keep samla from stopping, the save is retried after.
const SUSPEND_SAVE_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Runs the screen on `screen` until the user quits, a signal arrives or the
/// input ends, keeping every change; returns the state as it ended, so the
/// caller goes on from what was on screen rather than from the file.
pub fn run(
    mut state: AppState,
    clock: &dyn Clock,
    runner: &mut Runner,
    inputs: &Inputs,
    screen: &mut dyn Screen,
) -> AppState {
    let mut redraw = true;
    let mut handled = 0;
    runner.save(&state, clock.now());
    if runner.room.opens_at_start() {
        apply(&mut state, Action::Room, clock, runner, screen.out());
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
            match screen.draw(&mut |frame| ui::render(frame, &view)) {
                Ok(drawn) => redraw = !drawn,
                Err(_) => break,
            }
        }
        let wait = state.until_next_change(now).to_std().unwrap_or_default();
        let first = match inputs.next(wait, handled) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => AppEvent::Tick,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Everything already waiting (a paste that arrived as keys, fast
        // typing) is handled before one frame is drawn.
        let mut burst: VecDeque<AppEvent> =
            std::iter::once(first).chain(inputs.waiting()).collect();
        handled += burst.len() as u64;
        let mut stop = false;
        while let Some(event) = burst.pop_front() {
            redraw |= event.shows();
            let action = match event {
                AppEvent::Key(key) => keys::take(&state, key, &mut burst),
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
                AppEvent::Resize => {
                    screen.resized();
                    None
                }
                AppEvent::SessionChanged => None,
                AppEvent::Suspend => {
                    // Stopped, samla writes nothing: what was typed is on disk first.
                    runner.save(&state, clock.now());
                    runner.saver.wait_written(SUSPEND_SAVE_LIMIT);
                    screen.suspend();
                    None
                }
                AppEvent::Continue => {
                    screen.take_back();
                    None
                }
                AppEvent::Signal | AppEvent::InputClosed => {
                    stop = true;
                    None
                }
            };
            if let Some(action) = action {
                stop |= apply(&mut state, action, clock, runner, screen.out());
            }
            if stop {
                break;
            }
        }
        if stop {
            break;
        }
    }
    // Every way out leaves the same saved state; the saver writes the newest.
    // The room closes with the screen, and the projector says so.
    state.room.door = None;
    runner.save(&state, clock.now());
    state
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

#[cfg(test)]
mod update_tests;

#[cfg(test)]
mod room_tests;
