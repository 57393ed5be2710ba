//! Writing the document's cells into a worksheet: numbers as numbers, dates
//! as dates, each with the format a spreadsheet shows them in.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::export::blocks::{Block, Cell, Value};
use crate::export::escape;

/// The widest a column is fitted to, in pixels: a card's text wraps
/// rather than running off the screen.
const WIDEST_COLUMN: u32 = 400;

/// The most characters a spreadsheet's cell holds.
const MOST_IN_A_CELL: usize = 32_767;

/// How each kind of cell is shown.
pub struct Styles {
    heading: Format,
    text: Format,
    date: Format,
    date_time: Format,
    time: Format,
    share: Format,
    mean: Format,
    minutes: Format,
}

impl Styles {
    pub fn new() -> Self {
        // Excel shows these in the reader's own way: "32,7 %" in Swedish.
        Self {
            heading: Format::new().set_bold(),
            text: Format::new().set_text_wrap(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            date_time: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            time: Format::new().set_num_format("hh:mm"),
            share: Format::new().set_num_format("0.0%"),
            mean: Format::new().set_num_format("0.0"),
            minutes: Format::new().set_num_format("0\" min\""),
        }
    }
}

/// A text as a cell takes it: without control characters, which the
/// file's XML cannot hold, and cut to what a cell holds.
fn plain(text: &str) -> String {
    let plain = escape::plain(text);
    match plain.char_indices().nth(MOST_IN_A_CELL - 1) {
        Some((end, _)) => format!("{}…", &plain[..end]),
        None => plain,
    }
}

/// Writes `cell` at `row`, `column`: its value where it has one, else its text.
pub fn write_cell(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    cell: &Cell,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell.value {
        Value::Text if cell.shown.is_empty() => {}
        Value::Text => {
            sheet.write_string_with_format(row, column, plain(&cell.shown), &styles.text)?;
        }
        Value::Count(count) => {
            sheet.write_number(row, column, count)?;
        }
        Value::Share(share) => {
            sheet.write_number_with_format(row, column, share, &styles.share)?;
        }
        Value::Mean(mean) => {
            sheet.write_number_with_format(row, column, mean, &styles.mean)?;
        }
        Value::Minutes(minutes) => {
            // A day's minutes are exact in an f64.
            sheet.write_number_with_format(row, column, minutes as f64, &styles.minutes)?;
        }
        Value::Time(time) => {
            sheet.write_datetime_with_format(row, column, time, &styles.time)?;
        }
        Value::Date(date) => {
            sheet.write_datetime_with_format(row, column, date, &styles.date)?;
        }
        Value::DateTime(at) => {
            sheet.write_datetime_with_format(row, column, at, &styles.date_time)?;
        }
        Value::Flag(on) => {
            sheet.write_boolean(row, column, on)?;
        }
    }
    Ok(())
}

/// A sheet that is one table: its headings frozen above the rows, a filter
/// on every column, and the columns as wide as what they hold.
pub fn table(
    sheet: &mut Worksheet,
    heads: &[String],
    rows: &[Vec<Cell>],
    styles: &Styles,
) -> Result<(), XlsxError> {
    Rows {
        sheet: &mut *sheet,
        styles,
        row: 0,
    }
    .table(heads, rows)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let last_column = u16::try_from(heads.len().saturating_sub(1)).unwrap_or(u16::MAX);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_column)?;
    fit(sheet);
    Ok(())
}

/// A sheet of a document's blocks one under another, as the summary reads:
/// texts and headings in the first column, each table under its bold
/// headings with a blank row after it. Charts are left to the tables.
pub fn blocks(sheet: &mut Worksheet, blocks: &[Block], styles: &Styles) -> Result<(), XlsxError> {
    let mut next = Rows {
        sheet: &mut *sheet,
        styles,
        row: 0,
    };
    for block in blocks {
        match block {
            Block::Text(text) | Block::Aside(text) => next.line(text, false)?,
            Block::Heading(text) | Block::Subheading(text) => next.line(text, true)?,
            Block::List { label, items } => {
                if !label.is_empty() {
                    next.line(label, true)?;
                }
                for item in items {
                    next.line(item, false)?;
                }
            }
            Block::Cards(cards) => {
                for card in cards {
                    next.line(&card.text, false)?;
                }
            }
            Block::Table { head, rows, .. } => {
                next.table(head, rows)?;
                // A blank row after it.
                next.row += 1;
            }
            Block::Chart(_) => {}
        }
    }
    fit(sheet);
    Ok(())
}

/// A sheet written from the top down.
struct Rows<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    /// The next row to write.
    row: u32,
}

impl Rows<'_> {
    /// A line of text in the first column, which runs on over the empty
    /// cells beside it.
    fn line(&mut self, text: &str, heading: bool) -> Result<(), XlsxError> {
        match heading {
            true => self.sheet.write_string_with_format(
                self.row,
                0,
                plain(text),
                &self.styles.heading,
            )?,
            false => self.sheet.write_string(self.row, 0, plain(text))?,
        };
        self.row += 1;
        Ok(())
    }

    /// A table under its bold headings.
    fn table(&mut self, head: &[String], rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
        for (column, text) in (0u16..).zip(head) {
            self.sheet.write_string_with_format(
                self.row,
                column,
                plain(text),
                &self.styles.heading,
            )?;
        }
        for cells in rows {
            self.row += 1;
            for (column, cell) in (0u16..).zip(cells) {
                write_cell(self.sheet, (self.row, column), cell, self.styles)?;
            }
        }
        self.row += 1;
        Ok(())
    }
}

/// Every column as wide as what it holds, up to the widest.
fn fit(sheet: &mut Worksheet) {
    sheet.set_autofit_max_width(WIDEST_COLUMN);
    sheet.autofit();
}
