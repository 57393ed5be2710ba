//! Saving off the keystroke path: the app hands over snapshots, a thread of its
//! own writes the newest one. When the disk refuses, the snapshot stays in
//! memory, the problem is reported, and the write is tried again every second.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::atomic::write_atomic;
use super::session_file::SessionFile;

/// How long after a failed write it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// What the saving thread has done of what it was handed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Progress {
    /// How many snapshots were handed over.
    handed: u64,
    /// The number of the last snapshot written (all before it are outdated).
    written: u64,
    /// Why the last write failed, while it keeps failing.
    problem: Option<ErrorKind>,
}

impl Progress {
    fn is_behind(&self) -> bool {
        self.written < self.handed
    }
}

/// The progress, and a signal whenever a write ends.
#[derive(Default)]
struct Shared {
    progress: Mutex<Progress>,
    written: Condvar,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Progress> {
        self.progress.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A snapshot and its number in the order they were handed over.
type Numbered = (u64, SessionFile);

/// What became of one write: written, with the number of the newest snapshot
/// now on disk (every one handed over before it is outdated), or refused and why.
pub type WriteReport = Result<u64, ErrorKind>;

/// Told of every write as it ends, from the saving thread.
pub type Reporter = Box<dyn Fn(WriteReport) + Send>;

/// The last snapshot, which the disk refused.
#[derive(Debug)]
pub struct Unsaved {
    /// Why it could not be written.
    pub problem: ErrorKind,
    /// What should have been written.
    pub snapshot: Box<SessionFile>,
}

/// The saving thread of one session file.
pub struct Saver {
    path: PathBuf,
    snapshots: Option<Sender<Numbered>>,
    thread: Option<JoinHandle<Option<SessionFile>>>,
    shared: Arc<Shared>,
}

impl Saver {
    /// Starts saving to `path`.
    pub fn start(path: PathBuf) -> Self {
        Self::start_reporting(path, Box::new(|_| {}))
    }

    /// Starts saving to `path`, telling `report` how each write ended.
    pub fn start_reporting(path: PathBuf, report: Reporter) -> Self {
        let (sender, receiver) = mpsc::channel();
        let shared = Arc::new(Shared::default());
        let thread = {
            let path = path.clone();
            let shared = Arc::clone(&shared);
            thread::spawn(move || write_loop(&path, &receiver, &shared, &report))
        };
        Self {
            path,
            snapshots: Some(sender),
            thread: Some(thread),
            shared,
        }
    }

    /// The file saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Hands a snapshot over to be written; returns at once with its number,
    /// which a [`WriteReport`] names once it (or a newer one) is on disk.
    pub fn save(&self, snapshot: SessionFile) -> u64 {
        let mut progress = self.shared.lock();
        progress.handed += 1;
        if let Some(sender) = &self.snapshots {
            // The thread only ends when this sender is dropped, so this succeeds.
            let _ = sender.send((progress.handed, snapshot));
        }
        progress.handed
    }

    /// Why saving fails, while it does.
    pub fn problem(&self) -> Option<ErrorKind> {
        self.shared.lock().problem
    }

    /// Whether a snapshot waits to be written (or to be retried).
    pub fn is_behind(&self) -> bool {
        self.shared.lock().is_behind()
    }

    /// Waits until every snapshot handed over is written, or `limit` passes
    /// (a disk that refuses); says whether all is written.
    pub fn wait_written(&self, limit: Duration) -> bool {
        let (progress, _) = self
            .shared
            .written
            .wait_timeout_while(self.shared.lock(), limit, |progress| progress.is_behind())
            .unwrap_or_else(PoisonError::into_inner);
        !progress.is_behind()
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
                problem: self.problem().unwrap_or(ErrorKind::Other),
                snapshot: Box::new(snapshot),
            }),
            None => Ok(()),
        }
    }
}

/// Writes the newest snapshot whenever one arrives; retries while the disk
/// refuses; after the app lets go, writes the last one (one final try) and ends,
/// returning it if that failed.
fn write_loop(
    path: &Path,
    snapshots: &Receiver<Numbered>,
    shared: &Shared,
    report: &Reporter,
) -> Option<SessionFile> {
    let mut waiting: Option<Numbered> = None;
    // The session's text as last written: typing changes only the draft.
    let mut kept = None;
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
        if let Some((number, snapshot)) = &waiting {
            let result = write_atomic(path, snapshot.to_text_keeping(&mut kept).as_bytes());
            let mut progress = shared.lock();
            match result {
                Ok(()) => {
                    progress.written = *number;
                    progress.problem = None;
                    waiting = None;
                }
                Err(error) => progress.problem = Some(error.kind()),
            }
            let outcome = progress.problem.map_or(Ok(progress.written), Err);
            drop(progress);
            shared.written.notify_all();
            report(outcome);
        }
        if closed {
            return waiting.map(|(_, snapshot)| snapshot);
        }
    }
}
