//! The board of the vision and action-plan exercises: a row per group, a column
//! per horizon (or vision heading), each card under the column it sits in.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::board::lanes;
use super::{View, card_text, group_label, i18n};
use crate::session::Card;

/// Most lines a card shows in a cell.
const MAX_ITEM_LINES: usize = 4;
/// Most rows a group other than the selected one takes.
const MAX_ROW_HEIGHT: u16 = 8;
/// Rows for the column headings.
const HEADER_HEIGHT: u16 = 2;

/// Draws the groups × columns table of the current segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, columns: &[String]) {
    let lanes = lanes(view);
    let label_width = lanes
        .iter()
        .map(|lane| group_label(view, *lane).chars().count() as u16 + 2)
        .max()
        .unwrap_or(10)
        .clamp(8, 18);
    let mut widths = vec![Constraint::Length(label_width)];
    widths.extend(columns.iter().map(|_| Constraint::Fill(1)));
    let [header, body] =
        Layout::vertical([Constraint::Length(HEADER_HEIGHT), Constraint::Fill(1)]).areas(area);
    let header_cells = Layout::horizontal(widths.clone()).split(header);
    for (title, cell) in columns.iter().zip(header_cells.iter().skip(1)) {
        let lines = card_text::fit(title, usize::from(cell.width.saturating_sub(1)), 2);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| Line::styled(line, view.theme.heading()))
            .collect();
        frame.render_widget(Paragraph::new(lines), *cell);
    }
    let cell_width = header_cells
        .get(1)
        .map_or(1, |cell| usize::from(cell.width.saturating_sub(2)));
    let rows: Vec<Row> = lanes
        .iter()
        .map(|lane| Row::new(view, *lane, columns, cell_width))
        .collect();
    let selected_row = lanes
        .iter()
        .position(|lane| *lane == view.selected_group)
        .unwrap_or(0);
    let heights: Vec<u16> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let cap = if index == selected_row {
                body.height.saturating_sub(1)
            } else {
                MAX_ROW_HEIGHT
            };
            row.height().min(cap).max(1) + 1
        })
        .collect();
    let first = first_row(&heights, selected_row, body.height);
    let mut y = body.y;
    for (index, row) in rows.iter().enumerate().skip(first) {
        if y >= body.bottom() {
            break;
        }
        let rule = Rect {
            y,
            height: 1,
            ..body
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                "─".repeat(usize::from(body.width)),
                view.theme.border(),
            )),
            rule,
        );
        let height = (heights[index] - 1).min(body.bottom().saturating_sub(y + 1));
        let row_area = Rect {
            y: y + 1,
            height,
            ..body
        };
        let cells = Layout::horizontal(widths.clone()).split(row_area);
        row.render(frame, &cells, view, index == selected_row);
        y += heights[index];
    }
}

/// The first row to draw so the selected one ends inside `height` rows.
fn first_row(heights: &[u16], selected: usize, height: u16) -> usize {
    let mut used = 0u16;
    let mut first = selected;
    for index in (0..=selected.min(heights.len().saturating_sub(1))).rev() {
        used = used.saturating_add(heights[index]);
        if used > height {
            break;
        }
        first = index;
    }
    first
}

/// One group's cards, laid out per column.
struct Row<'a> {
    group: Option<usize>,
    cells: Vec<Vec<Item<'a>>>,
}

/// A card as lines of a cell.
struct Item<'a> {
    card: &'a Card,
    lines: Vec<String>,
}

impl<'a> Row<'a> {
    fn new(view: &View<'a>, group: Option<usize>, columns: &[String], width: usize) -> Self {
        let session = view.session;
        let mut cells: Vec<Vec<Item>> = columns.iter().map(|_| Vec::new()).collect();
        for card in session.cards_in(session.current, group) {
            let column = card
                .horizon
                .as_ref()
                .and_then(|horizon| columns.iter().position(|column| column == horizon))
                .unwrap_or(0);
            let mut lines = card_text::fit(&card.text, width, MAX_ITEM_LINES);
            if let Some(tag) = &card.tag {
                lines.push(card_text::one_line(&format!("· {tag}"), width));
            }
            if let Some(cell) = cells.get_mut(column) {
                cell.push(Item { card, lines });
            }
        }
        Self { group, cells }
    }

    fn height(&self) -> u16 {
        self.cells
            .iter()
            .map(|items| items.iter().map(|item| item.lines.len()).sum::<usize>())
            .max()
            .unwrap_or(0) as u16
    }

    fn render(&self, frame: &mut Frame, cells: &[Rect], view: &View, row_selected: bool) {
        let label_style = if row_selected {
            view.theme.current()
        } else {
            view.theme.heading()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(group_label(view, self.group), label_style)),
            cells[0],
        );
        for (items, area) in self.cells.iter().zip(cells.iter().skip(1)) {
            render_cell(frame, *area, view, items, row_selected);
        }
    }
}

/// The items of one cell, scrolled so the selected card shows, with "↓ N" for
/// the ones left out.
fn render_cell(frame: &mut Frame, area: Rect, view: &View, items: &[Item], row_selected: bool) {
    let selected = items
        .iter()
        .position(|item| row_selected && Some(item.card.id) == view.selected_card);
    let mut lines: Vec<Line> = Vec::new();
    let rows = usize::from(area.height);
    let mut start = 0;
    if let Some(selected) = selected {
        let mut used = 0;
        for index in (0..=selected).rev() {
            used += items[index].lines.len();
            if used > rows {
                break;
            }
            start = index;
        }
    }
    for (index, item) in items.iter().enumerate().skip(start) {
        if lines.len() + item.lines.len() > rows {
            let more = format!(
                "↓ {} {}",
                items.len() - index,
                i18n::strings(view.language).more
            );
            lines.truncate(rows.saturating_sub(1));
            lines.push(Line::styled(more, view.theme.dim()));
            break;
        }
        let is_selected = Some(index) == selected;
        lines.extend(item_lines(view, item, is_selected));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn item_lines<'a>(view: &View, item: &'a Item, selected: bool) -> Vec<Line<'a>> {
    let marker = match (selected, item.card.quote) {
        (true, _) => "▶ ",
        (false, true) => "❝ ",
        (false, false) => "• ",
    };
    let text_style = if selected {
        view.theme.current()
    } else {
        Style::new()
    };
    let text_lines = item.lines.len() - usize::from(item.card.tag.is_some());
    item.lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let lead = if index == 0 { marker } else { "  " };
            let style = if index < text_lines {
                text_style
            } else {
                view.theme.tag()
            };
            Line::from(vec![Span::raw(lead), Span::styled(line.as_str(), style)])
        })
        .collect()
}
