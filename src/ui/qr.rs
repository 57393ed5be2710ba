//! A QR code drawn in the terminal: two modules per cell with half blocks,
//! black on white whatever the terminal's colours, with a light margin that
//! phones' cameras need to find it.

use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

/// Light modules around the code.
const QUIET_ZONE: usize = 2;

/// The QR code of `text` as lines of half blocks; `None` if it does not fit a QR code.
pub fn lines(text: &str) -> Option<Vec<Line<'static>>> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    let width = code.width();
    let modules = code.to_colors();
    let side = width + 2 * QUIET_ZONE;
    let dark = |x: usize, y: usize| {
        let inside = QUIET_ZONE..QUIET_ZONE + width;
        inside.contains(&x)
            && inside.contains(&y)
            && modules[(y - QUIET_ZONE) * width + (x - QUIET_ZONE)] == Module::Dark
    };
    let colour = |is_dark: bool| if is_dark { Color::Black } else { Color::White };
    let rows = (0..side)
        .step_by(2)
        .map(|y| {
            let spans: Vec<Span> = (0..side)
                .map(|x| {
                    let style = Style::new()
                        .fg(colour(dark(x, y)))
                        .bg(colour(dark(x, y + 1)));
                    Span::styled("▀", style)
                })
                .collect();
            Line::from(spans)
        })
        .collect();
    Some(rows)
}

/// How many cells wide and high the QR code of `text` is drawn.
pub fn size(text: &str) -> Option<(u16, u16)> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    let side = code.width() + 2 * QUIET_ZONE;
    Some((side as u16, side.div_ceil(2) as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_fits_a_small_code() {
        let link = "HTTP://192.168.100.123:54321/J/K7M2QX";
        let (width, height) = size(link).unwrap();
        // Version 3 at most: 29 modules and the margin, 17 rows.
        assert!(width <= 33 && height <= 17, "{width}×{height}");
        let lines = lines(link).unwrap();
        assert_eq!(lines.len(), usize::from(height));
        assert!(lines.iter().all(|line| line.width() == usize::from(width)));
    }
}
