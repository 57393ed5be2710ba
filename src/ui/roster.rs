//! The roster: every group's members with sector, role and whether they are
//! here today; the cursor on one member.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{View, group_label, overlay_block, status_bar};
use crate::i18n;
use crate::session::{Lane, MemberId};

/// Draws the roster over `area`, scrolled so the cursor shows.
pub fn render(frame: &mut Frame, area: Rect, view: &View, cursor: Option<MemberId>) {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let window = Rect {
        x: area.x + area.width / 20,
        y: area.y + 1,
        width: area.width - area.width / 10,
        height: area.height.saturating_sub(2),
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    if let Some(people) = status_bar::people_line(view) {
        lines.push(people);
        lines.push(Line::default());
    }
    if session.roster.members.is_empty() {
        lines.push(Line::styled(strings.roster_empty, view.theme.dim()));
    }
    for group in 0..session.groups.len() {
        let members: Vec<_> = session.roster.of_group(group).collect();
        let here = members
            .iter()
            .filter(|member| session.present.contains(&member.id))
            .count();
        lines.push(Line::styled(
            format!(
                "{} · {here}/{} {}",
                group_label(view, Lane::Group(group)),
                members.len(),
                strings.here
            ),
            view.theme.heading(),
        ));
        for member in members {
            let mark = if session.present.contains(&member.id) {
                "[x]"
            } else {
                "[ ]"
            };
            let role = member
                .role
                .map(|role| format!(" · {}", crate::i18n::role_label(role, view.language)))
                .unwrap_or_default();
            let text = format!(
                "  {mark} {}  {}{role}",
                super::printable(&member.name),
                crate::i18n::sector_heading(view.session.sectors(), &member.sector, view.language)
            );
            if Some(member.id) == cursor {
                cursor_line = lines.len();
                lines.push(Line::from(Span::styled(text, view.theme.current())));
            } else {
                lines.push(Line::from(text));
            }
        }
    }
    let inner_height = usize::from(window.height.saturating_sub(2));
    let scroll = cursor_line.saturating_sub(inner_height / 2);
    let block = overlay_block(view, strings.roster_title, strings.roster_hint);
    frame.render_widget(Clear, window);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        window,
    );
}
