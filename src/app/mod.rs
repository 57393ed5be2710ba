//! The event loop: keys to actions, and the effects of actions on terminal and
//! disk. The only place where time, terminal and disk meet.

mod editor;
mod events;
mod keys;
mod present;
mod state;
mod terminal;

pub use editor::Editor;
pub use keys::action_for;
pub use present::{PresentKey, present, present_key, present_view};
pub use state::{Action, AppState, Mode};

use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};

use chrono::{DateTime, FixedOffset, Local, Offset, TimeZone, Utc};

use crate::clipboard::{Clipboard, Copied};
use crate::clock::Clock;
use crate::export::{Summary, markdown};
use crate::store::{Saver, SessionFile, VERSION, create_private_dir, session_id, write_document};
use crate::ui;
use events::AppEvent;

/// Where the screen's state is kept: the saver, the agenda id to record, and
/// where `x` writes the summary.
pub struct Keeper<'a> {
    /// Writes snapshots off the keystroke path.
    pub saver: &'a Saver,
    /// The id of the agenda the session runs.
    pub agenda_id: &'a str,
    /// The folder summaries are written to.
    pub exports_dir: &'a Path,
}

impl Keeper<'_> {
    /// Hands the state at `now` to the saver.
    fn keep(&self, state: &AppState, now: DateTime<Utc>) {
        self.saver.save(snapshot(state, self.agenda_id, now));
    }
}

/// What is saved of `state`: the session and the editor's unsaved text.
pub fn snapshot(state: &AppState, agenda_id: &str, now: DateTime<Utc>) -> SessionFile {
    SessionFile {
        version: VERSION,
        agenda_id: agenda_id.to_owned(),
        saved: now,
        language: state.language,
        session: state.session.clone(),
        draft: state.draft(),
    }
}

/// How long a stop (Ctrl+Z from the shell) waits for the last save; a disk
/// that refuses does not keep samla from stopping, the save is retried after.
const SUSPEND_SAVE_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

/// How soon to look again at a save that has not been written yet.
const SAVE_CHECK: std::time::Duration = std::time::Duration::from_millis(500);

/// Runs the screen until the user quits, a signal arrives or the terminal goes
/// away, keeping every change: every way out leaves the same saved state.
pub fn run(mut state: AppState, clock: &dyn Clock, keeper: &Keeper) -> anyhow::Result<()> {
    let mut screen = terminal::enter().map_err(|error| {
        anyhow::anyhow!(
            "cannot use this terminal ({error}); samla run needs an interactive terminal"
        )
    })?;
    let (sender, receiver) = mpsc::channel();
    events::spawn_input(sender.clone());
    events::spawn_signals(sender)?;
    let mut redraw = true;
    let mut clipboard = Clipboard::open();
    keeper.keep(&state, clock.now());
    loop {
        let now = clock.now();
        let problem = keeper.saver.problem();
        if problem != state.save_problem {
            state.save_problem = problem;
            redraw = true;
        }
        if state.take_bell(now) {
            let _ = terminal::ring_bell();
        }
        if redraw {
            let drawn = screen.draw(|frame| ui::render(frame, &state.view(now, local_offset(now))));
            if drawn.is_err() {
                break;
            }
            redraw = false;
        }
        let mut wait = state.until_next_change(now).to_std().unwrap_or_default();
        // Until the saver has caught up, or while a failed save shows, look again
        // soon, so the warning comes and goes with the disk.
        if keeper.saver.is_behind() || state.save_problem.is_some() {
            wait = wait.min(SAVE_CHECK);
        }
        let first = match receiver.recv_timeout(wait) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                redraw = true;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Everything already waiting (a paste that arrived as keys, fast
        // typing) is handled before one frame is drawn and one save handed over.
        let mut changed = false;
        let mut stop = false;
        for event in std::iter::once(first).chain(receiver.try_iter()) {
            match event {
                AppEvent::Key(key) => {
                    #[cfg(debug_assertions)]
                    panic_if_asked(&key);
                    if let Some(action) = action_for(&state.mode, key) {
                        let now = clock.now();
                        state.update(action, now);
                        changed = true;
                        redraw = true;
                        if state.take_export_request() {
                            let message = export_summary(
                                &state,
                                keeper,
                                &mut clipboard,
                                screen.backend_mut(),
                                now,
                            );
                            state.notice = Some(message);
                        }
                    }
                    stop = state.quit;
                }
                AppEvent::Paste(text) => {
                    state.update(Action::Paste(text), clock.now());
                    changed = true;
                    redraw = true;
                }
                AppEvent::Resize => redraw = true,
                AppEvent::Suspend => {
                    // Stopped, samla writes nothing: what was typed is on disk first.
                    keeper.keep(&state, clock.now());
                    changed = false;
                    keeper.saver.wait_written(SUSPEND_SAVE_LIMIT);
                    terminal::suspend(&mut screen);
                    redraw = true;
                }
                AppEvent::Continue => {
                    terminal::take_back(&mut screen);
                    redraw = true;
                }
                AppEvent::SessionChanged => {}
                AppEvent::Signal | AppEvent::InputClosed => stop = true,
            }
            if stop {
                break;
            }
        }
        if changed {
            keeper.keep(&state, clock.now());
        }
        if stop {
            break;
        }
    }
    terminal::leave();
    Ok(())
}

/// `x`: writes the Markdown summary to the exports folder and copies it, to the
/// system clipboard or by OSC 52 on `terminal`; says what happened, in a line.
fn export_summary(
    state: &AppState,
    keeper: &Keeper,
    clipboard: &mut Clipboard,
    terminal: &mut dyn Write,
    now: DateTime<Utc>,
) -> String {
    let strings = ui::i18n::strings(state.language);
    let summary = Summary {
        session: &state.session,
        as_of: now,
        offset: local_offset(state.session.planned_start),
        private: false,
        names: false,
    };
    let text = markdown(&summary);
    let path = keeper
        .exports_dir
        .join(format!("{}.md", session_id(keeper.saver.path())));
    let written = create_private_dir(keeper.exports_dir)
        .and_then(|()| write_document(&path, text.as_bytes()));
    if let Err(error) = written {
        return format!("{} ({error})", strings.summary_failed);
    }
    let copied = match clipboard.copy(&text, terminal) {
        Ok(Copied::System) => strings.copied,
        Ok(Copied::Terminal) => strings.copied_terminal,
        Err(_) => strings.not_copied,
    };
    format!("{} {} · {copied}", strings.summary_in, path.display())
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

/// The local zone's offset at `now` (it changes with daylight saving time).
pub fn local_offset(now: DateTime<Utc>) -> FixedOffset {
    Local.offset_from_utc_datetime(&now.naive_utc()).fix()
}
