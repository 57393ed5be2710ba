//! The room's pages as HTML, built with maud: everything from the session or
//! a phone is escaped, and no page has inline script or style (the
//! Content-Security-Policy forbids both). Forms work without JavaScript.

use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};

use super::snapshot::{Countdown, Snapshot, SnapshotCard, lane_number};
use crate::i18n::{RoomWords, room_words};
use crate::session::{Lane, PRIORITY_MARK};

/// Longest card text a form takes, in characters.
pub const CARD_MAX_CHARS: usize = super::limits::TEXT_MAX_CHARS;

/// A whole page: `heading` and `body` in the room's frame.
pub(super) fn page(snapshot: &Snapshot, live: Option<String>, body: Markup) -> Markup {
    let words = room_words(snapshot.language);
    html! {
        (DOCTYPE)
        html lang=(words.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (snapshot.title) " · " (words.page_title) }
                link rel="stylesheet" href="/room.css";
                script src="/room.js" defer {}
            }
            body data-events=[live] {
                header { p.title { (snapshot.title) } }
                main { (body) }
            }
        }
    }
}

/// The first page: the code field.
pub fn join(snapshot: &Snapshot, problem: Option<&str>) -> Markup {
    let words = room_words(snapshot.language);
    page(
        snapshot,
        None,
        html! {
            h1 { (words.join_heading) }
            @if let Some(problem) = problem { p.problem role="alert" { (problem) } }
            form method="post" action="/join" {
                label for="code" { (words.join_prompt) }
                input #code name="code" type="text" inputmode="text" autocomplete="off"
                    autocapitalize="characters" maxlength="12" required autofocus
                    aria-label=(words.code_label);
                button type="submit" { (words.join_button) }
            }
        },
    )
}

/// The groups to pick from.
pub fn groups(snapshot: &Snapshot) -> Markup {
    let words = room_words(snapshot.language);
    page(
        snapshot,
        None,
        html! {
            @if snapshot.personal {
                h1 { (words.write_alone) }
                p { (words.anonymous_note) }
                p { a.button href="/g/0" { (words.write_alone) } }
            } @else {
                @if snapshot.group_set.is_some() {
                    p.kind { (snapshot.heading) }
                    h1 { (words.pick_new_group) }
                } @else {
                    h1 { (words.pick_group) }
                }
                @if snapshot.poll.is_some() {
                    p { a.button href="/poll" { (words.answer_link) } }
                }
                @if snapshot.dots.is_some() && snapshot.open {
                    p { a.button href="/dots" { (words.dots_link) } }
                }
                ul.groups {
                    @for (index, name) in snapshot.groups.iter().enumerate() {
                        li { a.button href=(snapshot.group_address(index + 1, "")) { (name) } }
                    }
                }
            }
            @if snapshot.wall { p.footer { a href="/wall" { (words.wall_link) } } }
        },
    )
}

/// What a device needs to post: its number and its form check.
#[derive(Debug, Clone, Copy)]
pub struct Writer<'a> {
    /// The device's number.
    pub device: u32,
    /// The check its forms carry.
    pub form_check: &'a str,
}

/// The column and the row a phone chose for its last card, kept for its next.
#[derive(Debug, Clone, Copy, Default)]
pub struct Chosen<'a> {
    /// The column.
    pub column: Option<&'a str>,
    /// The matrix's row.
    pub row: Option<&'a str>,
}

/// A group's page: its name, the segment, the form, the group's cards.
/// Where people write alone or in pairs, the room's lane: a page of the
/// device's own.
pub fn group_page(
    snapshot: &Snapshot,
    lane: Lane,
    writer: Writer,
    chosen: Chosen,
    now: DateTime<Utc>,
) -> Markup {
    let words = room_words(snapshot.language);
    let number = lane_number(lane);
    let events = format!("/events?group={number}");
    let card_label = match lane {
        Lane::Plenary => words.own_card_label,
        Lane::Group(_) => words.card_label,
    };
    let group = lane.group().and_then(|group| snapshot.groups.get(group));
    page(
        snapshot,
        Some(events),
        html! {
            section #segment data-stage=(stage_mark(snapshot)) {
                @if let Some(group) = group { p.group { (words.your_group) " " strong { (group) } } }
                (segment(snapshot, &snapshot.questions_for(lane), words, now))
            }
            section #write {
                @if !snapshot.open {
                    h2 { (words.closed_heading) }
                    p { (words.closed_text) }
                } @else if snapshot.countdown == Countdown::Over {
                } @else if snapshot.posting {
                    h2 { (words.write_heading) }
                    form method="post" action=(snapshot.group_address(number, "/cards")) {
                        input type="hidden" name="check" value=(writer.form_check);
                        input type="hidden" name="segment" value=(snapshot.segment);
                        label for="text" { (card_label) }
                        textarea #text name="text" rows="4" maxlength=(CARD_MAX_CHARS) required {}
                        (choice("row", &snapshot.rows, chosen.row, words.row_label))
                        (choice("column", &snapshot.columns, chosen.column, words.column_label))
                        button type="submit" { (words.post_button) }
                    }
                } @else if snapshot.poll.is_some() {
                    p { a.button href="/poll" { (words.answer_link) } }
                } @else {
                    p.waiting { (words.not_posting) }
                }
            }
            section #cards {
                (cards(snapshot, lane, writer, words))
            }
            p.footer {
                @if snapshot.wall { a href="/wall" { (words.wall_link) } " · " }
                @if lane == Lane::Plenary { a href="/groups" { (words.back) } }
                @else { a href="/groups" { (words.change_group) } }
            }
        },
    )
}

/// The form that changes one of the device's own cards.
pub fn edit_page(snapshot: &Snapshot, card: &SnapshotCard, writer: Writer) -> Markup {
    let words = room_words(snapshot.language);
    let back = snapshot.group_address(lane_number(card.lane), "");
    page(
        snapshot,
        None,
        html! {
            h1 { (words.edit) }
            form method="post" action={ "/c/" (card.id) "/edit" } {
                input type="hidden" name="check" value=(writer.form_check);
                input type="hidden" name="revision" value=(card.revision);
                label for="text" { (words.card_label) }
                textarea #text name="text" rows="5" maxlength=(CARD_MAX_CHARS) required { (card.text) }
                (choice("row", &snapshot.rows, card.row.as_deref(), words.row_label))
                (choice("column", &snapshot.columns, card.column.as_deref(), words.column_label))
                button type="submit" { (words.save) }
            }
            p.footer { a href=(back) { (words.back) } }
        },
    )
}

/// The question before one of the device's own cards is removed.
pub fn remove_page(snapshot: &Snapshot, card: &SnapshotCard, writer: Writer) -> Markup {
    let words = room_words(snapshot.language);
    let back = snapshot.group_address(lane_number(card.lane), "");
    page(
        snapshot,
        None,
        html! {
            h1 { (words.remove_question) }
            p.text { (card.text) }
            p { (words.remove_note) }
            form method="post" action={ "/c/" (card.id) "/delete" } {
                input type="hidden" name="check" value=(writer.form_check);
                button type="submit" { (words.delete) }
            }
            p.footer { a.button href=(back) { (words.keep) } }
        },
    )
}

/// An edit from a form older than the card: the card as it is `now`, and
/// the device's own text given back to copy.
pub fn stale(snapshot: &Snapshot, now: &str, kept: &str, back: &str) -> Markup {
    let words = room_words(snapshot.language);
    page(
        snapshot,
        None,
        html! {
            h1 { (words.refused_heading) }
            p role="alert" { (words.stale) }
            p.text.current { (now) }
            p { (words.text_kept) }
            textarea.kept readonly rows="5" aria-label=(words.card_label) { (kept) }
            p.footer { a.button href=(back) { (words.back) } }
        },
    )
}

/// A page that says why something did not happen; `kept` is text the
/// device sent, given back so that nothing typed is lost.
pub fn message(
    snapshot: &Snapshot,
    heading: &str,
    text: &str,
    kept: Option<&str>,
    back: &str,
) -> Markup {
    let words = room_words(snapshot.language);
    page(
        snapshot,
        None,
        html! {
            h1 { (heading) }
            p role="alert" { (text) }
            @if let Some(kept) = kept.filter(|kept| !kept.trim().is_empty()) {
                p { (words.text_kept) }
                textarea.kept readonly rows="5" aria-label=(words.card_label) { (kept) }
            }
            p.footer { a.button href=(back) { (words.back) } }
        },
    )
}

/// What a live page compares to know whether the segment or the room changed.
pub fn stage_mark(snapshot: &Snapshot) -> String {
    let (segment, posting, open, wall, voting) = snapshot.stage();
    let revealed = snapshot
        .poll
        .as_ref()
        .is_some_and(|poll| poll.results.is_some());
    let closed = snapshot.poll.as_ref().is_some_and(|poll| poll.closed);
    let flags =
        [posting, open, wall, revealed, closed, voting].map(|flag| u8::from(flag).to_string());
    // A pause, a minute more or the day's end reaches the phones too.
    let countdown = match snapshot.countdown {
        Countdown::NotStarted => "n".to_owned(),
        Countdown::Running { ends } => format!("r{}", ends.timestamp()),
        Countdown::Paused { seconds } => format!("p{seconds}"),
        Countdown::Over => "o".to_owned(),
    };
    format!("{segment}-{}-{countdown}", flags.join(""))
}

/// The segment as a page shows it, with `questions` (the segment's, and a
/// group's own on its page).
pub(super) fn segment(
    snapshot: &Snapshot,
    questions: &[&str],
    words: &RoomWords,
    now: DateTime<Utc>,
) -> Markup {
    html! {
        @if !snapshot.kind.is_empty() { p.kind { (snapshot.kind) } }
        h1 { (snapshot.heading) }
        (countdown(snapshot, words, now))
        @if let Some(instruction) = &snapshot.instruction { p.instruction { (instruction) } }
        @if !questions.is_empty() {
            h2.questions { (words.questions) }
            ol.questions { @for question in questions { li { (question) } } }
        }
    }
}

/// The countdown as text at `now`; a page with JavaScript counts on from
/// `data-ends`, taking the phone's clock out by `data-now`.
fn countdown(snapshot: &Snapshot, words: &RoomWords, now: DateTime<Utc>) -> Markup {
    match snapshot.countdown {
        Countdown::NotStarted => html! { p.countdown { (words.not_started) } },
        Countdown::Over => html! {
            p.countdown.over { (snapshot.over) }
        },
        Countdown::Paused { seconds } => html! {
            p.countdown { (words.paused) " · " (minutes_text(seconds, words)) }
        },
        Countdown::Running { ends } => html! {
            p.countdown #countdown data-ends=(ends.timestamp_millis())
                data-now=(now.timestamp_millis())
                data-left=(words.minutes_left) data-over=(words.minutes_over) {
                (minutes_text((ends - now).num_seconds(), words))
            }
        },
    }
}

/// "12 min kvar", "3 min över": whole minutes, rounded up while left.
fn minutes_text(seconds: i64, words: &RoomWords) -> String {
    if seconds >= 0 {
        format!("{} {}", (seconds + 59) / 60, words.minutes_left)
    } else {
        format!("{} {}", -seconds / 60, words.minutes_over)
    }
}

/// The lane's cards: a group's every card; alone or in pairs only the
/// device's own, since what the others write is theirs until the wall shows it.
fn cards(snapshot: &Snapshot, lane: Lane, writer: Writer, words: &RoomWords) -> Markup {
    let cards: Vec<&SnapshotCard> = snapshot
        .cards_of(lane)
        .filter(|card| lane != Lane::Plenary || card.device == Some(writer.device))
        .collect();
    let heading = match lane {
        Lane::Plenary => words.own_cards_heading,
        Lane::Group(_) => words.cards_heading,
    };
    let marked = cards.iter().filter(|card| card.priority).count();
    let voting = snapshot
        .voting
        .filter(|_| snapshot.open && lane != Lane::Plenary);
    html! {
        @if snapshot.dots.is_some() && snapshot.open {
            p.voting role="status" { a.button href="/dots" { (words.dots_link) } }
        }
        h2 { (heading) }
        @if let Some(limit) = voting {
            p.voting role="status" { (words.pick_priorities) " (" (marked) "/" (limit) ")" }
        }
        @if cards.is_empty() { p.none { (words.no_cards) } }
        ul.cards {
            @for card in cards {
                @let own = card.device == Some(writer.device);
                li.card.own[own].priority[card.priority] {
                    @if card.priority { p.mark { (PRIORITY_MARK) " " (words.priority) } }
                    @if let Some(column) = &card.column {
                        p.column {
                            @if let Some(row) = &card.row { (row) " · " }
                            (column)
                        }
                    }
                    p.text { (card.text) }
                    @if voting.is_some() {
                        form.actions method="post" action={ "/c/" (card.id) "/priority" } {
                            input type="hidden" name="check" value=(writer.form_check);
                            button.small type="submit" {
                                @if card.priority { (words.unmark_priority) } @else { (PRIORITY_MARK) " " (words.mark_priority) }
                            }
                        }
                    }
                    @if own && snapshot.posting && snapshot.open {
                        div.actions {
                            span.yours { (words.yours) }
                            a.button.small href={ "/c/" (card.id) "/edit" } { (words.edit) }
                            a.button.small href={ "/c/" (card.id) "/delete" } { (words.delete) }
                        }
                    }
                }
            }
        }
    }
}

/// The column (or a matrix's row) field of a segment that has them as
/// radio buttons named `name`: `chosen`, else the first.
fn choice(name: &str, options: &[String], chosen: Option<&str>, legend: &str) -> Markup {
    let Some(first) = options.first() else {
        return html! {};
    };
    let chosen = chosen.unwrap_or(first);
    html! {
        fieldset.columns {
            legend { (legend) }
            @for (index, option) in options.iter().enumerate() {
                label.column {
                    input type="radio" name=(name) value=(option) checked[option == chosen]
                        id={ (name) "-" (index) };
                    span { (option) }
                }
            }
        }
    }
}

/// The room's style sheet: big tap targets, readable at 360 px.
pub const STYLE: &str = include_str!("room.css");

/// The live page's script: the countdown, and a reload of what changed when
/// the server says so. Never on a page without it: forms post and redirect.
pub const SCRIPT: &str = include_str!("room.js");

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot() -> Snapshot {
        Snapshot {
            open: true,
            title: "Seminarium <1>".into(),
            groups: vec!["Grupp 1".into(), "Norr & Söder".into()],
            heading: "Handlingsplan".into(),
            columns: vec!["nu".into(), "inom ett år".into()],
            posting: true,
            cards: vec![SnapshotCard {
                revision: 0,
                id: crate::session::CardId(7),
                lane: Lane::Group(1),
                text: "<script>alert(1)</script>".into(),
                column: Some("inom ett år".into()),
                row: None,
                tag: None,
                device: Some(3),
                priority: false,
                dotted_by: Default::default(),
            }],
            ..Snapshot::default()
        }
    }

    /// Group 2's page as device `device` sees it.
    fn page_of(device: u32) -> String {
        let writer = Writer {
            device,
            form_check: "abc",
        };
        let chosen = Chosen::default();
        group_page(&snapshot(), Lane::Group(1), writer, chosen, Utc::now()).into_string()
    }

    #[test]
    fn text_from_the_session_is_escaped() {
        let html = page_of(3);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("Seminarium &lt;1&gt;"));
        assert!(!html.contains("<style"));
        // The device's own card can be changed; the only script is the file.
        assert!(html.contains("/c/7/edit"));
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn another_devices_card_has_no_edit() {
        let html = page_of(4);
        assert!(!html.contains("/c/7/edit"));
    }

    #[test]
    fn minutes_round_up_while_left_and_down_when_over() {
        let words = room_words(crate::agenda::Language::Sv);
        assert_eq!(minutes_text(61, words), "2 min kvar");
        assert_eq!(minutes_text(0, words), "0 min kvar");
        assert_eq!(minutes_text(-130, words), "2 min över");
    }
}
