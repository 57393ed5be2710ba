//! The roster's keys: members and today's attendance.

use chrono::{DateTime, Utc};

use crate::app::action::RosterKey;
use crate::app::modes::Mode;
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::session::{DraftTarget, MemberId, RosterAction, SessionAction};

impl AppState {
    /// The members in the roster's order on screen: by group, then as added.
    pub fn roster_order(&self) -> Vec<MemberId> {
        let roster = &self.session.roster;
        (0..self.session.groups.len())
            .flat_map(|group| roster.of_group(group).map(|member| member.id))
            .collect()
    }

    pub(in crate::app) fn first_member(&self) -> Option<MemberId> {
        self.roster_order().first().copied()
    }

    pub(in crate::app) fn roster(&mut self, key: RosterKey, now: DateTime<Utc>) -> Unsaved {
        let &Mode::Roster(cursor) = self.mode() else {
            return Unsaved::Nothing;
        };
        let change = |change: fn(MemberId) -> RosterAction| cursor.map(change);
        let roster_change = match key {
            RosterKey::Step(step) => {
                let order = self.roster_order();
                let position = cursor.and_then(|id| order.iter().position(|m| *m == id));
                let next = match position {
                    Some(position) => position
                        .saturating_add_signed(isize::from(step))
                        .min(order.len().saturating_sub(1)),
                    None => 0,
                };
                *self.modes.top_mut() = Mode::Roster(order.get(next).copied());
                None
            }
            RosterKey::Add => {
                let group = cursor
                    .and_then(|id| self.session.roster.member(id))
                    .map(|member| member.group)
                    .or(self.board.lane.group())
                    .unwrap_or(0);
                return self.open_editor_on(DraftTarget::NewMember(group), "");
            }
            RosterKey::Rename => {
                if let Some(member) = cursor.and_then(|id| self.session.roster.member(id)) {
                    let (id, name) = (member.id, member.name.clone());
                    return self.open_editor_on(DraftTarget::MemberName(id), &name);
                }
                None
            }
            RosterKey::Remove => {
                if let Some(id) = cursor {
                    self.modes.push(Mode::ConfirmRemoveMember(id));
                }
                None
            }
            RosterKey::TogglePresent => change(|id| RosterAction::TogglePresent { id }),
            RosterKey::CycleSector => change(|id| RosterAction::CycleSector { id }),
            RosterKey::CycleRole => change(|id| RosterAction::CycleRole { id }),
            RosterKey::Move => change(|id| RosterAction::MoveToNextGroup { id }),
        };
        match roster_change {
            Some(roster_change) => self.change_session(SessionAction::Roster(roster_change), now),
            None => Unsaved::Nothing,
        }
    }
}
