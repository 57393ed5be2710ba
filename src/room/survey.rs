//! The survey on the room's page: the sector, then a row of choices per
//! statement, the device's earlier answers checked; and, when the facilitator
//! shows them, the results as bars, never anyone's answers.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::pages::{Writer, page, segment};
use super::snapshot::{Snapshot, SnapshotPoll};
use crate::agenda::Sector;
use crate::i18n::{RoomWords, decimal, room_words};
use crate::session::Answer;

/// The survey page of a device.
pub fn poll_page(snapshot: &Snapshot, writer: Writer, now: DateTime<Utc>) -> Markup {
    let words = room_words(snapshot.language);
    page(
        snapshot,
        Some("/events?poll=true".to_owned()),
        html! {
            section #segment data-stage=(super::pages::stage_mark(snapshot)) {
                (segment(snapshot, words, now))
            }
            section #write {
                @match &snapshot.poll {
                    None => p.waiting { (words.not_posting) },
                    Some(poll) if !snapshot.open || poll.closed => p.waiting { (words.poll_closed) },
                    Some(poll) => (form(snapshot, poll, writer, words)),
                }
            }
            section #cards {
                @if let Some(results) = snapshot.poll.as_ref().and_then(|poll| poll.results.as_ref().map(|r| (poll, r))) {
                    (result_bars(snapshot, results.0, results.1, words))
                }
            }
            p.footer { a href="/groups" { (words.back) } }
        },
    )
}

fn form(snapshot: &Snapshot, poll: &SnapshotPoll, writer: Writer, words: &RoomWords) -> Markup {
    let earlier = poll.answers.get(&writer.device);
    let scale = &poll.scale;
    let answer_of =
        |statement: usize| earlier.and_then(|earlier| earlier.answers.get(statement).copied());
    let sector = earlier.and_then(|earlier| earlier.sector.as_ref());
    html! {
        @if earlier.is_some() { p.waiting role="status" { (words.answered) } }
        form method="post" action="/poll" {
            input type="hidden" name="check" value=(writer.form_check);
            input type="hidden" name="segment" value=(snapshot.segment);
            fieldset.question {
                legend { (words.sector_question) }
                @for choice in &poll.sectors {
                    (choice_input("sector", &format!("sector-{}", choice.code), &choice.code, &choice.label, sector == Some(&choice.sector)))
                }
                (choice_input("sector", "sector-none", "-", words.no_sector, earlier.is_some() && sector.is_none()))
            }
            @if scale.labels.is_empty() && (scale.min_label.is_some() || scale.max_label.is_some()) {
                p.scale {
                    @if let Some(label) = &scale.min_label { (scale.min) " = " (label) }
                    @if scale.min_label.is_some() && scale.max_label.is_some() { " · " }
                    @if let Some(label) = &scale.max_label { (scale.max) " = " (label) }
                }
            }
            @for (statement, text) in poll.statements.iter().enumerate() {
                @let name = format!("s{statement}");
                fieldset.question.statement {
                    legend { (text) }
                    div.scale {
                        @for value in scale.min..=scale.max {
                            @let shown = match scale.labels.is_empty() {
                                true => value.to_string(),
                                false => format!("{value} {}", scale.label(value).unwrap_or_default()),
                            };
                            (choice_input(&name, &format!("{name}-{value}"), &value.to_string(), &shown, answer_of(statement) == Some(Answer::Value(value))))
                        }
                        @if scale.dont_know {
                            (choice_input(&name, &format!("{name}-x"), "x", words.dont_know, answer_of(statement) == Some(Answer::DontKnow)))
                        }
                    }
                }
            }
            button type="submit" {
                @if earlier.is_some() { (words.change_answers) } @else { (words.send_answers) }
            }
        }
    }
}

/// The sector a form's code stands for (the codes of paper lines); `None`
/// for "not given" or anything else.
pub fn sector_of(poll: &SnapshotPoll, code: &str) -> Option<Sector> {
    poll.sectors
        .iter()
        .find(|choice| choice.code == code)
        .map(|choice| choice.sector.clone())
}

/// The answer a form's value stands for: a number, `x` for "vet ej", else blank.
pub fn answer_of(value: &str) -> Answer {
    match value {
        "x" => Answer::DontKnow,
        _ => value.parse().map_or(Answer::Missing, Answer::Value),
    }
}

fn choice_input(name: &str, id: &str, value: &str, label: &str, checked: bool) -> Markup {
    html! {
        label.choice for=(id) {
            input type="radio" name=(name) id=(id) value=(value) checked[checked];
            span { (label) }
        }
    }
}

/// The results as bars: per statement, how many chose each value and "vet
/// ej", with n and the mean.
fn result_bars(
    snapshot: &Snapshot,
    poll: &SnapshotPoll,
    results: &[(Vec<u32>, u32)],
    words: &RoomWords,
) -> Markup {
    let scale = &poll.scale;
    html! {
        h2 { (words.results_heading) }
        @for (text, (counts, dont_know)) in poll.statements.iter().zip(results) {
            @let n: u32 = counts.iter().sum();
            @let total = n + dont_know;
            @let sum: u32 = counts.iter().enumerate().map(|(slot, count)| (u32::from(scale.min) + slot as u32) * count).sum();
            div.result {
                h3 { (text) }
                p.summary {
                    (n) " " (words.answers_word)
                    @if n > 0 {
                        " · " (words.mean_word) " " (decimal(f64::from(sum) / f64::from(n), snapshot.language))
                    }
                }
                table.bars {
                    @for (slot, count) in counts.iter().enumerate() {
                        tr {
                            th scope="row" { (u32::from(scale.min) + slot as u32) }
                            td { meter min="0" max=(total.max(1)) value=(count) {} }
                            td.count { (count) }
                        }
                    }
                    @if scale.dont_know {
                        tr {
                            th scope="row" { (words.dont_know) }
                            td { meter min="0" max=(total.max(1)) value=(dont_know) {} }
                            td.count { (dont_know) }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Scale;

    #[test]
    fn every_step_of_a_labelled_scale_is_named_on_the_phone() {
        let scale = Scale {
            min: 1,
            max: 4,
            min_label: None,
            max_label: None,
            labels: [
                "Inte alls",
                "I liten grad",
                "I ganska hög grad",
                "I hög grad",
            ]
            .map(str::to_owned)
            .to_vec(),
            dont_know: false,
        };
        let snapshot = Snapshot {
            open: true,
            poll: Some(SnapshotPoll {
                statements: vec!["Vi litar på varandra".into()],
                scale,
                closed: false,
                results: None,
                answers: Default::default(),
                respondents: 0,
                sectors: Vec::new(),
            }),
            ..Snapshot::default()
        };
        let writer = Writer {
            device: 1,
            form_check: "abc",
        };
        let page = poll_page(&snapshot, writer, Utc::now()).into_string();
        for step in [
            "1 Inte alls",
            "2 I liten grad",
            "3 I ganska hög grad",
            "4 I hög grad",
        ] {
            assert!(
                page.contains(&format!("<span>{step}</span>")),
                "{step}: {page}"
            );
        }
        assert!(!page.contains("Vet ej"), "no \"vet ej\" on this scale");
    }
}
