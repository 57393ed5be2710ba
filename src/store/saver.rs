//! Saving off the keystroke path: the app hands over snapshots, a thread of its
//! own writes the newest one. When the disk refuses, the snapshot stays in
//! memory, the problem is reported, and the write is tried again every second.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::atomic::write_atomic;
use super::session_file::SessionFile;

/// How long after a failed write it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// What the saving thread last did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Progress {
    /// Snapshots handed over and not yet written.
    unwritten: bool,
    /// Why the last write failed, while it keeps failing.
    problem: Option<String>,
}

/// The last snapshot, which the disk refused.
#[derive(Debug)]
pub struct Unsaved {
    /// Why it could not be written.
    pub problem: String,
    /// What should have been written.
    pub snapshot: Box<SessionFile>,
}

/// The saving thread of one session file.
pub struct Saver {
    path: PathBuf,
    snapshots: Option<Sender<SessionFile>>,
    thread: Option<JoinHandle<Option<SessionFile>>>,
    progress: Arc<Mutex<Progress>>,
}

impl Saver {
    /// Starts saving to `path`.
    pub fn start(path: PathBuf) -> Self {
        let (sender, receiver) = mpsc::channel();
        let progress = Arc::new(Mutex::new(Progress::default()));
        let thread = {
            let path = path.clone();
            let progress = Arc::clone(&progress);
            thread::spawn(move || write_loop(&path, &receiver, &progress))
        };
        Self {
            path,
            snapshots: Some(sender),
            thread: Some(thread),
            progress,
        }
    }

    /// The file saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Hands a snapshot over to be written; returns at once.
    pub fn save(&self, snapshot: SessionFile) {
        self.update(|progress| progress.unwritten = true);
        if let Some(sender) = &self.snapshots {
            // The thread only ends when this sender is dropped, so this succeeds.
            let _ = sender.send(snapshot);
        }
    }

    /// Why saving fails, while it does.
    pub fn problem(&self) -> Option<String> {
        self.read().problem
    }

    /// Whether a snapshot waits to be written (or to be retried).
    pub fn is_behind(&self) -> bool {
        self.read().unwritten
    }

    /// Writes what is still waiting and stops the thread; when the last
    /// snapshot cannot be written, it comes back with the reason.
    pub fn finish(mut self) -> Result<(), Unsaved> {
        self.snapshots = None;
        let unwritten = self
            .thread
            .take()
            .and_then(|thread| thread.join().ok().flatten());
        match unwritten {
            Some(snapshot) => Err(Unsaved {
                problem: self.problem().unwrap_or_else(|| "not written".to_owned()),
                snapshot: Box::new(snapshot),
            }),
            None => Ok(()),
        }
    }

    fn read(&self) -> Progress {
        self.progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn update(&self, change: impl FnOnce(&mut Progress)) {
        change(&mut self.progress.lock().unwrap_or_else(PoisonError::into_inner));
    }
}

/// Writes the newest snapshot whenever one arrives; retries while the disk
/// refuses; after the app lets go, writes the last one (one final try) and ends,
/// returning it if that failed.
fn write_loop(
    path: &Path,
    snapshots: &Receiver<SessionFile>,
    progress: &Mutex<Progress>,
) -> Option<SessionFile> {
    let mut waiting: Option<SessionFile> = None;
    loop {
        let next = match waiting {
            Some(_) => snapshots.recv_timeout(RETRY_AFTER),
            None => snapshots.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let closed = match next {
            Ok(snapshot) => {
                waiting = Some(snapshot);
                false
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => true,
        };
        while let Ok(newer) = snapshots.try_recv() {
            waiting = Some(newer);
        }
        if let Some(snapshot) = &waiting {
            let result = write_atomic(path, snapshot.to_text().as_bytes());
            let mut shared = progress.lock().unwrap_or_else(PoisonError::into_inner);
            match result {
                Ok(()) => {
                    waiting = None;
                    *shared = Progress::default();
                }
                Err(error) => shared.problem = Some(error.to_string()),
            }
        }
        if closed {
            return waiting;
        }
    }
}
