//! What a loaded session must hold before anything indexes into it: every
//! segment, group, card, member and poll it refers to exists. A file edited by
//! hand, damaged or hostile is refused with the field that is wrong, instead of
//! a panic somewhere later.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Utc};

use super::{Answer, DraftTarget, Lane, Session};
use crate::agenda::{MAX_GROUPS, Rule, SegmentKind, validate};
use crate::session::SegmentIx;

/// More hands than this for one answer is no room; it also keeps sums in range.
const MAX_HANDS: u32 = 1_000_000;

/// The first reference in a session that points nowhere.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {mismatch}")]
pub struct Inconsistency {
    /// The field, as written in the file (`session.current`, `session.cards[3].group`).
    pub field: String,
    /// What is wrong.
    pub mismatch: Mismatch,
}

/// What a field of a session or series file gets wrong; the message
/// catalogue words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The agenda it carries breaks a rule.
    Agenda(Rule),
    /// A segment index past the last.
    NoSegment { index: usize, last: usize },
    /// A group index past the last.
    NoGroup { group: usize, last: usize },
    /// Too few or too many groups.
    Groups { groups: usize, max: usize },
    /// Renamed groups of a group set the agenda does not have.
    NoGroupSet { id: String },
    /// A group set's renamed groups are not as many as the agenda's.
    SetGroups { groups: usize, planned: usize },
    /// Not one timing per segment.
    Timings { found: usize, segments: usize },
    /// A card or member id twice, or not below the next id.
    IdTwice { id: u64 },
    /// Answers for a segment that is no poll.
    NotAPoll,
    /// Not one answer per statement.
    Answers { found: usize, statements: usize },
    /// An answer off the scale.
    OffScale { min: u8, max: u8 },
    /// An answer its question does not take (a choice off its options, a
    /// text to a rating); `statement` counts from 1.
    NotItsAnswer { statement: usize },
    /// Hands counted outside the statements or the scale.
    Tallies {
        statements: usize,
        values: usize,
        max: u32,
    },
    /// A card that does not exist.
    NoCard { id: u64 },
    /// A member that does not exist.
    NoMember { id: u64 },
    /// A time no seminar is planned at (a hand-edited year).
    FarDate { year: i32 },
}

/// The years a session's times may fall in: wide enough for any seminar,
/// narrow enough that no plan or countdown worked out from them overflows.
const YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

/// That `time` falls within [`YEARS`].
fn near(field: impl Into<String>, time: &DateTime<Utc>) -> Result<(), Inconsistency> {
    if YEARS.contains(&time.year()) {
        Ok(())
    } else {
        wrong(field, Mismatch::FarDate { year: time.year() })
    }
}

fn wrong(field: impl Into<String>, mismatch: Mismatch) -> Result<(), Inconsistency> {
    Err(Inconsistency {
        field: field.into(),
        mismatch,
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

    fn segment_exists(&self, field: &str, index: SegmentIx) -> Result<(), Inconsistency> {
        let count = self.agenda.segments.len();
        if index.0 >= count {
            return wrong(
                field,
                Mismatch::NoSegment {
                    index: index.0,
                    last: count - 1,
                },
            );
        }
        Ok(())
    }

    fn group_exists(&self, field: &str, group: Lane) -> Result<(), Inconsistency> {
        self.group_among(field, group, self.groups.len())
    }

    /// That `group` is one of segment `segment`'s groups (its group set's).
    fn group_exists_in(
        &self,
        field: &str,
        segment: SegmentIx,
        group: Lane,
    ) -> Result<(), Inconsistency> {
        self.group_among(field, group, self.group_count_in(segment))
    }

    fn group_among(&self, field: &str, group: Lane, count: usize) -> Result<(), Inconsistency> {
        match group {
            Lane::Group(group) if group >= count => wrong(
                field,
                Mismatch::NoGroup {
                    group,
                    last: count.saturating_sub(1),
                },
            ),
            _ => Ok(()),
        }
    }

    fn check_plan(&self) -> Result<(), Inconsistency> {
        if let Some(problem) = validate(&self.agenda).first() {
            return wrong("session.agenda", Mismatch::Agenda(problem.rule.clone()));
        }
        if !(1..=MAX_GROUPS as usize).contains(&self.groups.len()) {
            return wrong(
                "session.groups",
                Mismatch::Groups {
                    groups: self.groups.len(),
                    max: MAX_GROUPS as usize,
                },
            );
        }
        for (id, names) in &self.set_groups {
            let field = format!("session.set_groups[\"{id}\"]");
            let Some(set) = self.agenda.group_set(id) else {
                return wrong(field, Mismatch::NoGroupSet { id: id.clone() });
            };
            let planned = set.names(self.agenda.language).len();
            if names.len() != planned {
                return wrong(
                    field,
                    Mismatch::SetGroups {
                        groups: names.len(),
                        planned,
                    },
                );
            }
        }
        self.segment_exists("session.current", self.current)?;
        if self.timings.len() != self.agenda.segments.len() {
            return wrong(
                "session.timings",
                Mismatch::Timings {
                    found: self.timings.len(),
                    segments: self.agenda.segments.len(),
                },
            );
        }
        for segment in self.private_notes.keys() {
            self.segment_exists("session.private_notes", *segment)?;
        }
        self.check_times()
    }

    /// Every time the plan and the countdowns work from is a time near ours.
    fn check_times(&self) -> Result<(), Inconsistency> {
        near("session.planned_start", &self.planned_start)?;
        for (index, timing) in self.timings.iter().enumerate() {
            let field = |name: &str| format!("session.timings[{index}].{name}");
            let pauses = timing.pauses.iter().enumerate().flat_map(|(at, pause)| {
                let from = (format!("pauses[{at}].from"), Some(pause.from));
                let until = (format!("pauses[{at}].until"), pause.until);
                [from, until]
            });
            let times = [
                ("started".to_owned(), timing.started),
                ("ended".to_owned(), timing.ended),
            ];
            for (name, time) in times.into_iter().chain(pauses) {
                if let Some(time) = time {
                    near(field(&name), &time)?;
                }
            }
        }
        for (index, card) in self.cards.iter().enumerate() {
            near(format!("session.cards[{index}].created"), &card.created)?;
            if let Some(edited) = &card.edited {
                near(format!("session.cards[{index}].edited"), edited)?;
            }
        }
        Ok(())
    }

    fn check_cards(&self) -> Result<(), Inconsistency> {
        let mut ids = HashSet::new();
        for (index, card) in self.cards.iter().enumerate() {
            let field = |name: &str| format!("session.cards[{index}].{name}");
            self.segment_exists(&field("segment"), card.segment)?;
            self.group_exists_in(&field("group"), card.segment, card.group)?;
            if card.id >= self.next_card_id || !ids.insert(card.id) {
                return wrong(field("id"), Mismatch::IdTwice { id: card.id.0 });
            }
        }
        Ok(())
    }

    fn check_roster(&self) -> Result<(), Inconsistency> {
        let mut ids = HashSet::new();
        for (index, member) in self.roster.members.iter().enumerate() {
            let field = |name: &str| format!("session.roster.members[{index}].{name}");
            self.group_exists(&field("group"), Lane::Group(member.group))?;
            if member.id >= self.roster.next_id || !ids.insert(member.id) {
                return wrong(field("id"), Mismatch::IdTwice { id: member.id });
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
                return wrong(field, Mismatch::NotAPoll);
            }
            let scale = poll.scale_or_default(self.agenda.language);
            let statements = poll.statements.len();
            for (number, respondent) in answers.respondents.iter().enumerate() {
                let field = format!("{field}.respondents[{number}]");
                if respondent.answers.len() != statements {
                    return wrong(
                        field,
                        Mismatch::Answers {
                            found: respondent.answers.len(),
                            statements,
                        },
                    );
                }
                let off_scale = respondent.answers.iter().any(|answer| {
                    matches!(answer, Answer::Value(value) if !(scale.min..=scale.max).contains(value))
                });
                if off_scale {
                    return wrong(
                        field,
                        Mismatch::OffScale {
                            min: scale.min,
                            max: scale.max,
                        },
                    );
                }
                // "Vet ej" is not judged here: an older file may carry one
                // where the scale has since dropped it.
                let misfit = poll.statements.iter().zip(&respondent.answers).position(
                    |(question, answer)| {
                        *answer != Answer::DontKnow && !answer.fits(question, &scale)
                    },
                );
                if let Some(index) = misfit {
                    return wrong(
                        field,
                        Mismatch::NotItsAnswer {
                            statement: index + 1,
                        },
                    );
                }
            }
            // Each question's hands: one list a question, a count per value or
            // option and one for "vet ej".
            let slots = |question: &crate::agenda::Statement| question.slots(&scale) + 1;
            let misfit = answers.tallies.iter().enumerate().find(|(at, tally)| {
                poll.statements.get(*at).is_none_or(|question| {
                    tally.len() > slots(question) || tally.iter().any(|hands| *hands > MAX_HANDS)
                })
            });
            if let Some((at, _)) = misfit {
                return wrong(
                    format!("{field}.tallies"),
                    Mismatch::Tallies {
                        statements,
                        values: poll.statements.get(at).map_or_else(
                            || poll.statements.iter().map(slots).max().unwrap_or(0),
                            slots,
                        ),
                        max: MAX_HANDS,
                    },
                );
            }
        }
        Ok(())
    }

    /// Checks that an editor's draft refers to something that exists.
    pub fn check_draft(&self, target: &DraftTarget) -> Result<(), Inconsistency> {
        let field = "draft.target";
        match *target {
            DraftTarget::NewCard { segment, group, .. } => {
                self.segment_exists(field, segment)?;
                self.group_exists_in(field, segment, group)
            }
            DraftTarget::Card(id) if self.card(id).is_none() => {
                wrong(field, Mismatch::NoCard { id: id.0 })
            }
            DraftTarget::PrivateNote(segment) => self.segment_exists(field, segment),
            DraftTarget::Comment(id) if self.card(id).is_none() => {
                wrong(field, Mismatch::NoCard { id: id.0 })
            }
            DraftTarget::Comment(_) => Ok(()),
            DraftTarget::PollLine(segment) => {
                self.segment_exists(field, segment)?;
                if self.agenda.segments[segment].kind != SegmentKind::Poll {
                    return wrong(field, Mismatch::NotAPoll);
                }
                Ok(())
            }
            DraftTarget::NewMember(group) => self.group_exists(field, Lane::Group(group)),
            DraftTarget::GroupName(group) => {
                self.group_exists_in(field, self.current, Lane::Group(group))
            }
            DraftTarget::MemberName(id) if self.roster.member(id).is_none() => {
                wrong(field, Mismatch::NoMember { id })
            }
            _ => Ok(()),
        }
    }
}
