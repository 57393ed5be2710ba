//! The terminal's bytes go out on a thread of their own, so that a terminal
//! that stops reading (a frozen window, a stalled remote link, a text
//! selection in a Windows console) stalls only that thread: the event loop
//! goes on answering keys and the room, and skips frames until the terminal
//! reads again. ratatui draws each frame against the last one it drew, so a
//! skipped frame needs no repair: the next one carries every change.

use std::io::{self, Write};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// What the writing thread has yet to write.
#[derive(Default)]
struct Waiting {
    /// Chunks handed over and not yet written.
    chunks: usize,
    /// Writing to the terminal failed: it is gone.
    failed: bool,
    /// A frame was skipped meanwhile: wake the loop once all is written.
    skipped: bool,
}

#[derive(Default)]
struct Backlog {
    waiting: Mutex<Waiting>,
    written: Condvar,
}

impl Backlog {
    fn lock(&self) -> std::sync::MutexGuard<'_, Waiting> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Bytes for the terminal: gathered until a flush, then handed to the
/// writing thread whole, so a frame goes out in one piece.
pub struct TerminalPipe {
    gathered: Vec<u8>,
    chunks: Sender<Vec<u8>>,
    backlog: Arc<Backlog>,
}

impl TerminalPipe {
    /// Starts writing to `out` on a thread of its own; `wake` is called when
    /// the thread has written everything it was handed after a frame was
    /// skipped ([`TerminalPipe::ready`] said no).
    pub fn start(
        mut out: impl Write + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> io::Result<Self> {
        let (chunks, received) = mpsc::channel::<Vec<u8>>();
        let backlog = Arc::new(Backlog::default());
        let shared = Arc::clone(&backlog);
        thread::Builder::new()
            .name("samla-terminal".into())
            .spawn(move || {
                for chunk in received {
                    let failed = out.write_all(&chunk).and_then(|()| out.flush()).is_err();
                    let mut waiting = shared.lock();
                    waiting.chunks -= 1;
                    waiting.failed |= failed;
                    let due = waiting.chunks == 0 && std::mem::take(&mut waiting.skipped);
                    drop(waiting);
                    shared.written.notify_all();
                    if due {
                        wake();
                    }
                }
            })?;
        Ok(Self {
            gathered: Vec::new(),
            chunks,
            backlog,
        })
    }

    /// Whether the terminal has taken everything handed to it, so a frame
    /// may be drawn; if not, the frame counts as skipped and the pipe wakes
    /// the loop once the terminal has caught up.
    pub fn ready(&self) -> bool {
        let mut waiting = self.backlog.lock();
        waiting.skipped |= waiting.chunks > 0;
        waiting.chunks == 0
    }

    /// Waits until the terminal has taken everything, or `limit` passes;
    /// says whether it has.
    pub fn wait_written(&self, limit: Duration) -> bool {
        let (backlog, _) = self
            .backlog
            .written
            .wait_timeout_while(self.backlog.lock(), limit, |waiting| waiting.chunks > 0)
            .unwrap_or_else(PoisonError::into_inner);
        backlog.chunks == 0
    }
}

impl Write for TerminalPipe {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.gathered.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// Hands what was gathered to the writing thread; fails once writing to
    /// the terminal has failed (it is gone).
    fn flush(&mut self) -> io::Result<()> {
        let mut waiting = self.backlog.lock();
        if waiting.failed {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        if self.gathered.is_empty() {
            return Ok(());
        }
        waiting.chunks += 1;
        drop(waiting);
        self.chunks
            .send(std::mem::take(&mut self.gathered))
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;

    /// A terminal that takes bytes only when the test lets it.
    struct HeldTerminal {
        allowed: Receiver<()>,
        taken: Arc<Mutex<Vec<u8>>>,
    }

    impl Write for HeldTerminal {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.allowed
                .recv()
                .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
            self.taken.lock().expect("taken").extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_terminal_that_does_not_read_holds_up_only_the_writing_thread() {
        let (allow, allowed) = mpsc::channel();
        let taken = Arc::new(Mutex::new(Vec::new()));
        let (woken, wakes) = mpsc::channel();
        let terminal = HeldTerminal {
            allowed,
            taken: Arc::clone(&taken),
        };
        let mut pipe = TerminalPipe::start(terminal, move || {
            let _ = woken.send(());
        })
        .expect("the thread");
        for frame in [&b"frame one"[..], b"frame two"] {
            pipe.write_all(frame).expect("gathered");
            pipe.flush()
                .expect("handed over without waiting for the terminal");
        }
        assert!(!pipe.ready(), "a frame now is skipped");
        assert!(!pipe.wait_written(Duration::ZERO));
        allow.send(()).expect("one write");
        allow.send(()).expect("another");
        assert!(pipe.wait_written(Duration::from_secs(10)));
        wakes
            .recv()
            .expect("woken once all is written, for the skipped frame");
        assert!(pipe.ready());
        pipe.write_all(b" and three").expect("gathered");
        pipe.flush().expect("handed over");
        allow.send(()).expect("a third");
        assert!(pipe.wait_written(Duration::from_secs(10)));
        assert!(wakes.try_recv().is_err(), "no frame skipped, no wake");
        assert_eq!(
            *taken.lock().expect("taken"),
            b"frame oneframe two and three"
        );
        drop(allow);
        pipe.write_all(b"gone").expect("gathered");
        pipe.flush().expect("handed over");
        assert!(pipe.wait_written(Duration::from_secs(10)));
        assert!(pipe.flush().is_err(), "a terminal that is gone says so");
    }
}
