//! The current segment: kind, title, instruction and, prominently, its questions;
//! below them the facilitator's private note, marked as such.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::{View, card_text, format};
use crate::agenda::SegmentKind;
use crate::i18n;
use crate::session::SegmentIx;

/// How the pane is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// On its own above the countdown: everything whole.
    Full,
    /// Above the board: the questions whole; the instruction and the private
    /// note whole too when there is room, else a line each of `width` cells.
    Compact { width: u16, whole: bool },
}

/// The segment pane in `shape`.
fn paragraph<'a>(view: &'a View, shape: Shape) -> Paragraph<'a> {
    let compact = shape != Shape::Full;
    // Cells a cut line may take: the pane less its padding.
    let cut_to = match shape {
        Shape::Compact {
            width,
            whole: false,
        } => Some(usize::from(width.saturating_sub(2))),
        _ => None,
    };
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
            let line = match cut_to {
                Some(width) => card_text::one_line(instruction, width),
                None => card_text::printable(instruction),
            };
            lines.push(Line::styled(line, view.theme.dim()));
        } else {
            lines.push(Line::default());
            lines.push(Line::from(instruction.as_str()));
        }
    }
    // A group of a group set may have questions of its own, after the segment's.
    let questions = session.questions_for(session.current, view.selected_lane);
    if !questions.is_empty() {
        if !compact {
            lines.push(Line::default());
            lines.push(Line::styled(strings.questions, view.theme.dim()));
        }
        for question in questions {
            lines.push(Line::from(vec![
                Span::raw("• "),
                Span::styled(question, view.theme.heading()),
            ]));
        }
    }
    // At the start, what the last session gave to do until now.
    if session.current == SegmentIx(0) && !session.since_last.is_empty() {
        if !compact {
            lines.push(Line::default());
        }
        lines.push(Line::styled(strings.since_last, view.theme.dim()));
        let by = i18n::words(view.language).by;
        for task in &session.since_last {
            lines.push(Line::from(i18n::task_line(task, by)));
        }
    }
    if let Some(note) = session.private_note(session.current) {
        let label = format!("{}: ", strings.private_note);
        if !compact {
            lines.push(Line::default());
        }
        let text = match cut_to {
            Some(width) => card_text::one_line(note, width.saturating_sub(label.chars().count())),
            None => card_text::printable(note),
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

/// Draws the current segment in `area`; `compact` above the board.
pub fn render(frame: &mut Frame, area: Rect, view: &View, compact: bool) {
    let shape = if compact {
        compact_shape(view, area.width, area.height)
    } else {
        Shape::Full
    };
    frame.render_widget(paragraph(view, shape), area);
}

/// The compact shape at `width`: whole when that takes at most `most` rows.
fn compact_shape(view: &View, width: u16, most: u16) -> Shape {
    let whole = Shape::Compact { width, whole: true };
    if paragraph(view, whole).line_count(width) <= usize::from(most) {
        whole
    } else {
        Shape::Compact {
            width,
            whole: false,
        }
    }
}

/// Rows the compact pane takes at `width`, given at most `most`.
pub fn compact_height(view: &View, width: u16, most: u16) -> u16 {
    let rows = paragraph(view, compact_shape(view, width, most)).line_count(width);
    u16::try_from(rows).unwrap_or(u16::MAX).min(most)
}
