//! One writer per file: a lock file beside a session (or a series) that the
//! running samla holds with an operating-system lock. The system releases it
//! when the process ends however it ends (`kill -9`, a dead battery), so there
//! is never a stale lock to clear and no process id to test. The pid written
//! into the file only tells the user who holds it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{Locked, Say};

/// Why a file cannot be opened for writing.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another samla holds it.
    #[error("{}", self.say().text(crate::i18n::Language::En))]
    Held {
        /// What is locked, as the user knows it.
        what: Locked,
        /// The holder's process id, where it can be read.
        pid: Option<u32>,
    },
    /// The lock could not be taken at all.
    #[error("{}", self.say().text(crate::i18n::Language::En))]
    Io { what: Locked, kind: io::ErrorKind },
    /// The lock file is a symbolic link: following it would truncate
    /// whatever it points at.
    #[error("{}", self.say().text(crate::i18n::Language::En))]
    Link { path: PathBuf },
}

impl LockError {
    /// What the command line says of it.
    pub fn say(&self) -> Say {
        match self {
            LockError::Held {
                what: Locked::Session(id),
                pid,
            } => Say::SessionHeld {
                id: id.clone(),
                pid: *pid,
            },
            LockError::Held {
                what: Locked::Series(name),
                pid,
            } => Say::SeriesHeld {
                name: name.clone(),
                pid: *pid,
            },
            LockError::Io { what, kind } => Say::CannotLock {
                what: what.clone(),
                kind: *kind,
            },
            LockError::Link { path } => Say::LockIsLink { path: path.clone() },
        }
    }
}

/// A held lock; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct FileLock {
    // Holding the open file is holding the lock.
    _file: File,
}

/// The lock file of the session (or series) file at `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

impl FileLock {
    /// Takes the lock of the file at `target` without waiting; `what` names
    /// it when another samla holds it.
    pub fn acquire(target: &Path, what: Locked) -> Result<Self, LockError> {
        let io_error = |error: io::Error| LockError::Io {
            what: what.clone(),
            kind: error.kind(),
        };
        let path = lock_path(target);
        let is_link =
            std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_symlink());
        if is_link {
            return Err(LockError::Link { path });
        }
        let mut file = open_lock_file(&path).map_err(|error| match error.raw_os_error() {
            // A link put there after the look above: still never followed.
            #[cfg(unix)]
            Some(libc::ELOOP) => LockError::Link { path: path.clone() },
            _ => io_error(error),
        })?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0).map_err(io_error)?;
                write!(file, "{}", std::process::id()).map_err(io_error)?;
                file.flush().map_err(io_error)?;
                Ok(Self { _file: file })
            }
            Err(TryLockError::WouldBlock) => Err(LockError::Held {
                pid: read_pid(&mut file),
                what,
            }),
            Err(TryLockError::Error(error)) => Err(io_error(error)),
        }
    }
}

/// Opens (or makes) a lock file, owner-only like everything samla keeps.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        // A lock file made by an older samla may be readable by others.
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(file)
}

/// The pid the holder wrote, where the system lets a second process read a
/// locked file (Windows does not).
fn read_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Whether a running samla holds the file at `target` open.
pub fn is_locked(target: &Path) -> bool {
    let Ok(file) = File::open(lock_path(target)) else {
        return false;
    };
    // A shared lock is granted unless a writer holds the exclusive one; it is
    // let go at once when `file` closes.
    matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acquire(session: &Path) -> Result<FileLock, LockError> {
        FileLock::acquire(session, Locked::Session("s".into()))
    }

    #[test]
    fn a_second_lock_is_refused_with_the_holders_pid_and_released_on_drop() {
        let folder = tempfile::tempdir().unwrap();
        let session = folder.path().join("s.ron");
        let lock = acquire(&session).unwrap();
        assert!(is_locked(&session));
        let refused = acquire(&session).unwrap_err();
        #[cfg(unix)]
        assert!(
            matches!(refused, LockError::Held { pid: Some(pid), .. } if pid == std::process::id()),
            "{refused}"
        );
        #[cfg(not(unix))]
        assert!(matches!(refused, LockError::Held { .. }), "{refused}");
        drop(lock);
        assert!(!is_locked(&session));
        acquire(&session).unwrap();
    }

    #[test]
    fn a_lock_file_left_by_a_dead_process_or_naming_another_is_no_lock() {
        let folder = tempfile::tempdir().unwrap();
        let session = folder.path().join("s.ron");
        // A pid that now belongs to another process (this one), or garbage:
        // only the operating system's lock counts.
        for stale in [std::process::id().to_string(), "1".into(), "garbage".into()] {
            std::fs::write(lock_path(&session), stale).unwrap();
            assert!(!is_locked(&session));
            drop(acquire(&session).unwrap());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_symbolic_link_is_refused_and_its_target_left_alone() {
        let folder = tempfile::tempdir().unwrap();
        let session = folder.path().join("s.ron");
        let precious = folder.path().join("precious.txt");
        std::fs::write(&precious, "a facilitator's own notes").unwrap();
        std::os::unix::fs::symlink(&precious, lock_path(&session)).unwrap();
        let refused = acquire(&session).unwrap_err();
        assert!(matches!(refused, LockError::Link { .. }), "{refused}");
        assert!(refused.to_string().contains("symbolic link"), "{refused}");
        assert_eq!(
            std::fs::read_to_string(&precious).unwrap(),
            "a facilitator's own notes"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_owner_only_even_when_it_was_not() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let session = folder.path().join("s.ron");
        std::fs::write(lock_path(&session), "").unwrap();
        std::fs::set_permissions(lock_path(&session), PermissionsExt::from_mode(0o666)).unwrap();
        let _lock = acquire(&session).unwrap();
        let mode = std::fs::metadata(lock_path(&session))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
