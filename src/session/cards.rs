//! Cards: what a group, or the whole room, said in a segment, as the note-taker
//! typed it, and the facilitator's private notes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::is_blank;

use super::{FollowUp, Lane, Session};
use crate::session::SegmentIx;

/// A card's stable id, unique within its session; kept in files as the
/// number it is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CardId(pub u64);

impl CardId {
    /// The id after this one.
    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }
}

impl std::fmt::Display for CardId {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(formatter)
    }
}

/// What marks a card as one of its group's priorities, on every screen,
/// page and export.
pub const PRIORITY_MARK: &str = "★";

/// One note on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Stable id: never reused, not even after a deletion.
    pub id: CardId,
    /// The agenda segment (0-based) the card was written in.
    pub segment: SegmentIx,
    /// The group (0-based); `None` for the whole room.
    pub group: Lane,
    /// The text exactly as typed; lines separated by `\n`.
    pub text: String,
    /// One of the agenda's tags (by default the ROS categories).
    #[serde(default)]
    pub tag: Option<String>,
    /// Whether the card is a quote.
    #[serde(default)]
    pub quote: bool,
    /// The horizon (action plan) or heading (vision) the card sits under.
    #[serde(default)]
    pub horizon: Option<String>,
    /// The row of a matrix the card sits in, across its column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// When the card was saved first.
    pub created: DateTime<Utc>,
    /// When its text was last changed.
    #[serde(default)]
    pub edited: Option<DateTime<Utc>>,
    /// The device that posted it from the room's page: a number counted
    /// within the session, nothing that tells who; `None` for a card typed on
    /// the run screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_room: Option<u32>,
    /// Taken down by the facilitator: kept in the session, left out of the
    /// room's pages and the summary.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// One of its group's priorities (dot voting), in a segment that asks for them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub priority: bool,
    /// Dots given to it in a segment that votes across the room, counted
    /// by hand from the wall and added on the run screen.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dots: u32,
    /// The devices that gave it a dot from the room's page, by number in
    /// the session (nothing that tells who), so each gives one at most.
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub dotted_by: std::collections::BTreeSet<u32>,
    /// Its place in its column when moved with J/K; the id until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u64>,
    /// In a follow-up, where the item came from, how far it has come and
    /// what was said about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// A follow-up's status as files before version 6 kept it, on the card
    /// itself: read, moved into `follow_up` as the session is read, never
    /// written.
    #[serde(default, rename = "status", skip_serializing)]
    pub(super) status_before_6: Option<super::ItemStatus>,
    /// A follow-up's comment as files before version 6 kept it.
    #[serde(default, rename = "comment", skip_serializing)]
    pub(super) comment_before_6: Option<String>,
    /// Where a follow-up's item came from, as files before version 6 kept it.
    #[serde(default, rename = "brought", skip_serializing)]
    pub(super) brought_before_6: Option<super::Brought>,
    /// How many times its text was changed: an edit from a phone names the
    /// revision its form showed, and one from an older revision is refused.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// Removed from the room's page by the device that posted it: the card
    /// stays in the session, hidden, until the note-taker brings it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Removed>,
}

/// Who removed a card from a phone, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The device, by its number in the session.
    pub device: u32,
    /// When.
    pub at: DateTime<Utc>,
}

fn is_zero(revision: &u32) -> bool {
    *revision == 0
}

/// What one action did to the session, so that whoever needs to know reads
/// it here rather than comparing the session before and after.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Something that is saved changed.
    pub changed: bool,
    /// The card it added, if it added one.
    pub added: Option<CardId>,
    /// Why it changed nothing, where a rule refused it.
    pub refused: Option<Refused>,
}

impl Applied {
    /// A change, or nothing, as `changed` says.
    pub fn changed(changed: bool) -> Self {
        Self {
            changed,
            ..Self::default()
        }
    }

    fn refused(why: Refused) -> Self {
        Self {
            refused: Some(why),
            ..Self::default()
        }
    }
}

/// Why a change to a card was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Only blanks.
    Blank,
    /// No such card, or no such segment or group for a new one.
    Unknown,
    /// An edit from an older revision of the card than it has now.
    Stale,
}

/// A place on a board a card can sit in: a column, or in a matrix a row's
/// cell under a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The matrix row; `None` on a board of columns only.
    pub row: Option<String>,
    /// The column.
    pub column: String,
}

impl Cell {
    /// Its name as a list or a status line shows it: "Regelverk · Individ".
    pub fn label(&self) -> String {
        match &self.row {
            Some(row) => format!("{row} · {}", self.column),
            None => self.column.clone(),
        }
    }

    /// Whether `card` sits in it.
    pub fn holds(&self, card: &Card) -> bool {
        card.horizon.as_deref() == Some(self.column.as_str()) && card.row == self.row
    }
}

impl Card {
    /// In a follow-up, how far the item has come.
    pub fn status(&self) -> Option<super::ItemStatus> {
        self.follow_up
            .as_ref()
            .and_then(|follow_up| follow_up.status)
    }

    /// In a follow-up, what was said about the item.
    pub fn comment(&self) -> Option<&str> {
        self.follow_up
            .as_ref()
            .and_then(|follow_up| follow_up.comment.as_deref())
    }

    /// In a follow-up, where the item was first written.
    pub fn brought(&self) -> Option<&super::Brought> {
        self.follow_up
            .as_ref()
            .and_then(|follow_up| follow_up.brought.as_ref())
    }

    /// Moves a follow-up's fields as files before version 6 kept them into
    /// the card's follow-up record.
    pub(super) fn take_in_fields_before_6(&mut self) {
        let (status, comment, brought) = (
            self.status_before_6.take(),
            self.comment_before_6.take(),
            self.brought_before_6.take(),
        );
        if status.is_some() || comment.is_some() || brought.is_some() {
            self.follow_up = Some(FollowUp {
                status,
                comment,
                brought,
            });
        }
    }

    /// Where the card stands in its column: cards sort by this.
    pub fn place(&self) -> u64 {
        self.rank.unwrap_or(self.id.0)
    }
}

/// A change to the cards or notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardAction {
    /// A new card; text that is only blanks adds nothing.
    Add {
        segment: SegmentIx,
        group: Lane,
        text: String,
    },
    /// New text for a card; blank text deletes it. From a phone, `since`
    /// is the revision its form showed: an older one than the card's is
    /// refused. The keyboard edits without one: while its editor is open on
    /// a card, no phone may change it.
    Edit {
        id: CardId,
        text: String,
        #[serde(default)]
        since: Option<u32>,
    },
    /// A new card in the segment's column `column` (0-based; the first when
    /// the segment has no such column).
    AddInColumn {
        segment: SegmentIx,
        group: Lane,
        text: String,
        column: usize,
    },
    /// A new card posted from the room's page by device `device`, in
    /// `column` (and a matrix's `row`) when the segment has columns (the
    /// first cell when it names none of them).
    Post {
        segment: SegmentIx,
        group: Lane,
        text: String,
        column: Option<String>,
        #[serde(default)]
        row: Option<String>,
        device: u32,
    },
    /// Removes a card.
    Delete { id: CardId },
    /// Device `device` removes the card it posted: hidden, kept, and marked
    /// with who and when, so nothing a phone does destroys work.
    Remove { id: CardId, device: u32 },
    /// Takes a card down from the room's pages and the summary, or puts it
    /// back (a card removed from a phone too).
    ToggleHidden { id: CardId },
    /// Moves a card one place up in its group's column.
    Earlier { id: CardId },
    /// Moves a card one place down in its group's column.
    Later { id: CardId },
    /// The next tag of the agenda's tag set, then none.
    CycleTag { id: CardId },
    /// Marks a card as a quote, or unmarks it.
    ToggleQuote { id: CardId },
    /// Marks a card as one of its group's priorities, while the group has
    /// marked fewer than the segment allows, or unmarks it.
    TogglePriority { id: CardId },
    /// One more dot, counted by hand, on a card of a segment that votes
    /// across the room.
    AddDot { id: CardId },
    /// One dot counted by hand fewer (a phone's stay).
    RemoveDot { id: CardId },
    /// A device's dot on a card, while it has dots left, or its dot taken back.
    ToggleDot { id: CardId, device: u32 },
    /// Moves a card to the next horizon (or vision heading), round to the first.
    NextHorizon { id: CardId },
    /// Moves a card to the horizon before, round to the last.
    PreviousHorizon { id: CardId },
    /// Moves a card to another group (or the whole room), keeping its tag,
    /// quote mark and column.
    MoveToGroup { id: CardId, group: Lane },
    /// The facilitator's private note for a segment; blank text removes it.
    SetPrivateNote { segment: SegmentIx, text: String },
    /// The next status of an item in a follow-up: done, under way, not
    /// started, none.
    CycleStatus { id: CardId },
    /// The comment on an item in a follow-up; blank text removes it.
    SetComment { id: CardId, text: String },
}

/// The item after `current` in `items`, or `None` after the last; the first
/// when `current` is `None` or not in the list.
fn next_in<'a>(items: &'a [String], current: Option<&str>) -> Option<&'a String> {
    match current.and_then(|current| items.iter().position(|item| item == current)) {
        Some(index) => items.get(index + 1),
        None => items.first(),
    }
}

impl Session {
    /// The columns cards of segment `index` sit in: those it declares, the
    /// horizons of an action plan, the headings of a vision; `None` for a shelf.
    pub fn columns(&self, index: SegmentIx) -> Option<Vec<String>> {
        let segment = self.agenda.segments.get(index.0)?;
        segment.column_set(self.agenda.language)
    }

    /// The rows of segment `index`'s matrix, if it is one.
    pub fn rows(&self, index: SegmentIx) -> Option<Vec<String>> {
        let segment = self.agenda.segments.get(index.0)?;
        segment.matrix_rows(self.agenda.language)
    }

    /// Every place a card of segment `index` can sit in, in board order: the
    /// columns, or in a matrix each row's cells left to right, row by row.
    pub fn cells(&self, index: SegmentIx) -> Option<Vec<Cell>> {
        let columns = self.columns(index)?;
        let rows: Vec<Option<String>> = match self.rows(index) {
            Some(rows) => rows.into_iter().map(Some).collect(),
            None => vec![None],
        };
        Some(
            rows.iter()
                .flat_map(|row| {
                    columns.iter().map(|column| Cell {
                        row: row.clone(),
                        column: column.clone(),
                    })
                })
                .collect(),
        )
    }

    /// The tags cards of segment `index` carry: its own, else the agenda's.
    pub fn tags(&self, index: SegmentIx) -> Vec<String> {
        match self
            .agenda
            .segments
            .get(index.0)
            .and_then(|s| s.tags.clone())
        {
            Some(tags) => tags,
            None => self.agenda.tag_set(),
        }
    }

    /// Every tag of the agenda and its segments, each once, in the order
    /// they are first declared.
    pub fn every_tag(&self) -> Vec<String> {
        let mut tags = self.agenda.tag_set();
        for segment in &self.agenda.segments {
            for tag in segment.tags.iter().flatten() {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
            }
        }
        tags
    }

    /// The cards of `group` in segment `index`, in board order: by column, then
    /// in the order they were written.
    pub fn cards_in(&self, index: SegmentIx, group: Lane) -> Vec<&Card> {
        let cells = self.cells(index).unwrap_or_default();
        let column_of = |card: &Card| {
            cells
                .iter()
                .position(|cell| cell.holds(card))
                .unwrap_or(cells.len())
        };
        let mut cards: Vec<&Card> = self
            .cards
            .iter()
            .filter(|card| card.segment == index && card.group == group)
            .collect();
        cards.sort_by_key(|card| (column_of(card), card.place()));
        cards
    }

    /// Whether segment `index` has any card.
    pub fn has_cards(&self, index: SegmentIx) -> bool {
        self.cards.iter().any(|card| card.segment == index)
    }

    /// The session as its summary shows it: without the cards taken down.
    pub fn without_hidden(&self) -> std::borrow::Cow<'_, Session> {
        if !self.cards.iter().any(|card| card.hidden) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut shown = self.clone();
        shown.cards.retain(|card| !card.hidden);
        std::borrow::Cow::Owned(shown)
    }

    /// Moves a follow-up's fields, as files before version 6 kept them on
    /// each card, into the cards' follow-up records.
    pub fn take_in_follow_ups_before_6(&mut self) {
        for card in &mut self.cards {
            card.take_in_fields_before_6();
        }
    }

    /// The cards their devices removed from the room's page.
    pub fn removed_cards(&self) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(|card| card.removed.is_some())
    }

    /// The card with `id`.
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|card| card.id == id)
    }

    /// The private note of segment `index`, if any.
    pub fn private_note(&self, index: SegmentIx) -> Option<&str> {
        self.private_notes.get(&index).map(String::as_str)
    }

    pub(super) fn apply_card(&mut self, action: CardAction, now: DateTime<Utc>) -> Applied {
        match action {
            CardAction::Add {
                segment,
                group,
                text,
            } => self.add_card(segment, group, text, None, None, now),
            CardAction::AddInColumn {
                segment,
                group,
                text,
                column,
            } => {
                let cell = self
                    .cells(segment)
                    .and_then(|cells| cells.get(column).cloned());
                self.add_card(segment, group, text, cell, None, now)
            }
            CardAction::Post {
                segment,
                group,
                text,
                column,
                row,
                device,
            } => {
                let cell = column.map(|column| Cell { row, column });
                self.add_card(segment, group, text, cell, Some(device), now)
            }
            CardAction::Edit { id, text, since } => self.edit_card(id, text, since, now),
            CardAction::Delete { id } => self.delete_card(id),
            CardAction::Remove { id, device } => self.change(id, |card| {
                card.hidden = true;
                card.removed = Some(Removed { device, at: now });
            }),
            CardAction::Earlier { id } => self.swap_with_neighbour(id, -1),
            CardAction::Later { id } => self.swap_with_neighbour(id, 1),
            CardAction::ToggleHidden { id } => self.change(id, |card| {
                card.hidden = !card.hidden;
                if !card.hidden {
                    card.removed = None;
                }
            }),
            CardAction::CycleTag { id } => {
                let Some(segment) = self.card(id).map(|card| card.segment) else {
                    return Applied::refused(Refused::Unknown);
                };
                let tags = self.tags(segment);
                self.change(id, |card| {
                    card.tag = next_in(&tags, card.tag.as_deref()).cloned()
                })
            }
            CardAction::ToggleQuote { id } => self.change(id, |card| card.quote = !card.quote),
            CardAction::TogglePriority { id } => {
                if self.priority_allowed(id) != Some(true) {
                    return Applied::default();
                }
                self.change(id, |card| card.priority = !card.priority)
            }
            CardAction::AddDot { id } => match self.votes_across_the_room(id) {
                true => self.change(id, |card| card.dots += 1),
                false => Applied::default(),
            },
            CardAction::RemoveDot { id } => {
                self.change(id, |card| card.dots = card.dots.saturating_sub(1))
            }
            CardAction::ToggleDot { id, device } => self.toggle_dot(id, device),
            CardAction::NextHorizon { id } => self.step_cell(id, 1),
            CardAction::PreviousHorizon { id } => self.step_cell(id, -1),
            CardAction::MoveToGroup { id, group } => {
                let Some(segment) = self.card(id).map(|card| card.segment) else {
                    return Applied::refused(Refused::Unknown);
                };
                let count = self.group_count_in(segment);
                if group.group().is_some_and(|group| group >= count) {
                    return Applied::refused(Refused::Unknown);
                }
                self.change(id, |card| card.group = group)
            }
            CardAction::CycleStatus { id } => self.change(id, |card| {
                let follow_up = card.follow_up.get_or_insert_default();
                follow_up.status = super::ItemStatus::after(follow_up.status);
            }),
            CardAction::SetComment { id, text } => self.change(id, |card| {
                card.follow_up.get_or_insert_default().comment = (!is_blank(&text)).then_some(text);
            }),
            CardAction::SetPrivateNote { segment, text } => {
                let before = self.private_notes.get(&segment).cloned();
                if is_blank(&text) {
                    self.private_notes.remove(&segment);
                } else if segment < SegmentIx(self.agenda.segments.len()) {
                    self.private_notes.insert(segment, text);
                }
                Applied::changed(self.private_notes.get(&segment) != before.as_ref())
            }
        }
    }

    /// Changes card `id` as `change` says; what that came to.
    fn change(&mut self, id: CardId, change: impl FnOnce(&mut Card)) -> Applied {
        let Some(card) = self.card_mut(id) else {
            return Applied::refused(Refused::Unknown);
        };
        let before = card.clone();
        change(card);
        Applied::changed(*card != before)
    }

    /// New text for card `id`, from revision `since` if the writer names one.
    fn edit_card(
        &mut self,
        id: CardId,
        text: String,
        since: Option<u32>,
        now: DateTime<Utc>,
    ) -> Applied {
        let Some(card) = self.card_mut(id) else {
            return Applied::refused(Refused::Unknown);
        };
        if since.is_some_and(|since| since != card.revision) {
            return Applied::refused(Refused::Stale);
        }
        if is_blank(&text) {
            return self.delete_card(id);
        }
        if card.text == text {
            return Applied::default();
        }
        card.text = text;
        card.edited = Some(now);
        card.revision += 1;
        Applied::changed(true)
    }

    /// Whether card `id` may be marked or unmarked as a priority: `None` when
    /// its segment asks for no priorities, `Some(false)` when its group has
    /// marked all it may.
    pub fn priority_allowed(&self, id: CardId) -> Option<bool> {
        let card = self.card(id)?;
        let allowed = self.agenda.segments.get(card.segment.0)?.priorities?;
        let marked = self.priorities_marked(card.segment, card.group);
        Some(card.priority || marked < allowed as usize)
    }

    /// How many cards `group` has marked as priorities in `segment`.
    pub fn priorities_marked(&self, segment: SegmentIx, group: Lane) -> usize {
        self.cards
            .iter()
            .filter(|card| card.segment == segment && card.group == group && card.priority)
            .count()
    }

    /// Moves card `id` to the next cell (+1) or the one before (-1) of its
    /// board, round the ends; a card in no cell goes to the first.
    fn step_cell(&mut self, id: CardId, step: isize) -> Applied {
        let Some(card) = self.card(id) else {
            return Applied::refused(Refused::Unknown);
        };
        let cells = self.cells(card.segment).unwrap_or_default();
        if cells.is_empty() {
            return Applied::default();
        }
        let next = match cells.iter().position(|cell| cell.holds(card)) {
            Some(at) => (at as isize + step).rem_euclid(cells.len() as isize) as usize,
            None => 0,
        };
        let cell = cells[next].clone();
        self.change(id, |card| {
            card.horizon = Some(cell.column);
            card.row = cell.row;
        })
    }

    fn add_card(
        &mut self,
        segment: SegmentIx,
        group: Lane,
        text: String,
        cell: Option<Cell>,
        from_room: Option<u32>,
        now: DateTime<Utc>,
    ) -> Applied {
        if is_blank(&text) {
            return Applied::refused(Refused::Blank);
        }
        let count = self.group_count_in(segment);
        let known_group = group.group().is_none_or(|group| group < count);
        if segment >= SegmentIx(self.agenda.segments.len()) || !known_group {
            return Applied::refused(Refused::Unknown);
        }
        let cell = self.cells(segment).and_then(|cells| {
            // A cell the board has, else the one in the named column's first
            // row, else the first of all.
            let named = cell.and_then(|cell| {
                cells
                    .iter()
                    .find(|known| **known == cell)
                    .cloned()
                    .or_else(|| {
                        cells
                            .iter()
                            .find(|known| known.column == cell.column)
                            .cloned()
                    })
            });
            named.or_else(|| cells.into_iter().next())
        });
        let (horizon, row) = match cell {
            Some(cell) => (Some(cell.column), cell.row),
            None => (None, None),
        };
        self.cards.push(Card {
            id: self.next_card_id,
            segment,
            group,
            text,
            tag: None,
            quote: false,
            horizon,
            row,
            created: now,
            edited: None,
            from_room,
            hidden: false,
            priority: false,
            dots: 0,
            dotted_by: Default::default(),
            rank: None,
            follow_up: None,
            status_before_6: None,
            comment_before_6: None,
            brought_before_6: None,
            revision: 0,
            removed: None,
        });
        let added = self.next_card_id;
        self.next_card_id = self.next_card_id.next();
        Applied {
            changed: true,
            added: Some(added),
            refused: None,
        }
    }

    /// Swaps card `id` with the card before (-1) or after (+1) it in the same
    /// group and column, as the board and the summary order them.
    fn swap_with_neighbour(&mut self, id: CardId, step: isize) -> Applied {
        let Some(card) = self.card(id) else {
            return Applied::refused(Refused::Unknown);
        };
        let (segment, group) = (card.segment, card.group);
        let (column, row) = (card.horizon.clone(), card.row.clone());
        let column_mates: Vec<(CardId, u64)> = self
            .cards_in(segment, group)
            .into_iter()
            .filter(|card| card.horizon == column && card.row == row)
            .map(|card| (card.id, card.place()))
            .collect();
        let Some(position) = column_mates.iter().position(|(mate, _)| *mate == id) else {
            return Applied::default();
        };
        let Some(&(neighbour, neighbour_place)) = position
            .checked_add_signed(step)
            .and_then(|other| column_mates.get(other))
        else {
            return Applied::default();
        };
        let place = column_mates[position].1;
        if let Some(card) = self.card_mut(id) {
            card.rank = Some(neighbour_place);
        }
        if let Some(card) = self.card_mut(neighbour) {
            card.rank = Some(place);
        }
        Applied::changed(true)
    }

    fn delete_card(&mut self, id: CardId) -> Applied {
        let before = self.cards.len();
        self.cards.retain(|card| card.id != id);
        Applied::changed(self.cards.len() != before)
    }

    pub(super) fn card_mut(&mut self, id: CardId) -> Option<&mut Card> {
        self.cards.iter_mut().find(|card| card.id == id)
    }
}
