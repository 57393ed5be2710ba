//! The status line: clock, planned and projected end with the drift, the group, hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, card_text, format, group_label};
use crate::i18n;
use crate::session::Lane;

/// Draws the status line in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let drift = session.drift_minutes(view.now);
    let group = group_label(view, view.selected_lane);
    let drift_style = if drift > 0 {
        view.theme.warning()
    } else {
        view.theme.dim()
    };
    let clock = Span::raw(format!(
        " {} {}",
        strings.now,
        format::clock(view.now, view.offset)
    ));
    let first_start = session.planned_starts()[session.current];
    // With the planned end, or (`short`, where room is scarce) only the
    // expected end and the drift.
    let left_line = |short: bool| {
        let plan = if !session.has_begun() && first_start > view.now {
            // Before the day: when it starts, not how early we are.
            vec![Span::raw(format!(
                "{} {} · {} {}",
                strings.starts_at,
                format::clock(first_start, view.offset),
                strings.starts_in,
                format::wait(first_start - view.now, strings.minutes_short)
            ))]
        } else {
            let mut plan = Vec::new();
            if !short {
                plan.push(Span::raw(format!(
                    "{} {}",
                    strings.planned_end,
                    format::clock(session.planned_end(), view.offset)
                )));
                plan.push(Span::styled(" · ", view.theme.dim()));
            }
            // The drift is the minutes between the two clock times shown.
            plan.push(Span::styled(
                format!(
                    "{} {} ({})",
                    strings.projected_end,
                    format::clock(session.projected_end(view.now), view.offset),
                    format::drift(drift, strings)
                ),
                drift_style,
            ));
            plan
        };
        let mut spans = vec![clock.clone(), Span::styled(" · ", view.theme.dim())];
        spans.extend(plan);
        spans.extend([
            Span::styled(" · ", view.theme.dim()),
            Span::styled(group.clone(), view.theme.heading()),
        ]);
        Line::from(spans)
    };
    let width = usize::from(area.width);
    let beside = |left: &Line, text: &str| left.width() + text.chars().count() + 3 <= width;
    let notice = view.notice.map(|notice| notice.text(view.language));
    let full = left_line(false);
    // What stands beside it (a notice, else at least "? hjälp") keeps its place.
    let left = match &notice {
        Some(text) if !beside(&full, text) => left_line(true),
        None if !beside(&full, strings.hint) => left_line(true),
        _ => full,
    };
    let fits_beside = |text: &str| beside(&left, text);
    let right = match notice {
        // A message never splices into the clock, the drift or the group: it
        // stands beside them, or takes the line whole while it shows.
        Some(text) => {
            if !fits_beside(&text) {
                let whole = card_text::one_line(&text, width.saturating_sub(2));
                let line = Line::styled(format!(" {whole}"), view.theme.warning());
                frame.render_widget(Paragraph::new(line), area);
                return;
            }
            Span::styled(format!("{text} "), view.theme.warning())
        }
        // While the room is open, the way in stands where the hints were.
        None if view.room.is_some() => {
            let door = view
                .room
                .map(|door| door_text(door, view.language, width.saturating_sub(left.width() + 3)))
                .unwrap_or_default();
            Span::styled(format!("{door} "), view.theme.heading())
        }
        None if fits_beside(strings.hint_long) => {
            Span::styled(format!("{} ", strings.hint_long), view.theme.dim())
        }
        None if fits_beside(strings.hint) => {
            Span::styled(format!("{} ", strings.hint), view.theme.dim())
        }
        None => Span::raw(""),
    };
    let right_width = right.width() as u16;
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(left), left_area);
    frame.render_widget(Paragraph::new(right), right_area);
}

/// "rummet http://192.168.1.23:8765 · kod K7M2QX", or as much of it as fits
/// in `width`: the code matters most.
pub fn door_text(
    door: &crate::room::Door,
    language: crate::agenda::Language,
    width: usize,
) -> String {
    let words = i18n::door_words(language);
    let code = format!("{} {}", words.code, door.code);
    let address = door.url.trim_start_matches("http://");
    let whole = format!("{} {address} · {code}", words.room);
    if whole.chars().count() <= width {
        whole
    } else {
        code
    }
}

/// Today's attendance by sector, and the groups that lack a sector the agenda
/// wants in every group; `None` while the session has no roster.
pub fn people_line(view: &View) -> Option<Line<'static>> {
    let session = view.session;
    let missing = session.missing_sectors();
    if session.roster.members.is_empty() && missing.is_empty() {
        return None;
    }
    let strings = i18n::strings(view.language);
    let attendance = session.attendance_by_sector();
    let total: usize = attendance.iter().map(|(_, count)| count).sum();
    let by_sector: Vec<String> = attendance
        .iter()
        .map(|(sector, count)| {
            format!(
                "{} {count}",
                crate::i18n::sector_label(session.sectors(), sector, view.language)
            )
        })
        .collect();
    let mut spans = vec![Span::styled(
        format!(
            " {} {total}: {}",
            strings.present_today,
            by_sector.join(" · ")
        ),
        view.theme.dim(),
    )];
    if !missing.is_empty() {
        let lacking: Vec<String> = missing
            .iter()
            .map(|(group, sectors)| {
                let names: Vec<&str> = sectors
                    .iter()
                    .map(|s| crate::i18n::sector_label(session.sectors(), s, view.language))
                    .collect();
                format!(
                    "{} {} {}",
                    group_label(view, Lane::Group(*group)),
                    strings.lacks,
                    names.join(", ")
                )
            })
            .collect();
        spans.push(Span::styled(
            format!("  ⚠ {}", lacking.join("; ")),
            view.theme.warning(),
        ));
    }
    Some(Line::from(spans))
}
