//! The help overlay: every key, in the UI language.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Clear, Row, Table};

use super::{View, centered, overlay_block};
use crate::i18n;

/// Draws the help window over `area`: the run screen's keys, or the room's
/// view's when it is drawn for the room.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let keys = if view.projector {
        strings.present_keys
    } else {
        strings.keys
    };
    let height = keys.len() as u16 + 2;
    let window = centered(area, 72, height);
    let rows = keys.iter().map(|(key, action)| {
        Row::new([Span::styled(*key, view.theme.heading()), Span::raw(*action)])
    });
    let table = Table::new(rows, [Constraint::Length(12), Constraint::Fill(1)])
        .block(overlay_block(view, strings.help_title, strings.help_close));
    frame.render_widget(Clear, window);
    frame.render_widget(table, window);
}
