//! The current segment: kind, title, instruction and, prominently, its questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::{View, format, i18n};
use crate::agenda::SegmentKind;

/// Draws the current segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let segment = session.current_segment();
    let mut lines = vec![Line::styled(segment.title.as_str(), view.theme.heading())];
    if segment.kind == SegmentKind::Break {
        let ends = view.now + session.current_remaining(view.now);
        lines.push(Line::styled(
            format!(
                "{} {}",
                strings.break_until,
                format::clock(ends, view.offset)
            ),
            view.theme.warning(),
        ));
    }
    if let Some(instruction) = &segment.instruction {
        lines.push(Line::default());
        lines.push(Line::from(instruction.as_str()));
    }
    if !segment.questions.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(strings.questions, view.theme.dim()));
        for question in &segment.questions {
            lines.push(Line::from(vec![
                Span::raw("• "),
                Span::styled(question.as_str(), view.theme.heading()),
            ]));
        }
    }
    let kind = i18n::kind_label(segment.kind, view.language);
    let block = Block::default()
        .borders(Borders::BOTTOM)
        .border_style(view.theme.border())
        .title(Span::styled(format!(" {kind} "), view.theme.dim()))
        .padding(Padding::horizontal(1));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
