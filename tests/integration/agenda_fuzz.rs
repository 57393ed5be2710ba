//! No input, however broken, panics the agenda loader; every syntax error points
//! inside the text it was given. Agendas put together from the workshop's
//! constructs (columns, matrices, tags, priorities, group sets, follow-ups,
//! work between sessions, own sectors) either run, board and summaries
//! included, or are refused with every problem placed in the text.

use proptest::prelude::*;
use samla::agenda::{AgendaError, BUNDLED, parse_agenda};

/// Asserts that a reported position lies within `bytes` (or just after its end).
fn assert_position_inside(bytes: &[u8], result: &Result<samla::agenda::Agenda, AgendaError>) {
    if let Err(AgendaError::Syntax { line, column, .. }) = result {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            *line >= 1 && *line <= lines.len(),
            "line {line} of {}",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        assert!(
            *column >= 1 && *column <= width + 1,
            "column {column} of {width}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let result = parse_agenda("fuzz.ron", &bytes);
        prop_assert!(result.is_err() || !bytes.is_empty());
        assert_position_inside(&bytes, &result);
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in "\\PC{0,400}") {
        let result = parse_agenda("fuzz.ron", text.as_bytes());
        assert_position_inside(text.as_bytes(), &result);
    }

    #[test]
    fn edits_of_bundled_agendas_never_panic_the_loader(
        which in 0..BUNDLED.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<char>()), 1..6),
    ) {
        let mut text: Vec<char> = BUNDLED[which].1.chars().collect();
        for (at, how, ch) in edits {
            let index = at.index(text.len() + 1);
            match how {
                0 if index < text.len() => { text.remove(index); }
                1 => text.insert(index, ch),
                2 if index < text.len() => text[index] = ch,
                _ => text.truncate(index),
            }
        }
        let text: String = text.into_iter().collect();
        let result = parse_agenda("edited.ron", text.as_bytes());
        assert_position_inside(text.as_bytes(), &result);
    }
}

/// A list field of 0–`most` texts, some blank or repeated, as RON.
fn texts(most: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            1 => Just(String::new()),
            1 => Just("Styrkor".to_owned()),
            12 => "[A-Za-zåäöÅÄÖ]{1,12}",
        ],
        1..=most,
    )
    .prop_map(|items| {
        let quoted: Vec<String> = items.iter().map(|item| format!("{item:?}")).collect();
        format!("[{}]", quoted.join(", "))
    })
}

/// One segment of any kind with any of the workshop's fields.
fn segment() -> impl Strategy<Value = String> {
    let kinds = prop::sample::select(vec![
        "Welcome",
        "GroupDiscussion",
        "Individual",
        "Pairs",
        "Plenary",
        "Break",
        "Vision",
        "ActionPlan",
        "Poll",
        "FollowUp",
        "Closing",
    ]);
    // Each field mostly where it belongs, now and then where it does not.
    kinds
        .prop_flat_map(|kind| {
            let writing = [
                "GroupDiscussion",
                "Individual",
                "Pairs",
                "Vision",
                "ActionPlan",
            ]
            .contains(&kind);
            let grouped = writing && !["Individual", "Pairs"].contains(&kind);
            let odds = |fits: bool, often: f64| if fits { often } else { 0.03 };
            (
                Just(kind),
                prop::option::weighted(odds(writing, 0.4), texts(7)),
                prop::option::weighted(odds(writing, 0.3), texts(7)),
                prop::option::weighted(odds(writing, 0.3), texts(10)),
                prop::option::weighted(odds(writing, 0.3), 0..11u32),
                prop::option::weighted(
                    odds(grouped, 0.4),
                    prop::sample::select(vec!["blandade", "blandade", "saknas"]),
                ),
                prop::option::weighted(
                    odds(kind == "FollowUp", 0.9),
                    prop::sample::select(vec!["plan", "plan", "Fel id"]),
                ),
                prop::option::weighted(
                    odds(writing, 0.3),
                    prop::sample::select(vec!["\"\"", "\"Analys\"", "\"Analys\""]),
                ),
                prop::option::weighted(
                    odds(kind == "Poll", 0.5),
                    prop::sample::select(vec!["[Skola]", "[\"fritid\"]", "[Halsovard, \"elev\"]"]),
                ),
                1..4u32,
            )
        })
        .prop_map(
            |(
                kind,
                columns,
                rows,
                tags,
                priorities,
                set,
                follows,
                exercise,
                breakdown,
                minutes,
            )| {
                let mut fields = vec![
                    format!("kind: {kind}"),
                    "title: \"Pass\"".to_owned(),
                    format!("minutes: {}", minutes * 10),
                ];
                let optional = [
                    ("columns", columns),
                    ("rows", rows),
                    ("tags", tags),
                    ("priorities", priorities.map(|n| n.to_string())),
                    ("group_set", set.map(|id| format!("{id:?}"))),
                    ("follows", follows.map(|id| format!("{id:?}"))),
                    ("exercise", exercise.map(str::to_owned)),
                    ("breakdown", breakdown.map(str::to_owned)),
                ];
                for (name, value) in optional {
                    if let Some(value) = value {
                        fields.push(format!("{name}: {value}"));
                    }
                }
                if kind == "Poll" {
                    fields.push("statements: [(text: \"Vi vet vem som gör vad\")]".to_owned());
                }
                format!(
                    "        (\n            {},\n        ),",
                    fields.join(",\n            ")
                )
            },
        )
}

/// An agenda put together from the workshop's constructs, valid or not.
fn workshop_agenda() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(segment(), 1..5),
        prop::option::weighted(0.5, prop::sample::select(vec![
            "[(id: \"blandade\", name: \"Blandade\", count: 4)]",
            "[(id: \"blandade\", name: \"Blandade\", groups: [(name: \"A\", questions: [\"Fokus\"]), (name: \"B\")])]",
            "[(id: \"blandade\", name: \"Blandade\")]",
            "[(id: \"blandade\", name: \"X\", count: 40), (id: \"blandade\", name: \"Y\", count: 2)]",
        ])),
        prop::option::weighted(0.3, prop::sample::select(vec![
            "[(id: \"fritid\", name: \"Fritid\", code: \"fr\"), (id: \"elev\", name: \"Elev\")]",
            "[(id: \"fritid\", name: \"\", code: \"f1\"), (id: \"fritid\", name: \"Fritid\")]",
            "[(id: Skola, name: \"Skola\"), (id: Halsovard, name: \"Vården\", code: \"hs\")]",
        ])),
        prop::option::weighted(0.3, prop::sample::select(vec![
            "[(what: \"Samla statistik\", who: \"Rektorerna\", by: \"2027-03-31\")]",
            "[(what: \"\")]",
        ])),
        prop::option::of(prop::sample::select(vec!["Workshop", "Dialogue", "Meeting"])),
        1..14u32,
    )
        .prop_map(|(segments, sets, sectors, between, event, groups)| {
            let mut head = vec![
                "    title: \"Workshop\"".to_owned(),
                format!("    groups: {groups}"),
            ];
            let optional = [
                ("group_sets", sets),
                ("sectors", sectors),
                ("between", between),
                ("event", event),
            ];
            for (name, value) in optional {
                if let Some(value) = value {
                    head.push(format!("    {name}: {value}"));
                }
            }
            let segments = segments.join("\n");
            format!("Agenda(\n{},\n    segments: [\n{segments}\n    ],\n)\n", head.join(",\n"))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn workshop_agendas_are_run_or_refused_with_every_problem_placed_in_the_text(
        text in workshop_agenda(),
    ) {
        match parse_agenda("workshop.ron", text.as_bytes()) {
            Ok(agenda) => run_through(agenda),
            Err(AgendaError::Invalid { problems, .. }) => {
                let lines: Vec<&str> = text.split('\n').collect();
                for problem in problems {
                    let (line, column) = problem.at.unwrap_or_else(|| panic!("{problem:?} has no place in\n{text}"));
                    prop_assert!(line >= 1 && line <= lines.len(), "{problem:?} in\n{text}");
                    prop_assert!(column <= lines[line - 1].chars().count() + 1, "{problem:?} in\n{text}");
                }
            }
            Err(other) => prop_assert!(false, "generated text is well-formed RON: {other}\n{text}"),
        }
    }
}

/// A valid agenda runs: a card in every lane's first cell of every segment,
/// each marked as a priority where it may be, a frame drawn and the summary
/// written in every format.
fn run_through(agenda: samla::agenda::Agenda) {
    use samla::session::{CardAction, Lane, Session, SessionAction};
    let start = crate::common::board::one_pm();
    let groups = (1..=agenda.group_count().unwrap_or(3))
        .map(|n| format!("Grupp {n}"))
        .collect();
    let mut session = Session::new(agenda, groups, start);
    for segment in 0..session.agenda.segments.len() {
        let lanes = (0..session.group_count_in(samla::session::SegmentIx(segment)))
            .map(Lane::Group)
            .chain([Lane::Plenary]);
        for lane in lanes {
            let id = session.next_card_id;
            let action = CardAction::AddInColumn {
                segment: samla::session::SegmentIx(segment),
                group: lane,
                text: "Ett kort @Ansvarig !2027-03-31".into(),
                column: 0,
            };
            session.apply(SessionAction::Card(action), start);
            session.apply(
                SessionAction::Card(CardAction::TogglePriority { id }),
                start,
            );
        }
        session.apply(SessionAction::Next, start);
    }
    let state = samla::app::AppState::new(
        session,
        samla::agenda::Language::Sv,
        samla::ui::Theme::new(true),
        false,
        start,
    );
    crate::common::board::draw(&state, 80, 24);
    let summary = crate::common::fixture::summary(state.session());
    for format in [
        samla::export::Format::Md,
        samla::export::Format::Html,
        samla::export::Format::Eml,
        samla::export::Format::Csv(None),
    ] {
        samla::export::render(samla::export::Document::Session(&summary), format, &[])
            .expect("rendered");
    }
}
