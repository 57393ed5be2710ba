//! The live streams (`/events`) each device holds: a few per device, the
//! oldest closed when another opens, so one device cannot hold the room's
//! connections open by the thousand.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::oneshot;

/// Most live streams one device keeps: a page or two, and one reloading.
pub const STREAMS_PER_DEVICE: usize = 3;

/// Every device's open streams, oldest first.
#[derive(Default)]
pub struct Streams {
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next: u64,
    by_device: HashMap<u32, VecDeque<(u64, oneshot::Sender<()>)>>,
}

/// One open stream, counted until it is dropped.
pub struct Ticket {
    streams: Arc<Streams>,
    device: u32,
    id: u64,
}

impl Streams {
    fn lock(&self) -> MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Opens a stream for `device`, closing its oldest past
    /// [`STREAMS_PER_DEVICE`]; the ticket, and what says the stream is to close.
    pub fn open(self: &Arc<Self>, device: u32) -> (Ticket, oneshot::Receiver<()>) {
        let (close, closed) = oneshot::channel();
        let mut open = self.lock();
        let id = open.next;
        open.next += 1;
        let streams = open.by_device.entry(device).or_default();
        streams.push_back((id, close));
        while streams.len() > STREAMS_PER_DEVICE {
            if let Some((_, oldest)) = streams.pop_front() {
                let _ = oldest.send(());
            }
        }
        let ticket = Ticket {
            streams: Arc::clone(self),
            device,
            id,
        };
        (ticket, closed)
    }

    /// How many streams `device` holds.
    #[cfg(test)]
    fn held(&self, device: u32) -> usize {
        self.lock().by_device.get(&device).map_or(0, VecDeque::len)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut open = self.streams.lock();
        if let Some(streams) = open.by_device.get_mut(&self.device) {
            streams.retain(|(id, _)| *id != self.id);
            if streams.is_empty() {
                open.by_device.remove(&self.device);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_keeps_three_streams_and_its_oldest_closes_for_a_fourth() {
        let streams = Arc::new(Streams::default());
        let mut opened: Vec<_> = (0..STREAMS_PER_DEVICE).map(|_| streams.open(7)).collect();
        let (_other, mut others) = streams.open(8);
        assert_eq!(streams.held(7), STREAMS_PER_DEVICE);
        let (_fourth, _) = streams.open(7);
        assert_eq!(streams.held(7), STREAMS_PER_DEVICE);
        assert_eq!(
            opened[0].1.try_recv(),
            Ok(()),
            "the oldest is told to close"
        );
        assert!(opened[1].1.try_recv().is_err());
        assert!(others.try_recv().is_err(), "another device keeps its own");
        drop(opened.remove(0));
        drop(opened);
        assert_eq!(streams.held(7), 1, "a closed stream gives its place back");
    }
}
