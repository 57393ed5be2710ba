//! The room on the run screen: opening and closing it, its code, its wall
//! and marking, and what a device asks (the rules decide, in `room::rules`).

use chrono::{DateTime, Utc};

use crate::app::action::BoardAction;
use crate::app::effect::{Effect, Effects};
use crate::app::modes::Mode;
use crate::app::room_snapshot::{room_dots, room_votes};
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::i18n::Notice;
use crate::room::rules::Rules;
use crate::room::{Door, Refusal, RoomAction, RoomReply};
use crate::session::{
    Applied, CardAction, CardId, DraftTarget, PollAction, Refused, SessionAction,
};

impl AppState {
    /// `w`: opens the room, or shows its join screen while it is open; `w`
    /// on the join screen closes it.
    pub(in crate::app) fn room_key(&mut self, effects: &mut Effects) -> Unsaved {
        match (self.mode(), &self.room.door) {
            (Mode::RoomDoor, Some(_)) => return self.close_room(effects),
            (_, Some(_)) => self.modes.push(Mode::RoomDoor),
            (_, None) => effects.push(Effect::OpenRoom),
        }
        Unsaved::Nothing
    }

    /// Closes the room: the pages say so and posts are refused.
    pub(in crate::app) fn close_room(&mut self, effects: &mut Effects) -> Unsaved {
        if self.room.door.take().is_none() {
            return Unsaved::Nothing;
        }
        if matches!(self.mode(), Mode::RoomDoor) {
            self.modes.pop();
        }
        self.notice = Some(Notice::RoomClosed);
        effects.push(Effect::CloseRoom);
        Unsaved::Structure
    }

    /// The server listens at `door` (shown on the join screen), or could not start.
    pub(in crate::app) fn room_opened(
        &mut self,
        opened: Result<Door, std::io::ErrorKind>,
    ) -> Unsaved {
        match opened {
            Ok(door) => {
                self.room.devices.code = Some(door.code.clone());
                self.room.door = Some(door);
                self.modes.push(Mode::RoomDoor);
                Unsaved::Structure
            }
            Err(kind) => {
                self.notice = Some(Notice::RoomFailed(kind));
                Unsaved::Nothing
            }
        }
    }

    /// The room's new join code: shown, and kept for the next start.
    pub(in crate::app) fn code_changed(
        &mut self,
        changed: Result<String, std::io::ErrorKind>,
    ) -> Unsaved {
        let change = match (&changed, &mut self.room.door) {
            (Ok(code), Some(door)) => {
                door.code.clone_from(code);
                self.room.devices.code = Some(code.clone());
                Unsaved::Structure
            }
            _ => Unsaved::Nothing,
        };
        self.notice = Some(Notice::NewCode(changed));
        change
    }

    /// Does what a device asks if the rules allow it, and answers request `request`.
    pub(in crate::app) fn answer_room(
        &mut self,
        request: u64,
        action: RoomAction,
        now: DateTime<Utc>,
        effects: &mut Effects,
    ) -> Unsaved {
        match action {
            RoomAction::Join { device, token_hash } => {
                return self.join_room(request, device, token_hash, effects);
            }
            RoomAction::TurnedAway { room_full } => {
                self.notice = Some(Notice::TurnedAway { room_full });
                return Unsaved::Nothing;
            }
            _ => {}
        }
        let (applied, reply) = match self.rules().decide(action) {
            Err(refusal) => (Applied::default(), RoomReply::Refused(refusal)),
            Ok((change, reply)) => {
                let applied = self.apply_session(change, now);
                match applied.refused {
                    Some(Refused::Stale) => (applied, RoomReply::Refused(Refusal::Stale)),
                    _ => (applied, reply),
                }
            }
        };
        effects.push(Effect::Answer(request, reply));
        Unsaved::of(applied)
    }

    /// Writes down device `device`, let in with the code, while the room is open.
    pub(super) fn join_room(
        &mut self,
        request: u64,
        device: u32,
        token_hash: String,
        effects: &mut Effects,
    ) -> Unsaved {
        if self.room.door.is_none() {
            effects.push(Effect::Answer(request, RoomReply::Refused(Refusal::Closed)));
            return Unsaved::Nothing;
        }
        self.room.devices.add(device, token_hash);
        effects.push(Effect::Answer(request, RoomReply::Joined));
        Unsaved::Structure
    }

    /// `d` on a card from the room: taken down from the room and the summary,
    /// or put back; a card typed on screen is asked about and deleted.
    pub(in crate::app) fn toggle_hidden(&mut self, id: CardId, now: DateTime<Utc>) -> Unsaved {
        let change = self.change_session(SessionAction::Card(CardAction::ToggleHidden { id }), now);
        let hidden = self.session.card(id).is_some_and(|card| card.hidden);
        self.notice = Some(Notice::CardHidden(hidden));
        change
    }

    /// `W`: opens the wall (the room's page shows every group's cards), or closes it.
    /// `P`: lets the room's page mark the segment's priorities, or give
    /// its dots across the groups, or stops it.
    pub(in crate::app) fn toggle_room_votes(&mut self) -> Unsaved {
        let current = self.session.current;
        let segment = self.session.current_segment();
        let (priorities, dots) = (segment.priorities, segment.dots);
        if priorities.is_none() && dots.is_none() {
            self.notice = Some(Notice::NoPriorities);
            return Unsaved::Nothing;
        }
        let on = self.room.votes != Some(current.0);
        self.room.votes = on.then_some(current.0);
        self.notice = Some(match dots {
            Some(dots) => Notice::RoomDots(on.then_some(dots)),
            None => Notice::RoomVotes(on.then_some(priorities.unwrap_or_default())),
        });
        Unsaved::Nothing
    }

    pub(in crate::app) fn toggle_wall(&mut self) -> Unsaved {
        self.room.wall = !self.room.wall;
        self.notice = Some(Notice::Wall(self.room.wall));
        Unsaved::Nothing
    }

    /// `c` closes the poll on screen to the room's page (or opens it again);
    /// `o` shows its results to the room (or hides them).
    pub(in crate::app) fn toggle_poll(&mut self, key: BoardAction, now: DateTime<Utc>) -> Unsaved {
        let segment = self.session.current;
        let change = match key {
            BoardAction::ClosePoll => PollAction::ToggleClosed { segment },
            _ => PollAction::ToggleRevealed { segment },
        };
        let changed = self.change_session(SessionAction::Poll(change), now);
        let answers = self.session.poll(segment);
        self.notice = Some(match key {
            BoardAction::ClosePoll => Notice::PollClosed(answers.is_some_and(|a| a.closed)),
            _ => Notice::PollRevealed(answers.is_some_and(|a| a.revealed)),
        });
        changed
    }

    /// The room's rules as they stand: the session and what the screen adds.
    pub(super) fn rules(&self) -> Rules<'_> {
        Rules {
            session: &self.session,
            open: self.room.door.is_some(),
            marking: room_votes(self).is_some() || room_dots(self).is_some(),
            editing: self.modes.editor().and_then(|editor| match editor.target {
                DraftTarget::Card(id) => Some(id),
                _ => None,
            }),
        }
    }
}
