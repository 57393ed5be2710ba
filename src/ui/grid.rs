//! The board of a segment with columns (the vision, the action plan, any
//! exercise's columns): a row per group, a column per heading, each card under
//! the column it sits in. A matrix has a row per row of the selected group's
//! matrix (on the projector, of every group with cards).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::board::lanes;
use super::{View, card_text, group_label};
use crate::i18n;
use crate::session::{Card, Lane};

/// Most lines a card shows in a cell.
const MAX_ITEM_LINES: usize = 4;
/// Most rows a group other than the selected one takes.
const MAX_ROW_HEIGHT: u16 = 8;
/// Rows for the column headings.
const HEADER_HEIGHT: u16 = 2;

/// A row of the table: a group's cards, or those of one row of its matrix.
#[derive(Debug, Clone)]
struct RowKey {
    lane: Lane,
    row: Option<String>,
    label: String,
}

/// The table's rows: a row per group, or per row of a matrix; the selected
/// row, and the column selected in it.
fn row_keys(view: &View, columns: usize) -> (Vec<RowKey>, usize, Option<usize>) {
    let session = view.session;
    let Some(rows) = session.rows(session.current) else {
        let keys: Vec<RowKey> = lanes(view)
            .into_iter()
            .map(|lane| RowKey {
                lane,
                row: None,
                label: group_label(view, lane),
            })
            .collect();
        let selected = keys
            .iter()
            .position(|key| key.lane == view.selected_lane)
            .unwrap_or(0);
        return (keys, selected, view.selected_column);
    };
    let shown: Vec<Lane> = if view.projector {
        lanes(view)
            .into_iter()
            .filter(|lane| !super::shown_cards(view, *lane).is_empty())
            .collect()
    } else {
        vec![view.selected_lane]
    };
    let keys = shown
        .iter()
        .flat_map(|lane| {
            rows.iter().map(move |row| RowKey {
                lane: *lane,
                row: Some(row.clone()),
                label: match view.projector {
                    true => format!("{} · {row}", group_label(view, *lane)),
                    false => row.clone(),
                },
            })
        })
        .collect();
    let cell = view.selected_column.unwrap_or(0);
    (keys, cell / columns.max(1), Some(cell % columns.max(1)))
}

/// Draws the groups × columns table of the current segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, columns: &[String]) {
    let (keys, selected_row, selected_column) = row_keys(view, columns.len());
    let is_matrix = keys.iter().any(|key| key.row.is_some());
    let label_width = keys
        .iter()
        .map(|key| key.label.chars().count() as u16 + 2)
        .max()
        .unwrap_or(10)
        .clamp(8, if is_matrix { 24 } else { 18 });
    let mut widths = vec![Constraint::Length(label_width)];
    widths.extend(columns.iter().map(|_| Constraint::Fill(1)));
    let [header, body] =
        Layout::vertical([Constraint::Length(HEADER_HEIGHT), Constraint::Fill(1)]).areas(area);
    let header_cells = Layout::horizontal(widths.clone()).split(header);
    // A matrix on the run screen is the selected group's: its name heads it.
    if is_matrix && !view.projector {
        let name = group_label(view, view.selected_lane);
        let lines = card_text::fit(&name, usize::from(label_width.saturating_sub(1)), 2);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| Line::styled(line, view.theme.current()))
            .collect();
        frame.render_widget(Paragraph::new(lines), header_cells[0]);
    }
    for (index, (title, cell)) in columns.iter().zip(header_cells.iter().skip(1)).enumerate() {
        // The column `a` adds to is marked, as the selected group is.
        let selected = selected_column == Some(index) && !view.projector;
        let (mark, style) = match selected {
            true => ("▸", view.theme.current()),
            false => ("", view.theme.heading()),
        };
        let title = format!("{mark}{title}");
        let lines = card_text::fit(&title, usize::from(cell.width.saturating_sub(1)), 2);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| Line::styled(line, style))
            .collect();
        frame.render_widget(Paragraph::new(lines), *cell);
    }
    let cell_width = header_cells
        .get(1)
        .map_or(1, |cell| usize::from(cell.width.saturating_sub(4)));
    let mut rows = Rows {
        view,
        keys: &keys,
        columns,
        width: cell_width,
        selected: selected_row,
        selected_cap: body.height.saturating_sub(1),
        built: (0..keys.len()).map(|_| None).collect(),
    };
    let first = rows.first_shown(body.height);
    let mut y = body.y;
    let mut shown_to = first;
    for index in first..keys.len() {
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
        let full_height = rows.height(index);
        let height = (full_height - 1).min(body.bottom().saturating_sub(y + 1));
        let row_area = Rect {
            y: y + 1,
            height,
            ..body
        };
        if height > 0 {
            shown_to = index;
        }
        let cells = Layout::horizontal(widths.clone()).split(row_area);
        let highlighted = index == selected_row && !view.projector;
        rows.get(index).render(frame, &cells, view, highlighted);
        y += full_height;
    }
    let strings = i18n::strings(view.language);
    // Groups out of sight are said to be there, and on which side.
    let hidden_below = keys.len().saturating_sub(shown_to + 1);
    for (hidden, words, y) in [
        (first, strings.groups_above, body.y),
        (
            hidden_below,
            strings.groups_below,
            body.bottom().saturating_sub(1),
        ),
    ] {
        if hidden == 0 || body.height < 2 {
            continue;
        }
        let arrow = if y == body.y { "↑" } else { "↓" };
        // On the run screen a matrix's rows are one group's.
        let count = match is_matrix && !view.projector {
            true => i18n::rows_count(hidden, view.language),
            false => i18n::groups_count(hidden, view.language),
        };
        let text = format!(" {arrow} {count} {words} ");
        let width = (text.chars().count() as u16).min(body.width);
        let area = Rect {
            x: body.right().saturating_sub(width),
            y,
            width,
            height: 1,
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, view.theme.warning())),
            area,
        );
    }
}

/// The rows of the table, built only when drawn or measured: with many groups
/// most rows never are.
struct Rows<'v, 'a> {
    view: &'v View<'a>,
    keys: &'v [RowKey],
    columns: &'v [String],
    width: usize,
    selected: usize,
    /// Lines the selected row may take; other rows take at most [`MAX_ROW_HEIGHT`].
    selected_cap: u16,
    built: Vec<Option<Row<'a>>>,
}

impl<'a> Rows<'_, 'a> {
    /// Most lines row `index` may take.
    fn cap(&self, index: usize) -> u16 {
        if index == self.selected {
            self.selected_cap
        } else {
            MAX_ROW_HEIGHT
        }
    }

    fn get(&mut self, index: usize) -> &Row<'a> {
        let cap = usize::from(self.cap(index));
        let (view, key, columns, width) = (self.view, &self.keys[index], self.columns, self.width);
        self.built[index].get_or_insert_with(|| Row::new(view, key, columns, width, cap))
    }

    /// Rows row `index` takes: its rule and its lines.
    fn height(&mut self, index: usize) -> u16 {
        let cap = self.cap(index);
        self.get(index).height().min(cap).max(1) + 1
    }

    /// The first row to draw so the selected one ends inside `height` rows.
    fn first_shown(&mut self, height: u16) -> usize {
        let mut used = 0u16;
        let mut first = self.selected;
        for index in (0..=self.selected.min(self.keys.len().saturating_sub(1))).rev() {
            used = used.saturating_add(self.height(index));
            if used > height {
                break;
            }
            first = index;
        }
        first
    }
}

/// One group's cards (or one row of its matrix), laid out per column.
struct Row<'a> {
    label: String,
    cells: Vec<Cell<'a>>,
}

/// The cards of one group under one column: those fitted to lines, and how
/// many more there are past the row's last line.
#[derive(Default)]
struct Cell<'a> {
    items: Vec<Item<'a>>,
    unfitted: usize,
}

/// A card as lines of a cell.
/// The line under a card's text in a cell: its tag and its dots.
fn meta_line(card: &Card) -> Option<String> {
    let dots = (card.dot_count() > 0).then(|| super::board::dots_label(card.dot_count()));
    let meta: Vec<&str> = card
        .tag
        .as_deref()
        .into_iter()
        .chain(dots.as_deref())
        .collect();
    (!meta.is_empty()).then(|| format!("· {}", meta.join(" · ")))
}

struct Item<'a> {
    card: &'a Card,
    lines: Vec<String>,
}

impl<'a> Row<'a> {
    /// Fits each cell's cards until it passes `cap` lines; a cell holding the
    /// selected card fits them all, so it can scroll to it.
    fn new(view: &View<'a>, key: &RowKey, columns: &[String], width: usize, cap: usize) -> Self {
        let mut cells: Vec<Cell> = columns.iter().map(|_| Cell::default()).collect();
        let mut cards = super::shown_cards(view, key.lane);
        if key.row.is_some() {
            cards.retain(|card| card.row == key.row);
        }
        let selected_column = cards
            .iter()
            .find(|card| Some(card.id) == view.selected_card)
            .map(|card| column_of(card, columns));
        for card in cards {
            let column = column_of(card, columns);
            let Some(cell) = cells.get_mut(column) else {
                continue;
            };
            let used: usize = cell.items.iter().map(|item| item.lines.len()).sum();
            if used > cap && selected_column != Some(column) {
                cell.unfitted += 1;
                continue;
            }
            let mut lines = view.cache.fit(&card.text, width, MAX_ITEM_LINES).to_vec();
            if card.hidden {
                let hidden = crate::i18n::door_words(view.language).hidden;
                lines.push(card_text::one_line(&format!("· {hidden}"), width));
            }
            if let Some(meta) = meta_line(card) {
                lines.push(card_text::one_line(&meta, width));
            }
            cell.items.push(Item { card, lines });
        }
        Self {
            label: key.label.clone(),
            cells,
        }
    }

    fn height(&self) -> u16 {
        self.cells
            .iter()
            .map(|cell| {
                cell.items
                    .iter()
                    .map(|item| item.lines.len())
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0) as u16
    }

    fn render(&self, frame: &mut Frame, cells: &[Rect], view: &View, row_selected: bool) {
        let label_style = if row_selected {
            view.theme.current()
        } else {
            view.theme.heading()
        };
        // A long name wraps in its cell rather than being cut.
        let label = &cells[0];
        let lines: Vec<Line> = card_text::fit(
            &self.label,
            usize::from(label.width.saturating_sub(1)).max(1),
            usize::from(label.height).max(1),
        )
        .into_iter()
        .map(|line| Line::styled(line, label_style))
        .collect();
        frame.render_widget(Paragraph::new(lines), *label);
        for (cell, area) in self.cells.iter().zip(cells.iter().skip(1)) {
            render_cell(frame, *area, view, cell, row_selected);
        }
    }
}

/// The items of one cell, scrolled so the selected card shows, with "↓ N" for
/// the ones left out.
fn render_cell(frame: &mut Frame, area: Rect, view: &View, cell: &Cell, row_selected: bool) {
    let items = &cell.items;
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
    // Two cells: a pointer at the selected card (or the mark of personal
    // data), then the quote mark or a bullet.
    let flagged = super::board::flagged(view, item.card);
    // A card from the room has the phone's mark for its bullet.
    let bullet = match (
        item.card.priority,
        item.card.quote,
        item.card.from_room.is_some() && !view.projector,
    ) {
        (true, _, _) => crate::session::PRIORITY_MARK,
        (false, true, _) => super::board::QUOTE_MARK,
        (false, false, true) => super::board::ROOM_MARK,
        (false, false, false) => "•",
    };
    let pointer = match (selected, flagged) {
        (true, _) => "▶",
        (false, true) => "⚠",
        (false, false) => " ",
    };
    let marker = format!("{pointer}{bullet}");
    let text_style = match (selected, item.card.hidden) {
        (true, _) => view.theme.current(),
        (false, true) => view.theme.dim(),
        (false, false) => Style::new(),
    };
    let text_lines = item.lines.len() - usize::from(meta_line(item.card).is_some());
    item.lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let lead = if index == 0 {
                marker.clone()
            } else {
                "  ".to_owned()
            };
            let lead = Span::styled(
                lead,
                if selected {
                    view.theme.current()
                } else {
                    Style::new()
                },
            );
            let style = if index < text_lines {
                text_style
            } else {
                view.theme.tag()
            };
            Line::from(vec![
                lead,
                Span::raw(" "),
                Span::styled(line.as_str(), style),
            ])
        })
        .collect()
}

/// The column `card` sits in; the first when its horizon is unknown.
fn column_of(card: &Card, columns: &[String]) -> usize {
    card.horizon
        .as_ref()
        .and_then(|horizon| columns.iter().position(|column| column == horizon))
        .unwrap_or(0)
}
