//! The card keys on the run screen, pressed as real key events through the same
//! key map and state the app uses: add, edit, select, tag, quote, horizon,
//! delete, private notes, paste and undo, and that the editor swallows commands.

use crate::common;
use samla::session::Lane;

use common::board::{
    add_card, ctrl, key, notice, press, press_for_effects, select_group, state_at, type_text,
};
use crossterm::event::KeyCode;
use samla::agenda::SegmentKind;
use samla::app::{Action, AppState, Effect, Effects, Mode};
use samla::session::{Card, TimerState};

fn discussion() -> AppState {
    state_at("seminarium-1", 4, SegmentKind::GroupDiscussion)
}

fn cards_of(state: &AppState, group: Option<usize>) -> Vec<String> {
    state
        .session()
        .cards_in(state.session().current, group.into())
        .iter()
        .map(|card| card.text.clone())
        .collect()
}

fn selected(state: &AppState) -> &Card {
    let id = state.selected_card().expect("a selected card");
    state.session().card(id).expect("the card exists")
}

fn char_key(c: char) -> crossterm::event::KeyEvent {
    key(KeyCode::Char(c))
}

#[test]
fn a_types_a_multi_line_card_for_the_selected_group_and_esc_saves_it() {
    let mut state = discussion();
    select_group(&mut state, 3);
    add_card(&mut state, "Rad ett: å ä ö 🙂\nRad två");
    assert!(matches!(state.mode(), Mode::Normal));
    assert_eq!(cards_of(&state, Some(2)), ["Rad ett: å ä ö 🙂\nRad två"]);
    let card = selected(&state);
    assert_eq!(card.group, Lane::Group(2));
    assert_eq!(card.segment, state.session().current);
}

#[test]
fn zero_writes_for_the_whole_room() {
    let mut state = discussion();
    select_group(&mut state, 2);
    press(&mut state, char_key('0'));
    add_card(&mut state, "Hela rummet");
    assert_eq!(cards_of(&state, None), ["Hela rummet"]);
}

#[test]
fn an_empty_card_is_dropped_and_says_so() {
    let mut state = discussion();
    add_card(&mut state, "  \n ");
    assert!(state.session().cards.is_empty());
    assert_eq!(notice(&state).as_deref(), Some("Tomt kort – inget sparat"));
}

#[test]
fn keys_typed_into_the_editor_never_trigger_commands() {
    let mut state = discussion();
    let segment = state.session().current;
    press(&mut state, char_key('a'));
    let typed = " np+-r?0123456789atqhdfx";
    type_text(&mut state, typed);
    assert_eq!(state.session().current, segment, "n and p did not move");
    assert_eq!(
        state.session().current_timing().state(),
        TimerState::Running
    );
    assert_eq!(
        state.session().planned_minutes(segment),
        30,
        "+ and - did not change it"
    );
    assert_eq!(
        state.selected_lane(),
        Lane::Plenary,
        "digits did not select a group"
    );
    assert!(matches!(state.mode(), Mode::Editor(_)));
    press(&mut state, ctrl('c'));
    assert!(matches!(state.mode(), Mode::Editor(_)), "Ctrl+C only hints");
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(cards_of(&state, None), [typed]);
}

#[test]
fn enter_edits_the_selected_card_and_arrows_select() {
    let mut state = discussion();
    select_group(&mut state, 1);
    for text in ["ett", "två", "tre"] {
        add_card(&mut state, text);
    }
    assert_eq!(selected(&state).text, "tre", "the new card is selected");
    press(&mut state, key(KeyCode::Up));
    press(&mut state, key(KeyCode::Up));
    press(&mut state, key(KeyCode::Up));
    assert_eq!(selected(&state).text, "ett", "stops at the top");
    press(&mut state, key(KeyCode::Down));
    assert_eq!(selected(&state).text, "två");
    press(&mut state, key(KeyCode::Enter));
    type_text(&mut state, " (rättad)");
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(cards_of(&state, Some(0)), ["ett", "två (rättad)", "tre"]);
    assert!(selected(&state).edited.is_some());
}

#[test]
fn changing_group_selects_that_groups_latest_card() {
    let mut state = discussion();
    select_group(&mut state, 1);
    add_card(&mut state, "g1");
    select_group(&mut state, 2);
    add_card(&mut state, "g2 a");
    add_card(&mut state, "g2 b");
    select_group(&mut state, 1);
    assert_eq!(selected(&state).text, "g1");
    press(&mut state, key(KeyCode::Right));
    assert_eq!(selected(&state).text, "g2 b");
    select_group(&mut state, 3);
    assert_eq!(state.selected_card(), None);
    press(&mut state, char_key('t'));
    assert_eq!(
        notice(&state).as_deref(),
        Some("Inget kort valt – a lägger till ett")
    );
}

#[test]
fn t_tags_q_quotes_and_d_deletes_only_after_yes() {
    let mut state = discussion();
    select_group(&mut state, 1);
    add_card(&mut state, "behåll");
    add_card(&mut state, "ta bort");
    press(&mut state, char_key('t'));
    press(&mut state, char_key('t'));
    press(&mut state, char_key('q'));
    assert_eq!(selected(&state).tag.as_deref(), Some("Organisation"));
    assert!(selected(&state).quote);
    press(&mut state, char_key('d'));
    assert!(matches!(state.mode(), Mode::ConfirmDelete(_)));
    press(&mut state, char_key('n'));
    assert_eq!(cards_of(&state, Some(0)), ["behåll", "ta bort"]);
    press(&mut state, char_key('d'));
    press(&mut state, char_key('y'));
    assert_eq!(cards_of(&state, Some(0)), ["behåll"]);
    assert_eq!(selected(&state).text, "behåll", "the neighbour is selected");
}

#[test]
fn t_in_a_segment_without_tags_says_so_and_tags_nothing() {
    let state = discussion();
    let current = state.session().current.0;
    let mut state = state.with_agenda(|agenda| agenda.segments[current].tags = Some(Vec::new()));
    select_group(&mut state, 1);
    add_card(&mut state, "otaggat");
    press(&mut state, char_key('t'));
    assert_eq!(selected(&state).tag, None);
    assert_eq!(notice(&state).as_deref(), Some("passet har inga taggar"));
}

#[test]
fn h_moves_a_card_across_the_action_plans_horizons() {
    let mut state = state_at("seminarium-3", 6, SegmentKind::ActionPlan);
    select_group(&mut state, 2);
    add_card(&mut state, "Gemensam rutin för frånvaro");
    let horizon = |state: &AppState| selected(state).horizon.clone();
    assert_eq!(horizon(&state).as_deref(), Some("Vad bör vi göra direkt?"));
    press(&mut state, char_key('h'));
    assert_eq!(
        horizon(&state).as_deref(),
        Some("Vad kan vi göra inom ett år?")
    );
    press(&mut state, char_key('h'));
    assert_eq!(
        horizon(&state).as_deref(),
        Some("Vad kan vi göra på längre sikt?")
    );
}

#[test]
fn h_outside_the_exercises_explains_itself() {
    let mut state = discussion();
    add_card(&mut state, "x");
    press(&mut state, char_key('h'));
    assert_eq!(
        notice(&state).as_deref(),
        Some("h flyttar kort mellan kolumner, där passet har sådana")
    );
    assert_eq!(selected(&state).horizon, None);
}

#[test]
fn f_writes_a_private_note_for_the_segment() {
    let mut state = discussion();
    press(&mut state, char_key('f'));
    type_text(&mut state, "Fråga om statistiken");
    press(&mut state, key(KeyCode::Esc));
    let current = state.session().current;
    assert_eq!(
        state.session().private_note(current),
        Some("Fråga om statistiken")
    );
    assert!(state.session().cards.is_empty(), "a note is not a card");
    press(&mut state, char_key('f'));
    type_text(&mut state, "!");
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(
        state.session().private_note(current),
        Some("Fråga om statistiken!")
    );
}

#[test]
fn ctrl_z_undoes_and_ctrl_y_redoes_in_the_editor() {
    let mut state = discussion();
    press(&mut state, char_key('a'));
    type_text(&mut state, "abc");
    press(&mut state, ctrl('z'));
    press(&mut state, ctrl('z'));
    press(&mut state, ctrl('y'));
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(cards_of(&state, None), ["ab"]);
}

#[test]
fn a_100_kb_paste_lands_whole_and_undoes_in_one_step() {
    let mut state = discussion();
    let line = "Närvaro är allas ansvar – skola, socialtjänst och vård. 🙂\r\n";
    let text: String = line.repeat(100 * 1024 / line.len() + 1);
    assert!(text.len() >= 100 * 1024);
    press(&mut state, char_key('a'));
    type_text(&mut state, "Före: ");
    let _ = state.update(Action::Paste(text.clone()), common::board::one_pm());
    press(&mut state, ctrl('z'));
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(cards_of(&state, None), ["Före: "]);

    press(&mut state, char_key('a'));
    let _ = state.update(Action::Paste(text.clone()), common::board::one_pm());
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(selected(&state).text, text.replace("\r\n", "\n"));
}

#[test]
fn a_paste_on_the_run_screen_opens_a_new_card_with_it() {
    let mut state = discussion();
    select_group(&mut state, 4);
    let _ = state.update(
        Action::Paste("Inklistrat".to_owned()),
        common::board::one_pm(),
    );
    assert!(
        matches!(state.mode(), Mode::Editor(_)),
        "not saved before Esc"
    );
    assert!(state.session().cards.is_empty());
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(cards_of(&state, Some(3)), ["Inklistrat"]);
}

#[test]
fn quitting_with_the_editor_open_keeps_the_text_as_a_draft_not_a_card() {
    let mut state = discussion();
    press(&mut state, char_key('a'));
    type_text(&mut state, "Sista ordet");
    let effects = press_for_effects(&mut state, ctrl('q'));
    assert!(effects.contains(&Effect::Quit) && effects.contains(&Effect::Save));
    assert!(
        cards_of(&state, None).is_empty(),
        "half-typed text is no card"
    );
    assert_eq!(state.draft().expect("a draft").text, "Sista ordet");
}

#[test]
fn control_characters_in_a_paste_are_dropped_and_tabs_become_spaces() {
    let mut state = discussion();
    let _ = state.update(
        Action::Paste("a\u{1b}[2Jb\tc\u{7}\r\nrad två".to_owned()),
        common::board::one_pm(),
    );
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(cards_of(&state, None), ["a[2Jb    c\nrad två"]);
}

#[test]
fn x_asks_the_event_loop_for_the_summary_once() {
    let mut state = discussion();
    let exports = |effects: &Effects| {
        effects
            .iter()
            .filter(|effect| matches!(effect, Effect::Export(_)))
            .count()
    };
    assert_eq!(exports(&press_for_effects(&mut state, char_key('x'))), 1);
    press(&mut state, char_key('a'));
    let in_editor = press_for_effects(&mut state, char_key('x'));
    assert_eq!(exports(&in_editor), 0, "in the editor x is a letter");
}

#[test]
fn a_question_takes_j_or_y_in_swedish_n_says_no_and_any_other_key_cancels_aloud() {
    let mut state = discussion();
    select_group(&mut state, 1);
    add_card(&mut state, "ett");
    add_card(&mut state, "två");
    press(&mut state, char_key('d'));
    press(&mut state, char_key('n'));
    assert!(matches!(state.mode(), Mode::Normal));
    assert_eq!(notice(&state), None, "n is a plain no");
    press(&mut state, char_key('d'));
    press(&mut state, char_key('x'));
    assert_eq!(cards_of(&state, Some(0)), ["ett", "två"]);
    assert_eq!(notice(&state).as_deref(), Some("avbrutet"));
    press(&mut state, char_key('d'));
    press(&mut state, char_key('j'));
    assert_eq!(cards_of(&state, Some(0)), ["ett"]);
    press(&mut state, char_key('d'));
    press(&mut state, char_key('y'));
    assert!(cards_of(&state, Some(0)).is_empty());
}

#[test]
fn in_english_j_is_no_yes() {
    let mut state = state_at("workshop-en", 2, SegmentKind::GroupDiscussion);
    select_group(&mut state, 1);
    add_card(&mut state, "keep");
    press(&mut state, char_key('d'));
    press(&mut state, char_key('j'));
    assert_eq!(cards_of(&state, Some(0)), ["keep"]);
    assert_eq!(notice(&state).as_deref(), Some("cancelled"));
}
