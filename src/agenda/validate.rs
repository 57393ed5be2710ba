//! The rules an agenda must keep beyond being well-formed.

use std::collections::HashSet;

use super::error::{Place, Problem};
use super::model::{Agenda, Segment, SegmentKind};

/// Most groups a room is split into.
pub const MAX_GROUPS: u32 = 12;
/// Longest single segment: anything longer is a typo, not a seminar.
const MAX_SEGMENT_MINUTES: u32 = 600;
/// Longest seminar.
const MAX_TOTAL_MINUTES: u32 = 24 * 60;
/// Most columns an action plan or a vision has room for on screen.
const MAX_COLUMNS: usize = 6;
/// Most tags: one per digit key is plenty for sorting cards.
const MAX_TAGS: usize = 9;

/// Every rule the agenda breaks, in file order; empty when it can be run.
pub fn validate(agenda: &Agenda) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |message: String| {
        problems.push(Problem {
            place: Place::Agenda,
            message,
        });
    };
    for message in agenda_problems(agenda) {
        report(message);
    }
    let mut ids = HashSet::new();
    for (index, segment) in agenda.segments.iter().enumerate() {
        let place = Place::Segment {
            number: index + 1,
            title: segment.title.clone(),
        };
        let mut messages = segment_problems(segment);
        if let Some(id) = &segment.id
            && !ids.insert(id.as_str())
        {
            messages.push(format!("id `{id}` is used twice (expected every id once)"));
        }
        problems.extend(messages.into_iter().map(|message| Problem {
            place: place.clone(),
            message,
        }));
    }
    problems
}

fn agenda_problems(agenda: &Agenda) -> Vec<String> {
    let mut problems = Vec::new();
    if agenda.title.trim().is_empty() {
        problems.push("the title is empty (expected the seminar's name)".to_owned());
    }
    if agenda.number == Some(0) {
        problems.push("number is 0 (expected the seminar's place in its series: 1, 2, 3 …)".into());
    }
    if let Some(groups) = agenda.groups
        && !(1..=MAX_GROUPS).contains(&groups)
    {
        problems.push(format!("groups is {groups} (expected 1 to {MAX_GROUPS})"));
    }
    problems.extend(list_problems(
        "group_names",
        &agenda.group_names,
        0,
        MAX_GROUPS as usize,
    ));
    if let (Some(groups), named) = (agenda.groups, agenda.group_names.len())
        && named > 0
        && named != groups as usize
    {
        problems.push(format!(
            "groups is {groups} but group_names names {named} (expected the same number, \
             or only one of the two)"
        ));
    }
    if let Some(tags) = &agenda.tags {
        problems.extend(list_problems("tags", tags, 1, MAX_TAGS));
    }
    problems.extend(list_problems("experts", &agenda.experts, 0, usize::MAX));
    problems.extend(list_problems(
        "preparation",
        &agenda.preparation,
        0,
        usize::MAX,
    ));
    if agenda.warning_minutes > 60 {
        problems.push(format!(
            "warning_minutes is {} (expected at most 60)",
            agenda.warning_minutes
        ));
    }
    if agenda.segments.is_empty() {
        problems.push("there are no segments (expected at least one in `segments: [ … ]`)".into());
    }
    let total = agenda
        .segments
        .iter()
        .map(|segment| segment.minutes)
        .fold(0, u32::saturating_add);
    if total > MAX_TOTAL_MINUTES {
        problems.push(format!(
            "the segments add up to {total} minutes (expected at most {MAX_TOTAL_MINUTES}, one day)"
        ));
    }
    problems
}

fn segment_problems(segment: &Segment) -> Vec<String> {
    let mut problems = Vec::new();
    if segment.title.trim().is_empty() {
        problems.push("the title is empty (expected a heading for the screen)".to_owned());
    }
    if segment.minutes == 0 {
        problems.push("minutes is 0 (expected at least 1)".to_owned());
    } else if segment.minutes > MAX_SEGMENT_MINUTES {
        problems.push(format!(
            "minutes is {} (expected at most {MAX_SEGMENT_MINUTES})",
            segment.minutes
        ));
    }
    if let Some(minimum) = segment.min_minutes
        && (minimum == 0 || minimum > segment.minutes)
    {
        problems.push(format!(
            "min_minutes is {minimum} (expected 1 to the segment's {} minutes)",
            segment.minutes
        ));
    }
    if let Some(warning) = segment.warning_minutes
        && warning > segment.minutes
    {
        problems.push(format!(
            "warning_minutes is {warning} (expected at most the segment's {} minutes)",
            segment.minutes
        ));
    }
    if let Some(id) = &segment.id
        && !is_valid_id(id)
    {
        problems.push(format!(
            "id `{id}` has other characters than a-z, 0-9 and - (expected e.g. `gruppsamtal-1`)"
        ));
    }
    problems.extend(list_problems(
        "questions",
        &segment.questions,
        0,
        usize::MAX,
    ));
    problems.extend(kind_problems(segment));
    problems
}

/// Fields that only one kind of segment uses, and what that kind needs.
fn kind_problems(segment: &Segment) -> Vec<String> {
    let mut problems = Vec::new();
    let kind = segment.kind;
    let mut only_for = |field: &str, present: bool, owner: SegmentKind| {
        if present && kind != owner {
            problems.push(format!(
                "`{field}` is only for {owner:?} segments (expected no `{field}` in this {kind:?})"
            ));
        }
    };
    only_for(
        "horizons",
        segment.horizons.is_some(),
        SegmentKind::ActionPlan,
    );
    only_for("headings", segment.headings.is_some(), SegmentKind::Vision);
    only_for(
        "statements",
        !segment.statements.is_empty(),
        SegmentKind::Poll,
    );
    only_for("scale", segment.scale.is_some(), SegmentKind::Poll);
    only_for(
        "breakdown",
        !segment.breakdown.is_empty(),
        SegmentKind::Poll,
    );
    if let Some(horizons) = &segment.horizons {
        problems.extend(list_problems("horizons", horizons, 1, MAX_COLUMNS));
    }
    if let Some(headings) = &segment.headings {
        problems.extend(list_problems("headings", headings, 1, MAX_COLUMNS));
    }
    if kind == SegmentKind::Poll && segment.statements.is_empty() {
        problems.push("a poll has no statements (expected `statements: [ … ]`)".to_owned());
    }
    for (index, statement) in segment.statements.iter().enumerate() {
        if statement.text.trim().is_empty() {
            problems.push(format!(
                "statement {} is empty (expected its text)",
                index + 1
            ));
        }
    }
    if let Some(scale) = &segment.scale
        && (scale.min >= scale.max || scale.max - scale.min > 10)
    {
        problems.push(format!(
            "the scale runs from {} to {} (expected a lowest value below the highest, \
             at most 10 steps apart, e.g. 1 to 5)",
            scale.min, scale.max
        ));
    }
    problems
}

/// Checks a list of texts: its length, no blank item, no item twice.
fn list_problems(field: &str, items: &[String], min: usize, max: usize) -> Vec<String> {
    let mut problems = Vec::new();
    if items.len() < min {
        problems.push(format!("`{field}` is empty (expected at least {min})"));
    }
    if items.len() > max {
        problems.push(format!(
            "`{field}` has {} items (expected at most {max})",
            items.len()
        ));
    }
    let mut seen = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        if item.trim().is_empty() {
            problems.push(format!(
                "item {} of `{field}` is empty (expected text)",
                index + 1
            ));
        } else if !seen.insert(item.trim()) {
            problems.push(format!(
                "`{field}` has \"{item}\" twice (expected each once)"
            ));
        }
    }
    problems
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
