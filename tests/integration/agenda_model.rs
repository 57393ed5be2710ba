//! The agenda model: bundled seminars, defaults and the file format's round trip.

use std::path::Path;

use samla::agenda::{
    Agenda, BUNDLED, DEFAULT_AGENDA, Language, Origin, SegmentKind, find_agenda, load_bundled,
    parse_agenda,
};

fn bundled(id: &str) -> Agenda {
    load_bundled(id)
        .unwrap_or_else(|| panic!("{id} is bundled"))
        .unwrap_or_else(|error| panic!("{id} is valid: {error}"))
}

fn segment_of_kind(agenda: &Agenda, kind: SegmentKind) -> &samla::agenda::Segment {
    agenda
        .segments
        .iter()
        .find(|segment| segment.kind == kind)
        .unwrap_or_else(|| panic!("{} has a {kind:?} segment", agenda.title))
}

fn all_questions(agenda: &Agenda) -> Vec<&str> {
    agenda
        .segments
        .iter()
        .flat_map(|s| s.questions.iter().map(String::as_str))
        .collect()
}

#[test]
fn the_bundled_list_is_exactly_the_files_in_the_agendas_folder() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas");
    let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
        .expect("agendas folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .map(|path| samla::agenda::agenda_id(&path))
        .collect();
    on_disk.sort();
    let mut compiled: Vec<String> = BUNDLED.iter().map(|(id, _)| (*id).to_owned()).collect();
    compiled.sort();
    assert_eq!(on_disk, compiled);
    for (id, text) in BUNDLED {
        let file = std::fs::read_to_string(folder.join(format!("{id}.ron"))).expect("read");
        assert_eq!(&file, text, "{id}: the binary carries the file as it is");
    }
}

#[test]
fn the_seminars_run_three_hours_in_swedish() {
    for id in [
        "seminarium-1",
        "seminarium-2",
        "seminarium-3",
        "erfarenhetsutbyte",
    ] {
        let agenda = bundled(id);
        assert_eq!(agenda.total_minutes(), 180, "{id}");
        assert_eq!(agenda.language, Language::Sv, "{id}");
        assert_eq!(
            agenda.series.as_deref(),
            Some("Att främja skolnärvaro och förebygga skolfrånvaro"),
            "{id}"
        );
        assert!(
            agenda.segments.iter().any(|s| s.kind == SegmentKind::Break),
            "{id} has a break"
        );
        assert!(
            agenda
                .segments
                .iter()
                .all(|s| s.kind != SegmentKind::Break || s.fixed),
            "{id}"
        );
    }
    assert_eq!(bundled("workshop-en").language, Language::En);
    assert_eq!(bundled(DEFAULT_AGENDA).number, Some(1));
}

#[test]
fn seminarium_1_follows_the_report() {
    let agenda = bundled("seminarium-1");
    assert!(
        agenda
            .title
            .starts_with("Skolnärvaro. En översikt av forskning")
    );
    assert!(agenda.experts[0].starts_with("Helena Andersson"));
    assert!(agenda.preparation.iter().any(|p| p.contains("del 1–3")));
    let questions = all_questions(&agenda);
    for question in [
        "Vad blev jag nyfiken på?",
        "Fanns det något som provocerade mig?",
        "Var står vi nu?",
        "Har vi en gemensam kultur/vision inom kommunen/stadsdelen? Är den känd av alla? Om inte – vad behöver vi göra för att det ska bli så?",
        "Vad är vårt nästa steg?",
        "Vad kan vi göra annorlunda eller reflektera över till nästa tillfälle?",
    ] {
        assert!(questions.contains(&question), "{question}");
    }
    let opening = &agenda.segments[2];
    assert_eq!(opening.kind, SegmentKind::GroupDiscussion);
    assert!(
        opening
            .instruction
            .as_deref()
            .is_some_and(|i| i.contains("en fråga, ett påstående eller en reflektion"))
    );
    assert_eq!(
        agenda
            .segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Plenary)
            .count(),
        2
    );
    assert!(
        agenda
            .segments
            .iter()
            .any(|s| s.title.contains("del 4 och 5"))
    );
    assert!(
        agenda
            .assignment
            .as_deref()
            .is_some_and(|a| a.contains("annorlunda"))
    );
}

#[test]
fn seminarium_2_works_with_quotes() {
    let agenda = bundled("seminarium-2");
    assert_eq!(agenda.title, "Att utreda närvaroproblem i skolan");
    assert!(agenda.experts[0].starts_with("Malin Gren Landell"));
    assert!(
        agenda
            .preparation
            .iter()
            .any(|p| p.contains("tre till fem citat"))
    );
    let round = segment_of_kind(&agenda, SegmentKind::GroupDiscussion);
    assert!(
        round
            .instruction
            .as_deref()
            .is_some_and(|i| i.contains("mest relevanta för den egna kommunen"))
    );
    assert!(
        agenda
            .segments
            .iter()
            .any(|s| s.title.contains("muntliga sammanfattningar"))
    );
}

#[test]
fn seminarium_3_has_the_vision_and_the_action_plan() {
    let agenda = bundled("seminarium-3");
    assert_eq!(
        agenda.title,
        "Samverkan och samordnat stöd vid närvaroproblem i förskola och skola"
    );
    let vision = segment_of_kind(&agenda, SegmentKind::Vision);
    assert_eq!(
        vision.heading_set(agenda.language),
        ["Styrkor i dag", "Utvecklingsbehov", "Vision om tio år"]
    );
    let plan = segment_of_kind(&agenda, SegmentKind::ActionPlan);
    assert_eq!(
        plan.horizon_set(agenda.language),
        [
            "Vad bör vi göra direkt?",
            "Vad kan vi göra inom ett år?",
            "Vad kan vi göra på längre sikt?"
        ]
    );
    let plan_index = agenda
        .segments
        .iter()
        .position(|s| s.kind == SegmentKind::ActionPlan);
    let conversation = &agenda.segments[plan_index.expect("plan") + 1];
    assert!(
        conversation.title.contains("handlingsplaner"),
        "{}",
        conversation.title
    );
}

#[test]
fn the_exchange_asks_the_four_questions_of_section_5() {
    let agenda = bundled("erfarenhetsutbyte");
    assert!(
        agenda
            .segments
            .iter()
            .any(|s| s.kind == SegmentKind::Lecture
                && s.title == "Skolnärvaro – från 2022 och framåt")
    );
    let round = segment_of_kind(&agenda, SegmentKind::GroupDiscussion);
    assert_eq!(round.questions.len(), 4);
    assert!(round.questions[0].starts_with("Var står vi i dag"));
    assert!(round.questions[3].starts_with("Vad har vi svårt med?"));
}

#[test]
fn left_out_fields_take_their_defaults_in_the_agendas_language() {
    let text = r#"(title: "Kort", segments: [
        (kind: ActionPlan, title: "Plan", minutes: 30),
        (kind: Vision, title: "Vision", minutes: 30),
        (kind: Poll, title: "Enkät", minutes: 5, statements: [(text: "Jag vet mer")]),
    ])"#;
    let swedish = parse_agenda("kort.ron", text.as_bytes()).expect("valid");
    assert_eq!(swedish.language, Language::Sv);
    assert_eq!(swedish.warning_minutes, 2);
    assert_eq!(swedish.tag_set(), ["Regelverk", "Organisation", "Synsätt"]);
    assert_eq!(
        swedish.segments[0].horizon_set(Language::Sv)[0],
        "Vad bör vi göra direkt?"
    );
    assert_eq!(
        swedish.segments[1].heading_set(Language::Sv)[2],
        "Vision om tio år"
    );
    let scale = swedish.segments[2].scale_or_default(Language::Sv);
    assert_eq!((scale.min, scale.max, scale.dont_know), (1, 5, true));
    assert_eq!(scale.min_label.as_deref(), Some("Stämmer inte alls"));
    assert!(!swedish.segments[0].fixed);
    assert_eq!(swedish.group_count(), None);
    let english = parse_agenda(
        "short.ron",
        text.replace("(title", "(language: En, title").as_bytes(),
    )
    .expect("valid");
    assert_eq!(
        english.segments[0].horizon_set(Language::En)[2],
        "What can we do in the longer term?"
    );
}

#[test]
fn group_names_set_the_group_count() {
    let text = r#"(title: "G", group_names: ["Norr", "Söder", "Väster"], segments: [(kind: Welcome, title: "Hej", minutes: 5)])"#;
    assert_eq!(
        parse_agenda("g.ron", text.as_bytes())
            .expect("valid")
            .group_count(),
        Some(3)
    );
}

#[test]
fn every_bundled_agenda_survives_writing_and_reading_back() {
    for (id, _) in BUNDLED {
        let agenda = bundled(id);
        let written = ron::ser::to_string_pretty(&agenda, ron::ser::PrettyConfig::default())
            .expect("serialises");
        let read = parse_agenda(id, written.as_bytes()).expect("reads back");
        assert_eq!(read, agenda, "{id}");
    }
}

#[test]
fn an_agenda_is_found_by_id_by_path_and_the_users_copy_wins() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = find_agenda("seminarium-2", &[]).expect("bundled id");
    assert_eq!(found.origin, Origin::Bundled);
    let path = root.join("agendas/seminarium-3.ron");
    let found = find_agenda(&path.to_string_lossy(), &[]).expect("path");
    assert_eq!(
        (found.id.as_str(), found.origin),
        ("seminarium-3", Origin::File(path))
    );
    let home = tempfile::tempdir().expect("temp dir");
    let own = home.path().join("seminarium-2.ron");
    std::fs::write(
        &own,
        r#"(title: "Min version", segments: [(kind: Welcome, title: "Hej", minutes: 5)])"#,
    )
    .expect("write");
    let found = find_agenda("seminarium-2", std::slice::from_ref(&own)).expect("own");
    assert_eq!(found.agenda.title, "Min version");
    let error = find_agenda("seminarium-9", &[])
        .expect_err("unknown id")
        .to_string();
    assert!(error.contains("no such agenda (expected a path to a .ron file or one of: dialogmote, eftermote, erfarenhetsutbyte, formote, nulagesanalys, seminarium-1"), "{error}");
}

#[test]
fn the_complete_example_in_the_documentation_is_valid() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/AGENDA.md"))
        .expect("docs/AGENDA.md");
    let example = doc
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a ```ron block");
    let agenda = parse_agenda("AGENDA.md", example.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/agenda-template.ron"),
    )
    .expect("assets/agenda-template.ron");
    assert_eq!(
        template, example,
        "the template to copy is the documented example"
    );
    assert_eq!(agenda.group_count(), Some(4));
    let kinds: Vec<SegmentKind> = agenda.segments.iter().map(|s| s.kind).collect();
    for kind in [
        SegmentKind::Poll,
        SegmentKind::Vision,
        SegmentKind::ActionPlan,
        SegmentKind::Break,
    ] {
        assert!(kinds.contains(&kind), "the example shows {kind:?}");
    }
}

/// Every `ron` block of docs/AGENDA.md as the agenda it is or is part of:
/// a whole agenda as written, a segment inside an agenda of its own, fields
/// of the agenda (`name: …`) inside a one-segment agenda. Each must pass
/// `validate`'s rules, so that what the docs show can be copied.
#[test]
fn every_agenda_block_in_the_documentation_validates() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/AGENDA.md"))
        .expect("docs/AGENDA.md");
    let blocks: Vec<&str> = doc
        .split("```ron\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect();
    assert!(blocks.len() >= 9, "{} blocks", blocks.len());
    let segment = r#"(kind: Welcome, title: "Välkomna", minutes: 5)"#;
    for (number, block) in blocks.iter().enumerate() {
        let text = block.trim();
        let agenda = if text.starts_with("Agenda(") || text.contains("\n    segments: [") {
            text.to_owned()
        } else if text.starts_with('(') {
            format!(
                "(title: \"Exempel\", group_sets: [(id: \"blandade\", count: 4)], segments: [{text}])"
            )
        } else {
            format!("(title: \"Exempel\", {text} segments: [{segment}])")
        };
        let file = format!("AGENDA.md, block {}", number + 1);
        if let Err(error) = parse_agenda(&file, agenda.as_bytes()) {
            panic!("{error}\n{text}");
        }
    }
}

#[test]
fn the_organisers_meetings_before_and_after_a_series_are_bundled() {
    let before = samla::agenda::load_bundled("formote")
        .expect("bundled")
        .expect("valid");
    let questions: Vec<&str> = before
        .segments
        .iter()
        .flat_map(|segment| segment.questions.iter().map(String::as_str))
        .collect();
    for question in [
        "I vilket syfte vill vi ingå i detta sammanhang?",
        "Vilka bör medverka från såväl strategisk som praktisk nivå?",
        "Hur motiverar och engagerar vi deltagarna?",
    ] {
        assert!(questions.contains(&question), "{question}");
    }
    let plan = before
        .segments
        .iter()
        .find(|segment| segment.kind == samla::agenda::SegmentKind::ActionPlan)
        .expect("an action plan");
    assert!(
        plan.instruction
            .as_deref()
            .is_some_and(|text| text.contains("Hur fortsätter vi arbetet efter seminarieserien?"))
    );
    let after = samla::agenda::load_bundled("eftermote")
        .expect("bundled")
        .expect("valid");
    assert!(
        after
            .segments
            .iter()
            .any(|segment| segment.kind == samla::agenda::SegmentKind::ActionPlan)
    );
    assert!(
        after
            .segments
            .iter()
            .any(|segment| segment.title.contains("sammanställningen"))
    );
}

#[test]
fn the_surveys_of_the_follow_up_study_open_seminar_1_and_close_seminar_3() {
    let first = bundled("seminarium-1");
    let last = bundled("seminarium-3");
    let pre = &first.segments[0];
    let post = last.segments.last().expect("a last segment");
    for (poll, lead) in [
        (pre, "Jag har förväntningar på att seminarieserien kan öka"),
        (post, "Jag upplever att seminarieserien har ökat"),
    ] {
        assert_eq!(poll.kind, SegmentKind::Poll);
        assert!(
            poll.instruction
                .as_deref()
                .is_some_and(|i| i.starts_with(lead))
        );
        assert_eq!(poll.statements.len(), 6);
        assert!(
            poll.statements[0]
                .text
                .starts_with("4a. Mina kunskaper om samverkan")
        );
        assert!(poll.statements[5].text.starts_with("4f. Samsynen kring"));
        let themes: Vec<_> = samla::session::themes(poll)
            .into_iter()
            .map(|(theme, statements)| (theme, statements.len()))
            .collect();
        assert_eq!(
            themes,
            [
                ("Ökad kunskap".to_owned(), 2),
                ("Ökad förmåga att utveckla samverkansarbete".to_owned(), 2),
                ("Ökad samsyn".to_owned(), 2)
            ]
        );
        let scale = poll.scale.as_ref().expect("a scale");
        assert_eq!((scale.min, scale.max, scale.dont_know), (1, 5, true));
        assert_eq!(scale.min_label.as_deref(), Some("Stämmer inte alls"));
    }
    assert_eq!(first.total_minutes(), 180);
    assert_eq!(last.total_minutes(), 180);
}
