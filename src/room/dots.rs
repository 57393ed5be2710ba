//! Dot voting across the room: every group's cards of the segment on
//! screen, each with a button that gives it the device's dot or takes it
//! back. A device sees its own dots and how many it has left, never the
//! others', so that each votes for what it finds important.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::pages::{Writer, page, segment, stage_mark};
use super::snapshot::{Snapshot, SnapshotCard};
use crate::i18n::room_words;
use crate::session::Lane;

/// The page of dots for the device `writer`, or a note that the room does
/// not vote now.
pub fn dots_page(snapshot: &Snapshot, writer: Writer, now: DateTime<Utc>) -> Markup {
    let words = room_words(snapshot.language);
    let lanes = snapshot
        .personal
        .then_some((Lane::Plenary, words.everyone))
        .into_iter()
        .chain(
            snapshot
                .groups
                .iter()
                .enumerate()
                .map(|(group, name)| (Lane::Group(group), name.as_str())),
        );
    page(
        snapshot,
        Some("/events?wall=true".to_owned()),
        html! {
            section #segment data-stage=(stage_mark(snapshot)) {
                (segment(snapshot, &snapshot.questions_for(Lane::Plenary), words, now))
            }
            section #cards {
                @match (snapshot.dots, snapshot.dots_left(writer.device)) {
                    (Some(total), Some(left)) if snapshot.open => {
                        h2 { (words.dots_heading) }
                        p.voting role="status" {
                            (words.dots_left.replace("{left}", &left.to_string()).replace("{total}", &total.to_string()))
                        }
                        @for (lane, name) in lanes {
                            @let cards: Vec<&SnapshotCard> = snapshot.cards_of(lane).collect();
                            @if !cards.is_empty() {
                                h3 { (name) }
                                ul.cards {
                                    @for card in cards {
                                        (dotted_card(card, writer, left > 0, words))
                                    }
                                }
                            }
                        }
                    }
                    _ => p.waiting { (words.dots_closed) },
                }
            }
            p.footer { a href="/groups" { (words.back) } }
        },
    )
}

/// One card with the device's dot or its button; none where it has no dot
/// left to give.
fn dotted_card(
    card: &SnapshotCard,
    writer: Writer,
    dots_left: bool,
    words: &crate::i18n::RoomWords,
) -> Markup {
    let given = card.dotted_by.contains(&writer.device);
    html! {
        li.card.dotted[given] {
            @if let Some(column) = &card.column {
                p.column {
                    @if let Some(row) = &card.row { (row) " · " }
                    (column)
                }
            }
            p.text { (card.text) }
            @if given || dots_left {
                form.actions method="post" action={ "/c/" (card.id) "/dot" } {
                    input type="hidden" name="check" value=(writer.form_check);
                    button.small type="submit" {
                        @if given { (words.take_dot) } @else { (words.give_dot) }
                    }
                }
            }
        }
    }
}
