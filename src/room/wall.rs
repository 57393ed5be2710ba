//! The wall: every group's cards of the segment on screen, read-only, as
//! Padlet's wall showed them. Groups side by side on a wide screen, stacked on
//! a phone, and a plain page when printed.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::pages::{page, segment, stage_mark};
use super::snapshot::{Snapshot, SnapshotCard};
use crate::i18n::room_words;
use crate::session::{Lane, PRIORITY_MARK};

/// The wall page, or a note that it is not open.
pub fn wall_page(snapshot: &Snapshot, now: DateTime<Utc>) -> Markup {
    let words = room_words(snapshot.language);
    page(
        snapshot,
        Some("/events?wall=true".to_owned()),
        html! {
            section #segment data-stage=(stage_mark(snapshot)) {
                (segment(snapshot, &snapshot.questions_for(crate::session::Lane::Plenary), words, now))
            }
            section #cards {
                @if !snapshot.wall || !snapshot.open {
                    p.waiting { (words.wall_closed) }
                } @else {
                    h2 { (words.wall_heading) }
                    div.wall {
                        @if snapshot.personal {
                            section.lane {
                                h3 { (words.everyone) }
                                (lane(snapshot, Lane::Plenary))
                            }
                        }
                        @for (group, name) in snapshot.groups.iter().enumerate() {
                            @if !snapshot.personal || snapshot.cards_of(Lane::Group(group)).next().is_some() {
                                section.lane {
                                    h3 { (name) }
                                    (lane(snapshot, Lane::Group(group)))
                                }
                            }
                        }
                    }
                }
            }
            p.footer { a href="/groups" { (words.back) } }
        },
    )
}

/// A lane's cards, under their columns when the segment has them (in a
/// matrix under each row's cells, row by row).
fn lane(snapshot: &Snapshot, lane: Lane) -> Markup {
    let cards: Vec<&SnapshotCard> = snapshot.cards_of(lane).collect();
    if snapshot.columns.is_empty() {
        return card_list(&cards);
    }
    let rows: Vec<Option<&String>> = match snapshot.rows.is_empty() {
        true => vec![None],
        false => snapshot.rows.iter().map(Some).collect(),
    };
    html! {
        @for row in &rows {
            @for column in &snapshot.columns {
                @let in_cell: Vec<&SnapshotCard> = cards.iter().copied().filter(|card| card.column.as_ref() == Some(column) && card.row.as_ref() == *row).collect();
                @if !in_cell.is_empty() {
                    h4.column {
                        @if let Some(row) = row { (row) " · " }
                        (column)
                    }
                    (card_list(&in_cell))
                }
            }
        }
    }
}

fn card_list(cards: &[&SnapshotCard]) -> Markup {
    html! {
        ul.cards {
            @for card in cards {
                li.card.priority[card.priority] {
                    @if card.priority { p.mark { (PRIORITY_MARK) } }
                    @if let Some(tag) = &card.tag { p.column { (tag) } }
                    p.text { (card.text) }
                }
            }
        }
    }
}
