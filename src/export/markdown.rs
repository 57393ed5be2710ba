//! The summary as CommonMark (with tables): what participants receive. Every
//! card's text is escaped, so the structure is the summary's own.

use std::fmt::Write;

use super::blocks::{Block, CardItem, Inline, Letter, numbered};
use super::escape;
use super::letter::letter;
use super::summary::Summary;
use crate::session::{Card, PRIORITY_MARK};

/// The summary of `summary.session` as Markdown; the same session gives the
/// same bytes.
pub fn markdown(summary: &Summary) -> String {
    render(&letter(summary))
}

/// `letter` as CommonMark with tables.
pub fn render(letter: &Letter) -> String {
    render_with(letter, None)
}

/// `letter` as CommonMark for the page, and its charts as inline SVG, each
/// with where its paragraph starts in the text: the page puts the chart in
/// that paragraph's place. (Raw HTML in the text is shown as text, so the
/// charts go around the Markdown, never through it.)
pub fn render_page(letter: &Letter) -> (String, super::chart::Placed) {
    let mut charts = Vec::new();
    let text = render_with(letter, Some(&mut charts));
    (text, charts)
}

fn render_with(letter: &Letter, mut charts: Option<&mut super::chart::Placed>) -> String {
    let mut out = String::new();
    if let Some(internal) = &letter.internal {
        let _ = writeln!(out, "**{}**\n", escape::line(internal));
    }
    let _ = writeln!(out, "# {}\n", escape::line(&letter.title));
    if let Some(subtitle) = &letter.subtitle {
        let _ = writeln!(out, "*{}*\n", escape::line(subtitle));
    }
    for (index, inline) in letter.lead.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        match inline {
            Inline::Plain(text) => out.push_str(&escape::lines(text, "")),
            Inline::Title(title) => {
                let _ = write!(out, "*{}*", escape::line(title));
            }
        }
    }
    out.push_str("\n\n");
    for (label, value) in &letter.facts {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            escape::line(label),
            escape::line(value)
        );
    }
    out.push('\n');
    for section in &letter.sections {
        let _ = writeln!(out, "## {}\n", escape::line(&section.heading));
        for block in &section.blocks {
            match (block, charts.as_deref_mut()) {
                (Block::Chart(chart), Some(charts)) => {
                    super::chart::place(&mut out, charts, chart, letter.language);
                }
                (block, _) => block_markdown(&mut out, block),
            }
        }
    }
    out
}

fn block_markdown(out: &mut String, block: &Block) {
    match block {
        Block::Text(text) => {
            let _ = writeln!(out, "{}\n", escape::lines(text, ""));
        }
        Block::Aside(text) => {
            let _ = writeln!(out, "*{}*\n", escape::line(text));
        }
        Block::List { label, items } => {
            if !label.is_empty() {
                let _ = writeln!(out, "*{}:*\n", escape::line(label));
            }
            for item in items {
                let _ = writeln!(out, "- {}", escape::lines(item, "  "));
            }
            out.push('\n');
        }
        Block::Heading(text) => {
            let _ = writeln!(out, "### {}\n", escape::line(text));
        }
        Block::Subheading(text) => {
            let _ = writeln!(out, "#### {}\n", escape::line(text));
        }
        Block::Cards(cards) => {
            for card in cards {
                item(out, card);
            }
            out.push('\n');
        }
        Block::Table {
            head,
            rows,
            numeric,
        } => {
            let heads: Vec<String> = head.iter().map(|cell| escape::cell(cell)).collect();
            let _ = writeln!(out, "| {} |", heads.join(" | "));
            let align = if *numeric { "---:|" } else { "---|" };
            let _ = writeln!(out, "|---|{}", align.repeat(head.len().saturating_sub(1)));
            for row in rows {
                let cells: Vec<String> = row.iter().map(|cell| escape::cell(&cell.shown)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
            out.push('\n');
        }
        Block::Chart(_) => {}
    }
}

/// A card as a list item: a quote as a block quote inside it, the tag and
/// where it came from after.
fn item(out: &mut String, card: &CardItem) {
    let mut after = String::new();
    if let Some(tag) = &card.tag {
        let _ = write!(after, " *({})*", escape::line(tag));
    }
    if let Some(from) = &card.from {
        let _ = write!(after, " — *{}*", escape::line(from));
    }
    let mark = if card.priority {
        format!("{PRIORITY_MARK} ")
    } else {
        String::new()
    };
    if card.quote {
        let _ = writeln!(
            out,
            "- > {mark}{}{after}",
            escape::lines(&card.text, "  > ")
        );
    } else {
        let _ = writeln!(out, "- {mark}{}{after}", escape::lines(&card.text, "  "));
    }
}

/// A card as a list item, as the series summary lists them.
pub(super) fn card_item(out: &mut String, card: &Card) {
    item(out, &CardItem::of(card));
}

/// The table cell of `cards` under `horizon`: one card as it is, several
/// numbered "1) … 2) …" so each stays apart.
pub(super) fn horizon_cell(cards: &[&Card], horizon: &str) -> String {
    let texts: Vec<String> = cards
        .iter()
        .filter(|card| card.horizon.as_deref() == Some(horizon))
        .map(|card| escape::cell(&card.text))
        .collect();
    numbered(&texts, "\\)")
}
