//! The card editor's window: over the lower part of the board, so the segment,
//! its questions and the countdown stay in sight while someone types.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;
use ratatui_textarea::TextArea;

use super::{View, group_label, overlay_block};
use crate::i18n;
use crate::session::Lane;

/// Most rows the editor window takes.
const MAX_HEIGHT: u16 = 12;
/// Fewest rows: three lines of text between the borders.
const MIN_HEIGHT: u16 = 5;

/// What the open editor is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorPurpose {
    /// A new card of a group (`None`: the whole room).
    NewCard(Lane),
    /// A card already on the board, of a group.
    EditCard(Lane),
    /// The facilitator's private note for the segment.
    PrivateNote,
    /// The comment on an item of a follow-up.
    Comment,
    /// A participant's name in the roster.
    MemberName,
    /// A group's name.
    GroupName,
    /// Respondent line number N of a poll.
    PollLine(usize),
}

/// An open editor, as a frame shows it.
#[derive(Debug, Clone, Copy)]
pub struct EditorView<'a> {
    /// The text being typed, with its cursor.
    pub textarea: &'a TextArea<'static>,
    /// What it is for.
    pub purpose: EditorPurpose,
}

/// Draws the editor over the bottom of `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, editor: &EditorView) {
    let strings = i18n::strings(view.language);
    // Half the board, so the cards around stay in view while typing.
    let height = (area.height / 2)
        .clamp(MIN_HEIGHT, MAX_HEIGHT)
        .min(area.height);
    let window = Rect {
        y: area.bottom() - height,
        height,
        ..area
    };
    let title = match editor.purpose {
        EditorPurpose::NewCard(group) => {
            format!("{} · {}", strings.new_card, group_label(view, group))
        }
        EditorPurpose::EditCard(group) => {
            format!("{} · {}", strings.edit_card, group_label(view, group))
        }
        EditorPurpose::PrivateNote => strings.private_note.to_owned(),
        EditorPurpose::Comment => strings.comment.to_owned(),
        EditorPurpose::MemberName => strings.member_name.to_owned(),
        EditorPurpose::GroupName => strings.group_name.to_owned(),
        EditorPurpose::PollLine(number) => format!("{} {number}", strings.poll_line),
    };
    // An action plan's card may end with its fields: say how, where it is typed.
    let is_card = matches!(
        editor.purpose,
        EditorPurpose::NewCard(_) | EditorPurpose::EditCard(_)
    );
    let in_plan = view.session.current_segment().kind == crate::agenda::SegmentKind::ActionPlan;
    let title = if is_card && in_plan {
        format!("{title} · {}", strings.action_fields)
    } else {
        title
    };
    let hint = match editor.purpose {
        EditorPurpose::PollLine(_) => strings.poll_line_hint,
        _ => strings.editor_hint,
    };
    let block = overlay_block(view, &title, hint);
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(block, window);
    frame.render_widget(editor.textarea, inner);
}
