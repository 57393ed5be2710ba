//! The agenda: every segment with its planned clock time and state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};

use super::{View, card_text, format};
use crate::i18n;
use crate::session::SegmentIx;
use crate::session::TimerState;

/// Draws the agenda list in `area`, scrolled so the current segment shows.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let schedule = session.schedule(view.now);
    // The title's column: the pane less the right border, the time (5), the
    // marker (1), the minutes (11) and the three gaps between them. A title
    // cut there ends in "…", so a cut shows.
    let title_width = usize::from(area.width.saturating_sub(21));
    let rows = session
        .agenda
        .segments
        .iter()
        .enumerate()
        .map(|(index, segment)| {
            let timing = &session.timings[index];
            let planned = session.planned_minutes(SegmentIx(index));
            let counted = format!("{}/{planned}", timing.elapsed(view.now).num_minutes());
            let (marker, minutes) = match timing.state() {
                _ if session.was_skipped(SegmentIx(index), view.now) => {
                    ("–", strings.skipped.to_owned())
                }
                TimerState::Done => ("✓", counted),
                _ if SegmentIx(index) == session.current => ("▶", planned.to_string()),
                // Left partly run (`p`): what it has counted, like a done one.
                TimerState::Paused | TimerState::Running => ("‖", counted),
                TimerState::NotStarted => (" ", planned.to_string()),
            };
            let row = Row::new([
                Cell::from(Span::styled(
                    format::clock(schedule[index].starts, view.offset),
                    view.theme.dim(),
                )),
                Cell::from(marker),
                Cell::from(card_text::one_line(&segment.title, title_width)),
                Cell::from(if session.was_skipped(SegmentIx(index), view.now) {
                    minutes
                } else {
                    format!("{minutes} {}", strings.minutes_short)
                }),
            ]);
            if SegmentIx(index) == session.current {
                row.style(view.theme.current())
            } else if timing.state() == TimerState::Done
                || session.was_skipped(SegmentIx(index), view.now)
            {
                row.style(view.theme.dim())
            } else {
                row
            }
        });
    let table = Table::new(
        rows,
        [
            Constraint::Length(5),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(11),
        ],
    )
    .block(
        Block::default()
            .borders(Borders::RIGHT)
            .border_style(view.theme.border())
            .title(Span::styled(
                format!(" {}", strings.agenda),
                view.theme.heading(),
            )),
    );
    let mut state = TableState::default().with_selected(Some(session.current.0));
    frame.render_stateful_widget(table, area, &mut state);
}
