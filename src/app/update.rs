//! How actions change the run screen's state, and which effects they ask for.

use chrono::{DateTime, Utc};

use super::action::{Action, BoardAction, EditorAction, Exported};
use super::editor::Editor;
use super::effect::{Effect, Effects};
use super::export::ExportRequest;
use super::modes::Mode;
use super::saving::Change;
use super::state::AppState;
use crate::agenda::SegmentKind;
use crate::clipboard::Copied;
use crate::i18n::{CopyNote, Notice};
use crate::session::{
    Applied, CardAction, CardId, DraftTarget, Lane, PollAction, RosterAction as RosterChange,
    SessionAction, parse_line, propose_rebalance,
};

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
        if from_the_user {
            self.notice = None;
        }
        let change = self.apply(action, now, &mut effects);
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
    fn apply(&mut self, action: Action, now: DateTime<Utc>, effects: &mut Effects) -> Change {
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
                Change::Nothing
            }
            Action::ProposeRebalance => {
                match propose_rebalance(&self.session, now) {
                    Some(proposal) => self.modes.push(Mode::Rebalance(proposal)),
                    None => self.notice = Some(Notice::NotLate),
                }
                Change::Nothing
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
                Change::Nothing
            }
            Action::Paste(text) => match self.modes.top_mut() {
                Mode::Editor(editor) => {
                    editor.paste(&text);
                    Change::Draft
                }
                Mode::Normal => self.open_editor(new_card_target(self), &text),
                _ => Change::Nothing,
            },
            Action::Export => {
                effects.push(Effect::Export(ExportRequest::summary_for_the_screen()));
                Change::Nothing
            }
            Action::QuitHint => {
                self.notice = Some(Notice::QuitHint);
                Change::Nothing
            }
            // An open editor stays a draft, as after a crash: half-typed
            // text never becomes a card on its own, and resume reopens it.
            Action::Quit => {
                if self.disk.problem.is_some() {
                    self.modes.push(Mode::ConfirmQuit);
                } else {
                    effects.push(Effect::Quit);
                }
                Change::Structure
            }
            Action::Tick => Change::Nothing,
            Action::Saved => {
                self.disk.problem = None;
                Change::Nothing
            }
            Action::SaveFailed(kind, room_waiting) => {
                self.disk.problem = Some(kind);
                self.disk.room_waiting = room_waiting;
                Change::Nothing
            }
            Action::Exported(outcome) => {
                self.notice = Some(exported_notice(outcome));
                Change::Nothing
            }
            Action::Room => self.room_key(effects),
            Action::CloseRoom => self.close_room(effects),
            Action::NewCode => {
                effects.push(Effect::NewCode);
                Change::Nothing
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
    pub(super) fn change_session(&mut self, change: SessionAction, now: DateTime<Utc>) -> Change {
        Change::of(self.apply_session(change, now))
    }

    /// Applies `change` to the session and says what it did.
    pub(super) fn apply_session(&mut self, change: SessionAction, now: DateTime<Utc>) -> Applied {
        let (current, planned_start) = (self.session.current, self.session.planned_start);
        let applied = self.session.apply(change, now);
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

    fn board(&mut self, action: BoardAction, now: DateTime<Utc>) -> Change {
        match action {
            BoardAction::SelectGroup(group) => {
                if group
                    .group()
                    .is_none_or(|index| index < self.session.group_count_in(self.session.current))
                {
                    self.board.lane = group;
                }
            }
            BoardAction::StepGroup(step) => self.step_group(step),
            BoardAction::StepCard(step) => {
                self.step_card(step);
                self.column_of_selected_card();
            }
            BoardAction::NewCard => return self.open_editor(new_card_target(self), ""),
            BoardAction::NewCardIn(column) => {
                let count = self
                    .session
                    .cells(self.session.current)
                    .map_or(0, |c| c.len());
                if column >= count {
                    self.notice = Some(Notice::NoColumns);
                    return Change::Nothing;
                }
                self.board.column = column;
                return self.open_editor(new_card_target(self), "");
            }
            BoardAction::StepColumn(step) => self.step_column(step),
            BoardAction::EditCard => {
                if let Some(card) = self.card_or_hint() {
                    return self.open_editor_on(DraftTarget::Card(card.id), &card.text);
                }
            }
            BoardAction::EditPrivateNote => {
                let current = self.session.current;
                let note = self
                    .session
                    .private_note(current)
                    .unwrap_or_default()
                    .to_owned();
                return self.open_editor_on(DraftTarget::PrivateNote(current), &note);
            }
            BoardAction::CycleTag => {
                return self.change_card(|id| CardAction::CycleTag { id }, now);
            }
            BoardAction::ToggleQuote => {
                return self.change_card(|id| CardAction::ToggleQuote { id }, now);
            }
            BoardAction::CycleStatus | BoardAction::EditComment
                if self.session.current_segment().kind != SegmentKind::FollowUp =>
            {
                self.notice = Some(Notice::NotAFollowUp);
            }
            BoardAction::CycleStatus => {
                return self.change_card(|id| CardAction::CycleStatus { id }, now);
            }
            BoardAction::EditComment => {
                let Some(card) = self.card_or_hint() else {
                    return Change::Nothing;
                };
                let comment = card.comment.unwrap_or_default();
                return self.open_editor_on(DraftTarget::Comment(card.id), &comment);
            }
            BoardAction::TogglePriority => {
                let Some(card) = self.card_or_hint() else {
                    return Change::Nothing;
                };
                let allowed = self.session.current_segment().priorities;
                match (self.session.priority_allowed(card.id), allowed) {
                    (Some(true), _) => {
                        return self.change_session(
                            SessionAction::Card(CardAction::TogglePriority { id: card.id }),
                            now,
                        );
                    }
                    (_, Some(allowed)) => self.notice = Some(Notice::PrioritiesFull(allowed)),
                    (_, None) => self.notice = Some(Notice::NoPriorities),
                }
            }
            BoardAction::NextColumn => {
                if self.session.columns(self.session.current).is_some() {
                    let change = self.change_card(|id| CardAction::NextHorizon { id }, now);
                    self.column_of_selected_card();
                    return change;
                }
                self.notice = Some(Notice::NoColumns);
            }
            BoardAction::PreviousColumn => {
                if self.session.columns(self.session.current).is_some() {
                    let change = self.change_card(|id| CardAction::PreviousHorizon { id }, now);
                    self.column_of_selected_card();
                    return change;
                }
                self.notice = Some(Notice::NoColumns);
            }
            BoardAction::RenameGroup => {
                let Some(group) = self.board.lane.group() else {
                    self.notice = Some(Notice::NoGroup);
                    return Change::Nothing;
                };
                let groups = self.session.groups_in(self.session.current);
                let name = groups.get(group).cloned().unwrap_or_default();
                return self.open_editor_on(DraftTarget::GroupName(group), &name);
            }
            BoardAction::MoveCardWithin(step) => {
                let change = match step {
                    -1 => self.change_card(|id| CardAction::Earlier { id }, now),
                    _ => self.change_card(|id| CardAction::Later { id }, now),
                };
                return change;
            }
            BoardAction::AskMove => {
                if let Some(card) = self.card_or_hint() {
                    self.modes.push(Mode::MoveCard(card.id));
                    self.notice = Some(Notice::MoveTo);
                }
            }
            BoardAction::MoveTo(group) => return self.move_card(group, now),
            BoardAction::AskDelete => match self.card_or_hint() {
                Some(card) if card.from_room.is_some() => return self.toggle_hidden(card.id, now),
                Some(card) => self.modes.push(Mode::ConfirmDelete(card.id)),
                None => {}
            },
            BoardAction::OpenRoster => self.modes.push(Mode::Roster(self.first_member())),
            BoardAction::OpenPollLine => {
                if self.current_is_poll() {
                    return self.open_editor_on(DraftTarget::PollLine(self.session.current), "");
                }
            }
            BoardAction::ClosePoll | BoardAction::RevealPoll => {
                if self.current_is_poll() {
                    return self.toggle_poll(action, now);
                }
            }
            BoardAction::TextsToCards => {
                if self.current_is_poll() {
                    return self.texts_to_cards(now);
                }
            }
            BoardAction::OpenTally => {
                if self.current_is_poll() {
                    self.modes.push(Mode::Tally {
                        statement: 0,
                        counted: Vec::new(),
                    });
                }
            }
        }
        Change::Nothing
    }

    fn editor(&mut self, action: EditorAction, now: DateTime<Utc>) -> Change {
        let Mode::Editor(editor) = self.modes.top_mut() else {
            return Change::Nothing;
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
            Change::Draft
        } else {
            Change::Nothing
        }
    }

    /// Yes to the question on screen.
    fn confirm(&mut self, now: DateTime<Utc>, effects: &mut Effects) -> Change {
        match self.mode() {
            // The draft stays beneath the question, so the last save keeps it.
            Mode::ConfirmQuit => {
                effects.push(Effect::Quit);
                return Change::Nothing;
            }
            Mode::Rebalance(_) | Mode::ConfirmDelete(_) | Mode::ConfirmRemoveMember(_) => {}
            _ => return Change::Nothing,
        }
        match self.modes.pop() {
            Some(Mode::Rebalance(proposal)) => {
                self.change_session(SessionAction::Rebalance(proposal), now)
            }
            Some(Mode::ConfirmDelete(id)) => self.delete_card(id, now),
            Some(Mode::ConfirmRemoveMember(id)) => {
                let change =
                    self.change_session(SessionAction::Roster(RosterChange::Remove { id }), now);
                let first = self.first_member();
                if let Some(cursor) = self.modes.roster_cursor() {
                    *cursor = first;
                }
                change
            }
            _ => Change::Nothing,
        }
    }

    fn delete_card(&mut self, id: CardId, now: DateTime<Utc>) -> Change {
        let neighbours = self.cards_of_selection();
        let position = neighbours.iter().position(|card| *card == id);
        let change = self.change_session(SessionAction::Card(CardAction::Delete { id }), now);
        self.board.card = position.and_then(|position| {
            let left = self.cards_of_selection();
            left.get(position.min(left.len().saturating_sub(1)))
                .copied()
        });
        change
    }

    /// Moves the card asked about to `group`; the selection follows it.
    fn move_card(&mut self, group: Lane, now: DateTime<Utc>) -> Change {
        let &Mode::MoveCard(id) = self.mode() else {
            return Change::Nothing;
        };
        self.modes.pop();
        let change = self.change_session(
            SessionAction::Card(CardAction::MoveToGroup { id, group }),
            now,
        );
        if self
            .session
            .card(id)
            .is_some_and(|card| card.group == group)
        {
            self.board.lane = group;
            self.board.card = Some(id);
        }
        change
    }

    /// Opens the editor for `target` with `text` pasted into it.
    fn open_editor(&mut self, target: DraftTarget, text: &str) -> Change {
        let mut editor = Editor::new(target, "");
        editor.paste(text);
        self.modes.push(Mode::Editor(Box::new(editor)));
        Change::Structure
    }

    /// Opens the editor for `target` holding `text`, the cursor at its end; an
    /// open editor is on disk at once, so a crash reopens it.
    pub(super) fn open_editor_on(&mut self, target: DraftTarget, text: &str) -> Change {
        self.modes
            .push(Mode::Editor(Box::new(Editor::new(target, text))));
        Change::Structure
    }

    /// `F`: the poll's free-text answers not yet on the board become cards
    /// of the whole room in the next segment where people write, else the
    /// one before, saying how many and where.
    fn texts_to_cards(&mut self, now: DateTime<Utc>) -> Change {
        let segment = self.session.current;
        let texts = self
            .session
            .poll(segment)
            .map_or(0, |answers| answers.texts_to_card().count());
        let segments = &self.session.agenda.segments;
        let writing = |index: &usize| segments[*index].is_writing();
        let into = (segment + 1..segments.len())
            .find(writing)
            .or_else(|| (0..segment).rev().find(writing));
        let (Some(into), 1..) = (into, texts) else {
            self.notice = Some(Notice::TextsToCards {
                cards: 0,
                into: into.map(|into| segments[into].title.clone()),
            });
            return Change::Nothing;
        };
        let title = segments[into].title.clone();
        let change = self.change_session(
            SessionAction::Poll(PollAction::TextsToCards { segment, into }),
            now,
        );
        self.notice = Some(Notice::TextsToCards {
            cards: texts,
            into: Some(title),
        });
        change
    }

    /// Whether the current segment is a poll; says what `i` and `v` are for if not.
    fn current_is_poll(&mut self) -> bool {
        let poll = self.session.current_segment().kind == SegmentKind::Poll;
        if !poll {
            self.notice = Some(Notice::NotAPoll);
        }
        poll
    }

    /// On an empty respondent line, brings back the oldest line set aside.
    fn recall_poll_line(&mut self, now: DateTime<Utc>) -> Change {
        let Mode::Editor(editor) = self.mode() else {
            return Change::Nothing;
        };
        let DraftTarget::PollLine(segment) = editor.target else {
            return Change::Nothing;
        };
        let oldest = self
            .session
            .poll(segment)
            .and_then(|answers| answers.to_fix.first())
            .cloned();
        let Some(line) = oldest.filter(|_| editor.is_empty()) else {
            return Change::Nothing;
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
    fn submit_poll_line(&mut self, now: DateTime<Utc>) -> Change {
        let Mode::Editor(editor) = self.mode() else {
            return Change::Nothing;
        };
        let DraftTarget::PollLine(segment) = editor.target else {
            return Change::Nothing;
        };
        let Some(poll) = self.session.agenda.segments.get(segment) else {
            return Change::Nothing;
        };
        let scale = poll.scale_or_default(self.session.agenda.language);
        let line = editor.text();
        if line.trim().is_empty() {
            return Change::Nothing;
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
    pub fn close_editor(&mut self, now: DateTime<Utc>) -> Change {
        if !matches!(self.mode(), Mode::Editor(_)) {
            return Change::Nothing;
        }
        let Some(Mode::Editor(editor)) = self.modes.pop() else {
            return Change::Nothing;
        };
        let new_member = self.session.roster.next_id;
        let applied = editor
            .save()
            .map(|change| self.session.apply(change, now))
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
        Change::Structure
    }

    /// Closes the editor without saving what it holds, back to where it was
    /// opened from; the draft is gone from the file.
    fn cancel_editor(&mut self) -> Change {
        if !matches!(self.mode(), Mode::Editor(_)) {
            return Change::Nothing;
        }
        self.modes.pop();
        self.notice = Some(Notice::EditCancelled);
        Change::Structure
    }

    /// Whether the bell should ring now: once, when the running countdown reaches zero.
    fn take_bell(&mut self, now: DateTime<Utc>) -> bool {
        if !self.countdown_at_zero(now) || self.bell.rung_for == Some(self.session.current) {
            return false;
        }
        self.bell.rung_for = Some(self.session.current);
        self.bell.on
    }
}

/// A new card of the selected group in the current segment, in the selected
/// column when the board has columns.
fn new_card_target(state: &AppState) -> DraftTarget {
    DraftTarget::NewCard {
        segment: state.session.current,
        group: state.writing_lane(),
        column: state.selected_column(),
    }
}

/// What the status line says after `x`.
fn exported_notice(outcome: Result<Exported, std::io::ErrorKind>) -> Notice {
    match outcome {
        Ok(exported) => Notice::Exported {
            path: exported.path,
            flagged: exported.flagged,
            copied: match exported.copied {
                Some(Copied::System) => CopyNote::System,
                Some(Copied::Terminal) => CopyNote::Terminal,
                None => CopyNote::Failed,
            },
        },
        Err(kind) => Notice::ExportFailed(kind),
    }
}
