//! The survey on the room's page: the sector, then a row of choices per
//! statement, the device's earlier answers checked; and, when the facilitator
//! shows them, the results as bars, never anyone's answers.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::pages::{Writer, page, segment};
use super::snapshot::{PollResults, Snapshot, SnapshotPoll, SnapshotQuestion};
use crate::agenda::{QuestionKind, Scale, Sector};
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
                (segment(snapshot, &snapshot.questions_for(crate::session::Lane::Plenary), words, now))
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
    let answer_of = |statement: usize| earlier.and_then(|earlier| earlier.answers.get(statement));
    let other_of_earlier = |statement: usize| {
        earlier.and_then(|earlier| earlier.other.get(&statement).map(String::as_str))
    };
    let sector = earlier.and_then(|earlier| earlier.sector.as_ref());
    // What the device left unanswered, so that a skip is a choice and not a slip.
    let skipped: Vec<&str> = earlier
        .map(|earlier| {
            poll.statements
                .iter()
                .zip(&earlier.answers)
                .filter(|(_, answer)| **answer == Answer::Missing)
                .map(|(question, _)| question.text.as_str())
                .collect()
        })
        .unwrap_or_default();
    html! {
        @if earlier.is_some() { p.waiting role="status" { (words.answered) } }
        @if !skipped.is_empty() {
            div.skipped {
                p { (words.skipped) }
                ul { @for question in &skipped { li { (question) } } }
            }
        }
        form method="post" action="/poll" {
            input type="hidden" name="check" value=(writer.form_check);
            input type="hidden" name="segment" value=(snapshot.segment);
            @if !poll.sectors.is_empty() {
                fieldset.question {
                    legend { (words.sector_question) }
                    @for choice in &poll.sectors {
                        (choice_input("sector", &format!("sector-{}", choice.code), &choice.code, &choice.label, sector == Some(&choice.sector)))
                    }
                    (choice_input("sector", "sector-none", "-", words.no_sector, earlier.is_some() && sector.is_none()))
                }
            }
            // Who the respondent is comes first, as the sector does: the
            // questions the results are broken down by.
            @for (statement, question) in poll.statements.iter().enumerate().filter(|(_, q)| q.breakdown) {
                (question_fieldset(statement, question, scale, answer_of(statement), other_of_earlier(statement), words))
            }
            // The scale's words once, above the statements that use it.
            @if !scale.labels.is_empty() && has_rating(poll) {
                ul.scale-words {
                    @for value in scale.min..=scale.max {
                        li { (value) " = " (scale.label(value).unwrap_or_default()) }
                    }
                }
            } @else if scale.min_label.is_some() || scale.max_label.is_some() {
                p.scale {
                    @if let Some(label) = &scale.min_label { (scale.min) " = " (label) }
                    @if scale.min_label.is_some() && scale.max_label.is_some() { " · " }
                    @if let Some(label) = &scale.max_label { (scale.max) " = " (label) }
                }
            }
            @for (statement, question) in poll.statements.iter().enumerate().filter(|(_, q)| !q.breakdown) {
                @if let Some(stem) = &question.stem {
                    p.stem { (stem) }
                }
                (question_fieldset(statement, question, scale, answer_of(statement), other_of_earlier(statement), words))
            }
            button type="submit" {
                @if earlier.is_some() { (words.change_answers) } @else { (words.send_answers) }
            }
        }
    }
}

/// Whether any question is rated on the scale.
fn has_rating(poll: &SnapshotPoll) -> bool {
    poll.statements
        .iter()
        .any(|question| question.kind == QuestionKind::Rating)
}

/// The sector a form's code stands for (the codes of paper lines); `None`
/// for "not given" or anything else.
pub fn sector_of(poll: &SnapshotPoll, code: &str) -> Option<Sector> {
    poll.sectors
        .iter()
        .find(|choice| choice.code == code)
        .map(|choice| choice.sector.clone())
}

/// A question's fieldset: a choice per value of the scale or per option
/// (a box each where several may be chosen), or a line of free text; the
/// device's `earlier` answer checked.
fn question_fieldset(
    statement: usize,
    question: &SnapshotQuestion,
    scale: &Scale,
    earlier: Option<&Answer>,
    earlier_other: Option<&str>,
    words: &RoomWords,
) -> Markup {
    let name = format!("s{statement}");
    let chose = |option: usize| match earlier {
        Some(Answer::Choice(choice)) => usize::from(*choice) == option,
        Some(Answer::Choices(chosen)) => chosen.iter().any(|c| usize::from(*c) == option),
        _ => false,
    };
    html! {
        fieldset.question.statement {
            legend { (question.text) }
            div.scale {
                @match &question.kind {
                    QuestionKind::Rating => {
                        @for value in scale.min..=scale.max {
                            (choice_input(&name, &format!("{name}-{value}"), &value.to_string(), &value.to_string(), earlier == Some(&Answer::Value(value))))
                        }
                    }
                    QuestionKind::Text => {
                        @let written = match earlier { Some(Answer::Text(text)) => text.as_str(), _ => "" };
                        input.text type="text" name=(name) maxlength=(super::limits::TEXT_MAX_CHARS) aria-label=(question.text) value=(written);
                    }
                    QuestionKind::AnyOf(_) => {
                        @for (option, label) in question.options.iter().enumerate() {
                            label.choice for=(format!("{name}-{option}")) {
                                input type="checkbox" name=(name) id=(format!("{name}-{option}")) value=(option) checked[chose(option)];
                                span { (label) }
                            }
                        }
                        // None of them is an answer, unlike a question left blank.
                        label.choice for=(format!("{name}-none")) {
                            input type="checkbox" name=(name) id=(format!("{name}-none")) value=(NONE_VALUE)
                                checked[earlier == Some(&Answer::Choices(Vec::new()))];
                            span { (words.none_chosen) }
                        }
                    }
                    _ => {
                        @for (option, label) in question.options.iter().enumerate() {
                            (choice_input(&name, &format!("{name}-{option}"), &option.to_string(), label, chose(option)))
                        }
                    }
                }
                @if question.dont_know {
                    (choice_input(&name, &format!("{name}-x"), "x", words.dont_know, earlier == Some(&Answer::DontKnow)))
                }
            }
            // "Annat, ange vad": its own line, named by the option.
            @if let Some(option) = question.other {
                @let label = question.options.get(usize::from(option)).map_or("", String::as_str);
                input.text.other type="text" name=(format!("{name}-other")) data-option=(format!("{name}-{option}"))
                    maxlength=(super::limits::TEXT_MAX_CHARS) aria-label=(label) placeholder=(label)
                    value=(earlier_other.unwrap_or_default());
            }
        }
    }
}

/// The text `written` beside `question`'s option that asks for one, where
/// it is not blank; writing it chooses that option, so that nothing typed
/// is lost (one of: in place of another; any of: beside the others).
pub fn other_of(
    question: &SnapshotQuestion,
    answer: &mut Answer,
    written: Option<&str>,
) -> Option<String> {
    let option = question.other?;
    let text = written
        .map(str::trim)
        .filter(|text| !crate::session::is_blank(text))?;
    match answer {
        Answer::Choices(chosen) if !chosen.contains(&option) => {
            chosen.push(option);
            chosen.sort_unstable();
        }
        Answer::Choices(_) => {}
        _ if matches!(question.kind, QuestionKind::AnyOf(_)) => {
            *answer = Answer::Choices(vec![option]);
        }
        _ => *answer = Answer::Choice(option),
    }
    Some(text.to_owned())
}

/// What the box "none of these" posts where several may be chosen.
const NONE_VALUE: &str = "none";

/// The answer to `question` the form's `values` for it stand for: `x` for
/// "vet ej", a value, the number of an option (or of each chosen, or none
/// of them), or the text; nothing given is blank, and anything else no
/// answer the poll takes.
pub fn answer_of(question: &SnapshotQuestion, values: &[&str]) -> Answer {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !crate::session::is_blank(v))
        .collect();
    if values == ["x"] {
        return Answer::DontKnow;
    }
    let Some(first) = values.first() else {
        return Answer::Missing;
    };
    let number = |value: &str| value.parse::<u8>().ok();
    let not_taken = Answer::Choice(u8::MAX);
    match &question.kind {
        QuestionKind::Text => Answer::Text(values.join(" ")),
        QuestionKind::Rating => number(first).map_or(not_taken, Answer::Value),
        // "None of these" ticked beside options: the options were meant.
        QuestionKind::AnyOf(_) if values == [NONE_VALUE] => Answer::Choices(Vec::new()),
        QuestionKind::AnyOf(_) => {
            let mut chosen: Vec<u8> = values.iter().filter_map(|value| number(value)).collect();
            chosen.sort_unstable();
            chosen.dedup();
            Answer::Choices(chosen)
        }
        _ => number(first).map_or(not_taken, Answer::Choice),
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

/// The results as bars: per question but free text, how many chose each
/// value or option and "vet ej", with n and, for a rating, the mean.
fn result_bars(
    snapshot: &Snapshot,
    poll: &SnapshotPoll,
    results: &PollResults,
    words: &RoomWords,
) -> Markup {
    let scale = &poll.scale;
    html! {
        h2 { (words.results_heading) }
        @for (question, (counts, dont_know, n)) in poll.statements.iter().zip(results) {
            @if question.kind != QuestionKind::Text {
                @let rating = question.kind.is_rating();
                @let rows: Vec<String> = match rating {
                    true => (scale.min..=scale.max).map(|value| value.to_string()).collect(),
                    false => question.options.clone(),
                };
                @let most = counts.iter().chain([dont_know]).copied().max().unwrap_or(0).max(1);
                @let sum: u32 = counts.iter().enumerate().map(|(slot, count)| (u32::from(scale.min) + slot as u32) * count).sum();
                div.result {
                    h3 { (question.text) }
                    p.summary {
                        (n) " " (words.answers_word)
                        @if rating && *n > 0 {
                            " · " (words.mean_word) " " (decimal(f64::from(sum) / f64::from(*n), snapshot.language))
                        }
                    }
                    table.bars {
                        @for (label, count) in rows.iter().zip(counts) {
                            tr {
                                th scope="row" { (label) }
                                td { meter min="0" max=(most) value=(count) {} }
                                td.count { (count) }
                            }
                        }
                        @if question.dont_know {
                            tr {
                                th scope="row" { (words.dont_know) }
                                td { meter min="0" max=(most) value=(dont_know) {} }
                                td.count { (dont_know) }
                            }
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
    fn none_of_these_is_an_answer_and_no_box_a_blank() {
        let question = SnapshotQuestion {
            text: "Kanaler".into(),
            stem: None,
            kind: QuestionKind::AnyOf(vec!["Telefon".into(), "Mejl".into()]),
            options: vec!["Telefon".into(), "Mejl".into()],
            dont_know: false,
            breakdown: false,
            other: None,
        };
        assert_eq!(answer_of(&question, &["none"]), Answer::Choices(Vec::new()));
        assert_eq!(answer_of(&question, &[]), Answer::Missing);
        assert_eq!(
            answer_of(&question, &["none", "1"]),
            Answer::Choices(vec![1]),
            "an option ticked beside it was meant"
        );
    }

    #[test]
    fn every_step_of_a_labelled_scale_is_named_once_on_the_phone() {
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
                statements: ["Vi litar på varandra", "Vi delar en bild"]
                    .map(|text| SnapshotQuestion {
                        text: text.into(),
                        stem: None,
                        kind: QuestionKind::Rating,
                        options: Vec::new(),
                        dont_know: false,
                        breakdown: false,
                        other: None,
                    })
                    .to_vec(),
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
            "1 = Inte alls",
            "2 = I liten grad",
            "3 = I ganska hög grad",
            "4 = I hög grad",
        ] {
            assert_eq!(page.matches(step).count(), 1, "{step}: {page}");
        }
        // Each statement's choices are the values, for a row that fits a phone.
        assert_eq!(page.matches("<span>4</span>").count(), 2, "{page}");
        assert!(!page.contains("Vet ej"), "no \"vet ej\" on this scale");
        // A poll with no sectors to pick asks none.
        assert!(!page.contains("Var arbetar du?"), "{page}");
        assert!(!page.contains("name=\"sector\""), "{page}");
    }
}
