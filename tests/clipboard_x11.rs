//! `samla export --copy` on a real X server (Xvfb, installed by `.ci/run`):
//! the summary is read back from the clipboard with `xclip -o` after samla
//! has exited.

#![cfg(target_os = "linux")]

mod common;

use std::path::Path;
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
    fn start() -> Self {
        let number = 90 + std::process::id() % 400;
        let display = format!(":{number}");
        let server = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "640x480x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (`apt-get install xvfb xclip`, as .ci/run does)");
        let socket = format!("/tmp/.X11-unix/X{number}");
        let deadline = Instant::now() + common::pty::PATIENCE;
        while !Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb did not start on {display}");
            std::thread::sleep(Duration::from_millis(20));
        }
        Self { server, display }
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
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

#[test]
fn export_copy_leaves_the_summary_on_the_x11_clipboard() {
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
        session: session.clone(),
        draft: None,
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
    assert!(stderr.contains("copied to the clipboard"), "{stderr}");
    let expected = markdown(&Summary {
        session: &session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(0).expect("an offset"),
        private: false,
        names: false,
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
