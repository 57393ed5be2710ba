//! What only the facilitator's report holds: the time log; and the private
//! notes, for either document when asked for.

use super::{Block, Section, texts};
use crate::export::Summary;
use crate::export::blocks::{Cell, Value};
use crate::i18n::Words;
use crate::session::SegmentIx;
use crate::session::Session;

/// Planned against actual minutes, skipped segments marked.
pub(in crate::export) fn time_log(summary: &Summary, words: &Words) -> Section {
    let session = summary.session;
    let schedule = session.schedule(summary.as_of);
    let planned_starts = session.planned_starts();
    let clock = |time: chrono::DateTime<chrono::Utc>| {
        let local = time.with_timezone(&summary.offset).time();
        Cell::new(local.format("%H:%M").to_string(), Value::Time(local))
    };
    let minutes = |count: i64, after: &str| {
        Cell::new(
            format!("{count} {}{after}", words.minutes),
            Value::Minutes(count),
        )
    };
    let none = || Cell::from("–".to_owned());
    let (mut planned_total, mut actual_total) = (0u32, 0i64);
    let mut rows = Vec::new();
    for (index, segment) in session.agenda.segments.iter().enumerate() {
        let timing = &session.timings[index];
        let planned = session.planned_minutes(SegmentIx(index));
        planned_total += planned;
        // A segment the room wrote in was not skipped, however briefly it ran.
        let skipped = session.was_skipped(SegmentIx(index), summary.as_of)
            && !session.has_cards(SegmentIx(index));
        let (started, actual) = match timing.started {
            _ if skipped => (none(), Cell::from(words.skipped.to_owned())),
            Some(_) => {
                let elapsed = timing.elapsed(summary.as_of).num_minutes();
                actual_total += elapsed;
                (clock(schedule[index].starts), minutes(elapsed, ""))
            }
            None => (none(), none()),
        };
        rows.push(vec![
            Cell::from(segment.title.clone()),
            clock(planned_starts[index]),
            started,
            minutes(i64::from(planned), ""),
            actual,
        ]);
    }
    let drift = match actual_total - i64::from(planned_total) {
        0 => words.on_time.to_owned(),
        d if d > 0 => format!("+{d} {}", words.minutes),
        d => format!("−{} {}", -d, words.minutes),
    };
    rows.push(vec![
        Cell::from(words.total.to_owned()),
        Cell::from(String::new()),
        Cell::from(String::new()),
        minutes(i64::from(planned_total), ""),
        minutes(actual_total, &format!(" ({drift})")),
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

/// The cards their devices removed from the room's page, each with its
/// segment, group, and who removed it when; none, no section.
pub(super) fn removed_cards(summary: &Summary, words: &Words) -> Option<Section> {
    if summary.removed.is_empty() {
        return None;
    }
    let session = summary.session;
    let rows = summary
        .removed
        .iter()
        .filter_map(|card| {
            let removed = card.removed?;
            let segment = session.agenda.segments.get(card.segment.0)?;
            Some(vec![
                segment.title.clone(),
                summary.group_name(card.segment, card.group),
                card.text.clone(),
                format!(
                    "{} ({} {})",
                    removed.at.with_timezone(&summary.offset).format("%H:%M"),
                    words.phone,
                    removed.device
                ),
            ])
        })
        .collect();
    Some(Section {
        heading: words.removed_heading.to_owned(),
        blocks: vec![Block::Table {
            head: vec![
                words.segment.to_owned(),
                words.group.to_owned(),
                words.card.to_owned(),
                words.removed_when.to_owned(),
            ],
            rows: texts(rows),
            numeric: false,
        }],
    })
}

pub(super) fn private_notes(session: &Session, words: &Words) -> Option<Section> {
    if session.private_notes.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for (segment, note) in &session.private_notes {
        let title = session
            .agenda
            .segments
            .get(segment.0)
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
