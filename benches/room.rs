//! The room under load, over loopback only: the real binary in a real
//! pseudo-terminal with its room open on 127.0.0.1, 200 simulated phones that
//! join and post 10 cards each at once, then 300 that answer a six-statement
//! survey at once, while a key is typed into the run screen every 100 ms.
//! Measures how long until everything is answered and on disk, how long each
//! post waits for its answer (which comes once the card is synced to disk),
//! the keystroke-to-screen time meanwhile, and samla's CPU afterwards. Then
//! ten bursts of 200 × 10 killed with SIGKILL at ten moments: every card
//! answered as taken must be in the file after the kill. Run with
//! `cargo bench --bench room`; it fails when a card or an answer is lost, the
//! tally is not exact, the cards take over 30 s or the answers over 10 s, or
//! samla does not return to idle.

mod common;
#[allow(dead_code)]
#[path = "../tests/integration/common/crash.rs"]
mod crash;
#[allow(dead_code)]
#[path = "../tests/integration/common/in_process.rs"]
mod in_process;
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
    cards();
    survey();
    crashes();
}

/// Ten bursts of 200 phones × 10 cards, each killed with SIGKILL once a
/// tenth more of its cards were answered as taken than the one before.
fn crashes() {
    let (mut taken, mut kept) = (0, 0);
    for run in 1..=10 {
        let (run_taken, run_kept) = crash::kill_during_a_burst(DEVICES, CARDS_EACH, run * 180);
        taken += run_taken;
        kept += run_kept;
    }
    println!("10 bursts of {DEVICES} phones × {CARDS_EACH} cards, each killed with SIGKILL:");
    println!("  taken, then all found after the kill: {taken} cards ({kept} in the files)");
}

/// The median and the 99th percentile of `waits`, in milliseconds.
fn percentiles(waits: &mut [Duration]) -> (f64, f64) {
    waits.sort();
    let at = |share: f64| {
        let index = ((waits.len() as f64 * share) as usize).min(waits.len().saturating_sub(1));
        waits.get(index).copied().unwrap_or_default().as_secs_f64() * 1000.0
    };
    (at(0.5), at(0.99))
}

/// Types a key into the open editor every 100 ms while any of `phones` is
/// busy; how long each took from the key to the screen.
fn keys_meanwhile<T>(
    open: &mut room::OpenRoom,
    phones: &[std::thread::JoinHandle<T>],
) -> Vec<Duration> {
    let mut latencies = Vec::new();
    let letters_before = open.app.screen().matches('x').count();
    let began = Instant::now();
    while phones.iter().any(|phone| !phone.is_finished()) && began.elapsed() < LIMIT * 2 {
        let sent = Instant::now();
        open.app.send(b"x");
        let shown = |screen: String| screen.matches('x').count() > letters_before + latencies.len();
        while !shown(open.app.screen()) && sent.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_micros(500));
        }
        latencies.push(sent.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    latencies.sort();
    latencies
}

/// "median 7.8 ms, worst 28.2 ms over 9 keys".
fn latency_text(latencies: &[Duration]) -> String {
    let median = latencies
        .get(latencies.len() / 2)
        .copied()
        .unwrap_or_default();
    let worst = latencies.last().copied().unwrap_or_default();
    format!(
        "median {:.1} ms, worst {:.1} ms over {} keys",
        median.as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0,
        latencies.len()
    )
}

/// 300 phones answer seminarium-1's six-statement survey at once.
fn survey() {
    const PHONES: usize = 300;
    let mut open = room::OpenRoom::start_in_terminal("seminarium-1", 2);
    // A respondent line open in the editor, to type into during the load.
    open.app.send(b"i");
    open.app.wait_for_text("Enkätsvar, rad");
    let phones = room::phones_answering(&open, PHONES);
    let began = Instant::now();
    let latencies = keys_meanwhile(&mut open, &phones);
    let taken = phones
        .into_iter()
        .map(|phone| phone.join().expect("a phone's thread"))
        .filter(|taken| *taken)
        .count();
    let answered_after = began.elapsed();
    let file = pty::wait_for_file(open.home(), "every answer on disk", |file| {
        file.session
            .polls
            .get(&samla::session::SegmentIx(0))
            .is_some_and(|poll| poll.respondents.len() >= PHONES)
    });
    let exact = file
        .session
        .statement_results(samla::session::SegmentIx(0))
        .iter()
        .all(|result| result.counts == [60; 5]);
    println!("{PHONES} phones answer a 6-statement survey at once, over loopback:");
    println!(
        "  answered               {taken} of {PHONES} in {:.2} s",
        answered_after.as_secs_f64()
    );
    println!("  tally exact            {exact}");
    println!("  keystroke to screen    {}", latency_text(&latencies));
    assert_eq!(taken, PHONES, "every answer is taken");
    assert!(exact, "the tally is exact");
    assert!(
        answered_after <= Duration::from_secs(10),
        "took {answered_after:?}"
    );
    assert!(open.app.quit().success());
}

/// 200 phones post 10 cards each at once.
fn cards() {
    let mut open = room::OpenRoom::start_in_terminal("seminarium-3", 12);
    open.go_to("Handlingsplan");
    // A whole-room card open in the editor, to type into during the load.
    open.app.send(b"0a");
    open.app.wait_for_text("Nytt kort");
    let pid = open.app.pid();
    let cpu_before = common::cpu_seconds(pid);
    // Each phone posts its cards one after the other, as fast as it is
    // answered, and times each post from the request to the answer.
    let phones = room::phones_at_once(&open, DEVICES, |number, device| {
        let group = number % 12 + 1;
        let (check, segment) = device.form(group);
        (0..CARDS_EACH)
            .map(|card| {
                let text = format!("Telefon {number}, kort {card}");
                let fields = [
                    ("check", check.as_str()),
                    ("segment", segment.as_str()),
                    ("text", text.as_str()),
                ];
                let sent = Instant::now();
                let taken = device.post(&format!("/g/{group}/cards"), &fields).0 == 303;
                (taken, sent.elapsed())
            })
            .collect::<Vec<_>>()
    });
    let began = Instant::now();
    let latencies = keys_meanwhile(&mut open, &phones);
    let posts: Vec<(bool, Duration)> = phones
        .into_iter()
        .flat_map(|phone| phone.join().expect("a phone's thread"))
        .collect();
    let answered = posts.iter().filter(|(taken, _)| *taken).count();
    let mut waits: Vec<Duration> = posts.iter().map(|(_, wait)| *wait).collect();
    let (median, p99) = percentiles(&mut waits);
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
    println!("  a post's answer        median {median:.1} ms, 99th percentile {p99:.1} ms");
    println!("  keystroke to screen    {}", latency_text(&latencies));
    println!(
        "  CPU afterwards         {cpu_idle:.2} s in {} s ({:.1}% of one core)",
        IDLE_WINDOW.as_secs(),
        100.0 * cpu_idle / IDLE_WINDOW.as_secs_f64()
    );
    assert_eq!(answered, total, "every post is answered");
    assert!(
        p99 <= 500.0,
        "a post's answer waits {p99:.1} ms at the 99th percentile"
    );
    assert_eq!(from_room, total, "every card is in the session file");
    assert!(answered_after <= LIMIT, "took {answered_after:?}");
    assert!(
        cpu_idle <= 0.05 * IDLE_WINDOW.as_secs_f64(),
        "samla stays busy after the load: {cpu_idle:.2} s of CPU in {IDLE_WINDOW:?}"
    );
    assert!(open.app.quit().success());
}
