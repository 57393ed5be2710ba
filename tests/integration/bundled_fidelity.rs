//! The two bundled agendas written for the workshops the source documents
//! describe, run through the session and exported: the dialogue meeting (a
//! matrix of ROS × the levels around the child, the room's dots across the
//! groups, an action plan with owners and coordinators) and the theme day's
//! evaluation (a stem, "Annat, ange vad", yes/no, a breakdown, free text),
//! read back with a real CommonMark parser.

use samla::agenda::{SegmentKind, load_bundled};
use samla::session::{CardAction, CardId, Lane, PollAction, Session, SessionAction};

use crate::common::board::{draw, state_at};
use crate::common::fixture::{saved_at, segment_of, summary};
use crate::common::markdown::{next_after, outline, tables};

fn session_of(agenda: &str, groups: usize) -> Session {
    let agenda = load_bundled(agenda).expect("bundled").expect("valid");
    let names = (1..=groups).map(|n| format!("Grupp {n}")).collect();
    Session::new(agenda, names, saved_at())
}

fn card(session: &mut Session, action: CardAction) -> CardId {
    let id = session.next_card_id;
    session.apply(SessionAction::Card(action), saved_at());
    id
}

/// The dialogue meeting with four groups: three hinder in the matrix, three
/// phones' dots and two from the paper wall, a priority with an owner and a
/// coordinator in the action plan.
pub(crate) fn dialogue_meeting() -> Session {
    let mut session = session_of("dialogmote", 4);
    let matrix = segment_of(&session, SegmentKind::GroupDiscussion);
    let plan = segment_of(&session, SegmentKind::ActionPlan);
    assert_eq!(session.rows(matrix).map(|rows| rows.len()), Some(3));
    // Hinder in two groups' matrices: column 5 is row 2's second cell.
    let hinder = [
        (0, "Ingen ringer hem första dagen", 0),
        (1, "Sekretessen stoppar samtalet", 5),
        (2, "Ingen äger frågan", 6),
    ];
    let ids: Vec<CardId> = hinder
        .iter()
        .map(|(group, text, column)| {
            card(
                &mut session,
                CardAction::AddInColumn {
                    segment: matrix,
                    group: Lane::Group(*group),
                    text: (*text).to_owned(),
                    column: *column,
                },
            )
        })
        .collect();
    // Three phones' dots, and two stuck on the paper wall.
    for (device, id) in [(1, ids[1]), (2, ids[1]), (3, ids[2])] {
        card(&mut session, CardAction::ToggleDot { id, device });
    }
    for _ in 0..2 {
        card(&mut session, CardAction::AddDot { id: ids[0] });
    }
    let action = card(
        &mut session,
        CardAction::Add {
            segment: plan,
            group: Lane::Group(1),
            text: "Gemensam rutin för första frånvarodagen @Rektorerna +Anna Berg !2026-05-31 ?2026-09-15"
                .to_owned(),
        },
    );
    card(&mut session, CardAction::TogglePriority { id: action });
    session
}

#[test]
fn the_dialogue_meeting_ranks_the_rooms_dots_and_names_owners_and_coordinators() {
    let session = dialogue_meeting();
    let text = samla::export::markdown(&summary(&session));
    assert!(
        text.contains("en sammanfattning av dialogmötet *"),
        "{text}"
    );
    let ranking = tables(&text)
        .into_iter()
        .find(|table| table[0] == ["Plats", "Kort", "Grupp", "Prickar"])
        .expect("the room's ranking");
    let rows: Vec<(&str, &str, &str)> = ranking[1..]
        .iter()
        .map(|row| (row[0].as_str(), row[1].as_str(), row[3].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("1", "Ingen ringer hem första dagen", "2"),
            ("1", "Sekretessen stoppar samtalet", "2"),
            ("3", "Ingen äger frågan", "1"),
        ]
    );
    let in_words = "- ★ Gemensam rutin för första frånvarodagen (Rektorerna; samordnare Anna Berg) – klart senast 2026-05-31, följs upp 2026-09-15";
    assert!(
        outline(&text)
            .iter()
            .any(|block| block.starts_with(in_words)),
        "the group's priority in words: {text}"
    );
    let plan_table = tables(&text)
        .into_iter()
        .find(|table| table[0][0] == "Åtgärd")
        .expect("the action plan's table");
    assert_eq!(plan_table[1][1], "Rektorerna; samordnare Anna Berg");
}

/// The theme day's evaluation, as four people filled it in on paper:
/// where they work (d: "Annat, ange vad"), the three statements under the
/// stem, yes/no, then the texts in the questions' order.
const FORMS: [&str; 4] = [
    "- a 4 5 3 j | Ringa hem samma dag | Mer tid i grupperna",
    "- b 3 4 4 j",
    "- d 5 5 2 n | Fritidsgården | Kontakt med skolan",
    "- a 2 3 5 j | | Färre bilder",
];

/// The theme day with its evaluation's four forms entered.
pub(crate) fn theme_day() -> Session {
    let mut session = session_of("temadag", 4);
    let poll = segment_of(&session, SegmentKind::Poll);
    let segment = session.agenda.segments[poll.0].clone();
    let scale = segment.scale_or_default(session.agenda.language);
    for line in FORMS {
        let respondent =
            samla::session::parse_line(line, &segment.statements, &scale, session.sectors())
                .unwrap_or_else(|problem| panic!("{line}: {problem:?}"));
        session.apply(
            SessionAction::Poll(PollAction::AddRespondent {
                segment: poll,
                respondent,
            }),
            saved_at(),
        );
    }
    session
}

#[test]
fn the_theme_days_evaluation_keeps_its_stem_annat_breakdown_and_texts() {
    let session = theme_day();
    let poll = segment_of(&session, SegmentKind::Poll);
    assert_eq!(session.poll(poll).expect("answers").respondents.len(), 4);
    let text = samla::export::markdown(&summary(&session));
    let shown = outline(&text);
    let at = |block: &str| {
        shown
            .iter()
            .position(|shown| shown == block)
            .unwrap_or_else(|| panic!("{block}: {text}"))
    };
    assert!(
        text.contains("Här är en sammanfattning av temadagen *Temadag"),
        "{text}"
    );
    assert_eq!(next_after(&text, "Dagen har gett mig:"), "[table]");
    assert_eq!(next_after(&text, "Annat, ange vad:"), "- Fritidsgården");
    assert!(at("- Ringa hem samma dag") > at("### Vad tar du med dig från i dag?"));
    assert!(at("- Färre bilder") > at("### Vad kan vi göra bättre nästa gång?"));
    let all = tables(&text);
    let stem_table = all
        .iter()
        .find(|table| table.get(1).is_some_and(|row| row[0].starts_with("a) ")))
        .expect("the stem's table");
    assert_eq!(stem_table.len(), 4, "a head and three statements");
    let yes_no = all
        .iter()
        .find(|table| table.get(1).is_some_and(|row| row[0] == "Ja"))
        .expect("yes/no counted");
    assert_eq!(yes_no[1][1], "3");
    assert!(
        shown.contains(&"### Dagens värde efter svaren på ”Var arbetar du?”".to_owned()),
        "broken down by where they work: {text}"
    );
    // The run screen names the stem above its statements' boxes.
    let state = state_at("temadag", 4, SegmentKind::Poll);
    let screen = draw(&state, 160, 48).backend().to_string();
    assert!(screen.contains("Dagen har gett mig:"), "{screen}");
}
