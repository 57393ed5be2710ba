//! The run screen's agenda, the projector and the summary's time log tell
//! the same times, because one schedule computes them: checked after every
//! kind of change to the day (`+`, `-`, a rebalance, `p`, `n`, a pause).

use chrono::{DateTime, Duration, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::load_bundled;
use samla::app::{AppState, action_for};
use samla::export::{Summary, markdown};
use samla::session::{Session, TimerState};
use samla::ui::{self, Theme};

use crate::common::board::{one_pm, stockholm};

/// One row of the agenda pane: its clock time and planned minutes (`None`
/// when it was skipped).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Row {
    time: NaiveTime,
    minutes: Option<i64>,
}

fn clock(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap_or_else(|_| panic!("a time: {text:?}"))
}

fn screen(state: &AppState, now: DateTime<chrono::Utc>, room: bool) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("a test terminal");
    let file = samla::app::snapshot(state, "seminarium-1", now);
    terminal
        .draw(|frame| {
            if room {
                let cache = samla::ui::DrawCache::default();
                let view = samla::app::present_view(&file, state.theme(), now, stockholm(), &cache);
                ui::render_present(frame, &view);
            } else {
                ui::render(frame, &state.view(now, stockholm()));
            }
        })
        .expect("drawn");
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// The agenda pane's rows, in agenda order.
fn agenda_rows(run_screen: &str) -> Vec<Row> {
    run_screen
        .lines()
        .filter_map(|line| line.split('│').next())
        .filter(|left| left.len() > 5 && left.as_bytes()[2] == b':')
        .map(|left| {
            let words: Vec<&str> = left.split_whitespace().collect();
            let minutes = match words.as_slice() {
                [.., minutes, "min"] => {
                    let planned = minutes.rsplit('/').next().expect("minutes");
                    Some(planned.parse().expect("a number of minutes"))
                }
                _ => None,
            };
            Row {
                time: clock(&left[..5]),
                minutes,
            }
        })
        .collect()
}

/// "Nästa: 14:20 …" on the projector.
fn next_on_the_projector(room: &str) -> NaiveTime {
    let at = room
        .find("Nästa: ")
        .expect("the next segment on the projector")
        + "Nästa: ".len();
    clock(&room[at..at + 5])
}

/// "slut 16:05" on the status line.
fn projected_end(run_screen: &str) -> NaiveTime {
    let at = run_screen
        .find("beräknat slut ")
        .expect("the projected end")
        + "beräknat slut ".len();
    clock(&run_screen[at..at + 5])
}

/// The time log's rows: start time (when started) and planned minutes.
fn time_log(summary: &str) -> Vec<(Option<NaiveTime>, i64)> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut in_log = false;
    let mut cell = String::new();
    for event in Parser::new_ext(summary, Options::ENABLE_TABLES) {
        match event {
            Event::Text(text) if text.as_ref() == "Tidslogg" => in_log = true,
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::Text(text) => cell.push_str(&text),
            Event::End(TagEnd::TableCell) if in_log => row.push(cell.clone()),
            // The total's row has no start time.
            Event::End(TagEnd::TableRow) if in_log && row[2].is_empty() => row.clear(),
            Event::End(TagEnd::TableRow) if in_log => {
                let started = (row[2] != "–").then(|| clock(&row[2]));
                let planned = row[3].trim_end_matches(" min");
                if let Ok(planned) = planned.parse() {
                    rows.push((started, planned));
                }
                row.clear();
            }
            Event::End(TagEnd::TableHead) => row.clear(),
            Event::End(TagEnd::Table) if in_log => break,
            _ => {}
        }
    }
    rows
}

fn press(state: &mut AppState, c: char, now: DateTime<chrono::Utc>) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if let Some(action) = action_for(state, key) {
        let _ = state.update(action, now);
    }
}

/// Every screen agrees at `now`, and the agenda's times follow one another.
fn assert_one_schedule(state: &AppState, now: DateTime<chrono::Utc>, after: &str) {
    let run_screen = screen(state, now, false);
    let room = screen(state, now, true);
    let rows = agenda_rows(&run_screen);
    let session = state.session();
    assert_eq!(rows.len(), session.agenda.segments.len(), "{run_screen}");
    let current = session.current.0;
    let local_now = now.with_timezone(&stockholm()).time();
    let minutes = |row: Row| Duration::minutes(row.minutes.expect("planned minutes"));
    assert_eq!(
        next_on_the_projector(&room),
        rows[current + 1].time,
        "after {after}: the room's next segment and the agenda\n{room}\n{run_screen}"
    );
    // Each segment still to run starts where the one before it ends: the
    // running one when its countdown does, one not started after its planned
    // minutes, one partly run (left with `p`) after what it has left.
    let mut ends = match session.current_timing().started {
        Some(_) => local_now + session.current_remaining(now).max(Duration::zero()),
        None => rows[current].time + minutes(rows[current]),
    };
    for (index, row) in rows.iter().enumerate().skip(current + 1) {
        match session.timings[index].state() {
            TimerState::NotStarted => {
                assert_eq!(
                    row.time, ends,
                    "after {after}: row {index} starts where the one before it ends\n{run_screen}"
                );
                ends = row.time + minutes(*row);
            }
            TimerState::Done => {}
            TimerState::Running | TimerState::Paused => {
                ends += session
                    .remaining(samla::session::SegmentIx(index), now)
                    .max(Duration::zero());
            }
        }
    }
    assert_eq!(
        projected_end(&run_screen),
        ends,
        "after {after}: the projected end is the last segment's end\n{run_screen}"
    );
    let summary = markdown(&Summary {
        session,
        as_of: now,
        offset: stockholm(),
        private: false,
        names: false,
        report: true,
        intro: None,
        removed: &[],
    });
    let log = time_log(&summary);
    assert_eq!(log.len(), rows.len(), "{summary}");
    for (index, ((started, planned), row)) in log.iter().zip(&rows).enumerate() {
        if let Some(started) = started {
            assert_eq!(
                *started, row.time,
                "after {after}: segment {index} started when the agenda says"
            );
        }
        if let Some(minutes) = row.minutes {
            assert_eq!(
                *planned, minutes,
                "after {after}: segment {index}'s minutes"
            );
        }
    }
}

#[test]
fn the_agenda_the_projector_and_the_time_log_tell_the_same_times() {
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=4).map(|n| format!("Grupp {n}")).collect();
    let session = Session::new(agenda, groups, one_pm());
    let mut state = AppState::new(
        session,
        samla::agenda::Language::Sv,
        Theme::new(false),
        true,
        one_pm(),
    );
    let at = |minute: i64| one_pm() + Duration::minutes(minute);
    let steps: [(i64, &str, &str); 11] = [
        (0, " ", "the start"),
        (3, "+", "+"),
        (4, "--", "- -"),
        (12, "n", "n"),
        (20, " ", "a pause"),
        (31, " ", "the pause's end"),
        (50, "r", "r"),
        (50, "y", "r then y"),
        (52, "p", "p"),
        (53, "n", "p then n"),
        (60, "n", "n again"),
    ];
    for (minute, keys, after) in steps {
        for key in keys.chars() {
            press(&mut state, key, at(minute));
        }
        assert_one_schedule(&state, at(minute), after);
        assert_one_schedule(&state, at(minute + 1), after);
        if after == "r then y" {
            let shortened = state
                .session()
                .timings
                .iter()
                .filter(|t| t.added_minutes < 0);
            assert!(shortened.count() > 0, "the rebalance shortened segments");
        }
    }
}
