//! Copying to the clipboard, at the edge like the clock: the system clipboard
//! through arboard where there is a display, else the terminal's own clipboard
//! through the OSC 52 escape sequence (over SSH, on a bare console).

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The hidden command a copy from the command line hands its text to: on X11
/// and Wayland the owner of a selection must live to serve it.
pub const SERVE_COMMAND: &str = "__serve-clipboard";

/// How a text reached a clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The system clipboard.
    System,
    /// The terminal's clipboard, by OSC 52 (if the terminal allows it).
    Terminal,
}

/// Whether samla runs where the system clipboard is out of reach of whoever
/// sits at the screen: over SSH, or on Linux without a display.
fn remote() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    let no_display = cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY");
    set("SSH_CONNECTION") || set("SSH_TTY") || no_display
}

/// Whether copies reach the system clipboard from here, rather than going
/// through the terminal by OSC 52.
pub fn system_within_reach() -> bool {
    !remote() && arboard::Clipboard::new().is_ok()
}

/// The OSC 52 sequence that asks the terminal to put `text` on its clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// One clipboard handle for the life of the run screen.
pub struct Clipboard {
    system: Option<arboard::Clipboard>,
}

impl Clipboard {
    /// The system clipboard when there is one within reach.
    pub fn open() -> Self {
        let system = if remote() {
            None
        } else {
            arboard::Clipboard::new().ok()
        };
        Self { system }
    }

    /// Copies `text`: to the system clipboard, else by OSC 52 on `terminal`
    /// (the terminal samla draws to, between frames).
    pub fn copy(&mut self, text: &str, terminal: &mut dyn Write) -> io::Result<Copied> {
        if let Some(system) = self.system.as_mut()
            && system.set_text(text).is_ok()
        {
            return Ok(Copied::System);
        }
        terminal.write_all(osc52(text).as_bytes())?;
        terminal.flush()?;
        Ok(Copied::Terminal)
    }
}

/// Copies `text` from a command that exits at once. On Linux the text goes to
/// a background samla that owns the selection until something else is copied
/// (arboard's documented way); elsewhere the system keeps it. Without a
/// display, OSC 52 goes to the controlling terminal.
pub fn copy_and_leave(text: &str) -> io::Result<Copied> {
    if system_within_reach() {
        if cfg!(target_os = "linux") {
            let exe = std::env::current_exe()?;
            let mut server = Command::new(exe)
                .arg(SERVE_COMMAND)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .current_dir("/")
                .spawn()?;
            if let Some(mut input) = server.stdin.take() {
                input.write_all(text.as_bytes())?;
            }
            return Ok(Copied::System);
        }
        if let Ok(mut system) = arboard::Clipboard::new()
            && system.set_text(text).is_ok()
        {
            return Ok(Copied::System);
        }
    }
    let mut terminal = std::fs::OpenOptions::new().write(true).open("/dev/tty")?;
    terminal.write_all(osc52(text).as_bytes())?;
    Ok(Copied::Terminal)
}

/// The background half of [`copy_and_leave`]: reads the text on standard input
/// and serves it until another program takes the clipboard.
pub fn serve() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    let mut clipboard = connect()?;
    #[cfg(target_os = "linux")]
    {
        use arboard::SetExtLinux;
        clipboard.set().wait().text(text).map_err(io::Error::other)
    }
    #[cfg(not(target_os = "linux"))]
    {
        clipboard.set_text(text).map_err(io::Error::other)
    }
}

/// How often the background copy tries to reach the display: arboard gives
/// up on a busy X server within a moment, and the text would be lost.
const CONNECT_ATTEMPTS: u32 = 10;

/// The system clipboard, tried again a few times while the display is too
/// busy to answer.
fn connect() -> io::Result<arboard::Clipboard> {
    let mut attempt = 1;
    loop {
        match arboard::Clipboard::new() {
            Ok(clipboard) => return Ok(clipboard),
            Err(error) if attempt >= CONNECT_ATTEMPTS => return Err(io::Error::other(error)),
            Err(_) => {
                std::thread::sleep(std::time::Duration::from_millis(100 * u64::from(attempt)));
                attempt += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("å"), "\x1b]52;c;w6U=\x07");
    }
}
