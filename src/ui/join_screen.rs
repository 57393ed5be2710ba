//! The room's join screen (`w`): the QR code, the address and the code, as
//! large as the terminal allows, for a projector across the room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{View, centered, overlay_block, qr, status_bar};
use crate::i18n::door_words;
use crate::room::Door;

/// Draws the join screen over `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, door: &Door) {
    let words = door_words(view.language);
    let window = centered(area, 100, 30);
    let block = overlay_block(view, words.title, words.keys);
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(block, window);
    let link = door.join_link();
    let (qr_width, qr_height) = qr::size(&link).unwrap_or_default();
    let fits_qr = qr_width + 20 <= inner.width && qr_height <= inner.height;
    let [code_area, text_area] = if fits_qr {
        let [qr_area, _, text] = Layout::horizontal([
            Constraint::Length(qr_width),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(inner);
        if let Some(lines) = qr::lines(&link) {
            frame.render_widget(Paragraph::new(lines), qr_area);
        }
        [text, text]
    } else {
        [inner, inner]
    };
    let steps = vec![
        Line::styled(format!("1. {}", words.scan), view.theme.dim()),
        Line::styled(door.url.clone(), view.theme.heading()),
        Line::raw(""),
        Line::styled(format!("2. {}", words.type_code), view.theme.dim()),
    ];
    let big_code_height = 4;
    let [top, code, bottom] = Layout::vertical([
        Constraint::Length(steps.len() as u16),
        Constraint::Length(big_code_height),
        Constraint::Fill(1),
    ])
    .areas(text_area);
    frame.render_widget(Paragraph::new(steps).wrap(Wrap { trim: true }), top);
    let big = BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(view.theme.heading())
        .lines(vec![Line::from(door.code.clone())])
        .build();
    if code_area.width >= 26 {
        frame.render_widget(big, code);
    } else {
        frame.render_widget(
            Paragraph::new(Line::styled(door.code.clone(), view.theme.heading())),
            code,
        );
    }
    let last = vec![
        Line::raw(""),
        Line::styled(format!("3. {}", words.pick_group), view.theme.dim()),
    ];
    frame.render_widget(Paragraph::new(last).wrap(Wrap { trim: true }), bottom);
}

/// The way in, in the projector's lower right corner while the room is open:
/// the QR code with the code and the address below it where there is room,
/// else the address and the code on one line.
pub fn corner(frame: &mut Frame, area: Rect, view: &View, door: &Door) {
    let link = door.join_link();
    let text = status_bar::door_text(door, view.language, usize::from(area.width / 2));
    let text_width = text.chars().count() as u16;
    let (qr_width, qr_height) = qr::size(&link).unwrap_or_default();
    let shows_qr = qr_width * 3 <= area.width && qr_height + 10 <= area.height;
    let (width, height) = if shows_qr {
        (qr_width.max(text_width), qr_height + 1)
    } else {
        (text_width, 1)
    };
    let corner = Rect {
        x: area.right().saturating_sub(width + 1),
        y: area.bottom().saturating_sub(height + 1),
        width: width.min(area.width),
        height: height.min(area.height),
    };
    frame.render_widget(Clear, corner);
    let mut lines = Vec::new();
    if shows_qr {
        lines = qr::lines(&link).unwrap_or_default();
    }
    lines.push(Line::styled(text, view.theme.heading()));
    frame.render_widget(Paragraph::new(lines), corner);
}
