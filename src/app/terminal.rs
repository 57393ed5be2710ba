//! Terminal hygiene: every mode samla switches on is switched off again, on a
//! normal exit, on a panic and on a signal.

use std::io::{self, Write, stdout};
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};

use super::pipe::TerminalPipe;

/// The terminal samla draws on, through a thread of its own.
pub type Screen = Terminal<CrosstermBackend<TerminalPipe>>;

/// How long leaving waits for the terminal to take the last frame: a
/// terminal that does not read holds up no exit or stop for longer.
const LAST_FRAME_LIMIT: Duration = Duration::from_secs(1);

/// Switches to the alternate screen in raw mode, and makes a panic restore the
/// terminal before its message is printed. `wake` is called whenever the
/// terminal has taken every frame handed to it, after frames were skipped.
pub fn enter(wake: impl Fn() + Send + 'static) -> io::Result<Screen> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous_hook(info);
    }));
    enable_raw_mode()?;
    let screen = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide)
        .and_then(|()| TerminalPipe::start(stdout(), wake))
        .and_then(|pipe| Terminal::new(CrosstermBackend::new(pipe)));
    if screen.is_err() {
        leave();
    }
    screen
}

/// Draws a frame unless the terminal has not taken the last one yet: then
/// the frame is skipped (the caller is woken when the terminal reads again).
/// Says whether it drew.
pub fn draw_when_ready(screen: &mut Screen, render: impl FnOnce(&mut Frame)) -> io::Result<bool> {
    if !screen.backend().writer().ready() {
        return Ok(false);
    }
    screen.draw(render).map(|_| true)
}

/// Restores the terminal of `screen` as it was, once it took the last frame
/// (or a second passed).
pub fn leave_screen(screen: &Screen) {
    screen.backend().writer().wait_written(LAST_FRAME_LIMIT);
    leave();
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
    leave_screen(screen);
    super::events::stop_self();
    take_back(screen);
}

/// Raw mode, the alternate screen and a full redraw again, after a stop that
/// samla may not have seen coming (SIGSTOP, then SIGCONT). Errors are left to
/// the next draw, which ends the screen if the terminal is gone.
pub fn take_back(screen: &mut Screen) {
    screen.backend().writer().wait_written(LAST_FRAME_LIMIT);
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
