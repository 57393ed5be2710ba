//! Fast typing in the real binary: 20,000 characters arriving as fast as a
//! pseudo-terminal takes them, into a card of a session with 360 cards on the
//! board. Measures how long until all of them are on disk, the CPU the samla
//! process used for it (all threads), and how often the session file was
//! written meanwhile. Run with `cargo bench --bench typing`; it fails when a
//! bound of the core-loop issue is broken (≤ 10 s, under one core, ≤ 5 writes
//! a second), or when a key typed at 20 a second costs over 1 ms of CPU.
//! `SAMLA_BINARY=path` measures another build of samla the same way.

mod common;
#[allow(dead_code)] // the benchmark uses a part of the test helper
#[path = "../tests/integration/common/pty.rs"]
mod pty;

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher};
use samla::agenda::{Language, SegmentKind};
use samla::store::{SessionFile, write_atomic};

const CHARACTERS: usize = 20_000;
const LIMIT: Duration = Duration::from_secs(60);

/// Seminarium 3 in its first whole-room conversation, 12 groups × 30 cards.
fn session_with_360_cards() -> SessionFile {
    let (mut session, segment) = common::seminar_3_at(SegmentKind::Plenary);
    for group in 0..12 {
        for n in 0..30 {
            common::add_card(&mut session, segment, group, group * 30 + n);
        }
    }
    SessionFile {
        version: common::READ_BY_BOTH,
        agenda_id: "seminarium-3".to_owned(),
        saved: common::one_pm(),
        language: Language::Sv,
        session: session.into(),
        draft: None,
        room: None,
        devices: Default::default(),
    }
}

fn draft_length(path: &Path) -> usize {
    SessionFile::load(path)
        .ok()
        .and_then(|file| file.draft)
        .map_or(0, |draft| draft.text.chars().count())
}

fn main() {
    let home = tempfile::tempdir().expect("temp dir");
    let sessions = home.path().join("sessions");
    samla::store::create_private_dir(&sessions).expect("a sessions folder");
    let path = sessions.join("typing.ron");
    write_atomic(&path, session_with_360_cards().to_text().as_bytes()).expect("saved");

    let mut app = pty::PtyApp::spawn(&["resume", "typing"], home.path(), 200, 50);
    app.wait_for_text("Samtal");
    app.send(b"a");
    app.wait_for_text("Nytt kort");
    let opened = Instant::now();
    while SessionFile::load(&path)
        .ok()
        .and_then(|file| file.draft)
        .is_none()
    {
        assert!(
            opened.elapsed() < LIMIT,
            "the open editor never reached the file"
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    let (events, writes) = mpsc::channel();
    let name = path.file_name().map(ToOwned::to_owned);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // The store renames each new version into place: one rename, one write.
        let renamed_into_place = |kind: &EventKind| {
            matches!(
                kind,
                EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(RenameMode::To))
            )
        };
        if let Ok(event) = event
            && renamed_into_place(&event.kind)
            && event
                .paths
                .iter()
                .any(|changed| changed.file_name() == name.as_deref())
        {
            let _ = events.send(());
        }
    })
    .expect("a watcher");
    watcher
        .watch(&sessions, RecursiveMode::NonRecursive)
        .expect("watching the sessions folder");

    let sentence = "Närvaro är allas ansvar – skola, socialtjänst och vård möts tidigt. ";
    let burst: String = sentence.chars().cycle().take(CHARACTERS).collect();
    let burst = measure(&mut app, &path, &writes, CHARACTERS, |app| {
        app.send(burst.as_bytes());
    });
    burst.print("20,000 characters at once (a paste without brackets, a fast macro)");

    // Steady typing for ten seconds, a key every 5 ms: the saver's pace.
    let keys: Vec<char> = sentence.chars().cycle().take(STEADY_KEYS).collect();
    let steady = measure(&mut app, &path, &writes, CHARACTERS + STEADY_KEYS, |app| {
        for key in &keys {
            app.send(key.to_string().as_bytes());
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    steady.print("2,000 keys, one every 5 ms");

    // A fast note-taker: 20 keys a second, each its own event, into a new
    // card beside the 360.
    app.send(b"\x1b");
    app.wait_for("the editor to close", |screen| {
        !screen.contains("Nytt kort")
    });
    app.send(b"a");
    app.wait_for_text("Nytt kort");
    let paced_keys: Vec<char> = sentence.chars().cycle().take(PACED_KEYS).collect();
    let paced = measure(&mut app, &path, &writes, PACED_KEYS, |app| {
        for key in &paced_keys {
            app.send(key.to_string().as_bytes());
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    paced.print("200 keys, one every 50 ms (20 a second)");
    let per_key = paced.cpu * 1000.0 / PACED_KEYS as f64;
    println!("  CPU a key              {per_key:.2} ms (bound 1 ms)");
    assert!(app.quit().success());
    assert!(per_key <= 1.0, "{per_key:.2} ms of CPU a key");
    for run in [burst, steady] {
        assert!(
            run.seconds <= 10.0 + STEADY_SECONDS,
            "took {:.2} s",
            run.seconds
        );
        assert!(
            run.cpu < run.seconds,
            "used {:.2} s of CPU in {:.2} s",
            run.cpu,
            run.seconds
        );
        assert!(
            run.writes_per_second() <= 5.0,
            "{:.1} writes a second",
            run.writes_per_second()
        );
    }
}

/// Keys of the paced phase, one every 50 ms.
const PACED_KEYS: usize = 200;
/// Keys of the steady phase, one every 5 ms.
const STEADY_KEYS: usize = 2_000;
/// How long the steady phase types at the least.
const STEADY_SECONDS: f64 = 10.0;

/// What one phase of typing came to.
struct Typed {
    seconds: f64,
    cpu: f64,
    writes: usize,
}

impl Typed {
    /// Writes a second, counting a phase shorter than a second as one second.
    fn writes_per_second(&self) -> f64 {
        self.writes as f64 / self.seconds.max(1.0)
    }

    fn print(&self, what: &str) {
        println!("{what}, into a card beside 360 cards, real pseudo-terminal:");
        println!("  all on disk after      {:.2} s", self.seconds);
        println!(
            "  samla's CPU            {:.2} s = {:.0}% of one core (bound 100%)",
            self.cpu,
            100.0 * self.cpu / self.seconds
        );
        println!(
            "  session file written   {} times, {:.1} a second (bound 5)",
            self.writes,
            self.writes_per_second()
        );
    }
}

/// Types with `typing` until the draft on disk holds `total` characters.
fn measure(
    app: &mut pty::PtyApp,
    path: &Path,
    writes: &mpsc::Receiver<()>,
    total: usize,
    typing: impl FnOnce(&mut pty::PtyApp),
) -> Typed {
    let _ = writes.try_iter().count();
    let cpu_before = common::cpu_seconds(app.pid());
    let start = Instant::now();
    typing(app);
    while draft_length(path) < total {
        assert!(
            start.elapsed() < LIMIT,
            "not all of it arrived in {LIMIT:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Typed {
        seconds: start.elapsed().as_secs_f64(),
        cpu: common::cpu_seconds(app.pid()) - cpu_before,
        writes: writes.try_iter().count(),
    }
}
