//! The real `samla` binary in a real pseudo-terminal, its screen read back with
//! a terminal emulator (vt100), keys sent as bytes.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use samla::store::SessionFile;

/// How long a test waits for something that should happen at once.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A running `samla` in a pseudo-terminal.
pub struct PtyApp {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    tty: Option<PathBuf>,
    closing: Arc<AtomicBool>,
    raw: Arc<Mutex<Vec<u8>>>,
    held: Arc<(Mutex<bool>, std::sync::Condvar)>,
}

impl PtyApp {
    /// Starts `samla ARGS` in a `cols`×`rows` terminal with `SAMLA_HOME` set to `home`.
    pub fn spawn(args: &[&str], home: &Path, cols: u16, rows: u16) -> Self {
        Self::spawn_with_env(args, home, cols, rows, &[])
    }

    /// [`PtyApp::spawn`] with extra environment variables.
    pub fn spawn_with_env(
        args: &[&str],
        home: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        // A benchmark may measure another build (`SAMLA_BINARY`), say the
        // one before a change, in the same run.
        let binary =
            std::env::var_os("SAMLA_BINARY").unwrap_or_else(|| env!("CARGO_BIN_EXE_samla").into());
        let mut command = CommandBuilder::new(binary);
        command.args(args);
        Self::spawn_command(command, home, cols, rows, env)
    }

    /// Starts `command` (samla, or a program that starts it) in a
    /// `cols`×`rows` terminal with `SAMLA_HOME` set to `home`.
    pub fn spawn_command(
        mut command: CommandBuilder,
        home: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        command.env("SAMLA_HOME", home);
        command.env("TERM", "xterm-256color");
        command.env("TZ", "UTC");
        // The command line speaks the system's language; these tests read English.
        command.env("LANG", "C.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("LC_MESSAGES");
        command.env_remove("NO_COLOR");
        command.env_remove("RUST_BACKTRACE");
        // No display: the clipboard is the terminal's (OSC 52), as over SSH.
        command.env_remove("DISPLAY");
        command.env_remove("WAYLAND_DISPLAY");
        for (name, value) in env {
            command.env(name, value);
        }
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(command).expect("samla starts");
        drop(pair.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal is at least 1×1");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let feed = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let transcript = Arc::clone(&raw);
        let closing = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&closing);
        let held = Arc::new((Mutex::new(false), std::sync::Condvar::new()));
        let hold = Arc::clone(&held);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            loop {
                // A held terminal reads nothing, as a frozen window.
                let (lock, released) = &*hold;
                let guard = lock.lock().expect("held");
                drop(released.wait_while(guard, |held| *held).expect("held"));
                let Ok(read) = reader.read(&mut buffer) else {
                    break;
                };
                if read == 0 || stop.load(Ordering::SeqCst) {
                    break;
                }
                feed.lock().expect("screen").process(&buffer[..read]);
                transcript
                    .lock()
                    .expect("transcript")
                    .extend_from_slice(&buffer[..read]);
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        let tty = pair.master.tty_name();
        Self {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            screen,
            tty,
            closing,
            raw,
            held,
        }
    }

    /// Types `keys` as the terminal would send them.
    /// Stops reading the terminal's output, as a frozen window or a stalled
    /// remote link does: once the pseudo-terminal's buffer is full, every
    /// write samla makes to it waits.
    pub fn hold_output(&self) {
        *self.held.0.lock().expect("held") = true;
    }

    /// Resizes the terminal to `cols`×`rows`, as a window dragged wider.
    pub fn resize(&self, cols: u16, rows: u16) {
        let master = self.master.as_ref().expect("the terminal is open");
        master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resized");
    }

    /// Reads the terminal's output again.
    pub fn release_output(&self) {
        *self.held.0.lock().expect("held") = false;
        self.held.1.notify_all();
    }

    pub fn send(&mut self, keys: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys).expect("send keys");
        writer.flush().expect("flush keys");
    }

    /// Every byte samla has written to the terminal so far.
    pub fn output(&self) -> Vec<u8> {
        self.raw.lock().expect("transcript").clone()
    }

    /// The text on screen now.
    pub fn screen(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    /// Where the terminal's cursor is: row and column, from 0.
    pub fn cursor(&self) -> (u16, u16) {
        self.screen
            .lock()
            .expect("screen")
            .screen()
            .cursor_position()
    }

    /// Whether the screen is in the given modes: alternate screen, hidden
    /// cursor, bracketed paste.
    pub fn modes(&self) -> (bool, bool, bool) {
        let parser = self.screen.lock().expect("screen");
        let screen = parser.screen();
        (
            screen.alternate_screen(),
            screen.hide_cursor(),
            screen.bracketed_paste(),
        )
    }

    /// Waits until the terminal has left the alternate screen, shows the
    /// cursor and has bracketed paste off again: the bytes that restore it
    /// may still be on their way from the pseudo-terminal when samla exits.
    pub fn wait_for_restored_terminal(&self) -> (bool, bool, bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let modes = self.modes();
            if modes == (false, false, false) || Instant::now() >= deadline {
                return modes;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen satisfies `ready`, and returns it; fails with the
    /// screen as it is if that does not happen within [`PATIENCE`].
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(text, |screen| screen.contains(text))
    }

    /// Waits up to `limit` for samla to exit.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// Quits with Ctrl+Q and waits for samla to exit.
    pub fn quit(&mut self) -> ExitStatus {
        self.send(b"\x11");
        self.wait_exit(PATIENCE).expect("samla exits after Ctrl+Q")
    }

    /// Kills samla with SIGKILL, as a dead battery would, and reaps it.
    pub fn kill9(&mut self) {
        let status = std::process::Command::new("kill")
            .args(["-9", &self.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        self.wait_exit(PATIENCE)
            .expect("samla is gone after kill -9");
    }

    /// samla's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// The terminal's line settings (`stty -a`), to see whether raw mode is off.
    pub fn stty(&self) -> String {
        let tty = self.tty.as_ref().expect("the pseudo-terminal's name");
        let output = std::process::Command::new("stty")
            .arg("-F")
            .arg(tty)
            .arg("-a")
            .output()
            .expect("stty runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Closes the terminal, as a closed window or a dropped ssh connection does.
    /// The reader thread holds its own handle on the terminal; `wake_key` makes
    /// samla draw once, so the reader wakes, sees it should stop and lets go.
    pub fn close_terminal(&mut self, wake_key: &[u8]) {
        self.closing.store(true, Ordering::SeqCst);
        self.send(wake_key);
        self.writer = None;
        self.master = None;
    }
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Whether `stty -a` output says the terminal is in its normal, cooked mode.
pub fn is_cooked(stty: &str) -> bool {
    let flags: Vec<&str> = stty.split_whitespace().collect();
    flags.contains(&"icanon") && flags.contains(&"echo")
}

/// Whether the Swedish run screen's status line, drawn last, is on `screen`:
/// with it there, the rest of the frame is too.
pub fn status_line_drawn(screen: &str) -> bool {
    screen
        .lines()
        .last()
        .is_some_and(|line| line.contains(" Nu "))
}

/// The session files in `home`'s data folder.
pub fn session_files(home: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(home.join("sessions")) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

/// Waits until the only session file satisfies `ready`, and returns it.
pub fn wait_for_file(home: &Path, what: &str, ready: impl Fn(&SessionFile) -> bool) -> SessionFile {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let files = session_files(home);
        if let [path] = files.as_slice()
            && let Ok(file) = SessionFile::load(path)
            && ready(&file)
        {
            return file;
        }
        if Instant::now() > deadline {
            let found = files.first().map(|path| SessionFile::load(path));
            panic!("waited for {what}; the file holds {found:#?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
