//! The top of the summary: the opening a person would write, and the facts
//! (date, place, facilitator, expert, groups, who was here).

use chrono::Datelike;

use super::{Block, Inline, Section, texts};
use crate::agenda::{Language, Role};
use crate::export::Summary;
use crate::i18n::Words;
use crate::session::{Session, count_by_sector};

/// The greeting given for this export, or the agenda's, or the sentence a
/// facilitator would write: "Här är en sammanfattning av seminariet *Titel*
/// den 6 december 2026, med det som de fem grupperna kom fram till."
pub(super) fn lead(summary: &Summary, words: &Words) -> Vec<Inline> {
    let agenda = &summary.session.agenda;
    if let Some(intro) = summary.intro.or(agenda.intro.as_deref()) {
        return vec![Inline::Plain(intro.trim().to_owned())];
    }
    let language = agenda.language;
    let date = date_in_words(summary, words);
    if !has_group_work(summary.session) {
        return survey_lead(summary, &date);
    }
    let event = crate::i18n::event_words(agenda, language).in_text;
    // One group is the whole room: "what you arrived at", not "one group".
    let groups = summary.session.groups.len();
    let count = crate::i18n::count_in_words(groups, language);
    let (before, after) = match language {
        Language::Sv => (
            format!("Här är en sammanfattning av {event}"),
            match groups {
                1 => format!("den {date}, med det som ni kom fram till."),
                _ => format!("den {date}, med det som de {count} grupperna kom fram till."),
            },
        ),
        Language::En => (
            format!("Here is a summary of {event}"),
            match groups {
                1 => format!("on {date}, with what you arrived at."),
                _ => format!("on {date}, with what the {count} groups arrived at."),
            },
        ),
    };
    vec![
        Inline::Plain(before),
        Inline::Title(agenda.title.clone()),
        Inline::Plain(after),
    ]
}

/// Whether anyone wrote cards in the session's segments: groups, pairs,
/// each alone, the room; a session of surveys alone has no groups to name.
fn has_group_work(session: &Session) -> bool {
    session
        .agenda
        .segments
        .iter()
        .any(|segment| segment.kind.is_writing())
}

/// The opening of a session that was a survey: "Här är en sammanfattning av
/// enkäten *Titel* den 12 mars 2026, med svaren från 30 svarande."
fn survey_lead(summary: &Summary, date: &str) -> Vec<Inline> {
    let agenda = &summary.session.agenda;
    let forms: usize = summary
        .session
        .polls
        .values()
        .map(|poll| poll.respondents.len())
        .sum();
    let count = crate::i18n::count_in_words(forms, agenda.language);
    let (before, after) = match (agenda.language, forms) {
        (Language::Sv, 0) => (
            "Här är en sammanfattning av enkäten",
            format!("den {date}."),
        ),
        (Language::Sv, _) => (
            "Här är en sammanfattning av enkäten",
            format!("den {date}, med svaren från {count} svarande."),
        ),
        (Language::En, 0) => ("Here is a summary of the survey", format!("on {date}.")),
        (Language::En, 1) => (
            "Here is a summary of the survey",
            format!("on {date}, with the answers of one respondent."),
        ),
        (Language::En, _) => (
            "Here is a summary of the survey",
            format!("on {date}, with the answers of {count} respondents."),
        ),
    };
    vec![
        Inline::Plain(before.to_owned()),
        Inline::Title(agenda.title.clone()),
        Inline::Plain(after),
    ]
}

/// "12 mars 2026", "12 March 2026".
pub(in crate::export) fn date_in_words(summary: &Summary, words: &Words) -> String {
    let date = summary.date();
    let month = words.months[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

pub(super) fn facts(summary: &Summary, words: &Words) -> Vec<(String, String)> {
    let session = summary.session;
    let agenda = &session.agenda;
    let mut facts = vec![(words.date.to_owned(), date_in_words(summary, words))];
    if let Some(place) = &agenda.place {
        facts.push((words.place.to_owned(), place.clone()));
    }
    let facilitator = match (&agenda.facilitator, &agenda.contact) {
        (Some(name), Some(contact)) => Some(format!("{name} ({contact})")),
        (name, contact) => name.clone().or_else(|| contact.clone()),
    };
    if let Some(facilitator) = facilitator {
        facts.push((words.facilitator.to_owned(), facilitator));
    }
    if !agenda.experts.is_empty() {
        facts.push((words.experts.to_owned(), agenda.experts.join(", ")));
    }
    // Groups with names of their own are listed; "Grupp 1" … only counted.
    let numbered = (1..=session.groups.len()).map(|number| format!("{} {number}", words.group));
    let named = !session.groups.iter().cloned().eq(numbered);
    let groups = if named {
        session.groups.join(", ")
    } else {
        session.groups.len().to_string()
    };
    if has_group_work(session) {
        facts.push((words.groups.to_owned(), groups));
    }
    if let Some(present) = present(session) {
        facts.push((words.present.to_owned(), present));
    }
    facts
}

/// Who was here, as counts by sector and by role category; `None` without attendance.
fn present(session: &Session) -> Option<String> {
    let language = session.agenda.language;
    let present: Vec<_> = session.present_members().collect();
    if present.is_empty() {
        return None;
    }
    let sectors = session.sectors();
    let counts = count_by_sector(sectors, present.iter().copied());
    let roles: Vec<String> = Role::ALL
        .iter()
        .filter_map(|role| {
            let count = present.iter().filter(|m| m.role == Some(*role)).count();
            (count > 0).then(|| format!("{} {count}", crate::i18n::role_label(*role, language)))
        })
        .collect();
    let mut line = format!(
        "{} ({})",
        present.len(),
        crate::i18n::sector_counts(sectors, &counts, language)
    );
    if !roles.is_empty() {
        line.push_str(&format!("; {}", roles.join(", ")));
    }
    Some(line)
}

/// Each group's members present today, by name.
pub(super) fn members(summary: &Summary, words: &Words) -> Option<Section> {
    let session = summary.session;
    let rows: Vec<Vec<String>> = session
        .groups
        .iter()
        .enumerate()
        .filter_map(|(group, name)| {
            let here: Vec<String> = session
                .roster
                .of_group(group)
                .filter(|member| session.present.contains(&member.id))
                .map(|member| {
                    format!(
                        "{} ({})",
                        member.name,
                        crate::i18n::sector_label(
                            session.sectors(),
                            &member.sector,
                            session.agenda.language
                        )
                    )
                })
                .collect();
            (!here.is_empty()).then(|| vec![name.clone(), here.join(", ")])
        })
        .collect();
    (!rows.is_empty()).then(|| Section {
        heading: words.members.to_owned(),
        blocks: vec![Block::Table {
            head: vec![words.group.to_owned(), words.members.to_owned()],
            rows: texts(rows),
            numeric: false,
        }],
    })
}
