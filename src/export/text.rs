//! The summary as plain text, for the e-mail's text part: what a mail program
//! shows when it shows no HTML. No Markdown: headings underlined, lists with
//! dashes, tables as aligned columns, every text as it was typed.

use std::fmt::Write;

use textwrap::core::display_width;

use super::blocks::{Block, CardItem, Cell, Inline, Letter};
use super::escape;
use crate::session::PRIORITY_MARK;

/// `letter` as plain text.
pub fn text(letter: &Letter) -> String {
    let mut out = String::new();
    if let Some(internal) = &letter.internal {
        let _ = writeln!(out, "{}\n", escape::one_line(internal));
    }
    underlined(&mut out, &escape::one_line(&letter.title), '=');
    if let Some(subtitle) = &letter.subtitle {
        let _ = writeln!(out, "{}\n", escape::one_line(subtitle));
    }
    // A title in running text between the language's quotation marks.
    let (open, close) = match letter.language {
        crate::agenda::Language::Sv => ('”', '”'),
        crate::agenda::Language::En => ('“', '”'),
    };
    for (index, inline) in letter.lead.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        match inline {
            Inline::Plain(text) => out.push_str(&escape::plain(text)),
            Inline::Title(title) => {
                let _ = write!(out, "{open}{}{close}", escape::one_line(title));
            }
        }
    }
    out.push_str("\n\n");
    for (label, value) in &letter.facts {
        let _ = writeln!(
            out,
            "{}: {}",
            escape::one_line(label),
            escape::one_line(value)
        );
    }
    out.push('\n');
    for section in &letter.sections {
        out.push('\n');
        underlined(&mut out, &escape::one_line(&section.heading), '-');
        for block in &section.blocks {
            block_text(&mut out, block);
        }
    }
    out
}

fn underlined(out: &mut String, heading: &str, line: char) {
    let width = display_width(heading).max(1);
    let _ = writeln!(out, "{heading}\n{}\n", line.to_string().repeat(width));
}

fn block_text(out: &mut String, block: &Block) {
    match block {
        Block::Text(text) | Block::Aside(text) => {
            let _ = writeln!(out, "{}\n", escape::plain(text));
        }
        Block::List { label, items } => {
            if !label.is_empty() {
                let _ = writeln!(out, "{}:", escape::one_line(label));
            }
            for item in items {
                let _ = writeln!(out, "- {}", indented(item, "  "));
            }
            out.push('\n');
        }
        Block::Heading(text) => {
            let _ = writeln!(out, "{}\n", escape::one_line(text).to_uppercase());
        }
        // "Styrkor i dag:", but "Vad bör vi göra direkt?" as it is.
        Block::Subheading(text) => {
            let text = escape::one_line(text);
            let colon = if text.ends_with(['?', '!', ':', '.']) {
                ""
            } else {
                ":"
            };
            let _ = writeln!(out, "{text}{colon}");
        }
        Block::Cards(cards) => {
            for card in cards {
                card_text(out, card);
            }
            out.push('\n');
        }
        Block::Table {
            head,
            rows,
            numeric,
        } => table(out, head, rows, *numeric),
        // The e-mail's text keeps the table the chart draws.
        Block::Chart(_) => {}
    }
}

/// `text` with its second and later lines indented by `indent`.
fn indented(text: &str, indent: &str) -> String {
    escape::plain(text)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"))
}

fn card_text(out: &mut String, card: &CardItem) {
    // A quote is marked, not wrapped in quotation marks it may already have.
    let star = if card.priority {
        format!("{PRIORITY_MARK} ")
    } else {
        String::new()
    };
    let mark = format!("{star}{}", if card.quote { "» " } else { "" });
    let mut line = format!("- {mark}{}", indented(&card.text, "  "));
    if let Some(tag) = &card.tag {
        let _ = write!(line, " ({})", escape::one_line(tag));
    }
    if let Some(from) = &card.from {
        let _ = write!(line, " – {}", escape::one_line(from));
    }
    let _ = writeln!(out, "{line}");
}

/// How wide a mail window shows plain text.
const MAIL_WIDTH: usize = 78;

/// The narrowest the first column of a table is wrapped to, before the
/// table becomes a list.
const NARROWEST_FIRST_COLUMN: usize = 24;

/// A table as aligned columns, numbers to the right. A long first column
/// (a statement, an action) wraps within the mail window's width, so tables
/// of one shape look alike whatever their text; only a table whose other
/// columns leave too little room becomes a list of "head: cell" pairs.
fn table(out: &mut String, head: &[String], rows: &[Vec<Cell>], numeric: bool) {
    let head: Vec<String> = head.iter().map(|cell| escape::one_line(cell)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| escape::one_line(&cell.shown))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = (0..head.len())
        .map(|column| {
            std::iter::once(&head)
                .chain(&rows)
                .map(|row| row.get(column).map_or(0, |cell| display_width(cell)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let others: usize = widths.iter().skip(1).map(|width| width + 2).sum();
    let first_room = MAIL_WIDTH.saturating_sub(others);
    if first_room < NARROWEST_FIRST_COLUMN {
        for row in &rows {
            let pairs: Vec<String> = head
                .iter()
                .zip(row)
                .skip(1)
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(head, cell)| format!("{head}: {cell}"))
                .collect();
            let _ = writeln!(out, "- {}: {}", row[0], pairs.join(", "));
        }
        out.push('\n');
        return;
    }
    widths[0] = widths[0].min(first_room);
    let total = widths[0] + others;
    let line = |row: &[String]| -> String {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                let pad = " ".repeat(widths[column].saturating_sub(display_width(cell)));
                if numeric && column > 0 {
                    format!("{pad}{cell}")
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        cells.join("  ").trim_end().to_owned()
    };
    // The first cell's lines: the first beside the row's other cells, the
    // rest under it.
    let wrapped = |row: &[String]| -> String {
        let first = row.first().map_or("", String::as_str);
        let lines = textwrap::wrap(first, widths[0]);
        let mut cells = row.to_vec();
        if let Some(cell) = cells.first_mut() {
            *cell = lines
                .first()
                .map(|line| line.to_string())
                .unwrap_or_default();
        }
        let mut text = line(&cells);
        for more in lines.iter().skip(1) {
            let _ = write!(text, "\n{more}");
        }
        text
    };
    let _ = writeln!(out, "{}", wrapped(&head));
    let _ = writeln!(out, "{}", "-".repeat(total));
    for row in &rows {
        let _ = writeln!(out, "{}", wrapped(row));
    }
    out.push('\n');
}
