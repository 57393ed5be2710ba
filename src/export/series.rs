//! The summary of a whole series, so the groups' notes do not "fall into
//! oblivion" after the last seminar: who took part, each group's work across
//! the seminars in order, the action plans side by side, the cards by theme,
//! and every assignment. Members' names only when asked for.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset, Utc};

use super::markdown::{card_item, horizon_cell};
use super::{escape, poll};
use crate::agenda::{Language, Role, Sector, SegmentKind};
use crate::i18n::{Words, status_label, words};
use crate::session::SegmentIx;
use crate::session::{ActionItem, Brought, Card, Lane, Session};

/// A series and its sessions, in the order they were held.
#[derive(Debug, Clone, Copy)]
pub struct SeriesSummary<'a> {
    /// The series' name.
    pub name: &'a str,
    /// Its groups' names.
    pub groups: &'a [String],
    /// Its sessions, in order.
    pub sessions: &'a [&'a Session],
    /// When the series last changed: the e-mail draft's date.
    pub as_of: DateTime<Utc>,
    /// The offset of the local time the series ran in.
    pub offset: FixedOffset,
    /// Whether members' names are shown.
    pub names: bool,
}

impl SeriesSummary<'_> {
    /// The language of the first seminar's agenda.
    pub fn language(&self) -> Language {
        self.sessions
            .first()
            .map(|session| session.agenda.language)
            .unwrap_or_default()
    }

    fn words(&self) -> &'static Words {
        words(self.language())
    }

    /// The series' words for its events, as its first session's agenda
    /// names them: seminars, workshops, "erfarenhetsutbyten".
    fn event_words(&self) -> crate::i18n::EventWords {
        let language = self.language();
        match self.sessions.first() {
            Some(session) => crate::i18n::event_words(&session.agenda, language),
            None => {
                crate::i18n::event_named(&crate::agenda::Event::default().name(language), language)
            }
        }
    }

    /// The number of session `index`: its agenda's in the series, else its
    /// place in it.
    pub(super) fn number(&self, index: usize) -> usize {
        let agenda = &self.sessions[index].agenda;
        agenda.number.map_or(index + 1, |number| number as usize)
    }

    /// "2. Titel": the session's number and its title.
    fn seminar(&self, index: usize) -> String {
        let title = &self.sessions[index].agenda.title;
        format!("{}. {}", self.number(index), escape::cell(title))
    }
}

/// Where a session stands in its series: by the agenda's date where it gives
/// one (a measurement entered afterwards keeps its own), then its number;
/// sessions alike in both keep the order they were run in (a stable sort).
pub fn held(session: &Session, offset: FixedOffset) -> (chrono::NaiveDate, Option<u32>) {
    (session.day_at(offset), session.agenda.number)
}

/// The series summary as Markdown; the same series gives the same bytes.
pub fn series_markdown(summary: &SeriesSummary) -> String {
    series_text(summary, None)
}

/// The series summary for its page, and the trends' charts with where each
/// one's paragraph starts (see `markdown::render_page`).
pub fn series_page(summary: &SeriesSummary) -> (String, super::chart::Placed) {
    let mut charts = Vec::new();
    let text = series_text(summary, Some(&mut charts));
    (text, charts)
}

fn series_text(summary: &SeriesSummary, charts: Option<&mut super::chart::Placed>) -> String {
    let mut out = String::new();
    let words = summary.words();
    let _ = writeln!(out, "# {}\n", escape::line(summary.name));
    let _ = writeln!(
        out,
        "*{}: {}*\n",
        escape::line(&summary.event_words().events),
        summary.sessions.len()
    );
    participants(&mut out, summary);
    groups(&mut out, summary);
    action_plans(&mut out, summary);
    plan_over_time(&mut out, summary);
    poll::polls_side_by_side(&mut out, summary.sessions, words);
    poll::trends(&mut out, summary.sessions, summary.offset, words, charts);
    themes(&mut out, summary);
    assignments(&mut out, summary);
    out
}

/// "9 (64 %)": a count and its share of `total`.
fn share(count: usize, total: usize) -> String {
    if total == 0 {
        return "0".to_owned();
    }
    format!("{count} ({} %)", (count * 100 + total / 2) / total)
}

fn participants(out: &mut String, summary: &SeriesSummary) {
    let words = summary.words();
    let language = summary.language();
    let _ = writeln!(
        out,
        "## {}\n",
        escape::line(&summary.event_words().participants)
    );
    // The last session's sectors (the series' own when it has them), and any
    // other a participant was counted under.
    let known = summary.sessions.last().map(|last| last.sectors());
    let mut columns: Vec<Sector> = known.map(|known| known.all()).unwrap_or_default();
    for member in summary.sessions.iter().flat_map(|s| s.present_members()) {
        if !columns.contains(&member.sector) {
            columns.push(member.sector.clone());
        }
    }
    let sectors: Vec<String> = columns
        .iter()
        .map(|sector| match known {
            Some(known) => crate::i18n::sector_heading(known, sector, language),
            None => sector.id().to_owned(),
        })
        .collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---:|{}",
        escape::cell(&summary.event_words().label),
        words.date,
        words.present,
        sectors.join(" | "),
        "---:|".repeat(sectors.len())
    );
    for (index, session) in summary.sessions.iter().enumerate() {
        let present: Vec<_> = session.present_members().collect();
        let counts: Vec<String> = columns
            .iter()
            .map(|sector| {
                share(
                    present.iter().filter(|m| m.sector == *sector).count(),
                    present.len(),
                )
            })
            .collect();
        let date = session.day_at(summary.offset);
        let _ = writeln!(
            out,
            "| {} | {date} | {} | {} |",
            summary.seminar(index),
            present.len(),
            counts.join(" | ")
        );
    }
    out.push('\n');
    let _ = writeln!(out, "### {}\n", escape::line(&summary.event_words().roles));
    let roles: Vec<&str> = Role::ALL
        .iter()
        .map(|r| crate::i18n::role_label(*r, language))
        .collect();
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|{}",
        escape::cell(&summary.event_words().label),
        roles.join(" | "),
        "---:|".repeat(roles.len())
    );
    for (index, session) in summary.sessions.iter().enumerate() {
        let present: Vec<_> = session.present_members().collect();
        let counts: Vec<String> = Role::ALL
            .iter()
            .map(|role| {
                share(
                    present.iter().filter(|m| m.role == Some(*role)).count(),
                    present.len(),
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            summary.seminar(index),
            counts.join(" | ")
        );
    }
    out.push('\n');
}

fn groups(out: &mut String, summary: &SeriesSummary) {
    let words = summary.words();
    let _ = writeln!(out, "## {}\n", words.groups_over_series);
    for (group, name) in summary.groups.iter().enumerate() {
        let members: Vec<String> = match summary.sessions.last() {
            Some(last) if summary.names => last
                .roster
                .of_group(group)
                .map(|member| {
                    format!(
                        "{} ({})",
                        escape::line(&member.name),
                        crate::i18n::sector_label(
                            last.sectors(),
                            &member.sector,
                            summary.language()
                        )
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        // A card of a segment with its own group set is another group's.
        let of_group = |session: &Session, card: &Card| {
            card.group == Lane::Group(group) && session.set_of(card.segment).is_none()
        };
        let has_cards = summary
            .sessions
            .iter()
            .any(|session| session.cards.iter().any(|card| of_group(session, card)));
        // A group with nothing to show gets no heading of its own.
        if members.is_empty() && !has_cards {
            continue;
        }
        let _ = writeln!(out, "### {}\n", escape::line(name));
        if !members.is_empty() {
            let _ = writeln!(out, "*{}: {}*\n", words.members, members.join(", "));
        }
        for (index, session) in summary.sessions.iter().enumerate() {
            let cards: Vec<&Card> = session
                .cards
                .iter()
                .filter(|card| of_group(session, card))
                .collect();
            if cards.is_empty() {
                continue;
            }
            let _ = writeln!(out, "#### {}\n", summary.seminar(index));
            for (segment_index, segment) in session.agenda.segments.iter().enumerate() {
                let in_segment = session.cards_in(SegmentIx(segment_index), Lane::Group(group));
                if in_segment.is_empty() || session.set_of(SegmentIx(segment_index)).is_some() {
                    continue;
                }
                let _ = writeln!(out, "**{}**\n", escape::line(&segment.title));
                for card in in_segment {
                    card_item(out, &readable(session, card));
                }
                out.push('\n');
            }
        }
    }
}

/// `card` as the series lists it: an action item (written in an action plan,
/// or brought into a follow-up) by its words and owner, not its fields' syntax.
fn readable(session: &Session, card: &Card) -> Card {
    let kind = session.agenda.segments.get(card.segment.0).map(|s| s.kind);
    let mut shown = card.clone();
    if kind == Some(SegmentKind::ActionPlan) || card.brought().is_some() {
        let words = words(session.agenda.language);
        shown.text = ActionItem::parse(&card.text, session.day()).with_owner(words.coordinator);
    }
    shown
}

/// One table: a row per group, a column per horizon of every seminar's action plan.
fn action_plans(out: &mut String, summary: &SeriesSummary) {
    let mut columns: Vec<(usize, usize, String)> = Vec::new();
    for (index, session) in summary.sessions.iter().enumerate() {
        for (segment, kind) in session.agenda.segments.iter().map(|s| s.kind).enumerate() {
            if kind == SegmentKind::ActionPlan {
                for horizon in session.columns(SegmentIx(segment)).unwrap_or_default() {
                    columns.push((index, segment, horizon));
                }
            }
        }
    }
    if columns.is_empty() {
        return;
    }
    let words = summary.words();
    let _ = writeln!(out, "## {}\n", words.action_plans);
    let heads: Vec<String> = columns
        .iter()
        .map(|(index, _, horizon)| format!("{}: {}", index + 1, escape::cell(horizon)))
        .collect();
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|{}",
        words.group,
        heads.join(" | "),
        "---|".repeat(columns.len())
    );
    for (group, name) in summary.groups.iter().enumerate() {
        let cells: Vec<String> = columns
            .iter()
            .map(|(index, segment, horizon)| {
                let session = summary.sessions[*index];
                let cards: Vec<Card> = session
                    .cards_in(SegmentIx(*segment), Lane::Group(group))
                    .into_iter()
                    .map(|card| readable(session, card))
                    .collect();
                horizon_cell(&cards.iter().collect::<Vec<_>>(), horizon)
            })
            .collect();
        let _ = writeln!(out, "| {} | {} |", escape::cell(name), cells.join(" | "));
    }
    out.push('\n');
}

/// The action plans' items as the follow-ups found them: a row per item, a
/// column per session that followed it up, its status there.
fn plan_over_time(out: &mut String, summary: &SeriesSummary) {
    // Items by where they were first written, in the order first brought in.
    let mut items: Vec<(&Brought, &Card)> = Vec::new();
    let mut follow_ups: Vec<usize> = Vec::new();
    for (index, session) in summary.sessions.iter().enumerate() {
        for card in session.cards.iter().filter(|card| !card.hidden) {
            let Some(brought) = card.brought() else {
                continue;
            };
            if !follow_ups.contains(&index) {
                follow_ups.push(index);
            }
            if !items.iter().any(|(known, _)| *known == brought) {
                items.push((brought, card));
            }
        }
    }
    if items.is_empty() {
        return;
    }
    let words = summary.words();
    let language = summary.language();
    let _ = writeln!(
        out,
        "## {}
",
        words.plan_over_time
    );
    let heads: Vec<String> = follow_ups
        .iter()
        .map(|index| summary.seminar(*index))
        .collect();
    let [action, owner, ..] = words.action_columns;
    let _ = writeln!(
        out,
        "| {action} | {owner} | {} |\n|---|---|{}",
        heads.join(" | "),
        "---|".repeat(follow_ups.len())
    );
    for (brought, first) in items {
        let item = ActionItem::parse(&first.text, brought.date);
        let statuses: Vec<String> = follow_ups
            .iter()
            .map(|index| {
                let card = summary.sessions[*index]
                    .cards
                    .iter()
                    .find(|card| card.brought() == Some(brought));
                card.and_then(|card| card.status()).map_or_else(
                    || "–".to_owned(),
                    |status| status_label(status, language).to_owned(),
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            escape::cell(&item.what),
            escape::cell(&item.owners(words.coordinator)),
            statuses.join(" | ")
        );
    }
    out.push('\n');
}

fn themes(out: &mut String, summary: &SeriesSummary) {
    let Some(first) = summary.sessions.first() else {
        return;
    };
    let words = summary.words();
    let tagged: Vec<(usize, &Card)> = summary
        .sessions
        .iter()
        .enumerate()
        .flat_map(|(index, session)| {
            session
                .cards
                .iter()
                .filter(|card| card.tag.is_some())
                .map(move |card| (index, card))
        })
        .collect();
    if tagged.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", words.by_theme);
    for tag in first.every_tag() {
        let cards: Vec<&(usize, &Card)> = tagged
            .iter()
            .filter(|(_, card)| card.tag.as_deref() == Some(tag.as_str()))
            .collect();
        if cards.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", escape::line(&tag));
        for (index, card) in cards {
            let session = summary.sessions[*index];
            let group = match card.group {
                Lane::Group(_) if session.set_of(card.segment).is_some() => {
                    session.group_name_in(card.segment, card.group, words.group, "")
                }
                Lane::Group(group) => summary.groups.get(group).cloned().unwrap_or_default(),
                Lane::Plenary => words.whole_room.to_owned(),
            };
            let _ = writeln!(
                out,
                "- {} — *{}, {}*",
                escape::lines(&card.text, "  "),
                escape::line(&group),
                summary.seminar(*index)
            );
        }
        out.push('\n');
    }
}

fn assignments(out: &mut String, summary: &SeriesSummary) {
    let given: Vec<(usize, &String)> = summary
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(index, session)| session.agenda.assignment.as_ref().map(|a| (index, a)))
        .collect();
    if given.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n",
        escape::line(&summary.event_words().assignments)
    );
    for (index, assignment) in given {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            summary.seminar(index),
            escape::lines(assignment, "  ")
        );
    }
    out.push('\n');
}
