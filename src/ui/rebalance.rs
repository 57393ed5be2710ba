//! The rebalance proposal: before and after minutes, applied only on `y`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Row, Table};

use super::{View, centered, format, overlay_block};
use crate::i18n;
use crate::session::Proposal;

/// Draws the proposal window over `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, proposal: &Proposal) {
    let strings = i18n::strings(view.language);
    let rows: Vec<Row> = proposal
        .changes
        .iter()
        .map(|change| {
            Row::new([
                Span::styled(format::clock(change.starts, view.offset), view.theme.dim()),
                Span::raw(view.session.agenda.segments[change.segment].title.as_str()),
                Span::raw(format!("{} {}", change.before, strings.minutes_short)),
                Span::styled(
                    format!("→ {} {}", change.after, strings.minutes_short),
                    view.theme.heading(),
                ),
            ])
        })
        .collect();
    let mut summary = format!(
        "{} {}",
        strings.rebalance_lands,
        format::clock(proposal.lands_at, view.offset)
    );
    if proposal.still_late > 0 {
        let late = strings
            .rebalance_still_late
            .replace("{}", &proposal.still_late.to_string());
        summary.push_str(&format!(", {late}"));
    }
    summary.push('.');
    let body_rows = rows.len().max(1) as u16;
    let window = centered(area, 76, body_rows + 5);
    let block = overlay_block(view, strings.rebalance_title, strings.rebalance_confirm);
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(block, window);
    let [table_area, _, summary_area] = Layout::vertical([
        Constraint::Length(body_rows + 1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(strings.rebalance_nothing_to_cut), table_area);
    } else {
        let header = Row::new(["", "", strings.rebalance_before, strings.rebalance_after])
            .style(view.theme.dim());
        let table = Table::new(
            rows,
            [
                Constraint::Length(5),
                Constraint::Fill(1),
                Constraint::Length(8),
                Constraint::Length(10),
            ],
        )
        .header(header);
        frame.render_widget(table, table_area);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(summary, view.theme.heading())),
        summary_area,
    );
}
