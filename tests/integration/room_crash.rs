//! Crash tests of the room's promise, as a database is tested: phones post in
//! a burst into the real binary, which is killed with SIGKILL at several
//! moments. After the kill the session file (read as `samla resume` reads
//! it) holds every card a phone was told was taken, and nothing but cards
//! that were sent: a card whose answer the kill cut off may be there or not.

use crate::common::crash::{cards_after_the_crash, kill_during_a_burst};
use crate::common::room::{Device, OpenRoom};
use crate::common::small_disk::SmallDisk;

const ACTION_PLAN: &str = "Handlingsplan";

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

#[test]
fn a_full_disk_refuses_posts_with_the_text_given_back_and_keeps_every_card_it_took() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let Some(disk) = SmallDisk::mount(home.path()) else {
        return;
    };
    let mut room = OpenRoom::start_in_terminal_at(home, "seminarium-3", 4);
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
