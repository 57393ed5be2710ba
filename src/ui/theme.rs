//! Colours that read on dark and light terminals, and a monochrome set for `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

// Mid-luminance entries of the 256-colour palette: each contrasts with both a
// black and a white background, where ANSI yellow vanishes on white.
/// Countdown with time to spare.
pub const GREEN: Color = Color::Indexed(28);
/// Countdown within the warning time, and lateness.
pub const AMBER: Color = Color::Indexed(172);
/// Countdown past zero.
pub const RED: Color = Color::Indexed(160);
/// The current segment.
pub const BLUE: Color = Color::Indexed(31);
/// Text of lesser weight.
pub const GREY: Color = Color::Indexed(244);

/// How states are told apart on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colours unless `no_color` (the `NO_COLOR` convention).
    pub fn new(no_color: bool) -> Self {
        Self { color: !no_color }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Text of lesser weight: clock times, hints.
    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(GREY), Style::new())
    }

    /// Headings and titles.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The current segment in the agenda list.
    pub fn current(&self) -> Style {
        self.pick(
            Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    /// A countdown that runs with time to spare.
    pub fn running(&self) -> Style {
        self.pick(Style::new().fg(GREEN), Style::new())
    }

    /// A countdown near its end.
    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(AMBER).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A countdown past its end.
    pub fn overrun(&self) -> Style {
        self.pick(
            Style::new().fg(RED).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    /// A timer standing still.
    pub fn idle(&self) -> Style {
        self.pick(
            Style::new().fg(GREY),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// A card's tag.
    /// An action-plan item's status: green done, amber under way, grey not
    /// started; the mark before the word tells them apart without colour.
    pub fn status(&self, status: crate::session::ItemStatus) -> Style {
        use crate::session::ItemStatus;
        let colour = match status {
            ItemStatus::Done => GREEN,
            ItemStatus::UnderWay => AMBER,
            ItemStatus::NotStarted => GREY,
        };
        self.pick(Style::new().fg(colour), Style::new())
    }

    pub fn tag(&self) -> Style {
        self.pick(
            Style::new().fg(BLUE),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// Borders of panes and overlays.
    pub fn border(&self) -> Style {
        self.dim()
    }
}
