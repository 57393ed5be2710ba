//! A QR code drawn in the terminal with half blocks, black on white whatever
//! the terminal's colours, with a light margin that phones' cameras need to
//! find it. At scale 1 a cell holds two modules, one above the other; at
//! scale 2 a module takes two cells side by side, for the back of the room.

use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

/// Light modules around the code.
const QUIET_ZONE: usize = 2;

/// How large a QR code is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Two modules a cell: a code a phone reads from a few metres.
    Small,
    /// A module two cells wide and a cell high: from the back of the room.
    Large,
}

impl Scale {
    fn factor(self) -> usize {
        match self {
            Scale::Small => 1,
            Scale::Large => 2,
        }
    }
}

/// A QR code, encoded once and drawn at any scale.
#[derive(Debug, Clone)]
pub struct Qr {
    /// The modules row by row, without the margin.
    modules: Vec<Module>,
    /// Modules per side.
    width: usize,
}

impl Qr {
    /// The code of `text`; `None` if it does not fit a QR code.
    pub fn of(text: &str) -> Option<Self> {
        let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
        Some(Self {
            width: code.width(),
            modules: code.to_colors(),
        })
    }

    /// How many cells wide and high it is drawn at `scale`.
    pub fn size(&self, scale: Scale) -> (u16, u16) {
        let pixels = (self.width + 2 * QUIET_ZONE) * scale.factor();
        (pixels as u16, pixels.div_ceil(2) as u16)
    }

    /// The code as lines of half blocks at `scale`.
    pub fn lines(&self, scale: Scale) -> Vec<Line<'static>> {
        let width = self.width;
        let factor = scale.factor();
        let pixels = (width + 2 * QUIET_ZONE) * factor;
        // One pixel a module at scale 1, a square of four at scale 2.
        let dark = |x: usize, y: usize| {
            let (x, y) = (x / factor, y / factor);
            let inside = QUIET_ZONE..QUIET_ZONE + width;
            inside.contains(&x)
                && inside.contains(&y)
                && self.modules[(y - QUIET_ZONE) * width + (x - QUIET_ZONE)] == Module::Dark
        };
        let colour = |is_dark: bool| if is_dark { Color::Black } else { Color::White };
        (0..pixels)
            .step_by(2)
            .map(|y| {
                let spans: Vec<Span> = (0..pixels)
                    .map(|x| {
                        let style = Style::new()
                            .fg(colour(dark(x, y)))
                            .bg(colour(dark(x, y + 1)));
                        Span::styled("▀", style)
                    })
                    .collect();
                Line::from(spans)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_fits_a_small_code() {
        let qr = Qr::of("HTTP://192.168.100.123:54321/J/K7M2QX").unwrap();
        let (width, height) = qr.size(Scale::Small);
        // Version 3 at most: 29 modules and the margin, 17 rows.
        assert!(width <= 33 && height <= 17, "{width}×{height}");
        for scale in [Scale::Small, Scale::Large] {
            let (width, height) = qr.size(scale);
            let lines = qr.lines(scale);
            assert_eq!(lines.len(), usize::from(height));
            assert!(lines.iter().all(|line| line.width() == usize::from(width)));
        }
    }

    #[test]
    fn the_large_code_is_the_small_one_twice_as_large() {
        let qr = Qr::of("HTTP://192.168.1.23:8765/J/K7M2QX").unwrap();
        let (width, _) = qr.size(Scale::Small);
        assert_eq!(qr.size(Scale::Large), (2 * width, width));
        let small = qr.lines(Scale::Small);
        let large = qr.lines(Scale::Large);
        // A module's colour is the same at both scales: the large code's top
        // half at (2x, y) is the small code's pixel (x, y).
        let pixel = |lines: &[Line], x: usize, y: usize| {
            let style = lines[y / 2].spans[x].style;
            if y.is_multiple_of(2) {
                style.fg
            } else {
                style.bg
            }
        };
        for y in 0..usize::from(width) {
            for x in 0..usize::from(width) {
                assert_eq!(pixel(&small, x, y), pixel(&large, 2 * x, 2 * y));
            }
        }
    }
}
