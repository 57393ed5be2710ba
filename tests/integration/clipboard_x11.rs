//! `samla export --copy` on a real X server (Xvfb, installed by `.ci/run`):
//! the summary is read back from the clipboard with `xclip -o` after samla
//! has exited.

#![cfg(target_os = "linux")]

use crate::common;
use common::programs::available;

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::FixedOffset;
use common::fixture::{saved_at, seminar_3};
use samla::export::{Summary, markdown};

/// An X server of its own on a free display, stopped when dropped.
struct Xvfb {
    server: Child,
    display: String,
}

impl Xvfb {
    /// Starts Xvfb on a display it picks itself (`-displayfd`), so stale
    /// sockets of earlier servers never get in the way.
    fn start() -> Self {
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "640x480x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (`apt-get install xvfb xclip`, as .ci/run does)");
        let mut reported = String::new();
        let mut output = server.stdout.take().expect("Xvfb's output");
        let mut byte = [0u8; 1];
        while output.read(&mut byte).expect("Xvfb reports its display") == 1 && byte[0] != b'\n' {
            reported.push(char::from(byte[0]));
        }
        let number: u32 = reported.trim().parse().expect("a display number");
        Self {
            server,
            display: format!(":{number}"),
        }
    }

    fn clipboard(&self) -> String {
        let output = Command::new("xclip")
            .args(["-o", "-selection", "clipboard"])
            .env("DISPLAY", &self.display)
            .output()
            .expect("xclip runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

impl Drop for Xvfb {
    /// SIGTERM, so the server removes its socket.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.server.id().to_string()])
            .status();
        let _ = self.server.wait();
    }
}

#[test]
fn export_copy_leaves_the_summary_on_the_x11_clipboard() {
    if !available("Xvfb", "-help", "xvfb") || !available("xclip", "-version", "xclip") {
        return;
    }
    let x = Xvfb::start();
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("sessions");
    std::fs::create_dir(&folder).expect("sessions folder");
    let session = seminar_3();
    let file = samla::store::SessionFile {
        version: samla::store::VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: saved_at(),
        language: samla::agenda::Language::Sv,
        session: session.clone().into(),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    samla::store::write_atomic(&folder.join("s.ron"), file.to_text().as_bytes()).expect("saved");
    let run = Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(["export", "--copy"])
        .env("SAMLA_HOME", home.path())
        .env("DISPLAY", &x.display)
        .env("TZ", "UTC")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("SSH_CONNECTION")
        .env_remove("SSH_TTY")
        .output()
        .expect("samla runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("kopierad till urklipp"), "{stderr}");
    let expected = markdown(&Summary {
        session: &session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(0).expect("an offset"),
        private: false,
        names: false,
        report: false,
        intro: None,
        removed: &[],
    });
    let deadline = Instant::now() + common::pty::PATIENCE;
    loop {
        let copied = x.clipboard();
        if copied == expected {
            break;
        }
        assert!(Instant::now() < deadline, "the clipboard holds {copied:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
