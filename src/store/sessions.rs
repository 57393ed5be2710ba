//! The saved sessions in the data folder: listing them and finding one.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::DataDir;
use super::session_file::{SessionFile, SessionFileError};
use crate::session::SessionState;

/// What `samla sessions` shows of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionSummary {
    /// The file stem, e.g. `2026-03-12-seminarium-3`.
    pub id: String,
    /// The session file.
    pub path: PathBuf,
    /// The agenda's id.
    pub agenda_id: String,
    /// The agenda's title.
    pub title: String,
    /// When the first segment started, if it has.
    pub started: Option<DateTime<Utc>>,
    /// When the file was last written.
    pub last_change: DateTime<Utc>,
    /// How many cards it holds.
    pub cards: usize,
    /// How many survey forms it holds, from phones and paper.
    pub answers: usize,
    /// Whether the last segment has ended.
    pub finished: bool,
}

impl SessionSummary {
    fn of(path: &Path, file: &SessionFile) -> Self {
        Self {
            id: session_id(path),
            path: path.to_path_buf(),
            agenda_id: file.agenda_id.clone(),
            title: file.session.agenda.title.clone(),
            started: file
                .session
                .timings
                .iter()
                .find_map(|timing| timing.started),
            last_change: file.saved,
            cards: file.session.cards.len(),
            answers: file
                .session
                .polls
                .values()
                .map(|poll| poll.respondents.len())
                .sum(),
            finished: file.session.is_over(),
        }
    }

    /// Whether it holds anything: begun, or with a card or a form in it.
    pub fn has_content(&self) -> bool {
        self.started.is_some() || self.cards > 0 || self.answers > 0
    }

    /// Where it stands now.
    pub fn state(&self) -> SessionState {
        if self.finished {
            SessionState::Finished
        } else if super::is_locked(&self.path) {
            SessionState::Running
        } else if self.has_content() {
            SessionState::Unfinished
        } else {
            SessionState::Empty
        }
    }
}

/// How an emergency copy's file name begins, before the session's id.
pub const EMERGENCY_PREFIX: &str = "samla-emergency-";

/// A session's id: its file stem.
pub fn session_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl DataDir {
    /// Every session file, oldest change first; damaged ones as their errors.
    pub fn sessions(&self) -> Vec<Result<SessionSummary, SessionFileError>> {
        self.sessions_named("")
    }

    /// The session files whose id starts with `prefix` (ids begin with the date
    /// and the agenda id), oldest change first; only those are read.
    pub fn sessions_named(&self, prefix: &str) -> Vec<Result<SessionSummary, SessionFileError>> {
        let mut found: Vec<_> = super::ron_files(&self.sessions_dir())
            .iter()
            .filter(|path| session_id(path).starts_with(prefix))
            .map(|path| SessionFile::load(path).map(|file| SessionSummary::of(path, &file)))
            .collect();
        found.sort_by_key(|entry| entry.as_ref().ok().map(|summary| summary.last_change));
        found
    }

    /// The unfinished session changed last, if any; one with content before
    /// any empty one, which a bare `samla` may have left behind.
    pub fn latest_unfinished(&self) -> Option<SessionSummary> {
        self.sessions()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|summary| !summary.finished)
            .max_by_key(|summary| (summary.has_content(), summary.last_change))
    }

    /// The unfinished sessions that hold something, changed last first.
    pub fn unfinished_with_content(&self) -> Vec<SessionSummary> {
        let mut found: Vec<SessionSummary> = self
            .sessions()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|summary| !summary.finished && summary.has_content())
            .collect();
        found.sort_by_key(|summary| std::cmp::Reverse(summary.last_change));
        found
    }

    /// The damaged session file written last, if any.
    pub fn newest_damaged_session(&self) -> Option<PathBuf> {
        super::ron_files(&self.sessions_dir())
            .into_iter()
            .filter(|path| SessionFile::load(path).is_err_and(|error| error.is_damaged()))
            .max_by_key(|path| {
                std::fs::metadata(path)
                    .and_then(|meta| meta.modified())
                    .ok()
            })
    }

    /// The session changed last, finished or not.
    pub fn latest_session(&self) -> Option<SessionSummary> {
        self.sessions()
            .into_iter()
            .filter_map(Result::ok)
            .max_by_key(|summary| summary.last_change)
    }

    /// The session a running `samla run` or `samla resume` has open, the one
    /// changed last if there are several.
    pub fn running_session(&self) -> Option<SessionSummary> {
        self.sessions()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|summary| super::is_locked(&summary.path))
            .max_by_key(|summary| summary.last_change)
    }

    /// Where an emergency copy at `path` (written when the data folder refused
    /// the session) belongs: the session file it stands in for. `None` for
    /// any other file.
    pub fn session_path_of_emergency_copy(&self, path: &Path) -> Option<PathBuf> {
        let id = session_id(path).strip_prefix(EMERGENCY_PREFIX)?.to_owned();
        let in_sessions = path.parent() == Some(self.sessions_dir().as_path());
        (!id.is_empty() && !in_sessions).then(|| self.sessions_dir().join(format!("{id}.ron")))
    }

    /// The file of session `name`: a path, or an id from `samla sessions`.
    pub fn session_path(&self, name: &str) -> Option<PathBuf> {
        let path = Path::new(name);
        // Anything named that exists is taken, so reading it says what is wrong
        // with it (a folder, a pipe) instead of "no such session".
        if path.exists() {
            return Some(path.to_path_buf());
        }
        let by_id = self.sessions_dir().join(format!("{name}.ron"));
        by_id.is_file().then_some(by_id)
    }
}
