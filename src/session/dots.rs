//! Dot voting across the room: each participant's dots on any group's
//! cards of a segment that asks for them (`dots`), from phones (one a card
//! per device) and counted by hand from the wall, and the room's ranking.

use std::collections::BTreeMap;

use super::cards::Applied;
use super::{Card, CardId, SegmentIx, Session};

/// A card's place in the room's ranking: shared by cards with as many dots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked<'a> {
    /// 1 for the most dots; cards alike share it, and the next skips ahead.
    pub place: usize,
    pub card: &'a Card,
    pub dots: u32,
}

impl Card {
    /// Its dots: those counted by hand and those from phones.
    pub fn dot_count(&self) -> u32 {
        let from_phones = u32::try_from(self.dotted_by.len()).unwrap_or(u32::MAX);
        self.dots.saturating_add(from_phones)
    }
}

impl Session {
    /// Whether card `id` is in a segment that votes across the room.
    pub(super) fn votes_across_the_room(&self, id: CardId) -> bool {
        self.card(id)
            .and_then(|card| self.agenda.segments.get(card.segment.0))
            .is_some_and(|segment| segment.dots.is_some())
    }

    /// How many dots `device` has left to give in `segment`; `None` where
    /// the segment votes not across the room.
    pub fn dots_left(&self, segment: SegmentIx, device: u32) -> Option<u32> {
        let allowed = self.agenda.segments.get(segment.0)?.dots?;
        let given = self.dots_given(segment).get(&device).copied().unwrap_or(0);
        Some(allowed.saturating_sub(given))
    }

    /// How many dots each device has given in `segment`, on cards the room
    /// sees or not: a dot on a card taken down stays given.
    pub fn dots_given(&self, segment: SegmentIx) -> BTreeMap<u32, u32> {
        let mut given = BTreeMap::new();
        for card in self.cards.iter().filter(|card| card.segment == segment) {
            for device in &card.dotted_by {
                *given.entry(*device).or_insert(0) += 1;
            }
        }
        given
    }

    /// `device`'s dot on card `id`, or its dot taken back; refused, as no
    /// change, once it has none left.
    pub(super) fn toggle_dot(&mut self, id: CardId, device: u32) -> Applied {
        let Some(segment) = self.card(id).map(|card| card.segment) else {
            return Applied::changed(false);
        };
        let given = self
            .card(id)
            .is_some_and(|card| card.dotted_by.contains(&device));
        if !given && self.dots_left(segment, device).unwrap_or(0) == 0 {
            return Applied::changed(false);
        }
        let Some(card) = self.card_mut(id) else {
            return Applied::changed(false);
        };
        match given {
            true => card.dotted_by.remove(&device),
            false => card.dotted_by.insert(device),
        };
        Applied::changed(true)
    }

    /// The room's ranking in `segment`: every card the room sees that has a
    /// dot, most first, cards alike in the board's order.
    pub fn ranking(&self, segment: SegmentIx) -> Vec<Ranked<'_>> {
        let mut dotted: Vec<&Card> = self
            .cards
            .iter()
            .filter(|card| card.segment == segment && !card.hidden && card.dot_count() > 0)
            .collect();
        dotted.sort_by_key(|card| std::cmp::Reverse(card.dot_count()));
        let mut ranked: Vec<Ranked<'_>> = Vec::with_capacity(dotted.len());
        for (index, card) in dotted.into_iter().enumerate() {
            let dots = card.dot_count();
            let place = match ranked.last() {
                Some(before) if before.dots == dots => before.place,
                _ => index + 1,
            };
            ranked.push(Ranked { place, card, dots });
        }
        ranked
    }
}
