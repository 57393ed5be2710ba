//! A poll's live results: a bar chart per statement (how many chose each value,
//! and "vet ej"), with n and the mean; the statement hands are counted for
//! stands out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Block, BorderType, Borders, Paragraph};

use super::{View, card_text};
use crate::i18n;

/// Narrowest a statement's chart gets before fewer go side by side.
const MIN_CELL_WIDTH: u16 = 40;

/// Draws the results of the current poll segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let segment = session.current_segment();
    let results = session.statement_results(session.current);
    let scale = segment.scale_or_default(session.agenda.language);
    let lines = session
        .poll(session.current)
        .map_or(0, |answers| answers.respondents.len());
    let [header, grid] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let heading = match view.tally {
        Some(_) => Line::styled(strings.tally_hint, view.theme.warning()),
        None => Line::styled(
            format!("{lines} {} · i / v", strings.answers),
            view.theme.dim(),
        ),
    };
    frame.render_widget(Paragraph::new(heading), header);
    let count = results.len().max(1);
    let columns = usize::from((grid.width / MIN_CELL_WIDTH).max(1)).min(count);
    let rows = count.div_ceil(columns);
    let row_areas = Layout::vertical(vec![Constraint::Fill(1); rows]).split(grid);
    for (index, (statement, result)) in segment.statements.iter().zip(&results).enumerate() {
        let row = row_areas[index / columns];
        let cells = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(row);
        let cell = cells[index % columns];
        let selected = view.tally == Some(index);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(if selected {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(if selected {
                view.theme.current()
            } else {
                view.theme.border()
            })
            .title(card_text::one_line(
                &statement.text,
                usize::from(cell.width.saturating_sub(4)),
            ));
        let inner = block.inner(cell);
        frame.render_widget(block, cell);
        let mean = result
            .mean
            .map(|mean| i18n::decimal(mean, view.language))
            .unwrap_or_else(|| "–".to_owned());
        let summary = Line::styled(
            format!(
                "n {} · {} {mean} · {} {}",
                result.n, strings.mean, strings.dont_know_short, result.dont_know
            ),
            view.theme.dim(),
        );
        if inner.height < 4 {
            frame.render_widget(Paragraph::new(summary), inner);
            continue;
        }
        let [chart, text] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let mut bars: Vec<Bar> = result
            .counts
            .iter()
            .enumerate()
            .map(|(slot, count)| {
                Bar::default()
                    .value(u64::from(*count))
                    .label(Line::from((u32::from(scale.min) + slot as u32).to_string()))
            })
            .collect();
        if scale.dont_know {
            bars.push(
                Bar::default()
                    .value(u64::from(result.dont_know))
                    .label(Line::from("x")),
            );
        }
        let slots = bars.len() as u16;
        let width = (chart.width.saturating_sub(slots) / slots.max(1)).clamp(1, 7);
        frame.render_widget(
            BarChart::vertical(bars)
                .bar_width(width)
                .bar_gap(1)
                .bar_style(view.theme.running())
                .value_style(view.theme.heading()),
            chart,
        );
        frame.render_widget(Paragraph::new(summary), text);
    }
}
