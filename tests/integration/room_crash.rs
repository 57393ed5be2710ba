//! Crash tests of the room's promise, as a database is tested: phones post in
//! a burst into the real binary, which is killed with SIGKILL at several
//! moments. After the kill the session file (read as `samla resume` reads
//! it) holds every card a phone was told was taken, and nothing but cards
//! that were sent: a card whose answer the kill cut off may be there or not.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use samla::store::SessionFile;

use crate::common::pty::session_files;
use crate::common::room::{Device, OpenRoom};

const ACTION_PLAN: &str = "Handlingsplan";

/// What the phones learnt of their posts.
#[derive(Default)]
struct Ledger {
    /// Answered 303: taken.
    taken: BTreeSet<String>,
    /// Answered with a refusal page.
    refused: BTreeSet<String>,
    /// Sent, but no answer came (the kill cut the connection).
    unanswered: BTreeSet<String>,
}

/// `phones` joined phones posting up to `each` cards apiece as fast as they
/// are answered, until their posts fail; `taken` counts the cards taken so
/// far while they run.
fn phones_posting_until_cut(
    room: &OpenRoom,
    phones: usize,
    each: usize,
    taken: &Arc<AtomicUsize>,
) -> (Arc<Mutex<Ledger>>, Vec<std::thread::JoinHandle<()>>) {
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let threads = (0..phones)
        .map(|phone| {
            let mut device = room.joined_device();
            let (check, segment) = device.form(phone % 4 + 1);
            let ledger = Arc::clone(&ledger);
            let taken = Arc::clone(taken);
            std::thread::spawn(move || {
                for card in 0..each {
                    let text = format!("Telefon {phone}, kort {card}");
                    let answer = post(&mut device, phone % 4 + 1, &check, &segment, &text);
                    let mut ledger = ledger.lock().expect("the ledger");
                    match answer {
                        Some(303) => {
                            ledger.taken.insert(text);
                            taken.fetch_add(1, Ordering::SeqCst);
                        }
                        Some(_) => {
                            ledger.refused.insert(text);
                        }
                        None => {
                            ledger.unanswered.insert(text);
                            return;
                        }
                    }
                }
            })
        })
        .collect();
    (ledger, threads)
}

/// Posts `text` into group `group` with the form's `check` and `segment`;
/// the status, or `None` when no answer came.
fn post(device: &mut Device, group: usize, check: &str, segment: &str, text: &str) -> Option<u16> {
    let fields = [("check", check), ("segment", segment), ("text", text)];
    device.try_post(&format!("/g/{group}/cards"), &fields)
}

/// Waits until `count` reaches `at_least`, for at most a minute.
fn wait_until(count: &AtomicUsize, at_least: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while count.load(Ordering::SeqCst) < at_least {
        assert!(
            Instant::now() < deadline,
            "only {count:?} taken in a minute"
        );
        std::thread::yield_now();
    }
}

/// The cards of the session file as samla reads it after the crash.
fn cards_after_the_crash(room: &OpenRoom) -> BTreeSet<String> {
    let path = session_files(room.home())
        .into_iter()
        .next()
        .expect("the session file");
    let file = SessionFile::load(&path).expect("the file reads back after SIGKILL");
    file.session
        .cards
        .into_iter()
        .map(|card| card.text)
        .collect()
}

/// Kills the run screen with SIGKILL once `kill_after` cards were taken from
/// `phones` phones posting `each`; checks the file against what they were told.
fn kill_during_a_burst(phones: usize, each: usize, kill_after: usize) -> (usize, usize) {
    let mut room = OpenRoom::start("seminarium-3", 4);
    room.go_to(ACTION_PLAN);
    let taken = Arc::new(AtomicUsize::new(0));
    let (ledger, threads) = phones_posting_until_cut(&room, phones, each, &taken);
    wait_until(&taken, kill_after);
    room.app.kill9();
    for thread in threads {
        thread.join().expect("a phone's thread");
    }
    let kept = cards_after_the_crash(&room);
    let ledger = ledger.lock().expect("the ledger");
    let lost: Vec<&String> = ledger.taken.difference(&kept).collect();
    assert!(lost.is_empty(), "taken, then lost to SIGKILL: {lost:?}");
    let sent: BTreeSet<&String> = ledger.taken.iter().chain(&ledger.unanswered).collect();
    let stray: Vec<&String> = kept.iter().filter(|card| !sent.contains(card)).collect();
    assert!(
        stray.is_empty(),
        "on disk, but never sent or refused: {stray:?}"
    );
    (ledger.taken.len(), kept.len())
}

#[test]
fn every_card_a_phone_was_told_was_taken_survives_sigkill_at_several_moments() {
    for kill_after in [1, 40, 160] {
        let (taken, kept) = kill_during_a_burst(16, 20, kill_after);
        assert!(
            taken >= kill_after && kept >= taken,
            "{taken} taken, {kept} kept"
        );
    }
}

/// A tmpfs of a few megabytes mounted on a folder of its own, unmounted when
/// dropped: a disk that can be filled.
struct SmallDisk {
    folder: std::path::PathBuf,
}

impl SmallDisk {
    /// Mounts one on `folder`; `None` (and why, on stderr) where this
    /// machine does not let a test mount, as outside CI without root.
    fn mount(folder: &std::path::Path) -> Option<Self> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
            .arg(folder)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI runs as root and mounts a tmpfs for the full-disk test"
            );
            eprintln!("skipped: mounting a tmpfs needs root; the full disk is tested in CI");
            return None;
        }
        Some(Self {
            folder: folder.to_owned(),
        })
    }

    /// Fills what is left of it.
    fn fill(&self) {
        use std::io::Write;
        let mut filler = std::fs::File::create(self.folder.join("filler")).expect("a filler");
        let block = vec![0u8; 64 * 1024];
        while filler.write_all(&block).is_ok() {}
        let _ = filler.sync_all();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.folder)
            .status();
        let _ = std::fs::remove_dir(&self.folder);
    }
}

#[test]
fn a_full_disk_refuses_posts_with_the_text_given_back_and_keeps_every_card_it_took() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let Some(disk) = SmallDisk::mount(home.path()) else {
        return;
    };
    let mut room = OpenRoom::start_in(home, "seminarium-3", 4);
    room.go_to(ACTION_PLAN);
    let mut phones: Vec<Device> = (0..4).map(|_| room.joined_device()).collect();
    let mut taken = Vec::new();
    for (number, phone) in phones.iter_mut().enumerate() {
        let text = format!("Före: telefon {number}");
        assert_eq!(phone.post_card(number + 1, &text, None).0, 303);
        taken.push(text);
    }
    disk.fill();
    let mut refused = Vec::new();
    for (number, phone) in phones.iter_mut().enumerate() {
        let text = format!("Efter: telefon {number}");
        let (status, page) = phone.post_card(number + 1, &text, None);
        assert_eq!(status, 503, "{page}");
        assert!(
            page.contains("Inte sparat än") && page.contains(&text),
            "{page}"
        );
        refused.push(text);
    }
    room.app.wait_for("the banner", |screen| {
        screen.contains("KAN INTE SPARA") && screen.contains("4 inlägg från rummet väntar")
    });
    room.app.kill9();
    let kept = cards_after_the_crash(&room);
    for text in &taken {
        assert!(kept.contains(text), "taken, then lost: {text}");
    }
    for text in &refused {
        assert!(!kept.contains(text), "refused, yet on disk: {text}");
    }
    drop(room);
    drop(disk);
}
