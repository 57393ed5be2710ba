//! A poll's actions applied to the session: a form, a tally, a form from a
//! phone, the texts that become cards.

use chrono::{DateTime, Utc};

use crate::session::Session;

use super::model::{Answer, PollAction, Respondent};
use crate::session::SegmentIx;

impl Session {
    /// Whether `respondent` answers every question of the poll in `segment`,
    /// each with an answer it takes.
    fn fits_poll(&self, segment: SegmentIx, respondent: &Respondent) -> bool {
        self.agenda.segments.get(segment.0).is_some_and(|poll| {
            let scale = poll.scale_or_default(self.agenda.language);
            poll.statements.len() == respondent.answers.len()
                && poll
                    .statements
                    .iter()
                    .zip(&respondent.answers)
                    .all(|(question, answer)| answer.fits(question, &scale))
                && respondent.others_fit(&poll.statements)
        })
    }

    pub(in crate::session) fn apply_poll(&mut self, action: PollAction, now: DateTime<Utc>) {
        match action {
            PollAction::TextsToCards { segment, into } => {
                let (Some(answers), Some(target)) =
                    (self.polls.get(&segment), self.agenda.segments.get(into.0))
                else {
                    return;
                };
                if !target.is_writing() {
                    return;
                }
                let texts: Vec<String> = answers.texts_to_card().cloned().collect();
                let carded = answers.respondents.len();
                for text in texts {
                    self.apply_card(
                        crate::session::CardAction::Add {
                            segment: into,
                            group: crate::session::Lane::Plenary,
                            text,
                        },
                        now,
                    );
                }
                if let Some(answers) = self.polls.get_mut(&segment) {
                    answers.carded = carded;
                }
            }
            PollAction::AddRespondent {
                segment,
                respondent,
            } => {
                if self.fits_poll(segment, &respondent) {
                    self.polls
                        .entry(segment)
                        .or_default()
                        .respondents
                        .push(respondent);
                }
            }
            PollAction::RemoveLastRespondent { segment } => {
                if let Some(answers) = self.polls.get_mut(&segment)
                    && let Some(last) = answers
                        .respondents
                        .iter()
                        .rposition(|respondent| respondent.from_room.is_none())
                {
                    answers.respondents.remove(last);
                }
            }
            PollAction::FromRoom {
                segment,
                device,
                mut respondent,
            } => {
                if !self.fits_poll(segment, &respondent) {
                    return;
                }
                respondent.from_room = Some(device);
                let respondents = &mut self.polls.entry(segment).or_default().respondents;
                match respondents
                    .iter_mut()
                    .find(|earlier| earlier.from_room == Some(device))
                {
                    Some(earlier) => *earlier = respondent,
                    None => respondents.push(respondent),
                }
            }
            PollAction::ToggleClosed { segment } => {
                if segment < SegmentIx(self.agenda.segments.len()) {
                    let answers = self.polls.entry(segment).or_default();
                    answers.closed = !answers.closed;
                }
            }
            PollAction::ToggleRevealed { segment } => {
                if segment < SegmentIx(self.agenda.segments.len()) {
                    let answers = self.polls.entry(segment).or_default();
                    answers.revealed = !answers.revealed;
                }
            }
            PollAction::SetAside { segment, line } => {
                if segment < SegmentIx(self.agenda.segments.len()) && !line.trim().is_empty() {
                    self.polls.entry(segment).or_default().to_fix.push(line);
                }
            }
            PollAction::TakeToFix { segment } => {
                if let Some(answers) = self.polls.get_mut(&segment)
                    && !answers.to_fix.is_empty()
                {
                    answers.to_fix.remove(0);
                }
            }
            PollAction::Tally {
                segment,
                statement,
                answer,
                delta,
            } => {
                let Some(poll) = self.agenda.segments.get(segment.0) else {
                    return;
                };
                let scale = poll.scale_or_default(self.agenda.language);
                let Some(question) = poll.statements.get(statement) else {
                    return;
                };
                let slots = question.slots(&scale) + 1;
                let slot = match answer {
                    Answer::Value(value)
                        if question.kind.is_rating()
                            && (scale.min..=scale.max).contains(&value) =>
                    {
                        usize::from(value - scale.min)
                    }
                    Answer::Choice(choice)
                        if question
                            .kind
                            .options()
                            .is_some_and(|o| usize::from(choice) < o) =>
                    {
                        usize::from(choice)
                    }
                    Answer::DontKnow if question.allows_dont_know(&scale) => slots - 1,
                    _ => return,
                };
                let answers = self.polls.entry(segment).or_default();
                answers.tallies.resize(poll.statements.len(), Vec::new());
                let tally = &mut answers.tallies[statement];
                tally.resize(slots, 0);
                tally[slot] = tally[slot].saturating_add_signed(delta);
            }
        }
    }
}
