//! What the run screen shows on top of the board, as a stack: an overlay is
//! pushed over what it was opened from and popped back to it, so no mode has
//! to remember where to go back to. The board is the floor, never popped.

use super::editor::Editor;
use crate::session::{Answer, CardId, MemberId, Proposal};

/// What the screen is showing on top of the session.
#[derive(Debug, Clone)]
pub enum Mode {
    /// The run screen itself: the stack's floor.
    Normal,
    /// The help overlay.
    Help,
    /// A rebalance proposal waiting for `y`.
    Rebalance(Proposal),
    /// Text being typed; every key but Esc and Ctrl+Q goes to the editor.
    Editor(Box<Editor>),
    /// A card waiting for `y` to be deleted.
    ConfirmDelete(CardId),
    /// Quitting while saving fails, waiting for `y`; the card being typed,
    /// if one was, waits beneath.
    ConfirmQuit,
    /// The groups' members and today's attendance, with the member under the cursor.
    Roster(Option<MemberId>),
    /// A member waiting for `y` to be removed from the roster.
    ConfirmRemoveMember(MemberId),
    /// The room's join screen: address, code and QR code, large.
    RoomDoor,
    /// A card waiting for the group it moves to (1–9, 0 for the whole room).
    MoveCard(CardId),
    /// Counting hands for the poll's statement `statement`; `counted` lists
    /// what was added, for undo.
    Tally {
        statement: usize,
        counted: Vec<(usize, Answer)>,
    },
}

/// The modes on screen, the board at the bottom.
#[derive(Debug)]
pub struct Modes(Vec<Mode>);

impl Default for Modes {
    fn default() -> Self {
        Self(vec![Mode::Normal])
    }
}

impl Modes {
    /// What is on top.
    pub fn top(&self) -> &Mode {
        self.0.last().unwrap_or(&Mode::Normal)
    }

    /// What is on top, to change in place.
    pub fn top_mut(&mut self) -> &mut Mode {
        if self.0.is_empty() {
            self.0.push(Mode::Normal);
        }
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    /// Opens `mode` over what is shown.
    pub fn push(&mut self, mode: Mode) {
        self.0.push(mode);
    }

    /// Closes what is on top, back to what it was opened from; the board
    /// stays.
    pub fn pop(&mut self) -> Option<Mode> {
        (self.0.len() > 1).then(|| self.0.pop()).flatten()
    }

    /// Puts `mode` in place of what is on top (the board stays beneath).
    pub fn replace_top(&mut self, mode: Mode) {
        if self.pop().is_none() {
            self.0.truncate(1);
        }
        self.push(mode);
    }

    /// The open editor, wherever it waits in the stack (under a question
    /// about quitting, say).
    pub fn editor(&self) -> Option<&Editor> {
        self.0.iter().rev().find_map(|mode| match mode {
            Mode::Editor(editor) => Some(editor.as_ref()),
            _ => None,
        })
    }

    /// The roster's cursor beneath what is on top, to move after a change
    /// made from an overlay of the roster.
    pub fn roster_cursor(&mut self) -> Option<&mut Option<MemberId>> {
        self.0.iter_mut().rev().find_map(|mode| match mode {
            Mode::Roster(cursor) => Some(cursor),
            _ => None,
        })
    }

    /// Whether the board shows, nothing over it.
    pub fn on_board(&self) -> bool {
        matches!(self.top(), Mode::Normal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::DraftTarget;

    #[test]
    fn an_overlay_closes_back_to_what_it_was_opened_from() {
        let mut modes = Modes::default();
        modes.push(Mode::Roster(Some(3)));
        modes.push(Mode::Editor(Box::new(Editor::new(
            DraftTarget::MemberName(3),
            "Ada",
        ))));
        modes.push(Mode::ConfirmQuit);
        assert!(
            modes.editor().is_some(),
            "the editor waits beneath the question"
        );
        assert!(matches!(modes.pop(), Some(Mode::ConfirmQuit)));
        assert!(matches!(modes.top(), Mode::Editor(_)));
        modes.pop();
        assert_eq!(modes.roster_cursor().copied(), Some(Some(3)));
        modes.pop();
        assert!(modes.on_board());
        assert!(modes.pop().is_none(), "the board is never popped");
        assert!(modes.on_board());
    }
}
