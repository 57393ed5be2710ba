//! The editor's keys: typing, saving, cancelling, and a poll's form lines.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::app::action::EditorAction;
use crate::app::editor::Editor;
use crate::app::modes::Mode;
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::i18n::Notice;
use crate::session::{DraftTarget, PollAction, SessionAction, parse_line};

impl AppState {
    pub(super) fn editor(&mut self, action: EditorAction, now: DateTime<Utc>) -> Unsaved {
        let Mode::Editor(editor) = self.modes.top_mut() else {
            return Unsaved::Nothing;
        };
        let typed = match action {
            EditorAction::Input(input) => editor.input(input),
            EditorAction::Type(text) => editor.type_text(&text),
            // Ctrl+Z on an empty respondent line takes back the line before.
            EditorAction::Undo => match editor.target {
                DraftTarget::PollLine(segment) if editor.is_empty() => {
                    self.notice = Some(Notice::LineUndone);
                    let undo = PollAction::RemoveLastRespondent { segment };
                    return self.change_session(SessionAction::Poll(undo), now);
                }
                _ => editor.undo(),
            },
            EditorAction::Redo => editor.redo(),
            EditorAction::Close => return self.close_editor(now),
            EditorAction::Cancel => return self.cancel_editor(),
            EditorAction::SubmitLine => return self.submit_poll_line(now),
            EditorAction::RecallLine => return self.recall_poll_line(now),
        };
        if typed {
            Unsaved::Draft
        } else {
            Unsaved::Nothing
        }
    }

    /// Opens the editor for `target` with `text` pasted into it.
    pub(super) fn open_editor(&mut self, target: DraftTarget, text: &str) -> Unsaved {
        let mut editor = Editor::new(target, "");
        editor.paste(text);
        self.modes.push(Mode::Editor(Box::new(editor)));
        Unsaved::Structure
    }

    /// Opens the editor for `target` holding `text`, the cursor at its end; an
    /// open editor is on disk at once, so a crash reopens it.
    pub(in crate::app) fn open_editor_on(&mut self, target: DraftTarget, text: &str) -> Unsaved {
        self.modes
            .push(Mode::Editor(Box::new(Editor::new(target, text))));
        Unsaved::Structure
    }

    /// On an empty respondent line, brings back the oldest line set aside.
    pub(super) fn recall_poll_line(&mut self, now: DateTime<Utc>) -> Unsaved {
        let Mode::Editor(editor) = self.mode() else {
            return Unsaved::Nothing;
        };
        let DraftTarget::PollLine(segment) = editor.target else {
            return Unsaved::Nothing;
        };
        let oldest = self
            .session
            .poll(segment)
            .and_then(|answers| answers.to_fix.first())
            .cloned();
        let Some(line) = oldest.filter(|_| editor.is_empty()) else {
            return Unsaved::Nothing;
        };
        self.modes.replace_top(Mode::Editor(Box::new(Editor::new(
            DraftTarget::PollLine(segment),
            &line,
        ))));
        self.change_session(SessionAction::Poll(PollAction::TakeToFix { segment }), now)
    }

    /// Enters the typed respondent line if it is valid; otherwise says what is
    /// wrong and sets it aside to fix. Either way the line clears for the next
    /// form, so forms typed at speed never run together.
    pub(super) fn submit_poll_line(&mut self, now: DateTime<Utc>) -> Unsaved {
        let Mode::Editor(editor) = self.mode() else {
            return Unsaved::Nothing;
        };
        let DraftTarget::PollLine(segment) = editor.target else {
            return Unsaved::Nothing;
        };
        let Some(poll) = self.session.agenda.segments.get(segment.0) else {
            return Unsaved::Nothing;
        };
        let scale = poll.scale_or_default(self.session.agenda.language);
        let line = editor.text();
        if line.trim().is_empty() {
            return Unsaved::Nothing;
        }
        let change = match parse_line(&line, &poll.statements, &scale, self.session.sectors()) {
            Ok(respondent) => PollAction::AddRespondent {
                segment,
                respondent,
            },
            Err(problem) => {
                self.notice = Some(Notice::PollLine(problem));
                PollAction::SetAside { segment, line }
            }
        };
        self.modes.replace_top(Mode::Editor(Box::new(Editor::new(
            DraftTarget::PollLine(segment),
            "",
        ))));
        self.change_session(SessionAction::Poll(change), now)
    }

    /// Saves what the editor holds, if one is open, and closes it.
    pub fn close_editor(&mut self, now: DateTime<Utc>) -> Unsaved {
        if !matches!(self.mode(), Mode::Editor(_)) {
            return Unsaved::Nothing;
        }
        let Some(Mode::Editor(editor)) = self.modes.pop() else {
            return Unsaved::Nothing;
        };
        let new_member = self.session.roster.next_id;
        let applied = editor
            .save()
            .map(|change| Arc::make_mut(&mut self.session).apply(change, now))
            .unwrap_or_default();
        match editor.target {
            DraftTarget::NewCard { .. } => match applied.added {
                Some(added) => self.board.card = Some(added),
                None => self.notice = Some(Notice::NothingSaved),
            },
            // Back on the roster the name was typed from, at the new member.
            DraftTarget::NewMember(_) => {
                let added = self
                    .session
                    .roster
                    .member(new_member)
                    .map(|member| member.id);
                if let (Some(added), Some(cursor)) = (added, self.modes.roster_cursor()) {
                    *cursor = Some(added);
                }
            }
            DraftTarget::MemberName(_)
            | DraftTarget::Card(_)
            | DraftTarget::PrivateNote(_)
            | DraftTarget::Comment(_)
            | DraftTarget::PollLine(_)
            | DraftTarget::GroupName(_) => {}
        }
        // The draft is gone from the file either way.
        Unsaved::Structure
    }

    /// Closes the editor without saving what it holds, back to where it was
    /// opened from; the draft is gone from the file.
    pub(super) fn cancel_editor(&mut self) -> Unsaved {
        if !matches!(self.mode(), Mode::Editor(_)) {
            return Unsaved::Nothing;
        }
        self.modes.pop();
        self.notice = Some(Notice::EditCancelled);
        Unsaved::Structure
    }
}
