//! One participant doing the worst the join code allows, over loopback only
//! (other 127.0.0.x source addresses stand in for many devices), with
//! bounded loops: the room stays open for everyone else, and stopping samla
//! always wins.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use crate::common::pty::status_line_drawn;
use crate::common::room::OpenRoom;

/// The room's address as a socket address.
fn server(room: &OpenRoom) -> SocketAddr {
    room.door
        .url
        .trim_start_matches("http://")
        .parse()
        .expect("the door's address")
}

/// `count` connections to `to` from each of the loopback addresses
/// 127.0.0.`first`…, that send nothing: each holds one of the server's
/// connections until its header time runs out.
fn idle_connections(
    to: SocketAddr,
    addresses: std::ops::Range<u8>,
    count: usize,
) -> Vec<tokio::net::TcpStream> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let mut held = Vec::new();
        for last in addresses {
            for _ in 0..count {
                let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
                socket
                    .bind(SocketAddr::new(
                        IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)),
                        0,
                    ))
                    .expect("a loopback source address");
                if let Ok(stream) = socket.connect(to).await {
                    held.push(stream);
                }
            }
        }
        held
    })
}

#[test]
fn quitting_wins_over_every_connection_a_client_holds() {
    #[cfg(unix)]
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let ways: &[&str] = if cfg!(unix) {
        &["Ctrl+Q", "TERM", "HUP"]
    } else {
        &["Ctrl+Q"]
    };
    for way in ways {
        let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
        // Three addresses × 400 idle connections: more than the server's 1,024.
        let held = idle_connections(server(&room), 2..5, 400);
        assert!(held.len() > 1024, "only {} connections", held.len());
        room.app.wait_for("the run screen", status_line_drawn);
        // A change, taken by the loop before the way out begins.
        room.app.send(b"+");
        crate::common::pty::wait_for_file(room.home(), "the added minute", |file| {
            file.session.timings[file.session.current].added_minutes == 1
        });
        let pid = room.app.pid().to_string();
        if *way == "Ctrl+Q" {
            room.app.send(b"\x11");
        } else {
            let sent = std::process::Command::new("kill")
                .args([&format!("-{way}"), &pid])
                .status()
                .is_ok_and(|status| status.success());
            assert!(sent, "kill -{way}");
        }
        let ended = room.app.wait_exit(Duration::from_secs(2));
        assert!(
            ended.is_some(),
            "samla did not end within 2 s of {way} while {} connections were held",
            held.len()
        );
        // Having saved: the file as it was left reads back with the minute.
        let file = crate::common::pty::wait_for_file(room.home(), "the last save", |_| true);
        assert_eq!(
            file.session.timings[file.session.current].added_minutes, 1,
            "{way}"
        );
        drop(held);
    }
}

#[test]
fn one_address_holding_hundreds_of_connections_leaves_the_room_to_the_rest() {
    #[cfg(unix)]
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
    let held = idle_connections(server(&room), 2..3, 600);
    assert_eq!(
        held.len(),
        600,
        "the kernel takes them all into the backlog"
    );
    // Everyone else is answered as before.
    let mut honest = room.device();
    assert_eq!(honest.get("/").0, 200);
    assert_eq!(honest.join(&room.door.code).0, 303);
    drop(held);
    assert!(room.app.quit().success());
}

#[test]
fn a_device_that_opens_stream_after_stream_keeps_only_three() {
    use std::io::{Read, Write};
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
    let device = room.joined_device();
    let cookie = device.cookie().expect("a cookie").to_owned();
    let to = server(&room);
    let open = || {
        let mut stream = std::net::TcpStream::connect(to).expect("connected");
        let request =
            format!("GET /events?group=1 HTTP/1.1\r\nHost: {to}\r\nCookie: {cookie}\r\n\r\n");
        stream.write_all(request.as_bytes()).expect("sent");
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).expect("an answer");
        assert_eq!(&head, b"HTTP/1.1 200");
        stream
    };
    let streams: Vec<_> = (0..10).map(|_| open()).collect();
    // The server closed the seven oldest: reading them comes to an end; the
    // newest three stay open (reading them waits until the limit).
    let ended: Vec<bool> = streams
        .into_iter()
        .map(|mut stream| {
            stream
                .set_read_timeout(Some(Duration::from_secs(1)))
                .expect("a timeout");
            let mut body = Vec::new();
            let mut buffer = [0u8; 1024];
            // An ended stream's last chunk is empty: "0" and two line ends.
            while !body.ends_with(b"\r\n0\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(read) => body.extend_from_slice(&buffer[..read]),
                }
            }
            body.ends_with(b"\r\n0\r\n\r\n")
        })
        .collect();
    assert_eq!(ended, [[true; 7].as_slice(), &[false; 3]].concat());
    assert!(room.app.quit().success());
}

/// Sends `request` as it is and reads the answer's status and body.
fn raw(to: SocketAddr, request: &[u8]) -> (u16, String) {
    raw_within(to, request, Duration::from_secs(15))
}

/// [`raw`], giving up on an answer after `limit` (status 0).
fn raw_within(to: SocketAddr, request: &[u8], limit: Duration) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(to).expect("connected");
    stream.set_read_timeout(Some(limit)).expect("a timeout");
    // A server that stops reading may close before all is sent: its answer counts.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .get(9..12)
        .and_then(|status| status.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

#[test]
fn another_name_huge_headers_and_forged_bodies_get_the_rooms_own_page_or_nothing() {
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
    let to = server(&room);
    let get = |host: &str| format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    // The room by its address, and by localhost.
    assert_eq!(raw(to, get(&to.to_string()).as_bytes()).0, 200);
    assert_eq!(
        raw(to, get(&format!("localhost:{}", to.port())).as_bytes()).0,
        200
    );
    // A name of someone else's pointed at the laptop (DNS rebinding).
    let (status, page) = raw(to, get("samla.attacker.example").as_bytes());
    assert_eq!(status, 421);
    assert!(page.contains("Rummet nås bara på adressen"), "{page}");
    // Headers far past 16 KB are not buffered.
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: {to}\r\nX-Fill: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(400 * 1024)
    );
    let (status, _) = raw(to, huge.as_bytes());
    assert_ne!(status, 200, "refused or cut off");
    // A body past the limit gets the room's page in Swedish, not plain English.
    room.go_to("Handlingsplan");
    let mut device = room.joined_device();
    let (check, segment) = device.form(1);
    let long = "x".repeat(40 * 1024);
    let fields = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("text", long.as_str()),
    ];
    let (status, page) = device.post("/g/1/cards", &fields);
    assert_eq!(status, 413);
    assert!(
        page.contains("<html lang=\"sv\"") && page.contains("Formuläret gick inte att läsa"),
        "{page}"
    );
    assert!(!page.contains("Failed to buffer"), "{page}");
    assert_eq!(
        raw(to, get(&to.to_string()).as_bytes()).0,
        200,
        "the room goes on"
    );
    assert!(room.app.quit().success());
}

#[test]
fn one_client_joining_again_and_again_fills_only_its_own_addresss_places() {
    let mut room = OpenRoom::start_as_it_comes("seminarium-3", 2);
    let mut phones: Vec<_> = (0..4).map(|_| room.joined_device()).collect();
    // A fifth device from the same address is turned away, with the room's
    // page, and the facilitator hears of it.
    let mut fifth = room.device();
    let (status, page) = fifth.join(&room.door.code);
    assert_eq!(status, 503);
    assert!(
        page.contains("så många mobiler med som rummet tar"),
        "{page}"
    );
    room.app.wait_for_text("En mobil kom inte in");
    // The four carry on.
    for phone in &mut phones {
        assert_eq!(phone.get("/groups").0, 200);
    }
    assert!(room.app.quit().success());
}

#[test]
fn idle_connections_from_many_addresses_give_way_to_an_honest_phone() {
    #[cfg(unix)]
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
    let mut phone = room.joined_device();
    // Five addresses × 240 connections that never send a request: more than
    // the server holds at once (before the oldest were shed, a new phone
    // waited for them to time out: 9.9 s).
    let held = idle_connections(server(&room), 2..7, 240);
    assert!(held.len() > 1024, "only {} connections", held.len());
    let to = server(&room);
    let page = format!("GET / HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\r\n");
    let (status, _) = raw_within(to, page.as_bytes(), Duration::from_secs(2));
    assert_eq!(status, 200, "a new phone waits on the idle connections");
    assert_eq!(phone.get("/groups").0, 200, "a joined phone is answered");
    drop(held);
    assert!(room.app.quit().success());
}

#[cfg(target_os = "linux")]
#[test]
fn at_a_low_open_files_limit_idle_connections_give_way_too() {
    let mut room = OpenRoom::start_in_terminal("seminarium-3", 2);
    let pid = room.app.pid().to_string();
    let limited = std::process::Command::new("prlimit")
        .args(["--nofile=96:96", "--pid", &pid])
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        limited,
        "prlimit (util-linux) sets samla's open-files limit"
    );
    // More idle connections than samla has descriptors for.
    let held = idle_connections(server(&room), 2..4, 80);
    let to = server(&room);
    let page = format!("GET / HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\r\n");
    let (status, _) = raw_within(to, page.as_bytes(), Duration::from_secs(2));
    assert_eq!(status, 200, "a new phone waits on the idle connections");
    drop(held);
    assert!(room.app.quit().success());
}
