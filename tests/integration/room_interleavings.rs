//! A property test of many writers, as databases are tested: random
//! interleavings of phones posting, opening and saving edit forms (some
//! stale), removing their cards, of the note-taker editing, moving and
//! bringing back cards, of phones giving and taking back their dots and the
//! note-taker counting the wall's, and of restarts through the session file.
//! After every step, no change its writer was told was taken has disappeared,
//! every change refused left the card as it was (its writer keeps its text),
//! and no phone has given more dots than it has or two to one card.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use samla::agenda::{Language, SegmentKind, load_bundled};
use samla::app::{
    Action, AppState, BoardAction, EditorAction, Effect, Mode, room_snapshot, snapshot,
};
use samla::room::{Door, RoomAction, RoomReply};
use samla::session::{CardId, Lane, Session, SessionAction};
use samla::store::SessionFile;
use samla::ui::Theme;

const GROUPS: usize = 3;
const DEVICES: u32 = 4;

/// One thing one writer does.
#[derive(Debug, Clone)]
enum Step {
    /// A phone posts a card into its group.
    Post { device: u32 },
    /// A phone opens the edit form of the `pick`th card (its own or not).
    OpenForm { device: u32, pick: usize },
    /// A phone saves the `pick`th form it opened, perhaps long ago.
    SaveForm { device: u32, pick: usize },
    /// A phone removes the `pick`th card.
    Remove { device: u32, pick: usize },
    /// The note-taker adds to the `pick`th card's text.
    Type { pick: usize },
    /// The note-taker moves the `pick`th card to the next column.
    Move { pick: usize },
    /// The note-taker presses `d` on the `pick`th card.
    ToggleHidden { pick: usize },
    /// A phone gives the `pick`th card its dot, or takes it back.
    Dot { device: u32, pick: usize },
    /// The note-taker counts a dot from the paper wall on the `pick`th card.
    CountDot { pick: usize },
    /// samla ends and is resumed from the file it wrote.
    Restart,
}

/// How many dots each phone gives in the action plan.
const DOTS: u32 = 2;

fn step() -> impl Strategy<Value = Step> {
    let device = 0..DEVICES;
    prop_oneof![
        3 => device.clone().prop_map(|device| Step::Post { device }),
        3 => (device.clone(), 0..8usize).prop_map(|(device, pick)| Step::OpenForm { device, pick }),
        3 => (device.clone(), 0..8usize).prop_map(|(device, pick)| Step::SaveForm { device, pick }),
        1 => (device, 0..8usize).prop_map(|(device, pick)| Step::Remove { device, pick }),
        2 => (0..8usize).prop_map(|pick| Step::Type { pick }),
        1 => (0..8usize).prop_map(|pick| Step::Move { pick }),
        1 => (0..8usize).prop_map(|pick| Step::ToggleHidden { pick }),
        2 => (0..DEVICES, 0..8usize).prop_map(|(device, pick)| Step::Dot { device, pick }),
        1 => (0..8usize).prop_map(|pick| Step::CountDot { pick }),
        1 => Just(Step::Restart),
    ]
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

fn door() -> Door {
    Door {
        url: "http://127.0.0.1:8765".into(),
        code: "K7M2QX".into(),
    }
}

/// Seminarium 3 on its action plan, with the room open and giving dots.
fn open_room() -> AppState {
    let mut agenda = load_bundled("seminarium-3")
        .expect("bundled")
        .expect("valid");
    for segment in &mut agenda.segments {
        if segment.kind == SegmentKind::ActionPlan {
            segment.dots = Some(DOTS);
        }
    }
    let groups = (1..=GROUPS).map(|n| format!("Grupp {n}")).collect();
    let session = Session::new(agenda, groups, start());
    let mut state = AppState::new(session, Language::Sv, Theme::new(true), false, start());
    while state.session().current_segment().kind != SegmentKind::ActionPlan {
        let _ = state.update(Action::Session(SessionAction::Next), start());
    }
    reopen(&mut state);
    state
}

fn reopen(state: &mut AppState) {
    let _ = state.update(Action::RoomOpened(Ok(door())), start());
    let _ = state.update(Action::Dismiss, start());
    let _ = state.update(Action::ToggleRoomVotes, start());
}

/// What the file holds after a restart, resumed as `samla resume` does.
fn restarted(state: &AppState, now: DateTime<Utc>) -> AppState {
    let text = snapshot(state, "seminarium-3", now).to_text();
    let file = SessionFile::parse("session.ron", &text).expect("what samla writes, it reads");
    let mut again = AppState::new(file.session, file.language, Theme::new(true), false, now)
        .resumed(file.devices, None);
    reopen(&mut again);
    again
}

/// What `action` from a phone is answered.
fn ask(state: &mut AppState, action: RoomAction, now: DateTime<Utc>) -> RoomReply {
    state
        .update(Action::FromRoom(7, action), now)
        .iter()
        .find_map(|effect| match effect {
            Effect::Answer(7, reply) => Some(*reply),
            _ => None,
        })
        .expect("every request is answered")
}

/// What the writers were told, card by card.
#[derive(Default)]
struct Told {
    /// The text each card was last told taken with, and its revision then.
    taken: BTreeMap<CardId, (String, u32)>,
    /// Forms a phone opened: the card, the revision the form showed.
    forms: BTreeMap<u32, Vec<(CardId, u32)>>,
    /// Cards their phones removed, not brought back since.
    removed: BTreeMap<CardId, u32>,
    /// The dots phones were told they gave, by card.
    dotted: BTreeMap<CardId, std::collections::BTreeSet<u32>>,
    /// The dots counted from the wall, by card.
    counted: BTreeMap<CardId, u32>,
}

fn pick(state: &AppState, pick: usize) -> Option<CardId> {
    let ids: Vec<CardId> = state.session().cards.iter().map(|card| card.id).collect();
    (!ids.is_empty()).then(|| ids[pick % ids.len()])
}

fn text_of(state: &AppState, id: CardId) -> Option<(String, u32)> {
    state
        .session()
        .card(id)
        .map(|card| (card.text.clone(), card.revision))
}

/// Selects card `id` on the run screen, as the note-taker's arrows would.
fn select(state: &mut AppState, id: CardId) {
    if let Some(group) = state.session().card(id).map(|card| card.group) {
        state.select(group, Some(id));
    }
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut state = open_room();
    let mut told = Told::default();
    for (number, step) in steps.iter().enumerate() {
        let now = start() + Duration::seconds(i64::try_from(number).unwrap_or_default());
        let before: BTreeMap<CardId, Option<(String, u32)>> = state
            .session()
            .cards
            .iter()
            .map(|card| (card.id, text_of(&state, card.id)))
            .collect();
        match step.clone() {
            Step::Post { device } => {
                let text = format!("Kort {number} från mobil {device}");
                let action = RoomAction::Post {
                    device,
                    segment: Some(state.session().current.0),
                    lane: Lane::Group(device as usize % GROUPS),
                    text: text.clone(),
                    column: None,
                    row: None,
                };
                if let RoomReply::Done(id) = ask(&mut state, action, now) {
                    prop_assert_eq!(text_of(&state, id), Some((text.clone(), 0)));
                    told.taken.insert(id, (text, 0));
                }
            }
            Step::OpenForm {
                device,
                pick: which,
            } => {
                if let Some(id) = pick(&state, which) {
                    let shown = room_snapshot(&state, now)
                        .card(id)
                        .map(|card| card.revision);
                    if let Some(revision) = shown {
                        told.forms.entry(device).or_default().push((id, revision));
                    }
                }
            }
            Step::SaveForm {
                device,
                pick: which,
            } => {
                let Some(forms) = told.forms.get(&device).filter(|forms| !forms.is_empty()) else {
                    continue;
                };
                let (id, revision) = forms[which % forms.len()];
                let text = format!("Ändrat {number} av mobil {device}");
                let was = text_of(&state, id);
                let action = RoomAction::Edit {
                    device,
                    card: id,
                    text: text.clone(),
                    revision,
                };
                match ask(&mut state, action, now) {
                    RoomReply::Done(_) => {
                        // Taken only from a form of the card as it was.
                        prop_assert_eq!(was.as_ref().map(|(_, r)| *r), Some(revision));
                        let now_revision = revision + 1;
                        prop_assert_eq!(text_of(&state, id), Some((text.clone(), now_revision)));
                        told.taken.insert(id, (text, now_revision));
                    }
                    _ => prop_assert_eq!(text_of(&state, id), was, "refused, yet changed"),
                }
            }
            Step::Remove {
                device,
                pick: which,
            } => {
                let Some(id) = pick(&state, which) else {
                    continue;
                };
                let action = RoomAction::Delete { device, card: id };
                if let RoomReply::Done(_) = ask(&mut state, action, now) {
                    told.removed.insert(id, device);
                }
            }
            Step::Type { pick: which } => {
                let Some(id) = pick(&state, which) else {
                    continue;
                };
                select(&mut state, id);
                let _ = state.update(Action::Board(BoardAction::EditCard), now);
                if matches!(state.mode(), Mode::Editor(_)) {
                    let added = format!(" +{number}");
                    let typed = Action::Editor(EditorAction::Type(added.clone()));
                    let _ = state.update(typed, now);
                    let _ = state.update(Action::Editor(EditorAction::Close), now);
                    if let Some((text, revision)) = text_of(&state, id) {
                        prop_assert!(text.ends_with(&added), "typed text is kept");
                        told.taken.insert(id, (text, revision));
                    }
                }
            }
            Step::Move { pick: which } => {
                let Some(id) = pick(&state, which) else {
                    continue;
                };
                select(&mut state, id);
                let _ = state.update(Action::Board(BoardAction::NextColumn), now);
            }
            Step::ToggleHidden { pick: which } => {
                let Some(id) = pick(&state, which) else {
                    continue;
                };
                let from_room = state
                    .session()
                    .card(id)
                    .is_some_and(|card| card.from_room.is_some());
                if !from_room {
                    // A typed card is asked about before it is deleted; not here.
                    continue;
                }
                select(&mut state, id);
                let _ = state.update(Action::Board(BoardAction::AskDelete), now);
                told.removed.remove(&id);
            }
            Step::Dot {
                device,
                pick: which,
            } => {
                let Some(id) = pick(&state, which) else {
                    continue;
                };
                let action = RoomAction::ToggleDot { device, card: id };
                if let RoomReply::Done(_) = ask(&mut state, action, now) {
                    let given = told.dotted.entry(id).or_default();
                    if !given.remove(&device) {
                        given.insert(device);
                    }
                }
            }
            Step::CountDot { pick: which } => {
                let Some(id) = pick(&state, which) else {
                    continue;
                };
                select(&mut state, id);
                let _ = state.update(Action::Board(BoardAction::CountDot(1)), now);
                *told.counted.entry(id).or_default() += 1;
            }
            Step::Restart => state = restarted(&state, now),
        }
        // Every dot as its giver was told, those counted from the wall too,
        // and no phone past its dots.
        for card in &state.session().cards {
            let told_dots = told.dotted.get(&card.id).cloned().unwrap_or_default();
            prop_assert_eq!(&card.dotted_by, &told_dots, "card {}'s dots", card.id);
            prop_assert_eq!(card.dots, told.counted.get(&card.id).copied().unwrap_or(0));
        }
        for device in 0..DEVICES {
            let given = state
                .session()
                .cards
                .iter()
                .filter(|card| card.dotted_by.contains(&device))
                .count();
            prop_assert!(given <= DOTS as usize, "phone {} gave {}", device, given);
        }
        // No change a writer was told was taken has disappeared.
        for (id, taken) in &told.taken {
            let now_there = text_of(&state, *id);
            prop_assert_eq!(
                now_there.as_ref(),
                Some(taken),
                "card {} after step {} ({:?}); before: {:?}",
                id,
                number,
                step,
                before.get(id)
            );
        }
        // A card a phone removed is kept, hidden, with who removed it.
        for (id, device) in &told.removed {
            let card = state.session().card(*id);
            prop_assert!(card.is_some(), "removed card {} is gone", id);
            let card = card.expect("checked");
            prop_assert!(card.hidden);
            prop_assert_eq!(card.removed.map(|removed| removed.device), Some(*device));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_writer_loses_a_change_it_was_told_was_taken(
        steps in prop::collection::vec(step(), 1..48)
    ) {
        run(&steps)?;
    }
}
