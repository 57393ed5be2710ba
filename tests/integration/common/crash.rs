//! Phones posting in a burst until samla is killed, and what the session
//! file holds after the kill, for the crash tests and the crash benchmark.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use samla::store::SessionFile;

use super::pty::session_files;
use super::room::{Device, OpenRoom};

/// What the phones learnt of their posts.
#[derive(Default)]
pub struct Ledger {
    /// Answered 303: taken.
    pub taken: BTreeSet<String>,
    /// Answered with a refusal page.
    pub refused: BTreeSet<String>,
    /// Sent, but no answer came (the kill cut the connection).
    pub unanswered: BTreeSet<String>,
}

/// `phones` joined phones posting up to `each` cards apiece as fast as they
/// are answered, until their posts fail; `taken` counts the cards taken so
/// far while they run.
pub fn phones_posting_until_cut(
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
pub fn wait_until(count: &AtomicUsize, at_least: usize) {
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
pub fn cards_after_the_crash(room: &OpenRoom) -> BTreeSet<String> {
    let path = session_files(room.home())
        .into_iter()
        .next()
        .expect("the session file");
    let file = SessionFile::load(&path).expect("the file reads back after SIGKILL");
    file.session
        .cards
        .iter()
        .map(|card| card.text.clone())
        .collect()
}

/// Kills the run screen with SIGKILL once `kill_after` cards were taken from
/// `phones` phones posting `each`; checks the file against what they were told.
pub fn kill_during_a_burst(phones: usize, each: usize, kill_after: usize) -> (usize, usize) {
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 4);
    room.go_to("Handlingsplan");
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
