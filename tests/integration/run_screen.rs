//! The run screen rendered headless (ratatui's TestBackend), driven by the same
//! actions the keys produce, at fixed times: snapshots of every main state in
//! both languages at 80×24 and 160×48, and the rules colours must follow.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use samla::agenda::{Language, load_bundled};
use samla::app::{Action, AppState, BoardAction, Effect};
use samla::session::{Lane, Session, SessionAction};
use samla::ui::theme::{AMBER, GREEN, RED};
use samla::ui::{self, Theme};

/// 13:00 in Stockholm, when the bundled seminars begin.
fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

fn stockholm() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("a valid offset")
}

fn state_for(language: Language, no_color: bool) -> AppState {
    state_with_bell(language, no_color, true)
}

fn state_with_bell(language: Language, no_color: bool, bell: bool) -> AppState {
    let id = match language {
        Language::Sv => "seminarium-1",
        Language::En => "workshop-en",
    };
    let mut agenda = load_bundled(id).expect("bundled").expect("valid");
    // The timer's states are shown on the timed segments; the opening survey
    // has tests of its own.
    agenda
        .segments
        .retain(|segment| segment.kind != samla::agenda::SegmentKind::Poll);
    let word = if language == Language::Sv {
        "Grupp"
    } else {
        "Group"
    };
    let groups = (1..=4).map(|n| format!("{word} {n}")).collect();
    let session = Session::new(agenda, groups, one_pm());
    AppState::new(session, language, Theme::new(no_color), bell, one_pm())
}

fn session(action: SessionAction) -> Action {
    Action::Session(action)
}

/// A state of the screen, reached by actions at given minutes after 13:00, and
/// the minute at which it is drawn.
struct Scene {
    name: &'static str,
    steps: Vec<(i64, Action)>,
    shown_at: Duration,
}

fn scenes() -> Vec<Scene> {
    // Into the first group discussion, with group 3 selected, and then `extra`.
    let with = |extra: Vec<(i64, Action)>| -> Vec<(i64, Action)> {
        let mut steps = vec![
            (0, session(SessionAction::ToggleTimer)),
            (10, session(SessionAction::Next)),
            (11, Action::Board(BoardAction::SelectGroup(Lane::Group(2)))),
        ];
        steps.extend(extra);
        steps
    };
    vec![
        Scene {
            name: "not_started",
            steps: vec![],
            shown_at: Duration::minutes(2),
        },
        // Opened at 10:35 for a 13:00 agenda: the day has not begun.
        Scene {
            name: "opened_early",
            steps: vec![],
            shown_at: Duration::minutes(-145),
        },
        // Begun then: the plan follows, and says so once.
        Scene {
            name: "begun_early",
            steps: vec![(-145, session(SessionAction::ToggleTimer))],
            shown_at: Duration::minutes(-140),
        },
        // A message where the status line is full takes the line whole.
        Scene {
            name: "message",
            steps: with(vec![(12, Action::ProposeRebalance)]),
            shown_at: Duration::minutes(12),
        },
        Scene {
            name: "running",
            steps: with(vec![]),
            shown_at: Duration::seconds(12 * 60 + 17),
        },
        Scene {
            name: "warning",
            steps: with(vec![]),
            shown_at: Duration::seconds(38 * 60 + 30),
        },
        Scene {
            name: "overrun",
            steps: with(vec![]),
            shown_at: Duration::seconds(41 * 60 + 23),
        },
        Scene {
            name: "paused",
            steps: with(vec![(20, session(SessionAction::ToggleTimer))]),
            shown_at: Duration::minutes(25),
        },
        Scene {
            name: "break",
            steps: with(vec![
                (40, session(SessionAction::Next)),
                (65, session(SessionAction::Next)),
                (66, session(SessionAction::AddMinute)),
            ]),
            shown_at: Duration::minutes(70),
        },
        Scene {
            name: "help",
            steps: with(vec![(12, Action::ToggleHelp)]),
            shown_at: Duration::minutes(12),
        },
        Scene {
            name: "rebalance",
            steps: with(vec![(52, Action::ProposeRebalance)]),
            shown_at: Duration::minutes(52),
        },
        Scene {
            name: "over",
            steps: (0..=8)
                .map(|i| {
                    (
                        i * 22,
                        session(if i == 0 {
                            SessionAction::ToggleTimer
                        } else {
                            SessionAction::Next
                        }),
                    )
                })
                .collect(),
            shown_at: Duration::minutes(180),
        },
    ]
}

fn scene(name: &str) -> Scene {
    scenes()
        .into_iter()
        .find(|scene| scene.name == name)
        .expect("a scene of that name")
}

fn play(scene: &Scene, language: Language, no_color: bool) -> AppState {
    let mut state = state_for(language, no_color);
    for (minute, action) in &scene.steps {
        let _ = state.update(action.clone(), one_pm() + Duration::minutes(*minute));
    }
    state
}

fn draw(state: &AppState, at: DateTime<Utc>, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, &state.view(at, stockholm())))
        .unwrap();
    terminal
}

#[test]
fn snapshots_of_every_state_in_both_languages_and_two_sizes() {
    for language in [Language::Sv, Language::En] {
        for scene in scenes() {
            let state = play(&scene, language, false);
            for (width, height) in [(80, 24), (160, 48)] {
                let terminal = draw(&state, one_pm() + scene.shown_at, width, height);
                let name = format!("{}_{:?}_{width}x{height}", scene.name, language).to_lowercase();
                insta::assert_snapshot!(name, terminal.backend().to_string());
            }
        }
    }
}

#[test]
fn below_the_minimum_size_it_says_so() {
    let state = play(&scene("warning"), Language::Sv, false);
    let small = draw(&state, one_pm() + Duration::minutes(39), 39, 12)
        .backend()
        .to_string();
    assert!(small.contains("Terminalen är för liten"), "{small}");
    let small = draw(&state, one_pm() + Duration::minutes(39), 40, 11)
        .backend()
        .to_string();
    assert!(small.contains("Terminalen är för liten"), "{small}");
    let fits = draw(&state, one_pm() + Duration::minutes(39), 40, 12)
        .backend()
        .to_string();
    assert!(!fits.contains("för liten"), "{fits}");
}

/// Every scene drawn at each of `sizes` (width, height), none panicking.
fn every_scene_draws_at(sizes: &[(u16, u16)]) {
    for scene in scenes() {
        let state = play(&scene, Language::En, false);
        for (width, height) in sizes {
            draw(&state, one_pm() + scene.shown_at, *width, *height);
        }
    }
}

/// Every layout threshold and one either side, against each other, for
/// the widths from `widths`: two tests, which run side by side.
fn thresholds(widths: &[u16]) -> Vec<(u16, u16)> {
    let heights = [1, 2, 5, 11, 12, 13, 14, 15, 21, 22, 23, 24, 30, 48];
    widths
        .iter()
        .flat_map(|width| heights.iter().map(move |height| (*width, *height)))
        .collect()
}

#[test]
fn every_scene_draws_at_every_narrow_layout_threshold() {
    every_scene_draws_at(&thresholds(&[1, 2, 5, 13, 39, 40, 41]));
}

#[test]
fn every_scene_draws_at_every_wide_layout_threshold() {
    every_scene_draws_at(&thresholds(&[60, 79, 80, 99, 100, 101, 130]));
}

#[test]
fn every_scene_draws_at_the_extremes() {
    // The largest, whose cells cost the most, at the corners only.
    every_scene_draws_at(&[(300, 1), (300, 24), (300, 80), (1, 80), (80, 80), (130, 80)]);
}

/// The foreground colours used by the cells showing the countdown's big digits.
fn digit_colours(terminal: &Terminal<TestBackend>) -> Vec<Color> {
    let buffer = terminal.backend().buffer();
    let mut colours: Vec<Color> = buffer
        .content
        .iter()
        .filter(|cell| cell.symbol() == "█")
        .map(|cell| cell.fg)
        .collect();
    colours.dedup();
    colours
}

#[test]
fn the_countdown_turns_amber_in_the_warning_time_and_red_past_zero() {
    let at = |name: &str, seconds: i64| {
        let state = play(&scene(name), Language::Sv, false);
        digit_colours(&draw(
            &state,
            one_pm() + Duration::seconds(seconds),
            160,
            48,
        ))
    };
    assert_eq!(at("running", 12 * 60), [GREEN]);
    assert_eq!(
        at("warning", 38 * 60 - 1),
        [GREEN],
        "more than two minutes left"
    );
    assert_eq!(at("warning", 38 * 60), [AMBER], "two minutes left");
    assert_eq!(at("warning", 40 * 60 - 1), [AMBER]);
    assert_eq!(at("warning", 40 * 60), [RED], "zero");
    assert_eq!(at("overrun", 41 * 60 + 23), [RED]);
}

#[test]
fn the_warning_time_follows_the_agenda() {
    let mut state = state_for(Language::Sv, false)
        .with_agenda(|agenda| agenda.segments[0].warning_minutes = Some(5));
    let _ = state.update(session(SessionAction::ToggleTimer), one_pm());
    let colours = digit_colours(&draw(&state, one_pm() + Duration::minutes(5), 80, 24));
    assert_eq!(colours, [AMBER]);
}

#[test]
fn no_color_draws_every_state_without_a_single_colour() {
    for scene in scenes() {
        let state = play(&scene, Language::Sv, true);
        let terminal = draw(&state, one_pm() + scene.shown_at, 160, 48);
        let coloured = terminal
            .backend()
            .buffer()
            .content
            .iter()
            .filter(|cell| cell.fg != Color::Reset || cell.bg != Color::Reset)
            .count();
        assert_eq!(coloured, 0, "{}", scene.name);
    }
}

#[test]
fn overrun_is_still_told_apart_without_colour() {
    let state = play(&scene("overrun"), Language::Sv, true);
    let terminal = draw(&state, one_pm() + Duration::minutes(41), 80, 24);
    let reversed = terminal
        .backend()
        .buffer()
        .content
        .iter()
        .filter(|cell| cell.symbol() == "█")
        .all(|cell| cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(reversed, "overrun digits are drawn reversed");
}

/// Whether time passing to `now` rings the bell.
fn rings(state: &mut AppState, now: DateTime<Utc>) -> bool {
    state.update(Action::Tick, now).contains(&Effect::Bell)
}

#[test]
fn the_bell_rings_once_at_zero_and_not_again_after_a_restart() {
    let mut state = state_for(Language::Sv, false);
    let _ = state.update(session(SessionAction::ToggleTimer), one_pm());
    assert!(!rings(
        &mut state,
        one_pm() + Duration::seconds(9 * 60 + 59)
    ));
    assert!(rings(&mut state, one_pm() + Duration::minutes(10)));
    assert!(!rings(
        &mut state,
        one_pm() + Duration::seconds(10 * 60 + 1)
    ));
    let restarted = AppState::new(
        state.session().clone(),
        Language::Sv,
        Theme::new(false),
        true,
        one_pm() + Duration::minutes(11),
    );
    let mut restarted = restarted;
    assert!(!rings(&mut restarted, one_pm() + Duration::minutes(12)));
    let _ = restarted.update(
        session(SessionAction::Next),
        one_pm() + Duration::minutes(12),
    );
    assert!(
        rings(&mut restarted, one_pm() + Duration::minutes(42)),
        "the next segment rings"
    );
}

#[test]
fn the_bell_can_be_turned_off() {
    let mut state = state_with_bell(Language::Sv, false, false);
    let _ = state.update(session(SessionAction::ToggleTimer), one_pm());
    assert!(!rings(&mut state, one_pm() + Duration::minutes(10)));
}

#[test]
fn the_screen_sleeps_until_the_countdown_or_the_clock_changes() {
    let mut state = state_for(Language::Sv, false);
    let idle = state.until_next_change(one_pm() + Duration::seconds(15));
    assert_eq!(
        idle,
        Duration::seconds(45),
        "idle: until the clock's next minute"
    );
    let _ = state.update(
        session(SessionAction::ToggleTimer),
        one_pm() + Duration::milliseconds(250),
    );
    let running = state.until_next_change(one_pm() + Duration::milliseconds(1000));
    assert_eq!(
        running,
        Duration::milliseconds(250),
        "running: until the next whole second"
    );
}

#[test]
fn group_keys_select_existing_groups_only() {
    let mut state = state_for(Language::Sv, false);
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(Lane::Group(3))),
        one_pm(),
    );
    assert_eq!(state.selected_lane(), Lane::Group(3));
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(Lane::Group(4))),
        one_pm(),
    );
    assert_eq!(state.selected_lane(), Lane::Group(3), "there is no group 5");
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(Lane::Plenary)),
        one_pm(),
    );
    assert_eq!(state.selected_lane(), Lane::Plenary);
    let screen = draw(&state, one_pm(), 80, 24).backend().to_string();
    assert!(screen.contains("Helgrupp"));
}

#[test]
fn a_rebalance_is_applied_only_on_yes() {
    let mut state = play(&scene("rebalance"), Language::Sv, false);
    let before = state
        .session()
        .drift_minutes(one_pm() + Duration::minutes(52));
    assert!(before > 0);
    let _ = state.update(Action::Dismiss, one_pm() + Duration::minutes(52));
    assert_eq!(
        state
            .session()
            .drift_minutes(one_pm() + Duration::minutes(52)),
        before
    );
    let _ = state.update(Action::ProposeRebalance, one_pm() + Duration::minutes(52));
    let _ = state.update(Action::Confirm, one_pm() + Duration::minutes(52));
    assert_eq!(
        state
            .session()
            .drift_minutes(one_pm() + Duration::minutes(52)),
        0
    );
}

#[test]
fn rebalancing_on_time_says_there_is_nothing_to_do() {
    let mut state = state_for(Language::En, false);
    let _ = state.update(Action::ProposeRebalance, one_pm());
    assert!(matches!(state.mode(), samla::app::Mode::Normal));
    let screen = draw(&state, one_pm(), 80, 24).backend().to_string();
    assert!(screen.contains("Not running late"), "{screen}");
}

#[test]
fn a_message_takes_the_status_line_whole_rather_than_splicing_into_it() {
    use samla::app::Exported;
    let mut state = state_for(Language::Sv, false);
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(Lane::Group(2))),
        one_pm(),
    );
    let long = Exported {
        path: "/home/maria/.local/share/samla/exports/2026-03-12-seminarium-1.md".into(),
        copied: Some(samla::clipboard::Copied::Terminal),
        flagged: 0,
    };
    let _ = state.update(Action::Exported(Ok(long)), one_pm());
    let narrow = draw(&state, one_pm(), 80, 24).backend().to_string();
    let status = narrow.lines().last().expect("a status line").to_owned();
    assert!(
        status.starts_with("\" Sammanfattning i …/exports/2026-03-12-seminarium-1.md"),
        "{status}"
    );
    let wide = draw(&state, one_pm(), 200, 50).backend().to_string();
    let status = wide.lines().last().expect("a status line").to_owned();
    assert!(
        status.contains(" Nu 13:00 ") && status.contains("Grupp 3 "),
        "{status}"
    );
    assert!(status.contains("Sammanfattning i …/exports/"), "{status}");
    let _ = state.update(Action::ProposeRebalance, one_pm());
    let screen = draw(&state, one_pm(), 80, 24).backend().to_string();
    assert!(!screen.contains("Grupp 3Ingen"), "{screen}");
    assert!(screen.contains("Ingen försening att ta igen"), "{screen}");
}

#[test]
fn an_agenda_title_cut_in_the_agenda_pane_ends_in_an_ellipsis() {
    let state = state_for(Language::Sv, false);
    let screen = draw(&state, one_pm(), 160, 48).backend().to_string();
    let title = "Inledande gruppsamtal om föreläsningen";
    assert!(
        !screen.contains("om föreläsn "),
        "cut without a sign:\n{screen}"
    );
    assert!(
        screen.contains("Inledande gruppsamtal om…") || screen.contains(title),
        "{screen}"
    );
}

#[test]
fn before_the_day_the_status_line_says_when_it_starts_not_how_early_it_is() {
    for (language, expected) in [
        (Language::Sv, "start 13:00 · om 2 h 25 min"),
        (Language::En, "starts 13:00 · in 2 h 25 min"),
    ] {
        let state = play(&scene("opened_early"), language, false);
        let screen = draw(&state, one_pm() - Duration::minutes(145), 80, 24)
            .backend()
            .to_string();
        assert!(screen.contains(expected), "{screen}");
        assert!(!screen.contains("145 min"), "{screen}");
    }
}

#[test]
fn the_end_is_told_in_the_events_own_word() {
    let scene = scene("over");
    let told = [
        (samla::agenda::Event::Seminar, "Seminariet är avslutat"),
        (samla::agenda::Event::Workshop, "Workshoppen är avslutad"),
        (samla::agenda::Event::Meeting, "Mötet är avslutat"),
        (samla::agenda::Event::Dialogue, "Dialogmötet är avslutat"),
    ];
    for (event, words) in told {
        let state = play(&scene, Language::Sv, true).with_agenda(|agenda| agenda.event = event);
        let terminal = draw(&state, one_pm() + scene.shown_at, 80, 24);
        let screen = terminal.backend().to_string();
        assert!(screen.contains(words), "{event:?}: {screen}");
        assert!(
            event == samla::agenda::Event::Seminar || !screen.contains("Seminariet"),
            "{screen}"
        );
    }
    let theme_day = samla::agenda::EventName {
        singular: "temadag".to_owned(),
        plural: "temadagar".to_owned(),
        definite: Some("temadagen".to_owned()),
        definite_plural: Some("temadagarna".to_owned()),
    };
    let state = play(&scene, Language::Sv, true)
        .with_agenda(|agenda| agenda.event_name = Some(theme_day.clone()));
    let screen = draw(&state, one_pm() + scene.shown_at, 80, 24)
        .backend()
        .to_string();
    assert!(screen.contains("Temadagen är avslutad"), "{screen}");
}
