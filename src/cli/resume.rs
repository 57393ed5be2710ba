//! `samla resume [SESSION]`: back to a saved session exactly as it was.

use std::path::Path;
use std::process::ExitCode;

use super::run::run_and_keep;
use super::{Context, session_path_or};
use crate::app::AppState;
use crate::clock::{Clock, SystemClock};
use crate::store::{DataDir, Saver, SessionFile, SessionLock, backup_path, session_id};
use crate::ui::Theme;

/// Reopens session `name` (an id or a path), or the latest unfinished one.
pub fn resume(name: Option<&str>, backup: bool, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let path = session_path_or(
        &data,
        name,
        DataDir::latest_unfinished,
        "no unfinished session to resume; `samla sessions` lists the saved ones",
    )?;
    open(&path, backup, true, context)
}

/// Runs the session saved at `path` (its `.bak` when `backup`) on screen: the
/// same segment, timers going on by the wall clock, the draft back in the editor.
pub fn open(
    path: &Path,
    backup: bool,
    bell: bool,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let read_from = if backup {
        backup_path(path)
    } else {
        path.to_path_buf()
    };
    let file = SessionFile::load(&read_from).map_err(|error| {
        let hint = if backup || !backup_path(path).exists() {
            String::new()
        } else {
            format!(
                "; `samla resume {} --backup` opens the version before the last change",
                session_id(path)
            )
        };
        anyhow::anyhow!("{error}{hint}")
    })?;
    let _lock = SessionLock::acquire(path)?;
    let clock = SystemClock;
    let now = clock.now();
    let mut state = AppState::new(
        file.session,
        file.language,
        Theme::new(context.no_color),
        bell,
        now,
    );
    if let Some(draft) = &file.draft {
        state.restore_draft(draft);
    }
    run_and_keep(
        state,
        &clock,
        Saver::start(path.to_path_buf()),
        &file.agenda_id,
        context,
    )
}
