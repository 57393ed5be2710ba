//! Terminal hygiene: every mode samla switches on is switched off again, on a
//! normal exit, on a panic and on a signal.

use std::io::{self, Stdout, Write, stdout};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal samla draws on.
pub type Screen = Terminal<CrosstermBackend<Stdout>>;

/// Switches to the alternate screen in raw mode, and makes a panic restore the
/// terminal before its message is printed.
pub fn enter() -> io::Result<Screen> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous_hook(info);
    }));
    enable_raw_mode()?;
    let screen = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide)
        .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
    if screen.is_err() {
        leave();
    }
    screen
}

/// Restores the terminal as it was. Safe to call more than once; errors are
/// ignored because the terminal may already be gone.
pub fn leave() {
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Rings the terminal bell.
pub fn ring_bell() -> io::Result<()> {
    let mut out = stdout();
    out.write_all(b"\x07")?;
    out.flush()
}
