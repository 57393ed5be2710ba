//! What a device in the room may change, and when: one pure function of
//! the session and what the run screen shows, so that "the room is open",
//! "the text is not blank" and the limits are checked in one place. The
//! room's handlers check only what HTTP carries (a joined device, the form's
//! check, the body's size); the loop asks these rules.

use super::limits::{self, Limit};
use super::{Refusal, RoomAction, RoomReply};
use crate::agenda::SegmentKind;
use crate::session::{
    Answer, CardAction, CardId, Lane, PollAction, Respondent, Session, SessionAction, TimerState,
    is_blank,
};

/// What the rules look at: the session, and what the run screen adds.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The session being run.
    pub session: &'a Session,
    /// The room is open.
    pub open: bool,
    /// The facilitator lets the room mark priorities in the segment on screen.
    pub marking: bool,
    /// The card being edited on screen, if one is.
    pub editing: Option<CardId>,
}

/// Whether the segment on screen takes cards from the room: a segment where
/// groups, pairs or each alone write, until it ends.
pub fn takes_room_cards(session: &Session) -> bool {
    let kind = session.current_segment().kind;
    kind.is_writing()
        && kind != SegmentKind::Plenary
        && session.current_timing().state() != TimerState::Done
}

/// The bytes of a form's texts, free and beside an option: what they add
/// to the room.
pub fn free_text_bytes(respondent: &Respondent) -> usize {
    let free: usize = respondent
        .answers
        .iter()
        .map(|answer| match answer {
            Answer::Text(text) => text.len(),
            _ => 0,
        })
        .sum();
    free + respondent.other.values().map(String::len).sum::<usize>()
}

impl Rules<'_> {
    /// The change to the session `action` makes if the rules allow it, and
    /// what the device is told. Nothing changes in a closed room.
    pub fn decide(&self, action: RoomAction) -> Result<(SessionAction, RoomReply), Refusal> {
        if !self.open {
            return Err(Refusal::Closed);
        }
        if let RoomAction::Answer { .. } = action {
            return Ok((self.poll_rules(&action)?, RoomReply::Answered));
        }
        if let RoomAction::ToggleDot { device, card } = action {
            self.dot_rules(device, card)?;
            let change = SessionAction::Card(CardAction::ToggleDot { id: card, device });
            return Ok((change, RoomReply::Done(card)));
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
            // The rules checked that the form was for the segment on screen.
            RoomAction::Post {
                device,
                lane,
                text,
                column,
                row,
                ..
            } => CardAction::Post {
                segment: self.session.current,
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
            | RoomAction::ToggleDot { .. }
            | RoomAction::Join { .. }
            | RoomAction::TurnedAway { .. } => {
                return Err(Refusal::NotPosting);
            }
        };
        Ok((SessionAction::Card(change), RoomReply::Done(id)))
    }

    /// Whether a card's `action` may happen now: the segment taking cards,
    /// the text not blank, the card the device's own and not being edited on
    /// screen. The card it changes, if it changes one.
    fn room_rules(&self, action: &RoomAction) -> Result<Option<CardId>, Refusal> {
        if !takes_room_cards(self.session) {
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
                    Lane::Plenary => self.session.current_segment().kind.is_personal(),
                    Lane::Group(group) => {
                        *group < count && !self.session.current_segment().kind.is_personal()
                    }
                };
                if *segment != Some(self.session.current.0) || !lane_fits {
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
            | RoomAction::ToggleDot { .. }
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
            .map(free_text_bytes);
        cards.chain(answers).sum()
    }

    /// Whether the room may mark or unmark card `id` now: the room marking, the card a group's in the segment on screen, seen by the
    /// room, and within the group's number of priorities.
    fn vote_rules(&self, id: CardId) -> Result<(), Refusal> {
        if !self.marking || self.session.current_segment().priorities.is_none() {
            return Err(Refusal::NotVoting);
        }
        let card = self.session.card(id).ok_or(Refusal::NotYours)?;
        if card.hidden || card.segment != self.session.current || card.group == Lane::Plenary {
            return Err(Refusal::NotYours);
        }
        match self.session.priority_allowed(id) {
            Some(true) => Ok(()),
            _ => Err(Refusal::PrioritiesFull),
        }
    }

    /// Whether device `device` may give card `id` a dot, or take its dot
    /// back, now: the room voting across its groups in the segment on
    /// screen, the card seen by the room, a dot left to give.
    fn dot_rules(&self, device: u32, id: CardId) -> Result<(), Refusal> {
        if !self.marking || self.session.current_segment().dots.is_none() {
            return Err(Refusal::NotVoting);
        }
        let card = self.session.card(id).ok_or(Refusal::NotYours)?;
        if card.hidden || card.segment != self.session.current {
            return Err(Refusal::NotYours);
        }
        let left = self.session.dots_left(card.segment, device).unwrap_or(0);
        match card.dotted_by.contains(&device) || left > 0 {
            true => Ok(()),
            false => Err(Refusal::DotsUsed),
        }
    }

    /// Whether a device's answers may be taken now: the poll on screen and
    /// open, the answers the poll's. The change they make.
    fn poll_rules(&self, action: &RoomAction) -> Result<SessionAction, Refusal> {
        let RoomAction::Answer {
            device,
            segment,
            sector,
            answers,
            other,
        } = action
        else {
            return Err(Refusal::NotPosting);
        };
        let poll = self.session.current_segment();
        if *segment != Some(self.session.current.0) || poll.kind != SegmentKind::Poll {
            return Err(Refusal::NotPosting);
        }
        let segment = &self.session.current;
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
        let respondent = Respondent {
            sector: sector.clone(),
            answers: answers.clone(),
            other: other.clone(),
            from_room: Some(*device),
        };
        if answers.len() != poll.statements.len()
            || !fits
            || !respondent.others_fit(&poll.statements)
        {
            return Err(Refusal::NotAnAnswer);
        }
        if answers.iter().all(|answer| *answer == Answer::Missing) {
            return Err(Refusal::Empty);
        }
        let too_long = answers
            .iter()
            .filter_map(|answer| match answer {
                Answer::Text(text) => Some(text),
                _ => None,
            })
            .chain(other.values())
            .any(|text| limits::box_length(text) > limits::TEXT_MAX_CHARS);
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
            .map_or(0, free_text_bytes);
        self.room_text_fits(free_text_bytes(&respondent), earlier)?;
        Ok(SessionAction::Poll(PollAction::FromRoom {
            segment: *segment,
            device: *device,
            respondent,
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
        if self.editing == Some(id) {
            return Err(Refusal::InUse);
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SegmentIx;
    use chrono::{TimeZone, Utc};

    fn session() -> Session {
        let agenda = crate::agenda::load_bundled("seminarium-3")
            .expect("bundled")
            .expect("valid");
        let start = Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap();
        let mut session = Session::new(agenda, vec!["A".into(), "B".into()], start);
        let plan = session
            .agenda
            .segments
            .iter()
            .position(|segment| segment.kind == SegmentKind::ActionPlan)
            .expect("an action plan");
        session.current = SegmentIx(plan);
        session
    }

    fn post(text: &str) -> RoomAction {
        RoomAction::Post {
            device: 1,
            segment: Some(3),
            lane: Lane::Group(0),
            text: text.into(),
            column: None,
            row: None,
        }
    }

    #[test]
    fn a_closed_room_refuses_every_change_before_anything_else() {
        let session = session();
        let rules = Rules {
            session: &session,
            open: false,
            marking: true,
            editing: None,
        };
        let actions = [
            post("Tidiga signaler"),
            post(" "),
            RoomAction::Edit {
                device: 1,
                card: crate::session::CardId(0),
                text: String::new(),
                revision: 0,
            },
            RoomAction::Delete {
                device: 1,
                card: crate::session::CardId(0),
            },
            RoomAction::TogglePriority {
                card: crate::session::CardId(0),
            },
            RoomAction::Answer {
                device: 1,
                segment: Some(0),
                sector: None,
                answers: Vec::new(),
                other: Default::default(),
            },
        ];
        for action in actions {
            assert_eq!(rules.decide(action), Err(Refusal::Closed));
        }
    }

    #[test]
    fn an_open_room_takes_a_card_and_refuses_a_blank_one() {
        let session = session();
        let rules = Rules {
            session: &session,
            open: true,
            marking: false,
            editing: None,
        };
        let current = session.current;
        let post = |text: &str| RoomAction::Post {
            device: 1,
            segment: Some(current.0),
            lane: Lane::Group(0),
            text: text.into(),
            column: None,
            row: None,
        };
        assert!(matches!(
            rules.decide(post("Tidiga signaler")),
            Ok((
                SessionAction::Card(CardAction::Post { .. }),
                RoomReply::Done(_)
            ))
        ));
        assert_eq!(rules.decide(post(" \u{200b}\n")), Err(Refusal::Empty));
        assert_eq!(
            rules.decide(RoomAction::TogglePriority {
                card: crate::session::CardId(0)
            }),
            Err(Refusal::NotVoting)
        );
    }
}
