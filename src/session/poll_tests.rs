//! Poll answers: respondent lines, tallies, statement results and the themes'
//! indices (vet ej, blanks, respondents without a valid answer).

use chrono::{TimeZone, Utc};

use super::*;
use crate::agenda::{Scale, Sector, Sectors, SegmentKind, Statement, load_bundled};
use crate::session::SegmentIx;

fn scale() -> Scale {
    Scale {
        min: 1,
        max: 5,
        min_label: None,
        max_label: None,
        labels: Vec::new(),
        dont_know: true,
    }
}

/// Four rating statements.
fn four() -> Vec<Statement> {
    vec![Statement::default(); 4]
}

/// Seminarium 3 with a poll of four statements in two themes as its last segment.
fn with_poll() -> (Session, usize) {
    let mut agenda = load_bundled("seminarium-3").unwrap().unwrap();
    let mut poll = agenda.segments[0].clone();
    poll.kind = SegmentKind::Poll;
    poll.instruction = None;
    poll.statements = ["a", "b", "c", "d"]
        .iter()
        .enumerate()
        .map(|(n, text)| Statement {
            text: (*text).to_owned(),
            theme: Some(if n < 2 { "Kunskap" } else { "Samsyn" }.to_owned()),
            ..Statement::default()
        })
        .collect();
    poll.scale = Some(scale());
    poll.breakdown = vec![Sector::SKOLA, Sector::SOCIALTJANST];
    agenda.segments.push(poll);
    let index = agenda.segments.len() - 1;
    let session = Session::new(
        agenda,
        vec!["Grupp 1".to_owned()],
        Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap(),
    );
    (session, index)
}

fn respond(session: &mut Session, segment: SegmentIx, line: &str) {
    let respondent = parse_line(line, &four(), &scale(), session.sectors()).unwrap();
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment,
            respondent,
        }),
        Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap(),
    );
}

#[test]
fn lines_are_read_spaced_or_compact() {
    let spaced = parse_line("sk 4 5 x -", &four(), &scale(), Sectors::new(&[])).unwrap();
    let compact = parse_line("SK45x-", &four(), &scale(), Sectors::new(&[])).unwrap();
    assert_eq!(spaced, compact);
    assert_eq!(spaced.sector, Some(Sector::SKOLA));
    assert_eq!(
        spaced.answers,
        [
            Answer::Value(4),
            Answer::Value(5),
            Answer::DontKnow,
            Answer::Missing
        ]
    );
    assert_eq!(
        parse_line("- 1 2 3 4", &four(), &scale(), Sectors::new(&[]))
            .unwrap()
            .sector,
        None
    );
    assert_eq!(
        parse_line("hs1234", &four(), &scale(), Sectors::new(&[]))
            .unwrap()
            .sector,
        Some(Sector::HALSOVARD)
    );
}

#[test]
fn bad_lines_say_what_is_wrong() {
    let error = |line: &str| parse_line(line, &four(), &scale(), Sectors::new(&[])).unwrap_err();
    assert_eq!(error("4 5 4 4"), LineProblem::NoSector);
    assert_eq!(error("xx 4 5 4 4"), LineProblem::UnknownSector("xx".into()));
    let count = |found| LineProblem::AnswerCount { found, expected: 4 };
    assert_eq!(error("sk 4 5 4"), count(3));
    assert_eq!(error("sk 4 5 4 4 4"), count(5));
    assert_eq!(
        error("sk 4 6 4 4"),
        LineProblem::NotAnAnswer {
            token: "6".into(),
            min: 1,
            max: 5
        }
    );
    let no_dont_know = Scale {
        dont_know: false,
        ..scale()
    };
    assert_eq!(
        parse_line("sk x 1 1 1", &four(), &no_dont_know, Sectors::new(&[])).unwrap_err(),
        LineProblem::DontKnowNotAllowed
    );
}

#[test]
fn the_index_leaves_out_vet_ej_and_blanks() {
    let respondent = parse_line("sk 4 x 2 -", &four(), &scale(), Sectors::new(&[])).unwrap();
    assert_eq!(index(&respondent, &[0, 1]), Some(4.0));
    assert_eq!(index(&respondent, &[2, 3]), Some(2.0));
    let none = parse_line("so x - x x", &four(), &scale(), Sectors::new(&[])).unwrap();
    assert_eq!(index(&none, &[0, 1]), None, "no valid answer, no index");
}

#[test]
fn levels_split_at_three_and_three_and_a_half() {
    let at = scale().halfway();
    assert_eq!(at, 3.5, "the follow-up study's split on 1–5");
    assert_eq!(level(3.0, at), Level::Lower);
    assert_eq!(level(1.0, at), Level::Lower);
    assert_eq!(level(3.5, at), Level::Higher);
    assert_eq!(level(5.0, at), Level::Higher);
    assert_eq!(
        level(3.33, at),
        Level::Lower,
        "between the two counts as lower"
    );
}

#[test]
fn any_scale_splits_halfway_up_or_where_its_theme_says_or_not_at_all() {
    let four = Scale { max: 4, ..scale() };
    let ten = Scale {
        min: 0,
        max: 10,
        ..scale()
    };
    assert_eq!((four.halfway(), ten.halfway()), (3.0, 5.5));
    let (mut session, poll) = with_poll();
    session.agenda.segments[poll].scale = Some(four.clone());
    session.agenda.segments[poll].splits = vec![
        crate::agenda::ThemeSplit {
            theme: "Kunskap".into(),
            higher_from: Some(2.5),
        },
        crate::agenda::ThemeSplit {
            theme: "Samsyn".into(),
            higher_from: None,
        },
    ];
    let segment = &session.agenda.segments[poll];
    assert_eq!(segment.split_of("Kunskap", &four), Some(2.5));
    assert_eq!(segment.split_of("Samsyn", &four), None);
    assert_eq!(segment.split_of("Annat", &four), Some(3.0));
    respond_on(&mut session, SegmentIx(poll), &four, "sk 2 3 4 4"); // kunskap 2.5: higher at 2.5
    respond_on(&mut session, SegmentIx(poll), &four, "so 2 2 1 1"); // kunskap 2: lower
    let tables = session.theme_tables(SegmentIx(poll));
    assert_eq!(tables.len(), 1, "Samsyn has no split, so no table");
    assert_eq!(
        (tables[0].theme.as_str(), tables[0].higher_from),
        ("Kunskap", 2.5)
    );
    assert_eq!(tables[0].total, (1, 1));
}

#[test]
fn every_step_may_have_its_label_and_the_ends_keep_theirs() {
    let labelled = Scale {
        max: 4,
        labels: [
            "Inte alls",
            "I liten grad",
            "I ganska hög grad",
            "I hög grad",
        ]
        .map(str::to_owned)
        .to_vec(),
        ..scale()
    };
    assert_eq!(labelled.steps(), 4);
    assert_eq!(labelled.label(2), Some("I liten grad"));
    assert_eq!(labelled.label(5), None);
    let ends = Scale {
        min_label: Some("Stämmer inte alls".into()),
        max_label: Some("Stämmer helt".into()),
        ..scale()
    };
    assert_eq!(ends.label(1), Some("Stämmer inte alls"));
    assert_eq!(ends.label(3), None);
    assert_eq!(ends.label(5), Some("Stämmer helt"));
}

fn respond_on(session: &mut Session, segment: SegmentIx, scale: &Scale, line: &str) {
    let respondent = parse_line(line, &four(), scale, session.sectors()).unwrap();
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment,
            respondent,
        }),
        Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap(),
    );
}

#[test]
fn theme_tables_count_levels_per_sector_and_in_total() {
    let (mut session, poll) = with_poll();
    respond(&mut session, SegmentIx(poll), "sk 3 3 5 5"); // kunskap 3 lower, samsyn 5 higher
    respond(&mut session, SegmentIx(poll), "sk 4 3 x x"); // 3.5 higher; no samsyn index
    respond(&mut session, SegmentIx(poll), "so 5 5 1 2"); // higher; lower
    respond(&mut session, SegmentIx(poll), "hs 1 1 5 5"); // not in the breakdown: a column of its own
    respond(&mut session, SegmentIx(poll), "- x x x x"); // no index at all
    respond(&mut session, SegmentIx(poll), "- 5 5 5 5"); // no sector: a column of its own
    let tables = session.theme_tables(SegmentIx(poll));
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].theme, "Kunskap");
    let sector = |sector: Sector, lower, higher| (Cohort::Sector(sector), lower, higher);
    assert_eq!(
        tables[0].columns,
        [
            sector(Sector::SKOLA, 1, 1),
            sector(Sector::SOCIALTJANST, 0, 1),
            sector(Sector::HALSOVARD, 1, 0),
            (Cohort::NotGiven, 0, 1)
        ]
    );
    assert_eq!(tables[0].total, (2, 3));
    assert_eq!(tables[1].theme, "Samsyn");
    assert_eq!(
        tables[1].columns,
        [
            sector(Sector::SKOLA, 0, 1),
            sector(Sector::SOCIALTJANST, 1, 0),
            sector(Sector::HALSOVARD, 0, 1),
            (Cohort::NotGiven, 0, 1)
        ]
    );
    assert_eq!(tables[1].total, (1, 3));
    // The columns add up to the total.
    for table in &tables {
        let lower: u32 = table.columns.iter().map(|(_, lower, _)| lower).sum();
        let higher: u32 = table.columns.iter().map(|(_, _, higher)| higher).sum();
        assert_eq!((lower, higher), table.total, "{}", table.theme);
    }
}

#[test]
fn statement_results_add_forms_and_tallies() {
    let (mut session, poll) = with_poll();
    respond(&mut session, SegmentIx(poll), "sk 4 5 x -");
    respond(&mut session, SegmentIx(poll), "so 2 5 1 1");
    let at = Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap();
    for (answer, delta) in [
        (Answer::Value(5), 1),
        (Answer::Value(5), 1),
        (Answer::DontKnow, 1),
        (Answer::Value(5), -1),
    ] {
        session.apply(
            SessionAction::Poll(PollAction::Tally {
                segment: SegmentIx(poll),
                statement: 0,
                answer,
                delta,
            }),
            at,
        );
    }
    let results = session.statement_results(SegmentIx(poll));
    assert_eq!(results[0].counts, [0, 1, 0, 1, 1]);
    assert_eq!(results[0].dont_know, 1);
    assert_eq!(results[0].n, 3);
    assert_eq!(results[0].mean, Some(11.0 / 3.0));
    assert_eq!(results[2].dont_know, 1);
    assert_eq!(results[3].n, 1, "a blank is not counted");
}

#[test]
fn the_last_form_can_be_taken_back_and_wrong_lengths_are_refused() {
    let (mut session, poll) = with_poll();
    respond(&mut session, SegmentIx(poll), "sk 1 2 3 4");
    respond(&mut session, SegmentIx(poll), "so 1 2 3 4");
    let at = Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap();
    session.apply(
        SessionAction::Poll(PollAction::RemoveLastRespondent {
            segment: SegmentIx(poll),
        }),
        at,
    );
    assert_eq!(session.poll(SegmentIx(poll)).unwrap().respondents.len(), 1);
    let short = Respondent {
        sector: None,
        answers: vec![Answer::Missing],
        other: Default::default(),
        from_room: None,
    };
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment: SegmentIx(poll),
            respondent: short,
        }),
        at,
    );
    assert_eq!(session.poll(SegmentIx(poll)).unwrap().respondents.len(), 1);
}

#[test]
fn an_agenda_with_its_own_sectors_reads_their_codes_and_tables_them_in_its_order() {
    let (mut session, poll) = with_poll();
    session.agenda.sectors = vec![
        crate::agenda::SectorDef {
            id: Sector::new("fritid"),
            name: "Fritid".into(),
            code: Some("fr".into()),
        },
        crate::agenda::SectorDef {
            id: Sector::new("elev"),
            name: "Elev".into(),
            code: None,
        },
    ];
    session.agenda.segments[poll].breakdown = Vec::new();
    assert_eq!(
        parse_line("sk 1 2 3 4", &four(), &scale(), session.sectors()).unwrap_err(),
        LineProblem::UnknownSector("sk".into()),
        "the built-in codes give way to the agenda's"
    );
    respond(&mut session, SegmentIx(poll), "elev 4 4 1 1");
    respond(&mut session, SegmentIx(poll), "FR1122");
    respond(&mut session, SegmentIx(poll), "elev5522");
    let tables = session.theme_tables(SegmentIx(poll));
    assert_eq!(
        tables[0].columns,
        [
            (Cohort::Sector(Sector::new("fritid")), 1, 0),
            (Cohort::Sector(Sector::new("elev")), 0, 2)
        ],
        "in the agenda's order, not the order they answered"
    );
}
