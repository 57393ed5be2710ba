//! What the room can add to a session, per device and in all: with these,
//! the largest session file the room and `samla poll import` can make stays
//! well under what samla reads back ([`crate::input_file::MAX_KEPT_BYTES`]).
//! Anything past them is refused at the door, with the text given back.

/// Longest text of a card, or of a free-text answer, in characters.
pub const TEXT_MAX_CHARS: usize = 2000;
/// Most cards one device may post in a session (removed ones count).
pub const CARDS_PER_DEVICE: usize = 200;
/// Most cards the phones may post in a session.
pub const ROOM_CARDS: usize = 5000;
/// Most bytes the phones' cards and free-text answers may hold in all:
/// bytes, since this bounds the session file.
pub const ROOM_BYTES: usize = 8 * 1024 * 1024;

/// Which limit a change would pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// A text longer than [`TEXT_MAX_CHARS`].
    TextLength,
    /// A device's [`CARDS_PER_DEVICE`].
    DeviceCards,
    /// The room's [`ROOM_CARDS`] or [`ROOM_BYTES`].
    Room,
}
