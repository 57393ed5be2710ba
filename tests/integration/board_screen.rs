//! The board headless (ratatui's TestBackend): the discussion shelf, the vision
//! and action-plan tables and the editor, at 80×24 and 200×50 with 6 and 12
//! groups, and the rules the board keeps whatever the text.

use crate::common;

use common::board::{SAYINGS, add_card, draw, key, press, select_group, state_at, type_text};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::SegmentKind;
use samla::app::AppState;

/// `per_group` cards for each of the first nine groups, some tagged and some
/// quotes, then group 3 selected with its second card.
fn filled(mut state: AppState, per_group: usize) -> AppState {
    let groups = state.session().groups.len().min(9);
    for group in 1..=groups {
        select_group(&mut state, group);
        for n in 0..per_group {
            add_card(&mut state, SAYINGS[(group + n) % SAYINGS.len()]);
            if (group + n) % 3 == 0 {
                press(&mut state, key(KeyCode::Char('t')));
            }
            if (group + n) % 4 == 0 {
                press(&mut state, key(KeyCode::Char('q')));
            }
            if n % 2 == 1 {
                press(&mut state, key(KeyCode::Char('h')));
            }
        }
    }
    select_group(&mut state, 3);
    press(&mut state, key(KeyCode::Up));
    state
}

fn snapshot(name: &str, state: &AppState) {
    for (width, height) in [(80, 24), (200, 50)] {
        let terminal = draw(state, width, height);
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            terminal.backend().to_string()
        );
        if state
            .view(common::board::one_pm(), common::board::stockholm())
            .editor
            .is_none()
        {
            assert_card_boxes_closed(&terminal);
        }
    }
}

/// Where the editor's cursor is drawn: the one reversed cell on the row of `text`.
fn cursor_cells(terminal: &Terminal<TestBackend>, text: &str) -> Vec<u16> {
    let buffer = terminal.backend().buffer();
    let screen = terminal.backend().to_string();
    let row = screen
        .lines()
        .position(|line| line.contains(text))
        .expect("the typed line") as u16;
    (0..buffer.area.width)
        .filter(|x| {
            buffer[(*x, row)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .collect()
}

#[test]
fn the_cursor_is_drawn_where_the_next_character_goes_after_wide_ones() {
    let mut state = state_at("seminarium-1", 4, SegmentKind::GroupDiscussion);
    press(&mut state, key(KeyCode::Char('a')));
    type_text(&mut state, "Åsa 漢字🙂");
    // The text starts after the border and the padding, at column 3.
    let terminal = draw(&state, 80, 24);
    assert_eq!(cursor_cells(&terminal, "Åsa"), [3 + 4 + 2 + 2 + 2]);
    press(&mut state, key(KeyCode::Left));
    let terminal = draw(&state, 80, 24);
    assert_eq!(
        cursor_cells(&terminal, "Åsa"),
        [3 + 4 + 2 + 2],
        "on the emoji"
    );
    press(&mut state, key(KeyCode::Left));
    press(&mut state, key(KeyCode::Left));
    let terminal = draw(&state, 80, 24);
    assert_eq!(cursor_cells(&terminal, "Åsa"), [3 + 4], "on 漢");
}

#[test]
fn the_shelf_with_6_and_12_groups() {
    for groups in [6, 12] {
        let state = filled(
            state_at("seminarium-1", groups, SegmentKind::GroupDiscussion),
            3,
        );
        snapshot(&format!("shelf_{groups}_groups"), &state);
    }
}

#[test]
fn the_action_plan_table_with_6_and_12_groups() {
    for groups in [6, 12] {
        let state = filled(state_at("seminarium-3", groups, SegmentKind::ActionPlan), 3);
        snapshot(&format!("action_plan_{groups}_groups"), &state);
    }
}

#[test]
fn the_vision_table_under_its_headings() {
    let state = filled(state_at("seminarium-3", 6, SegmentKind::Vision), 3);
    snapshot("vision_6_groups", &state);
    let screen = draw(&state, 200, 50).backend().to_string();
    for heading in ["Styrkor i dag", "Utvecklingsbehov", "Vision om tio år"] {
        assert!(screen.contains(heading), "{heading} missing:\n{screen}");
    }
}

#[test]
fn the_editor_over_the_board_keeps_questions_and_countdown_in_sight() {
    let mut state = filled(state_at("seminarium-1", 6, SegmentKind::GroupDiscussion), 2);
    press(&mut state, key(KeyCode::Char('a')));
    type_text(&mut state, "Första raden: å ä ö 🙂\nAndra raden 漢字");
    snapshot("editor_open", &state);
    let screen = draw(&state, 80, 24).backend().to_string();
    assert!(screen.contains("Nytt kort · Grupp 3"), "{screen}");
    assert!(screen.contains("Vad blev jag nyfiken på?"), "{screen}");
    assert!(screen.contains("/ 30 min"), "the countdown:\n{screen}");
}

#[test]
fn the_selected_group_and_card_stand_out() {
    let state = filled(state_at("seminarium-1", 6, SegmentKind::GroupDiscussion), 2);
    let terminal = draw(&state, 200, 50);
    let buffer = terminal.backend().buffer();
    let thick: Vec<_> = buffer
        .content
        .iter()
        .filter(|cell| cell.symbol() == "┏")
        .collect();
    assert_eq!(thick.len(), 1, "exactly one selected card");
    let status = terminal.backend().to_string();
    assert!(
        status
            .lines()
            .last()
            .is_some_and(|line| line.contains("Grupp 3"))
    );
}

#[test]
fn with_many_groups_the_board_scrolls_to_the_selected_one() {
    let mut state = filled(
        state_at("seminarium-1", 12, SegmentKind::GroupDiscussion),
        1,
    );
    let first = draw(&state, 80, 24).backend().to_string();
    assert!(first.contains("Grupp 1 ("), "{first}");
    assert!(!first.contains("Grupp 9 ("), "{first}");
    select_group(&mut state, 9);
    let later = draw(&state, 80, 24).backend().to_string();
    assert!(later.contains("Grupp 9 ("), "{later}");
    assert!(!later.contains("Grupp 1 ("), "{later}");
    for _ in 0..3 {
        press(&mut state, key(KeyCode::Right));
    }
    let last = draw(&state, 80, 24).backend().to_string();
    assert!(last.contains("Grupp 12 ("), "{last}");
}

#[test]
fn wide_and_combining_text_never_breaks_a_card_border() {
    let mut state = state_at("seminarium-1", 4, SegmentKind::GroupDiscussion);
    for text in [
        "漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字",
        "🙂🎉👍🙂🎉👍🙂🎉👍🙂🎉👍🙂🎉👍🙂🎉👍🙂🎉👍🙂🎉👍",
        "e\u{301}e\u{301}e\u{301} a\u{308}a\u{308} o\u{308} – Åsa, Örjan och Märta",
        "x漢x漢x漢x漢x漢x漢x漢x漢x漢x漢x漢x漢x漢x漢",
    ] {
        add_card(&mut state, text);
    }
    for width in 40..=130 {
        assert_card_boxes_closed(&draw(&state, width, 40));
    }
}

/// Every card box has its right border where its corners say, on every row:
/// no character pushed it out of place.
fn assert_card_boxes_closed(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let symbol = |x: u16, y: u16| buffer[(x, y)].symbol().to_owned();
    for y in 0..area.height {
        for x in 0..area.width {
            let corner = symbol(x, y);
            if corner != "╭" && corner != "┏" {
                continue;
            }
            let right = (x + 1..area.width)
                .find(|right| matches!(symbol(*right, y).as_str(), "╮" | "┓"))
                .expect("a top-right corner");
            let mut row = y + 1;
            while row < area.height && !matches!(symbol(x, row).as_str(), "╰" | "┗") {
                let (left_edge, right_edge) = (symbol(x, row), symbol(right, row));
                assert!(
                    matches!(left_edge.as_str(), "│" | "┃")
                        && matches!(right_edge.as_str(), "│" | "┃"),
                    "box at {x},{y} broken on row {row}: {left_edge:?} … {right_edge:?}\n{}",
                    terminal.backend()
                );
                row += 1;
            }
        }
    }
}

#[test]
fn the_instruction_stays_in_sight_beside_cards_and_questions() {
    let mut state = common::board::state_at("seminarium-1", 4, SegmentKind::GroupDiscussion);
    common::board::select_group(&mut state, 1);
    common::board::add_card(&mut state, "Ett kort");
    let instruction = state
        .session()
        .current_segment()
        .instruction
        .clone()
        .expect("the discussion has an instruction");
    let start: String = instruction.chars().take(30).collect();
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = common::board::draw(&state, width, height)
            .backend()
            .to_string();
        assert!(screen.contains("Ett kort"), "{screen}");
        assert!(screen.contains(&start), "{width}×{height}:\n{screen}");
    }
}

#[test]
fn typing_redraws_only_the_editor_over_the_screen_as_it_was_and_anything_else_redraws_all() {
    let mut state = filled(state_at("seminarium-3", 12, SegmentKind::Plenary), 4);
    press(&mut state, key(KeyCode::Char(' ')));
    press(&mut state, key(KeyCode::Char('a')));
    type_text(&mut state, "Närvaro är");
    let started = common::board::one_pm();
    let at = |seconds: i64| started + chrono::Duration::seconds(seconds);
    let frame = |state: &samla::app::AppState, seconds: i64, width: u16| {
        let mut terminal = Terminal::new(TestBackend::new(width, 50)).expect("a test terminal");
        let view = state.view(at(seconds), common::board::stockholm());
        terminal
            .draw(|frame| samla::ui::render(frame, &view))
            .expect("drawn");
        terminal.backend().to_string()
    };
    let _ = frame(&state, 61, 200);
    type_text(&mut state, " allas ansvar");
    // Drawn on the screen kept from the frame before, the countdown anew a
    // few seconds on.
    let kept = frame(&state, 64, 200);
    // The same frame drawn whole: another size first empties what was kept.
    let _ = frame(&state, 64, 201);
    let whole = frame(&state, 64, 200);
    assert_eq!(kept, whole);
    assert!(kept.contains("Närvaro är allas ansvar"), "{kept}");
    // Within the same second the countdown kept is the one shown.
    type_text(&mut state, "!");
    let kept = frame(&state, 64, 200);
    let _ = frame(&state, 64, 201);
    assert_eq!(kept, frame(&state, 64, 200));
    // A change beside the editor shows at once.
    let _ = state.update(
        samla::app::Action::SaveFailed(std::io::ErrorKind::StorageFull, 0),
        common::board::one_pm(),
    );
    let warned = draw(&state, 200, 50).backend().to_string();
    assert!(warned.contains("KAN INTE SPARA"), "{warned}");
}
