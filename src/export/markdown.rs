//! The summary as CommonMark (with tables): what participants receive. Every
//! card's text is escaped, so the structure is the summary's own.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset, Utc};

use super::{escape, poll};
use crate::agenda::{Role, Sector, SegmentKind};
use crate::i18n::{Words, words};
use crate::session::{Card, Lane, Session};

/// What to put in a summary, and how to show its times.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a> {
    /// The session summed up.
    pub session: &'a Session,
    /// When it was last changed: "now" for segments still running.
    pub as_of: DateTime<Utc>,
    /// The offset of the local time the seminar ran in.
    pub offset: FixedOffset,
    /// Whether the facilitator's private notes are included.
    pub private: bool,
    /// Whether members' names are included (otherwise only counts).
    pub names: bool,
}

impl Summary<'_> {
    fn words(&self) -> &'static Words {
        words(self.session.agenda.language)
    }

    /// The name of `group`, or of the whole room.
    pub fn group_name(&self, group: Lane) -> String {
        let words = self.words();
        self.session
            .group_name(group, words.group, words.whole_room)
    }

    /// Every group, then the whole room.
    pub(super) fn lanes(&self) -> impl Iterator<Item = Lane> {
        Lane::all(self.session.groups.len())
    }
}

/// The summary of `summary.session` as Markdown; the same session gives the
/// same bytes.
pub fn markdown(summary: &Summary) -> String {
    let mut out = String::new();
    header(&mut out, summary);
    for (index, segment) in summary.session.agenda.segments.iter().enumerate() {
        let answered =
            segment.kind == SegmentKind::Poll && poll::has_answers(summary.session, index);
        if !summary.session.has_cards(index) && !answered {
            continue;
        }
        let _ = writeln!(out, "## {}\n", escape::line(&segment.title));
        if !segment.questions.is_empty() {
            let _ = writeln!(out, "*{}:*\n", summary.words().questions);
            for question in &segment.questions {
                let _ = writeln!(out, "- {}", escape::line(question));
            }
            out.push('\n');
        }
        if answered {
            if let Some(instruction) = &segment.instruction {
                let _ = writeln!(out, "*{}*\n", escape::line(instruction));
            }
            poll::poll_section(&mut out, summary.session, index, summary.words());
        }
        match (segment.kind, summary.session.columns(index)) {
            (SegmentKind::ActionPlan, Some(columns)) => {
                action_plan(&mut out, summary, index, &columns)
            }
            (_, Some(columns)) => by_column(&mut out, summary, index, &columns),
            _ => by_group(&mut out, summary, index),
        }
    }
    by_theme(&mut out, summary);
    footer(&mut out, summary);
    out
}

fn header(out: &mut String, summary: &Summary) {
    let agenda = &summary.session.agenda;
    let words = summary.words();
    let _ = writeln!(out, "# {}\n", escape::line(&agenda.title));
    if let Some(series) = &agenda.series {
        let number = agenda
            .number
            .map(|number| format!(" · {} {number}", words.seminar))
            .unwrap_or_default();
        let _ = writeln!(out, "*{}{number}*\n", escape::line(series));
    }
    let date = agenda.date.unwrap_or_else(|| {
        summary
            .session
            .planned_start
            .with_timezone(&summary.offset)
            .date_naive()
    });
    let _ = writeln!(out, "- **{}:** {date}", words.date);
    if let Some(place) = &agenda.place {
        let _ = writeln!(out, "- **{}:** {}", words.place, escape::line(place));
    }
    if !agenda.experts.is_empty() {
        let experts: Vec<String> = agenda.experts.iter().map(|e| escape::line(e)).collect();
        let _ = writeln!(out, "- **{}:** {}", words.experts, experts.join(", "));
    }
    let _ = writeln!(
        out,
        "- **{}:** {}",
        words.groups,
        summary.session.groups.len()
    );
    participants(out, summary);
    out.push('\n');
    if summary.names {
        members(out, summary);
    }
    if !agenda.preparation.is_empty() {
        let _ = writeln!(out, "## {}\n", words.preparation);
        for item in &agenda.preparation {
            let _ = writeln!(out, "- {}", escape::lines(item, "  "));
        }
        out.push('\n');
    }
}

/// Who was here today, as counts by sector and by role category; nothing
/// without attendance.
fn participants(out: &mut String, summary: &Summary) {
    let session = summary.session;
    let language = session.agenda.language;
    let present: Vec<_> = session.present_members().collect();
    if present.is_empty() {
        return;
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
    let mut line = format!(
        "- **{}:** {} ({})",
        summary.words().present,
        present.len(),
        sectors.join(", ")
    );
    if !roles.is_empty() {
        let _ = write!(line, "; {}", roles.join(", "));
    }
    let _ = writeln!(out, "{line}");
}

/// Each group's members present today, by name: only when asked for.
fn members(out: &mut String, summary: &Summary) {
    let session = summary.session;
    if session.present.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", summary.words().members);
    for (group, name) in session.groups.iter().enumerate() {
        let here: Vec<String> = session
            .roster
            .of_group(group)
            .filter(|member| session.present.contains(&member.id))
            .map(|member| {
                format!(
                    "{} ({})",
                    escape::line(&member.name),
                    crate::i18n::sector_label(member.sector, session.agenda.language)
                )
            })
            .collect();
        if !here.is_empty() {
            let _ = writeln!(out, "- **{}:** {}", escape::line(name), here.join(", "));
        }
    }
    out.push('\n');
}

/// A card as a list item: quotes as a block quote inside it, the tag after.
pub(super) fn card_item(out: &mut String, card: &Card) {
    let tag = card
        .tag
        .as_ref()
        .map(|tag| format!(" *({})*", escape::line(tag)))
        .unwrap_or_default();
    if card.quote {
        let _ = writeln!(out, "- > {}{tag}", escape::lines(&card.text, "  > "));
    } else {
        let _ = writeln!(out, "- {}{tag}", escape::lines(&card.text, "  "));
    }
}

fn by_group(out: &mut String, summary: &Summary, segment: usize) {
    for lane in summary.lanes() {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", escape::line(&summary.group_name(lane)));
        for card in cards {
            card_item(out, card);
        }
        out.push('\n');
    }
}

/// The vision: per group, the cards under each heading.
fn by_column(out: &mut String, summary: &Summary, segment: usize, columns: &[String]) {
    for lane in summary.lanes() {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", escape::line(&summary.group_name(lane)));
        for column in columns {
            let under: Vec<&&Card> = cards
                .iter()
                .filter(|card| card.horizon.as_deref() == Some(column.as_str()))
                .collect();
            if under.is_empty() {
                continue;
            }
            let _ = writeln!(out, "#### {}\n", escape::line(column));
            for card in under {
                card_item(out, card);
            }
            out.push('\n');
        }
    }
}

/// The action plan: a table of groups × horizons; several cards in a cell are
/// numbered so each stays apart.
fn action_plan(out: &mut String, summary: &Summary, segment: usize, columns: &[String]) {
    let words = summary.words();
    let heads: Vec<String> = columns.iter().map(|column| escape::cell(column)).collect();
    let _ = writeln!(out, "| {} | {} |", words.group, heads.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(columns.len()));
    for lane in summary.lanes() {
        let cards = summary.session.cards_in(segment, lane);
        if cards.is_empty() {
            continue;
        }
        let cells: Vec<String> = columns
            .iter()
            .map(|column| horizon_cell(&cards, column))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            escape::cell(&summary.group_name(lane)),
            cells.join(" | ")
        );
    }
    out.push('\n');
}

/// The table cell of `cards` under `horizon`: one card as it is, several
/// numbered "1) … 2) …" so each stays apart.
pub(super) fn horizon_cell(cards: &[&Card], horizon: &str) -> String {
    let texts: Vec<String> = cards
        .iter()
        .filter(|card| card.horizon.as_deref() == Some(horizon))
        .map(|card| escape::cell(&card.text))
        .collect();
    match texts.len() {
        0 | 1 => texts.concat(),
        _ => texts
            .iter()
            .enumerate()
            .map(|(n, text)| format!("{}\\) {text}", n + 1))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Cards grouped by their tag, in the order of the agenda's tag set.
fn by_theme(out: &mut String, summary: &Summary) {
    let session = summary.session;
    let tagged: Vec<&Card> = session
        .cards
        .iter()
        .filter(|card| card.tag.is_some())
        .collect();
    if tagged.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", summary.words().by_theme);
    for tag in session.agenda.tag_set() {
        let mut cards: Vec<&&Card> = tagged
            .iter()
            .filter(|card| card.tag.as_deref() == Some(tag.as_str()))
            .collect();
        if cards.is_empty() {
            continue;
        }
        cards.sort_by_key(|card| (card.segment, card.group, card.id));
        let _ = writeln!(out, "### {}\n", escape::line(&tag));
        for card in cards {
            let segment = &session.agenda.segments[card.segment].title;
            let _ = writeln!(
                out,
                "- {} — *{}, {}*",
                escape::lines(&card.text, "  "),
                escape::line(&summary.group_name(card.group)),
                escape::line(segment)
            );
        }
        out.push('\n');
    }
}

fn footer(out: &mut String, summary: &Summary) {
    let session = summary.session;
    let words = summary.words();
    if let Some(assignment) = &session.agenda.assignment {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            words.assignment,
            escape::lines(assignment, "")
        );
    }
    let _ = writeln!(out, "## {}\n", words.time_log);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---:|---:|",
        words.segment, words.started, words.planned, words.actual
    );
    let (mut planned_total, mut actual_total) = (0u32, 0i64);
    let schedule = session.schedule(summary.as_of);
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
                    schedule[index]
                        .starts
                        .with_timezone(&summary.offset)
                        .format("%H:%M")
                        .to_string(),
                    format!("{minutes} {}", words.minutes),
                )
            }
            None => ("–".to_owned(), "–".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {started} | {planned} {} | {actual} |",
            escape::cell(&segment.title),
            words.minutes
        );
    }
    let drift = actual_total - i64::from(planned_total);
    let drift = match drift {
        0 => words.on_time.to_owned(),
        d if d > 0 => format!("+{d} {}", words.minutes),
        d => format!("−{} {}", -d, words.minutes),
    };
    let _ = writeln!(
        out,
        "| **{}** | | {planned_total} {} | {actual_total} {} ({drift}) |\n",
        words.total, words.minutes, words.minutes
    );
    if summary.private && !session.private_notes.is_empty() {
        let _ = writeln!(out, "## {}\n", words.private_notes);
        for (segment, note) in &session.private_notes {
            let title = session
                .agenda
                .segments
                .get(*segment)
                .map(|segment| segment.title.as_str())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "### {}\n\n{}\n",
                escape::line(title),
                escape::lines(note, "")
            );
        }
    }
}
