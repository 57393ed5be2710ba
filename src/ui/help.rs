//! The help overlay: every key, in the UI language.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Row, Table};

use super::{View, centered, i18n};

/// Draws the help window over `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let height = strings.keys.len() as u16 + 2;
    let window = centered(area, 72, height);
    let rows = strings.keys.iter().map(|(key, action)| {
        Row::new([Span::styled(*key, view.theme.heading()), Span::raw(*action)])
    });
    let table = Table::new(rows, [Constraint::Length(12), Constraint::Fill(1)]).block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(view.theme.border())
            .padding(Padding::horizontal(1))
            .title(Span::styled(
                format!(" {} ", strings.help_title),
                view.theme.heading(),
            ))
            .title_bottom(Line::styled(
                format!(" {} ", strings.help_close),
                view.theme.dim(),
            )),
    );
    frame.render_widget(Clear, window);
    frame.render_widget(table, window);
}
