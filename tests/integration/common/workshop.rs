//! Two fixed workshops of one development series, for golden files: the
//! nulägesanalys (reflection alone, a board of its own columns, a matrix in
//! mixed groups with priorities, an action plan with owners and dates) and
//! the follow-up a few months later that brings the plan in and marks it.

use chrono::{DateTime, Duration, TimeZone, Utc};
use samla::agenda::{SegmentKind, load_bundled};
use samla::session::{CardAction, CardId, Lane, Session, SessionAction};

/// 09:00 in Stockholm on the day of the nulägesanalys.
pub fn first_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 20, 8, 0, 0)
        .single()
        .expect("a valid time")
}

/// 09:00 in Stockholm on the day of the follow-up.
pub fn follow_up_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 5, 12, 7, 0, 0)
        .single()
        .expect("a valid time")
}

fn index_of(session: &Session, kind: SegmentKind, nth: usize) -> usize {
    session
        .agenda
        .segments
        .iter()
        .enumerate()
        .filter(|(_, segment)| segment.kind == kind)
        .nth(nth)
        .map(|(index, _)| index)
        .expect("the agenda has the segment")
}

fn act(session: &mut Session, action: CardAction, at: DateTime<Utc>) {
    session.apply(SessionAction::Card(action), at);
}

/// Adds `text` for `lane` in `segment`, in cell `cell` of its board if given.
fn add(
    session: &mut Session,
    segment: usize,
    lane: Lane,
    cell: Option<usize>,
    text: &str,
    at: DateTime<Utc>,
) -> CardId {
    let id = session.next_card_id;
    let text = text.to_owned();
    let action = match cell {
        Some(column) => CardAction::AddInColumn {
            segment: samla::session::SegmentIx(segment),
            group: lane,
            text,
            column,
        },
        None => CardAction::Add {
            segment: samla::session::SegmentIx(segment),
            group: lane,
            text,
        },
    };
    act(session, action, at);
    id
}

/// The nulägesanalys of Täby, Tyresö and Vaxholm, run to its end.
pub fn nulagesanalys() -> Session {
    let agenda = load_bundled("nulagesanalys")
        .expect("bundled")
        .expect("valid");
    let groups = ["Täby", "Tyresö", "Vaxholm"].map(str::to_owned).to_vec();
    let mut session = Session::new(agenda, groups, first_day());
    let at = |minutes: i64| first_day() + Duration::minutes(minutes);
    session.apply(SessionAction::ToggleTimer, at(0));
    let alone = index_of(&session, SegmentKind::Individual, 0);
    for text in [
        "Mentorerna ringer hem första frånvarodagen",
        "Elevhälsan är med tidigt",
    ] {
        add(&mut session, alone, Lane::Plenary, None, text, at(15));
    }
    let board = index_of(&session, SegmentKind::GroupDiscussion, 0);
    for (group, strength, obstacle) in [
        (
            0,
            "Tydlig rutin för frånvaroanmälan",
            "Sekretessen mellan skola och socialtjänst",
        ),
        (
            1,
            "Närvaroteam på två skolor",
            "Statistiken kommer för sent",
        ),
        (2, "Nära till familjerna", "Få vägar in till BUP"),
    ] {
        add(
            &mut session,
            board,
            Lane::Group(group),
            Some(0),
            strength,
            at(30),
        );
        add(
            &mut session,
            board,
            Lane::Group(group),
            Some(1),
            obstacle,
            at(40),
        );
    }
    // The matrix: rows Regelverk, Organisation, Synsätt across the levels
    // Elev och familj, Skola, Kommun och region (cell = row × 3 + column).
    let matrix = index_of(&session, SegmentKind::GroupDiscussion, 1);
    let cards = [
        (0, 4, "Ingen äger frågan om övergångar", true),
        (0, 2, "Sekretessen stoppar samtalet", true),
        (0, 6, "”Det är hemmets ansvar”", false),
        (1, 3, "Frånvaron syns först efter veckor", true),
        (1, 7, "Lärarna tror att någon annan ringer", false),
        (2, 5, "Inget gemensamt forum med regionen", true),
    ];
    for (group, cell, text, priority) in cards {
        let id = add(
            &mut session,
            matrix,
            Lane::Group(group),
            Some(cell),
            text,
            at(95),
        );
        if priority {
            act(&mut session, CardAction::TogglePriority { id }, at(120));
        }
    }
    let plan = index_of(&session, SegmentKind::ActionPlan, 0);
    for (group, cell, text) in [
        (
            0,
            0,
            "Närvaroteam på varje skola @Rektorerna !2027-03-31 ?2027-05-12",
        ),
        (
            0,
            1,
            "Gemensam rutin för första frånvarodagen @Elevhälsochefen !2027-06-30",
        ),
        (
            1,
            0,
            "Veckovis frånvarostatistik @Utbildningsförvaltningen !2027-02-28 ?2027-05-12",
        ),
        (2, 2, "Samverkansavtal med regionen @Kommundirektören"),
    ] {
        add(
            &mut session,
            plan,
            Lane::Group(group),
            Some(cell),
            text,
            at(180),
        );
    }
    run_to_the_end(&mut session, first_day(), 20, 390);
    session
}

/// The follow-up workshop, the plan brought in from `earlier` and marked.
pub fn uppfoljning(earlier: &Session) -> Session {
    let agenda = load_bundled("uppfoljning")
        .expect("bundled")
        .expect("valid");
    let groups = ["Täby", "Tyresö", "Vaxholm"].map(str::to_owned).to_vec();
    let mut session = Session::new(agenda, groups, follow_up_day());
    session.bring_in(&[earlier]);
    let at = |minutes: i64| follow_up_day() + Duration::minutes(minutes);
    session.apply(SessionAction::ToggleTimer, at(0));
    let brought: Vec<CardId> = session
        .cards
        .iter()
        .filter(|card| card.brought().is_some())
        .map(|card| card.id)
        .collect();
    // Done, under way, not started, left unmarked.
    for (presses, id) in brought.iter().enumerate().take(3) {
        for _ in 0..=presses {
            act(&mut session, CardAction::CycleStatus { id: *id }, at(30));
        }
    }
    act(
        &mut session,
        CardAction::SetComment {
            id: brought[0],
            text: "Klart på alla skolor i januari".to_owned(),
        },
        at(35),
    );
    let lessons = index_of(&session, SegmentKind::GroupDiscussion, 0);
    add(
        &mut session,
        lessons,
        Lane::Group(0),
        Some(0),
        "Det hjälpte att en person äger frågan",
        at(70),
    );
    run_to_the_end(&mut session, follow_up_day(), 25, 240);
    session
}

/// Moves on a segment every `every` minutes after `day`, and ends the day
/// `end` minutes after it.
fn run_to_the_end(session: &mut Session, day: DateTime<Utc>, every: i64, end: i64) {
    let at = |minutes: i64| day + Duration::minutes(minutes);
    while session.current.number() < session.agenda.segments.len() {
        let minutes = every * session.current.number() as i64;
        session.apply(SessionAction::Next, at(minutes));
    }
    session.apply(SessionAction::Next, at(end));
}
