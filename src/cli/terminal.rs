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
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use super::pipe::TerminalPipe;
use crate::app::Screen;
use crate::i18n::{Said, Say};

/// The terminal samla draws on, through a thread of its own.
pub struct TerminalScreen(Terminal<CrosstermBackend<TerminalPipe>>);

/// How long leaving waits for the terminal to take the last frame: a
/// terminal that does not read holds up no exit or stop for longer.
const LAST_FRAME_LIMIT: Duration = Duration::from_secs(1);

/// Switches to the alternate screen in raw mode, and makes a panic restore the
/// terminal before its message is printed. `wake` is called whenever the
/// terminal has taken every frame handed to it, after frames were skipped.
pub fn enter(wake: impl Fn() + Send + 'static) -> io::Result<TerminalScreen> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous_hook(info);
    }));
    enable_raw_mode()?;
    let screen = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide)
        .and_then(|()| TerminalPipe::start(stdout(), wake))
        .and_then(|pipe| {
            // A fixed size, changed when the terminal says it changed: asking
            // the terminal its size before every frame costs a system call a key.
            let viewport = Viewport::Fixed(terminal_area()?);
            Terminal::with_options(CrosstermBackend::new(pipe), TerminalOptions { viewport })
        })
        .map(TerminalScreen);
    if screen.is_err() {
        leave();
    }
    screen
}

impl Screen for TerminalScreen {
    /// Draws a frame unless the terminal has not taken the last one yet: then
    /// the frame is skipped (the loop is woken when the terminal reads again).
    fn draw(&mut self, render: &mut dyn FnMut(&mut Frame)) -> io::Result<bool> {
        if !self.0.backend().writer().ready() {
            return Ok(false);
        }
        self.0.draw(|frame| render(frame)).map(|_| true)
    }

    fn out(&mut self) -> &mut dyn Write {
        self.0.backend_mut()
    }

    /// Takes the terminal's new size; the next frame is drawn whole.
    fn resized(&mut self) {
        if let Ok(area) = terminal_area()
            && area != self.0.get_frame().area()
        {
            let _ = self.0.resize(area);
        }
    }

    /// Gives the terminal back and stops, as Ctrl+Z in a shell does; once the
    /// shell lets samla go on, takes the terminal again and clears it for a
    /// full redraw.
    fn suspend(&mut self) {
        self.leave();
        super::input::stop_self();
        self.take_back();
    }

    /// Raw mode, the alternate screen and a full redraw again, after a stop
    /// that samla may not have seen coming (SIGSTOP, then SIGCONT). Errors
    /// are left to the next draw, which ends the screen if the terminal is gone.
    fn take_back(&mut self) {
        self.0.backend().writer().wait_written(LAST_FRAME_LIMIT);
        let _ = enable_raw_mode();
        let _ = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide);
        // A resize to the same size clears and redraws everything; `clear` would
        // ask the terminal for the cursor, whose answer the input thread reads.
        if let Ok(area) = terminal_area() {
            let _ = self.0.resize(area);
        }
    }
}

/// The terminal's whole area, as it says it is now.
fn terminal_area() -> io::Result<Rect> {
    let (width, height) = crossterm::terminal::size()?;
    Ok(Rect::new(0, 0, width, height))
}

/// Every way out of a screen gives the terminal back as it was.
impl Drop for TerminalScreen {
    fn drop(&mut self) {
        self.leave();
    }
}

impl TerminalScreen {
    /// Restores the terminal as it was, once it took the last frame (or a
    /// second passed).
    fn leave(&self) {
        self.0.backend().writer().wait_written(LAST_FRAME_LIMIT);
        leave();
    }
}

/// Restores the terminal as it was. Safe to call more than once; errors are
/// ignored because the terminal may already be gone.
pub fn leave() {
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Why `samla command` cannot draw on this terminal (whatever the system
/// said, it comes to that).
pub fn no_terminal(command: &'static str, _error: &io::Error) -> anyhow::Error {
    anyhow::Error::new(Said(Say::NoTerminal { command }))
}
