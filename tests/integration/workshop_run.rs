//! Two workshops of one development series end to end, with the run screen
//! in this process: the nulägesanalys (individual reflection first, the
//! exercise's own columns, a matrix in mixed groups with priorities, an
//! action plan with an owner and dates), then the follow-up that brings that
//! plan in and marks its item done; the series summary shows the plan's
//! status over time, read with a real CommonMark parser.

use std::path::Path;

use samla::session::{ItemStatus, Lane};
use samla::store::SessionFile;

use crate::common::in_process::InProcessApp;
use crate::common::markdown::tables;
use crate::common::pty::{session_files, status_line_drawn};
use crate::common::samla_in;

const SERIES: &str = "Utveckling 2027";

fn start(home: &Path, agenda: &str) -> InProcessApp {
    let app = InProcessApp::spawn(&["run", agenda, "--series", SERIES], home, 140, 40);
    app.wait_for("the run screen", status_line_drawn);
    app
}

/// `n` until the segment titled `title` is on screen.
fn go_to(app: &mut InProcessApp, title: &str) {
    app.send(b"n");
    app.wait_for_text(title);
}

/// Types `text` into the open editor and saves it with Esc.
fn write(app: &mut InProcessApp, text: &str) {
    app.wait_for_text("Nytt kort");
    app.send(text.as_bytes());
    app.wait_for_text(text);
    app.send(b"\x1b");
    app.wait_for("the editor to close", |screen| {
        !screen.contains("Nytt kort")
    });
}

/// A card's text, group, matrix row, column and priority mark.
type Placed<'a> = (&'a str, Lane, Option<&'a str>, Option<&'a str>, bool);

fn file_named(home: &Path, agenda: &str) -> SessionFile {
    let path = session_files(home)
        .into_iter()
        .find(|path| path.to_string_lossy().contains(agenda))
        .expect("the session's file");
    SessionFile::load(&path).expect("parses")
}

#[test]
fn a_workshop_and_its_follow_up_run_end_to_end_and_the_series_shows_the_plan_over_time() {
    let home = tempfile::tempdir().expect("a data folder");
    let mut app = start(home.path(), "nulagesanalys");
    app.send(b" ");
    go_to(&mut app, "Enskild reflektion");
    app.send(b"a");
    write(&mut app, "Mentorerna ringer hem");
    go_to(&mut app, "Nuläget i vår kommun");
    app.wait_for_text("Nulägesanalys");
    app.send(b"1a");
    write(&mut app, "Tydlig rutin");
    app.send(b"\x1b2");
    write(&mut app, "Sekretessen");
    go_to(&mut app, "Paus");
    go_to(&mut app, "Analys: var ligger hindren?");
    // The mixed groups now: the first of them, its matrix and its own focus.
    app.send(b"1");
    app.wait_for_text("Vårt fokus: övergångar");
    app.send(b"\x1b5");
    write(&mut app, "Ingen äger frågan");
    app.send(b"*");
    app.wait_for_text("★ Ingen äger frågan");
    go_to(&mut app, "Gemensamma prioriteringar");
    go_to(&mut app, "Första utkast till handlingsplan");
    app.send(b"1a");
    app.wait_for_text("@ansvarig");
    write(&mut app, "Närvaroteam @Rektorerna !2027-03-31 ?2027-06-15");
    assert!(app.quit().success());

    let first = file_named(home.path(), "nulagesanalys").session;
    let placed: Vec<Placed> = first
        .cards
        .iter()
        .map(|card| {
            (
                card.text.as_str(),
                card.group,
                card.row.as_deref(),
                card.horizon.as_deref(),
                card.priority,
            )
        })
        .collect();
    assert_eq!(
        placed,
        [
            ("Mentorerna ringer hem", Lane::Plenary, None, None, false),
            ("Tydlig rutin", Lane::Group(0), None, Some("Styrkor"), false),
            ("Sekretessen", Lane::Group(0), None, Some("Hinder"), false),
            (
                "Ingen äger frågan",
                Lane::Group(0),
                Some("Organisation"),
                Some("Skola"),
                true
            ),
            (
                "Närvaroteam @Rektorerna !2027-03-31 ?2027-06-15",
                Lane::Group(0),
                None,
                Some("Vad bör vi göra direkt?"),
                false
            ),
        ]
    );
    let analysis = first.cards[3].segment;
    assert_eq!(
        first.group_name_in(analysis, Lane::Group(0), "", ""),
        "Blandad grupp 1"
    );

    let mut app = start(home.path(), "uppfoljning");
    // What workshop 1 gave to do until now stands at the start.
    app.wait_for_text("Att göra sedan förra gången:");
    app.wait_for_text("☐ Samla in frånvarostatistik per skola för höstterminen");
    app.send(b" ");
    go_to(&mut app, "Handlingsplanen punkt för punkt");
    // Täby's lane, with the item its plan had, brought in: in words, who
    // and by when, not the fields' marks.
    app.send(b"1");
    let board = app.wait_for("the item in words", |screen| {
        screen.contains("Närvaroteam (Rektorerna) –") && screen.contains("klart senast 2027-03-31")
    });
    assert!(!board.contains("@Rektorerna"), "{board}");
    app.send(b"\x1b[B");
    app.send(b"s");
    app.wait_for_text("✓ Klar");
    app.send(b"k");
    app.wait_for_text("Kommentar");
    app.send("Klart i mars".as_bytes());
    app.wait_for_text("Klart i mars");
    app.send(b"\x1b");
    app.wait_for_text("– Klart i mars");
    assert!(app.quit().success());

    let follow_up = file_named(home.path(), "uppfoljning").session;
    let item = follow_up
        .cards
        .iter()
        .find(|card| card.brought().is_some())
        .expect("the plan's item brought in");
    assert_eq!(item.status(), Some(ItemStatus::Done));
    assert_eq!(item.comment(), Some("Klart i mars"));
    assert_eq!(item.group, Lane::Group(0));

    let run = samla_in(
        home.path(),
        home.path(),
        &["export", "--series", SERIES, "-o", "-"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let summary = run.stdout;
    assert!(
        summary.contains("## Handlingsplanens status över tid"),
        "{summary}"
    );
    let path = session_files(home.path())
        .into_iter()
        .find(|path| path.to_string_lossy().contains("nulagesanalys"))
        .expect("workshop 1's file");
    let path = path.to_string_lossy();
    let first = samla_in(home.path(), home.path(), &["export", &path, "-o", "-"]);
    assert!(
        first.stdout.contains(
            "## Att göra till nästa gång\n\n- ☐ Samla in frånvarostatistik per skola för höstterminen — Utbildningsförvaltningen\n"
        ),
        "{}{}",
        first.stdout,
        first.stderr
    );
    let over_time = tables(&summary)
        .into_iter()
        .find(|table| table[0][0] == "Åtgärd" && table[0].len() == 3)
        .expect("the plan over time");
    assert_eq!(
        over_time,
        [
            vec![
                "Åtgärd",
                "Ansvarig",
                "2. Uppföljning: hur har det gått med handlingsplanen?"
            ],
            vec!["Närvaroteam", "Rektorerna", "✓ Klar"],
        ]
    );
}
