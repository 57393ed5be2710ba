//! The board's keys: selecting, writing, marking, moving and deleting cards,
//! and the poll's keys on the board.

use chrono::{DateTime, Utc};

use crate::agenda::SegmentKind;
use crate::app::action::BoardAction;
use crate::app::modes::Mode;
use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::i18n::Notice;
use crate::session::{CardAction, CardId, DraftTarget, Lane, PollAction, SegmentIx, SessionAction};

impl AppState {
    pub(super) fn board(&mut self, action: BoardAction, now: DateTime<Utc>) -> Unsaved {
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
                    return Unsaved::Nothing;
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
            BoardAction::CycleTag if self.session.tags(self.session.current).is_empty() => {
                self.notice = Some(Notice::NoTags);
            }
            BoardAction::CycleTag => {
                return self.change_card(|id| CardAction::CycleTag { id }, now);
            }
            BoardAction::ToggleQuote => {
                return self.change_card(|id| CardAction::ToggleQuote { id }, now);
            }
            BoardAction::CountDot(_) if self.session.current_segment().dots.is_none() => {
                self.notice = Some(Notice::NoDots);
            }
            BoardAction::CountDot(step) => {
                return match step > 0 {
                    true => self.change_card(|id| CardAction::AddDot { id }, now),
                    false => self.change_card(|id| CardAction::RemoveDot { id }, now),
                };
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
                    return Unsaved::Nothing;
                };
                let comment = card.comment().unwrap_or_default().to_owned();
                return self.open_editor_on(DraftTarget::Comment(card.id), &comment);
            }
            BoardAction::TogglePriority => {
                let Some(card) = self.card_or_hint() else {
                    return Unsaved::Nothing;
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
                    return Unsaved::Nothing;
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
        Unsaved::Nothing
    }

    pub(super) fn delete_card(&mut self, id: CardId, now: DateTime<Utc>) -> Unsaved {
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
    pub(super) fn move_card(&mut self, group: Lane, now: DateTime<Utc>) -> Unsaved {
        let &Mode::MoveCard(id) = self.mode() else {
            return Unsaved::Nothing;
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

    /// `F`: the poll's free-text answers not yet on the board become cards
    /// of the whole room in the next segment where people write, else the
    /// one before, saying how many and where.
    pub(super) fn texts_to_cards(&mut self, now: DateTime<Utc>) -> Unsaved {
        let segment = self.session.current;
        let texts = self
            .session
            .poll(segment)
            .map_or(0, |answers| answers.texts_to_card().count());
        let segments = &self.session.agenda.segments;
        let writing = |index: &usize| segments[*index].is_writing();
        let into = (segment.0 + 1..segments.len())
            .find(writing)
            .or_else(|| (0..segment.0).rev().find(writing));
        let (Some(into), 1..) = (into, texts) else {
            self.notice = Some(Notice::TextsToCards {
                cards: 0,
                into: into.map(|into| segments[into].title.clone()),
            });
            return Unsaved::Nothing;
        };
        let title = segments[into].title.clone();
        let change = self.change_session(
            SessionAction::Poll(PollAction::TextsToCards {
                segment,
                into: SegmentIx(into),
            }),
            now,
        );
        self.notice = Some(Notice::TextsToCards {
            cards: texts,
            into: Some(title),
        });
        change
    }

    /// Whether the current segment is a poll; says what `i` and `v` are for if not.
    pub(super) fn current_is_poll(&mut self) -> bool {
        let poll = self.session.current_segment().kind == SegmentKind::Poll;
        if !poll {
            self.notice = Some(Notice::NotAPoll);
        }
        poll
    }
}

/// A new card of the selected group in the current segment, in the selected
/// column when the board has columns.
pub(in crate::app) fn new_card_target(state: &AppState) -> DraftTarget {
    DraftTarget::NewCard {
        segment: state.session.current,
        group: state.writing_lane(),
        column: state.selected_column(),
    }
}
