//! The keys of the roster (members and today's attendance) and of counting hands.

use chrono::{DateTime, Utc};

use super::action::{RosterKey, TallyAction};
use super::modes::Mode;
use super::saving::Change;
use super::state::AppState;
use crate::session::{
    Answer, DraftTarget, MemberId, PollAction, RosterAction, Session, SessionAction, parse_answer,
};

impl AppState {
    /// The members in the roster's order on screen: by group, then as added.
    pub fn roster_order(&self) -> Vec<MemberId> {
        let roster = &self.session.roster;
        (0..self.session.groups.len())
            .flat_map(|group| roster.of_group(group).map(|member| member.id))
            .collect()
    }

    pub(super) fn first_member(&self) -> Option<MemberId> {
        self.roster_order().first().copied()
    }

    pub(super) fn roster(&mut self, key: RosterKey, now: DateTime<Utc>) -> Change {
        let &Mode::Roster(cursor) = self.mode() else {
            return Change::Nothing;
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
            None => Change::Nothing,
        }
    }

    pub(super) fn tally(&mut self, action: TallyAction, now: DateTime<Utc>) -> Change {
        let segment = self.session.current;
        let statements = self.session.current_segment().statements.len();
        let Mode::Tally { statement, counted } = self.modes.top_mut() else {
            return Change::Nothing;
        };
        let (statement, answer, delta) = match action {
            TallyAction::Step(step) => {
                *statement = statement
                    .saturating_add_signed(isize::from(step))
                    .min(statements.saturating_sub(1));
                return Change::Nothing;
            }
            TallyAction::Hand(key) => {
                let Some(answer) = hand(&self.session, *statement, key) else {
                    return Change::Nothing;
                };
                counted.push((*statement, answer.clone()));
                (*statement, answer, 1)
            }
            TallyAction::Undo => match counted.pop() {
                Some((statement, answer)) => (statement, answer, -1),
                None => return Change::Nothing,
            },
        };
        let tally = PollAction::Tally {
            segment,
            statement,
            answer,
            delta,
        };
        let change = self.change_session(SessionAction::Poll(tally), now);
        // A hand the poll did not take (a value off its scale) is not there to undo.
        if change == Change::Nothing
            && delta == 1
            && let Mode::Tally { counted, .. } = self.modes.top_mut()
        {
            counted.pop();
        }
        change
    }
}

/// The answer `key` stands for in a show of hands for question `statement`
/// of the running poll: a digit a value (`t` ten), a letter an option.
fn hand(session: &Session, statement: usize, key: char) -> Option<Answer> {
    let poll = session.current_segment();
    let question = poll.statements.get(statement)?;
    let scale = poll.scale_or_default(session.agenda.language);
    let token = match key {
        't' if question.kind.is_rating() => "10".to_owned(),
        key => key.to_string(),
    };
    match parse_answer(&token, question, &scale).ok()? {
        Answer::Missing | Answer::Text(_) => None,
        // A hand goes up for one option at a time.
        Answer::Choices(chosen) => chosen.first().copied().map(Answer::Choice),
        answer => Some(answer),
    }
}
