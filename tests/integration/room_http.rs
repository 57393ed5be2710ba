//! The room's page over loopback: devices join, post, edit and delete through
//! the real server inside the real run screen, and everything a stranger's
//! phone might send is refused or comes back literally.

use std::time::{Duration, Instant};

use samla::session::Lane;
use scraper::{Html, Selector};

use crate::common::pty::{status_line_drawn, wait_for_file};
use crate::common::room::OpenRoom;

/// seminarium-3's action plan and its middle column.
const ACTION_PLAN: &str = "Handlingsplan";
const IN_A_YEAR: &str = "Vad kan vi göra inom ett år?";

fn texts_of(page: &str, selector: &str) -> Vec<String> {
    let html = Html::parse_document(page);
    let selector = Selector::parse(selector).expect("a selector");
    html.select(&selector)
        .map(|element| element.text().collect::<String>())
        .collect()
}

#[test]
fn cards_posted_from_two_phones_land_in_their_groups_and_columns_on_screen_and_on_disk() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to(ACTION_PLAN);
    let mut first = room.joined_device();
    let mut second = room.joined_device();
    let (status, back) = first.post_card(1, "Gemensam kartläggning", Some(IN_A_YEAR));
    assert_eq!(
        (status, back.as_str()),
        (303, "/g/1?column=Vad+kan+vi+g%C3%B6ra+inom+ett+%C3%A5r%3F"),
        "back with the column kept for the next card"
    );
    let (status, _) = second.post_card(2, "Närvaroteam på varje skola", None);
    assert_eq!(status, 303);
    let file = wait_for_file(room.home(), "two room cards", |file| {
        file.session.cards.len() == 2
    });
    let card = |text: &str| {
        file.session
            .cards
            .iter()
            .find(|card| card.text == text)
            .unwrap_or_else(|| panic!("{text} in the file"))
    };
    let posted = card("Gemensam kartläggning");
    assert_eq!(posted.group, Lane::Group(0));
    assert_eq!(posted.horizon.as_deref(), Some(IN_A_YEAR));
    let other = card("Närvaroteam på varje skola");
    assert_eq!(other.group, Lane::Group(1));
    assert_ne!(
        posted.from_room, other.from_room,
        "each phone is its own device"
    );
    room.app.wait_for_text("kartläggning");
    // Each group's page shows its own cards, and only the writer's can change.
    let (_, page) = first.get("/g/1");
    assert_eq!(texts_of(&page, ".card .text"), ["Gemensam kartläggning"]);
    assert_eq!(texts_of(&page, ".card .actions a"), ["Ändra", "Ta bort"]);
    assert_eq!(texts_of(&page, ".card .yours"), ["Ditt kort"]);
    assert_eq!(texts_of(&page, ".group"), ["Din grupp: Grupp 1"]);
    let (_, page) = second.get("/g/1");
    assert!(texts_of(&page, ".card .actions a").is_empty());
    // Paused, both screens say the same word.
    room.app.send(b"  ");
    room.app.wait_for_text("Pausad");
    wait_for_file(room.home(), "the pause", |file| {
        file.session.current_timing().state() == samla::session::TimerState::Paused
    });
    let (_, page) = second.get("/g/2");
    let countdown = texts_of(&page, ".countdown");
    assert!(countdown[0].starts_with("Pausad"), "{countdown:?}");
}

#[test]
fn a_device_edits_and_removes_its_own_card_and_gets_403_for_anothers() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to(ACTION_PLAN);
    let mut writer = room.joined_device();
    let mut stranger = room.joined_device();
    writer.post_card(1, "Först", None);
    let file = wait_for_file(room.home(), "the card", |file| {
        file.session.cards.len() == 1
    });
    let id = file.session.cards[0].id;
    let (check, _) = stranger.form(1);
    let edit = format!("/c/{id}/edit");
    assert_eq!(stranger.get(&edit).0, 403);
    let fields = |check: &str, text: &str, revision: &str| {
        [("check", check), ("text", text), ("revision", revision)].map(|(n, v)| (n, v.to_owned()))
    };
    let post =
        |device: &mut crate::common::room::Device, path: &str, fields: [(&str, String); 3]| {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
            device.post(path, &fields)
        };
    let (status, page) = post(&mut stranger, &edit, fields(&check, "Kapat", "0"));
    assert_eq!(status, 403);
    assert!(page.contains("Kapat"), "the refused text is given back");
    let delete = format!("/c/{id}/delete");
    assert_eq!(stranger.get(&delete).0, 403);
    assert_eq!(stranger.post(&delete, &[("check", &check)]).0, 403);
    let (check, _) = writer.form(1);
    let (status, back) = post(&mut writer, &edit, fields(&check, "Ändrat", "0"));
    assert_eq!((status, back.as_str()), (303, "/g/1"));
    // Taken means on disk: the file has the edit as soon as the phone hears.
    let file = wait_for_file(room.home(), "the edit", |_| true);
    assert_eq!(file.session.cards[0].text, "Ändrat");
    assert_eq!(file.session.cards[0].revision, 1);
    // A second form that still showed the first text is out of date: the
    // page shows the card as it is and gives the phone's text back.
    let (status, page) = post(
        &mut writer,
        &edit,
        fields(&check, "Från en gammal flik", "0"),
    );
    assert_eq!(status, 409, "{page}");
    assert!(page.contains("Någon annan ändrade kortet"), "{page}");
    assert_eq!(texts_of(&page, ".text.current"), ["Ändrat"]);
    assert!(page.contains("Från en gammal flik"), "{page}");
    // Removing asks first; then the card is kept, hidden, with who removed it.
    let (status, question) = writer.get(&delete);
    assert_eq!(status, 200);
    assert!(question.contains("Ta bort kortet?"), "{question}");
    assert_eq!(writer.post(&delete, &[("check", &check)]).0, 303);
    let file = wait_for_file(room.home(), "the removal", |_| true);
    let card = &file.session.cards[0];
    assert!(card.hidden, "removed from the room");
    assert_eq!(card.removed.map(|removed| removed.device), card.from_room);
    let (_, page) = writer.get("/g/1");
    assert!(texts_of(&page, ".card .text").is_empty(), "{page}");
    // The report lists it; the participants' summary leaves it out.
    let report = crate::common::samla_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        room.home(),
        &["export", "--report", "--format", "md", "-o", "-"],
    );
    assert!(
        report
            .stdout
            .contains("Kort som togs bort från telefonerna"),
        "{}",
        report.stdout
    );
    assert!(report.stdout.contains("| Ändrat |"), "{}", report.stdout);
    let summary = crate::common::samla_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        room.home(),
        &["export", "--format", "md", "-o", "-"],
    );
    assert!(!summary.stdout.contains("Ändrat"), "{}", summary.stdout);
}

#[test]
fn wrong_codes_are_rate_limited_and_a_group_link_joins_straight_into_its_group() {
    let room = OpenRoom::start("seminarium-3", 2);
    // The wrong codes below hold back the whole address, so the link comes first.
    let mut linked = room.device();
    let (status, to) = linked.get(&format!("/J/{}/2", room.door.code.to_lowercase()));
    assert_eq!((status, to.as_str()), (303, "/g/2"));
    assert_eq!(linked.get("/g/2").0, 200);
    let mut guesser = room.device();
    for _ in 0..5 {
        let (status, page) = guesser.join("AAAAAA");
        assert_eq!(status, 403);
        assert!(page.contains("inte rummets kod"), "{page}");
    }
    let (status, page) = guesser.join(&room.door.code);
    assert_eq!(
        status, 429,
        "even the right code waits after five wrong ones"
    );
    assert!(page.contains("För många"), "{page}");
    assert_eq!(guesser.get("/groups").0, 303, "not let in");
}

#[test]
fn a_post_without_its_form_check_or_past_the_longest_text_is_refused_and_the_screen_carries_on() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to(ACTION_PLAN);
    let mut device = room.joined_device();
    let (_, segment) = device.form(1);
    let fields = [("segment", segment.as_str()), ("text", "Utan kontroll")];
    assert_eq!(device.post("/g/1/cards", &fields).0, 403);
    let wrong = [
        ("check", "0000"),
        ("segment", segment.as_str()),
        ("text", "Fel kontroll"),
    ];
    assert_eq!(device.post("/g/1/cards", &wrong).0, 403);
    // Past the longest text: refused at the door, the limit said, the text
    // given back on the room's own page.
    let long = "x".repeat(samla::room::limits::TEXT_MAX_CHARS + 1);
    let (status, page) = device.post_card(1, &long, None);
    assert_eq!(status, 413);
    assert!(page.contains("högst 2\u{a0}000 tecken"), "{page}");
    assert!(page.contains(&long), "the text is given back");
    // As long as the text box allows, in letters of two bytes: taken.
    let longest = "ä".repeat(samla::room::limits::TEXT_MAX_CHARS);
    assert_eq!(device.post_card(1, &longest, None).0, 303);
    // A form sends line breaks as CR LF; the box counted each as one, and
    // so does the room, which keeps them as the line breaks they are.
    let lines = format!("{}a", "a\r\n".repeat(999));
    assert_eq!(device.post_card(1, &lines, None).0, 303);
    // Malformed requests: a 4xx each.
    assert_eq!(device.get("/c/not-a-number/edit").0, 400);
    assert_eq!(device.get("/g/9").0, 404);
    assert_eq!(device.get("/etc/passwd").0, 404);
    assert_eq!(device.post("/g/1/cards", &[]).0, 403);
    room.app.wait_for("the run screen", status_line_drawn);
    let file = wait_for_file(room.home(), "the session", |_| true);
    assert_eq!(file.session.cards.len(), 2);
    assert_eq!(file.session.cards[1].text, lines.replace("\r\n", "\n"));
    // Thirty posts a minute (the three above count), then a friendly refusal
    // that keeps the text.
    for number in 3..30 {
        assert_eq!(device.post_card(1, &format!("kort {number}"), None).0, 303);
    }
    let (status, page) = device.post_card(1, "ett för mycket", None);
    assert_eq!(status, 429);
    assert!(page.contains("ett för mycket"));
}

#[test]
fn hostile_text_comes_back_literally_never_as_markup() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to(ACTION_PLAN);
    let mut device = room.joined_device();
    let emoji = "🙂".repeat(600);
    let hostile = [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "\u{202E}gnp.exe \u{202D}rättvänt",
        emoji.as_str(),
    ];
    for text in hostile {
        assert_eq!(device.post_card(1, text, None).0, 303, "{text}");
    }
    let (_, page) = device.get("/g/1");
    assert_eq!(texts_of(&page, ".card .text"), hostile);
    let html = Html::parse_document(&page);
    let scripts: Vec<_> = html
        .select(&Selector::parse("script").expect("a selector"))
        .map(|script| script.value().attr("src"))
        .collect();
    assert_eq!(scripts, [Some("/room.js")], "no script but the room's own");
    assert!(
        html.select(&Selector::parse("img").expect("a selector"))
            .next()
            .is_none()
    );
    let file = wait_for_file(room.home(), "the hostile cards", |file| {
        file.session.cards.len() == hostile.len()
    });
    let saved: Vec<&str> = file
        .session
        .cards
        .iter()
        .map(|card| card.text.as_str())
        .collect();
    assert_eq!(saved, hostile);
}

#[test]
fn the_pages_carry_a_strict_policy_and_show_no_private_note() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to(ACTION_PLAN);
    room.app.send(b"f");
    room.app.send(b"Hemlig anteckning");
    room.app.send(b"\x1b");
    wait_for_file(room.home(), "the private note", |file| {
        !file.session.private_notes.is_empty()
    });
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent
        .get(format!("{}/", room.door.url))
        .call()
        .expect("an answer");
    let policy = response
        .headers()
        .get("content-security-policy")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"));
    assert!(!policy.contains("unsafe-inline"));
    let mut device = room.joined_device();
    let (_, page) = device.get("/g/1");
    assert!(page.contains("Handlingsplan"));
    assert!(!page.contains("Hemlig anteckning"));
    assert!(!page.contains(&room.home().display().to_string()));
}

#[test]
fn only_a_group_segment_takes_posts_and_posting_stops_when_it_ends() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    let mut device = room.joined_device();
    let (_, page) = device.get("/g/1");
    assert!(page.contains("tar vi inte emot kort"), "{page}");
    assert!(
        texts_of(&page, "form textarea").is_empty(),
        "no form in the welcome"
    );
    room.go_to(ACTION_PLAN);
    let (check, segment) = device.form(1);
    room.go_to("Avslutning: samtal med Malin Gren Landell om utkasten till handlingsplaner");
    let fields = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("text", "Efteråt"),
    ];
    let (status, page) = device.post("/g/1/cards", &fields);
    assert_eq!(status, 409);
    assert!(
        page.contains("Övningen är slut, så det går inte längre att lägga till eller ändra kort")
            && page.contains("Efteråt"),
        "{page}"
    );
    let file = wait_for_file(room.home(), "the session", |_| true);
    assert!(file.session.cards.is_empty());
    // After the last segment, the page says the day is over.
    room.go_to("Eftermätning");
    room.app.send(b" n");
    wait_for_file(room.home(), "the day's end", |file| file.session.is_over());
    let (_, page) = device.get("/g/1");
    assert!(page.contains("Seminariet är avslutat"), "{page}");
    assert!(!page.contains("Väntar på start"), "{page}");
}

#[test]
fn a_closed_room_refuses_posts_with_a_friendly_page_then_closes_its_port() {
    // Answering for 2 s after closing, rather than 10.
    let mut room = OpenRoom::start_with_time_limits("seminarium-3", 2, 2000);
    room.go_to(ACTION_PLAN);
    let mut device = room.joined_device();
    let (check, segment) = device.form(1);
    room.app.send(b"w");
    room.app.wait_for_text("w stänger rummet");
    room.app.send(b"w");
    wait_for_file(room.home(), "the closed room", |file| file.room.is_none());
    room.app.wait_for_text("Rummet är stängt");
    let fields = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("text", "För sent"),
    ];
    let (status, page) = device.post("/g/1/cards", &fields);
    assert_eq!(status, 403);
    assert!(
        page.contains("Rummet är stängt") && page.contains("För sent"),
        "{page}"
    );
    let address = room.door.url.trim_start_matches("http://").to_owned();
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(&address).is_ok() {
        assert!(
            Instant::now() < deadline,
            "the port stays open after the room closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let file = wait_for_file(room.home(), "the session", |_| true);
    assert!(file.session.cards.is_empty());
}

#[test]
fn cards_posted_before_a_kill_9_are_back_on_resume() {
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
    room.go_to(ACTION_PLAN);
    let mut device = room.joined_device();
    for number in 1..=3 {
        assert_eq!(
            device
                .post_card(1, &format!("Kort {number}"), Some(IN_A_YEAR))
                .0,
            303
        );
    }
    wait_for_file(room.home(), "three cards on disk", |file| {
        file.session.cards.len() == 3
    });
    room.app.kill9();
    let resumed = crate::common::pty::PtyApp::spawn(&["resume"], room.home(), 120, 40);
    resumed.wait_for_text("Kort 3");
    // Resumed, the room is closed until the facilitator opens it again.
    let file = wait_for_file(room.home(), "the resumed session", |file| {
        file.room.is_none()
    });
    let texts: Vec<&str> = file
        .session
        .cards
        .iter()
        .map(|card| card.text.as_str())
        .collect();
    assert_eq!(texts, ["Kort 1", "Kort 2", "Kort 3"]);
    assert!(
        file.session
            .cards
            .iter()
            .all(|card| card.from_room.is_some())
    );
}

/// Waits until nothing listens at `address` any more.
fn until_closed(address: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(address).is_ok() {
        assert!(Instant::now() < deadline, "{what}: the port stays open");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_server_stops_when_samla_quits() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    let address = room.door.url.trim_start_matches("http://").to_owned();
    assert!(std::net::TcpStream::connect(&address).is_ok());
    assert!(room.app.quit().success());
    until_closed(&address, "after Ctrl+Q");
}

#[test]
fn a_client_that_never_finishes_its_request_is_cut_off() {
    use std::io::{Read, Write};
    // Half a second for the headers, rather than 10 s.
    let mut room = OpenRoom::start_with_time_limits("seminarium-3", 2, 500);
    let address = room.door.url.trim_start_matches("http://").to_owned();
    let mut slow = std::net::TcpStream::connect(&address).expect("connected");
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .expect("half a request");
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a read timeout");
    // Meanwhile the room answers others.
    let mut device = room.joined_device();
    assert_eq!(device.get("/groups").0, 200);
    // The server hangs up on the slow one: it does not wait for the rest of
    // the headers for ever.
    let mut answer = Vec::new();
    let read = slow.read_to_end(&mut answer);
    assert!(read.is_ok(), "the server hung up: {read:?}");
    room.app.wait_for("the run screen", status_line_drawn);
    assert!(room.app.quit().success());
}

#[test]
fn two_hundred_phones_posting_at_once_lose_no_card() {
    let mut room = OpenRoom::start("seminarium-3", 12);
    room.go_to(ACTION_PLAN);
    let phones = crate::common::room::phones_posting(&room, 200, 10);
    let taken: usize = phones
        .into_iter()
        .map(|phone| phone.join().expect("a phone's thread"))
        .sum();
    assert_eq!(taken, 2000, "every post is answered as taken");
    // Taken means on disk: the file already holds them all, with no waiting.
    let path = crate::common::pty::session_files(room.home()).remove(0);
    let file = samla::store::SessionFile::load(&path).expect("the session file");
    assert_eq!(file.session.cards.len(), 2000);
    for number in [0, 99, 199] {
        let mine = file
            .session
            .cards
            .iter()
            .filter(|card| card.text.starts_with(&format!("Telefon {number}, ")))
            .count();
        assert_eq!(mine, 10, "phone {number}");
    }
    room.app.wait_for("the run screen", status_line_drawn);
    assert!(room.app.quit().success());
}

/// The network sockets (TCP or UDP, any address) process `pid` holds open:
/// its descriptors' socket inodes that the kernel's network tables list. Its
/// Unix sockets (the terminal's and the signals' wake-ups) are no port.
#[cfg(target_os = "linux")]
fn network_sockets_of(pid: u32) -> usize {
    let inodes: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("the process's descriptors")
        .filter_map(Result::ok)
        .filter_map(|entry| std::fs::read_link(entry.path()).ok())
        .filter_map(|target| {
            let target = target.to_string_lossy().into_owned();
            let inode = target.strip_prefix("socket:[")?.strip_suffix(']')?;
            Some(inode.to_owned())
        })
        .collect();
    let listed: Vec<String> = ["tcp", "tcp6", "udp", "udp6"]
        .iter()
        .filter_map(|table| std::fs::read_to_string(format!("/proc/{pid}/net/{table}")).ok())
        .flat_map(|table| {
            table
                .lines()
                .skip(1)
                .filter_map(|line| line.split_whitespace().nth(9).map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    inodes.iter().filter(|inode| listed.contains(inode)).count()
}

#[cfg(target_os = "linux")]
#[test]
fn no_port_is_open_until_the_facilitator_opens_the_room() {
    let home = tempfile::tempdir().expect("a data folder");
    let mut app = crate::common::pty::PtyApp::spawn(
        // A closed room's port closes after a grace as long as the time
        // limits; short here, so the test waits a moment, not ten seconds.
        &[
            "run",
            "seminarium-3",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--time-limits-ms",
            "500",
        ],
        home.path(),
        120,
        40,
    );
    app.wait_for("the run screen", status_line_drawn);
    assert_eq!(
        network_sockets_of(app.pid()),
        0,
        "a port before the room was opened"
    );
    app.send(b"w");
    let file = wait_for_file(home.path(), "the open room", |file| file.room.is_some());
    assert!(network_sockets_of(app.pid()) > 0, "the room listens");
    let address = file
        .room
        .expect("a door")
        .url
        .trim_start_matches("http://")
        .to_owned();
    assert!(std::net::TcpStream::connect(&address).is_ok());
    app.send(b"w");
    until_closed(&address, "after w w");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while network_sockets_of(app.pid()) > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "a port stays open after the room closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(app.quit().success());
}

/// The attribute `attribute` of every element `selector` picks.
fn attributes_of(page: &str, selector: &str, attribute: &str) -> Vec<String> {
    let html = Html::parse_document(page);
    let selector = Selector::parse(selector).expect("a selector");
    html.select(&selector)
        .filter_map(|element| element.value().attr(attribute).map(str::to_owned))
        .collect()
}

#[test]
fn alone_each_phone_writes_on_its_own_page_and_in_the_matrix_a_group_marks_its_priorities() {
    let mut room = OpenRoom::start("nulagesanalys", 2);
    room.go_to("Vad fungerar i dag?");
    let mut anna = room.joined_device();
    let mut bo = room.joined_device();
    let (_, groups) = anna.get("/groups");
    assert_eq!(attributes_of(&groups, "a.button", "href"), ["/g/0"]);
    let (status, back) = anna.post_card(0, "Trygga vuxna på skolan", None);
    assert_eq!((status, back.as_str()), (303, "/g/0"));
    let (status, _) = bo.post_card(0, "Snabb kontakt med hemmet", None);
    assert_eq!(status, 303);
    let (_, page) = anna.get("/g/0");
    assert_eq!(
        texts_of(&page, ".card .text"),
        ["Trygga vuxna på skolan"],
        "alone, a phone sees only its own cards"
    );
    let file = wait_for_file(room.home(), "two cards of the room's", |file| {
        file.session.cards.len() == 2
    });
    assert!(
        file.session
            .cards
            .iter()
            .all(|card| card.group == Lane::Plenary)
    );
    assert_eq!(anna.get("/g/1").0, 404, "no group to write for here");

    room.go_to("Analys: var ligger hindren?");
    // The analysis splits the room in mixed groups: a day's group's page is
    // not one of them, so the phone picks its group anew.
    let (status, page) = anna.get("/g/1");
    assert_eq!(status, 200);
    assert!(page.contains("Nya grupper i det här passet"), "{page}");
    let mixed = attributes_of(&page, "ul.groups a", "href");
    assert_eq!(mixed[0], "/g/1?set=blandade", "{page}");
    let (check, segment) = anna.form_of("/g/1?set=blandade");
    let from_before = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("text", "Skrivet för kommunens grupp"),
    ];
    let (status, page) = anna.post("/g/1/cards", &from_before);
    assert_eq!(
        status, 409,
        "a day's group's form in a mixed group's segment"
    );
    assert!(
        page.contains("Skrivet för kommunens grupp"),
        "the text given back: {page}"
    );
    for text in [
        "Frånvaro syns sent",
        "Ingen gemensam rutin",
        "Otydligt ansvar",
        "Långa köer till BUP",
    ] {
        let fields = [
            ("check", check.as_str()),
            ("segment", segment.as_str()),
            ("text", text),
            ("column", "Skola"),
            ("row", "Organisation"),
        ];
        let (status, back) = anna.post("/g/1/cards?set=blandade", &fields);
        assert_eq!(
            (status, back.as_str()),
            (303, "/g/1?set=blandade&column=Skola&row=Organisation"),
            "back with the column and the row kept"
        );
    }
    let (_, page) = bo.get("/g/1?set=blandade");
    assert!(attributes_of(&page, "form[action$='/priority']", "action").is_empty());
    room.app.send(b"P");
    room.app.wait_for_text("markerar prioriteringar");
    let (_, page) = bo.get("/g/1?set=blandade");
    let marks = attributes_of(&page, "form[action$='/priority']", "action");
    assert_eq!(marks.len(), 4, "{page}");
    let (check, _) = bo.form_of("/g/1?set=blandade");
    for mark in &marks[..3] {
        assert_eq!(bo.post(mark, &[("check", check.as_str())]).0, 303);
    }
    let (status, page) = bo.post(&marks[3], &[("check", check.as_str())]);
    assert_eq!(status, 409);
    assert!(page.contains("redan markerat"), "{page}");
    let file = wait_for_file(room.home(), "three priorities", |file| {
        file.session
            .cards
            .iter()
            .filter(|card| card.priority)
            .count()
            == 3
    });
    assert!(
        !file
            .session
            .cards
            .iter()
            .any(|card| card.text == "Långa köer till BUP" && card.priority)
    );
    let (_, page) = anna.get("/g/1?set=blandade&column=Skola&row=Organisation");
    assert_eq!(texts_of(&page, ".card .mark").len(), 3);
    assert_eq!(
        attributes_of(&page, "input[name=column][checked]", "value"),
        ["Skola"],
        "the column of the last card stays chosen"
    );
    assert!(
        page.contains("Vårt fokus: övergångar"),
        "the group's own question: {page}"
    );
    assert!(texts_of(&page, ".voting")[0].ends_with("(3/3)"), "{page}");
}

#[test]
fn a_terminal_that_stops_reading_never_holds_up_the_room() {
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 4);
    room.go_to(ACTION_PLAN);
    let mut phones: Vec<_> = (0..3).map(|_| room.joined_device()).collect();
    // A frozen window: nothing samla draws is read any more, so the
    // pseudo-terminal's buffer fills with the first frames.
    room.app.hold_output();
    let long = "en mening som fyller kortet och skärmen, ".repeat(8);
    for round in 0..25 {
        for (number, phone) in phones.iter_mut().enumerate() {
            // A window resized is a whole frame to draw: far more, soon,
            // than the pseudo-terminal's buffer holds.
            room.app.resize(120 + u16::from(round % 2 == 0), 40);
            let text = format!("Telefon {number}, kort {round}: {long}");
            let (status, page) = phone.post_card(number + 1, &text, None);
            assert_eq!(status, 303, "answered truthfully: {page}");
        }
    }
    let path = crate::common::pty::session_files(room.home()).remove(0);
    let file = samla::store::SessionFile::load(&path).expect("the session file");
    assert_eq!(file.session.cards.len(), 75, "taken means on disk");
    // The window wakes: the screen catches up and samla quits as usual.
    room.app.release_output();
    room.app.wait_for("the screen to catch up", |screen| {
        status_line_drawn(screen) && screen.contains("Telefon 2, kort 0")
    });
    assert!(room.app.quit().success());
}

/// A shared list of needs, as Vaxholm's: two groups write, then every
/// participant gives two dots to any group's cards.
const SHARED_NEEDS: &str = r#"Agenda(
    title: "Gemensamma behov",
    event: Workshop,
    segments: [
        (kind: GroupDiscussion, title: "Behov", minutes: 30, dots: 2),
    ],
)"#;

#[test]
fn each_phone_gives_its_dots_to_any_groups_cards_and_sees_only_its_own() {
    let mut room = OpenRoom::start_on_own("behov", SHARED_NEEDS, 2);
    let mut anna = room.joined_device();
    let mut bo = room.joined_device();
    for (group, text) in [
        (1, "Gemensam rutin"),
        (2, "Kontaktperson"),
        (2, "Fler möten"),
    ] {
        assert_eq!(anna.post_card(group, text, None).0, 303);
    }
    let (_, page) = anna.get("/dots");
    assert_eq!(
        texts_of(&page, ".waiting"),
        ["Just nu röstar vi inte med prickar."]
    );
    room.app.send(b"P");
    room.app.wait_for_text("tar emot prickar");
    let (_, page) = bo.get("/g/1");
    assert_eq!(
        attributes_of(&page, "a[href='/dots']", "href").len(),
        1,
        "{page}"
    );
    let (_, page) = anna.get("/dots");
    let buttons = attributes_of(&page, "form[action$='/dot']", "action");
    assert_eq!(buttons.len(), 3, "every group's cards: {page}");
    let check = attributes_of(&page, "input[name=check]", "value").remove(0);
    for button in &buttons[..2] {
        let (status, back) = anna.post(button, &[("check", check.as_str())]);
        assert_eq!((status, back.as_str()), (303, "/dots"));
    }
    let (status, page) = anna.post(&buttons[2], &[("check", check.as_str())]);
    assert_eq!(status, 409);
    assert!(page.contains("gett alla dina prickar"), "{page}");
    let (_, page) = anna.get("/dots");
    assert!(
        texts_of(&page, ".voting")[0].starts_with("Du har 0 av 2"),
        "{page}"
    );
    assert_eq!(
        texts_of(&page, ".dotted .text"),
        ["Gemensam rutin", "Kontaktperson"]
    );
    // Bo sees none of Anna's dots: what the others chose is theirs.
    let (_, page) = bo.get("/dots");
    let check = attributes_of(&page, "input[name=check]", "value").remove(0);
    assert!(texts_of(&page, ".dotted").is_empty(), "{page}");
    assert!(
        texts_of(&page, ".voting")[0].starts_with("Du har 2 av 2"),
        "{page}"
    );
    assert_eq!(bo.post(&buttons[0], &[("check", check.as_str())]).0, 303);
    let file = wait_for_file(room.home(), "three dots", |file| {
        file.session
            .cards
            .iter()
            .map(|card| card.dot_count())
            .sum::<u32>()
            == 3
    });
    let ranking: Vec<(&str, u32)> = file
        .session
        .ranking(samla::session::SegmentIx(0))
        .iter()
        .map(|ranked| (ranked.card.text.as_str(), ranked.dots))
        .collect();
    assert_eq!(ranking, [("Gemensam rutin", 2), ("Kontaktperson", 1)]);
    // `P` again stops it.
    room.app.send(b"P");
    room.app.wait_for_text("inte längre emot prickar");
    let (status, _) = bo.post(&buttons[1], &[("check", check.as_str())]);
    assert_eq!(status, 409);
}
