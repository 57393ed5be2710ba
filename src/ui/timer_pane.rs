//! The large countdown, its state and a progress bar.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{LineGauge, Paragraph};
use tui_big_text::{BigText, PixelSize};

use super::{View, format};
use crate::i18n;
use crate::session::{TimerState, Tone};

/// The day is over: when it ended, how long it ran, and (on the run screen)
/// what to do next; no countdown stands frozen.
fn render_over(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    started: chrono::DateTime<chrono::Utc>,
    ended: chrono::DateTime<chrono::Utc>,
) {
    let strings = i18n::strings(view.language);
    let minutes = (ended - started).num_minutes().max(0);
    let took = match minutes / 60 {
        0 => format!("{minutes} {}", strings.minutes_short),
        hours => format!("{hours} h {} {}", minutes % 60, strings.minutes_short),
    };
    let mut lines = vec![
        Line::styled(over(view), view.theme.heading()),
        Line::from(format!(
            "{} {} · {took}",
            strings.ended_at,
            format::clock(ended, view.offset)
        )),
    ];
    if !view.projector {
        lines.push(Line::default());
        lines.push(Line::styled(strings.export_next, view.theme.dim()));
    }
    let rows = lines.len() as u16;
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), middle);
}

/// How large the countdown is drawn, and the rows that takes.
#[derive(Debug, Clone, Copy)]
pub struct TimerLayout {
    /// Glyph size of the big digits; `None` for one line of plain text.
    pixel_size: Option<PixelSize>,
    /// Rows of the pane: digits, state line and progress bar.
    pub height: u16,
}

/// The largest countdown that fits in `main` (the area shared with the segment).
pub fn plan(main: Rect, view: &View) -> TimerLayout {
    let text_len = countdown_text(view).chars().count() as u16;
    let fits = |cell_width: u16| main.width >= cell_width * text_len + 2;
    let (pixel_size, height) = if main.height >= 22 && fits(8) {
        (Some(PixelSize::Full), 10)
    } else if main.height >= 14 && fits(8) {
        (Some(PixelSize::HalfHeight), 6)
    } else if main.height >= 12 && fits(4) {
        (Some(PixelSize::Quadrant), 6)
    } else {
        (None, 3)
    };
    TimerLayout { pixel_size, height }
}

pub(super) fn countdown_text(view: &View) -> String {
    format::countdown(view.session.current_remaining(view.now))
}

/// Draws the countdown in `area`, as planned by [`plan`].
pub fn render(frame: &mut Frame, area: Rect, view: &View, layout: TimerLayout) {
    if let Some((started, ended)) = view.session.ran() {
        render_over(frame, area, view, started, ended);
        return;
    }
    let text = countdown_text(view);
    let style = tone_style(view);
    let pixel_size = layout.pixel_size;
    let [digits, state, gauge] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match pixel_size {
        Some(pixel_size) if digits.height >= 4 => {
            let big = BigText::builder()
                .pixel_size(pixel_size)
                .style(style)
                .lines(vec![Line::from(text)])
                .centered()
                .build();
            frame.render_widget(big, digits);
        }
        _ => frame.render_widget(
            Paragraph::new(Line::styled(text, style)).alignment(Alignment::Center),
            digits,
        ),
    }
    frame.render_widget(
        Paragraph::new(Line::styled(state_text(view), view.theme.dim()))
            .alignment(Alignment::Center),
        state,
    );
    let gauge_area = Rect {
        x: gauge.x + 1,
        width: gauge.width.saturating_sub(2),
        ..gauge
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(progress(view))
            .label("")
            .filled_style(style)
            .unfilled_style(view.theme.dim()),
        gauge_area,
    );
}

fn tone_style(view: &View) -> Style {
    match view.session.tone(view.now) {
        Tone::Idle => view.theme.idle(),
        Tone::Running => view.theme.running(),
        Tone::Warning => view.theme.warning(),
        Tone::Overrun => view.theme.overrun(),
    }
}

fn state_text(view: &View) -> String {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let timing = session.current_timing();
    let planned = session.planned_minutes(session.current);
    match timing.state() {
        TimerState::NotStarted if view.projector => strings.starting_soon.to_owned(),
        TimerState::NotStarted => strings.not_started.to_owned(),
        TimerState::Done if session.is_over() => over(view).to_owned(),
        TimerState::Done => strings.done.to_owned(),
        TimerState::Paused => format!("{} · {planned} {}", strings.paused, strings.minutes_short),
        TimerState::Running if view.projector => {
            let seconds = crate::session::countdown_seconds(session.current_remaining(view.now));
            if seconds > 0 {
                (strings.minutes_left)((seconds + 59) / 60)
            } else {
                strings.time_up.to_owned()
            }
        }
        TimerState::Running => format!(
            "{} / {planned} {}",
            timing.elapsed(view.now).num_minutes(),
            strings.minutes_short
        ),
    }
}

fn progress(view: &View) -> f64 {
    let session = view.session;
    let planned = f64::from(session.planned_minutes(session.current)) * 60.0;
    let elapsed = session.current_timing().elapsed(view.now).num_seconds() as f64;
    (elapsed / planned).clamp(0.0, 1.0)
}

/// "Seminariet är avslutat", in the event's own word.
fn over(view: &View) -> String {
    i18n::event_words(&view.session.agenda, view.language).over
}
