//! Cards and private notes: adding, editing, tags, quotes, horizons, order.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::agenda::{SegmentKind, load_bundled};
use crate::session::SegmentIx;

fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap()
}

/// Seminarium 3 with three groups: welcome, vision, break, action plan,
/// plenary, closing.
fn seminar() -> Session {
    let agenda = load_bundled("seminarium-3").unwrap().unwrap();
    let groups = (1..=3).map(|n| format!("Grupp {n}")).collect();
    Session::new(agenda, groups, start_time())
}

/// The plenary of seminarium 3, where cards have no horizon.
const PLENARY: usize = 4;

fn segment_of_kind(session: &Session, kind: SegmentKind) -> usize {
    session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == kind)
        .unwrap()
}

fn add(session: &mut Session, segment: SegmentIx, group: Option<usize>, text: &str) -> CardId {
    let id = session.next_card_id;
    session.apply(
        SessionAction::Card(CardAction::Add {
            segment,
            group: group.into(),
            text: text.to_owned(),
        }),
        start_time(),
    );
    id
}

fn card_action(session: &mut Session, action: CardAction) {
    session.apply(
        SessionAction::Card(action),
        start_time() + Duration::minutes(5),
    );
}

fn texts(session: &Session, segment: SegmentIx, group: Option<usize>) -> Vec<String> {
    session
        .cards_in(segment, group.into())
        .iter()
        .map(|card| card.text.clone())
        .collect()
}

#[test]
fn cards_are_kept_per_segment_and_group_in_the_order_written() {
    let mut session = seminar();
    add(&mut session, SegmentIx(PLENARY), Some(0), "Första");
    add(&mut session, SegmentIx(PLENARY), Some(1), "Annan grupp");
    add(&mut session, SegmentIx(PLENARY), Some(0), "Andra");
    add(&mut session, SegmentIx(0), Some(0), "Annat pass");
    add(&mut session, SegmentIx(PLENARY), None, "Helgruppen");
    assert_eq!(
        texts(&session, SegmentIx(PLENARY), Some(0)),
        ["Första", "Andra"]
    );
    assert_eq!(
        texts(&session, SegmentIx(PLENARY), Some(1)),
        ["Annan grupp"]
    );
    assert_eq!(texts(&session, SegmentIx(PLENARY), None), ["Helgruppen"]);
    assert_eq!(texts(&session, SegmentIx(0), Some(0)), ["Annat pass"]);
    assert!(session.has_cards(SegmentIx(PLENARY)));
    assert!(!session.has_cards(SegmentIx(1)));
}

#[test]
fn ids_are_stable_and_never_reused_after_a_deletion() {
    let mut session = seminar();
    let first = add(&mut session, SegmentIx(PLENARY), Some(0), "a");
    let second = add(&mut session, SegmentIx(PLENARY), Some(0), "b");
    card_action(&mut session, CardAction::Delete { id: second });
    let third = add(&mut session, SegmentIx(PLENARY), Some(0), "c");
    assert!(first < second && second < third);
    assert_eq!(session.card(third).unwrap().text, "c");
    assert!(session.card(second).is_none());
}

#[test]
fn blank_cards_unknown_groups_and_unknown_segments_add_nothing() {
    let mut session = seminar();
    add(&mut session, SegmentIx(PLENARY), Some(0), "  \n\t ");
    add(
        &mut session,
        SegmentIx(PLENARY),
        Some(3),
        "grupp 4 finns inte",
    );
    add(&mut session, SegmentIx(99), Some(0), "inget pass 100");
    assert!(session.cards.is_empty());
    assert_eq!(session.next_card_id, crate::session::CardId(1));
}

#[test]
fn editing_keeps_the_text_exactly_and_stamps_the_time_and_blank_text_deletes() {
    let mut session = seminar();
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "Skolnärvaro");
    let text = "Två rader: å ä ö 🙂\n漢字 e\u{301}";
    card_action(
        &mut session,
        CardAction::Edit {
            id,
            text: text.to_owned(),
            since: None,
        },
    );
    let card = session.card(id).unwrap();
    assert_eq!(card.text, text);
    assert_eq!(card.created, start_time());
    assert_eq!(card.edited, Some(start_time() + Duration::minutes(5)));
    card_action(
        &mut session,
        CardAction::Edit {
            id,
            text: " \n".to_owned(),
            since: None,
        },
    );
    assert!(session.card(id).is_none());
}

#[test]
fn saving_unchanged_text_is_not_an_edit() {
    let mut session = seminar();
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "Samma");
    card_action(
        &mut session,
        CardAction::Edit {
            id,
            text: "Samma".to_owned(),
            since: None,
        },
    );
    assert_eq!(session.card(id).unwrap().edited, None);
}

#[test]
fn t_cycles_through_the_ros_tags_and_back_to_none() {
    let mut session = seminar();
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "x");
    let mut seen = Vec::new();
    for _ in 0..4 {
        card_action(&mut session, CardAction::CycleTag { id });
        seen.push(session.card(id).unwrap().tag.clone());
    }
    assert_eq!(
        seen,
        [
            Some("Regelverk".to_owned()),
            Some("Organisation".to_owned()),
            Some("Synsätt".to_owned()),
            None
        ]
    );
}

#[test]
fn the_agendas_own_tag_set_is_used_when_it_has_one() {
    let mut session = seminar();
    session.agenda.tags = Some(vec!["Elev".to_owned(), "Vårdnadshavare".to_owned()]);
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "x");
    card_action(&mut session, CardAction::CycleTag { id });
    card_action(&mut session, CardAction::CycleTag { id });
    assert_eq!(
        session.card(id).unwrap().tag.as_deref(),
        Some("Vårdnadshavare")
    );
}

#[test]
fn q_toggles_the_quote_mark() {
    let mut session = seminar();
    let id = add(
        &mut session,
        SegmentIx(PLENARY),
        Some(0),
        "”Alla barn ska med”",
    );
    card_action(&mut session, CardAction::ToggleQuote { id });
    assert!(session.card(id).unwrap().quote);
    card_action(&mut session, CardAction::ToggleQuote { id });
    assert!(!session.card(id).unwrap().quote);
}

#[test]
fn action_plan_cards_start_in_the_first_horizon_and_h_moves_them_round() {
    let mut session = seminar();
    let plan = segment_of_kind(&session, SegmentKind::ActionPlan);
    let horizons = session.columns(SegmentIx(plan)).unwrap();
    assert_eq!(horizons[0], "Vad bör vi göra direkt?");
    let id = add(&mut session, SegmentIx(plan), Some(2), "Kartlägg frånvaron");
    let mut seen = vec![session.card(id).unwrap().horizon.clone().unwrap()];
    for _ in 0..3 {
        card_action(&mut session, CardAction::NextHorizon { id });
        seen.push(session.card(id).unwrap().horizon.clone().unwrap());
    }
    assert_eq!(
        seen,
        [&horizons[0][..], &horizons[1], &horizons[2], &horizons[0]]
    );
}

#[test]
fn vision_cards_sit_under_the_vision_headings() {
    let mut session = seminar();
    let vision = segment_of_kind(&session, SegmentKind::Vision);
    let id = add(&mut session, SegmentIx(vision), Some(0), "Trygga vuxna");
    assert_eq!(
        session.card(id).unwrap().horizon.as_deref(),
        Some("Styrkor i dag")
    );
    card_action(&mut session, CardAction::NextHorizon { id });
    assert_eq!(
        session.card(id).unwrap().horizon.as_deref(),
        Some("Utvecklingsbehov")
    );
}

#[test]
fn cards_of_other_kinds_have_no_horizon_and_h_leaves_them_alone() {
    let mut session = seminar();
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "x");
    card_action(&mut session, CardAction::NextHorizon { id });
    assert_eq!(session.card(id).unwrap().horizon, None);
    assert_eq!(session.columns(SegmentIx(PLENARY)), None);
}

#[test]
fn board_order_is_by_horizon_then_by_writing_order() {
    let mut session = seminar();
    let plan = segment_of_kind(&session, SegmentKind::ActionPlan);
    let late = add(&mut session, SegmentIx(plan), Some(0), "sikt");
    add(&mut session, SegmentIx(plan), Some(0), "direkt 1");
    card_action(&mut session, CardAction::NextHorizon { id: late });
    card_action(&mut session, CardAction::NextHorizon { id: late });
    add(&mut session, SegmentIx(plan), Some(0), "direkt 2");
    assert_eq!(
        texts(&session, SegmentIx(plan), Some(0)),
        ["direkt 1", "direkt 2", "sikt"]
    );
}

#[test]
fn private_notes_are_kept_per_segment_and_blank_removes_them() {
    let mut session = seminar();
    let note = |text: &str| CardAction::SetPrivateNote {
        segment: SegmentIx(2),
        text: text.to_owned(),
    };
    card_action(&mut session, note("Fråga Helena om statistiken"));
    assert_eq!(
        session.private_note(SegmentIx(2)),
        Some("Fråga Helena om statistiken")
    );
    assert_eq!(session.private_note(SegmentIx(1)), None);
    card_action(&mut session, note(""));
    assert_eq!(session.private_note(SegmentIx(2)), None);
}

#[test]
fn a_session_with_cards_survives_a_ron_round_trip() {
    let mut session = seminar();
    let id = add(
        &mut session,
        SegmentIx(PLENARY),
        Some(0),
        "å ä ö 🙂 漢字 e\u{301}\n\"citat\"",
    );
    card_action(&mut session, CardAction::CycleTag { id });
    card_action(&mut session, CardAction::ToggleQuote { id });
    card_action(
        &mut session,
        CardAction::SetPrivateNote {
            segment: SegmentIx(1),
            text: "privat".to_owned(),
        },
    );
    let text = ron::to_string(&session).unwrap();
    let back: Session = ron::from_str(&text).unwrap();
    assert_eq!(back, session);
}

/// Seminarium 3 with its plenary asking for two priorities per group, its
/// vision with columns of its own and its own tags.
fn workshop() -> Session {
    let mut session = seminar();
    session.agenda.segments[PLENARY].priorities = Some(2);
    let vision = segment_of_kind(&session, SegmentKind::Vision);
    session.agenda.segments[vision].columns = Some(vec!["Styrkor".into(), "Hinder".into()]);
    session.agenda.segments[vision].headings = None;
    session.agenda.segments[vision].tags = Some(vec!["Elev".into(), "Skola".into()]);
    session
}

#[test]
fn a_group_marks_as_many_priorities_as_the_segment_allows_and_can_take_one_back() {
    let mut session = workshop();
    let ids: Vec<CardId> = ["a", "b", "c"]
        .iter()
        .map(|text| add(&mut session, SegmentIx(PLENARY), Some(0), text))
        .collect();
    let other = add(&mut session, SegmentIx(PLENARY), Some(1), "d");
    for id in &ids {
        card_action(&mut session, CardAction::TogglePriority { id: *id });
    }
    card_action(&mut session, CardAction::TogglePriority { id: other });
    let marked = |session: &Session| -> Vec<bool> {
        session.cards.iter().map(|card| card.priority).collect()
    };
    // The third of group 1 is one too many; group 2 counts on its own.
    assert_eq!(marked(&session), [true, true, false, true]);
    assert_eq!(session.priority_allowed(ids[2]), Some(false));
    card_action(&mut session, CardAction::TogglePriority { id: ids[0] });
    card_action(&mut session, CardAction::TogglePriority { id: ids[2] });
    assert_eq!(marked(&session), [false, true, true, true]);
    // A segment that asks for no priorities takes no mark.
    let vision = segment_of_kind(&session, SegmentKind::Vision);
    let plain = add(&mut session, SegmentIx(vision), Some(0), "e");
    card_action(&mut session, CardAction::TogglePriority { id: plain });
    assert!(!session.card(plain).unwrap().priority);
    assert_eq!(session.priority_allowed(plain), None);
}

#[test]
fn a_segment_s_own_columns_and_tags_replace_the_vision_s() {
    let mut session = workshop();
    let vision = segment_of_kind(&session, SegmentKind::Vision);
    assert_eq!(
        session.columns(SegmentIx(vision)),
        Some(vec!["Styrkor".to_owned(), "Hinder".to_owned()])
    );
    let id = add(&mut session, SegmentIx(vision), Some(0), "Trygga vuxna");
    assert_eq!(
        session.card(id).unwrap().horizon.as_deref(),
        Some("Styrkor")
    );
    card_action(&mut session, CardAction::NextHorizon { id });
    assert_eq!(session.card(id).unwrap().horizon.as_deref(), Some("Hinder"));
    let tags: Vec<Option<String>> = (0..3)
        .map(|_| {
            card_action(&mut session, CardAction::CycleTag { id });
            session.card(id).unwrap().tag.clone()
        })
        .collect();
    assert_eq!(tags, [Some("Elev".into()), Some("Skola".into()), None]);
    // Elsewhere the agenda's tags still hold, and the summary knows both.
    assert_eq!(session.tags(SegmentIx(PLENARY)), session.agenda.tag_set());
    assert_eq!(
        session.every_tag(),
        ["Regelverk", "Organisation", "Synsätt", "Elev", "Skola"]
    );
}

#[test]
fn an_edit_from_an_older_revision_is_refused_and_every_new_text_counts_one() {
    let mut session = seminar();
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "Första");
    let edit = |since, text: &str| {
        SessionAction::Card(CardAction::Edit {
            id,
            text: text.to_owned(),
            since,
        })
    };
    let at = start_time();
    assert!(session.apply(edit(Some(0), "Andra"), at).changed);
    assert_eq!(session.card(id).unwrap().revision, 1);
    // A form that showed revision 0 is out of date now.
    let stale = session.apply(edit(Some(0), "Från en gammal sida"), at);
    assert_eq!(stale.refused, Some(Refused::Stale));
    assert!(!stale.changed);
    assert_eq!(session.card(id).unwrap().text, "Andra");
    assert!(session.apply(edit(Some(1), "Tredje"), at).changed);
    assert!(session.apply(edit(None, "Fjärde"), at).changed);
    assert_eq!(session.card(id).unwrap().revision, 3);
    let same = session.apply(edit(Some(3), "Fjärde"), at);
    assert_eq!((same.changed, same.refused), (false, None));
}

#[test]
fn a_card_removed_from_a_phone_is_kept_hidden_with_who_and_when_and_comes_back() {
    let mut session = seminar();
    let id = add(&mut session, SegmentIx(PLENARY), Some(0), "Läxhjälp");
    let at = start_time();
    let removed = session.apply(
        SessionAction::Card(CardAction::Remove { id, device: 4 }),
        at,
    );
    assert!(removed.changed);
    let card = session.card(id).expect("kept in the session");
    assert!(card.hidden);
    assert_eq!(card.removed, Some(Removed { device: 4, at }));
    assert_eq!(session.removed_cards().count(), 1);
    assert!(session.without_hidden().card(id).is_none());
    let back = session.apply(SessionAction::Card(CardAction::ToggleHidden { id }), at);
    assert!(back.changed);
    let card = session.card(id).expect("back");
    assert!(!card.hidden && card.removed.is_none());
}

#[test]
fn a_new_card_says_its_id_and_a_blank_or_misplaced_one_why_not() {
    let mut session = seminar();
    let add = |group, text: &str| {
        SessionAction::Card(CardAction::Add {
            segment: SegmentIx(PLENARY),
            group,
            text: text.to_owned(),
        })
    };
    let at = start_time();
    let next = session.next_card_id;
    assert_eq!(
        session.apply(add(Lane::Plenary, "Ett kort"), at).added,
        Some(next)
    );
    assert_eq!(
        session.apply(add(Lane::Plenary, " \n "), at).refused,
        Some(Refused::Blank)
    );
    assert_eq!(
        session
            .apply(add(Lane::Group(99), "Ingen sådan grupp"), at)
            .refused,
        Some(Refused::Unknown)
    );
}

/// Seminarium 3's vision with room-wide dot voting, two dots each, and
/// three cards of two groups.
fn dotted() -> (Session, SegmentIx, [CardId; 3]) {
    let mut session = seminar();
    let vision = segment_of_kind(&session, SegmentKind::Vision);
    session.agenda.segments[vision].dots = Some(2);
    let segment = SegmentIx(vision);
    let ids = [
        add(&mut session, segment, Some(0), "Gemensam rutin"),
        add(&mut session, segment, Some(1), "Kontaktperson"),
        add(&mut session, segment, Some(1), "Fler möten"),
    ];
    (session, segment, ids)
}

#[test]
fn each_device_gives_its_dots_once_a_card_and_no_more_than_it_has() {
    let (mut session, segment, [first, second, third]) = dotted();
    let dot = |id, device| CardAction::ToggleDot { id, device };
    card_action(&mut session, dot(first, 7));
    card_action(&mut session, dot(second, 7));
    assert_eq!(session.dots_left(segment, 7), Some(0));
    card_action(&mut session, dot(third, 7));
    assert_eq!(session.card(third).unwrap().dot_count(), 0, "no dot left");
    // Its own dot again takes it back, and frees it for another card.
    card_action(&mut session, dot(second, 7));
    assert_eq!(session.dots_left(segment, 7), Some(1));
    card_action(&mut session, dot(third, 7));
    assert_eq!(session.card(third).unwrap().dot_count(), 1);
    // Another device has dots of its own; hand-counted dots add to them.
    card_action(&mut session, dot(first, 8));
    card_action(&mut session, CardAction::AddDot { id: third });
    card_action(&mut session, CardAction::AddDot { id: third });
    card_action(&mut session, CardAction::RemoveDot { id: first });
    assert_eq!(
        session.card(first).unwrap().dot_count(),
        2,
        "a phone's dot stays"
    );
    assert_eq!(session.card(third).unwrap().dot_count(), 3);
    // Where the segment votes not across the room, no dot is taken.
    let plenary = session
        .cards
        .iter()
        .position(|card| card.segment == SegmentIx(PLENARY));
    assert!(plenary.is_none());
    let elsewhere = add(&mut session, SegmentIx(PLENARY), None, "Annat");
    card_action(&mut session, CardAction::AddDot { id: elsewhere });
    card_action(&mut session, dot(elsewhere, 9));
    assert_eq!(session.card(elsewhere).unwrap().dot_count(), 0);
}

#[test]
fn the_rooms_ranking_puts_most_dots_first_and_cards_alike_share_a_place() {
    let (mut session, segment, [first, second, third]) = dotted();
    for (id, dots) in [(first, 2), (second, 5), (third, 2)] {
        for _ in 0..dots {
            card_action(&mut session, CardAction::AddDot { id });
        }
    }
    let ranking: Vec<(usize, &str, u32)> = session
        .ranking(segment)
        .iter()
        .map(|ranked| (ranked.place, ranked.card.text.as_str(), ranked.dots))
        .collect();
    assert_eq!(
        ranking,
        [
            (1, "Kontaktperson", 5),
            (2, "Gemensam rutin", 2),
            (2, "Fler möten", 2),
        ]
    );
    // A card taken down leaves the ranking.
    card_action(&mut session, CardAction::ToggleHidden { id: second });
    assert_eq!(session.ranking(segment)[0].place, 1);
    assert_eq!(session.ranking(segment).len(), 2);
}
