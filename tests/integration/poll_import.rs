//! `samla poll import`: all or nothing, `FILE:LINE: what is wrong` for every
//! bad line, and the answers in the session file afterwards.

use crate::common;

use std::path::Path;

use samla::store::SessionFile;

/// A saved session of seminarium-1 (whose first segment is the pre-survey).
fn saved_home() -> (tempfile::TempDir, std::path::PathBuf) {
    let agenda = samla::agenda::load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    saved_home_of(agenda, "seminarium-1")
}

/// A saved session of `agenda`, known by `id`, with no answers yet.
fn saved_home_of(
    agenda: samla::agenda::Agenda,
    id: &str,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().expect("temp dir");
    let session =
        samla::session::Session::new(agenda, vec!["Grupp 1".to_owned()], common::fixture::start());
    let file = SessionFile {
        version: samla::store::VERSION,
        agenda_id: id.to_owned(),
        saved: common::fixture::start(),
        language: samla::agenda::Language::Sv,
        session: session.into(),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    let folder = home.path().join("sessions");
    std::fs::create_dir(&folder).expect("folder");
    let path = folder.join(format!("2026-03-12-{id}.ron"));
    samla::store::write_atomic(&path, file.to_text().as_bytes()).expect("saved");
    (home, path)
}

/// `samla poll import ANSWERS` in `home`, with `text` written to `answers` first.
fn import_csv(home: &Path, answers: &Path, text: &str) -> common::Run {
    std::fs::write(answers, text).expect("written");
    common::samla_in(
        home,
        home,
        &["poll", "import", answers.to_str().expect("a path")],
    )
}

fn respondents(path: &Path) -> usize {
    let file = SessionFile::load(path).expect("parses");
    file.session
        .poll(samla::session::SegmentIx(0))
        .map_or(0, |answers| answers.respondents.len())
}

#[test]
fn a_file_with_a_bad_line_imports_nothing_and_names_every_bad_line() {
    let (home, path) = saved_home();
    let answers = home.path().join("svar.txt");
    std::fs::write(&answers, "# förmätning, Norrby\nsk 4 5 4 4 5 5\nso 3 3 4 x 4 4\n\nsk 4 5\nxx 1 1 1 1 1 1\nhs 1 2 3 4 5 9\n").expect("written");
    let run = common::samla_in(
        home.path(),
        home.path(),
        &["poll", "import", answers.to_str().expect("a path")],
    );
    assert_eq!(run.code, Some(1));
    let file = answers.display().to_string();
    assert!(
        run.stderr
            .contains(&format!("{file}:5: 2 svar (det ska vara 6")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("{file}:6: okänd sektor \"xx\"")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("{file}:7: \"9\" är inget svar")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("3 felaktiga rader"), "{}", run.stderr);
    assert_eq!(respondents(&path), 0, "nothing imported");
}

#[test]
fn a_good_file_is_imported_into_the_named_poll() {
    let (home, path) = saved_home();
    let answers = home.path().join("svar.txt");
    std::fs::write(&answers, "sk 4 5 4 4 5 5\nso334x44\n-1 1 1 1 1 1\n").expect("written");
    let run = common::samla_in(
        home.path(),
        home.path(),
        &[
            "poll",
            "import",
            "2026-03-12-seminarium-1",
            "--poll",
            "formatning",
            answers.to_str().expect("a path"),
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("3 svarande inlästa i \"Förmätning\""),
        "{}",
        run.stdout
    );
    assert_eq!(respondents(&path), 3);
    let wrong = common::samla_in(
        home.path(),
        home.path(),
        &[
            "poll",
            "import",
            "--poll",
            "nej",
            answers.to_str().expect("a path"),
        ],
    );
    assert_eq!(wrong.code, Some(1));
    assert!(
        wrong.stderr.contains("inget enkätpass med id \"nej\""),
        "{}",
        wrong.stderr
    );
}

#[test]
fn a_session_open_on_a_screen_is_not_written_behind_its_back() {
    let (home, path) = saved_home();
    // The lock a running screen holds: the operating system's, on the lock file.
    let data = samla::store::DataDir::locate(Some(home.path().into())).expect("a data folder");
    let _screen = data.lock_session(&path).expect("the screen's lock");
    let answers = home.path().join("svar.txt");
    std::fs::write(&answers, "sk 4 5 4 4 5 5\n").expect("written");
    let run = common::samla_in(
        home.path(),
        home.path(),
        &["poll", "import", answers.to_str().expect("a path")],
    );
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("already open"), "{}", run.stderr);
    assert_eq!(respondents(&path), 0);
}

#[test]
fn a_spreadsheets_csv_imports_by_its_headers_and_names_a_bad_row() {
    let (home, path) = saved_home();
    let answers = home.path().join("enkät.csv");
    let import = |text: &str| import_csv(home.path(), &answers, text);
    // A Swedish spreadsheet: semicolons, a timestamp first, the sector last.
    let bad = import(
        "Tidpunkt;1;2;3;4;5;6;Sektor\n10:01;4;4;5;3;vet ej;;Skola\n10:02;2;2;9;2;2;2;Socialtjänst\n",
    );
    assert_eq!(bad.code, Some(1));
    let file = answers.display().to_string();
    assert!(
        bad.stderr.contains(&format!("{file}:3: ")),
        "{}",
        bad.stderr
    );
    assert_eq!(respondents(&path), 0, "all or nothing");
    let unknown = import("Sektor,1,2,3,4,5,6\nKyrkan,1,1,1,1,1,1\n");
    assert!(
        unknown
            .stderr
            .contains(&format!("{file}:2: ingen sektor heter \"Kyrkan\"")),
        "{}",
        unknown.stderr
    );
    let good = import(
        "Tidpunkt;1;2;3;4;5;6;Sektor\n10:01;4;4;5;3;vet ej;;Skola\n10:02;2;2;2;2;2;2;so\n10:03;5;5;5;5;5;5;\n",
    );
    assert_eq!(good.code, Some(0), "{}", good.stderr);
    let session = SessionFile::load(&path).expect("parses").session;
    let forms = &session
        .poll(samla::session::SegmentIx(0))
        .expect("answers")
        .respondents;
    assert_eq!(forms.len(), 3);
    assert_eq!(forms[0].sector, Some(samla::agenda::Sector::SKOLA));
    assert_eq!(forms[0].answers[4], samla::session::Answer::DontKnow);
    assert_eq!(forms[0].answers[5], samla::session::Answer::Missing);
    assert_eq!(forms[2].sector, None);
    assert_eq!(
        session.statement_results(samla::session::SegmentIx(0))[0].n,
        3
    );
}

#[test]
fn a_web_forms_csv_of_a_mixed_survey_imports_choices_yes_no_and_free_text() {
    let agenda = common::survey::answered_with(&[]).agenda;
    let (home, path) = saved_home_of(agenda, "blandad-enkat");
    let answers = home.path().join("svar.csv");
    let import = |text: &str| import_csv(home.path(), &answers, text);
    let head = "Tidstämpel,Sektor,1,2,3,4,Vilken grupp ingår du i?,Hur når ni varandra?,Vad behöver ni mer av?";
    let wrong = import(&format!(
        "{head}\n10:01,Skola,4,3,4,Ja,Ledningsgrupp,Telefon,\n"
    ));
    assert_eq!(wrong.code, Some(1));
    assert!(
        wrong.stderr.contains(":2: fråga 5 har inget alternativ \"Ledningsgrupp\" (det ska vara ett av: Styrgrupp, Projektgrupp"),
        "{}",
        wrong.stderr
    );
    let good = import(&format!(
        "{head}\n10:01,Skola,4,3,4,Ja,Styrgrupp,\"Telefon, Möten\",Mer tid för samverkan\n\
         10:02,Socialtjänst,2,2,1,Nej,projektgrupp,Mejl,\n\
         10:03,,3,3,2,vet ej,,,\n"
    ));
    assert_eq!(good.code, Some(0), "{}", good.stderr);
    let session = SessionFile::load(&path).expect("parses").session;
    let forms = &session
        .poll(samla::session::SegmentIx(0))
        .expect("answers")
        .respondents;
    use samla::session::Answer;
    assert_eq!(
        forms[0].answers,
        [
            Answer::Value(4),
            Answer::Value(3),
            Answer::Value(4),
            Answer::YES,
            Answer::Choice(0),
            Answer::Choices(vec![0, 2]),
            Answer::Text("Mer tid för samverkan".to_owned()),
        ]
    );
    assert_eq!(forms[1].answers[3..5], [Answer::NO, Answer::Choice(1)]);
    assert_eq!(forms[2].answers[3], Answer::DontKnow);
    assert_eq!(forms[2].answers[6], Answer::Missing);
    assert_eq!(
        session.texts_of(samla::session::SegmentIx(0), 6),
        ["Mer tid för samverkan"]
    );
}

#[test]
fn an_import_of_more_forms_than_one_import_takes_is_refused_whole_and_says_the_limit() {
    let (home, path) = saved_home();
    let answers = home.path().join("alla.txt");
    let lines = "sk 4 4 4 4 4 4\n".repeat(samla::cli::MAX_IMPORT_FORMS + 1);
    let run = import_csv(home.path(), &answers, &lines);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("50\u{a0}001 svarande, men en import tar högst 50\u{a0}000"),
        "{}",
        run.stderr
    );
    assert_eq!(respondents(&path), 0, "nothing taken");
    let lines = "sk 4 4 4 4 4 4\n".repeat(samla::cli::MAX_IMPORT_FORMS);
    let run = import_csv(home.path(), &answers, &lines);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(respondents(&path), samla::cli::MAX_IMPORT_FORMS);
}

/// The agenda of the recipe "A survey sent out after the day" in docs/AGENDA.md.
fn recipe_agenda() -> String {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/AGENDA.md"))
        .expect("the docs");
    let section = &doc[doc
        .find("### A survey sent out after the day")
        .expect("the recipe")..];
    let block = &section[section.find("```ron\n").expect("its agenda") + 7..];
    block[..block.find("```").expect("the block's end")].to_owned()
}

#[test]
fn the_recipe_for_a_survey_after_the_day_works_as_written() {
    let home = tempfile::tempdir().expect("temp dir");
    let agendas = home.path().join("agendas");
    std::fs::create_dir(&agendas).expect("a folder");
    let agenda = agendas.join("uppfoljningsenkat.ron");
    std::fs::write(&agenda, recipe_agenda()).expect("saved");
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = common::samla_in(
        here,
        home.path(),
        &["validate", agenda.to_str().expect("a path")],
    );
    assert_eq!(checked.code, Some(0), "{}", checked.stderr);
    // `samla run`, and Ctrl+Q at once.
    let mut run = common::in_process::InProcessApp::spawn(
        &["run", "uppfoljningsenkat"],
        home.path(),
        120,
        40,
    );
    run.wait_for("the run screen", common::pty::status_line_drawn);
    assert!(run.quit().success());
    let answers = home.path().join("svar.csv");
    let imported = import_csv(
        home.path(),
        &answers,
        "Sektor;1;2;3\nSkola;4;3;Telefon, Mejl\nSocialtjänst;2;2;inget\n;5;4;Möten\n",
    );
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    let export = common::samla_in(home.path(), home.path(), &["export", "-o", "-"]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    assert!(
        export.stdout.contains(
            "Här är en sammanfattning av enkäten *Uppföljningsenkät våren 2027* den 20 maj 2027, med svaren från tre svarande."
        ),
        "{}",
        export.stdout
    );
    let file = common::pty::wait_for_file(home.path(), "the session", |_| true);
    assert_eq!(
        file.session.series.as_deref(),
        Some("Att främja skolnärvaro och förebygga skolfrånvaro")
    );
    let results = file.session.statement_results(samla::session::SegmentIx(0));
    assert_eq!(results[2].n, 3, "\"inget\" is an answer: {:?}", results[2]);
}
