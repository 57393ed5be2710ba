//! The room survives a restart and a crash: the join code, the devices and
//! their ballots live in the session file, so every phone carries on without
//! joining again, answers once, and a new phone is someone new.

use samla::session::Answer;
use scraper::{Html, Selector};

use crate::common::pty::wait_for_file;
use crate::common::room::OpenRoom;

fn count(page: &str, selector: &str) -> usize {
    let selector = Selector::parse(selector).expect("a selector");
    Html::parse_document(page).select(&selector).count()
}

#[test]
fn after_quit_and_after_a_crash_phones_carry_on_with_one_ballot_each() {
    let mut room = OpenRoom::start_in_terminal("seminarium-1", 2);
    let code = room.door.code.clone();
    let mut phone = room.joined_device();
    assert_eq!(phone.answer_poll("sk", &["4"; 6]).0, 303);
    // A phone that joined but never answered nor posted: its number is
    // still its own after the restart.
    let mut silent = room.joined_device();
    assert_eq!(silent.get("/poll").0, 200);

    assert!(room.app.quit().success());
    room.resume();
    assert_eq!(room.door.code, code, "the code changes only when asked");
    let mut phone = room.moved(phone);
    let (status, page) = phone.get("/poll");
    assert_eq!(status, 200, "the cookie still works: {page}");
    assert!(page.contains("Ändra svaren"), "its own answers to change");
    assert_eq!(count(&page, "input[checked]"), 7);
    assert_eq!(phone.answer_poll("sk", &["2"; 6]).0, 303);
    let file = wait_for_file(room.home(), "the changed ballot", |_| true);
    let poll = &file.session.polls[&samla::session::SegmentIx(0)];
    assert_eq!(
        poll.respondents.len(),
        1,
        "one ballot per phone across a restart"
    );
    assert_eq!(poll.respondents[0].answers[0], Answer::Value(2));
    // A new phone is someone new: an empty survey, a number never given.
    let mut newcomer = room.device();
    assert_eq!(newcomer.join(&code).0, 303);
    let (_, page) = newcomer.get("/poll");
    assert_eq!(count(&page, "input[checked]"), 0, "{page}");
    let file = wait_for_file(room.home(), "the newcomer", |file| {
        file.devices.devices.len() == 3
    });
    let mut numbers: Vec<u32> = file.devices.devices.iter().map(|d| d.number).collect();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        3,
        "three devices, three numbers: {numbers:?}"
    );
    // Tokens are kept only as hashes.
    let text = std::fs::read_to_string(crate::common::pty::session_files(room.home()).remove(0))
        .expect("the session file");
    for device in [&phone, &newcomer] {
        let token = device
            .cookie()
            .and_then(|c| c.split('=').nth(1))
            .expect("a token");
        assert!(!text.contains(token), "a token in the file");
    }

    room.app.kill9();
    room.resume();
    let mut silent = room.moved(silent);
    assert_eq!(silent.get("/poll").0, 200, "a crash changes nothing either");
    let (_, page) = silent.get("/poll");
    assert_eq!(count(&page, "input[checked]"), 0, "nobody else's answers");
    assert_eq!(silent.answer_poll("so", &["3"; 6]).0, 303);
    let file = wait_for_file(room.home(), "two ballots", |_| true);
    assert_eq!(
        file.session.polls[&samla::session::SegmentIx(0)]
            .respondents
            .len(),
        2
    );
    assert!(room.app.quit().success());
}

#[test]
fn a_new_code_keeps_the_phones_in_and_is_kept_for_the_next_start() {
    let mut room = OpenRoom::start("seminarium-1", 2);
    let old = room.door.code.clone();
    let mut phone = room.joined_device();
    room.app.send(b"w");
    room.app.wait_for_text("n ny kod");
    room.app.send(b"n");
    let file = wait_for_file(room.home(), "a new code", |file| {
        file.room.as_ref().is_some_and(|door| door.code != old)
    });
    let new = file.room.expect("the door").code;
    assert_eq!(file.devices.code.as_deref(), Some(new.as_str()));
    room.app.wait_for_text(&format!("Ny kod: {new}"));
    assert_eq!(phone.get("/poll").0, 200, "a phone already in stays in");
    assert_eq!(
        room.device().join(&old).0,
        403,
        "the old code no longer opens"
    );
    assert_eq!(room.device().join(&new).0, 303);
    assert!(room.app.quit().success());
    room.resume();
    assert_eq!(room.door.code, new);
}
