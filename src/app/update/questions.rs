//! Yes to the question on screen: rebalance, delete, quit, remove a member.

use chrono::{DateTime, Utc};

use crate::app::effect::{Effect, Effects};
use crate::app::modes::Mode;
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::session::{RosterAction, SessionAction};

impl AppState {
    /// Yes to the question on screen.
    pub(super) fn confirm(&mut self, now: DateTime<Utc>, effects: &mut Effects) -> Unsaved {
        match self.mode() {
            // The draft stays beneath the question, so the last save keeps it.
            Mode::ConfirmQuit => {
                effects.push(Effect::Quit);
                return Unsaved::Nothing;
            }
            Mode::Rebalance(_) | Mode::ConfirmDelete(_) | Mode::ConfirmRemoveMember(_) => {}
            _ => return Unsaved::Nothing,
        }
        match self.modes.pop() {
            Some(Mode::Rebalance(proposal)) => {
                self.change_session(SessionAction::Rebalance(proposal), now)
            }
            Some(Mode::ConfirmDelete(id)) => self.delete_card(id, now),
            Some(Mode::ConfirmRemoveMember(id)) => {
                let change =
                    self.change_session(SessionAction::Roster(RosterAction::Remove { id }), now);
                let first = self.first_member();
                if let Some(cursor) = self.modes.roster_cursor() {
                    *cursor = first;
                }
                change
            }
            _ => Unsaved::Nothing,
        }
    }
}
