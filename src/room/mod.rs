//! The room's page: a small web server inside `samla run` where groups post
//! their own cards from their phones. It is one more input of the event loop:
//! requests become [`RoomAction`]s sent to the loop, which answers each with a
//! [`RoomReply`]; what the pages show comes from the [`Snapshot`] the loop
//! publishes. The server never touches the session or a file.

mod book;
mod devices;
mod dots;
pub mod limits;
mod live;
mod lobby;
mod pages;
mod router;
mod routes;
pub mod rules;
mod secret;
mod server;
mod snapshot;
mod streams;
mod survey;
mod wall;

pub use book::{DeviceBook, KnownDevice};
pub use devices::{Devices, JoinRefusal, MAX_DEVICES, POSTS_PER_MINUTE, WRONG_CODES_PER_MINUTE};
pub use routes::SendToLoop;
pub use secret::join_code;
pub use server::{OpenRoom, RoomConfig, TimeLimits, Trial, lan_address, open, try_listening};
pub use snapshot::{
    Countdown, Snapshot, SnapshotCard, SnapshotPoll, SnapshotQuestion, SnapshotSector,
};

use serde::{Deserialize, Serialize};

use crate::session::CardId;

/// What a device asks of the session, checked by the loop against the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomAction {
    /// A device let in with the code, to be written down before it gets
    /// its cookie, so that it stays joined across a restart or a crash.
    Join { device: u32, token_hash: String },
    /// A phone was turned away at the door: the room is full, or its
    /// address has all the devices it may. Nothing changes; the run screen says so.
    TurnedAway { room_full: bool },
    /// A new card in segment `segment`: a group's, or the room's where people
    /// write alone or in pairs.
    /// `segment` is the one the form was for; `None` when it did not say.
    Post {
        device: u32,
        segment: Option<usize>,
        lane: crate::session::Lane,
        text: String,
        column: Option<String>,
        row: Option<String>,
    },
    /// New text for one of the device's own cards, whose form showed it at
    /// revision `revision`.
    Edit {
        device: u32,
        card: CardId,
        text: String,
        revision: u32,
    },
    /// Removes one of the device's own cards (it is kept, hidden, and the
    /// note-taker can bring it back).
    Delete { device: u32, card: CardId },
    /// Marks a card of the segment as its group's priority, or takes the
    /// mark off: a group decides together, so any of its devices may.
    TogglePriority { card: CardId },
    /// The device's dot on a card of any group, or its dot taken back,
    /// while the room votes across its groups.
    ToggleDot { device: u32, card: CardId },
    /// The device's answers to the poll in segment `segment`, in place of any
    /// it gave before.
    /// `segment` is the one the form was for; `None` when it did not say.
    Answer {
        device: u32,
        segment: Option<usize>,
        sector: Option<crate::agenda::Sector>,
        answers: Vec<crate::session::Answer>,
        /// The texts written beside an option that asks for one, by question.
        other: std::collections::BTreeMap<usize, String>,
    },
}

/// The loop's answer to a [`RoomAction`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomReply {
    /// Done; the card's id.
    Done(CardId),
    /// The poll's answers were taken.
    Answered,
    /// The device is written down: its cookie may go out.
    Joined,
    /// Not done, and why.
    Refused(Refusal),
}

/// Why the loop refused a device's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The room is closed.
    Closed,
    /// The current segment takes no cards (not a group segment, or another
    /// segment than the form was for).
    NotPosting,
    /// Only blanks.
    Empty,
    /// Not the device's own card, or no such card.
    NotYours,
    /// The note-taker is editing the card on screen.
    InUse,
    /// The card changed since the device's form showed it.
    Stale,
    /// The facilitator closed the poll.
    PollClosed,
    /// Answers that are not the poll's (a value off the scale, "vet ej" where
    /// it is not allowed, not one per statement).
    NotAnAnswer,
    /// The facilitator does not let the room mark priorities now.
    NotVoting,
    /// The group has marked as many priorities as the segment allows.
    PrioritiesFull,
    /// The device has given every dot it has.
    DotsUsed,
    /// Past one of the room's [`limits`].
    Limit(limits::Limit),
    /// Taken, but the disk refuses to keep it: it stays in memory and is
    /// written when the disk allows, so the device keeps its text meanwhile.
    NotSaved,
}

/// A request on its way to the loop: the action and where the answer goes.
#[derive(Debug)]
pub struct RoomRequest {
    /// What the device asks.
    pub action: RoomAction,
    /// Where the loop's answer goes.
    pub reply: tokio::sync::oneshot::Sender<RoomReply>,
}

/// Where the room is reached, as the facilitator shows it and `samla present`
/// reads it from the session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Door {
    /// The address to type: `http://192.168.1.23:8765`.
    pub url: String,
    /// The join code.
    pub code: String,
}

impl Door {
    /// What the QR code holds: the address with the code, in capitals so that
    /// the QR's compact alphanumeric mode fits it in a small code.
    pub fn join_link(&self) -> String {
        format!("{}/J/{}", self.url.to_uppercase(), self.code)
    }
}
