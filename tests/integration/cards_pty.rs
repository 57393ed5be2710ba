//! Cards typed into the real binary in a real pseudo-terminal: three groups,
//! two segments of `seminarium-3`, Swedish letters and an emoji; a tag, a quote,
//! an edit, a deletion and a card moved across the action plan's horizons. The
//! screen is checked as it goes, and the session file samla wrote afterwards.

use crate::common;
use samla::session::Lane;

use common::pty::PtyApp;
use samla::session::Card;
use samla::store::SessionFile;

const ESC: &[u8] = b"\x1b";

/// Selects group `key`, types `text` as a new card, and saves it with Esc.
fn add_card(app: &mut PtyApp, key: &str, text: &str) {
    app.send(key.as_bytes());
    app.send(b"a");
    app.wait_for_text("Nytt kort");
    app.send(text.as_bytes());
    let first_line = text.lines().next().unwrap_or_default();
    app.wait_for_text(first_line);
    app.send(ESC);
    app.wait_for("the editor to close", |screen| {
        !screen.contains("Nytt kort")
    });
    app.wait_for_text(first_line);
}

fn card<'a>(file: &'a SessionFile, text: &str) -> &'a Card {
    file.session
        .cards
        .iter()
        .find(|card| card.text == text)
        .unwrap_or_else(|| panic!("no card {text:?} in {:#?}", file.session.cards))
}

#[test]
fn cards_typed_in_two_segments_reach_the_screen_and_the_session_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::spawn(
        &["run", "seminarium-3", "--groups", "3"],
        home.path(),
        160,
        45,
    );
    app.wait_for_text("Välkommen");
    app.send(b" n");
    app.wait_for_text("Styrkor i dag");

    add_card(&mut app, "1", "Trygga vuxna på skolan 🙂");
    add_card(&mut app, "2", "Närvaroteam – åäö ÅÄÖ");
    add_card(&mut app, "3", "”Alla barn ska med”");
    app.send(b"t");
    app.wait_for_text("· Regelverk");
    app.send(b"q");
    app.wait_for_text("❝ ”Alla barn ska med”");

    app.send(b"nn");
    app.wait_for_text("Vad bör vi göra direkt?");
    add_card(&mut app, "1", "Gemensam rutin för frånvaro");
    app.send(b"hh");
    add_card(&mut app, "2", "Ta bort mig");
    app.send(b"d");
    app.wait_for_text("Ta bort kortet?");
    app.send(b"y");
    app.wait_for("the card to go", |screen| !screen.contains("Ta bort mig"));
    add_card(&mut app, "3", "Kartlägg");
    app.send(b"\r");
    app.wait_for_text("Redigera kort");
    app.send(" orsakerna\rmed elevhälsan".as_bytes());
    app.wait_for_text("med elevhälsan");
    app.send(ESC);
    app.wait_for("the edit on the board", |screen| {
        !screen.contains("Redigera kort")
            && screen.contains("Kartlägg orsakerna")
            && screen.contains("Gemensam rutin för frånvaro")
    });
    assert!(app.quit().success());

    let sessions = home.path().join("sessions");
    let files: Vec<_> = std::fs::read_dir(&sessions)
        .expect("a sessions folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = SessionFile::load(&files[0]).expect("a readable session file");
    assert_eq!(file.agenda_id, "seminarium-3");
    assert_eq!(file.session.cards.len(), 5, "{:#?}", file.session.cards);

    let vision = card(&file, "Trygga vuxna på skolan 🙂");
    assert_eq!((vision.segment.0, vision.group), (1, Lane::Group(0)));
    assert_eq!(vision.horizon.as_deref(), Some("Styrkor i dag"));
    assert_eq!(card(&file, "Närvaroteam – åäö ÅÄÖ").group, Lane::Group(1));
    let quote = card(&file, "”Alla barn ska med”");
    assert_eq!(quote.tag.as_deref(), Some("Regelverk"));
    assert!(quote.quote);

    let moved = card(&file, "Gemensam rutin för frånvaro");
    assert_eq!(moved.segment, samla::session::SegmentIx(3));
    assert_eq!(
        moved.horizon.as_deref(),
        Some("Vad kan vi göra på längre sikt?")
    );
    let edited = card(&file, "Kartlägg orsakerna\nmed elevhälsan");
    assert_eq!(edited.group, Lane::Group(2));
    assert!(edited.edited.is_some());
    assert!(
        file.session
            .cards
            .iter()
            .all(|card| card.text != "Ta bort mig")
    );
}

#[test]
fn x_writes_the_summary_and_copies_it_through_the_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 160, 40);
    app.wait_for_text("Förmätning");
    app.send(b"n");
    app.wait_for_text("Processledaren presenterar seminarieserien");
    add_card(&mut app, "2", "Summera: å ä ö 🙂");
    app.send(b"x");
    // Beside the clock, the path shortened, nothing spliced.
    app.wait_for("the export's message beside the clock", |screen| {
        let status = screen.lines().last().unwrap_or_default();
        status.contains(" Nu ")
            && status.contains("Sammanfattning i …/exports/")
            && status.contains("kopierad till urklipp")
    });
    let exports: Vec<_> = std::fs::read_dir(home.path().join("exports"))
        .expect("an exports folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    assert_eq!(exports.len(), 1, "no .bak beside the export: {exports:?}");
    // A document the user sends gets a document's permissions (the umask's),
    // not the owner-only ones of the session data.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let umask = std::process::Command::new("sh")
            .args(["-c", "umask"])
            .output()
            .expect("sh runs");
        let umask = u32::from_str_radix(String::from_utf8_lossy(&umask.stdout).trim(), 8)
            .expect("an octal umask");
        let mode = std::fs::metadata(&exports[0])
            .expect("the export")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o666 & !umask,
            "{mode:o} under umask {umask:o}"
        );
    }
    let summary = std::fs::read_to_string(&exports[0]).expect("the summary");
    assert!(
        summary.contains("### Grupp 2\n\n- Summera: å ä ö 🙂"),
        "{summary}"
    );
    let osc52 = samla::clipboard::osc52(&summary);
    let output = app.output();
    assert!(
        output
            .windows(osc52.len())
            .any(|window| window == osc52.as_bytes()),
        "the OSC 52 sequence with the summary was written to the terminal"
    );
    assert!(app.quit().success());
}
