//! The rules an agenda must keep beyond being well-formed.

use std::collections::HashSet;

use super::diagnostic::Rule;
use super::error::{Place, Problem};
use super::model::{Agenda, Language, QuestionKind, Segment, SegmentKind, Statement};
use super::{Sector, Sectors};

/// Most groups a room is split into: thirteen schools and more fit, the
/// board scrolls.
pub const MAX_GROUPS: u32 = 30;
/// Longest single segment: anything longer is a typo, not a seminar.
const MAX_SEGMENT_MINUTES: u32 = 600;
/// Longest seminar.
const MAX_TOTAL_MINUTES: u32 = 24 * 60;
/// Most columns an action plan or a vision has room for on screen.
const MAX_COLUMNS: usize = 6;
/// Most tags: one per digit key is plenty for sorting cards.
const MAX_TAGS: usize = 9;
/// Most rows of a matrix: each group's matrix still fits a screen.
const MAX_ROWS: usize = 6;
/// Most sectors: a table of counts by sector still fits a page.
const MAX_SECTORS: usize = 9;
/// Most cards a group marks as its priorities, and most dots a participant
/// gives across the room.
const MAX_PRIORITIES: u32 = 9;

/// Every rule the agenda breaks, in file order; empty when it can be run.
pub fn validate(agenda: &Agenda) -> Vec<Problem> {
    let mut problems = Vec::new();
    for rule in agenda_problems(agenda) {
        problems.push(Problem {
            place: Place::Agenda,
            rule,
            at: None,
        });
    }
    let mut ids = HashSet::new();
    for (index, segment) in agenda.segments.iter().enumerate() {
        let place = Place::Segment {
            number: index + 1,
            title: segment.title.clone(),
        };
        let mut messages = segment_problems(segment);
        messages.extend(unknown_sectors(agenda, "breakdown", &segment.breakdown));
        if let Some(id) = &segment.group_set
            && agenda.group_set(id).is_none()
        {
            messages.push(Rule::UnknownGroupSet { id: id.clone() });
        }
        if let Some(id) = &segment.id
            && !ids.insert(id.as_str())
        {
            messages.push(Rule::IdTwice { id: id.clone() });
        }
        problems.extend(messages.into_iter().map(|rule| Problem {
            place: place.clone(),
            rule,
            at: None,
        }));
    }
    problems
}

fn agenda_problems(agenda: &Agenda) -> Vec<Rule> {
    let mut problems = Vec::new();
    if agenda.title.trim().is_empty() {
        problems.push(Rule::EmptyTitle);
    }
    if agenda.number == Some(0) {
        problems.push(Rule::NumberZero);
    }
    problems.extend(event_name_problems(agenda));
    if let Some(groups) = agenda.groups
        && !(1..=MAX_GROUPS).contains(&groups)
    {
        problems.push(Rule::Groups {
            groups,
            max: MAX_GROUPS,
        });
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
        problems.push(Rule::GroupsAndNames { groups, named });
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
    problems.extend(group_set_problems(agenda));
    problems.extend(sector_problems(agenda));
    problems.extend(unknown_sectors(
        agenda,
        "sectors_in_every_group",
        &agenda.sectors_in_every_group,
    ));
    problems.extend(task_problems(&agenda.between));
    if agenda.warning_minutes > 60 {
        problems.push(Rule::AgendaWarning {
            minutes: agenda.warning_minutes,
            max: 60,
        });
    }
    if agenda.segments.is_empty() {
        problems.push(Rule::NoSegments);
    }
    let total = agenda
        .segments
        .iter()
        .map(|segment| segment.minutes)
        .fold(0, u32::saturating_add);
    if total > MAX_TOTAL_MINUTES {
        problems.push(Rule::TooLong {
            total,
            max: MAX_TOTAL_MINUTES,
        });
    }
    problems
}

/// An event's own word needs every form the texts use: Swedish cannot
/// derive "temadagen" from "temadag", English can.
fn event_name_problems(agenda: &Agenda) -> Vec<Rule> {
    let Some(name) = &agenda.event_name else {
        return Vec::new();
    };
    let forms = [
        ("event_name.singular", Some(&name.singular)),
        ("event_name.plural", Some(&name.plural)),
        ("event_name.definite", name.definite.as_ref()),
        ("event_name.definite_plural", name.definite_plural.as_ref()),
    ];
    let mut problems: Vec<Rule> = forms
        .iter()
        .filter(|(_, form)| form.is_some_and(|form| form.trim().is_empty()))
        .map(|&(field, _)| Rule::Blank { field })
        .collect();
    if agenda.language == Language::Sv
        && (name.definite.is_none() || name.definite_plural.is_none())
    {
        problems.push(Rule::EventNameDefinite);
    }
    problems
}

fn segment_problems(segment: &Segment) -> Vec<Rule> {
    let mut problems = Vec::new();
    if segment.title.trim().is_empty() {
        problems.push(Rule::EmptySegmentTitle);
    }
    if segment.minutes == 0 {
        problems.push(Rule::ZeroMinutes);
    } else if segment.minutes > MAX_SEGMENT_MINUTES {
        problems.push(Rule::TooManyMinutes {
            minutes: segment.minutes,
            max: MAX_SEGMENT_MINUTES,
        });
    }
    if let Some(minimum) = segment.min_minutes
        && (minimum == 0 || minimum > segment.minutes)
    {
        problems.push(Rule::Minimum {
            minimum,
            minutes: segment.minutes,
        });
    }
    if let Some(warning) = segment.warning_minutes
        && warning > segment.minutes
    {
        problems.push(Rule::SegmentWarning {
            warning,
            minutes: segment.minutes,
        });
    }
    if let Some(id) = &segment.id
        && !is_valid_id(id)
    {
        problems.push(Rule::BadId {
            field: "id",
            id: id.clone(),
        });
    }
    problems.extend(list_problems(
        "questions",
        &segment.questions,
        0,
        usize::MAX,
    ));
    problems.extend(kind_problems(segment));
    problems.extend(task_problems(&segment.between));
    problems
}

/// Fields that only one kind of segment uses, and what that kind needs.
fn kind_problems(segment: &Segment) -> Vec<Rule> {
    let mut problems = Vec::new();
    let kind = segment.kind;
    let mut only_for = |field: &'static str, present: bool, owner: SegmentKind| {
        if present && kind != owner {
            problems.push(Rule::OnlyFor { field, owner, kind });
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
    only_for("splits", !segment.splits.is_empty(), SegmentKind::Poll);
    only_for("follows", segment.follows.is_some(), SegmentKind::FollowUp);
    only_for(
        "breakdown",
        !segment.breakdown.is_empty(),
        SegmentKind::Poll,
    );
    only_for("by_sector", !segment.by_sector, SegmentKind::Poll);
    problems.extend(writing_problems(segment));
    if kind == SegmentKind::FollowUp && segment.follows.is_none() {
        problems.push(Rule::NoFollows);
    }
    if let Some(id) = segment.follows.as_ref().filter(|id| !is_valid_id(id)) {
        problems.push(Rule::BadId {
            field: "follows",
            id: id.clone(),
        });
    }
    if let Some(horizons) = &segment.horizons {
        problems.extend(list_problems("horizons", horizons, 1, MAX_COLUMNS));
    }
    if let Some(headings) = &segment.headings {
        problems.extend(list_problems("headings", headings, 1, MAX_COLUMNS));
    }
    if kind == SegmentKind::Poll && segment.statements.is_empty() {
        problems.push(Rule::NoStatements);
    }
    for (index, statement) in segment.statements.iter().enumerate() {
        if statement.text.trim().is_empty() {
            problems.push(Rule::EmptyStatement { number: index + 1 });
        }
        problems.extend(question_problems(index + 1, statement));
        if statement
            .stem
            .as_ref()
            .is_some_and(|stem| stem.trim().is_empty())
        {
            problems.push(Rule::Blank { field: "stem" });
        }
    }
    if let Some(scale) = &segment.scale
        && (scale.min >= scale.max || scale.max - scale.min > 10)
    {
        problems.push(Rule::Scale {
            min: scale.min,
            max: scale.max,
        });
    }
    problems.extend(scale_problems(segment));
    problems
}

/// The most options a choice has: one per letter from `a` to `t`, so that
/// `x` ("vet ej") and the keys of counting hands stay free.
pub const MAX_OPTIONS: usize = 20;

/// Question `number` of a poll: a choice's options, and a theme or a
/// breakdown only where its kind has them.
fn question_problems(number: usize, question: &Statement) -> Vec<Rule> {
    let mut problems = Vec::new();
    if let QuestionKind::OneOf(options) | QuestionKind::AnyOf(options) = &question.kind {
        if !(2..=MAX_OPTIONS).contains(&options.len()) {
            problems.push(Rule::QuestionOptions {
                number,
                options: options.len(),
            });
        }
        let mut seen = HashSet::new();
        for option in options {
            if option.trim().is_empty() || !seen.insert(option.trim()) {
                problems.push(Rule::BadOption {
                    number,
                    option: option.clone(),
                });
            }
        }
    }
    if question.breakdown && !question.kind.is_single_choice() {
        problems.push(Rule::BreakdownNotChoice { number });
    }
    if question.theme.is_some() && !question.kind.is_rating() {
        problems.push(Rule::ThemeNotRating { number });
    }
    if question.other && question.other_option().is_none() {
        problems.push(Rule::OtherNotChoice { number });
    }
    problems
}

/// A poll's labels and splits fit its scale and its themes.
fn scale_problems(segment: &Segment) -> Vec<Rule> {
    let mut problems = Vec::new();
    let scale = segment
        .scale
        .clone()
        .unwrap_or_else(|| super::defaults::scale(super::Language::Sv));
    if !scale.labels.is_empty() && scale.labels.len() != scale.steps() {
        problems.push(Rule::ScaleLabels {
            steps: scale.steps(),
            labels: scale.labels.len(),
        });
    }
    problems.extend(list_problems("scale", &scale.labels, 0, usize::MAX));
    for split in &segment.splits {
        let themed = segment
            .statements
            .iter()
            .any(|statement| statement.theme.as_deref() == Some(split.theme.as_str()));
        if !themed {
            problems.push(Rule::UnknownTheme {
                theme: split.theme.clone(),
            });
        }
        if let Some(higher_from) = split.higher_from
            && !(higher_from > f64::from(scale.min) && higher_from <= f64::from(scale.max))
        {
            problems.push(Rule::SplitOutside {
                higher_from: higher_from.to_string(),
                min: scale.min,
                max: scale.max,
            });
        }
    }
    problems
}

/// The agenda's group sets: ids once each and well-formed, groups named or
/// counted, within the limits the day's groups have.
fn group_set_problems(agenda: &Agenda) -> Vec<Rule> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for set in &agenda.group_sets {
        if !is_valid_id(&set.id) {
            problems.push(Rule::BadId {
                field: "group_sets",
                id: set.id.clone(),
            });
        } else if !ids.insert(set.id.as_str()) {
            problems.push(Rule::IdTwice { id: set.id.clone() });
        }
        if set.groups.is_empty() == set.count.is_none() {
            problems.push(Rule::GroupSetShape { id: set.id.clone() });
        }
        if let Some(groups) = set.count
            && !(1..=MAX_GROUPS).contains(&groups)
        {
            problems.push(Rule::Groups {
                groups,
                max: MAX_GROUPS,
            });
        }
        let names: Vec<String> = set.groups.iter().map(|group| group.name.clone()).collect();
        problems.extend(list_problems("group_sets", &names, 0, MAX_GROUPS as usize));
        for group in &set.groups {
            problems.extend(list_problems("questions", &group.questions, 0, usize::MAX));
        }
    }
    problems
}

/// The agenda's own sectors: each named, with an id and a code of letters
/// (the start of a paper line) used once.
fn sector_problems(agenda: &Agenda) -> Vec<Rule> {
    let mut problems = Vec::new();
    let sectors = Sectors::new(&agenda.sectors);
    let names: Vec<String> = agenda.sectors.iter().map(|def| def.name.clone()).collect();
    problems.extend(list_problems("sectors", &names, 0, MAX_SECTORS));
    let (mut ids, mut codes) = (HashSet::new(), HashSet::new());
    for def in &agenda.sectors {
        let code = sectors.code(&def.id);
        if !ids.insert(def.id.id()) {
            problems.push(Rule::ItemTwice {
                field: "sectors",
                item: def.id.id().to_owned(),
            });
        } else if !codes.insert(code.to_lowercase()) {
            problems.push(Rule::ItemTwice {
                field: "sectors",
                item: code.clone(),
            });
        }
        if code.is_empty() || !code.chars().all(char::is_alphabetic) {
            problems.push(Rule::SectorCode { code });
        }
    }
    problems
}

/// `field` names sectors the agenda does not have.
fn unknown_sectors(agenda: &Agenda, field: &'static str, named: &[Sector]) -> Vec<Rule> {
    let sectors = Sectors::new(&agenda.sectors);
    named
        .iter()
        .filter(|sector| !sectors.contains(sector))
        .map(|sector| Rule::UnknownSector {
            field,
            id: sector.id().to_owned(),
        })
        .collect()
}

/// Tasks between sessions say what is to be done.
fn task_problems(tasks: &[super::model::Task]) -> Vec<Rule> {
    let mut problems = Vec::new();
    for (index, task) in tasks.iter().enumerate() {
        if task.what.trim().is_empty() {
            problems.push(Rule::EmptyItem {
                field: "between",
                number: index + 1,
            });
        }
    }
    problems
}

/// The fields of the segments where people write: columns, rows, tags,
/// priorities and the exercise's name.
fn writing_problems(segment: &Segment) -> Vec<Rule> {
    let mut problems = Vec::new();
    let fields = [
        ("exercise", segment.exercise.is_some()),
        ("columns", segment.columns.is_some()),
        ("rows", segment.rows.is_some()),
        ("tags", segment.tags.is_some()),
        ("priorities", segment.priorities.is_some()),
        ("dots", segment.dots.is_some()),
    ];
    let personal = segment.kind.is_personal();
    if segment.group_set.is_some() && (!segment.is_writing() || personal) {
        problems.push(Rule::OnlyForWriting {
            field: "group_set",
            kind: segment.kind,
        });
    }
    for (field, present) in fields {
        if present && !segment.is_writing() {
            problems.push(Rule::OnlyForWriting {
                field,
                kind: segment.kind,
            });
        }
    }
    if segment
        .exercise
        .as_ref()
        .is_some_and(|name| name.trim().is_empty())
    {
        problems.push(Rule::Blank { field: "exercise" });
    }
    if let Some(columns) = &segment.columns {
        problems.extend(list_problems("columns", columns, 1, MAX_COLUMNS));
        let other = [
            ("headings", segment.headings.is_some()),
            ("horizons", segment.horizons.is_some()),
        ];
        for (other, _) in other.into_iter().filter(|(_, present)| *present) {
            problems.push(Rule::ColumnsTwice { other });
        }
    }
    if let Some(rows) = &segment.rows {
        if segment.column_set(super::Language::Sv).is_none() {
            problems.push(Rule::RowsWithoutColumns);
        }
        problems.extend(list_problems("rows", rows, 1, MAX_ROWS));
    }
    // `tags: []`: no tags in this segment.
    if let Some(tags) = &segment.tags {
        problems.extend(list_problems("tags", tags, 0, MAX_TAGS));
    }
    if let Some(priorities) = segment.priorities
        && !(1..=MAX_PRIORITIES).contains(&priorities)
    {
        problems.push(Rule::Priorities {
            priorities,
            max: MAX_PRIORITIES,
        });
    }
    if let Some(dots) = segment.dots
        && !(1..=MAX_PRIORITIES).contains(&dots)
    {
        problems.push(Rule::Dots {
            dots,
            max: MAX_PRIORITIES,
        });
    }
    problems
}

/// Checks a list of texts: its length, no blank item, no item twice.
fn list_problems(field: &'static str, items: &[String], min: usize, max: usize) -> Vec<Rule> {
    let mut problems = Vec::new();
    if items.len() < min {
        problems.push(Rule::ListEmpty { field, min });
    }
    if items.len() > max {
        problems.push(Rule::ListTooLong {
            field,
            items: items.len(),
            max,
        });
    }
    let mut seen = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        if item.trim().is_empty() {
            problems.push(Rule::EmptyItem {
                field,
                number: index + 1,
            });
        } else if !seen.insert(item.trim()) {
            problems.push(Rule::ItemTwice {
                field,
                item: item.clone(),
            });
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
