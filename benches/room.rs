//! The room under load, over loopback only: the real binary in a real
//! pseudo-terminal with its room open on 127.0.0.1, 200 simulated phones that
//! join and post 10 cards each at once, while a key is typed into the run
//! screen every 100 ms. Measures how long until every card is answered and on
//! disk, the keystroke-to-screen time meanwhile, and samla's CPU afterwards.
//! Run with `cargo bench --bench room`; it fails when a card is lost, when the
//! load takes over 30 s, or when samla does not return to idle.

mod common;
#[allow(dead_code)] // the benchmark uses a part of the test helpers
#[path = "../tests/integration/common/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "../tests/integration/common/room.rs"]
mod room;

use std::time::{Duration, Instant};

const DEVICES: usize = 200;
const CARDS_EACH: usize = 10;
const LIMIT: Duration = Duration::from_secs(30);
/// How long samla's CPU is watched after the load.
const IDLE_WINDOW: Duration = Duration::from_secs(3);

fn main() {
    let mut open = room::OpenRoom::start("seminarium-3", 12);
    open.go_to("Handlingsplan");
    // A whole-room card open in the editor, to type into during the load.
    open.app.send(b"0a");
    open.app.wait_for_text("Nytt kort");
    let pid = open.app.pid();
    let cpu_before = common::cpu_seconds(pid);
    let phones = room::phones_posting(&open, DEVICES, CARDS_EACH);
    let began = Instant::now();
    // Keystrokes into the run screen meanwhile: from the key to the screen.
    let mut latencies = Vec::new();
    let mut typed = 0;
    let letters_before = open.app.screen().matches('x').count();
    while phones.iter().any(|phone| !phone.is_finished()) && began.elapsed() < LIMIT * 2 {
        typed += 1;
        let sent = Instant::now();
        open.app.send(b"x");
        let shown = |screen: String| screen.matches('x').count() >= letters_before + typed;
        while !shown(open.app.screen()) && sent.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_micros(500));
        }
        latencies.push(sent.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    let answered: usize = phones
        .into_iter()
        .map(|phone| phone.join().expect("a phone's thread"))
        .sum();
    let answered_after = began.elapsed();
    let total = DEVICES * CARDS_EACH;
    let file = pty::wait_for_file(open.home(), "every card on disk", |file| {
        file.session
            .cards
            .iter()
            .filter(|card| card.from_room.is_some())
            .count()
            >= total
    });
    let on_disk_after = began.elapsed();
    let cpu_load = common::cpu_seconds(pid) - cpu_before;
    let idle_from = common::cpu_seconds(pid);
    std::thread::sleep(IDLE_WINDOW);
    let cpu_idle = common::cpu_seconds(pid) - idle_from;
    latencies.sort();
    let median = latencies[latencies.len() / 2];
    let worst = latencies.last().copied().unwrap_or_default();
    let from_room = file
        .session
        .cards
        .iter()
        .filter(|card| card.from_room.is_some())
        .count();
    println!("{DEVICES} phones × {CARDS_EACH} cards over loopback into the real run screen:");
    println!(
        "  answered               {answered} of {total} in {:.2} s",
        answered_after.as_secs_f64()
    );
    println!(
        "  on disk                {from_room} cards after {:.2} s",
        on_disk_after.as_secs_f64()
    );
    println!(
        "  samla's CPU meanwhile  {cpu_load:.2} s ({:.0}% of one core)",
        100.0 * cpu_load / on_disk_after.as_secs_f64()
    );
    println!(
        "  keystroke to screen    median {:.1} ms, worst {:.1} ms over {} keys",
        median.as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0,
        latencies.len()
    );
    println!(
        "  CPU afterwards         {cpu_idle:.2} s in {} s ({:.1}% of one core)",
        IDLE_WINDOW.as_secs(),
        100.0 * cpu_idle / IDLE_WINDOW.as_secs_f64()
    );
    assert_eq!(answered, total, "every post is answered");
    assert_eq!(from_room, total, "every card is in the session file");
    assert!(answered_after <= LIMIT, "took {answered_after:?}");
    assert!(
        cpu_idle <= 0.05 * IDLE_WINDOW.as_secs_f64(),
        "samla stays busy after the load: {cpu_idle:.2} s of CPU in {IDLE_WINDOW:?}"
    );
    assert!(open.app.quit().success());
}
