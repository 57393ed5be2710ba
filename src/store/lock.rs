//! One screen per session: a lock file beside the session file holds the pid
//! of the samla running it. A lock whose process is gone (after `kill -9` or a
//! dead battery) is stale and taken over.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a session cannot be opened for running.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another samla runs it.
    #[error(
        "{session} is already open in another samla (process {pid}); close that one first, or use `samla present` to follow it"
    )]
    Held { session: String, pid: u32 },
    /// The lock file could not be made.
    #[error("cannot lock {session}: {reason}")]
    Io { session: String, reason: String },
}

/// The lock on a session; released when dropped.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
}

/// The lock file of the session at `session`.
fn lock_path(session: &Path) -> PathBuf {
    session.with_extension("lock")
}

impl SessionLock {
    /// Takes the lock on the session at `session`.
    pub fn acquire(session: &Path) -> Result<Self, LockError> {
        let path = lock_path(session);
        let io_error = |error: io::Error| LockError::Io {
            session: session.display().to_string(),
            reason: error.to_string(),
        };
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    write!(file, "{}", std::process::id()).map_err(io_error)?;
                    return Ok(Self { path });
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(&path)
                        .ok()
                        .and_then(|text| text.trim().parse::<u32>().ok());
                    match holder {
                        Some(pid) if is_running(pid) => {
                            return Err(LockError::Held {
                                session: session.display().to_string(),
                                pid,
                            });
                        }
                        // Stale, or half-written by a process that died at once.
                        _ => fs::remove_file(&path).map_err(io_error)?,
                    }
                }
                Err(error) => return Err(io_error(error)),
            }
        }
        Err(io_error(io::Error::other(
            "the lock file keeps reappearing",
        )))
    }
}

/// Whether a running samla holds the session at `session` open.
pub fn is_running_session(session: &Path) -> bool {
    fs::read_to_string(lock_path(session))
        .ok()
        .and_then(|text| text.trim().parse::<u32>().ok())
        .is_some_and(is_running)
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether process `pid` exists. Where that cannot be told, it is assumed to,
/// and the message names the lock file to remove by hand.
#[cfg(target_os = "linux")]
fn is_running(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_released_on_drop() {
        let folder = tempfile::tempdir().unwrap();
        let session = folder.path().join("s.ron");
        let lock = SessionLock::acquire(&session).unwrap();
        let refused = SessionLock::acquire(&session).unwrap_err();
        assert!(
            matches!(refused, LockError::Held { pid, .. } if pid == std::process::id()),
            "{refused}"
        );
        drop(lock);
        assert!(!lock_path(&session).exists());
        SessionLock::acquire(&session).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_lock_of_a_process_that_is_gone_is_taken_over() {
        let folder = tempfile::tempdir().unwrap();
        let session = folder.path().join("s.ron");
        // Above the kernel's largest pid (4194304), so never a running process.
        fs::write(lock_path(&session), "4194305").unwrap();
        SessionLock::acquire(&session).unwrap();
        fs::write(lock_path(&session), "garbage").unwrap();
        SessionLock::acquire(&session).unwrap();
    }
}
