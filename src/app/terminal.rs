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

/// Gives the terminal back and stops, as Ctrl+Z in a shell does; once the
/// shell lets samla go on, takes the terminal again and clears it for a
/// full redraw.
pub fn suspend(screen: &mut Screen) {
    leave();
    super::events::stop_self();
    take_back(screen);
}

/// Raw mode, the alternate screen and a full redraw again, after a stop that
/// samla may not have seen coming (SIGSTOP, then SIGCONT). Errors are left to
/// the next draw, which ends the screen if the terminal is gone.
pub fn take_back(screen: &mut Screen) {
    let _ = enable_raw_mode();
    let _ = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide);
    // A resize to the same size clears and redraws everything; `clear` would
    // ask the terminal for the cursor, whose answer the input thread reads.
    if let Ok(size) = screen.size() {
        let _ = screen.resize(ratatui::layout::Rect::from((
            ratatui::layout::Position::ORIGIN,
            size,
        )));
    }
}

/// Rings the bell of `terminal`.
pub fn ring_bell(terminal: &mut dyn Write) -> io::Result<()> {
    terminal.write_all(b"\x07")?;
    terminal.flush()
}
