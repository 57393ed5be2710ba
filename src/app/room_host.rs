//! The room's server as the event loop runs it: started and stopped by
//! effects, its requests turned into actions, their answers sent back, and
//! the snapshot its pages read published after every burst.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use tokio::sync::{oneshot, watch};

use super::action::Action;
use super::room_snapshot::{first_device_number, room_snapshot};
use super::state::AppState;
use crate::room::{
    self, Devices, Door, OpenRoom, Refusal, RoomConfig, RoomReply, RoomRequest, Snapshot,
};

pub use crate::room::SendToLoop as RoomSender;

/// Everything of the room that lives as long as the run screen.
pub struct RoomHost {
    config: RoomConfig,
    open_at_start: bool,
    send: RoomSender,
    devices: Option<Arc<Mutex<Devices>>>,
    server: Option<OpenRoom>,
    snapshots: watch::Sender<Arc<Snapshot>>,
    replies: HashMap<u64, oneshot::Sender<RoomReply>>,
    /// Answers given in this burst, sent once the snapshot shows them.
    answered: Vec<(u64, RoomReply)>,
    /// Changes taken, each with the number of the saver's snapshot that holds
    /// it, answered once that snapshot is on disk.
    on_their_way: Vec<Taken>,
    /// Changes whose devices were told the disk refused them, by snapshot:
    /// still in memory, written when the disk allows.
    refused_by_disk: Vec<u64>,
    /// The newest snapshot the saver has on disk.
    written: u64,
    next_request: u64,
}

/// A change the loop took, waiting for the disk before its device hears so.
struct Taken {
    snapshot: u64,
    request: u64,
    reply: RoomReply,
}

impl RoomHost {
    /// A closed room that listens as `config` says when opened; `open_at_start`
    /// opens it as the screen starts (`--room`).
    pub fn new(config: RoomConfig, open_at_start: bool, send: RoomSender) -> Self {
        Self {
            config,
            open_at_start,
            send,
            devices: None,
            server: None,
            snapshots: watch::Sender::new(Arc::new(Snapshot::default())),
            replies: HashMap::new(),
            answered: Vec::new(),
            on_their_way: Vec::new(),
            refused_by_disk: Vec::new(),
            written: 0,
            next_request: 0,
        }
    }

    /// A room that never opens, for a screen without one.
    pub fn none() -> Self {
        Self::new(RoomConfig::default(), false, Arc::new(|_| false))
    }

    /// Whether the room opens as the screen starts.
    pub fn opens_at_start(&self) -> bool {
        self.open_at_start
    }

    /// Starts the server for `state` at `now` (again on the port it had, if
    /// it was open before); the devices that joined stay joined.
    pub fn open(
        &mut self,
        state: &AppState,
        now: DateTime<Utc>,
    ) -> Result<Door, std::io::ErrorKind> {
        let devices = match &self.devices {
            Some(devices) => Arc::clone(devices),
            None => {
                let code = match &state.room.devices.code {
                    Some(code) => code.clone(),
                    None => room::join_code().map_err(|error| error.kind())?,
                };
                let first = first_device_number(&state.session);
                let per_address = self.config.devices_per_address;
                let devices = Devices::new(code, &state.room.devices, first, per_address);
                Arc::clone(self.devices.insert(Arc::new(Mutex::new(devices))))
            }
        };
        let earlier_port = self.server.take().map(|server| server.address.port());
        let mut snapshot = room_snapshot(state, now);
        snapshot.open = true;
        self.snapshots.send_replace(Arc::new(snapshot));
        let start = |config: RoomConfig| {
            room::open(
                config,
                Arc::clone(&devices),
                self.snapshots.subscribe(),
                Arc::clone(&self.send),
            )
        };
        let again = RoomConfig {
            port: self.config.port.or(earlier_port),
            ..self.config
        };
        let opened = start(again)
            .or_else(|_| start(self.config))
            .map_err(|error| error.kind())?;
        let door = opened.door.clone();
        self.server = Some(opened);
        Ok(door)
    }

    /// A new join code for the open room; devices that joined stay joined.
    pub fn new_code(&mut self) -> Result<String, std::io::ErrorKind> {
        let devices = self
            .devices
            .as_ref()
            .ok_or(std::io::ErrorKind::NotConnected)?;
        let code = room::join_code().map_err(|error| error.kind())?;
        devices
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .set_code(code.clone());
        Ok(code)
    }

    /// A device's request as an action for `update`; its answer is kept for
    /// [`RoomHost::answer`].
    pub fn accept(&mut self, request: RoomRequest) -> Action {
        let number = self.next_request;
        self.next_request += 1;
        self.replies.insert(number, request.reply);
        Action::FromRoom(number, request.action)
    }

    /// Keeps the loop's answer to request `number` until the burst's
    /// snapshot is published: the page a device is sent back to shows its card.
    pub fn answer(&mut self, number: u64, reply: RoomReply) {
        self.answered.push((number, reply));
    }

    /// Publishes what the pages show of `state` at `now`, if it changed and
    /// a server is there to show it. Refusals go out at once; a change that
    /// was taken is answered once `handed`, the saver's newest snapshot
    /// (which holds it), is on disk: "taken" means written and synced.
    pub fn publish(&mut self, state: &AppState, now: DateTime<Utc>, handed: u64) {
        if self.server.is_some() {
            let snapshot = room_snapshot(state, now);
            self.snapshots.send_if_modified(|current| {
                if **current == snapshot {
                    return false;
                }
                *current = Arc::new(snapshot);
                true
            });
        }
        for (request, reply) in std::mem::take(&mut self.answered) {
            if matches!(reply, RoomReply::Refused(_)) || handed <= self.written {
                self.send(request, reply);
            } else {
                self.on_their_way.push(Taken {
                    snapshot: handed,
                    request,
                    reply,
                });
            }
        }
    }

    /// The saver has snapshot `written` (and every one before it) on disk:
    /// the changes it holds are answered as taken.
    pub fn written(&mut self, written: u64) {
        self.written = self.written.max(written);
        let (due, waiting): (Vec<Taken>, Vec<Taken>) = std::mem::take(&mut self.on_their_way)
            .into_iter()
            .partition(|taken| taken.snapshot <= self.written);
        self.on_their_way = waiting;
        for taken in due {
            self.send(taken.request, taken.reply);
        }
        self.refused_by_disk.retain(|snapshot| *snapshot > written);
    }

    /// The disk refused the saver's write: every change waiting for it is
    /// answered at once that it is not saved yet, with its text given back,
    /// rather than left hanging while the saver tries again.
    pub fn disk_refused(&mut self) {
        for taken in std::mem::take(&mut self.on_their_way) {
            self.refused_by_disk.push(taken.snapshot);
            self.send(taken.request, RoomReply::Refused(Refusal::NotSaved));
        }
    }

    /// How many changes from the room are taken but not yet on disk.
    pub fn waiting_for_disk(&self) -> usize {
        self.on_their_way.len() + self.refused_by_disk.len()
    }

    fn send(&mut self, request: u64, reply: RoomReply) {
        if let Some(sender) = self.replies.remove(&request) {
            // A device that gave up waiting is no matter.
            let _ = sender.send(reply);
        }
    }
}
