//! The card editor: a text area and what its text becomes when saved.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, Input, TextArea, WrapMode};

use crate::session::{CardAction, Draft, DraftTarget, PollAction, RosterAction, SessionAction};
use crate::ui;

/// An open editor.
#[derive(Debug, Clone)]
pub struct Editor {
    /// What saving changes.
    pub target: DraftTarget,
    textarea: TextArea<'static>,
}

impl Editor {
    /// An editor for `target`, holding `text` with the cursor at its end.
    pub fn new(target: DraftTarget, text: &str) -> Self {
        let mut textarea = TextArea::new(text.split('\n').map(str::to_owned).collect());
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.set_cursor_line_style(Style::new());
        textarea.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        Self { target, textarea }
    }

    /// Types `input` into the text area; says whether the text changed (a
    /// cursor movement does not).
    pub fn input(&mut self, input: Input) -> bool {
        self.textarea.input(input)
    }

    /// Inserts letters typed in one burst at the cursor (no line breaks in
    /// them: Enter is a key of its own); says whether anything was inserted.
    pub fn type_text(&mut self, text: &str) -> bool {
        self.textarea.insert_str(text)
    }

    /// Takes back the last change; says whether there was one.
    pub fn undo(&mut self) -> bool {
        self.textarea.undo()
    }

    /// Does again what was taken back; says whether there was anything.
    pub fn redo(&mut self) -> bool {
        self.textarea.redo()
    }

    /// Inserts pasted text at the cursor; one step for undo. Terminals send line
    /// breaks in a paste as `\r`, `\r\n` or `\n`; other control characters
    /// (escape sequences copied from a terminal) are dropped, as the screen
    /// would act on them.
    pub fn paste(&mut self, text: &str) {
        let lines = text.replace("\r\n", "\n").replace('\r', "\n");
        let shown: Vec<String> = lines.split('\n').map(ui::printable).collect();
        self.textarea.insert_str(shown.join("\n"));
    }

    /// The text as it stands, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// The text area, for drawing.
    pub fn textarea(&self) -> &TextArea<'static> {
        &self.textarea
    }

    /// The text as a draft to keep on disk.
    pub fn draft(&self) -> Draft {
        Draft {
            target: self.target,
            text: self.text(),
        }
    }

    /// The change saving makes, if any.
    pub fn save(&self) -> Option<SessionAction> {
        let text = self.text();
        Some(match self.target {
            DraftTarget::NewCard {
                segment,
                group,
                column: None,
            } => SessionAction::Card(CardAction::Add {
                segment,
                group,
                text,
            }),
            DraftTarget::NewCard {
                segment,
                group,
                column: Some(column),
            } => SessionAction::Card(CardAction::AddInColumn {
                segment,
                group,
                text,
                column,
            }),
            DraftTarget::Card(id) => SessionAction::Card(CardAction::Edit {
                id,
                text,
                since: None,
            }),
            DraftTarget::Comment(id) => SessionAction::Card(CardAction::SetComment { id, text }),
            DraftTarget::PrivateNote(segment) => {
                SessionAction::Card(CardAction::SetPrivateNote { segment, text })
            }
            DraftTarget::NewMember(group) => {
                SessionAction::Roster(RosterAction::Add { group, name: text })
            }
            DraftTarget::GroupName(group) => SessionAction::RenameGroup { group, name: text },
            DraftTarget::MemberName(id) => {
                SessionAction::Roster(RosterAction::Rename { id, name: text })
            }
            // A line only counts when it is entered with Enter and valid;
            // one left in the editor is kept to be fixed, never dropped.
            DraftTarget::PollLine(_) if self.is_empty() => return None,
            DraftTarget::PollLine(segment) => SessionAction::Poll(PollAction::SetAside {
                segment,
                line: text,
            }),
        })
    }

    /// Whether nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.textarea.is_empty()
    }
}
