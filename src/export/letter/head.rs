//! The top of the summary: the opening a person would write, and the facts
//! (date, place, facilitator, expert, groups, who was here).

use chrono::Datelike;

use super::{Block, Section};
use crate::agenda::Role;
use crate::export::Summary;
use crate::i18n::Words;
use crate::session::{Session, count_by_sector};

/// The greeting given for this export, or the agenda's, or a neutral line.
pub(super) fn lead(summary: &Summary, words: &Words) -> String {
    let agenda = &summary.session.agenda;
    if let Some(intro) = summary.intro.or(agenda.intro.as_deref()) {
        return intro.trim().to_owned();
    }
    let date = date_in_words(summary, words);
    // One group is the whole room: "what you worked out", not "1 groups".
    let groups = summary.session.groups.len();
    match (agenda.language, groups) {
        (crate::agenda::Language::Sv, 1) => format!(
            "Här är sammanfattningen av {} den {date}: det ni tog fram.",
            agenda.title
        ),
        (crate::agenda::Language::Sv, _) => format!(
            "Här är sammanfattningen av {} den {date}: det som {groups} grupper tog fram.",
            agenda.title
        ),
        (crate::agenda::Language::En, 1) => format!(
            "Here is the summary of {} on {date}: what you worked out.",
            agenda.title
        ),
        (crate::agenda::Language::En, _) => format!(
            "Here is the summary of {} on {date}: what {groups} groups worked out.",
            agenda.title
        ),
    }
}

/// "12 mars 2026", "12 March 2026".
pub(super) fn date_in_words(summary: &Summary, words: &Words) -> String {
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
    if let Some(facilitator) = &agenda.facilitator {
        facts.push((words.facilitator.to_owned(), facilitator.clone()));
    }
    if !agenda.experts.is_empty() {
        facts.push((words.experts.to_owned(), agenda.experts.join(", ")));
    }
    let named = !agenda.group_names.is_empty();
    let groups = if named {
        format!("{}: {}", session.groups.len(), session.groups.join(", "))
    } else {
        session.groups.len().to_string()
    };
    facts.push((words.groups.to_owned(), groups));
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
            rows,
            numeric: false,
        }],
    })
}
