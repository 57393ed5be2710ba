//! Files: the only part of samla that touches the data folder.

mod atomic;
mod document;
mod lock;
mod saver;
mod series_file;
mod session_file;
mod sessions;

pub use atomic::{backup_path, write_atomic};
pub use document::write_document;
pub use lock::{FileLock, LockError, is_locked};
pub use saver::{Reporter, Saver, Unsaved, WriteReport};
pub use series_file::{SERIES_VERSION, SeriesFile, series_stem};
pub use session_file::{FileKind, SessionFile, SessionFileError, VERSION};
pub use sessions::{EMERGENCY_PREFIX, SessionSummary, session_id};

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use directories::ProjectDirs;

use crate::i18n::Locked;

/// The folder that holds sessions, exports and the user's own agendas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `SAMLA_HOME` when set (passed in, so tests need not touch the
    /// environment), otherwise the platform's data folder.
    pub fn locate(samla_home: Option<OsString>) -> Option<Self> {
        let root = match samla_home.filter(|home| !home.is_empty()) {
            Some(home) => PathBuf::from(home),
            None => ProjectDirs::from("se", "samla", "samla")?
                .data_dir()
                .to_path_buf(),
        };
        Some(Self { root })
    }

    /// The data folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the user keeps agendas of their own.
    pub fn agendas_dir(&self) -> PathBuf {
        self.root.join("agendas")
    }

    /// Where sessions are saved.
    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }

    /// Where summaries are written.
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// A path for a new session of agenda `agenda_id` begun on `date`:
    /// `sessions/2026-03-12-seminarium-3.ron`, numbered `-2`, `-3` … when taken.
    /// Creates the folder, owner-only.
    pub fn new_session_path(&self, date: NaiveDate, agenda_id: &str) -> io::Result<PathBuf> {
        let folder = self.sessions_dir();
        create_private_dir(&folder)?;
        let stem = format!("{}-{agenda_id}", date.format("%Y-%m-%d"));
        let mut path = folder.join(format!("{stem}.ron"));
        let mut number = 1;
        while path.exists() {
            number += 1;
            path = folder.join(format!("{stem}-{number}.ron"));
        }
        Ok(path)
    }

    /// Takes the lock of the session at `path`: one screen or command writes it.
    pub fn lock_session(&self, path: &Path) -> Result<FileLock, LockError> {
        FileLock::acquire(path, Locked::Session(sessions::session_id(path)))
    }

    /// Takes the lock of series `name`: held by the screen running one of its
    /// sessions, so the command line never changes its roster behind the
    /// screen's back (the screen writes the roster back when it ends).
    pub fn lock_series(&self, name: &str) -> Result<FileLock, LockError> {
        let what = Locked::Series(name.to_owned());
        create_private_dir(&self.series_dir()).map_err(|error| LockError::Io {
            what: what.clone(),
            kind: error.kind(),
        })?;
        FileLock::acquire(&self.series_path(name), what)
    }

    /// The user's own agenda files, sorted by name; none when the folder is missing.
    pub fn user_agendas(&self) -> Vec<PathBuf> {
        ron_files(&self.agendas_dir())
    }
}

/// The `.ron` files in `folder`, sorted by name; none when it is missing.
fn ron_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    paths
}

/// Creates `folder` and its parents; the folder itself readable by its owner only.
pub fn create_private_dir(folder: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder).map_err(|error| {
        io::Error::new(
            error.kind(),
            format!("cannot make the folder {}: {error}", folder.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samla_home_wins_over_the_platform_folder() {
        let data = DataDir::locate(Some("/tmp/somewhere".into())).expect("a data dir");
        assert_eq!(data.root(), Path::new("/tmp/somewhere"));
        assert_eq!(data.agendas_dir(), Path::new("/tmp/somewhere/agendas"));
    }

    #[test]
    fn empty_samla_home_means_unset() {
        let data = DataDir::locate(Some(OsString::new())).expect("a data dir");
        assert_ne!(data.root(), Path::new(""));
    }

    #[test]
    fn user_agendas_lists_only_ron_files_sorted() {
        let home = tempfile::tempdir().expect("temp dir");
        let data = DataDir::locate(Some(home.path().into())).expect("a data dir");
        assert!(
            data.user_agendas().is_empty(),
            "a missing folder has no agendas"
        );
        std::fs::create_dir(data.agendas_dir()).expect("create agendas dir");
        for name in ["b.ron", "a.ron", "notes.txt"] {
            std::fs::write(data.agendas_dir().join(name), "").expect("write");
        }
        let names: Vec<_> = data
            .user_agendas()
            .iter()
            .map(|path| path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, [Some("a.ron".to_owned()), Some("b.ron".to_owned())]);
    }
}
