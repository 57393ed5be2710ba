//! The board's selection: which group and card the card keys work on, kept in
//! view as cards come and go.

use chrono::{DateTime, Utc};

use crate::app::saving::Unsaved;
use crate::app::state::AppState;
use crate::i18n::Notice;
use crate::session::{Card, CardAction, CardId, Lane, SessionAction};

impl AppState {
    /// The selected card, or a hint that there is none.
    pub(in crate::app) fn card_or_hint(&mut self) -> Option<Card> {
        let card = self
            .board
            .card
            .and_then(|id| self.session.card(id))
            .cloned();
        if card.is_none() {
            self.notice = Some(Notice::NoCard);
        }
        card
    }

    /// Applies `change` to the selected card, if there is one.
    pub(in crate::app) fn change_card(
        &mut self,
        change: impl Fn(CardId) -> CardAction,
        now: DateTime<Utc>,
    ) -> Unsaved {
        match self.card_or_hint() {
            Some(card) => self.change_session(SessionAction::Card(change(card.id)), now),
            None => Unsaved::Nothing,
        }
    }

    /// The ids of the selected group's cards in the current segment, in board order.
    pub(in crate::app) fn cards_of_selection(&self) -> Vec<CardId> {
        self.session
            .cards_in(self.session.current, self.writing_lane())
            .iter()
            .map(|card| card.id)
            .collect()
    }

    pub(in crate::app) fn step_card(&mut self, step: i8) {
        let cards = self.cards_of_selection();
        let position = self
            .board
            .card
            .and_then(|id| cards.iter().position(|card| *card == id));
        let next = match position {
            Some(position) => position
                .saturating_add_signed(isize::from(step))
                .min(cards.len().saturating_sub(1)),
            None if step < 0 => cards.len().saturating_sub(1),
            None => 0,
        };
        self.board.card = cards.get(next).copied();
    }

    pub(in crate::app) fn step_group(&mut self, step: i8) {
        let count = self.session.group_count_in(self.session.current);
        let lanes: Vec<Lane> = Lane::all(count).collect();
        let position = lanes
            .iter()
            .position(|lane| *lane == self.board.lane)
            .unwrap_or(0);
        let next = (position as isize + isize::from(step)).rem_euclid(lanes.len() as isize);
        self.board.lane = lanes[next as usize];
    }

    /// After a change of group, segment or cards: the selected card stays if it
    /// is on the selected group's board, else the group's latest card is selected.
    pub(in crate::app) fn keep_selection_in_view(&mut self) {
        let cards = self.cards_of_selection();
        if self.board.card.is_some_and(|id| cards.contains(&id)) {
            return;
        }
        self.board.card = cards.iter().max().copied();
    }

    /// The selected column (in a matrix the selected cell, counted row by
    /// row), when the current segment's board has columns.
    pub fn selected_column(&self) -> Option<usize> {
        let count = self.session.cells(self.session.current)?.len();
        Some(self.board.column.min(count.saturating_sub(1)))
    }

    /// Selects the column after (+1) or before (-1), round the ends.
    pub(in crate::app) fn step_column(&mut self, step: i8) {
        let Some(count) = self.session.cells(self.session.current).map(|c| c.len()) else {
            self.notice = Some(Notice::NoColumns);
            return;
        };
        let current = self.selected_column().unwrap_or(0) as isize;
        self.board.column =
            (current + isize::from(step)).rem_euclid(count.max(1) as isize) as usize;
    }

    /// The selected column follows the selected card.
    pub(in crate::app) fn column_of_selected_card(&mut self) {
        let Some(cells) = self.session.cells(self.session.current) else {
            return;
        };
        let card = self.board.card.and_then(|id| self.session.card(id));
        if let Some(index) = card.and_then(|card| cells.iter().position(|cell| cell.holds(card))) {
            self.board.column = index;
        }
    }
}
