//! Looking around writes nothing: with `samla present` beside the run screen,
//! six seconds of navigation (groups, cards, help, the roster; a few hundred
//! keys) leave the session file untouched, so the projector has nothing to
//! reload.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::common;
use common::pty::{PATIENCE, PtyApp};

/// The keys that only move the selection or open and close overlays.
const NAVIGATION: [&[u8]; 10] = [
    b"1", b"2", b"\x1b[C", b"\x1b[D", b"\x1b[A", b"\x1b[B", b"?", b"?", b"g", b"\x1b",
];

/// How long the keys are pressed.
const LOOKING_AROUND: Duration = Duration::from_secs(6);

fn session_file(home: &Path) -> std::path::PathBuf {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let found = std::fs::read_dir(home.join("sessions"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| path.extension().is_some_and(|ext| ext == "ron"));
        if let Some(path) = found {
            return path;
        }
        assert!(Instant::now() < deadline, "no session file was written");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn six_seconds_of_navigation_write_nothing_for_the_room_to_reload() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut run = PtyApp::spawn(
        &["run", "seminarium-1", "--groups", "3"],
        home.path(),
        120,
        35,
    );
    run.wait_for_text("Förmätning");
    run.send(b" nn");
    run.wait_for_text("Inledande gruppsamtal om föreläsningen");
    let path = session_file(home.path());
    let present = PtyApp::spawn(&["present"], home.path(), 100, 30);
    present.wait_for_text("Inledande gruppsamtal om föreläsningen");
    // The last structural change is on disk before the count begins.
    let deadline = Instant::now() + PATIENCE;
    while !std::fs::read_to_string(&path).is_ok_and(|text| text.contains("current: 2")) {
        assert!(
            Instant::now() < deadline,
            "the segment change was not saved"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    let (events, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
        {
            let _ = events.send(event);
        }
    })
    .expect("a watcher");
    watcher
        .watch(&home.path().join("sessions"), RecursiveMode::NonRecursive)
        .expect("watching the sessions folder");

    let start = Instant::now();
    let mut pressed = 0;
    while start.elapsed() < LOOKING_AROUND {
        run.send(NAVIGATION[pressed % NAVIGATION.len()]);
        pressed += 1;
        std::thread::sleep(Duration::from_millis(50));
    }
    // The help and the roster closed again; the screen answered the keys.
    run.send(b"\x1b");
    run.wait_for("the run screen", |screen| {
        screen.contains("Inledande gruppsamtal") && !screen.contains("Tangenter")
    });
    let writes: Vec<notify::Event> = changes.try_iter().collect();
    assert!(pressed > 100, "only {pressed} keys pressed");
    assert!(
        writes.is_empty(),
        "{} writes while only looking around: {writes:#?}",
        writes.len()
    );
    assert!(present.screen().contains("Inledande gruppsamtal"));
    // The watcher does see a write: a minute more is one.
    run.send(b"+");
    changes
        .recv_timeout(PATIENCE)
        .expect("a change to the schedule is written");
    assert!(run.quit().success());
}
