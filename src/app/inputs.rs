//! Everything that wakes a screen's loop arrives on one channel: keys and
//! signals from their threads, the saver's reports, the room's requests and
//! a followed file's changes. The loop counts what it took, so a test can
//! wait until it has handled everything sent rather than sleep.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use super::events::AppEvent;
use super::room_host::RoomSender;
use crate::store::Reporter;

/// The loop's end of the channel, and the senders' shared count.
pub struct Inputs {
    sender: InputSender,
    receiver: Receiver<AppEvent>,
    idle: Arc<Idle>,
}

/// One end that sends into the loop; clones count into the same total.
#[derive(Clone)]
pub struct InputSender {
    sender: Sender<AppEvent>,
    sent: Arc<AtomicU64>,
}

/// How many events the loop had handled when it last waited for more.
#[derive(Default)]
struct Idle {
    handled: Mutex<u64>,
    changed: Condvar,
}

/// Waits until the loop has handled everything sent to it so far.
#[derive(Clone)]
pub struct IdleWatch {
    sent: Arc<AtomicU64>,
    idle: Arc<Idle>,
}

impl InputSender {
    /// Sends `event` to the loop; false once the loop has ended.
    pub fn send(&self, event: AppEvent) -> bool {
        self.sent.fetch_add(1, Ordering::SeqCst);
        self.sender.send(event).is_ok()
    }
}

impl Inputs {
    /// An empty channel.
    pub fn new() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            sender: InputSender {
                sender,
                sent: Arc::default(),
            },
            receiver,
            idle: Arc::default(),
        }
    }

    /// Another end to send into the loop.
    pub fn sender(&self) -> InputSender {
        self.sender.clone()
    }

    /// What a test waits on.
    pub fn idle_watch(&self) -> IdleWatch {
        IdleWatch {
            sent: Arc::clone(&self.sender.sent),
            idle: Arc::clone(&self.idle),
        }
    }

    /// The saver's reports as inputs of the loop: a write that ended is one
    /// more event, like a key.
    pub fn save_reporter(&self) -> Reporter {
        let events = self.sender();
        Box::new(move |report| {
            events.send(AppEvent::Written(report));
        })
    }

    /// The room's requests as inputs of the loop, like keys.
    pub fn room_sender(&self) -> RoomSender {
        let events = Mutex::new(self.sender());
        Arc::new(move |request| {
            events
                .lock()
                .is_ok_and(|events| events.send(AppEvent::Room(request)))
        })
    }

    /// The next event, waiting at most `wait`; `handled` events were taken
    /// before, which is what a test waiting for the loop is told.
    pub(super) fn next(&self, wait: Duration, handled: u64) -> Result<AppEvent, RecvTimeoutError> {
        match self.receiver.try_recv() {
            Ok(event) => return Ok(event),
            Err(mpsc::TryRecvError::Disconnected) => return Err(RecvTimeoutError::Disconnected),
            Err(mpsc::TryRecvError::Empty) => {}
        }
        self.idle.reached(handled);
        self.receiver.recv_timeout(wait)
    }

    /// Whatever else is waiting already, without waiting.
    pub(super) fn waiting(&self) -> mpsc::TryIter<'_, AppEvent> {
        self.receiver.try_iter()
    }
}

impl Default for Inputs {
    fn default() -> Self {
        Self::new()
    }
}

impl Idle {
    fn reached(&self, handled: u64) {
        *self.handled.lock().unwrap_or_else(PoisonError::into_inner) = handled;
        self.changed.notify_all();
    }
}

impl IdleWatch {
    /// Waits until the loop has handled every event sent so far and waits
    /// for more; false when `limit` passed first.
    pub fn wait(&self, limit: Duration) -> bool {
        let target = self.sent.load(Ordering::SeqCst);
        let handled = self
            .idle
            .handled
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (handled, waited) = self
            .idle
            .changed
            .wait_timeout_while(handled, limit, |handled| *handled < target)
            .unwrap_or_else(PoisonError::into_inner);
        drop(handled);
        !waited.timed_out()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watch_waits_for_everything_sent_before_it_asked() {
        let inputs = Inputs::new();
        let watch = inputs.idle_watch();
        let sender = inputs.sender();
        assert!(
            watch.wait(Duration::ZERO),
            "nothing sent, nothing to wait for"
        );
        sender.send(AppEvent::Resize);
        sender.send(AppEvent::Tick);
        assert!(
            !watch.wait(Duration::from_millis(1)),
            "two events not handled"
        );
        let looping = std::thread::spawn(move || {
            let mut handled = 0;
            while let Ok(_event) = inputs.next(Duration::from_secs(5), handled) {
                handled += 1;
                if handled == 2 {
                    // Handled both, and waits for more: idle.
                    inputs.next(Duration::from_millis(1), handled).ok();
                    return;
                }
            }
        });
        assert!(watch.wait(Duration::from_secs(30)));
        looping.join().expect("the loop ends");
    }
}
