//! The room on the run screen: opening and closing it, the rules for what a
//! device may change, and the snapshot the room's pages are drawn from.

use chrono::{DateTime, Utc};

use super::action::BoardAction;
use super::effect::{Effect, Effects};
use super::modes::Mode;
use super::saving::Change;
use super::state::AppState;
use crate::agenda::SegmentKind;
use crate::i18n::{Notice, exercise_label};
use crate::room::limits::{self, Limit};
use crate::room::{
    Countdown, Door, Refusal, RoomAction, RoomReply, Snapshot, SnapshotCard, SnapshotPoll,
    SnapshotQuestion, SnapshotSector,
};
use crate::session::{
    Answer, Applied, CardAction, CardId, DraftTarget, Lane, PollAction, Refused, Respondent,
    Session, SessionAction, TimerState, is_blank,
};

/// Whether the segment on screen takes cards from the room: a segment where
/// groups, pairs or each alone write, until it ends.
pub fn takes_room_cards(session: &Session) -> bool {
    let kind = session.current_segment().kind;
    kind.is_writing()
        && kind != SegmentKind::Plenary
        && session.current_timing().state() != TimerState::Done
}

/// How many priorities each group may mark on the room's page now: the
/// segment's number while the facilitator lets the room mark them.
fn room_votes(state: &AppState) -> Option<u32> {
    let session = &state.session;
    (state.room.door.is_some() && state.room.votes == Some(session.current))
        .then_some(session.current_segment().priorities)
        .flatten()
}

/// What the room's pages may show of `state` at `now`.
pub fn room_snapshot(state: &AppState, now: DateTime<Utc>) -> Snapshot {
    let session = &state.session;
    let index = session.current;
    let segment = session.current_segment();
    let timing = session.current_timing();
    let countdown = match timing.state() {
        TimerState::Running => Countdown::Running {
            ends: now + session.current_remaining(now),
        },
        TimerState::Paused => Countdown::Paused {
            seconds: session.current_remaining(now).num_seconds(),
        },
        TimerState::NotStarted | TimerState::Done => Countdown::NotStarted,
    };
    // Alone or in pairs, the room's lane holds what people wrote; elsewhere
    // it is the note-taker's, for the whole room.
    let personal = segment.kind.is_personal();
    let cards = (0..session.group_count_in(index))
        .map(Lane::Group)
        .chain(personal.then_some(Lane::Room))
        .flat_map(|lane| session.cards_in(index, lane))
        .filter(|card| !card.hidden)
        .map(|card| SnapshotCard {
            id: card.id,
            lane: card.group,
            text: card.text.clone(),
            column: card.horizon.clone(),
            row: card.row.clone(),
            tag: card.tag.clone(),
            device: card.from_room,
            priority: card.priority,
            revision: card.revision,
        })
        .collect();
    Snapshot {
        open: state.room.door.is_some(),
        language: session.agenda.language,
        title: session.agenda.title.clone(),
        groups: session.groups_in(index).into_owned(),
        segment: index,
        kind: kind_shown(segment, session.agenda.language),
        heading: segment.title.clone(),
        instruction: segment.instruction.clone(),
        questions: segment.questions.clone(),
        columns: session.columns(index).unwrap_or_default(),
        rows: session.rows(index).unwrap_or_default(),
        posting: takes_room_cards(session),
        personal,
        voting: room_votes(state),
        countdown,
        cards,
        wall: state.room.wall,
        poll: poll_snapshot(session),
    }
}

/// The poll of the segment on screen as the room's page shows it, if it is one.
fn poll_snapshot(session: &Session) -> Option<SnapshotPoll> {
    let segment = session.current_segment();
    if segment.kind != SegmentKind::Poll {
        return None;
    }
    let answers = session.poll(session.current);
    let revealed = answers.is_some_and(|answers| answers.revealed);
    let results = revealed.then(|| {
        session
            .statement_results(session.current)
            .into_iter()
            .map(|result| (result.counts, result.dont_know, result.n))
            .collect()
    });
    let respondents = answers
        .map(|answers| answers.respondents.as_slice())
        .unwrap_or_default();
    let scale = segment.scale_or_default(session.agenda.language);
    Some(SnapshotPoll {
        statements: segment
            .statements
            .iter()
            .map(|question| SnapshotQuestion {
                text: question.text.clone(),
                kind: question.kind.clone(),
                options: crate::i18n::option_labels(question, session.agenda.language),
                dont_know: question.allows_dont_know(&scale),
                breakdown: question.breakdown,
            })
            .collect(),
        scale,
        closed: answers.is_some_and(|answers| answers.closed),
        results,
        answers: respondents
            .iter()
            .filter_map(|respondent| Some((respondent.from_room?, respondent.clone())))
            .collect(),
        respondents: respondents.len(),
        sectors: session
            .sectors()
            .all()
            .into_iter()
            .map(|sector| SnapshotSector {
                code: session.sectors().code(&sector),
                label: crate::i18n::sector_label(
                    session.sectors(),
                    &sector,
                    session.agenda.language,
                )
                .to_owned(),
                sector,
            })
            .collect(),
    })
}

/// The bytes of a form's free-text answers: what they add to the room.
fn free_text_bytes(answers: &[Answer]) -> usize {
    answers
        .iter()
        .map(|answer| match answer {
            Answer::Text(text) => text.len(),
            _ => 0,
        })
        .sum()
}

/// The segment's kind as the page names it above the title, unless the
/// title already says it.
fn kind_shown(segment: &crate::agenda::Segment, language: crate::agenda::Language) -> String {
    let kind = exercise_label(segment, language);
    if segment.title.trim().to_lowercase() == kind.to_lowercase() {
        String::new()
    } else {
        kind.to_owned()
    }
}

/// The number the next device gets: past every device that posted a card or
/// answered a survey, so a device after a restart can never change an
/// earlier device's cards or see its answers (for a session file written
/// before the room kept its devices).
pub fn first_device_number(session: &Session) -> u32 {
    let answered = session
        .polls
        .values()
        .flat_map(|poll| &poll.respondents)
        .filter_map(|respondent| respondent.from_room);
    session
        .cards
        .iter()
        .filter_map(|card| card.from_room)
        .chain(answered)
        .max()
        .map_or(1, |last| last + 1)
}

impl AppState {
    /// `w`: opens the room, or shows its join screen while it is open; `w`
    /// on the join screen closes it.
    pub(super) fn room_key(&mut self, effects: &mut Effects) -> Change {
        match (self.mode(), &self.room.door) {
            (Mode::RoomDoor, Some(_)) => return self.close_room(effects),
            (_, Some(_)) => self.modes.push(Mode::RoomDoor),
            (_, None) => effects.push(Effect::OpenRoom),
        }
        Change::Nothing
    }

    /// Closes the room: the pages say so and posts are refused.
    pub(super) fn close_room(&mut self, effects: &mut Effects) -> Change {
        if self.room.door.take().is_none() {
            return Change::Nothing;
        }
        if matches!(self.mode(), Mode::RoomDoor) {
            self.modes.pop();
        }
        self.notice = Some(Notice::RoomClosed);
        effects.push(Effect::CloseRoom);
        Change::Structure
    }

    /// The server listens at `door` (shown on the join screen), or could not start.
    pub(super) fn room_opened(&mut self, opened: Result<Door, std::io::ErrorKind>) -> Change {
        match opened {
            Ok(door) => {
                self.room.devices.code = Some(door.code.clone());
                self.room.door = Some(door);
                self.modes.push(Mode::RoomDoor);
                Change::Structure
            }
            Err(kind) => {
                self.notice = Some(Notice::RoomFailed(kind));
                Change::Nothing
            }
        }
    }

    /// The room's new join code: shown, and kept for the next start.
    pub(super) fn code_changed(&mut self, changed: Result<String, std::io::ErrorKind>) -> Change {
        let change = match (&changed, &mut self.room.door) {
            (Ok(code), Some(door)) => {
                door.code.clone_from(code);
                self.room.devices.code = Some(code.clone());
                Change::Structure
            }
            _ => Change::Nothing,
        };
        self.notice = Some(Notice::NewCode(changed));
        change
    }

    /// Does what a device asks if the rules allow it, and answers request `request`.
    pub(super) fn answer_room(
        &mut self,
        request: u64,
        action: RoomAction,
        now: DateTime<Utc>,
        effects: &mut Effects,
    ) -> Change {
        match action {
            RoomAction::Join { device, token_hash } => {
                return self.join_room(request, device, token_hash, effects);
            }
            RoomAction::TurnedAway { room_full } => {
                self.notice = Some(Notice::TurnedAway { room_full });
                return Change::Nothing;
            }
            _ => {}
        }
        let (applied, reply) = match self.room_change(action) {
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
        Change::of(applied)
    }

    /// Writes down device `device`, let in with the code, while the room is open.
    fn join_room(
        &mut self,
        request: u64,
        device: u32,
        token_hash: String,
        effects: &mut Effects,
    ) -> Change {
        if self.room.door.is_none() {
            effects.push(Effect::Answer(request, RoomReply::Refused(Refusal::Closed)));
            return Change::Nothing;
        }
        self.room.devices.add(device, token_hash);
        effects.push(Effect::Answer(request, RoomReply::Joined));
        Change::Structure
    }

    /// The change to the session `action` makes if the rules allow it, and
    /// what the device is told.
    fn room_change(&self, action: RoomAction) -> Result<(SessionAction, RoomReply), Refusal> {
        if let RoomAction::Answer { .. } = action {
            return Ok((self.poll_rules(&action)?, RoomReply::Answered));
        }
        if let RoomAction::TogglePriority { card } = action {
            self.vote_rules(card)?;
            let change = SessionAction::Card(CardAction::TogglePriority { id: card });
            return Ok((change, RoomReply::Done(card)));
        }
        let id = self
            .room_rules(&action)?
            .unwrap_or(self.session.next_card_id);
        let change = match action {
            RoomAction::Post {
                device,
                segment,
                lane,
                text,
                column,
                row,
            } => CardAction::Post {
                segment,
                group: lane,
                text,
                column,
                row,
                device,
            },
            RoomAction::Edit {
                card,
                text,
                revision,
                ..
            } => CardAction::Edit {
                id: card,
                text,
                since: Some(revision),
            },
            RoomAction::Delete { device, card } => CardAction::Remove { id: card, device },
            RoomAction::Answer { .. }
            | RoomAction::TogglePriority { .. }
            | RoomAction::Join { .. }
            | RoomAction::TurnedAway { .. } => {
                return Err(Refusal::NotPosting);
            }
        };
        Ok((SessionAction::Card(change), RoomReply::Done(id)))
    }

    /// Whether `action` may happen now: the room open, the segment taking
    /// cards, the text not blank, the card the device's own and not being
    /// edited on screen. The card it changes, if it changes one.
    fn room_rules(&self, action: &RoomAction) -> Result<Option<CardId>, Refusal> {
        if self.room.door.is_none() {
            return Err(Refusal::Closed);
        }
        if !takes_room_cards(&self.session) {
            return Err(Refusal::NotPosting);
        }
        match action {
            RoomAction::Post {
                segment,
                lane,
                text,
                ..
            } => {
                let count = self.session.group_count_in(self.session.current);
                // Alone or in pairs every card is the room's; elsewhere a group's.
                let lane_fits = match lane {
                    Lane::Room => self.session.current_segment().kind.is_personal(),
                    Lane::Group(group) => {
                        *group < count && !self.session.current_segment().kind.is_personal()
                    }
                };
                if *segment != self.session.current || !lane_fits {
                    return Err(Refusal::NotPosting);
                }
                if is_blank(text) {
                    return Err(Refusal::Empty);
                }
                let RoomAction::Post { device, .. } = action else {
                    return Err(Refusal::NotPosting);
                };
                self.within_limits(Some(*device), text, "")?;
                Ok(None)
            }
            RoomAction::Edit {
                device, card, text, ..
            } => {
                if is_blank(text) {
                    return Err(Refusal::Empty);
                }
                let id = self.own_card(*device, *card)?;
                let before = self.session.card(id).map_or("", |card| card.text.as_str());
                self.within_limits(None, text, before)?;
                Ok(Some(id))
            }
            RoomAction::Delete { device, card } => self.own_card(*device, *card).map(Some),
            RoomAction::Answer { .. }
            | RoomAction::TogglePriority { .. }
            | RoomAction::Join { .. }
            | RoomAction::TurnedAway { .. } => Err(Refusal::NotPosting),
        }
    }

    /// Whether `text` in place of `replaced` keeps the room within its
    /// [`limits`]; with `new_card_of`, as a new card of that device.
    fn within_limits(
        &self,
        new_card_of: Option<u32>,
        text: &str,
        replaced: &str,
    ) -> Result<(), Refusal> {
        if limits::box_length(text) > limits::TEXT_MAX_CHARS {
            return Err(Refusal::Limit(Limit::TextLength));
        }
        if let Some(device) = new_card_of {
            let phones = self
                .session
                .cards
                .iter()
                .filter(|card| card.from_room.is_some());
            let (mut own, mut all) = (0, 0);
            for card in phones {
                all += 1;
                own += usize::from(card.from_room == Some(device));
            }
            if own >= limits::CARDS_PER_DEVICE {
                return Err(Refusal::Limit(Limit::DeviceCards));
            }
            if all >= limits::ROOM_CARDS {
                return Err(Refusal::Limit(Limit::Room));
            }
        }
        self.room_text_fits(text.len(), replaced.len())
    }

    /// Whether the room's text stays within [`limits::ROOM_BYTES`] with
    /// `added` bytes in place of `replaced` bytes.
    fn room_text_fits(&self, added: usize, replaced: usize) -> Result<(), Refusal> {
        let after = (self.room_bytes() + added).saturating_sub(replaced);
        if after > limits::ROOM_BYTES {
            return Err(Refusal::Limit(Limit::Room));
        }
        Ok(())
    }

    /// The bytes of text the phones' cards and free-text answers hold.
    fn room_bytes(&self) -> usize {
        let cards = self
            .session
            .cards
            .iter()
            .filter(|card| card.from_room.is_some())
            .map(|card| card.text.len());
        let answers = self
            .session
            .polls
            .values()
            .flat_map(|poll| &poll.respondents)
            .filter(|respondent| respondent.from_room.is_some())
            .map(|respondent| free_text_bytes(&respondent.answers));
        cards.chain(answers).sum()
    }

    /// Whether the room may mark or unmark card `id` now: the room open and
    /// marking, the card a group's in the segment on screen, seen by the
    /// room, and within the group's number of priorities.
    fn vote_rules(&self, id: CardId) -> Result<(), Refusal> {
        if self.room.door.is_none() {
            return Err(Refusal::Closed);
        }
        if room_votes(self).is_none() {
            return Err(Refusal::NotVoting);
        }
        let card = self.session.card(id).ok_or(Refusal::NotYours)?;
        if card.hidden || card.segment != self.session.current || card.group == Lane::Room {
            return Err(Refusal::NotYours);
        }
        match self.session.priority_allowed(id) {
            Some(true) => Ok(()),
            _ => Err(Refusal::PrioritiesFull),
        }
    }

    /// Whether a device's answers may be taken now: the room open, the poll
    /// on screen and open, the answers the poll's. The change they make.
    fn poll_rules(&self, action: &RoomAction) -> Result<SessionAction, Refusal> {
        let RoomAction::Answer {
            device,
            segment,
            sector,
            answers,
        } = action
        else {
            return Err(Refusal::NotPosting);
        };
        if self.room.door.is_none() {
            return Err(Refusal::Closed);
        }
        let poll = self.session.current_segment();
        if *segment != self.session.current || poll.kind != SegmentKind::Poll {
            return Err(Refusal::NotPosting);
        }
        if self
            .session
            .poll(*segment)
            .is_some_and(|answers| answers.closed)
        {
            return Err(Refusal::PollClosed);
        }
        let scale = poll.scale_or_default(self.session.agenda.language);
        let fits = poll
            .statements
            .iter()
            .zip(answers)
            .all(|(question, answer)| answer.fits(question, &scale));
        if answers.len() != poll.statements.len() || !fits {
            return Err(Refusal::NotAnAnswer);
        }
        if answers.iter().all(|answer| *answer == Answer::Missing) {
            return Err(Refusal::Empty);
        }
        let too_long = answers.iter().any(|answer| {
            matches!(answer, Answer::Text(text) if limits::box_length(text) > limits::TEXT_MAX_CHARS)
        });
        if too_long {
            return Err(Refusal::Limit(Limit::TextLength));
        }
        // A changed ballot takes the place of the device's earlier one.
        let earlier = self
            .session
            .poll(*segment)
            .and_then(|poll| {
                poll.respondents
                    .iter()
                    .find(|respondent| respondent.from_room == Some(*device))
            })
            .map_or(0, |respondent| free_text_bytes(&respondent.answers));
        self.room_text_fits(free_text_bytes(answers), earlier)?;
        Ok(SessionAction::Poll(PollAction::FromRoom {
            segment: *segment,
            device: *device,
            respondent: Respondent {
                sector: sector.clone(),
                answers: answers.clone(),
                from_room: Some(*device),
            },
        }))
    }

    /// Card `id` if device `device` posted it in the segment on screen, the
    /// room sees it and nobody is editing it on screen.
    fn own_card(&self, device: u32, id: CardId) -> Result<CardId, Refusal> {
        let card = self.session.card(id).ok_or(Refusal::NotYours)?;
        if card.from_room != Some(device) || card.hidden {
            return Err(Refusal::NotYours);
        }
        if card.segment != self.session.current {
            return Err(Refusal::NotPosting);
        }
        if self
            .modes
            .editor()
            .is_some_and(|editor| editor.target == DraftTarget::Card(id))
        {
            return Err(Refusal::InUse);
        }
        Ok(id)
    }

    /// `d` on a card from the room: taken down from the room and the summary,
    /// or put back; a card typed on screen is asked about and deleted.
    pub(super) fn toggle_hidden(&mut self, id: CardId, now: DateTime<Utc>) -> Change {
        let change = self.change_session(SessionAction::Card(CardAction::ToggleHidden { id }), now);
        let hidden = self.session.card(id).is_some_and(|card| card.hidden);
        self.notice = Some(Notice::CardHidden(hidden));
        change
    }

    /// `W`: opens the wall (the room's page shows every group's cards), or closes it.
    /// `P`: lets the room's page mark the segment's priorities, or stops it.
    pub(super) fn toggle_room_votes(&mut self) -> Change {
        let current = self.session.current;
        let Some(allowed) = self.session.current_segment().priorities else {
            self.notice = Some(Notice::NoPriorities);
            return Change::Nothing;
        };
        let on = self.room.votes != Some(current);
        self.room.votes = on.then_some(current);
        self.notice = Some(Notice::RoomVotes(on.then_some(allowed)));
        Change::Nothing
    }

    pub(super) fn toggle_wall(&mut self) -> Change {
        self.room.wall = !self.room.wall;
        self.notice = Some(Notice::Wall(self.room.wall));
        Change::Nothing
    }

    /// `c` closes the poll on screen to the room's page (or opens it again);
    /// `o` shows its results to the room (or hides them).
    pub(super) fn toggle_poll(&mut self, key: BoardAction, now: DateTime<Utc>) -> Change {
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
}
