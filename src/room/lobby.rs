//! Connections that no joined device has used yet. When the room's
//! connections run short, the oldest of these are shed first, so that a
//! client holding idle connections open cannot keep an honest phone waiting.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tokio::sync::oneshot;

/// The connection a request came on, as the lobby knows it.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionId(u64);

/// The connections without a device, oldest first.
#[derive(Default)]
pub struct Lobby {
    waiting: Mutex<(u64, BTreeMap<u64, oneshot::Sender<()>>)>,
}

impl Lobby {
    fn lock(&self) -> MutexGuard<'_, (u64, BTreeMap<u64, oneshot::Sender<()>>)> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A new connection; what tells it to close if it is shed. The sender
    /// is dropped when the connection leaves the lobby, which is no shed.
    pub fn enter(&self) -> (ConnectionId, oneshot::Receiver<()>) {
        let (shed, shed_when) = oneshot::channel();
        let mut waiting = self.lock();
        let id = waiting.0;
        waiting.0 += 1;
        waiting.1.insert(id, shed);
        (ConnectionId(id), shed_when)
    }

    /// The connection carried a joined device's request, or closed: it is
    /// no longer the lobby's.
    pub fn leave(&self, id: ConnectionId) {
        self.lock().1.remove(&id.0);
    }

    /// Closes the oldest connection no device has used; whether there was one.
    pub fn shed_oldest(&self) -> bool {
        let oldest = self.lock().1.pop_first();
        oldest.is_some_and(|(_, shed)| shed.send(()).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_connection_without_a_device_is_shed_first() {
        let lobby = Lobby::default();
        let (first, mut first_shed) = lobby.enter();
        let (second, mut second_shed) = lobby.enter();
        let (_third, mut third_shed) = lobby.enter();
        lobby.leave(first);
        assert!(lobby.shed_oldest());
        assert!(
            first_shed.try_recv().is_err(),
            "a device's connection is kept"
        );
        assert_eq!(second_shed.try_recv(), Ok(()));
        lobby.leave(second);
        assert!(lobby.shed_oldest());
        assert_eq!(third_shed.try_recv(), Ok(()));
        assert!(!lobby.shed_oldest(), "none left");
    }
}
