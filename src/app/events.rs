//! What wakes a screen's loop: keys, signals, the saver's reports, the room's
//! requests and a followed file's changes.

use crossterm::event::KeyEvent;

/// Something that happened outside the event loop.
#[derive(Debug)]
pub enum AppEvent {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted. Bracketed paste delivers it as one event, so pasted
    /// text never fires the run screen's one-letter commands.
    Paste(String),
    /// The terminal changed size.
    Resize,
    /// A signal asks samla to end.
    Signal,
    /// Ctrl+Z from the shell (SIGTSTP): save, give the terminal back, stop.
    Suspend,
    /// Going on after a stop (SIGCONT): take the terminal again and redraw.
    Continue,
    /// The terminal is gone (closed window, dropped ssh): input cannot be read.
    InputClosed,
    /// The session file being followed was written.
    SessionChanged,
    /// Nothing arrived before the screen was due to change.
    Tick,
    /// The saver's write ended: written, or refused and why.
    Written(crate::store::WriteReport),
    /// A device in the room asks for a change.
    Room(crate::room::RoomRequest),
}

impl AppEvent {
    /// Whether the screen may look different after it.
    pub fn shows(&self) -> bool {
        !matches!(
            self,
            AppEvent::SessionChanged | AppEvent::Signal | AppEvent::InputClosed
        )
    }
}
