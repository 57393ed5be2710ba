//! Where a loop draws: a real terminal (from `cli/`) or any ratatui backend,
//! such as a test's buffer. The loop knows only this.

use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};

/// A surface the loop draws frames on.
pub trait Screen {
    /// Draws a frame with `render`, unless the screen has not taken the last
    /// one yet (the loop is woken when it has); says whether it drew.
    fn draw(&mut self, render: &mut dyn FnMut(&mut Frame)) -> io::Result<bool>;

    /// Where the bell and the clipboard's escape sequence go, between frames.
    fn out(&mut self) -> &mut dyn Write;

    /// Gives the screen back and stops, as Ctrl+Z in a shell does; returns
    /// once samla goes on, with the screen taken again.
    fn suspend(&mut self) {}

    /// Takes the screen again after a stop samla did not see coming.
    fn take_back(&mut self) {}

    /// The screen may have changed size.
    fn resized(&mut self) {}
}

/// Any ratatui terminal whose backend also takes bytes draws every frame.
impl<B: Backend + Write> Screen for Terminal<B> {
    fn draw(&mut self, render: &mut dyn FnMut(&mut Frame)) -> io::Result<bool> {
        Terminal::draw(self, |frame| render(frame))
            .map(|_| true)
            .map_err(|error| io::Error::other(error.to_string()))
    }

    fn out(&mut self) -> &mut dyn Write {
        self.backend_mut()
    }
}
