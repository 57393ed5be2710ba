//! Poll keys on the run screen through the real key map: hands counted per
//! statement with undo, lines checked on Enter and taken back with Ctrl+Z;
//! the picture of the live results; the surveys side by side in a series.

use crate::common;

use chrono::FixedOffset;
use common::board::{ctrl, draw, key, notice, press, state_at, type_text};
use crossterm::event::KeyCode;
use samla::agenda::SegmentKind;
use samla::app::{AppState, Mode};
use samla::export::{SeriesSummary, series_markdown};

fn poll() -> AppState {
    state_at("seminarium-1", 4, SegmentKind::Poll)
}

#[test]
fn v_counts_hands_per_statement_and_u_takes_one_back() {
    let mut state = poll();
    press(&mut state, key(KeyCode::Char('v')));
    assert!(matches!(state.mode, Mode::Tally { statement: 0, .. }));
    type_text(&mut state, "4455x");
    press(&mut state, key(KeyCode::Down));
    type_text(&mut state, "39");
    press(&mut state, key(KeyCode::Char('u')));
    let results = state.session.statement_results(0);
    assert_eq!(results[0].counts, [0, 0, 0, 2, 2]);
    assert_eq!(results[0].dont_know, 1);
    assert_eq!(
        results[1].counts,
        [0, 0, 0, 0, 0],
        "9 is off the scale; 3 was taken back"
    );
    press(&mut state, key(KeyCode::Esc));
    assert!(matches!(state.mode, Mode::Normal));
}

#[test]
fn i_checks_each_line_on_enter_and_ctrl_z_on_an_empty_line_takes_one_back() {
    let mut state = poll();
    press(&mut state, key(KeyCode::Char('i')));
    type_text(&mut state, "sk455445\nso3344x4\n");
    type_text(&mut state, "sk45\n");
    assert_eq!(
        notice(&state).as_deref(),
        Some("2 svar (det ska vara 6, ett per påstående)")
    );
    let draft = state.draft().expect("the wrong line is kept");
    assert_eq!(draft.text, "sk45");
    assert_eq!(state.session.poll(0).expect("answers").respondents.len(), 2);
    for _ in 0..4 {
        press(&mut state, key(KeyCode::Backspace));
    }
    press(&mut state, ctrl('z'));
    assert_eq!(state.session.poll(0).expect("answers").respondents.len(), 1);
    let screen = draw(&state, 160, 45).backend().to_string();
    insta::assert_snapshot!("poll_results_160x45", screen);
    assert!(screen.contains("Enkätsvar, rad 2"), "{screen}");
    assert!(screen.contains("n 1 · medel 4,0 · vet ej 0"), "{screen}");
}

#[test]
fn i_and_v_outside_a_poll_say_what_they_are_for() {
    let mut state = state_at("seminarium-1", 4, SegmentKind::GroupDiscussion);
    press(&mut state, key(KeyCode::Char('i')));
    assert_eq!(notice(&state).as_deref(), Some("i och v gäller enkätpass"));
    assert!(matches!(state.mode, Mode::Normal));
}

#[test]
fn a_series_shows_the_surveys_before_and_after_side_by_side() {
    let mut before = poll();
    press(&mut before, key(KeyCode::Char('i')));
    type_text(&mut before, "sk444444\nsk333333\nso555555\n");
    let mut after = state_at("seminarium-3", 4, SegmentKind::Poll);
    press(&mut after, key(KeyCode::Char('i')));
    type_text(&mut after, "sk555555\nsk444444\nso555555\n");
    let sessions = [&before.session, &after.session];
    let groups = before.session.groups.clone();
    let text = series_markdown(&SeriesSummary {
        name: "Serien",
        groups: &groups,
        sessions: &sessions,
        as_of: common::board::one_pm(),
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        names: false,
    });
    let section = &text[text
        .find("## Enkäterna före och efter")
        .expect("the section")..];
    assert!(
        section.contains(
            "### Ökad kunskap\n\n| | skola, i högre grad | socialtjänst, i högre grad | Totalt, i högre grad | n |"
        ),
        "{section}"
    );
    assert!(
        section.contains("| 1\\. Förmätning | 50,0 % | 100,0 % | 66,7 % | 3 |"),
        "{section}"
    );
    assert!(
        section.contains("| 2\\. Eftermätning | 100,0 % | 100,0 % | 100,0 % | 3 |"),
        "{section}"
    );
}
