//! How actions change the run screen's state, and which effects they ask for:
//! `update` here, each group of actions in a file of its own.

mod board;
mod editor;
mod questions;
mod room;
mod roster;
mod selection;
mod tally;

use board::new_card_target;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::app::action::{Action, EditorAction, Exported};
use crate::app::effect::{Effect, Effects};
use crate::app::export::ExportRequest;
use crate::app::modes::Mode;
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::i18n::{CopyNote, Notice};
use crate::session::{Applied, SessionAction, propose_rebalance};

impl AppState {
    /// Applies `action` at `now` and says what is to happen outside the state:
    /// a save only when the session or the draft changed, an export, the bell,
    /// the end.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) -> Effects {
        let mut effects = Effects::none();
        let from_the_user = !matches!(
            action,
            Action::Tick
                | Action::Saved
                | Action::SaveFailed(..)
                | Action::Exported(_)
                | Action::FromRoom(..)
                | Action::CodeChanged(_)
        );
        // A key typed into the editor changes only the editor, unless it
        // takes a notice away; a tick only the time (the screen's key has the
        // minute, and the countdown is drawn anew each second); a save that
        // went well only a warning, if there was one. Anything else may
        // change the whole screen.
        let beside_the_screen = match &action {
            Action::Editor(
                EditorAction::Type(_)
                | EditorAction::Input(_)
                | EditorAction::Undo
                | EditorAction::Redo,
            ) => self.notice.is_none(),
            Action::Tick => true,
            Action::Saved => self.disk.problem.is_none(),
            _ => false,
        };
        if from_the_user {
            self.notice = None;
        }
        let change = self.apply(action, now, &mut effects);
        if !(beside_the_screen && change != Unsaved::Structure && self.notice.is_none()) {
            self.shown = self.shown.wrapping_add(1);
        }
        self.keep_selection_in_view();
        if self.disk.saves.should_save(change, now) {
            effects.push(Effect::Save);
        }
        if self.take_bell(now) {
            effects.push(Effect::Bell);
        }
        effects
    }

    /// Does what `action` says; returns what changed of what is saved.
    fn apply(&mut self, action: Action, now: DateTime<Utc>, effects: &mut Effects) -> Unsaved {
        let action_is_cancel = action == Action::Cancel;
        match action {
            Action::Session(change) => self.change_session(change, now),
            Action::Board(board) => self.board(board, now),
            Action::Editor(key) => self.editor(key, now),
            Action::Roster(key) => self.roster(key, now),
            Action::Tally(key) => self.tally(key, now),
            Action::ToggleHelp => {
                if matches!(self.mode(), Mode::Help) {
                    self.modes.pop();
                } else {
                    self.modes.push(Mode::Help);
                }
                Unsaved::Nothing
            }
            Action::ProposeRebalance => {
                match propose_rebalance(&self.session, now) {
                    Some(proposal) => self.modes.push(Mode::Rebalance(proposal)),
                    None => self.notice = Some(Notice::NotLate),
                }
                Unsaved::Nothing
            }
            Action::Confirm => self.confirm(now, effects),
            // Back to what the overlay was opened from: the roster under a
            // question about a member, the card being typed under a
            // question about quitting.
            Action::Dismiss | Action::Cancel => {
                self.modes.pop();
                if action_is_cancel {
                    self.notice = Some(Notice::Cancelled);
                }
                Unsaved::Nothing
            }
            Action::Paste(text) => match self.modes.top_mut() {
                Mode::Editor(editor) => {
                    editor.paste(&text);
                    Unsaved::Draft
                }
                Mode::Normal => self.open_editor(new_card_target(self), &text),
                _ => Unsaved::Nothing,
            },
            Action::Export => {
                effects.push(Effect::Export(ExportRequest::summary_for_the_screen()));
                Unsaved::Nothing
            }
            Action::QuitHint => {
                self.notice = Some(Notice::QuitHint);
                Unsaved::Nothing
            }
            // An open editor stays a draft, as after a crash: half-typed
            // text never becomes a card on its own, and resume reopens it.
            Action::Quit => {
                if self.disk.problem.is_some() {
                    self.modes.push(Mode::ConfirmQuit);
                } else {
                    effects.push(Effect::Quit);
                }
                Unsaved::Structure
            }
            Action::Tick => Unsaved::Nothing,
            Action::Saved => {
                self.disk.problem = None;
                Unsaved::Nothing
            }
            Action::SaveFailed(kind, room_waiting) => {
                self.disk.problem = Some(kind);
                self.disk.room_waiting = room_waiting;
                Unsaved::Nothing
            }
            Action::Exported(outcome) => {
                self.notice = Some(exported_notice(outcome));
                Unsaved::Nothing
            }
            Action::Room => self.room_key(effects),
            Action::CloseRoom => self.close_room(effects),
            Action::NewCode => {
                effects.push(Effect::NewCode);
                Unsaved::Nothing
            }
            Action::CodeChanged(changed) => self.code_changed(changed),
            Action::ToggleWall => self.toggle_wall(),
            Action::ToggleRoomVotes => self.toggle_room_votes(),
            Action::RoomOpened(opened) => self.room_opened(opened),
            Action::FromRoom(request, action) => self.answer_room(request, action, now, effects),
        }
    }

    /// Applies `change` to the session; a change that changes nothing (`n` on
    /// the last segment's end) is nothing to save.
    pub(in crate::app) fn change_session(
        &mut self,
        change: SessionAction,
        now: DateTime<Utc>,
    ) -> Unsaved {
        Unsaved::of(self.apply_session(change, now))
    }

    /// Applies `change` to the session and says what it did.
    pub(in crate::app) fn apply_session(
        &mut self,
        change: SessionAction,
        now: DateTime<Utc>,
    ) -> Applied {
        let (current, planned_start) = (self.session.current, self.session.planned_start);
        let applied = Arc::make_mut(&mut self.session).apply(change, now);
        if self.session.current != current {
            // A new board starts in its first column, and the room's marking
            // of priorities was for the segment it leaves.
            self.board.column = 0;
            self.room.votes = None;
        }
        let moved = planned_start - self.session.planned_start;
        if moved > chrono::Duration::zero() {
            self.notice = Some(Notice::PlanMoved {
                minutes_early: moved.num_minutes(),
            });
        }
        applied
    }

    /// Whether the bell should ring now: once, when the running countdown reaches zero.
    fn take_bell(&mut self, now: DateTime<Utc>) -> bool {
        if !self.countdown_at_zero(now) || self.bell.rung_for == Some(self.session.current.0) {
            return false;
        }
        self.bell.rung_for = Some(self.session.current.0);
        self.bell.on
    }
}

/// What the status line says after `x`.
fn exported_notice(outcome: Result<Exported, std::io::ErrorKind>) -> Notice {
    match outcome {
        Ok(exported) => Notice::Exported {
            path: exported.path,
            flagged: exported.flagged,
            copied: match exported.copied {
                Some(_) => CopyNote::Copied,
                None => CopyNote::Failed,
            },
        },
        Err(kind) => Notice::ExportFailed(kind),
    }
}
