//! The current segment: kind, title, instruction and, prominently, its questions;
//! below them the facilitator's private note, marked as such.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::{View, card_text, format};
use crate::agenda::SegmentKind;
use crate::i18n;

/// Most cells of the private note beside the board, so it never pushes the
/// questions away.
const COMPACT_NOTE_WIDTH: usize = 60;

/// Most cells of the instruction beside the board: a line of a wide pane.
const COMPACT_INSTRUCTION_WIDTH: usize = 110;

/// The segment pane. `compact` is for when the board is on screen: the
/// instruction then takes one line and the private note gives way to the
/// questions.
fn paragraph<'a>(view: &'a View, compact: bool) -> Paragraph<'a> {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let segment = session.current_segment();
    let mut lines = vec![Line::styled(segment.title.as_str(), view.theme.heading())];
    if segment.kind == SegmentKind::Break {
        let ends = session.schedule(view.now)[session.current].ends;
        lines.push(Line::styled(
            format!(
                "{} {}",
                strings.break_until,
                format::clock(ends, view.offset)
            ),
            view.theme.warning(),
        ));
    }
    // What the groups are to do stays in sight while they do it; beside the
    // board, in a line (a poll's lead-in stays whole beside its statements).
    if let Some(instruction) = &segment.instruction {
        if compact && segment.kind != SegmentKind::Poll {
            let line = card_text::one_line(instruction, COMPACT_INSTRUCTION_WIDTH);
            lines.push(Line::styled(line, view.theme.dim()));
        } else {
            lines.push(Line::default());
            lines.push(Line::from(instruction.as_str()));
        }
    }
    if !segment.questions.is_empty() {
        if !compact {
            lines.push(Line::default());
            lines.push(Line::styled(strings.questions, view.theme.dim()));
        }
        for question in &segment.questions {
            lines.push(Line::from(vec![
                Span::raw("• "),
                Span::styled(question.as_str(), view.theme.heading()),
            ]));
        }
    }
    if let Some(note) = session.private_note(session.current) {
        let label = format!("{}: ", strings.private_note);
        if !compact {
            lines.push(Line::default());
        }
        let text = if compact {
            card_text::one_line(note, COMPACT_NOTE_WIDTH)
        } else {
            card_text::printable(note)
        };
        lines.push(Line::from(vec![
            Span::styled(label, view.theme.warning()),
            Span::styled(text, view.theme.dim()),
        ]));
    }
    let mut block = Block::default()
        .borders(Borders::BOTTOM)
        .border_style(view.theme.border())
        .padding(Padding::horizontal(1));
    if let Some(kind) = super::kind_above_title(segment, view.language) {
        block = block.title(Span::styled(format!(" {kind} "), view.theme.dim()));
    }
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
}

/// Draws the current segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, compact: bool) {
    frame.render_widget(paragraph(view, compact), area);
}

/// Rows the compact pane needs at `width`.
pub fn compact_height(view: &View, width: u16) -> u16 {
    paragraph(view, true).line_count(width) as u16
}
