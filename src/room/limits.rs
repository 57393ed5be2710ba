//! What the room can add to a session, per device and in all: with these,
//! the largest session file the room and `samla poll import` can make stays
//! well under what samla reads back ([`crate::input_file::MAX_KEPT_BYTES`]).
//! Anything past them is refused at the door, with the text given back.

/// Longest text of a card, or of a free-text answer, counted as the text
/// box's `maxlength` counts it (UTF-16 code units, a line break as one), so
/// that the box and the room agree on every text.
pub const TEXT_MAX_CHARS: usize = 2000;

/// How long `text` is as the text box counts it.
pub fn box_length(text: &str) -> usize {
    text.encode_utf16().count()
}
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
