//! The summary as its readers meet it, before any format: the participants'
//! letter (what the room produced) or the facilitator's report (that, and the
//! time log, the survey's raw counts and, when asked, the private notes).
//! Markdown, the page, the e-mail's text part and the CSV all render this.

use chrono::Datelike;

use super::Summary;
use super::poll;
use crate::agenda::{Role, Sector, Segment, SegmentKind};
use crate::i18n::{Words, words};
use crate::session::{Card, Session};

/// The tags of the ROS model, explained in a line wherever cards carry them.
const ROS_TAGS: [&str; 3] = ["Regelverk", "Organisation", "Synsätt"];

/// A whole summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub title: String,
    /// The series and the event's number in it.
    pub subtitle: Option<String>,
    /// The opening a person would write.
    pub lead: String,
    /// Date, place, facilitator, expert, groups, who was here.
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// A part of the summary under its own heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section is made of. Every text is plain: each format escapes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph; it may hold line breaks.
    Text(String),
    /// A line in a lesser voice: an instruction, an explanation.
    Aside(String),
    /// A list of plain items under a label: the questions.
    List { label: String, items: Vec<String> },
    /// A heading inside the section: a group, a theme.
    Heading(String),
    /// A heading under that: a column of a board.
    Subheading(String),
    /// Cards, one item each.
    Cards(Vec<CardItem>),
    /// A table; the columns after the first are numbers when `numeric`.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric: bool,
    },
}

/// One card as a list item.
#[derive(Debug, Clone, PartialEq)]
pub struct CardItem {
    pub text: String,
    pub tag: Option<String>,
    pub quote: bool,
    /// Where it came from, where it is listed away from its segment.
    pub from: Option<String>,
}

impl CardItem {
    pub(super) fn of(card: &Card) -> Self {
        Self {
            text: card.text.clone(),
            tag: card.tag.clone(),
            quote: card.quote,
            from: None,
        }
    }
}

/// The letter `summary` asks for.
pub fn letter(summary: &Summary) -> Letter {
    let session = summary.session;
    let agenda = &session.agenda;
    let words = words(agenda.language);
    let mut sections = Vec::new();
    if !agenda.preparation.is_empty() {
        sections.push(Section {
            heading: words.preparation.to_owned(),
            blocks: vec![Block::List {
                label: String::new(),
                items: agenda.preparation.clone(),
            }],
        });
    }
    if summary.names
        && let Some(members) = members(summary, words)
    {
        sections.push(members);
    }
    for (index, segment) in agenda.segments.iter().enumerate() {
        if let Some(section) = segment_section(summary, index, segment, words) {
            sections.push(section);
        }
    }
    if let Some(themes) = by_theme(summary, words) {
        sections.push(themes);
    }
    if let Some(assignment) = &agenda.assignment {
        // "Till nästa gång" only where there is a next time.
        let heading = if agenda.last_in_series {
            words.take_home
        } else {
            words.assignment
        };
        sections.push(Section {
            heading: heading.to_owned(),
            blocks: vec![Block::Text(assignment.clone())],
        });
    }
    if summary.report {
        sections.push(time_log(summary, words));
    }
    if summary.private
        && let Some(notes) = private_notes(session, words)
    {
        sections.push(notes);
    }
    Letter {
        title: agenda.title.clone(),
        subtitle: agenda.series.as_ref().map(|series| match agenda.number {
            Some(number) => format!(
                "{series} · {} {number}",
                crate::i18n::event_label(agenda.event, agenda.language)
            ),
            None => series.clone(),
        }),
        lead: lead(summary, words),
        facts: facts(summary, words),
        sections,
    }
}

/// The greeting given for this export, or the agenda's, or a neutral line.
fn lead(summary: &Summary, words: &Words) -> String {
    let agenda = &summary.session.agenda;
    if let Some(intro) = summary.intro.or(agenda.intro.as_deref()) {
        return intro.trim().to_owned();
    }
    let date = date_in_words(summary, words);
    let groups = summary.session.groups.len();
    match agenda.language {
        crate::agenda::Language::Sv => format!(
            "Här är sammanfattningen av {} den {date}: det som {groups} grupper tog fram.",
            agenda.title
        ),
        crate::agenda::Language::En => format!(
            "Here is the summary of {} on {date}: what {groups} groups worked out.",
            agenda.title
        ),
    }
}

/// "12 mars 2026", "12 March 2026".
fn date_in_words(summary: &Summary, words: &Words) -> String {
    let date = summary.date();
    let month = words.months[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

fn facts(summary: &Summary, words: &Words) -> Vec<(String, String)> {
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
    let sectors: Vec<String> = Sector::ALL
        .iter()
        .filter_map(|sector| {
            let count = present.iter().filter(|m| m.sector == *sector).count();
            (count > 0).then(|| format!("{} {count}", crate::i18n::sector_label(*sector, language)))
        })
        .collect();
    let roles: Vec<String> = Role::ALL
        .iter()
        .filter_map(|role| {
            let count = present.iter().filter(|m| m.role == Some(*role)).count();
            (count > 0).then(|| format!("{} {count}", crate::i18n::role_label(*role, language)))
        })
        .collect();
    let mut line = format!("{} ({})", present.len(), sectors.join(", "));
    if !roles.is_empty() {
        line.push_str(&format!("; {}", roles.join(", ")));
    }
    Some(line)
}

/// Each group's members present today, by name.
fn members(summary: &Summary, words: &Words) -> Option<Section> {
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
                        crate::i18n::sector_label(member.sector, session.agenda.language)
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

/// Whether the room works in segments of `kind`: their instruction and
/// questions belong in the letter even where no card was typed.
fn is_group_work(kind: SegmentKind) -> bool {
    matches!(
        kind,
        SegmentKind::GroupDiscussion
            | SegmentKind::Plenary
            | SegmentKind::Vision
            | SegmentKind::ActionPlan
    )
}

fn segment_section(
    summary: &Summary,
    index: usize,
    segment: &Segment,
    words: &Words,
) -> Option<Section> {
    let session = summary.session;
    let answered = segment.kind == SegmentKind::Poll && poll::has_answers(session, index);
    if !is_group_work(segment.kind) && !session.has_cards(index) && !answered {
        return None;
    }
    let mut blocks = Vec::new();
    if let Some(instruction) = &segment.instruction {
        blocks.push(Block::Aside(instruction.clone()));
    }
    if !segment.questions.is_empty() {
        blocks.push(Block::List {
            label: words.questions.to_owned(),
            items: segment.questions.clone(),
        });
    }
    if answered {
        let date = date_in_words(summary, words);
        blocks.extend(poll::blocks(session, index, words, summary.report, &date));
    }
    match session.columns(index) {
        Some(columns) => board(&mut blocks, summary, index, &columns, words),
        None => by_group(&mut blocks, summary, index),
    }
    if uses_ros(session.cards.iter().filter(|card| card.segment == index)) {
        blocks.push(Block::Aside(words.ros.to_owned()));
    }
    Some(Section {
        heading: segment.title.clone(),
        blocks,
    })
}

fn uses_ros<'c>(mut cards: impl Iterator<Item = &'c Card>) -> bool {
    cards.any(|card| {
        card.tag
            .as_deref()
            .is_some_and(|tag| ROS_TAGS.contains(&tag))
    })
}

fn by_group(blocks: &mut Vec<Block>, summary: &Summary, segment: usize) {
    for lane in summary.lanes() {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(summary.group_name(lane)));
        blocks.push(Block::Cards(cards.into_iter().map(CardItem::of).collect()));
    }
}

/// A board of groups × columns (the vision, the action plan): per group, each
/// column's cards as a list; then every group side by side in a table.
fn board(
    blocks: &mut Vec<Block>,
    summary: &Summary,
    segment: usize,
    columns: &[String],
    words: &Words,
) {
    let mut overview = Vec::new();
    for lane in summary.lanes() {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(summary.group_name(lane)));
        let mut row = vec![summary.group_name(lane)];
        for column in columns {
            let under: Vec<&Card> = cards
                .iter()
                .copied()
                .filter(|card| card.horizon.as_deref() == Some(column.as_str()))
                .collect();
            row.push(under.len().to_string());
            if under.is_empty() {
                continue;
            }
            blocks.push(Block::Subheading(column.clone()));
            blocks.push(Block::Cards(under.into_iter().map(CardItem::of).collect()));
        }
        overview.push(row);
    }
    if overview.len() > 1 {
        let mut head = vec![words.group.to_owned()];
        head.extend(columns.iter().cloned());
        blocks.push(Block::Aside(words.cards_per_column.to_owned()));
        blocks.push(Block::Table {
            head,
            rows: overview,
            numeric: true,
        });
    }
}

/// Tagged cards, per tag in the order of the agenda's tag set.
fn by_theme(summary: &Summary, words: &Words) -> Option<Section> {
    let session = summary.session;
    let mut blocks = Vec::new();
    for tag in session.agenda.tag_set() {
        let mut cards: Vec<&Card> = session
            .cards
            .iter()
            .filter(|card| card.tag.as_deref() == Some(tag.as_str()))
            .collect();
        if cards.is_empty() {
            continue;
        }
        cards.sort_by_key(|card| (card.segment, card.group, card.id));
        blocks.push(Block::Heading(tag.clone()));
        blocks.push(Block::Cards(
            cards
                .into_iter()
                .map(|card| CardItem {
                    tag: None,
                    from: Some(format!(
                        "{}, {}",
                        summary.group_name(card.group),
                        session.agenda.segments[card.segment].title
                    )),
                    ..CardItem::of(card)
                })
                .collect(),
        ));
    }
    if blocks.is_empty() {
        return None;
    }
    if uses_ros(session.cards.iter()) {
        blocks.insert(0, Block::Aside(words.ros.to_owned()));
    }
    Some(Section {
        heading: words.by_theme.to_owned(),
        blocks,
    })
}

/// Planned against actual minutes, skipped segments marked.
fn time_log(summary: &Summary, words: &Words) -> Section {
    let session = summary.session;
    let schedule = session.schedule(summary.as_of);
    let planned_starts = session.planned_starts();
    let clock = |time: chrono::DateTime<chrono::Utc>| {
        time.with_timezone(&summary.offset)
            .format("%H:%M")
            .to_string()
    };
    let (mut planned_total, mut actual_total) = (0u32, 0i64);
    let mut rows = Vec::new();
    for (index, segment) in session.agenda.segments.iter().enumerate() {
        let timing = &session.timings[index];
        let planned = session.planned_minutes(index);
        planned_total += planned;
        let (started, actual) = match timing.started {
            _ if session.was_skipped(index, summary.as_of) => {
                ("–".to_owned(), words.skipped.to_owned())
            }
            Some(_) => {
                let minutes = timing.elapsed(summary.as_of).num_minutes();
                actual_total += minutes;
                (
                    clock(schedule[index].starts),
                    format!("{minutes} {}", words.minutes),
                )
            }
            None => ("–".to_owned(), "–".to_owned()),
        };
        rows.push(vec![
            segment.title.clone(),
            clock(planned_starts[index]),
            started,
            format!("{planned} {}", words.minutes),
            actual,
        ]);
    }
    let drift = match actual_total - i64::from(planned_total) {
        0 => words.on_time.to_owned(),
        d if d > 0 => format!("+{d} {}", words.minutes),
        d => format!("−{} {}", -d, words.minutes),
    };
    rows.push(vec![
        words.total.to_owned(),
        String::new(),
        String::new(),
        format!("{planned_total} {}", words.minutes),
        format!("{actual_total} {} ({drift})", words.minutes),
    ]);
    Section {
        heading: words.time_log.to_owned(),
        blocks: vec![Block::Table {
            head: vec![
                words.segment.to_owned(),
                words.planned_start.to_owned(),
                words.started.to_owned(),
                words.planned.to_owned(),
                words.actual.to_owned(),
            ],
            rows,
            numeric: true,
        }],
    }
}

fn private_notes(session: &Session, words: &Words) -> Option<Section> {
    if session.private_notes.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for (segment, note) in &session.private_notes {
        let title = session
            .agenda
            .segments
            .get(*segment)
            .map(|segment| segment.title.clone())
            .unwrap_or_default();
        blocks.push(Block::Heading(title));
        blocks.push(Block::Text(note.clone()));
    }
    Some(Section {
        heading: words.private_notes.to_owned(),
        blocks,
    })
}

impl Summary<'_> {
    /// The day the session ran: the agenda's date, else the planned start's.
    pub fn date(&self) -> chrono::NaiveDate {
        self.session.agenda.date.unwrap_or_else(|| {
            self.session
                .planned_start
                .with_timezone(&self.offset)
                .date_naive()
        })
    }
}
