//! Markdown read back with a real parser (pulldown-cmark), as a mail client
//! or converter would read it.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Every table of `text`, as rows of cell texts, the header first.
pub fn tables(text: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(text) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&text);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let (Some(row), Some(cell)) = (rows.last_mut(), cell.take()) {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::Table) => tables.push(rows.clone()),
            _ => {}
        }
    }
    tables
}

/// What a reader sees of `text`, block by block: a paragraph's text, a
/// heading's as "### text", a list's item as "- text", a table as "[table]".
pub fn outline(text: &str) -> Vec<String> {
    let mut shown = Vec::new();
    let mut open: Option<String> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Item) => open = Some("- ".to_owned()),
            Event::End(TagEnd::Item) => shown.extend(open.take()),
            Event::Start(Tag::Paragraph) if open.is_none() => open = Some(String::new()),
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph)
                if open.as_deref().is_some_and(|o| o.starts_with("- ")) => {}
            Event::Start(Tag::Heading { level, .. }) => {
                open = Some(format!("{} ", "#".repeat(level as usize)));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(open) = open.as_mut() {
                    open.push_str(&text);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => shown.extend(open.take()),
            Event::End(TagEnd::Table) => shown.push("[table]".to_owned()),
            _ => {}
        }
    }
    shown
}

/// What follows `block` in `text`'s outline, where `block` stands once.
pub fn next_after(text: &str, block: &str) -> String {
    let shown = outline(text);
    let places: Vec<usize> = (0..shown.len()).filter(|at| shown[*at] == block).collect();
    assert_eq!(places.len(), 1, "{block} once in:\n{text}");
    shown.get(places[0] + 1).cloned().unwrap_or_default()
}
