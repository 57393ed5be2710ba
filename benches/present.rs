//! `samla present` following a 10,000-card session that takes about 20 posts
//! a second: the real binary in a pseudo-terminal at 200×60, its board shown,
//! while this process writes the session file as the run screen's saver does
//! (a new version renamed into place, with and without one post in turn) for
//! ten seconds. Measures the CPU `samla present` used (all threads), and waits
//! until it shows every post. Run with `cargo bench --bench present`; it fails above
//! a quarter of a core. `SAMLA_BINARY=path` measures another build the same way.

mod common;
#[allow(dead_code)] // the benchmark uses a part of the test helper
#[path = "../tests/integration/common/pty.rs"]
mod pty;

use std::sync::Arc;
use std::time::{Duration, Instant};

use samla::agenda::{Language, SegmentKind};
use samla::store::{SessionFile, write_atomic};

const CARDS: usize = 10_000;
const POSTS_A_SECOND: u32 = 20;
const SECONDS: u64 = 10;

fn main() {
    let home = tempfile::tempdir().expect("temp dir");
    let sessions = home.path().join("sessions");
    samla::store::create_private_dir(&sessions).expect("a sessions folder");
    let path = sessions.join("stor.ron");
    let (mut session, segment) = common::seminar_3_at(SegmentKind::Plenary);
    session.timings[segment].run(common::one_pm());
    for n in 0..CARDS {
        common::add_card(&mut session, segment, n % 12, n);
    }
    let mut file = SessionFile {
        version: common::READ_BY_BOTH,
        agenda_id: "seminarium-3".to_owned(),
        saved: common::one_pm(),
        language: Language::Sv,
        session: Arc::new(session),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    write_atomic(&path, file.to_text().as_bytes()).expect("saved");

    let mut present = pty::PtyApp::spawn(&["present", "stor"], home.path(), 200, 60);
    present.wait_for_text("Samtal");
    present.send(b"b");
    present.wait_for_text("Grupp 1");

    // Written beforehand, so that this process keeps the pace: the session
    // as it is and with one post more, one after the other, each a new
    // version of the file.
    let before_post = file.to_text();
    common::add_card(Arc::make_mut(&mut file.session), segment, 7, CARDS);
    let after_post = file.to_text();
    let cpu_before = common::cpu_seconds(present.pid());
    let start = Instant::now();
    let interval = Duration::from_secs(1) / POSTS_A_SECOND;
    let posts = POSTS_A_SECOND as usize * SECONDS as usize;
    for post in 0..posts {
        let text = if post % 2 == 0 {
            &after_post
        } else {
            &before_post
        };
        write_atomic(&path, text.as_bytes()).expect("saved");
        let next = start + interval * (post as u32 + 1);
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
    }
    // The last version is the one with the post.
    write_atomic(&path, after_post.as_bytes()).expect("saved");
    let seconds = start.elapsed().as_secs_f64();
    let cpu = common::cpu_seconds(present.pid()) - cpu_before;
    // The last version shows: group 8's count (in the middle of the board
    // the projector shows) takes in the post.
    let eighth = (0..CARDS).filter(|n| n % 12 == 7).count() + 1;
    present.wait_for_text(&format!("Grupp 8 ({eighth})"));
    assert!(present.quit().success());
    let share = 100.0 * cpu / seconds;
    println!(
        "samla present, {CARDS} cards, {POSTS_A_SECOND} posts a second for {SECONDS} s, 200×60, board shown:"
    );
    println!("  CPU {cpu:.2} s in {seconds:.1} s = {share:.0}% of one core (bound 25%)");
    assert!(share <= 25.0, "{share:.0}% of a core");
}
