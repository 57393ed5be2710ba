//! What the room's pages are drawn from: a snapshot of the run screen's
//! state, published after each burst.

use chrono::{DateTime, Utc};

use super::state::AppState;
use crate::agenda::SegmentKind;
use crate::i18n::exercise_label;
use crate::room::rules::takes_room_cards;
use crate::room::{
    Countdown, Snapshot, SnapshotCard, SnapshotPoll, SnapshotQuestion, SnapshotSector,
};
use crate::session::{Lane, Session, TimerState};

/// How many priorities each group may mark on the room's page now: the
/// segment's number while the facilitator lets the room mark them.
pub(super) fn room_votes(state: &AppState) -> Option<u32> {
    let session = &state.session;
    (state.room.door.is_some() && state.room.votes == Some(session.current.0))
        .then_some(session.current_segment().priorities)
        .flatten()
}

/// While the room votes across its groups (`P` in a segment with `dots`):
/// how many dots each device gives.
pub(super) fn room_dots(state: &AppState) -> Option<u32> {
    let session = &state.session;
    (state.room.door.is_some() && state.room.votes == Some(session.current.0))
        .then_some(session.current_segment().dots)
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
        TimerState::Done if session.is_over() => Countdown::Over,
        TimerState::NotStarted | TimerState::Done => Countdown::NotStarted,
    };
    let group_set = session.set_of(index);
    // Alone or in pairs, the room's lane holds what people wrote; elsewhere
    // it is the note-taker's, for the whole room.
    let personal = segment.kind.is_personal();
    let cards = (0..session.group_count_in(index))
        .map(Lane::Group)
        .chain(personal.then_some(Lane::Plenary))
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
            dotted_by: card.dotted_by.clone(),
            revision: card.revision,
        })
        .collect();
    Snapshot {
        open: state.room.door.is_some(),
        language: session.agenda.language,
        title: session.agenda.title.clone(),
        over: crate::i18n::event_words(&session.agenda, session.agenda.language).over,
        groups: session.groups_in(index).into_owned(),
        group_set: group_set.map(|set| set.id.clone()),
        group_questions: group_set
            .map(|set| {
                set.groups
                    .iter()
                    .map(|group| group.questions.clone())
                    .collect()
            })
            .unwrap_or_default(),
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
        dots: room_dots(state),
        dots_given: session.dots_given(index),
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
            .enumerate()
            .map(|(index, question)| SnapshotQuestion {
                text: question.text.clone(),
                stem: crate::agenda::stem_opened_at(&segment.statements, index).map(str::to_owned),
                kind: question.kind.clone(),
                options: crate::i18n::option_labels(question, session.agenda.language),
                dont_know: question.allows_dont_know(&scale),
                breakdown: question.breakdown,
                other: question.other_option(),
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
            .filter(|_| segment.by_sector)
            .map(|sector| SnapshotSector {
                code: session.sectors().code(&sector),
                label: crate::i18n::sector_heading(
                    session.sectors(),
                    &sector,
                    session.agenda.language,
                ),
                sector,
            })
            .collect(),
    })
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
