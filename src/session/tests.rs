//! Every timer and schedule rule, with a fake clock: no sleeps, no wall clock.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::agenda::{SegmentKind, load_bundled};
use crate::clock::{Clock, FakeClock};

fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap()
}

/// Seminarium 1 without its opening survey, its second discussion 35 minutes,
/// so the 180 minutes run 10, 30, 25, 15 (break), 30 (fixed), 35, 25, 10 (fixed).
fn seminar() -> (Session, FakeClock) {
    let mut agenda = load_bundled("seminarium-1").unwrap().unwrap();
    agenda
        .segments
        .retain(|segment| segment.kind != SegmentKind::Poll);
    agenda.segments[5].minutes = 35;
    let groups = vec!["Grupp 1".to_owned(), "Grupp 2".to_owned()];
    (
        Session::new(agenda, groups, start_time()),
        FakeClock::at(start_time()),
    )
}

fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

#[test]
fn a_new_session_has_not_started_and_projects_the_planned_end() {
    let (session, clock) = seminar();
    assert_eq!(session.current_timing().state(), TimerState::NotStarted);
    assert_eq!(session.remaining(SegmentIx(0), clock.now()), minutes(10));
    assert_eq!(session.planned_end(), start_time() + minutes(180));
    assert_eq!(session.projected_end(clock.now()), session.planned_end());
    assert_eq!(session.drift_minutes(clock.now()), 0);
}

#[test]
fn a_late_start_shows_as_drift_before_anything_runs() {
    let (session, clock) = seminar();
    clock.advance(minutes(7));
    assert_eq!(session.drift_minutes(clock.now()), 7);
}

#[test]
fn the_drift_is_the_minutes_between_the_clock_times_shown() {
    let (session, clock) = seminar();
    // 2 min 40 s late: the clock shows the end two minutes later, and the
    // drift says two, not a rounded three beside times two apart.
    clock.advance(Duration::seconds(160));
    let shown = |time: DateTime<Utc>| time.format("%H:%M").to_string();
    let drift = session.drift_minutes(clock.now());
    assert_eq!(drift, 2);
    assert_eq!(
        shown(session.projected_end(clock.now())),
        shown(session.planned_end() + minutes(drift))
    );
}

#[test]
fn a_running_timer_counts_down_by_the_wall_clock() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    assert_eq!(session.current_timing().state(), TimerState::Running);
    clock.advance(Duration::seconds(185));
    assert_eq!(
        session.remaining(SegmentIx(0), clock.now()),
        Duration::seconds(600 - 185)
    );
}

#[test]
fn pauses_are_intervals_that_do_not_count() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(3));
    session.apply(SessionAction::ToggleTimer, clock.now());
    assert_eq!(session.current_timing().state(), TimerState::Paused);
    clock.advance(minutes(60));
    assert_eq!(
        session.remaining(SegmentIx(0), clock.now()),
        minutes(7),
        "an hour of pause counts nothing"
    );
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(2));
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(5));
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(1));
    assert_eq!(session.remaining(SegmentIx(0), clock.now()), minutes(4));
    let pauses = &session.current_timing().pauses;
    assert_eq!(pauses.len(), 2);
    assert_eq!(pauses[0].from, start_time() + minutes(3));
    assert_eq!(pauses[0].until, Some(start_time() + minutes(63)));
}

#[test]
fn a_paused_segment_pushes_the_projected_end_later() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(12));
    assert_eq!(session.drift_minutes(clock.now()), 12);
}

#[test]
fn overrun_makes_the_remaining_time_negative_and_drift_grow() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(10) + Duration::seconds(83));
    assert_eq!(
        session.remaining(SegmentIx(0), clock.now()),
        Duration::seconds(-83)
    );
    assert_eq!(session.drift_minutes(clock.now()), 1);
    clock.advance(minutes(6));
    assert_eq!(session.drift_minutes(clock.now()), 7);
    assert_eq!(
        session.projected_end(clock.now()),
        clock.now() + minutes(170)
    );
}

#[test]
fn plus_and_minus_adjust_the_current_segment_within_bounds() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    session.apply(SessionAction::AddMinute, clock.now());
    session.apply(SessionAction::AddMinute, clock.now());
    assert_eq!(session.planned_minutes(SegmentIx(0)), 12);
    assert_eq!(session.remaining(SegmentIx(0), clock.now()), minutes(12));
    assert_eq!(session.drift_minutes(clock.now()), 2);
    for _ in 0..20 {
        session.apply(SessionAction::RemoveMinute, clock.now());
    }
    assert_eq!(
        session.planned_minutes(SegmentIx(0)),
        1,
        "never below one minute"
    );
    for _ in 0..700 {
        session.apply(SessionAction::AddMinute, clock.now());
    }
    assert_eq!(
        session.planned_minutes(SegmentIx(0)),
        600,
        "never above ten hours"
    );
}

#[test]
fn next_records_the_actual_end_and_starts_the_next_segment_at_once() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(12));
    session.apply(SessionAction::Next, clock.now());
    assert_eq!(session.current, SegmentIx(1));
    assert_eq!(session.timings[0].state(), TimerState::Done);
    assert_eq!(session.timings[0].ended, Some(start_time() + minutes(12)));
    assert_eq!(
        session.timings[0].elapsed(clock.now() + minutes(99)),
        minutes(12)
    );
    assert_eq!(session.timings[1].started, Some(start_time() + minutes(12)));
    assert_eq!(session.current_timing().state(), TimerState::Running);
}

#[test]
fn next_before_starting_only_moves_on() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::Next, clock.now());
    assert_eq!(session.current, SegmentIx(1));
    assert_eq!(session.timings[0].state(), TimerState::NotStarted);
    assert_eq!(session.timings[1].state(), TimerState::NotStarted);
}

#[test]
fn next_on_the_last_segment_ends_the_seminar() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    for _ in 0..session.timings.len() {
        clock.advance(minutes(5));
        session.apply(SessionAction::Next, clock.now());
    }
    assert_eq!(session.current, SegmentIx(7));
    assert!(session.is_over());
    assert_eq!(session.projected_end(clock.now()), clock.now());
}

#[test]
fn previous_continues_the_segment_left_by_mistake() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(4));
    session.apply(SessionAction::Next, clock.now());
    clock.advance(Duration::seconds(20));
    session.apply(SessionAction::Previous, clock.now());
    assert_eq!(session.current, SegmentIx(0));
    assert_eq!(session.current_timing().state(), TimerState::Running);
    assert_eq!(
        session.remaining(SegmentIx(0), clock.now()),
        minutes(6),
        "the 20 s elsewhere are not counted"
    );
    assert_eq!(session.timings[1].state(), TimerState::Paused);
    assert_eq!(
        session.timings[1].elapsed(clock.now()),
        Duration::seconds(20)
    );
    clock.advance(minutes(1));
    session.apply(SessionAction::Next, clock.now());
    assert_eq!(session.timings[1].state(), TimerState::Running);
    assert_eq!(
        session.timings[1].elapsed(clock.now()),
        Duration::seconds(20)
    );
}

#[test]
fn previous_on_the_first_segment_does_nothing() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::Previous, clock.now());
    assert_eq!(session.current, SegmentIx(0));
}

#[test]
fn the_wall_clock_set_back_never_makes_time_negative() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(3));
    clock.advance(minutes(-30));
    assert_eq!(
        session.current_timing().elapsed(clock.now()),
        Duration::zero()
    );
    assert_eq!(session.remaining(SegmentIx(0), clock.now()), minutes(10));
    clock.advance(minutes(30));
    assert_eq!(
        session.remaining(SegmentIx(0), clock.now()),
        minutes(7),
        "right again once the clock is"
    );
}

#[test]
fn a_jump_forward_like_a_laptop_sleep_counts_as_time_spent() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(45));
    assert_eq!(session.remaining(SegmentIx(0), clock.now()), minutes(-35));
}

#[test]
fn a_three_hour_run_follows_the_plan_and_records_every_actual_minute() {
    let (mut session, clock) = seminar();
    let actual = [12, 28, 25, 15, 30, 40, 20, 10];
    session.apply(SessionAction::ToggleTimer, clock.now());
    for (index, spent) in actual.iter().enumerate() {
        assert_eq!(session.current, SegmentIx(index));
        if index == 5 {
            clock.advance(minutes(10));
            session.apply(SessionAction::ToggleTimer, clock.now());
            clock.advance(minutes(15));
            session.apply(SessionAction::ToggleTimer, clock.now());
            clock.advance(minutes(spent - 10));
        } else {
            clock.advance(minutes(*spent));
        }
        session.apply(SessionAction::Next, clock.now());
    }
    assert!(session.is_over());
    let recorded: Vec<i64> = session
        .timings
        .iter()
        .map(|t| t.elapsed(clock.now()).num_minutes())
        .collect();
    assert_eq!(recorded, actual);
    assert_eq!(clock.now(), start_time() + minutes(180 + 15));
    assert_eq!(
        session.drift_minutes(clock.now()),
        15,
        "the 15-minute pause is the drift"
    );
}

#[test]
fn a_session_written_and_read_back_keeps_its_timers() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(4));
    let text = ron::to_string(&session).unwrap();
    clock.advance(minutes(30));
    let restored: Session = ron::from_str(&text).unwrap();
    assert_eq!(restored, session);
    assert_eq!(restored.current_timing().state(), TimerState::Running);
    assert_eq!(
        restored.remaining(SegmentIx(0), clock.now()),
        minutes(-24),
        "kept running while away"
    );
}

#[test]
fn planned_starts_follow_the_agenda() {
    let (session, _) = seminar();
    let starts = session.planned_starts();
    assert_eq!(starts[0], start_time());
    assert_eq!(starts[3], start_time() + minutes(65));
    assert_eq!(starts[7], start_time() + minutes(170));
}

#[test]
fn not_late_means_nothing_to_rebalance() {
    let (session, clock) = seminar();
    assert_eq!(propose_rebalance(&session, clock.now()), None);
}

#[test]
fn a_rebalance_shortens_flexible_segments_in_proportion_and_lands_on_time() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(22));
    assert_eq!(session.drift_minutes(clock.now()), 12);
    let proposal = propose_rebalance(&session, clock.now()).unwrap();
    let touched: Vec<usize> = proposal.changes.iter().map(|c| c.segment.0).collect();
    for index in &touched {
        let segment = &session.agenda.segments[*index];
        assert!(
            !segment.fixed && segment.kind != SegmentKind::Break,
            "{}",
            segment.title
        );
        assert!(*index > session.current.0);
    }
    assert_eq!(touched, [1, 2, 5, 6]);
    let cut: u32 = proposal.changes.iter().map(|c| c.before - c.after).sum();
    assert_eq!(cut, 12);
    assert_eq!(proposal.still_late, 0);
    assert_eq!(proposal.lands_at, session.planned_end());
    let thirty = &proposal.changes[0];
    let thirty_five = &proposal.changes[2];
    assert!(thirty_five.before - thirty_five.after >= thirty.before - thirty.after);
    // Each row starts where the rows before it end, at this pace, with the
    // proposal applied: the first right after the running segment.
    let next = clock.now() + session.current_remaining(clock.now()).max(Duration::zero());
    assert_eq!(proposal.changes[0].starts, next);
    assert_eq!(
        proposal.changes[1].starts,
        next + minutes(i64::from(proposal.changes[0].after))
    );
    session.apply(SessionAction::Rebalance(proposal), clock.now());
    assert_eq!(session.drift_minutes(clock.now()), 0);
}

#[test]
fn a_rebalance_never_goes_below_the_minimums_and_says_what_is_still_late() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(100));
    let proposal = propose_rebalance(&session, clock.now()).unwrap();
    for change in &proposal.changes {
        let segment = &session.agenda.segments[change.segment];
        assert_eq!(Some(change.after), segment.min_minutes, "{}", segment.title);
    }
    let room: u32 = proposal.changes.iter().map(|c| c.before - c.after).sum();
    assert_eq!(room, 10 + 10 + 15 + 10);
    assert_eq!(proposal.still_late, 90 - 45);
}

#[test]
fn without_min_minutes_a_segment_keeps_at_least_half() {
    let (seminar, _) = seminar();
    let mut agenda = seminar.agenda;
    for segment in &mut agenda.segments {
        segment.min_minutes = None;
    }
    let mut session = Session::new(agenda, vec![], start_time());
    session.apply(SessionAction::ToggleTimer, start_time());
    let proposal = propose_rebalance(&session, start_time() + minutes(200)).unwrap();
    let after: Vec<u32> = proposal.changes.iter().map(|c| c.after).collect();
    assert_eq!(after, [15, 13, 18, 13]);
}

mod planned_start_rule {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, NaiveTime};

    fn stockholm() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    /// 13:00 in Stockholm on 2026-03-12.
    fn one_pm() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap()
    }

    fn agenda_starting_at(time: &str) -> crate::agenda::Agenda {
        let mut agenda = load_bundled("seminarium-1").unwrap().unwrap();
        agenda.start = Some(NaiveTime::parse_from_str(time, "%H:%M").unwrap());
        agenda
    }

    #[test]
    fn a_session_opened_near_the_agendas_start_keeps_to_it() {
        let agenda = agenda_starting_at("13:00");
        for opened in [
            -minutes(170),
            -minutes(5),
            minutes(0),
            minutes(12),
            minutes(60),
        ] {
            assert_eq!(
                planned_start(&agenda, one_pm() + opened, stockholm()),
                one_pm(),
                "{opened}"
            );
        }
    }

    #[test]
    fn a_session_opened_far_from_the_start_plans_from_now() {
        let agenda = agenda_starting_at("13:00");
        for opened in [-minutes(181), minutes(61), minutes(300)] {
            let now = one_pm() + opened;
            assert_eq!(planned_start(&agenda, now, stockholm()), now, "{opened}");
        }
    }

    #[test]
    fn an_agenda_dated_another_day_or_without_start_plans_from_now() {
        let mut agenda = agenda_starting_at("13:00");
        agenda.date = NaiveDate::from_ymd_opt(2026, 3, 19);
        let now = one_pm() + minutes(10);
        assert_eq!(planned_start(&agenda, now, stockholm()), now);
        agenda.date = NaiveDate::from_ymd_opt(2026, 3, 12);
        assert_eq!(planned_start(&agenda, now, stockholm()), one_pm());
        agenda.start = None;
        assert_eq!(planned_start(&agenda, now, stockholm()), now);
    }
}

#[test]
fn regrouping_adds_empty_groups_renames_and_never_drops_a_group_in_use() {
    let agenda = crate::agenda::load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let names = |n: usize| (1..=n).map(|i| format!("Grupp {i}")).collect::<Vec<_>>();
    let mut session = Session::new(agenda, names(4), start_time());
    assert_eq!(session.regroup(&names(5)), 5);
    assert_eq!(session.groups.last().map(String::as_str), Some("Grupp 5"));
    assert_eq!(session.regroup(&names(2)), 2, "unused groups go");
    session.apply(
        SessionAction::Card(crate::session::CardAction::Add {
            segment: SegmentIx(0),
            group: Lane::Group(1),
            text: "kvar".into(),
        }),
        start_time(),
    );
    assert_eq!(session.regroup(&names(1)), 2, "group 2 has a card");
    assert_eq!(session.regroup(&["Norr".to_owned(), "Söder".to_owned()]), 2);
    assert_eq!(session.groups, ["Norr", "Söder"]);
}

#[test]
fn a_segment_passed_over_or_run_for_no_time_is_skipped() {
    let (mut session, clock) = seminar();
    // `n` before anything started: the first segment is left behind.
    session.apply(SessionAction::Next, clock.now());
    assert!(session.was_skipped(SegmentIx(0), clock.now()));
    // Space, `p` back to it, `n` at once: it still never ran.
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(3));
    session.apply(SessionAction::Previous, clock.now());
    clock.advance(Duration::seconds(10));
    session.apply(SessionAction::Next, clock.now());
    assert!(session.was_skipped(SegmentIx(0), clock.now()));
    assert!(
        !session.was_skipped(SegmentIx(1), clock.now()),
        "the second is running"
    );
    clock.advance(minutes(5));
    session.apply(SessionAction::Next, clock.now());
    assert!(
        !session.was_skipped(SegmentIx(1), clock.now()),
        "it ran 8 minutes"
    );
}

#[test]
fn a_day_begun_more_than_a_quarter_hour_early_moves_the_plan_to_its_start() {
    let (mut session, _) = seminar();
    let early = start_time() - minutes(145);
    session.apply(SessionAction::ToggleTimer, early);
    assert_eq!(session.planned_start, early);
    assert_eq!(session.drift_minutes(early + minutes(5)), 0);
}

#[test]
fn a_day_begun_a_few_minutes_early_keeps_the_agendas_times() {
    let (mut session, _) = seminar();
    let early = start_time() - minutes(15);
    session.apply(SessionAction::ToggleTimer, early);
    assert_eq!(session.planned_start, start_time());
    assert_eq!(session.drift_minutes(early), -15);
}

#[test]
fn only_the_days_first_start_can_move_the_plan() {
    let (mut session, _) = seminar();
    session.apply(SessionAction::ToggleTimer, start_time());
    session.apply(SessionAction::ToggleTimer, start_time() + minutes(1));
    session.apply(SessionAction::Previous, start_time() + minutes(2));
    session.apply(SessionAction::ToggleTimer, start_time() - minutes(60));
    assert_eq!(session.planned_start, start_time());
}

#[test]
fn before_the_day_the_schedule_keeps_the_plan_and_projects_no_drift() {
    let (session, _) = seminar();
    let early = start_time() - minutes(145);
    let schedule = session.schedule(early);
    assert_eq!(schedule[0].starts, start_time());
    assert_eq!(schedule[1].starts, start_time() + minutes(10));
    assert_eq!(session.drift_minutes(early), 0);
}

#[test]
fn a_skipped_segment_takes_no_time_and_the_rest_follow_from_the_running_one() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::Next, clock.now());
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(7));
    session.apply(SessionAction::AddMinute, clock.now());
    let schedule = session.schedule(clock.now());
    assert_eq!(schedule[0].starts, schedule[0].ends, "skipped");
    assert_eq!(schedule[1].starts, start_time());
    assert_eq!(schedule[1].ends, start_time() + minutes(31));
    for pair in schedule[1..].windows(2) {
        assert_eq!(pair[1].starts, pair[0].ends);
    }
}

#[test]
fn a_pause_pushes_every_later_start() {
    let (mut session, clock) = seminar();
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(2));
    session.apply(SessionAction::ToggleTimer, clock.now());
    clock.advance(minutes(9));
    let schedule = session.schedule(clock.now());
    assert_eq!(schedule[1].starts, start_time() + minutes(19));
    assert_eq!(
        session.projected_end(clock.now()),
        session.planned_end() + minutes(9)
    );
}
