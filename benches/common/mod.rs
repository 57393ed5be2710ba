//! What the benchmarks share: a fixed time, and seminarium 3 with 12 groups
//! filled with long cards.

#![allow(dead_code)] // each benchmark uses a part of this module

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use samla::agenda::load_bundled;
use samla::session::{CardAction, CardId, Lane, Session, SessionAction};

/// 13:00 in Stockholm.
pub fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

pub fn stockholm() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("a valid offset")
}

/// Seminarium 3 with 12 groups at its first segment of `kind`, no cards yet;
/// the segment's place.
pub fn seminar_3_at(kind: samla::agenda::SegmentKind) -> (Session, usize) {
    let mut session = seminar_3();
    let segment = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == kind)
        .expect("a segment of that kind");
    session.current = samla::session::SegmentIx(segment);
    (session, segment)
}

/// The file version both this build and the one before the renovation read
/// (a session without follow-up items is the same in 5 and 6), so that a
/// benchmark can measure either with `SAMLA_BINARY`.
pub const READ_BY_BOTH: u32 = 5;

/// Seminarium 3 with 12 groups and no cards yet.
pub fn seminar_3() -> Session {
    let agenda = load_bundled("seminarium-3")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=12).map(|n| format!("Grupp {n}")).collect();
    Session::new(agenda, groups, one_pm())
}

/// Adds card number `n`, about 300 characters of Swedish, for `group` in
/// `segment`; its id.
pub fn add_card(session: &mut Session, segment: usize, group: usize, n: usize) -> CardId {
    let sentence =
        "Vi vill att elevhälsan, socialtjänsten och vården möts tidigt när närvaron sviktar. ";
    let id = session.next_card_id;
    let add = CardAction::Add {
        segment: samla::session::SegmentIx(segment),
        group: Lane::Group(group),
        text: format!("Kort {n}: {}", sentence.repeat(4)),
    };
    session.apply(SessionAction::Card(add), one_pm());
    id
}

/// The CPU seconds process `pid` has used, all its threads together.
pub fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    let after_name = &stat[stat.rfind(')').expect("the command name") + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    let per_second = std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| text.trim().parse::<f64>().ok())
        .unwrap_or(100.0);
    ticks as f64 / per_second
}
