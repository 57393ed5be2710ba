//! `samla resume [SESSION]`: back to a saved session exactly as it was.

use std::path::Path;
use std::process::ExitCode;

use super::screen::run_and_keep;
use super::{Context, fail, session_path_or};
use crate::app::AppState;
use crate::clock::{Clock, SystemClock};
use crate::i18n::{Notice, Say};
use crate::store::{DataDir, LockError, SessionFile, SessionSummary, backup_path, session_id};
use crate::ui::Theme;

/// Reopens session `name` (an id or a path), or the latest unfinished one.
pub fn resume(name: Option<&str>, backup: bool, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    // A session damaged by the crash it is resumed after is the one meant.
    if name.is_none()
        && let Some(damaged) = data.newest_damaged_session()
        && data
            .latest_unfinished()
            .is_none_or(|fine| modified(&fine.path) < modified(&damaged))
    {
        return open(&damaged, backup, true, None, context);
    }
    // Several under way: the facilitator says which, never a guess.
    if name.is_none() {
        let candidates = data.unfinished_with_content();
        if candidates.len() > 1 {
            let chosen = choose(&candidates, context)?;
            return open(&chosen.path, backup, true, None, context);
        }
    }
    let path = session_path_or(
        &data,
        name,
        DataDir::latest_unfinished,
        Say::NothingToResume,
    )?;
    open(&path, backup, true, None, context)
}

/// Asks which of `candidates` (newest first) to resume, on the terminal;
/// Enter takes the newest. Without a terminal to ask in, says how to name one.
fn choose<'a>(
    candidates: &'a [SessionSummary],
    context: &mut Context,
) -> anyhow::Result<&'a SessionSummary> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        let ids = candidates.iter().map(|found| found.id.clone()).collect();
        return Err(fail(Say::NameOneToResume { ids }));
    }
    let header = context.say(Say::SeveralToResume);
    writeln!(context.err, "{header}")?;
    for (index, found) in candidates.iter().enumerate() {
        let line = context.say(Say::ResumeChoice {
            number: index + 1,
            id: found.id.clone(),
            title: found.title.clone(),
            cards: found.cards,
            answers: found.answers,
            changed: super::sessions::local(found.last_change),
        });
        writeln!(context.err, "{line}")?;
    }
    loop {
        let question = context.say(Say::WhichToResume {
            count: candidates.len(),
        });
        write!(context.err, "{question} ")?;
        context.err.flush()?;
        let mut answer = String::new();
        if std::io::stdin().read_line(&mut answer)? == 0 {
            return Err(fail(Say::NameOneToResume {
                ids: candidates.iter().map(|found| found.id.clone()).collect(),
            }));
        }
        let answer = answer.trim();
        if answer.is_empty() {
            return Ok(&candidates[0]);
        }
        if let Some(found) = answer
            .parse::<usize>()
            .ok()
            .and_then(|number| candidates.get(number.checked_sub(1)?))
        {
            return Ok(found);
        }
    }
}

/// When the file at `path` was last written, if that can be told.
fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// Runs the session saved at `path` (its `.bak` when `backup`) on screen: the
/// same segment, timers going on by the wall clock, the draft back in the editor;
/// with `groups`, the groups asked for (see [`crate::session::Session::regroup`]).
pub fn open(
    path: &Path,
    backup: bool,
    bell: bool,
    groups: Option<Vec<String>>,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let read_from = if backup {
        backup_path(path)
    } else {
        path.to_path_buf()
    };
    let file = SessionFile::load(&read_from).map_err(|error| {
        let mut message = vec![error.say()];
        if !backup && error.is_damaged() && backup_path(path).exists() {
            message.push(Say::TryBackup {
                id: session_id(path),
            });
        }
        fail(Say::Joined(message))
    })?;
    context.speak(file.session.agenda.language);
    let data = context.data_dir()?;
    // An emergency copy goes back where sessions live, so every command reads
    // one truth; until the data folder accepts it, the screen warns and retries.
    let save_to = data.session_path_of_emergency_copy(path);
    let save_to = save_to.as_deref().unwrap_or(path);
    let _ = crate::store::create_private_dir(&data.sessions_dir());
    let _lock = match data.lock_session(save_to) {
        // A folder that still refuses cannot hold the lock file either.
        Err(LockError::Io { .. }) if save_to != path => data.lock_session(path)?,
        lock => lock?,
    };
    let _series_lock = match &file.session.series {
        Some(series) => Some(data.lock_series(series)?),
        None => None,
    };
    let clock = SystemClock;
    let now = clock.now();
    let mut session = file.session;
    let regrouped = groups.map(|names| {
        let now = std::sync::Arc::make_mut(&mut session).regroup(&names);
        Notice::Regrouped {
            asked: names.len(),
            now,
        }
    });
    let mut state = AppState::new(
        session,
        file.language,
        Theme::new(context.no_color),
        bell,
        now,
    );
    if let Some(draft) = &file.draft {
        state.restore_draft(draft);
    }
    let state = state.resumed(file.devices.clone(), regrouped);
    let code = run_and_keep(
        state,
        &clock,
        save_to.to_path_buf(),
        &file.agenda_id,
        context,
    )?;
    if save_to != path {
        // Everything it held is in the session file now.
        let _ = std::fs::remove_file(path);
    }
    Ok(code)
}
