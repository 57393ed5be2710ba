//! The room's rules in `update`: what a device may do, and what it gets back.

use chrono::{DateTime, TimeZone, Utc};
use std::sync::Arc;

use super::room_snapshot::room_snapshot;
use super::*;
use crate::agenda::{Language, SegmentKind, load_bundled};
use crate::room::{Door, Refusal, RoomAction, RoomReply};
use crate::session::{CardAction, CardId, Lane, Session, SessionAction};
use crate::ui::Theme;

fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// The action plan's middle column in seminarium-3.
const IN_A_YEAR: &str = "Vad kan vi göra inom ett år?";

fn door() -> Door {
    Door {
        url: "http://127.0.0.1:8765".into(),
        code: "K7M2QX".into(),
    }
}

/// Bundled agenda `id` for `groups` with its room open, on its first segment
/// of `kind`.
fn open_room_on(id: &str, groups: &[&str], kind: SegmentKind) -> AppState {
    let agenda = load_bundled(id).expect("bundled").expect("valid");
    let groups = groups.iter().map(|name| (*name).to_owned()).collect();
    let session = Session::new(agenda, groups, one_pm());
    let mut state = AppState::new(session, Language::Sv, Theme::new(true), true, one_pm());
    let _ = state.update(Action::RoomOpened(Ok(door())), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    while state.session.current_segment().kind != kind {
        let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    }
    state
}

/// Seminarium 3 with its room open, on the action plan (the fourth segment).
fn open_room_on_the_action_plan() -> AppState {
    open_room_on(
        "seminarium-3",
        &["Grupp 1", "Grupp 2"],
        SegmentKind::ActionPlan,
    )
}

fn post(state: &AppState, device: u32, group: usize, text: &str) -> RoomAction {
    RoomAction::Post {
        device,
        segment: Some(state.session.current.0),
        lane: Lane::Group(group),
        text: text.into(),
        column: Some(IN_A_YEAR.into()),
        row: None,
    }
}

/// What the loop answers to a post of `text` by `device` for `group`.
fn posted(state: &mut AppState, device: u32, group: usize, text: &str) -> RoomReply {
    let action = post(state, device, group, text);
    answer(state, action)
}

/// What the loop answers to `action`, sent as request 1.
fn answer(state: &mut AppState, action: RoomAction) -> RoomReply {
    let effects = state.update(Action::FromRoom(1, action), one_pm());
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::Answer(1, reply) => Some(*reply),
            _ => None,
        })
        .expect("every request is answered")
}

#[test]
fn a_post_becomes_a_card_of_its_group_and_column_marked_with_its_device() {
    let mut state = open_room_on_the_action_plan();
    let effects = state.update(
        Action::FromRoom(1, post(&state, 3, 1, "Gemensam rutin")),
        one_pm(),
    );
    let id = crate::session::CardId(state.session.next_card_id.0 - 1);
    assert!(effects.contains(&Effect::Answer(1, RoomReply::Done(id))));
    assert!(
        effects.contains(&Effect::Save),
        "a card from the room is saved as any"
    );
    let card = state.session.card(id).expect("the card");
    assert_eq!(card.group, Lane::Group(1));
    assert_eq!(card.horizon.as_deref(), Some(IN_A_YEAR));
    assert_eq!(card.from_room, Some(3));
    assert_eq!(card.text, "Gemensam rutin");
}

#[test]
fn a_column_the_segment_lacks_puts_the_card_in_the_first() {
    let mut state = open_room_on_the_action_plan();
    let mut action = post(&state, 3, 0, "Kort");
    if let RoomAction::Post { column, .. } = &mut action {
        *column = Some("<script>".into());
    }
    let RoomReply::Done(id) = answer(&mut state, action) else {
        panic!("posted");
    };
    let first = state.session.columns(state.session.current).unwrap()[0].clone();
    assert_eq!(state.session.card(id).unwrap().horizon, Some(first));
}

#[test]
fn a_closed_room_and_a_segment_without_group_work_refuse_posts() {
    let mut state = open_room_on_the_action_plan();
    let action = post(&state, 3, 0, "Kort");
    let _ = state.update(Action::Room, one_pm());
    let effects = state.update(Action::Room, one_pm());
    assert!(
        effects.contains(&Effect::CloseRoom),
        "w on the join screen closes"
    );
    assert_eq!(
        answer(&mut state, action.clone()),
        RoomReply::Refused(Refusal::Closed)
    );
    let _ = state.update(Action::RoomOpened(Ok(door())), one_pm());
    let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    assert_eq!(state.session.current_segment().kind, SegmentKind::Plenary);
    let cards = state.session.cards.len();
    let later = post(&state, 3, 0, "Kort");
    assert_eq!(
        answer(&mut state, later),
        RoomReply::Refused(Refusal::NotPosting)
    );
    // A form from the action plan, sent after it ended.
    let _ = state.update(Action::Session(SessionAction::Previous), one_pm());
    let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    assert_eq!(
        answer(&mut state, action),
        RoomReply::Refused(Refusal::NotPosting)
    );
    assert_eq!(state.session.cards.len(), cards);
}

#[test]
fn blank_text_and_unknown_groups_are_refused() {
    let mut state = open_room_on_the_action_plan();
    let blank = post(&state, 3, 0, " \n ");
    assert_eq!(
        answer(&mut state, blank),
        RoomReply::Refused(Refusal::Empty)
    );
    let nowhere = post(&state, 3, 2, "Kort");
    assert_eq!(
        answer(&mut state, nowhere),
        RoomReply::Refused(Refusal::NotPosting)
    );
    assert!(state.session.cards.is_empty());
}

#[test]
fn a_device_changes_only_its_own_cards() {
    let mut state = open_room_on_the_action_plan();
    let RoomReply::Done(id) = posted(&mut state, 3, 0, "Först") else {
        panic!("posted");
    };
    let edit = |device| RoomAction::Edit {
        device,
        card: id,
        text: "Ändrat".into(),
        revision: 0,
    };
    assert_eq!(
        answer(&mut state, edit(4)),
        RoomReply::Refused(Refusal::NotYours)
    );
    let delete = RoomAction::Delete {
        device: 4,
        card: id,
    };
    assert_eq!(
        answer(&mut state, delete),
        RoomReply::Refused(Refusal::NotYours)
    );
    assert_eq!(state.session.card(id).unwrap().text, "Först");
    assert_eq!(answer(&mut state, edit(3)), RoomReply::Done(id));
    assert_eq!(state.session.card(id).unwrap().text, "Ändrat");
    // A card typed on screen belongs to no device.
    let _ = state.update(
        Action::Session(SessionAction::Card(CardAction::Add {
            segment: state.session.current,
            group: Lane::Group(0),
            text: "Skrivet av antecknaren".into(),
        })),
        one_pm(),
    );
    let typed = crate::session::CardId(state.session.next_card_id.0 - 1);
    let takeover = RoomAction::Edit {
        device: 3,
        card: typed,
        text: "x".into(),
        revision: 0,
    };
    assert_eq!(
        answer(&mut state, takeover),
        RoomReply::Refused(Refusal::NotYours)
    );
    let delete = RoomAction::Delete {
        device: 3,
        card: id,
    };
    assert_eq!(answer(&mut state, delete), RoomReply::Done(id));
    // Removed from the room, but nothing a phone does destroys work.
    let card = state.session.card(id).expect("kept in the session");
    assert!(card.hidden);
    assert_eq!(card.removed.map(|removed| removed.device), Some(3));
    assert!(room_snapshot(&state, one_pm()).card(id).is_none());
}

#[test]
fn a_phones_edit_from_a_form_older_than_the_note_takers_change_is_refused() {
    let mut state = open_room_on_the_action_plan();
    let RoomReply::Done(id) = posted(&mut state, 3, 0, "Telefonens text") else {
        panic!("posted");
    };
    // The phone opens "Ändra": its form shows revision 0.
    let form = room_snapshot(&state, one_pm())
        .card(id)
        .expect("shown")
        .revision;
    // Meanwhile the note-taker edits the same card and saves it.
    state.board.lane = Lane::Group(0);
    state.board.card = Some(id);
    let _ = state.update(Action::Board(BoardAction::EditCard), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type(" – antecknarens tillägg".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    let noted = state.session.card(id).expect("the card").text.clone();
    assert!(noted.ends_with("antecknarens tillägg"), "{noted}");
    // Then the phone saves its form: refused, never a silent overwrite.
    let stale = RoomAction::Edit {
        device: 3,
        card: id,
        text: "Telefonens nya text".into(),
        revision: form,
    };
    assert_eq!(
        answer(&mut state, stale),
        RoomReply::Refused(Refusal::Stale)
    );
    assert_eq!(state.session.card(id).unwrap().text, noted);
    // A form of the card as it is now goes through.
    let fresh = RoomAction::Edit {
        device: 3,
        card: id,
        text: "Telefonens nya text".into(),
        revision: room_snapshot(&state, one_pm())
            .card(id)
            .expect("shown")
            .revision,
    };
    assert_eq!(answer(&mut state, fresh), RoomReply::Done(id));
}

#[test]
fn a_card_removed_from_a_phone_comes_back_with_d() {
    let mut state = open_room_on_the_action_plan();
    let RoomReply::Done(id) = posted(&mut state, 3, 0, "Borttaget av misstag") else {
        panic!("posted");
    };
    let remove = RoomAction::Delete {
        device: 3,
        card: id,
    };
    assert_eq!(answer(&mut state, remove), RoomReply::Done(id));
    state.board.lane = Lane::Group(0);
    state.board.card = Some(id);
    let effects = state.update(Action::Board(BoardAction::AskDelete), one_pm());
    assert!(effects.contains(&Effect::Save));
    let card = state.session.card(id).expect("the card");
    assert!(!card.hidden && card.removed.is_none());
    assert!(room_snapshot(&state, one_pm()).card(id).is_some());
}

#[test]
fn a_card_open_in_the_editor_waits_for_the_note_taker() {
    let mut state = open_room_on_the_action_plan();
    let RoomReply::Done(id) = posted(&mut state, 3, 0, "Först") else {
        panic!("posted");
    };
    state.board.lane = Lane::Group(0);
    state.board.card = Some(id);
    let _ = state.update(Action::Board(BoardAction::EditCard), one_pm());
    let delete = RoomAction::Delete {
        device: 3,
        card: id,
    };
    assert_eq!(
        answer(&mut state, delete),
        RoomReply::Refused(Refusal::InUse)
    );
    assert!(
        state.session.card(id).is_some(),
        "what the note-taker edits stays"
    );
}

#[test]
fn d_hides_a_room_card_from_the_room_and_the_summary_and_shows_it_again() {
    let mut state = open_room_on_the_action_plan();
    let RoomReply::Done(id) = posted(&mut state, 3, 0, "Olämpligt") else {
        panic!("posted");
    };
    state.board.lane = Lane::Group(0);
    state.board.card = Some(id);
    let effects = state.update(Action::Board(BoardAction::AskDelete), one_pm());
    assert!(
        matches!(state.mode(), Mode::Normal),
        "no question for a room card"
    );
    assert!(effects.contains(&Effect::Save));
    assert!(state.session.card(id).unwrap().hidden);
    assert!(room_snapshot(&state, one_pm()).card(id).is_none());
    assert!(state.session.without_hidden().card(id).is_none());
    let edit = RoomAction::Edit {
        device: 3,
        card: id,
        text: "x".into(),
        revision: 0,
    };
    assert_eq!(
        answer(&mut state, edit),
        RoomReply::Refused(Refusal::NotYours)
    );
    let _ = state.update(Action::Board(BoardAction::AskDelete), one_pm());
    assert!(!state.session.card(id).unwrap().hidden);
    assert!(room_snapshot(&state, one_pm()).card(id).is_some());
}

#[test]
fn the_snapshot_shows_the_segment_and_never_private_notes_or_members() {
    let mut state = open_room_on_the_action_plan();
    let current = state.session.current;
    let _ = state.update(
        Action::Session(SessionAction::Card(CardAction::SetPrivateNote {
            segment: current,
            text: "Hemligt".into(),
        })),
        one_pm(),
    );
    let _ = posted(&mut state, 3, 0, "Synligt");
    let snapshot = room_snapshot(&state, one_pm());
    assert!(snapshot.open && snapshot.posting);
    assert_eq!(snapshot.segment, current);
    assert_eq!(snapshot.heading, state.session.current_segment().title);
    assert_eq!(snapshot.columns.len(), 3);
    let shown = format!("{snapshot:?}");
    assert!(shown.contains("Synligt"));
    assert!(!shown.contains("Hemligt"));
}

#[test]
fn w_opens_the_room_then_shows_its_door_and_w_there_closes_it() {
    let agenda = load_bundled("seminarium-1").unwrap().unwrap();
    let session = Session::new(agenda, vec!["A".into()], one_pm());
    let mut state = AppState::new(session, Language::Sv, Theme::new(true), true, one_pm());
    let effects = state.update(Action::Room, one_pm());
    assert!(effects.contains(&Effect::OpenRoom));
    let effects = state.update(Action::RoomOpened(Ok(door())), one_pm());
    assert!(
        effects.contains(&Effect::Save),
        "the projector reads the door from the file"
    );
    assert!(matches!(state.mode(), Mode::RoomDoor));
    let _ = state.update(Action::Dismiss, one_pm());
    let effects = state.update(Action::Room, one_pm());
    assert!(!effects.contains(&Effect::OpenRoom));
    assert!(matches!(state.mode(), Mode::RoomDoor));
    let _ = state.update(Action::Room, one_pm());
    assert!(state.room.door.is_none());
    assert_eq!(state.notice, Some(crate::i18n::Notice::RoomClosed));
    let failed = state.update(
        Action::RoomOpened(Err(std::io::ErrorKind::AddrInUse)),
        one_pm(),
    );
    assert!(!failed.contains(&Effect::Save));
    assert_eq!(
        state.notice,
        Some(crate::i18n::Notice::RoomFailed(
            std::io::ErrorKind::AddrInUse
        ))
    );
}

/// Seminarium 1 with its room open, on its opening survey (six statements, 1–5).
fn open_room_on_the_survey() -> AppState {
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let session = Session::new(agenda, vec!["Grupp 1".into()], one_pm());
    let mut state = AppState::new(session, Language::Sv, Theme::new(true), true, one_pm());
    let _ = state.update(Action::RoomOpened(Ok(door())), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    assert_eq!(state.session.current_segment().kind, SegmentKind::Poll);
    state
}

fn answers(values: [u8; 6]) -> Vec<crate::session::Answer> {
    values
        .map(|value| match value {
            0 => crate::session::Answer::DontKnow,
            value => crate::session::Answer::Value(value),
        })
        .to_vec()
}

fn answer_poll(state: &mut AppState, device: u32, values: [u8; 6]) -> RoomReply {
    let action = RoomAction::Answer {
        device,
        segment: Some(state.session.current.0),
        sector: Some(crate::agenda::Sector::SKOLA),
        answers: answers(values),
        other: Default::default(),
    };
    answer(state, action)
}

#[test]
fn a_phones_answer_counts_once_and_a_second_one_takes_its_place() {
    let mut state = open_room_on_the_survey();
    assert_eq!(
        answer_poll(&mut state, 1, [4, 4, 5, 3, 0, 2]),
        RoomReply::Answered
    );
    assert_eq!(
        answer_poll(&mut state, 2, [1, 2, 3, 4, 5, 5]),
        RoomReply::Answered
    );
    assert_eq!(
        answer_poll(&mut state, 1, [5, 5, 5, 5, 5, 5]),
        RoomReply::Answered
    );
    let poll = state.session.poll(state.session.current).expect("answers");
    assert_eq!(poll.respondents.len(), 2, "one answer per device");
    assert_eq!(poll.respondents[0].answers, answers([5; 6]));
    assert_eq!(poll.respondents[0].from_room, Some(1));
    let results = state.session.statement_results(state.session.current);
    assert_eq!(results[0].counts, [1, 0, 0, 0, 1]);
}

#[test]
fn a_closed_poll_answers_off_the_scale_and_blank_forms_are_refused() {
    let mut state = open_room_on_the_survey();
    assert_eq!(
        answer_poll(&mut state, 1, [6, 4, 4, 4, 4, 4]),
        RoomReply::Refused(Refusal::NotAnAnswer)
    );
    let blank = RoomAction::Answer {
        device: 1,
        segment: Some(state.session.current.0),
        sector: None,
        answers: vec![crate::session::Answer::Missing; 6],
        other: Default::default(),
    };
    assert_eq!(
        answer(&mut state, blank),
        RoomReply::Refused(Refusal::Empty)
    );
    let short = RoomAction::Answer {
        device: 1,
        segment: Some(state.session.current.0),
        sector: None,
        answers: answers([4; 6])[..5].to_vec(),
        other: Default::default(),
    };
    assert_eq!(
        answer(&mut state, short),
        RoomReply::Refused(Refusal::NotAnAnswer)
    );
    let _ = state.update(Action::Board(BoardAction::ClosePoll), one_pm());
    assert_eq!(state.notice, Some(crate::i18n::Notice::PollClosed(true)));
    assert_eq!(
        answer_poll(&mut state, 1, [4; 6]),
        RoomReply::Refused(Refusal::PollClosed)
    );
    let _ = state.update(Action::Board(BoardAction::ClosePoll), one_pm());
    assert_eq!(answer_poll(&mut state, 1, [4; 6]), RoomReply::Answered);
    let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    assert_eq!(
        answer_poll(&mut state, 1, [4; 6]),
        RoomReply::Refused(Refusal::NotPosting)
    );
}

#[test]
fn undoing_a_paper_line_never_takes_a_phones_answer() {
    let mut state = open_room_on_the_survey();
    let _ = state.update(Action::Board(BoardAction::OpenPollLine), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type("sk444444".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::SubmitLine), one_pm());
    assert_eq!(answer_poll(&mut state, 1, [2; 6]), RoomReply::Answered);
    let _ = state.update(Action::Editor(EditorAction::Undo), one_pm());
    let poll = state.session.poll(state.session.current).expect("answers");
    assert_eq!(poll.respondents.len(), 1);
    assert_eq!(poll.respondents[0].from_room, Some(1));
}

#[test]
fn results_reach_the_room_only_when_shown_and_the_wall_only_when_open() {
    let mut state = open_room_on_the_survey();
    assert_eq!(answer_poll(&mut state, 1, [4; 6]), RoomReply::Answered);
    let poll = room_snapshot(&state, one_pm()).poll.expect("a poll");
    assert!(poll.results.is_none());
    assert_eq!(poll.respondents, 1);
    let _ = state.update(Action::Board(BoardAction::RevealPoll), one_pm());
    let poll = room_snapshot(&state, one_pm()).poll.expect("a poll");
    let results = poll.results.expect("shown");
    assert_eq!(results[0], (vec![0, 0, 0, 1, 0], 0, 1));
    assert!(!room_snapshot(&state, one_pm()).wall);
    let _ = state.update(Action::ToggleWall, one_pm());
    assert!(room_snapshot(&state, one_pm()).wall);
    let _ = state.update(Action::ToggleWall, one_pm());
    assert!(!room_snapshot(&state, one_pm()).wall);
}

/// The nulägesanalys workshop with its room open, on the first segment of `kind`.
fn open_room_on_the_workshop(kind: SegmentKind) -> AppState {
    open_room_on("nulagesanalys", &["Ale", "Borås"], kind)
}

#[test]
fn alone_or_in_pairs_a_phone_writes_the_rooms_cards_and_never_a_groups() {
    let mut state = open_room_on_the_workshop(SegmentKind::Individual);
    let snapshot = room_snapshot(&state, one_pm());
    assert!(snapshot.posting && snapshot.personal);
    let alone = |lane| RoomAction::Post {
        device: 4,
        segment: Some(1),
        lane,
        text: "Jag saknar en gemensam bild".into(),
        column: None,
        row: None,
    };
    assert_eq!(
        answer(&mut state, alone(Lane::Group(0))),
        RoomReply::Refused(Refusal::NotPosting)
    );
    let RoomReply::Done(id) = answer(&mut state, alone(Lane::Plenary)) else {
        panic!("a card of the room's");
    };
    let card = state.session.card(id).expect("the card");
    assert_eq!((card.group, card.from_room), (Lane::Plenary, Some(4)));
    let snapshot = room_snapshot(&state, one_pm());
    assert_eq!(snapshot.cards_of(Lane::Plenary).count(), 1);
    // In a group segment the room's lane is the note-taker's, not a phone's.
    let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    assert!(!room_snapshot(&state, one_pm()).personal);
    let mut in_group = alone(Lane::Plenary);
    if let RoomAction::Post { segment, .. } = &mut in_group {
        *segment = Some(state.session.current.0);
    }
    assert_eq!(
        answer(&mut state, in_group),
        RoomReply::Refused(Refusal::NotPosting)
    );
}

#[test]
fn the_room_marks_priorities_only_while_p_lets_it_and_within_the_groups_number() {
    let mut state = open_room_on_the_workshop(SegmentKind::GroupDiscussion);
    // The first group discussion asks for no priorities: `P` says so.
    assert_eq!(state.session.current_segment().priorities, None);
    let _ = state.update(Action::ToggleRoomVotes, one_pm());
    assert_eq!(state.notice, Some(crate::i18n::Notice::NoPriorities));
    while state.session.current_segment().priorities.is_none() {
        let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    }
    let ids: Vec<CardId> = (0..4)
        .map(
            |n| match posted_anywhere(&mut state, 2, 0, &format!("Kort {n}")) {
                RoomReply::Done(id) => id,
                other => panic!("{other:?}"),
            },
        )
        .collect();
    let vote = |id| RoomAction::TogglePriority { card: id };
    assert_eq!(
        answer(&mut state, vote(ids[0])),
        RoomReply::Refused(Refusal::NotVoting)
    );
    assert_eq!(room_snapshot(&state, one_pm()).voting, None);
    let _ = state.update(Action::ToggleRoomVotes, one_pm());
    assert_eq!(state.notice, Some(crate::i18n::Notice::RoomVotes(Some(3))));
    assert_eq!(room_snapshot(&state, one_pm()).voting, Some(3));
    for id in &ids[..3] {
        assert_eq!(answer(&mut state, vote(*id)), RoomReply::Done(*id));
    }
    assert_eq!(
        answer(&mut state, vote(ids[3])),
        RoomReply::Refused(Refusal::PrioritiesFull)
    );
    // Another phone of the group takes a mark off; then the fourth fits.
    assert_eq!(answer(&mut state, vote(ids[0])), RoomReply::Done(ids[0]));
    assert_eq!(answer(&mut state, vote(ids[3])), RoomReply::Done(ids[3]));
    let marked: Vec<bool> = ids
        .iter()
        .map(|id| state.session.card(*id).expect("a card").priority)
        .collect();
    assert_eq!(marked, [false, true, true, true]);
    assert!(
        room_snapshot(&state, one_pm())
            .cards
            .iter()
            .filter(|c| c.priority)
            .count()
            == 3
    );
    // The next segment ends the marking.
    let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    let _ = state.update(Action::Session(SessionAction::Previous), one_pm());
    assert_eq!(
        answer(&mut state, vote(ids[1])),
        RoomReply::Refused(Refusal::NotVoting)
    );
}

/// Posts `text` for `group` in the segment on screen, in its first cell.
fn posted_anywhere(state: &mut AppState, device: u32, group: usize, text: &str) -> RoomReply {
    let segment = state.session.current;
    let action = RoomAction::Post {
        device,
        segment: Some(segment.0),
        lane: Lane::Group(group),
        text: text.into(),
        column: state
            .session
            .columns(segment)
            .and_then(|c| c.first().cloned()),
        row: state.session.rows(segment).and_then(|r| r.first().cloned()),
    };
    answer(state, action)
}

/// A device's request through the host as the loop takes it, and where its
/// answer arrives.
fn request(
    host: &mut RoomHost,
    action: RoomAction,
) -> (Action, tokio::sync::oneshot::Receiver<RoomReply>) {
    let (reply, answer) = tokio::sync::oneshot::channel();
    (
        host.accept(crate::room::RoomRequest { action, reply }),
        answer,
    )
}

#[test]
fn a_post_is_answered_as_taken_only_once_the_snapshot_holding_it_is_on_disk() {
    let mut state = open_room_on_the_action_plan();
    let mut host = RoomHost::none();
    let (first, mut first_answer) = request(&mut host, post(&state, 1, 0, "Läxhjälp"));
    let (second, mut second_answer) = request(&mut host, post(&state, 2, 1, "Mentorer"));
    let (blank, mut blank_answer) = request(&mut host, post(&state, 3, 1, "  "));
    for action in [first, second, blank] {
        for effect in state.update(action, one_pm()).iter() {
            if let Effect::Answer(request, reply) = effect {
                host.answer(*request, *reply);
            }
        }
    }
    // One burst, one snapshot handed over as number 7: a refusal goes out
    // at once, the two posts wait for the disk.
    host.publish(&state, one_pm(), 7);
    assert_eq!(
        blank_answer.try_recv(),
        Ok(RoomReply::Refused(Refusal::Empty))
    );
    assert!(first_answer.try_recv().is_err() && second_answer.try_recv().is_err());
    assert_eq!(host.waiting_for_disk(), 2);
    host.written(6);
    assert!(
        first_answer.try_recv().is_err(),
        "an older snapshot holds neither"
    );
    host.written(7);
    assert!(matches!(first_answer.try_recv(), Ok(RoomReply::Done(_))));
    assert!(matches!(second_answer.try_recv(), Ok(RoomReply::Done(_))));
    assert_eq!(host.waiting_for_disk(), 0);
}

#[test]
fn a_refusing_disk_answers_the_waiting_posts_at_once_and_counts_them_until_written() {
    let mut state = open_room_on_the_action_plan();
    let mut host = RoomHost::none();
    let (action, mut answer) = request(&mut host, post(&state, 1, 0, "Läxhjälp"));
    for effect in state.update(action, one_pm()).iter() {
        if let Effect::Answer(request, reply) = effect {
            host.answer(*request, *reply);
        }
    }
    host.publish(&state, one_pm(), 3);
    host.disk_refused();
    assert_eq!(answer.try_recv(), Ok(RoomReply::Refused(Refusal::NotSaved)));
    assert_eq!(host.waiting_for_disk(), 1, "still in memory, not on disk");
    let _ = state.update(
        Action::SaveFailed(std::io::ErrorKind::StorageFull, host.waiting_for_disk()),
        one_pm(),
    );
    assert_eq!(state.disk.room_waiting, 1);
    host.written(3);
    assert_eq!(host.waiting_for_disk(), 0);
}

#[test]
fn a_text_past_the_longest_and_a_device_past_its_cards_are_refused() {
    use crate::room::limits::{self, Limit};
    let mut state = open_room_on_the_action_plan();
    let longest = "ä".repeat(limits::TEXT_MAX_CHARS);
    assert!(matches!(
        posted(&mut state, 3, 0, &longest),
        RoomReply::Done(_)
    ));
    let longer = format!("{longest}x");
    assert_eq!(
        posted(&mut state, 3, 0, &longer),
        RoomReply::Refused(Refusal::Limit(Limit::TextLength))
    );
    for number in 1..limits::CARDS_PER_DEVICE {
        let reply = posted(&mut state, 3, 0, &format!("kort {number}"));
        assert!(matches!(reply, RoomReply::Done(_)), "{number}: {reply:?}");
    }
    assert_eq!(
        posted(&mut state, 3, 0, "ett för mycket"),
        RoomReply::Refused(Refusal::Limit(Limit::DeviceCards))
    );
    assert!(matches!(
        posted(&mut state, 4, 0, "en annan mobil"),
        RoomReply::Done(_)
    ));
    let id = crate::session::CardId(state.session.next_card_id.0 - 1);
    let edit = RoomAction::Edit {
        device: 4,
        card: id,
        text: longer,
        revision: 0,
    };
    assert_eq!(
        answer(&mut state, edit),
        RoomReply::Refused(Refusal::Limit(Limit::TextLength))
    );
}

#[test]
fn the_room_takes_text_up_to_its_bytes_and_then_no_more() {
    use crate::room::limits::{self, Limit};
    let mut state = open_room_on_the_action_plan();
    // Cards of the longest text the box takes in the letters of most bytes
    // (three bytes, one unit of the box's count), from as many phones as it
    // takes, up to the room's bytes.
    let card = "€".repeat(limits::TEXT_MAX_CHARS);
    let fit = limits::ROOM_BYTES / card.len();
    for number in 0..fit {
        let device = u32::try_from(number / limits::CARDS_PER_DEVICE).expect("few devices");
        let current = state.session.current;
        let applied = Arc::make_mut(&mut state.session).apply(
            SessionAction::Card(CardAction::Post {
                segment: current,
                group: Lane::Group(0),
                text: card.clone(),
                column: None,
                row: None,
                device,
            }),
            one_pm(),
        );
        assert!(applied.added.is_some());
    }
    assert_eq!(
        posted(&mut state, 99, 1, &card),
        RoomReply::Refused(Refusal::Limit(Limit::Room))
    );
    assert!(matches!(
        posted(&mut state, 99, 1, "kort"),
        RoomReply::Done(_)
    ));
}

#[test]
fn a_card_or_an_edit_of_only_invisible_characters_is_empty() {
    let mut state = open_room_on_the_action_plan();
    for blank in ["\u{200B}", "\u{FEFF}\u{2060}", " \u{200D} \n"] {
        assert_eq!(
            posted(&mut state, 3, 0, blank),
            RoomReply::Refused(Refusal::Empty),
            "{blank:?}"
        );
    }
    assert!(state.session.cards.is_empty());
}

#[test]
fn a_poll_without_sectors_asks_none_on_the_phone() {
    let mut state = open_room_on("seminarium-1", &["A"], SegmentKind::Poll);
    let asked = room_snapshot(&state, one_pm());
    assert!(!asked.poll.expect("the survey").sectors.is_empty());
    let current = state.session.current.0;
    state = state.with_agenda(|agenda| agenda.segments[current].by_sector = false);
    let snapshot = room_snapshot(&state, one_pm());
    assert!(snapshot.poll.expect("the survey").sectors.is_empty());
}

#[test]
fn a_dot_on_a_card_taken_down_still_counts_on_the_page_as_in_the_rules() {
    let mut state = open_room_on_the_action_plan();
    let current = state.session.current;
    Arc::make_mut(&mut state.session).agenda.segments[current.0].dots = Some(1);
    let _ = state.update(Action::ToggleRoomVotes, one_pm());
    let RoomReply::Done(first) = posted(&mut state, 3, 0, "Närvaroteam") else {
        panic!("posted");
    };
    let RoomReply::Done(second) = posted(&mut state, 3, 1, "Gemensam rutin") else {
        panic!("posted");
    };
    let dot = |card| RoomAction::ToggleDot { device: 5, card };
    assert_eq!(answer(&mut state, dot(first)), RoomReply::Done(first));
    // `d` takes the card down; its dot stays given.
    state.board.lane = Lane::Group(0);
    state.board.card = Some(first);
    let _ = state.update(Action::Board(BoardAction::AskDelete), one_pm());
    assert!(room_snapshot(&state, one_pm()).card(first).is_none());
    assert_eq!(room_snapshot(&state, one_pm()).dots_left(5), Some(0));
    assert_eq!(
        answer(&mut state, dot(second)),
        RoomReply::Refused(Refusal::DotsUsed)
    );
}
