//! `update` without a terminal: which effects each kind of action returns.

use chrono::{DateTime, Duration, TimeZone, Utc};
use ratatui_textarea::{Input, Key};
use std::sync::Arc;

use super::*;
use crate::agenda::{Language, load_bundled};
use crate::app::export::{Destination, ExportRequest};
use crate::export::Format;
use crate::i18n::Notice;
use crate::session::{SegmentIx, Session, SessionAction};
use crate::ui::Theme;

fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

fn at(millis: i64) -> DateTime<Utc> {
    one_pm() + Duration::milliseconds(millis)
}

fn state() -> AppState {
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let groups = vec!["Grupp 1".to_owned(), "Grupp 2".to_owned()];
    let session = Session::new(agenda, groups, one_pm());
    AppState::new(session, Language::Sv, Theme::new(true), true, one_pm())
}

fn saves(effects: &Effects) -> bool {
    effects.contains(&Effect::Save)
}

fn letter(c: char) -> Action {
    Action::Editor(EditorAction::Input(Input {
        key: Key::Char(c),
        ..Input::default()
    }))
}

#[test]
fn space_on_a_stopped_segment_saves() {
    let mut state = state();
    let effects = state.update(Action::Session(SessionAction::ToggleTimer), one_pm());
    assert_eq!(effects, {
        let mut expected = Effects::none();
        expected.push(Effect::Save);
        expected
    });
}

#[test]
fn help_navigation_and_selection_save_nothing() {
    let mut state = state();
    let quiet = [
        Action::ToggleHelp,
        Action::Dismiss,
        Action::Board(BoardAction::SelectGroup(crate::session::Lane::Group(1))),
        Action::Board(BoardAction::StepGroup(1)),
        Action::Board(BoardAction::StepCard(-1)),
        Action::ProposeRebalance,
        Action::Dismiss,
        Action::Board(BoardAction::OpenRoster),
        Action::Roster(RosterKey::Step(1)),
        Action::Dismiss,
        Action::Tick,
    ];
    for action in quiet {
        let effects = state.update(action.clone(), one_pm());
        assert!(effects.is_empty(), "{action:?} gave {effects:?}");
    }
}

#[test]
fn a_change_that_changes_nothing_saves_nothing() {
    let mut state = state();
    // `p` on the first segment has nowhere to go.
    let effects = state.update(Action::Session(SessionAction::Previous), one_pm());
    assert!(!saves(&effects));
}

#[test]
fn typing_saves_at_most_once_a_window_and_the_rest_when_it_is_over() {
    let mut state = state();
    let _ = state.update(Action::Board(BoardAction::NewCard), at(0));
    let mut written = 0;
    for millis in 1..1000 {
        if saves(&state.update(letter('a'), at(millis))) {
            written += 1;
        }
    }
    // One a window of 750 ms over a second of typing at a key a millisecond
    // (the editor's opening at 0 was the first).
    assert_eq!(written, 1, "saved at 750 ms");
    // The last keys wait, but no longer than the window: the loop's timeout
    // ends at the latest when they are due, and the tick then saves them.
    // Saved at 750, the keys after it are due at 1,500.
    let wait = state.until_next_change(at(999));
    assert_eq!(wait, Duration::milliseconds(501));
    assert!(!saves(&state.update(Action::Tick, at(999))));
    assert!(saves(&state.update(Action::Tick, at(999) + wait)));
    assert!(!saves(&state.update(Action::Tick, at(2000))));
}

#[test]
fn moving_the_cursor_in_the_editor_is_no_change_to_save() {
    let mut state = state();
    let _ = state.update(Action::Board(BoardAction::NewCard), at(0));
    let _ = state.update(letter('a'), at(1000));
    let left = Action::Editor(EditorAction::Input(Input {
        key: Key::Left,
        ..Input::default()
    }));
    let effects = state.update(left, at(2000));
    assert!(!saves(&effects));
}

#[test]
fn closing_the_editor_saves_at_once_even_right_after_typing() {
    let mut state = state();
    let _ = state.update(Action::Board(BoardAction::NewCard), at(0));
    let _ = state.update(letter('a'), at(1));
    let effects = state.update(Action::Editor(EditorAction::Close), at(2));
    assert!(saves(&effects));
    assert_eq!(state.session.cards.len(), 1);
}

#[test]
fn x_asks_for_the_markdown_summary_in_the_exports_folder_copied() {
    let mut state = state();
    let effects = state.update(Action::Export, one_pm());
    let expected = ExportRequest {
        format: Format::Md,
        destination: Destination::ExportsFolder,
        copy: true,
    };
    assert!(effects.contains(&Effect::Export(expected)));
    assert!(!saves(&effects));
}

#[test]
fn the_outcome_of_an_export_comes_back_as_the_notice() {
    let mut state = state();
    let written = Exported {
        path: "/data/exports/s.md".into(),
        copied: None,
        flagged: 0,
    };
    let effects = state.update(Action::Exported(Ok(written)), one_pm());
    assert!(effects.is_empty());
    assert!(matches!(state.notice, Some(Notice::Exported { .. })));
}

#[test]
fn quit_asks_to_quit_and_to_save_an_open_editor_first() {
    let mut state = state();
    assert!(state.update(Action::Quit, one_pm()).contains(&Effect::Quit));
    let mut typing = self::state();
    let _ = typing.update(Action::Board(BoardAction::NewCard), at(0));
    let _ = typing.update(letter('a'), at(1));
    let effects = typing.update(Action::Quit, at(2));
    assert!(saves(&effects) && effects.contains(&Effect::Quit));
}

#[test]
fn a_failed_save_is_remembered_until_one_succeeds_and_quitting_then_asks() {
    let mut state = state();
    let _ = state.update(
        Action::SaveFailed(std::io::ErrorKind::StorageFull, 0),
        one_pm(),
    );
    assert_eq!(state.disk.problem, Some(std::io::ErrorKind::StorageFull));
    let effects = state.update(Action::Quit, one_pm());
    assert!(!effects.contains(&Effect::Quit));
    assert!(matches!(state.mode(), Mode::ConfirmQuit));
    assert!(
        state
            .update(Action::Confirm, one_pm())
            .contains(&Effect::Quit)
    );
    let _ = state.update(Action::Saved, one_pm());
    assert_eq!(state.disk.problem, None);
}

#[test]
fn quitting_unsaved_with_a_card_open_keeps_it_and_staying_goes_back_to_it() {
    let mut state = state();
    let _ = state.update(Action::Board(BoardAction::NewCard), at(0));
    let _ = state.update(letter('a'), at(1));
    let _ = state.update(
        Action::SaveFailed(std::io::ErrorKind::StorageFull, 0),
        at(2),
    );
    let _ = state.update(Action::Quit, at(3));
    assert!(matches!(state.mode(), Mode::ConfirmQuit));
    assert_eq!(state.draft().expect("the draft waits").text, "a");
    let _ = state.update(Action::Dismiss, at(4));
    assert!(matches!(state.mode(), Mode::Editor(_)));
    let _ = state.update(Action::Quit, at(5));
    let effects = state.update(Action::Confirm, at(6));
    assert!(effects.contains(&Effect::Quit));
    assert_eq!(state.draft().expect("kept for the last save").text, "a");
}

#[test]
fn the_bell_is_an_effect_of_time_reaching_zero() {
    let mut state = state();
    let _ = state.update(Action::Session(SessionAction::ToggleTimer), one_pm());
    let minutes = i64::from(state.session.planned_minutes(SegmentIx(0)));
    let before = state.update(Action::Tick, one_pm() + Duration::minutes(minutes - 1));
    assert!(!before.contains(&Effect::Bell));
    let zero = state.update(Action::Tick, one_pm() + Duration::minutes(minutes));
    assert!(zero.contains(&Effect::Bell));
}

#[test]
fn letters_typed_in_one_burst_go_in_as_one_text_and_undo_as_one() {
    let mut state = state();
    let _ = state.update(Action::Board(BoardAction::NewCard), at(0));
    let effects = state.update(
        Action::Editor(EditorAction::Type("Närvaro".into())),
        at(800),
    );
    assert!(saves(&effects));
    assert_eq!(state.draft().expect("a draft").text, "Närvaro");
    let _ = state.update(Action::Editor(EditorAction::Undo), at(801));
    assert_eq!(state.draft().expect("a draft").text, "");
}

#[test]
fn a_plan_moved_by_an_early_start_is_told_once() {
    let mut state = state();
    let early = one_pm() - Duration::minutes(145);
    let _ = state.update(Action::Session(SessionAction::ToggleTimer), early);
    assert_eq!(state.notice, Some(Notice::PlanMoved { minutes_early: 145 }));
    let _ = state.update(Action::Dismiss, early);
    let _ = state.update(Action::Session(SessionAction::ToggleTimer), early);
    let _ = state.update(Action::Session(SessionAction::ToggleTimer), early);
    assert_eq!(state.notice, None);
}

#[test]
fn alt_and_a_key_is_esc_then_the_key_unless_the_editor_gives_it_a_meaning() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut state = state();
    let alt = |letter| KeyEvent::new(KeyCode::Char(letter), KeyModifiers::ALT);
    let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let plain = |letter| KeyEvent::new(KeyCode::Char(letter), KeyModifiers::NONE);
    assert_eq!(
        super::split_escape(&state, alt('a')),
        Some((escape, plain('a')))
    );
    let shifted = KeyEvent::new(KeyCode::Char('W'), KeyModifiers::ALT | KeyModifiers::SHIFT);
    let wall = KeyEvent::new(KeyCode::Char('W'), KeyModifiers::SHIFT);
    assert_eq!(super::split_escape(&state, shifted), Some((escape, wall)));
    assert_eq!(super::split_escape(&state, plain('a')), None);
    let ctrl_alt = |letter| {
        KeyEvent::new(
            KeyCode::Char(letter),
            KeyModifiers::ALT | KeyModifiers::CONTROL,
        )
    };
    let ctrl = |letter| KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL);
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        super::split_escape(&state, alt_enter),
        Some((escape, enter))
    );
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    // Esc then Ctrl+Q, in one read, saves the card and then quits.
    assert_eq!(
        super::split_escape(&state, ctrl_alt('q')),
        Some((escape, ctrl('q')))
    );
    // Ctrl+Alt+P goes to the top of the text in the editor.
    assert_eq!(super::split_escape(&state, ctrl_alt('p')), None);
    // Alt+f moves a word in the editor: it stays Alt+f there.
    assert_eq!(super::split_escape(&state, alt('f')), None);
    assert_eq!(
        super::split_escape(&state, alt('a')),
        Some((escape, plain('a')))
    );
}

#[test]
fn ctrl_g_leaves_the_editor_without_saving_a_new_or_an_edited_card() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut state = state();
    let ctrl_g = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL);
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(crate::session::Lane::Group(0))),
        one_pm(),
    );
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type("Ett misstag".into())),
        one_pm(),
    );
    assert_eq!(
        action_for(&state, ctrl_g),
        Some(Action::Editor(EditorAction::Cancel))
    );
    let effects = state.update(Action::Editor(EditorAction::Cancel), one_pm());
    assert!(state.session.cards.is_empty(), "a new card is dropped");
    assert!(matches!(state.mode(), Mode::Normal));
    assert!(saves(&effects), "the draft leaves the file");
    assert!(state.draft().is_none());
    assert_eq!(state.notice, Some(Notice::EditCancelled));
    // An edited card keeps its old text.
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let _ = state.update(Action::Editor(EditorAction::Type("Först".into())), one_pm());
    let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    let _ = state.update(Action::Board(BoardAction::EditCard), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type(" och sedan fel".into())),
        one_pm(),
    );
    // Undo still works in the editor before a cancel.
    let _ = state.update(Action::Editor(EditorAction::Undo), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type(" fel igen".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::Cancel), one_pm());
    let texts: Vec<&str> = state
        .session
        .cards
        .iter()
        .map(|card| card.text.as_str())
        .collect();
    assert_eq!(texts, ["Först"]);
}

/// Seminarium 3 on its action plan, with a card of group 1 in the middle
/// column, tagged and marked as a quote, selected.
fn action_plan_with_a_card() -> (AppState, crate::session::CardId) {
    use crate::session::Lane;
    let agenda = load_bundled("seminarium-3")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=3).map(|n| format!("Grupp {n}")).collect();
    let session = Session::new(agenda, groups, one_pm());
    let mut state = AppState::new(session, Language::Sv, Theme::new(true), true, one_pm());
    while state.session.current_segment().kind != crate::agenda::SegmentKind::ActionPlan {
        let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    }
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(Lane::Group(0))),
        one_pm(),
    );
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type("Närvaroteam".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    for action in [
        BoardAction::NextColumn,
        BoardAction::CycleTag,
        BoardAction::ToggleQuote,
    ] {
        let _ = state.update(Action::Board(action), one_pm());
    }
    let id = state.board.card.expect("the card is selected");
    (state, id)
}

#[test]
fn h_and_shift_h_move_a_card_a_column_on_and_back_round_the_ends() {
    let (mut state, id) = action_plan_with_a_card();
    let columns = state
        .session
        .columns(state.session.current)
        .expect("columns");
    let column = |state: &AppState| state.session.card(id).and_then(|card| card.horizon.clone());
    assert_eq!(column(&state), Some(columns[1].clone()));
    let _ = state.update(Action::Board(BoardAction::PreviousColumn), one_pm());
    assert_eq!(column(&state), Some(columns[0].clone()));
    let _ = state.update(Action::Board(BoardAction::PreviousColumn), one_pm());
    assert_eq!(
        column(&state),
        Some(columns[2].clone()),
        "back from the first is the last"
    );
    let shift_h = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('H'),
        crossterm::event::KeyModifiers::SHIFT,
    );
    assert_eq!(
        action_for(&state, shift_h),
        Some(Action::Board(BoardAction::PreviousColumn))
    );
}

#[test]
fn m_and_a_digit_move_a_card_to_another_group_keeping_its_tag_quote_and_column() {
    use crate::session::Lane;
    let (mut state, id) = action_plan_with_a_card();
    let before = state.session.card(id).cloned().expect("the card");
    let _ = state.update(Action::Board(BoardAction::AskMove), one_pm());
    assert!(matches!(state.mode(), Mode::MoveCard(moving) if *moving == id));
    let three = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('3'),
        crossterm::event::KeyModifiers::NONE,
    );
    let action = action_for(&state, three).expect("a digit moves");
    let effects = state.update(action, one_pm());
    assert!(saves(&effects));
    let after = state.session.card(id).cloned().expect("the card");
    assert_eq!(after.group, Lane::Group(2));
    assert_eq!(
        (after.tag, after.quote, after.horizon, after.text),
        (before.tag, before.quote, before.horizon, before.text)
    );
    assert_eq!(
        (state.board.lane, state.board.card),
        (Lane::Group(2), Some(id))
    );
    // Any other key leaves the card where it is.
    let _ = state.update(Action::Board(BoardAction::AskMove), one_pm());
    let escape = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyModifiers::NONE,
    );
    let action = action_for(&state, escape).expect("Esc cancels");
    let _ = state.update(action, one_pm());
    assert!(matches!(state.mode(), Mode::Normal));
    assert_eq!(
        state.session.card(id).map(|card| card.group),
        Some(Lane::Group(2))
    );
}

#[test]
fn a_adds_into_the_selected_column_and_alt_digit_into_that_column_at_once() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (mut state, _) = action_plan_with_a_card();
    let columns = state
        .session
        .columns(state.session.current)
        .expect("columns");
    // The card moved to the middle column took the selection with it.
    assert_eq!(state.selected_column(), Some(1));
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    let action = action_for(&state, tab).expect("Tab selects a column");
    let _ = state.update(action, one_pm());
    assert_eq!(state.selected_column(), Some(2));
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type("På sikt".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    let alt_1 = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT);
    assert_eq!(
        super::split_escape(&state, alt_1),
        None,
        "Alt+1 means something here"
    );
    let action = action_for(&state, alt_1).expect("Alt+1 adds into the first column");
    assert_eq!(action, Action::Board(BoardAction::NewCardIn(0)));
    let _ = state.update(action, one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type("Direkt".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    let column_of = |text: &str| {
        state
            .session
            .cards
            .iter()
            .find(|card| card.text == text)
            .and_then(|card| card.horizon.clone())
    };
    assert_eq!(column_of("På sikt"), Some(columns[2].clone()));
    assert_eq!(column_of("Direkt"), Some(columns[0].clone()));
    assert_eq!(state.selected_column(), Some(0));
    // The next segment's board starts in its first column.
    let _ = state.update(Action::Session(SessionAction::Previous), one_pm());
    assert_eq!(state.board.column, 0);
}

/// The Markdown summary of `state`'s session.
fn summary_of(state: &AppState) -> String {
    let summary = crate::export::Summary {
        session: &state.session,
        as_of: one_pm(),
        offset: chrono::FixedOffset::east_opt(3600).expect("an offset"),
        private: false,
        names: false,
        report: false,
        intro: None,
        removed: &[],
    };
    crate::export::markdown(&summary)
}

#[test]
fn n_renames_the_selected_group_on_the_board_the_rooms_snapshot_and_the_summary() {
    let (mut state, _) = action_plan_with_a_card();
    let _ = state.update(Action::Board(BoardAction::RenameGroup), one_pm());
    assert!(matches!(state.mode(), Mode::Editor(editor) if editor.text() == "Grupp 1"));
    let _ = state.update(
        Action::Editor(EditorAction::Input(Input {
            key: Key::Backspace,
            ..Input::default()
        })),
        one_pm(),
    );
    for _ in 0.."Grupp ".len() {
        let _ = state.update(
            Action::Editor(EditorAction::Input(Input {
                key: Key::Backspace,
                ..Input::default()
            })),
            one_pm(),
        );
    }
    let _ = state.update(
        Action::Editor(EditorAction::Type("Sandviken".into())),
        one_pm(),
    );
    let effects = state.update(Action::Editor(EditorAction::Close), one_pm());
    assert!(saves(&effects));
    assert_eq!(state.session.groups[0], "Sandviken");
    assert_eq!(
        super::room_snapshot(&state, one_pm()).groups[0],
        "Sandviken"
    );
    assert!(summary_of(&state).contains("Sandviken"));
    assert!(!summary_of(&state).contains("Grupp 1"));
    // A blank name keeps the old one; the whole room has no name to change.
    let _ = state.update(
        Action::Session(SessionAction::RenameGroup {
            group: 0,
            name: "  ".into(),
        }),
        one_pm(),
    );
    assert_eq!(state.session.groups[0], "Sandviken");
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(crate::session::Lane::Plenary)),
        one_pm(),
    );
    let _ = state.update(Action::Board(BoardAction::RenameGroup), one_pm());
    assert!(matches!(state.mode(), Mode::Normal));
    assert_eq!(state.notice, Some(Notice::NoGroup));
}

#[test]
fn j_and_k_reorder_a_card_within_its_column_and_the_summary_keeps_the_order() {
    let (mut state, _) = action_plan_with_a_card();
    for text in ["Andra", "Tredje"] {
        let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
        let _ = state.update(Action::Editor(EditorAction::Type(text.into())), one_pm());
        let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    }
    let order = |state: &AppState| -> Vec<String> {
        state
            .session
            .cards_in(state.session.current, crate::session::Lane::Group(0))
            .iter()
            .map(|card| card.text.clone())
            .collect()
    };
    assert_eq!(order(&state), ["Närvaroteam", "Andra", "Tredje"]);
    // "Tredje" is selected: up twice, to the top; once more does nothing.
    for _ in 0..3 {
        let _ = state.update(Action::Board(BoardAction::MoveCardWithin(-1)), one_pm());
    }
    assert_eq!(order(&state), ["Tredje", "Närvaroteam", "Andra"]);
    let _ = state.update(Action::Board(BoardAction::MoveCardWithin(1)), one_pm());
    assert_eq!(order(&state), ["Närvaroteam", "Tredje", "Andra"]);
    let summary = summary_of(&state);
    let at = |text: &str| {
        summary
            .find(text)
            .unwrap_or_else(|| panic!("{text} in the summary"))
    };
    assert!(
        at("Närvaroteam") < at("Tredje") && at("Tredje") < at("Andra"),
        "{summary}"
    );
}

#[test]
fn star_marks_the_groups_priorities_says_when_it_cannot_and_the_summary_lists_them_first() {
    let (mut state, _) = action_plan_with_a_card();
    let star = |state: &mut AppState| {
        let _ = state.update(Action::Board(BoardAction::TogglePriority), one_pm());
    };
    star(&mut state);
    assert_eq!(state.notice, Some(Notice::NoPriorities));
    let current = state.session.current;
    Arc::make_mut(&mut state.session).agenda.segments[current].priorities = Some(1);
    for text in ["Andra", "Tredje"] {
        let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
        let _ = state.update(Action::Editor(EditorAction::Type(text.into())), one_pm());
        let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    }
    // "Tredje" is selected: it becomes the one priority; "Andra" may not.
    star(&mut state);
    let _ = state.update(Action::Board(BoardAction::StepCard(-1)), one_pm());
    star(&mut state);
    assert_eq!(state.notice, Some(Notice::PrioritiesFull(1)));
    let chosen: Vec<&str> = state
        .session
        .cards
        .iter()
        .filter(|card| card.priority)
        .map(|card| card.text.as_str())
        .collect();
    assert_eq!(chosen, ["Tredje"]);
    let summary = summary_of(&state);
    let at = |text: &str| {
        summary
            .find(text)
            .unwrap_or_else(|| panic!("{text} in the summary"))
    };
    assert!(at("Prioriterat") < at("★ Tredje"), "{summary}");
    assert!(at("★ Tredje") < at("Närvaroteam"), "{summary}");
}

#[test]
fn alone_or_in_pairs_every_card_is_the_rooms_whichever_group_is_selected() {
    use crate::agenda::SegmentKind;
    use crate::session::Lane;
    let (mut state, _) = action_plan_with_a_card();
    let current = state.session.current;
    let segment = &mut Arc::make_mut(&mut state.session).agenda.segments[current];
    segment.kind = SegmentKind::Individual;
    segment.horizons = None;
    segment.title = "Tyst skrivande".into();
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(Lane::Group(1))),
        one_pm(),
    );
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let _ = state.update(
        Action::Editor(EditorAction::Type("Mina tankar".into())),
        one_pm(),
    );
    let _ = state.update(Action::Editor(EditorAction::Close), one_pm());
    let card = state.session.cards.last().expect("the card");
    assert_eq!(
        (card.text.as_str(), card.group),
        ("Mina tankar", Lane::Plenary)
    );
    assert_eq!(state.board.card, Some(card.id), "and it is selected");
    assert_eq!(
        state
            .view(one_pm(), chrono::FixedOffset::east_opt(0).unwrap())
            .selected_lane,
        Lane::Plenary
    );
    // The summary lists the room's cards under the segment, under no group.
    let summary = summary_of(&state);
    let section = &summary[summary.find("## Tyst skrivande").expect("the segment")..];
    let next = section[3..]
        .find("\n## ")
        .map_or(section.len(), |at| at + 3);
    let section = &section[..next];
    assert!(section.contains("- Mina tankar"), "{section}");
    let headings: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with("### "))
        .collect();
    assert_eq!(
        headings,
        ["### Det som skrevs"],
        "no group's name: {section}"
    );
    // Phones write here too, each on a page of its own (see room_tests).
    assert!(crate::room::rules::takes_room_cards(&state.session));
}

/// A day of a survey with a free-text question, then a discussion.
fn survey_then_talk() -> AppState {
    let agenda = crate::agenda::parse_agenda(
        "enkat.ron",
        r#"Agenda(
            title: "Enkät",
            segments: [
                (kind: Poll, title: "Enkät", minutes: 10, statements: [
                    (text: "Vi litar på varandra"),
                    (text: "Vad behöver ni?", kind: Text)]),
                (kind: GroupDiscussion, title: "Samtal", minutes: 20, questions: ["Vad gör vi?"]),
            ],
        )"#
        .as_bytes(),
    )
    .expect("valid");
    let session = Session::new(agenda, vec!["Alla".to_owned()], one_pm());
    AppState::new(session, Language::Sv, Theme::new(true), true, one_pm())
}

fn form(state: &mut AppState, line: &str) {
    let segment = &state.session.agenda.segments[0];
    let respondent = crate::session::parse_line(
        line,
        &segment.statements,
        &segment.scale_or_default(Language::Sv),
        state.session.sectors(),
    )
    .expect("a valid line");
    let add = crate::session::PollAction::AddRespondent {
        segment: SegmentIx(0),
        respondent,
    };
    let _ = state.update(Action::Session(SessionAction::Poll(add)), one_pm());
}

#[test]
fn f_turns_free_text_into_cards_of_the_next_discussion_once_each() {
    let mut state = survey_then_talk();
    form(&mut state, "sk 4 | Mer tid");
    form(&mut state, "so 3");
    form(&mut state, "hs 5 | Ett forum");
    let effects = state.update(Action::Board(BoardAction::TextsToCards), one_pm());
    assert!(saves(&effects));
    let texts = |state: &AppState| -> Vec<(usize, String)> {
        state
            .session
            .cards
            .iter()
            .map(|card| (card.segment.0, card.text.clone()))
            .collect()
    };
    assert_eq!(
        texts(&state),
        [(1, "Mer tid".to_owned()), (1, "Ett forum".to_owned())]
    );
    assert_eq!(
        state.notice,
        Some(Notice::TextsToCards {
            cards: 2,
            into: Some("Samtal".to_owned())
        })
    );
    let again = state.update(Action::Board(BoardAction::TextsToCards), one_pm());
    assert!(!saves(&again), "nothing new, nothing made twice");
    assert_eq!(texts(&state).len(), 2);
    form(&mut state, "sk 2 | Rutiner");
    let _ = state.update(Action::Board(BoardAction::TextsToCards), one_pm());
    assert_eq!(texts(&state).last(), Some(&(1, "Rutiner".to_owned())));
    assert_eq!(texts(&state).len(), 3);
}

#[test]
fn dot_and_colon_count_the_walls_dots_on_the_selected_card_where_the_room_votes() {
    let (mut state, _) = action_plan_with_a_card();
    let key = |state: &mut AppState, code: char| {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let key = KeyEvent::new(KeyCode::Char(code), KeyModifiers::NONE);
        if let Some(action) = crate::app::action_for(state, key) {
            let _ = state.update(action, one_pm());
        }
    };
    key(&mut state, '.');
    assert_eq!(state.notice, Some(Notice::NoDots));
    let current = state.session.current;
    Arc::make_mut(&mut state.session).agenda.segments[current].dots = Some(3);
    for _ in 0..3 {
        key(&mut state, '.');
    }
    key(&mut state, ':');
    let dots: Vec<u32> = state.session.cards.iter().map(|card| card.dots).collect();
    assert_eq!(dots, [2]);
    // `P` lets the room's page give dots, and says how many each.
    key(&mut state, 'P');
    assert_eq!(state.notice, Some(Notice::RoomDots(Some(3))));
}
