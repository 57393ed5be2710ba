//! The room under siege, over loopback only (127.0.0.x source addresses
//! stand in for many devices), with bounded loops: how long an honest phone
//! waits for a page while one participant does the worst the code allows,
//! samla's memory under a flood of huge headers, and its CPU at a low
//! open-files limit. Run with `cargo bench --bench siege`; it fails when an
//! honest page takes over a second.

mod common;
#[allow(dead_code)]
#[path = "../tests/integration/common/in_process.rs"]
mod in_process;
#[allow(dead_code)]
#[path = "../tests/integration/common/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "../tests/integration/common/room.rs"]
mod room;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// The most an honest page may take under any attack.
const HONEST_LIMIT: Duration = Duration::from_secs(1);

fn main() {
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    idle_connections();
    held_streams();
    header_flood();
    low_open_files();
}

fn server(room: &room::OpenRoom) -> SocketAddr {
    room.door
        .url
        .trim_start_matches("http://")
        .parse()
        .expect("the door's address")
}

/// How long a new phone waits for the join page.
fn honest_wait(to: SocketAddr) -> Duration {
    let began = Instant::now();
    let mut stream = TcpStream::connect(to).expect("connected");
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .expect("a timeout");
    let request = format!("GET / HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("sent");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(answer.starts_with(b"HTTP/1.1 200"), "the page");
    began.elapsed()
}

/// A connection to `to` from 127.0.0.`last` that has sent `sent`.
fn connection(to: SocketAddr, last: u8, sent: &[u8]) -> Option<TcpStream> {
    let from = SocketAddr::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)), 0);
    let mut stream = connect_from(from, to)?;
    let _ = stream.write_all(sent);
    Some(stream)
}

/// A TCP connection from `from` to `to`, through tokio's socket (which can
/// bind a source address before connecting).
fn connect_from(from: SocketAddr, to: SocketAddr) -> Option<TcpStream> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .ok()?;
    let stream = runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().ok()?;
        socket.bind(from).ok()?;
        socket.connect(to).await.ok()
    })?;
    let stream = stream.into_std().ok()?;
    stream.set_nonblocking(false).ok()?;
    Some(stream)
}

fn report(attack: &str, waits: &mut [Duration]) {
    waits.sort();
    let worst = waits.last().copied().unwrap_or_default();
    println!(
        "{attack}: an honest page in median {:.1} ms, worst {:.1} ms over {} tries",
        waits[waits.len() / 2].as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0,
        waits.len()
    );
    assert!(worst <= HONEST_LIMIT, "{attack}: {worst:?}");
}

/// 1,100 connections from ten addresses that never send a request.
fn idle_connections() {
    let mut room = room::OpenRoom::start_in_terminal("seminarium-3", 2);
    let to = server(&room);
    let held: Vec<TcpStream> = (2..12)
        .flat_map(|last| (0..110).filter_map(move |_| connection(to, last, b"")))
        .collect();
    let mut waits: Vec<Duration> = (0..10).map(|_| honest_wait(to)).collect();
    report(&format!("{} idle connections", held.len()), &mut waits);
    drop(held);
    assert!(room.app.quit().success());
}

/// One device opening 1,030 live streams.
fn held_streams() {
    let mut room = room::OpenRoom::start_in_terminal("seminarium-3", 2);
    let to = server(&room);
    let device = room.joined_device();
    let cookie = device.cookie().expect("a cookie").to_owned();
    let request = format!("GET /events HTTP/1.1\r\nHost: {to}\r\nCookie: {cookie}\r\n\r\n");
    let held: Vec<TcpStream> = (0..1030)
        .filter_map(|_| connection(to, 2, request.as_bytes()))
        .collect();
    let mut waits: Vec<Duration> = (0..10).map(|_| honest_wait(to)).collect();
    report(
        &format!("{} streams from one device", held.len()),
        &mut waits,
    );
    drop(held);
    assert!(room.app.quit().success());
}

/// 1,000 connections, each sending 390 KB of header.
fn header_flood() {
    let mut room = room::OpenRoom::start_in_terminal("seminarium-3", 2);
    let to = server(&room);
    let pid = room.app.pid();
    let header = format!(
        "GET / HTTP/1.1\r\nHost: {to}\r\nX-Fill: {}",
        "a".repeat(390 * 1024)
    );
    let mut peak = 0;
    let held: Vec<TcpStream> = (0..1000)
        .filter_map(|number| {
            let held = connection(to, 2 + (number % 10) as u8, header.as_bytes());
            peak = peak.max(resident_kilobytes(pid));
            held
        })
        .collect();
    let mut waits: Vec<Duration> = (0..10).map(|_| honest_wait(to)).collect();
    peak = peak.max(resident_kilobytes(pid));
    println!(
        "{} connections of 390 KB headers: samla's memory at most {:.1} MB",
        held.len(),
        peak as f64 / 1024.0
    );
    assert!(peak < 100 * 1024, "{peak} KB");
    report("the header flood", &mut waits);
    drop(held);
    assert!(room.app.quit().success());
}

/// samla held to 256 open files, and 300 connections that hold on.
fn low_open_files() {
    let mut room = room::OpenRoom::start_in_terminal("seminarium-3", 2);
    let to = server(&room);
    let pid = room.app.pid();
    let limited = std::process::Command::new("prlimit")
        .args(["--nofile=256:256", "--pid", &pid.to_string()])
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        limited,
        "prlimit (util-linux) sets samla's open-files limit"
    );
    let held: Vec<TcpStream> = (0..300)
        .filter_map(|number| connection(to, 2 + (number % 3) as u8, b""))
        .collect();
    let before = common::cpu_seconds(pid);
    let window = Duration::from_secs(3);
    std::thread::sleep(window);
    let cpu = common::cpu_seconds(pid) - before;
    println!(
        "300 connections at 256 open files: samla's CPU {:.1}% of one core over {} s",
        100.0 * cpu / window.as_secs_f64(),
        window.as_secs()
    );
    let mut waits: Vec<Duration> = (0..10).map(|_| honest_wait(to)).collect();
    report("256 open files", &mut waits);
    drop(held);
    assert!(room.app.quit().success());
}

/// The resident memory of process `pid`, in kilobytes.
fn resident_kilobytes(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
