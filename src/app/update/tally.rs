//! Counting hands: one hand per key for the poll's statement on screen.

use chrono::{DateTime, Utc};

use crate::app::action::TallyAction;
use crate::app::modes::Mode;
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::session::{Answer, PollAction, Session, SessionAction, parse_answer};

impl AppState {
    pub(in crate::app) fn tally(&mut self, action: TallyAction, now: DateTime<Utc>) -> Unsaved {
        let segment = self.session.current;
        let statements = self.session.current_segment().statements.len();
        let Mode::Tally { statement, counted } = self.modes.top_mut() else {
            return Unsaved::Nothing;
        };
        let (statement, answer, delta) = match action {
            TallyAction::Step(step) => {
                *statement = statement
                    .saturating_add_signed(isize::from(step))
                    .min(statements.saturating_sub(1));
                return Unsaved::Nothing;
            }
            TallyAction::Hand(key) => {
                let Some(answer) = hand(&self.session, *statement, key) else {
                    return Unsaved::Nothing;
                };
                counted.push((*statement, answer.clone()));
                (*statement, answer, 1)
            }
            TallyAction::Undo => match counted.pop() {
                Some((statement, answer)) => (statement, answer, -1),
                None => return Unsaved::Nothing,
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
        if change == Unsaved::Nothing
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
