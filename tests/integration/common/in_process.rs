//! The run screen in this process: the command line as the binary parses and
//! runs it, on a test buffer instead of a terminal, with keys fed into the
//! loop's channel. A test waits until the loop has handled what it sent and
//! redrawn, never for a fixed time. What only a terminal shows (raw mode,
//! resizing, stopping, bracketed paste, Esc and a key in one read) stays with
//! the pseudo-terminal tests.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::{Frame, Terminal};
use samla::app::{AppEvent, IdleWatch, InputSender, Inputs, Screen};
use samla::cli::{Cli, Context, GivenScreen};

use super::pty::PATIENCE;

/// The text last drawn, and a signal for each new frame.
#[derive(Default)]
struct Shown {
    text: Mutex<String>,
    drawn: Condvar,
}

/// A test buffer that tells `Shown` of every frame.
struct SharedScreen {
    terminal: Terminal<TestBackend>,
    shown: Arc<Shown>,
    out: Vec<u8>,
}

impl Screen for SharedScreen {
    fn draw(&mut self, render: &mut dyn FnMut(&mut Frame)) -> io::Result<bool> {
        self.terminal
            .draw(|frame| render(frame))
            .map_err(|error| io::Error::other(error.to_string()))?;
        let buffer = self.terminal.backend().buffer();
        let text: String = (0..buffer.area.height)
            .map(|y| {
                let row: String = (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect();
                row.trim_end().to_owned() + "\n"
            })
            .collect();
        *self
            .shown
            .text
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = text;
        self.shown.drawn.notify_all();
        Ok(true)
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut self.out
    }
}

/// How a run in this process ended.
#[derive(Debug)]
pub struct Ended {
    code: Result<ExitCode, String>,
    /// What it wrote to standard error.
    pub stderr: String,
}

impl Ended {
    /// Whether it ended well (exit code 0).
    pub fn success(&self) -> bool {
        self.code
            .as_ref()
            .is_ok_and(|code| *code == ExitCode::SUCCESS)
    }
}

/// `samla ARGS` with its run screen in this process.
pub struct InProcessApp {
    keys: InputSender,
    idle: IdleWatch,
    shown: Arc<Shown>,
    run: Option<JoinHandle<Ended>>,
}

impl InProcessApp {
    /// Runs `samla ARGS` in `home` on a `cols`×`rows` buffer, in English.
    pub fn spawn(args: &[&str], home: &Path, cols: u16, rows: u16) -> Self {
        let inputs = Inputs::new();
        let keys = inputs.sender();
        let idle = inputs.idle_watch();
        let shown = Arc::new(Shown::default());
        let screen = SharedScreen {
            terminal: Terminal::new(TestBackend::new(cols, rows)).expect("a test terminal"),
            shown: Arc::clone(&shown),
            out: Vec::new(),
        };
        let cli: Cli =
            clap::Parser::try_parse_from(std::iter::once("samla").chain(args.iter().copied()))
                .expect("arguments samla takes");
        let home = home.as_os_str().to_owned();
        let run = std::thread::spawn(move || {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut context = Context {
                samla_home: Some(home),
                out: &mut out,
                err: &mut err,
                no_color: false,
                asked_language: None,
                language: samla::agenda::Language::En,
                room: Default::default(),
                given_screen: Some(GivenScreen {
                    screen: Box::new(screen),
                    inputs,
                }),
            };
            let code = samla::cli::run(cli, &mut context)
                .map_err(|error| samla::cli::worded(&error, samla::agenda::Language::En));
            Ended {
                code,
                stderr: String::from_utf8_lossy(&err).into_owned(),
            }
        });
        Self {
            keys,
            idle,
            shown,
            run: Some(run),
        }
    }

    /// Presses `key`.
    pub fn press(&self, key: KeyEvent) {
        self.keys.send(AppEvent::Key(key));
    }

    /// Types `keys` as a terminal would send them in one write: text, Enter
    /// (`\r`), Esc (Alt+key when a key follows it), Tab, Backspace,
    /// Ctrl+letter and the arrows' sequences.
    pub fn send(&mut self, keys: &[u8]) {
        for key in keys_of(std::str::from_utf8(keys).expect("UTF-8 keys")) {
            self.press(key);
        }
    }

    /// Waits until the loop has handled every key sent and drawn its frame.
    pub fn settle(&self) {
        assert!(self.idle.wait(PATIENCE), "the loop never came to rest");
    }

    /// The screen as last drawn, a line per row.
    pub fn screen(&self) -> String {
        self.shown
            .text
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits until a frame satisfies `ready`, and returns it; fails with the
    /// screen as it is if none does within [`PATIENCE`].
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.settle();
        let text = self
            .shown
            .text
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (text, waited) = self
            .shown
            .drawn
            .wait_timeout_while(text, PATIENCE, |text| !ready(text))
            .unwrap_or_else(PoisonError::into_inner);
        assert!(
            !waited.timed_out(),
            "waited for {what}; the screen is:\n{text}"
        );
        text.clone()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(text, |screen| screen.contains(text))
    }

    /// Quits with Ctrl+Q and waits for the run to end.
    pub fn quit(&mut self) -> Ended {
        self.press(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
        self.wait_end()
    }

    /// Waits for the run to end, however it was asked to.
    pub fn wait_end(&mut self) -> Ended {
        self.run
            .take()
            .expect("the run has not ended yet")
            .join()
            .expect("the run ends without a panic")
    }
}

impl Drop for InProcessApp {
    /// A test that fails midway leaves no loop behind: the input ends it.
    fn drop(&mut self) {
        if self.run.is_some() {
            self.keys.send(AppEvent::InputClosed);
        }
    }
}

/// The keys a terminal sends as `text`.
fn keys_of(text: &str) -> Vec<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut keys = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(char) = chars.next() {
        keys.push(match char {
            '\r' | '\n' => plain(KeyCode::Enter),
            '\t' => plain(KeyCode::Tab),
            '\x7f' => plain(KeyCode::Backspace),
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                match chars.next() {
                    Some('A') => plain(KeyCode::Up),
                    Some('B') => plain(KeyCode::Down),
                    Some('C') => plain(KeyCode::Right),
                    Some('D') => plain(KeyCode::Left),
                    Some('Z') => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                    other => {
                        panic!("no key for ESC [ {other:?} here: a pseudo-terminal test reads it")
                    }
                }
            }
            // Esc and a key in one read are Alt+key, as a terminal reads them.
            '\x1b' => match chars.next() {
                Some('\r') => KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
                Some(letter) => KeyEvent::new(KeyCode::Char(letter), KeyModifiers::ALT),
                None => plain(KeyCode::Esc),
            },
            control @ '\x01'..='\x1a' => KeyEvent::new(
                KeyCode::Char(char::from(b'a' + control as u8 - 1)),
                KeyModifiers::CONTROL,
            ),
            letter if letter.is_uppercase() => {
                KeyEvent::new(KeyCode::Char(letter), KeyModifiers::SHIFT)
            }
            letter => plain(KeyCode::Char(letter)),
        });
    }
    keys
}
