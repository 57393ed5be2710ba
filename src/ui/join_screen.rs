//! The room's way in: the QR code, the address and the code, as large as the
//! terminal allows, for a projector across the room. The run screen shows it
//! over everything (`w`); the projector shows it as the join slide before the
//! day begins, and small in a column of its own once it has.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::qr::{Qr, Scale};
use super::{View, centered, overlay_block};
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
    way_in(
        frame,
        inner,
        view,
        door,
        Qr::of(&door.join_link()).as_ref(),
        Scale::Small,
    );
}

/// The QR code, at `largest` where that fits and else smaller, beside the
/// three steps in: the address, the code, the group. Both are centred on
/// the same middle line.
pub fn way_in(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    door: &Door,
    qr: Option<&Qr>,
    largest: Scale,
) {
    let words = door_words(view.language);
    let drawn = qr.and_then(|qr| {
        [largest, Scale::Small].into_iter().find_map(|scale| {
            let (width, height) = qr.size(scale);
            (width + 20 <= area.width && height <= area.height).then_some((
                qr,
                scale,
                (width, height),
            ))
        })
    });
    let text_area = match drawn {
        Some((qr, scale, (qr_width, qr_height))) => {
            let [qr_area, _, text] = Layout::horizontal([
                Constraint::Length(qr_width),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(area);
            let [qr_area] = Layout::vertical([Constraint::Length(qr_height)])
                .flex(Flex::Center)
                .areas(qr_area);
            frame.render_widget(Paragraph::new(qr.lines(scale)), qr_area);
            text
        }
        None => area,
    };
    let steps = vec![
        Line::styled(format!("1. {}", words.scan), view.theme.dim()),
        Line::styled(door.url.clone(), view.theme.heading()),
        Line::raw(""),
        Line::styled(format!("2. {}", words.type_code), view.theme.dim()),
    ];
    let last = vec![
        Line::raw(""),
        Line::styled(format!("3. {}", words.pick_group), view.theme.dim()),
    ];
    let steps_height = Paragraph::new(steps.clone())
        .wrap(Wrap { trim: true })
        .line_count(text_area.width) as u16;
    let big_code_height = 4;
    let [top, code, bottom] = Layout::vertical([
        Constraint::Length(steps_height),
        Constraint::Length(big_code_height),
        Constraint::Length(last.len() as u16),
    ])
    .flex(Flex::Center)
    .areas(text_area);
    frame.render_widget(Paragraph::new(steps).wrap(Wrap { trim: true }), top);
    let big = BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(view.theme.heading())
        .lines(vec![Line::from(door.code.clone())])
        .build();
    if text_area.width >= 26 {
        frame.render_widget(big, code);
    } else {
        frame.render_widget(
            Paragraph::new(Line::styled(door.code.clone(), view.theme.heading())),
            code,
        );
    }
    frame.render_widget(Paragraph::new(last).wrap(Wrap { trim: true }), bottom);
}

/// The QR code with the address and the code beneath it, in `area` (a
/// column as wide as the code, planned by the projector).
pub fn corner(frame: &mut Frame, area: Rect, view: &View, door: &Door, qr: &Qr) {
    let words = door_words(view.language);
    let mut lines = qr.lines(Scale::Small);
    lines.push(Line::styled(
        door.url.trim_start_matches("http://").to_owned(),
        view.theme.heading(),
    ));
    lines.push(Line::styled(
        format!("{} {}", words.code, door.code),
        view.theme.heading(),
    ));
    let height = lines.len() as u16;
    let [column] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::End)
        .areas(area);
    frame.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center),
        column,
    );
}

/// The cells [`corner`] takes: the code, the address and the code's line.
pub fn corner_size(qr: &Qr) -> (u16, u16) {
    let (width, height) = qr.size(Scale::Small);
    (width, height + 2)
}
