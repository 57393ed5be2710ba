//! What a loaded session must hold before anything indexes into it: every
//! segment, group, card, member and poll it refers to exists. A file edited by
//! hand, damaged or hostile is refused with the field that is wrong, instead of
//! a panic somewhere later.

use std::collections::HashSet;

use super::{Answer, DraftTarget, Session};
use crate::agenda::{MAX_GROUPS, SegmentKind, validate};

/// More hands than this for one answer is no room; it also keeps sums in range.
const MAX_HANDS: u32 = 1_000_000;

/// The first reference in a session that points nowhere.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Inconsistency {
    /// The field, as written in the file (`session.current`, `session.cards[3].group`).
    pub field: String,
    /// What is wrong and what was expected.
    pub message: String,
}

fn wrong(field: impl Into<String>, message: impl Into<String>) -> Result<(), Inconsistency> {
    Err(Inconsistency {
        field: field.into(),
        message: message.into(),
    })
}

impl Session {
    /// Checks every index and reference; see the module's comment.
    pub fn check(&self) -> Result<(), Inconsistency> {
        self.check_plan()?;
        self.check_cards()?;
        self.check_roster()?;
        self.check_polls()
    }

    fn segment_exists(&self, field: &str, index: usize) -> Result<(), Inconsistency> {
        let count = self.agenda.segments.len();
        if index >= count {
            return wrong(
                field,
                format!(
                    "segment {index} does not exist (expected 0 to {})",
                    count - 1
                ),
            );
        }
        Ok(())
    }

    fn group_exists(&self, field: &str, group: Option<usize>) -> Result<(), Inconsistency> {
        match group {
            Some(group) if group >= self.groups.len() => wrong(
                field,
                format!(
                    "group {group} does not exist (expected 0 to {})",
                    self.groups.len() - 1
                ),
            ),
            _ => Ok(()),
        }
    }

    fn check_plan(&self) -> Result<(), Inconsistency> {
        if let Some(problem) = validate(&self.agenda).first() {
            return wrong("session.agenda", problem.message.clone());
        }
        if !(1..=MAX_GROUPS as usize).contains(&self.groups.len()) {
            return wrong(
                "session.groups",
                format!("{} groups (expected 1 to {MAX_GROUPS})", self.groups.len()),
            );
        }
        self.segment_exists("session.current", self.current)?;
        if self.timings.len() != self.agenda.segments.len() {
            return wrong(
                "session.timings",
                format!(
                    "{} timings (expected one per segment: {})",
                    self.timings.len(),
                    self.agenda.segments.len()
                ),
            );
        }
        for segment in self.private_notes.keys() {
            self.segment_exists("session.private_notes", *segment)?;
        }
        Ok(())
    }

    fn check_cards(&self) -> Result<(), Inconsistency> {
        let mut ids = HashSet::new();
        for (index, card) in self.cards.iter().enumerate() {
            let field = |name: &str| format!("session.cards[{index}].{name}");
            self.segment_exists(&field("segment"), card.segment)?;
            self.group_exists(&field("group"), card.group)?;
            if card.id >= self.next_card_id || !ids.insert(card.id) {
                return wrong(
                    field("id"),
                    format!(
                        "card id {} is used twice or not below next_card_id",
                        card.id
                    ),
                );
            }
        }
        Ok(())
    }

    fn check_roster(&self) -> Result<(), Inconsistency> {
        let mut ids = HashSet::new();
        for (index, member) in self.roster.members.iter().enumerate() {
            let field = |name: &str| format!("session.roster.members[{index}].{name}");
            self.group_exists(&field("group"), Some(member.group))?;
            if member.id >= self.roster.next_id || !ids.insert(member.id) {
                return wrong(
                    field("id"),
                    format!("member id {} is used twice or not below next_id", member.id),
                );
            }
        }
        Ok(())
    }

    fn check_polls(&self) -> Result<(), Inconsistency> {
        for (&segment, answers) in &self.polls {
            let field = format!("session.polls[{segment}]");
            self.segment_exists(&field, segment)?;
            let poll = &self.agenda.segments[segment];
            if poll.kind != SegmentKind::Poll {
                return wrong(field, "answers for a segment that is no poll");
            }
            let scale = poll.scale_or_default(self.agenda.language);
            let statements = poll.statements.len();
            for (number, respondent) in answers.respondents.iter().enumerate() {
                let field = format!("{field}.respondents[{number}]");
                if respondent.answers.len() != statements {
                    return wrong(
                        field,
                        format!(
                            "{} answers (expected one per statement: {statements})",
                            respondent.answers.len()
                        ),
                    );
                }
                let off_scale = respondent.answers.iter().any(|answer| {
                    matches!(answer, Answer::Value(value) if !(scale.min..=scale.max).contains(value))
                });
                if off_scale {
                    return wrong(
                        field,
                        format!(
                            "an answer off the scale (expected {} to {})",
                            scale.min, scale.max
                        ),
                    );
                }
            }
            let values = usize::from(scale.max - scale.min) + 2;
            let tallies_fit = answers.tallies.len() <= statements
                && answers.tallies.iter().all(|tally| {
                    tally.len() <= values && tally.iter().all(|hands| *hands <= MAX_HANDS)
                });
            if !tallies_fit {
                return wrong(
                    format!("{field}.tallies"),
                    format!(
                        "hands counted outside the statements or the scale (expected at most {statements} lists of {values}, each at most {MAX_HANDS})"
                    ),
                );
            }
        }
        Ok(())
    }

    /// Checks that an editor's draft refers to something that exists.
    pub fn check_draft(&self, target: &DraftTarget) -> Result<(), Inconsistency> {
        let field = "draft.target";
        match *target {
            DraftTarget::NewCard { segment, group } => {
                self.segment_exists(field, segment)?;
                self.group_exists(field, group)
            }
            DraftTarget::Card(id) if self.card(id).is_none() => {
                wrong(field, format!("card {id} does not exist"))
            }
            DraftTarget::PrivateNote(segment) => self.segment_exists(field, segment),
            DraftTarget::PollLine(segment) => {
                self.segment_exists(field, segment)?;
                if self.agenda.segments[segment].kind != SegmentKind::Poll {
                    return wrong(field, format!("segment {segment} is no poll"));
                }
                Ok(())
            }
            DraftTarget::NewMember(group) => self.group_exists(field, Some(group)),
            DraftTarget::MemberName(id) if self.roster.member(id).is_none() => {
                wrong(field, format!("member {id} does not exist"))
            }
            _ => Ok(()),
        }
    }
}
