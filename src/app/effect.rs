//! What `update` asks the outside world to do. The event loop runs effects and
//! feeds what came of them back as actions; nothing else writes into the state.

/// One thing to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the session and the draft (the saver writes the newest).
    Save,
    /// Write a summary and deliver it as asked.
    Export(super::export::ExportRequest),
    /// Ring the terminal bell.
    Bell,
    /// Leave the screen.
    Quit,
    /// Start the room's server (or keep the one still answering).
    OpenRoom,
    /// Tell the room's pages the room is closed; the server stops after a grace.
    CloseRoom,
    /// Give the room a new join code.
    NewCode,
    /// Answer the room's request with this number.
    Answer(u64, crate::room::RoomReply),
}

/// The effects of one action, in the order they are to run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use = "effects do nothing unless the event loop runs them"]
pub struct Effects(Vec<Effect>);

impl Effects {
    /// No effects.
    pub fn none() -> Self {
        Self::default()
    }

    /// Adds `effect` once: a second save in one action is the same save.
    pub fn push(&mut self, effect: Effect) {
        if !self.0.contains(&effect) {
            self.0.push(effect);
        }
    }

    /// Whether `effect` is among them.
    pub fn contains(&self, effect: &Effect) -> bool {
        self.0.contains(effect)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The effects, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Effect> {
        self.0.iter()
    }
}
