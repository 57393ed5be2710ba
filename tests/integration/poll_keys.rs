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
    assert!(matches!(state.mode(), Mode::Tally { statement: 0, .. }));
    type_text(&mut state, "4455x");
    press(&mut state, key(KeyCode::Down));
    type_text(&mut state, "39");
    press(&mut state, key(KeyCode::Char('u')));
    let results = state
        .session()
        .statement_results(samla::session::SegmentIx(0));
    assert_eq!(results[0].counts, [0, 0, 0, 2, 2]);
    assert_eq!(results[0].dont_know, 1);
    assert_eq!(
        results[1].counts,
        [0, 0, 0, 0, 0],
        "9 is off the scale; 3 was taken back"
    );
    press(&mut state, key(KeyCode::Esc));
    assert!(matches!(state.mode(), Mode::Normal));
}

/// How many forms the survey holds.
fn respondents(state: &AppState) -> usize {
    state
        .session()
        .poll(samla::session::SegmentIx(0))
        .map_or(0, |answers| answers.respondents.len())
}

#[test]
fn i_checks_each_line_on_enter_and_ctrl_z_on_an_empty_line_takes_one_back() {
    let mut state = poll();
    press(&mut state, key(KeyCode::Char('i')));
    type_text(&mut state, "sk455445\nso3344x4\nsk455445\n");
    assert_eq!(respondents(&state), 3);
    press(&mut state, ctrl('z'));
    assert_eq!(respondents(&state), 2);
    assert_eq!(notice(&state).as_deref(), Some("Förra raden ångrad"));
    let screen = draw(&state, 160, 45).backend().to_string();
    insta::assert_snapshot!("poll_results_160x45", screen);
    assert!(screen.contains("Enkätsvar, rad 3"), "{screen}");
    assert!(
        screen.contains("n 2 · medelvärde 3,5 · vet ej 0"),
        "{screen}"
    );
}

#[test]
fn a_rejected_line_is_set_aside_to_fix_and_the_next_form_starts_on_a_clean_line() {
    let mut state = poll();
    press(&mut state, key(KeyCode::Char('i')));
    // A form short of answers, then the next typed at speed.
    type_text(&mut state, "sk44444\nsk334455\n");
    assert_eq!(
        notice(&state).as_deref(),
        None,
        "the second line went in: the message of the first gave way"
    );
    let answers = state
        .session()
        .poll(samla::session::SegmentIx(0))
        .expect("answers");
    assert_eq!(
        answers.respondents.len(),
        1,
        "the second form counted alone"
    );
    assert_eq!(answers.to_fix, ["sk44444"]);
    assert_eq!(state.draft().map(|draft| draft.text), Some(String::new()));
    let screen = draw(&state, 160, 45).backend().to_string();
    assert!(
        screen.contains("1 svar · i / v · 1 att rätta (↑ i raden)"),
        "{screen}"
    );
    // ↑ brings it back; fixed, it is entered and off the list.
    press(&mut state, key(KeyCode::Up));
    assert_eq!(
        state.draft().map(|draft| draft.text).as_deref(),
        Some("sk44444")
    );
    assert!(
        state
            .session()
            .poll(samla::session::SegmentIx(0))
            .expect("answers")
            .to_fix
            .is_empty()
    );
    type_text(&mut state, "4\n");
    let answers = state
        .session()
        .poll(samla::session::SegmentIx(0))
        .expect("answers");
    assert_eq!(answers.respondents.len(), 2);
    assert!(answers.to_fix.is_empty());
}

#[test]
fn a_rejected_line_says_why_in_the_screens_language() {
    let mut state = poll();
    press(&mut state, key(KeyCode::Char('i')));
    type_text(&mut state, "sk45\n");
    assert_eq!(
        notice(&state).as_deref(),
        Some("2 svar (det ska vara 6, ett per påstående) · raden väntar på att rättas (↑)")
    );
    let mut state = poll();
    state.speak(samla::agenda::Language::En);
    press(&mut state, key(KeyCode::Char('i')));
    type_text(&mut state, "zz45\n");
    assert_eq!(
        notice(&state).as_deref(),
        Some(
            "unknown sector \"zz\" (expected sk, so, hs, an, or - if not given) · the line waits to be fixed (↑)"
        )
    );
}

#[test]
fn a_line_left_in_the_editor_is_kept_to_fix() {
    let mut state = poll();
    press(&mut state, key(KeyCode::Char('i')));
    type_text(&mut state, "sk4554");
    press(&mut state, key(KeyCode::Esc));
    assert!(matches!(state.mode(), Mode::Normal));
    assert_eq!(
        state
            .session()
            .poll(samla::session::SegmentIx(0))
            .expect("answers")
            .to_fix,
        ["sk4554"]
    );
    press(&mut state, key(KeyCode::Char('i')));
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(
        state
            .session()
            .poll(samla::session::SegmentIx(0))
            .expect("answers")
            .to_fix,
        ["sk4554"],
        "an empty line sets nothing aside"
    );
}

#[test]
fn hands_are_counted_for_ten_on_a_scale_to_ten() {
    let mut state = poll().with_agenda(|agenda| {
        let scale = agenda.segments[0].scale.as_mut().expect("a scale");
        (scale.min, scale.max) = (0, 10);
    });
    press(&mut state, key(KeyCode::Char('v')));
    let screen = draw(&state, 160, 45).backend().to_string();
    assert!(screen.contains("0–9, t för 10 en hand"), "{screen}");
    type_text(&mut state, "t0t9");
    let results = state
        .session()
        .statement_results(samla::session::SegmentIx(0));
    assert_eq!(results[0].counts[10], 2);
    assert_eq!(results[0].counts[0], 1);
    assert_eq!(results[0].counts[9], 1);
}

#[test]
fn i_and_v_outside_a_poll_say_what_they_are_for() {
    let mut state = state_at("seminarium-1", 4, SegmentKind::GroupDiscussion);
    press(&mut state, key(KeyCode::Char('i')));
    assert_eq!(notice(&state).as_deref(), Some("i och v gäller enkätpass"));
    assert!(matches!(state.mode(), Mode::Normal));
}

#[test]
fn a_series_shows_the_surveys_before_and_after_side_by_side() {
    let mut before = poll();
    press(&mut before, key(KeyCode::Char('i')));
    type_text(&mut before, "sk444444\nsk333333\nso555555\n");
    let mut after = state_at("seminarium-3", 4, SegmentKind::Poll);
    press(&mut after, key(KeyCode::Char('i')));
    type_text(&mut after, "sk555555\nsk444444\nso555555\n");
    let groups = before.session().groups.clone();
    let text_of = |before: &samla::session::Session, after: &samla::session::Session| {
        let sessions = [before, after];
        series_markdown(&SeriesSummary {
            name: "Serien",
            groups: &groups,
            sessions: &sessions,
            as_of: common::board::one_pm(),
            offset: FixedOffset::east_opt(3600).expect("an offset"),
            names: false,
        })
    };
    // Sectors of one or two respondents are too few to show to participants.
    let text = text_of(before.session(), after.session());
    assert!(
        text.contains("| 1\\. Förmätning | < 3 | < 3 | 66,7 % | 3 |"),
        "{text}"
    );
    let before = before.with_agenda(|agenda| agenda.min_cell = 1);
    let after = after.with_agenda(|agenda| agenda.min_cell = 1);
    let text = text_of(before.session(), after.session());
    let section = &text[text
        .find("## Enkäterna före och efter")
        .expect("the section")..];
    assert!(
        section.contains(
            "### Ökad kunskap\n\n| | Skola, i högre grad | Socialtjänst, i högre grad | Totalt, i högre grad | n |"
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
