//! The run screen from the command line, for `samla run` and `samla resume`:
//! whatever way the screen ends, the last state is on disk before samla exits.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::input::{spawn_input, spawn_signals};
use super::terminal::{self, TerminalScreen};
use super::{Context, fail};
use crate::app::{self, AppEvent, AppState, Inputs, RoomHost, Runner, Screen};
use crate::clipboard::Clipboard;
use crate::clock::Clock;
use crate::i18n::{self, Say};
use crate::session::Session;
use crate::store::{DataDir, EMERGENCY_PREFIX, Saver, SeriesFile, session_id, write_atomic};

/// Runs the screen on `state`, saved to `path` (a session of `agenda_id`); a
/// quit, a signal, a lost terminal and a panic all end with the last state
/// written, or an emergency copy when the data folder refuses it.
pub fn run_and_keep(
    state: AppState,
    clock: &dyn Clock,
    path: PathBuf,
    agenda_id: &str,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let strings = i18n::strings(state.language());
    let data = context.data_dir()?;
    let exports_dir = data.exports_dir();
    let (mut screen, inputs): (Box<dyn Screen>, Inputs) = match context.given_screen.take() {
        Some(given) => (given.screen, given.inputs),
        None => {
            let inputs = Inputs::new();
            (Box::new(enter_terminal("run", &inputs)?), inputs)
        }
    };
    let saver = Saver::start_reporting(path.clone(), inputs.save_reporter());
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut runner = Runner {
            saver: &saver,
            agenda_id,
            exports_dir: &exports_dir,
            clipboard: Clipboard::open(),
            room: RoomHost::new(
                context.room.config(),
                context.room.room,
                inputs.room_sender(),
            ),
            save_due: false,
            handed: 0,
        };
        app::run(state, clock, &mut runner, &inputs, screen.as_mut())
    }));
    drop(screen);
    let saved = saver.finish();
    let state = match outcome {
        Ok(state) => state,
        Err(panic) => panic::resume_unwind(panic),
    };
    if let Err(unsaved) = saved {
        let copy = emergency_path(&path);
        let written = write_atomic(&copy, unsaved.snapshot.to_text().as_bytes());
        return Err(fail(match written {
            Ok(()) => Say::EmergencyCopy {
                path,
                kind: unsaved.problem,
                copy,
            },
            Err(error) => Say::NothingWritten {
                path,
                kind: unsaved.problem,
                copy,
                copy_kind: error.kind(),
            },
        }));
    }
    sync_series(&data, &path, state.session())?;
    let _ = writeln!(context.err, "{} {}", strings.saved_to, path.display());
    if state.draft().is_some() {
        let _ = writeln!(context.err, "{}", Say::DraftKept.text(state.language()));
    }
    Ok(ExitCode::SUCCESS)
}

/// After a session of a series: the series keeps the roster and the groups'
/// names as the session left them, and knows the session.
fn sync_series(data: &DataDir, session_path: &Path, session: &Session) -> anyhow::Result<()> {
    let Some(name) = &session.series else {
        return Ok(());
    };
    let mut series = match data.load_series(name) {
        Some(loaded) => loaded?,
        None => SeriesFile::new(name, session.groups.clone()),
    };
    series.roster = session.roster.clone();
    // Groups renamed during the session keep their names for the next one.
    series.groups = session.groups.clone();
    let id = session_id(session_path);
    if !series.sessions.contains(&id) {
        series.sessions.push(id);
    }
    data.save_series(&series)?;
    Ok(())
}

/// Where the session goes when its own folder refuses it: the home folder,
/// else the temporary folder.
fn emergency_path(session: &Path) -> PathBuf {
    let folder = directories::UserDirs::new()
        .map(|dirs| dirs.home_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    folder.join(format!("{EMERGENCY_PREFIX}{}.ron", session_id(session)))
}

/// Takes the terminal for `command`'s screen, with threads that send its keys
/// and the system's signals to `inputs`.
pub fn enter_terminal(command: &'static str, inputs: &Inputs) -> anyhow::Result<TerminalScreen> {
    // The terminal took every frame: one skipped while it did not read is due.
    let ready = std::sync::Mutex::new(inputs.sender());
    let wake = move || {
        let _ = ready.lock().map(|ready| ready.send(AppEvent::Resize));
    };
    let screen = terminal::enter(wake).map_err(|error| terminal::no_terminal(command, &error))?;
    spawn_input(inputs.sender());
    spawn_signals(inputs.sender())?;
    Ok(screen)
}
