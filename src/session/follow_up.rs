//! A follow-up: an earlier session's action plan brought into a later
//! session of the same series, each item marked done, under way or not
//! started, with a comment, so the series summary can show the plan over time;
//! and the means the earlier sessions measured, so a poll shows its trend.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Card, Lane, Session};
use crate::agenda::SegmentKind;
use crate::session::SegmentIx;

/// How far an item of an action plan has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemStatus {
    Done,
    UnderWay,
    NotStarted,
}

impl ItemStatus {
    /// The mark after `current`, as `s` steps through them: done first, the
    /// most common answer, then under way, not started and no mark again.
    pub fn after(current: Option<ItemStatus>) -> Option<ItemStatus> {
        match current {
            None => Some(ItemStatus::Done),
            Some(ItemStatus::Done) => Some(ItemStatus::UnderWay),
            Some(ItemStatus::UnderWay) => Some(ItemStatus::NotStarted),
            Some(ItemStatus::NotStarted) => None,
        }
    }
}

/// What a follow-up adds to an item of an action plan: where it was first
/// written, how far it has come and what was said about it. Only cards of a
/// follow-up have one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// How far the item has come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// What was said about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Where it was first written, when it was brought in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brought: Option<Brought>,
}

/// Where a brought-in item was first written: the session (by its agenda's
/// title and its day) and the card there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Brought {
    pub agenda: String,
    pub date: NaiveDate,
    pub card: super::CardId,
}

/// A rating statement's mean in an earlier session of the series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierMean {
    /// The statement, as its agenda words it.
    pub statement: String,
    /// The day it was asked.
    pub date: NaiveDate,
    /// How many gave a value.
    pub n: u32,
    /// Their mean.
    pub mean: f64,
}

/// The means of every rating statement `session` had answers to.
fn means(session: &Session) -> Vec<EarlierMean> {
    let mut found = Vec::new();
    for (index, segment) in session.agenda.segments.iter().enumerate() {
        for (question, result) in segment
            .statements
            .iter()
            .zip(session.statement_results(SegmentIx(index)))
        {
            if let (true, Some(mean)) = (question.kind.is_rating(), result.mean) {
                found.push(EarlierMean {
                    statement: question.text.clone(),
                    date: session.day(),
                    n: result.n,
                    mean,
                });
            }
        }
    }
    found
}

impl Session {
    /// The means of `statement` in the series' earlier sessions, oldest first.
    pub fn earlier_means_of(&self, statement: &str) -> Vec<f64> {
        self.earlier_means
            .iter()
            .filter(|earlier| earlier.statement == statement)
            .map(|earlier| earlier.mean)
            .collect()
    }

    /// The day the session is held: the agenda's date, else the planned start's.
    pub fn day(&self) -> NaiveDate {
        use chrono::Offset;
        self.day_at(chrono::Utc.fix())
    }

    /// The day it was held: the agenda's `date` (a measurement entered
    /// afterwards keeps its own), else the day it was planned to start, on
    /// the clock at `offset`.
    pub fn day_at(&self, offset: chrono::FixedOffset) -> NaiveDate {
        self.agenda
            .date
            .unwrap_or_else(|| self.planned_start.with_timezone(&offset).date_naive())
    }

    /// Takes the work the last of `earlier` gave to do until now, and brings
    /// into each follow-up segment the items of the segment it follows,
    /// from the last of `earlier` (the series' sessions before this one, in
    /// the order they were held) that has it; their status and where they
    /// were first written come along, their comments stay behind.
    pub fn bring_in(&mut self, earlier: &[&Session]) {
        if let Some(last) = earlier.last() {
            self.since_last = last.agenda.tasks();
        }
        self.earlier_means = earlier.iter().flat_map(|session| means(session)).collect();
        for index in 0..self.agenda.segments.len() {
            let segment = &self.agenda.segments[index];
            let Some(follows) = segment.follows.clone() else {
                continue;
            };
            if segment.kind != SegmentKind::FollowUp {
                continue;
            }
            let source = earlier.iter().rev().find_map(|session| {
                let at = session
                    .agenda
                    .segments
                    .iter()
                    .position(|segment| segment.id.as_deref() == Some(follows.as_str()))?;
                Some((*session, at))
            });
            let Some((session, at)) = source else {
                continue;
            };
            let count = self.group_count_in(SegmentIx(index));
            for lane in Lane::all(session.group_count_in(SegmentIx(at))) {
                for card in session
                    .cards_in(SegmentIx(at), lane)
                    .into_iter()
                    .filter(|c| !c.hidden)
                {
                    let group = match lane {
                        Lane::Group(group) if group < count => lane,
                        _ => Lane::Plenary,
                    };
                    let brought = card.brought().cloned().unwrap_or_else(|| Brought {
                        agenda: session.agenda.title.clone(),
                        date: session.day(),
                        card: card.id,
                    });
                    self.bring(SegmentIx(index), group, card, brought);
                }
            }
        }
    }

    fn bring(&mut self, segment: SegmentIx, group: Lane, card: &Card, brought: Brought) {
        let created = self.planned_start;
        self.cards.push(Card {
            revision: 0,
            removed: None,
            id: self.next_card_id,
            segment,
            group,
            text: card.text.clone(),
            tag: card.tag.clone(),
            quote: false,
            horizon: None,
            row: None,
            created,
            edited: None,
            from_room: None,
            hidden: false,
            priority: false,
            dots: 0,
            dotted_by: Default::default(),
            rank: None,
            follow_up: Some(FollowUp {
                status: card.status(),
                comment: None,
                brought: Some(brought),
            }),
            status_before_6: None,
            comment_before_6: None,
            brought_before_6: None,
        });
        self.next_card_id = self.next_card_id.next();
    }
}
