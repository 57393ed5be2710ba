//! The roster and today's attendance: members, sectors, roles, moves, and the
//! warning when a group lacks a sector the agenda wants.

use chrono::{TimeZone, Utc};

use super::*;
use crate::agenda::{Role, Sector, load_bundled};

/// Seminarium 3 (which wants school, social services and healthcare in every
/// group) with three groups.
fn seminar() -> Session {
    let agenda = load_bundled("seminarium-3").unwrap().unwrap();
    let groups = (1..=3).map(|n| format!("Grupp {n}")).collect();
    Session::new(
        agenda,
        groups,
        Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap(),
    )
}

fn roster(session: &mut Session, action: RosterAction) {
    session.apply(
        SessionAction::Roster(action),
        Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap(),
    );
}

fn add(session: &mut Session, group: usize, name: &str, sector: Sector) -> MemberId {
    let id = session.roster.next_id;
    roster(
        session,
        RosterAction::Add {
            group,
            name: name.to_owned(),
        },
    );
    while session.roster.member(id).unwrap().sector != sector {
        roster(session, RosterAction::CycleSector { id });
    }
    id
}

#[test]
fn members_are_added_renamed_moved_and_removed() {
    let mut session = seminar();
    let anna = add(&mut session, 0, " Anna Åberg ", Sector::SKOLA);
    let bo = add(&mut session, 2, "Bo", Sector::SOCIALTJANST);
    roster(
        &mut session,
        RosterAction::Add {
            group: 0,
            name: "  ".to_owned(),
        },
    );
    roster(
        &mut session,
        RosterAction::Add {
            group: 3,
            name: "Ingen grupp 4".to_owned(),
        },
    );
    assert_eq!(
        session.roster.members.len(),
        2,
        "blank names and unknown groups add no one"
    );
    assert_eq!(session.roster.member(anna).unwrap().name, "Anna Åberg");
    roster(
        &mut session,
        RosterAction::Rename {
            id: anna,
            name: "Anna Öberg".to_owned(),
        },
    );
    assert_eq!(session.roster.member(anna).unwrap().name, "Anna Öberg");
    roster(&mut session, RosterAction::MoveToNextGroup { id: bo });
    assert_eq!(
        session.roster.member(bo).unwrap().group,
        0,
        "round to the first group"
    );
    roster(&mut session, RosterAction::TogglePresent { id: bo });
    roster(&mut session, RosterAction::Remove { id: bo });
    assert!(session.roster.member(bo).is_none());
    assert!(
        session.present.is_empty(),
        "a removed member is not present"
    );
    let next = add(&mut session, 1, "Cia", Sector::HALSOVARD);
    assert!(next > bo, "ids are never reused");
}

#[test]
fn roles_cycle_through_the_categories_and_back_to_none() {
    let mut session = seminar();
    let id = add(&mut session, 0, "Anna", Sector::SKOLA);
    let mut seen = Vec::new();
    for _ in 0..6 {
        roster(&mut session, RosterAction::CycleRole { id });
        seen.push(session.roster.member(id).unwrap().role);
    }
    assert_eq!(seen[0], Some(Role::Ledning));
    assert_eq!(seen[4], Some(Role::Sjukvard));
    assert_eq!(seen[5], None);
}

#[test]
fn attendance_counts_by_sector_those_present_today() {
    let mut session = seminar();
    let a = add(&mut session, 0, "A", Sector::SKOLA);
    let b = add(&mut session, 0, "B", Sector::SKOLA);
    let c = add(&mut session, 1, "C", Sector::HALSOVARD);
    add(&mut session, 1, "D", Sector::SOCIALTJANST);
    for id in [a, b, c] {
        roster(&mut session, RosterAction::TogglePresent { id });
    }
    assert_eq!(
        session.attendance_by_sector(),
        [(Sector::SKOLA, 2), (Sector::HALSOVARD, 1)]
    );
    roster(&mut session, RosterAction::TogglePresent { id: b });
    assert_eq!(
        session.attendance_by_sector(),
        [(Sector::SKOLA, 1), (Sector::HALSOVARD, 1)]
    );
}

#[test]
fn a_group_lacking_a_wanted_sector_is_named_from_the_roster_then_from_attendance() {
    let mut session = seminar();
    assert!(
        session.missing_sectors().is_empty(),
        "no roster, no warning"
    );
    for group in 0..3 {
        add(&mut session, group, "Skola", Sector::SKOLA);
        add(&mut session, group, "Socialtjänst", Sector::SOCIALTJANST);
    }
    let nurse = add(&mut session, 0, "Vård", Sector::HALSOVARD);
    add(&mut session, 1, "Vård", Sector::HALSOVARD);
    assert_eq!(session.missing_sectors(), [(2, vec![Sector::HALSOVARD])]);
    // Once attendance is taken, only those here count.
    roster(&mut session, RosterAction::TogglePresent { id: nurse });
    let missing = session.missing_sectors();
    assert_eq!(missing.len(), 3, "{missing:?}");
    assert_eq!(missing[0], (0, vec![Sector::SKOLA, Sector::SOCIALTJANST]));
}

#[test]
fn agendas_that_ask_for_no_sector_never_warn() {
    let mut session = seminar();
    session.agenda.sectors_in_every_group.clear();
    add(&mut session, 0, "A", Sector::SKOLA);
    assert!(session.missing_sectors().is_empty());
}

#[test]
fn a_series_with_its_own_sectors_starts_members_in_the_first_and_cycles_through_them() {
    let mut session = seminar();
    session.agenda.sectors_in_every_group = Vec::new();
    session.roster.sectors = ["fritid", "vardnadshavare"]
        .map(|id| crate::agenda::SectorDef {
            id: Sector::new(id),
            name: id.to_uppercase(),
            code: None,
        })
        .to_vec();
    let id = add(&mut session, 0, "Eva", Sector::new("fritid"));
    roster(&mut session, RosterAction::CycleSector { id });
    assert_eq!(
        session.roster.member(id).unwrap().sector,
        Sector::new("vardnadshavare")
    );
    roster(&mut session, RosterAction::CycleSector { id });
    assert_eq!(
        session.roster.member(id).unwrap().sector,
        Sector::new("fritid")
    );
    roster(&mut session, RosterAction::TogglePresent { id });
    assert_eq!(session.attendance_by_sector(), [(Sector::new("fritid"), 1)]);
}

#[test]
fn every_change_of_the_roster_and_the_attendance_says_it_changed_something() {
    let mut session = seminar();
    let at = Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap();
    let id = add(&mut session, 0, "Åsa", Sector::SKOLA);
    let applied =
        |session: &mut Session, action| session.apply(SessionAction::Roster(action), at).changed;
    assert!(applied(&mut session, RosterAction::TogglePresent { id }));
    assert!(session.present.contains(&id));
    assert!(applied(&mut session, RosterAction::TogglePresent { id }));
    assert!(applied(&mut session, RosterAction::MoveToNextGroup { id }));
    assert!(applied(&mut session, RosterAction::CycleRole { id }));
    let blank = RosterAction::Rename {
        id,
        name: "  ".into(),
    };
    assert!(
        !applied(&mut session, blank),
        "a blank name changes nothing"
    );
    assert!(applied(&mut session, RosterAction::Remove { id }));
    assert!(!applied(&mut session, RosterAction::Remove { id }));
}
