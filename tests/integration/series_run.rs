//! A series end to end, with the command line in this process: three seminars of one series
//! with the same 6 groups, members from different sectors
//! (added on the roster screen and on the command line), varying attendance,
//! cards; the sector warning on screen; then the series summary read with a
//! real CommonMark parser.

use crate::common;

use std::path::Path;

use crate::common::pty::status_line_drawn;
use common::in_process::InProcessApp;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const SERIES: &str = "Skolnärvaro 2026";

fn start(home: &Path, agenda: &str, extra: &[&str]) -> InProcessApp {
    let mut args = vec!["run", agenda, "--series", SERIES];
    args.extend_from_slice(extra);
    InProcessApp::spawn(&args, home, 140, 40)
}

/// On the roster: `a`, the name, Esc; then `keys` for the new member (under
/// the cursor), e.g. `s` for the next sector, `m` to move, Space for present.
fn add_member(app: &mut InProcessApp, name: &str, keys: &[u8]) {
    app.send(b"a");
    app.wait_for_text("Deltagarens namn");
    app.send(name.as_bytes());
    app.wait_for_text(name);
    app.send(b"\x1b");
    app.wait_for_text("Grupper och närvaro");
    for key in keys {
        app.send(&[*key]);
    }
}

/// `a`, the text and Esc for the group `digit`.
fn add_card(app: &mut InProcessApp, digit: &str, text: &str) {
    app.send(digit.as_bytes());
    app.send(b"a");
    app.wait_for_text("Nytt kort");
    app.send(text.as_bytes());
    app.wait_for_text(text);
    app.send(b"\x1b");
    app.wait_for("the editor to close", |screen| {
        !screen.contains("Nytt kort")
    });
}

fn samla(home: &Path, args: &[&str]) -> common::Run {
    common::samla_in(home, home, args)
}

/// Headings (level, text), and the text of every paragraph, item and cell.
fn read(markdown: &str) -> (Vec<(u8, String)>, Vec<Vec<String>>) {
    let mut headings = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut text: Option<String> = None;
    let mut level = 0;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => {
                level = l as u8;
                text = Some(String::new());
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => text = Some(String::new()),
            Event::Text(t) => {
                if let Some(text) = text.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(text.take().map(|t| (level, t))),
            Event::End(TagEnd::TableCell) => {
                if let (Some(row), Some(cell)) = (rows.last_mut(), text.take()) {
                    row.push(cell);
                }
            }
            _ => {}
        }
    }
    (headings, rows)
}

#[test]
fn three_seminars_of_one_series_make_one_summary() {
    let home = tempfile::tempdir().expect("temp dir");

    // Seminar 1: the series begins with 6 groups; three members join on the
    // roster screen, two of them here today.
    let mut first = start(home.path(), "seminarium-1", &["--groups", "6"]);
    first.wait_for_text("Förmätning");
    first.send(b"g");
    first.wait_for_text("Inga deltagare ännu");
    add_member(&mut first, "Anna Andersson", b" ");
    add_member(&mut first, "Bo Berg", b"s ");
    add_member(&mut first, "Cia Carlsson", b"ssm");
    first.wait_for_text("[ ] Cia Carlsson  Hälso- och sjukvård");
    first.wait_for("Bo present, Cia in group 2", |screen| {
        screen.contains("[x] Bo Berg  Socialtjänst") && screen.contains("Grupp 2 · 0/1 här")
    });
    first.send(b"\x1b");
    first.wait_for("the roster to close", |s| {
        !s.contains("Grupper och närvaro")
    });
    first.wait_for_text("Närvaro i dag 2: skola 1 · socialtjänst 1");
    first.send(b" nn");
    first.wait_for_text("Vad blev jag nyfiken på?");
    add_card(&mut first, "1", "Grupp 1 i seminarium 1");
    first.send(b"t");
    add_card(&mut first, "2", "Grupp 2 i seminarium 1");
    assert!(first.quit().success());

    // Between seminars: two more members on the command line.
    let added = samla(
        home.path(),
        &[
            "series", SERIES, "groups", "add", "Dag Dahl", "--group", "3", "--sector", "skola",
            "--role", "ledning",
        ],
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let added = samla(
        home.path(),
        &[
            "series",
            SERIES,
            "groups",
            "add",
            "Eva Ek",
            "--group",
            "1",
            "--sector",
            "halsovard",
        ],
    );
    assert!(
        added.stdout.contains("#4 Eva Ek (hälso- och sjukvård)"),
        "{}",
        added.stdout
    );

    // Seminar 2: the series' groups and members come along; four are here.
    let mut second = start(home.path(), "seminarium-2", &[]);
    second.wait_for_text("Att utreda närvaroproblem i skolan");
    second.send(b"g");
    second.wait_for_text("Eva Ek");
    second.send(b" \x1b[B \x1b[B \x1b[B ");
    // By group, then as added: Anna, Bo, Eva (group 1), Cia (group 2).
    second.wait_for_text("[x] Cia Carlsson");
    second.send(b"\x1b");
    second.wait_for("the roster to close", |s| {
        !s.contains("Grupper och närvaro")
    });
    second.wait_for_text("Närvaro i dag 4");
    second.send(b" n");
    add_card(&mut second, "1", "Grupp 1 i seminarium 2");
    assert!(second.quit().success());

    // Seminar 3 wants all three sectors in every group, and says who lacks one.
    let mut third = start(home.path(), "seminarium-3", &[]);
    // Before attendance is taken the roster counts: group 1 has all three.
    let warned = third.wait_for("the warning line, whole", |screen| {
        screen.contains("⚠ Grupp 2 saknar skola, socialtjänst;") && status_line_drawn(screen)
    });
    assert!(!warned.contains("Grupp 1 saknar"), "{warned}");
    third.send(b"g");
    third.wait_for_text("Anna Andersson");
    third.send(b" ");
    third.wait_for_text("[x] Anna Andersson");
    third.send(b"\x1b");
    // A key right behind Esc would read as Alt+key; wait as a person would.
    third.wait_for("the roster to close", |s| {
        !s.contains("Grupper och närvaro")
    });
    third.wait_for_text("⚠ Grupp 1 saknar socialtjänst, hälso- och sjukvård");
    third.send(b" nnn");
    third.wait_for_text("Vad bör vi göra direkt?");
    add_card(&mut third, "1", "Gemensam rutin");
    third.send(b"h");
    assert!(third.quit().success());

    let series = samla(home.path(), &["series", SERIES]);
    assert_eq!(series.code, Some(0), "{}", series.stderr);
    assert_eq!(
        series.stdout.matches(" kort, ").count(),
        3,
        "{}",
        series.stdout
    );

    let summary = samla(home.path(), &["export", "--series", SERIES, "-o", "-"]);
    assert_eq!(summary.code, Some(0), "{}", summary.stderr);
    // The series' workbook: every seminar's cards in one sheet.
    let path = home.path().join("serien.xlsx");
    let written = samla(
        home.path(),
        &[
            "export",
            "--series",
            SERIES,
            "--format",
            "xlsx",
            "-o",
            path.to_str().expect("a path"),
        ],
    );
    assert_eq!(written.code, Some(0), "{}", written.stderr);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("a workbook");
    use calamine::Reader;
    let cards = book.worksheet_range("Kort").expect("the cards' sheet");
    let seminars: std::collections::BTreeSet<String> =
        cards.rows().skip(1).map(|row| row[0].to_string()).collect();
    assert_eq!(seminars.len(), 3, "{seminars:?}");
    let markdown = summary.stdout;
    for name in [
        "Anna Andersson",
        "Bo Berg",
        "Cia Carlsson",
        "Dag Dahl",
        "Eva Ek",
    ] {
        assert!(
            !markdown.contains(name),
            "{name} named without --names:\n{markdown}"
        );
    }
    let (headings, rows) = read(&markdown);
    let group_one: Vec<&str> = headings
        .iter()
        .skip_while(|(_, text)| text != "Grupp 1")
        .skip(1)
        .take_while(|(level, _)| *level == 4)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        group_one,
        [
            "1. Skolnärvaro. En översikt av forskning om att främja alla barns och ungas närvaro i skolan",
            "2. Att utreda närvaroproblem i skolan",
            "3. Samverkan och samordnat stöd vid närvaroproblem i förskola och skola",
        ],
        "{headings:#?}"
    );
    let participants: Vec<&Vec<String>> = rows.iter().take(4).collect();
    assert_eq!(
        participants[0][2..],
        [
            "Närvarande",
            "Skola",
            "Socialtjänst",
            "Hälso- och sjukvård",
            "Annan"
        ]
    );
    assert_eq!(
        participants[1][2..],
        ["2", "1 (50 %)", "1 (50 %)", "0 (0 %)", "0 (0 %)"]
    );
    assert_eq!(participants[2][2], "4");
    assert_eq!(participants[3][2], "1");
    let plan = rows
        .iter()
        .find(|row| {
            row.first().is_some_and(|cell| cell == "Grupp 1")
                && row.iter().any(|c| c == "Gemensam rutin")
        })
        .expect("group 1's action plan row");
    let header = rows
        .iter()
        .find(|row| {
            row.iter()
                .any(|cell| cell == "3: Vad kan vi göra inom ett år?")
        })
        .expect("the action plans' header");
    let column = header
        .iter()
        .position(|cell| cell == "3: Vad kan vi göra inom ett år?")
        .expect("a column");
    assert_eq!(plan[column], "Gemensam rutin");
    assert!(
        headings
            .iter()
            .any(|(level, text)| *level == 2 && text == "Per tema")
    );
    assert!(
        markdown.contains("- Grupp 1 i seminarium 1 — *Grupp 1, 1. Skolnärvaro"),
        "{markdown}"
    );

    let named = samla(
        home.path(),
        &["export", "--series", SERIES, "--names", "-o", "-"],
    );
    assert!(
        named.stdout.contains("Anna Andersson (skola)"),
        "{}",
        named.stdout
    );
}

#[test]
fn the_agendas_series_puts_the_session_in_it_and_series_names_another() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = InProcessApp::spawn(&["run", "seminarium-1"], home.path(), 120, 40);
    first.wait_for("the run screen", status_line_drawn);
    assert!(first.quit().success());
    let file = common::pty::wait_for_file(home.path(), "the session", |_| true);
    assert_eq!(
        file.session.series.as_deref(),
        Some("Att främja skolnärvaro och förebygga skolfrånvaro"),
        "the agenda's own series"
    );
    let series = samla(home.path(), &["series"]);
    assert!(
        series
            .stdout
            .contains("Att främja skolnärvaro och förebygga skolfrånvaro"),
        "{}",
        series.stdout
    );

    let other = tempfile::tempdir().expect("temp dir");
    let mut named = start(other.path(), "seminarium-1", &[]);
    named.wait_for("the run screen", status_line_drawn);
    assert!(named.quit().success());
    let file = common::pty::wait_for_file(other.path(), "the session", |_| true);
    assert_eq!(
        file.session.series.as_deref(),
        Some(SERIES),
        "--series wins"
    );
}

#[test]
fn validate_and_the_run_screen_say_when_the_series_sectors_replace_the_agendas() {
    let home = tempfile::tempdir().expect("temp dir");
    let data = samla::store::DataDir::locate(Some(home.path().as_os_str().to_owned()))
        .expect("a data folder");
    let name = "Att främja skolnärvaro och förebygga skolfrånvaro";
    let mut series = samla::store::SeriesFile::new(name, vec!["Grupp 1".into()]);
    series.roster.sectors = vec![
        samla::agenda::SectorDef {
            id: samla::agenda::Sector::new("fritid"),
            name: "Fritid".into(),
            code: None,
        },
        samla::agenda::SectorDef {
            id: samla::agenda::Sector::new("elev"),
            name: "Elev".into(),
            code: None,
        },
    ];
    data.save_series(&series).expect("the series saved");
    let checked = common::samla_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        home.path(),
        &["validate", "agendas/seminarium-1.ron"],
    );
    assert_eq!(checked.code, Some(0), "{}", checked.stderr);
    assert!(
        checked.stdout.contains(&format!(
            "note: the series “{name}” keeps sectors of its own (Fritid, Elev)"
        )),
        "{}",
        checked.stdout
    );
    let mut run = InProcessApp::spawn(&["run", "seminarium-1"], home.path(), 160, 40);
    run.wait_for_text("har egna sektorer (Fritid, Elev)");
    assert!(run.quit().success());
}

#[test]
fn groups_asked_for_that_the_series_does_not_take_are_said() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = start(home.path(), "seminarium-1", &["--groups", "3"]);
    first.wait_for("the run screen", status_line_drawn);
    assert!(first.quit().success());
    let mut second = start(home.path(), "seminarium-2", &["--groups", "5"]);
    second.wait_for_text("har sina 3 grupper, som gäller i stället för de angivna");
    assert!(second.quit().success());
}
