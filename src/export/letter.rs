//! The summary as its readers meet it, before any format: the participants'
//! letter (what the room produced) or the facilitator's report (that, and the
//! time log, the survey's raw counts and, when asked, the private notes).
//! Markdown, the page, the e-mail's text part and the CSV all render this.

mod head;
mod report;

pub(super) use head::date_in_words;
use head::{facts, lead, members};
pub(super) use report::time_log;
use report::{private_notes, removed_cards};

use chrono::NaiveDate;

use super::blocks::{Block, CardItem, Inline, Letter, Section, texts};
use super::poll;
use super::summary::Summary;
use crate::agenda::{Segment, SegmentKind};
use crate::i18n::{Words, words};
use crate::session::SegmentIx;
use crate::session::{ActionItem, Card, Lane, PRIORITY_MARK};

/// The tags of the ROS model, explained in a line wherever cards carry them.
const ROS_TAGS: [&str; 3] = ["Regelverk", "Organisation", "Synsätt"];

/// The letter `summary` asks for.
pub fn letter(summary: &Summary) -> Letter {
    let session = summary.session;
    let agenda = &session.agenda;
    let words = words(agenda.language);
    let mut sections = Vec::new();
    // After the day, the preparation is history unless the agenda asks for it.
    if !agenda.preparation.is_empty() && (agenda.preparation_in_summary || !session.has_begun()) {
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
    if !summary.session.since_last.is_empty() {
        sections.push(Section {
            heading: words.since_last.to_owned(),
            blocks: vec![tasks(&summary.session.since_last, words)],
        });
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
    let between = agenda.tasks();
    if !between.is_empty() {
        sections.push(Section {
            heading: words.between.to_owned(),
            blocks: vec![tasks(&between, words)],
        });
    }
    if summary.report {
        sections.push(time_log(summary, words));
        sections.extend(removed_cards(summary, words));
    }
    if summary.private
        && let Some(notes) = private_notes(session, words)
    {
        sections.push(notes);
    }
    Letter {
        language: agenda.language,
        internal: summary.report.then(|| words.internal.to_owned()),
        title: agenda.title.clone(),
        subtitle: agenda.series.as_ref().map(|series| match agenda.number {
            Some(number) => format!(
                "{series} · {} {number}",
                crate::i18n::event_words(agenda, agenda.language).label
            ),
            None => series.clone(),
        }),
        lead: lead(summary, words),
        facts: facts(summary, words),
        sections,
    }
}

/// Whether the room works in `segment`: its instruction and questions belong
/// in the letter even where no card was typed. A plenary without questions
/// is the facilitator's and the expert's: its section is the report's.
fn is_group_work(segment: &Segment) -> bool {
    segment.kind.is_writing()
        && !(segment.kind == SegmentKind::Plenary && segment.questions.is_empty())
}

/// Whether `segment`'s instruction is the room's task rather than the
/// facilitator's script: an exercise's or a survey's, not a welcome's, a
/// lecture's, a closing's or a plenary's without questions.
fn speaks_to_the_room(segment: &Segment) -> bool {
    is_group_work(segment) || segment.kind == SegmentKind::Poll
}

fn segment_section(
    summary: &Summary,
    index: usize,
    segment: &Segment,
    words: &Words,
) -> Option<Section> {
    let session = summary.session;
    let answered = segment.kind == SegmentKind::Poll && poll::has_answers(session, index);
    let script = summary.report && segment.kind == SegmentKind::Plenary;
    // A lecture is part of the day even where no one wrote: its title and speaker.
    let lecture = segment.kind == SegmentKind::Lecture;
    if !is_group_work(segment)
        && !session.has_cards(SegmentIx(index))
        && !answered
        && !script
        && !lecture
    {
        return None;
    }
    let mut blocks = Vec::new();
    if let Some(speaker) = &segment.speaker {
        blocks.push(Block::Text(format!("{}: {speaker}", words.speaker)));
    }
    if let Some(instruction) = segment
        .instruction
        .as_ref()
        .filter(|_| summary.report || speaks_to_the_room(segment))
    {
        blocks.push(Block::Aside(instruction.clone()));
    }
    if let Some(name) = session
        .set_of(SegmentIx(index))
        .and_then(|set| set.name.as_ref())
    {
        blocks.push(Block::Aside(format!("{}: {name}", words.group_set)));
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
    if segment.dots.is_some() {
        blocks.extend(room_ranking(summary, SegmentIx(index), words));
    }
    match session.columns(SegmentIx(index)) {
        None if segment.kind == SegmentKind::FollowUp => {
            follow_up(&mut blocks, summary, SegmentIx(index), words);
        }
        Some(columns) => board(&mut blocks, summary, SegmentIx(index), &columns, words),
        // Alone or in pairs: the room's cards, under no group's name.
        None if segment.kind.is_personal() => {
            let cards: Vec<&Card> = summary
                .lanes(SegmentIx(index))
                .flat_map(|lane| session.cards_in(SegmentIx(index), lane))
                .collect();
            // Under a heading of their own, so that a list of questions
            // above never runs on into them.
            if !cards.is_empty() {
                blocks.push(Block::Heading(words.written.to_owned()));
                blocks.push(Block::Cards(cards.into_iter().map(CardItem::of).collect()));
            }
        }
        None => by_group(&mut blocks, summary, SegmentIx(index), words),
    }
    if uses_ros(
        session
            .cards
            .iter()
            .filter(|card| card.segment == SegmentIx(index)),
    ) {
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

fn by_group(blocks: &mut Vec<Block>, summary: &Summary, segment: SegmentIx, words: &Words) {
    for lane in summary.lanes(segment) {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(summary.group_name(segment, lane)));
        blocks.extend(own_questions(summary, segment, lane, words));
        // The group's priorities first, in their order, then the rest.
        let (chosen, rest): (Vec<&Card>, Vec<&Card>) =
            cards.into_iter().partition(|card| card.priority);
        blocks.push(Block::Cards(
            chosen.into_iter().chain(rest).map(CardItem::of).collect(),
        ));
    }
}

/// The questions `lane` had to itself in segment `segment`'s group set.
fn own_questions(
    summary: &Summary,
    segment: SegmentIx,
    lane: Lane,
    words: &Words,
) -> Option<Block> {
    let set = summary.session.set_of(segment)?;
    let own = &set.groups.get(lane.group()?)?.questions;
    (!own.is_empty()).then(|| Block::List {
        label: words.questions.to_owned(),
        items: own.clone(),
    })
}

/// The room's ranking of a segment that votes across the room: every card
/// with a dot, most first, under its group's name; an action item in words.
fn room_ranking(summary: &Summary, segment: SegmentIx, words: &Words) -> Vec<Block> {
    let ranking = summary.session.ranking(segment);
    if ranking.is_empty() {
        return Vec::new();
    }
    let rows = ranking
        .iter()
        .map(|ranked| {
            let item = ActionItem::parse(&ranked.card.text, summary.date());
            vec![
                ranked.place.to_string(),
                crate::i18n::action_item_line(&item, words),
                summary.group_name(segment, ranked.card.group),
                ranked.dots.to_string(),
            ]
        })
        .collect();
    vec![
        Block::Heading(words.room_ranking.to_owned()),
        Block::Table {
            head: words.ranking_heads.map(str::to_owned).to_vec(),
            rows: texts(rows),
            numeric: false,
        },
    ]
}

/// The cards `group` chose as its priorities, under their heading, with the
/// cell each sits in (a matrix's row, then the column); an action item read
/// as words, not as its fields' marks.
fn priorities(blocks: &mut Vec<Block>, cards: &[&Card], words: &Words, today: NaiveDate) {
    let chosen: Vec<CardItem> = cards
        .iter()
        .filter(|card| card.priority)
        .map(|card| CardItem {
            text: crate::i18n::action_item_line(&ActionItem::parse(&card.text, today), words),
            from: match (&card.row, &card.horizon) {
                (Some(row), Some(column)) => Some(format!("{row} · {column}")),
                (_, column) => column.clone(),
            },
            ..CardItem::of(card)
        })
        .collect();
    if !chosen.is_empty() {
        blocks.push(Block::Subheading(words.priorities.to_owned()));
        blocks.push(Block::Cards(chosen));
    }
}

/// A board of groups × columns (the vision, the action plan): per group, each
/// column's cards as a list; then every group side by side in a table.
fn board(
    blocks: &mut Vec<Block>,
    summary: &Summary,
    segment: SegmentIx,
    columns: &[String],
    words: &Words,
) {
    let mut overview = Vec::new();
    let is_plan = summary.session.agenda.segments[segment].kind == SegmentKind::ActionPlan;
    for lane in summary.lanes(segment) {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(summary.group_name(segment, lane)));
        blocks.extend(own_questions(summary, segment, lane, words));
        priorities(blocks, &cards, words, summary.date());
        let mut row = vec![summary.group_name(segment, lane)];
        if let Some(rows) = summary.session.rows(segment) {
            blocks.push(matrix(&cards, &rows, columns));
            row.extend(columns.iter().map(|column| {
                let under = cards
                    .iter()
                    .filter(|card| card.horizon.as_ref() == Some(column));
                under.count().to_string()
            }));
            overview.push(row);
            continue;
        }
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
            let items: Vec<ActionItem> = under
                .iter()
                .map(|card| ActionItem::parse(&card.text, summary.date()))
                .collect();
            if is_plan && items.iter().any(ActionItem::has_fields) {
                blocks.push(action_table(&under, &items, words));
            } else {
                blocks.push(Block::Cards(under.into_iter().map(CardItem::of).collect()));
            }
        }
        overview.push(row);
    }
    // Counts side by side read as a ranking of the groups: the report's.
    if summary.report && overview.len() > 1 {
        let mut head = vec![words.group.to_owned()];
        head.extend(columns.iter().cloned());
        blocks.push(Block::Aside(words.cards_per_column.to_owned()));
        blocks.push(Block::Table {
            head,
            rows: texts(overview),
            numeric: true,
        });
    }
}

/// Tasks between sessions as a checklist: what, who, by when.
fn tasks(tasks: &[crate::agenda::Task], words: &Words) -> Block {
    Block::List {
        label: String::new(),
        items: tasks
            .iter()
            .map(|task| crate::i18n::task_line(task, words.by))
            .collect(),
    }
}

/// A follow-up per group: each item of the plan with its owner, how far it
/// has come and what was said about it.
fn follow_up(blocks: &mut Vec<Block>, summary: &Summary, segment: SegmentIx, words: &Words) {
    let language = summary.session.agenda.language;
    for lane in summary.lanes(segment) {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(summary.group_name(segment, lane)));
        let today = summary.date();
        let rows = cards
            .iter()
            .map(|card| {
                let item = ActionItem::parse(&card.text, card.brought().map_or(today, |b| b.date));
                // A date passed with the action not done is what a follow-up checks.
                let done = card.status() == Some(crate::session::ItemStatus::Done);
                let checked = |date: Option<chrono::NaiveDate>| match date {
                    Some(date) if date < today && !done => {
                        format!("{} ({})", iso(Some(date)), words.overdue)
                    }
                    date => iso(date),
                };
                vec![
                    item.what.clone(),
                    item.owners(words.coordinator),
                    checked(item.due),
                    checked(item.follow_up),
                    card.status()
                        .map(|status| crate::i18n::status_label(status, language).to_owned())
                        .unwrap_or_default(),
                    card.comment().unwrap_or_default().to_owned(),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            head: words
                .follow_up_columns
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
            rows: texts(rows),
            numeric: false,
        });
    }
}

/// A group's matrix as a table: a row per row, a column per column, the
/// cards of each cell in it, numbered when there are several.
fn matrix(cards: &[&Card], rows: &[String], columns: &[String]) -> Block {
    let cell = |row: &String, column: &String| {
        let texts: Vec<String> = cards
            .iter()
            .filter(|card| card.row.as_ref() == Some(row) && card.horizon.as_ref() == Some(column))
            .map(|card| {
                let star = if card.priority {
                    format!("{PRIORITY_MARK} ")
                } else {
                    String::new()
                };
                let tag = card.tag.as_ref().map(|tag| format!(" ({tag})"));
                format!("{star}{}{}", card.text, tag.unwrap_or_default())
            })
            .collect();
        super::blocks::numbered(&texts, ")")
    };
    let mut head = vec![String::new()];
    head.extend(columns.iter().cloned());
    Block::Table {
        head,
        rows: texts(
            rows.iter()
                .map(|row| {
                    let mut line = vec![row.clone()];
                    line.extend(columns.iter().map(|column| cell(row, column)));
                    line
                })
                .collect(),
        ),
        numeric: false,
    }
}

/// An action plan's cards as a table: the action, who owns it, by when, and
/// when it is followed up; a priority keeps its star.
fn action_table(cards: &[&Card], items: &[ActionItem], words: &Words) -> Block {
    let rows = cards
        .iter()
        .zip(items)
        .map(|(card, item)| {
            let star = if card.priority { "★ " } else { "" };
            vec![
                format!("{star}{}", item.what),
                item.owners(words.coordinator),
                iso(item.due),
                iso(item.follow_up),
            ]
        })
        .collect();
    Block::Table {
        head: words
            .action_columns
            .iter()
            .map(|w| (*w).to_owned())
            .collect(),
        rows: texts(rows),
        numeric: false,
    }
}

/// A date as the tables write it, "2027-03-31"; nothing for none.
fn iso(date: Option<chrono::NaiveDate>) -> String {
    date.map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Tagged cards, per tag in the order of the agenda's tag set.
fn by_theme(summary: &Summary, words: &Words) -> Option<Section> {
    let session = summary.session;
    let mut blocks = Vec::new();
    for tag in session.every_tag() {
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
                        summary.group_name(card.segment, card.group),
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
