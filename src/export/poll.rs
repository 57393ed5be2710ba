//! A poll in the summary: per statement the distribution, n, mean and "vet
//! ej"; per theme the respondents whose index is lower or higher, per sector
//! and in total, laid out like the follow-up study's tables (one decimal).

use std::fmt::Write;

use super::escape;
use super::letter::Block;
use crate::agenda::{Language, Scale, Sectors};
use crate::i18n::Words;
use crate::i18n::decimal;
use crate::session::{Session, ThemeTable};

/// "32,7 %": `part` of `whole` with one decimal.
fn percent(part: u32, whole: u32, language: Language) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    format!(
        "{} %",
        decimal(f64::from(part) * 100.0 / f64::from(whole), language)
    )
}

/// Whether segment `index` has any answer to show.
pub fn has_answers(session: &Session, index: usize) -> bool {
    session.poll(index).is_some_and(|answers| {
        !answers.respondents.is_empty() || answers.tallies.iter().flatten().any(|count| *count > 0)
    })
}

/// The poll of segment `index`: its scale, n and `date`, each statement's mean (and,
/// in the report, its whole distribution), and per theme the respondents
/// lower and higher, per sector and in total.
pub fn blocks(
    session: &Session,
    index: usize,
    words: &Words,
    report: bool,
    date: &str,
) -> Vec<Block> {
    let language = session.agenda.language;
    let segment = &session.agenda.segments[index];
    let scale = segment.scale_or_default(language);
    let results = session.statement_results(index);
    let n = results.iter().map(|result| result.n).max().unwrap_or(0);
    let ends = match (&scale.min_label, &scale.max_label) {
        _ if !scale.labels.is_empty() => {
            let steps: Vec<String> = (scale.min..=scale.max)
                .map(|value| format!("{value} = {}", scale.label(value).unwrap_or_default()))
                .collect();
            format!("{}: {}. ", words.scale, steps.join(", "))
        }
        (Some(low), Some(high)) => format!(
            "{}: {} = {low} … {} = {high}. ",
            words.scale, scale.min, scale.max
        ),
        _ => format!("{}: {}–{}. ", words.scale, scale.min, scale.max),
    };
    let mut blocks = vec![Block::Aside(format!("{ends}n = {n}, {date}."))];
    let mut head = vec![words.statement.to_owned()];
    if report {
        head.extend((scale.min..=scale.max).map(|value| value.to_string()));
    }
    if scale.dont_know {
        head.push(words.dont_know.to_owned());
    }
    head.extend(["n".to_owned(), words.mean.to_owned()]);
    let rows = segment
        .statements
        .iter()
        .zip(&results)
        .map(|(statement, result)| {
            let mut row = vec![statement.text.clone()];
            if report {
                row.extend(result.counts.iter().map(u32::to_string));
            }
            if scale.dont_know {
                row.push(result.dont_know.to_string());
            }
            row.push(result.n.to_string());
            row.push(
                result
                    .mean
                    .map(|mean| decimal(mean, language))
                    .unwrap_or_else(|| "–".to_owned()),
            );
            row
        })
        .collect();
    blocks.push(Block::Table {
        head,
        rows,
        numeric: true,
    });
    for table in session.theme_tables(index) {
        blocks.push(Block::Heading(table.theme.clone()));
        blocks.push(theme_table(
            &table,
            &scale,
            session.sectors(),
            words,
            language,
        ));
    }
    // Forms typed but never entered are the facilitator's to fix, not the room's.
    let to_fix = session
        .poll(index)
        .map(|answers| answers.to_fix.clone())
        .unwrap_or_default();
    if report && !to_fix.is_empty() {
        blocks.push(Block::List {
            label: words.lines_to_fix.to_owned(),
            items: to_fix,
        });
    }
    blocks
}

fn theme_table(
    table: &ThemeTable,
    scale: &Scale,
    sectors: Sectors<'_>,
    words: &Words,
    language: Language,
) -> Block {
    // "I lägre grad (1–3)", "I högre grad (3,5–5)": the levels with their ranges.
    let number = |value: f64| match value.fract() == 0.0 {
        true => format!("{value}"),
        false => decimal(value, language),
    };
    let lower = format!(
        "{} ({}–{})",
        words.lower,
        scale.min,
        number(table.higher_from - 0.5)
    );
    let higher = format!(
        "{} ({}–{})",
        words.higher,
        number(table.higher_from),
        scale.max
    );
    let mut head = vec![String::new()];
    head.extend(
        table
            .by_sector
            .iter()
            .map(|(sector, _, _)| crate::i18n::sector_label(sectors, sector, language).to_owned()),
    );
    head.push(words.total.to_owned());
    let columns: Vec<(u32, u32)> = table
        .by_sector
        .iter()
        .map(|(_, lower, higher)| (*lower, *higher))
        .chain([table.total])
        .collect();
    let row = |label: String, cell: &dyn Fn(u32, u32) -> String| {
        let mut row = vec![label];
        row.extend(columns.iter().map(|(l, h)| cell(*l, *h)));
        row
    };
    let rows = vec![
        row(format!("{lower}, {}", words.count), &|lower, _| {
            lower.to_string()
        }),
        row(format!("{lower}, %"), &|lower, higher| {
            percent(lower, lower + higher, language)
        }),
        row(format!("{higher}, {}", words.count), &|_, higher| {
            higher.to_string()
        }),
        row(format!("{higher}, %"), &|lower, higher| {
            percent(higher, lower + higher, language)
        }),
        row(
            format!("{}, {}", words.total, words.count),
            &|lower, higher| (lower + higher).to_string(),
        ),
    ];
    Block::Table {
        head,
        rows,
        numeric: true,
    }
}

/// Every poll of a series side by side, per theme: the share "to a higher
/// degree" per sector and in total, with n.
pub fn polls_side_by_side(out: &mut String, sessions: &[&Session], words: &Words) {
    let mut rows: Vec<(String, ThemeTable)> = Vec::new();
    for (number, session) in sessions.iter().enumerate() {
        for (index, segment) in session.agenda.segments.iter().enumerate() {
            for table in session.theme_tables(index) {
                rows.push((format!("{}. {}", number + 1, segment.title), table));
            }
        }
    }
    if rows.is_empty() {
        return;
    }
    let language = sessions
        .first()
        .map(|s| s.agenda.language)
        .unwrap_or_default();
    let sectors = sessions
        .last()
        .map_or(Sectors::new(&[]), |last| last.sectors());
    let _ = writeln!(out, "## {}\n", words.polls);
    let mut themes: Vec<&str> = Vec::new();
    for (_, table) in &rows {
        if !themes.contains(&table.theme.as_str()) {
            themes.push(&table.theme);
        }
    }
    for theme in themes {
        let _ = writeln!(out, "### {}\n", escape::line(theme));
        let in_theme: Vec<&(String, ThemeTable)> = rows
            .iter()
            .filter(|(_, table)| table.theme == theme)
            .collect();
        let mut heads: Vec<String> = in_theme[0]
            .1
            .by_sector
            .iter()
            .map(|(sector, _, _)| {
                format!(
                    "{}, {}",
                    crate::i18n::sector_label(sectors, sector, language),
                    words.higher_share
                )
            })
            .collect();
        heads.push(format!("{}, {}", words.total, words.higher_share));
        heads.push("n".to_owned());
        let _ = writeln!(
            out,
            "| | {} |\n|---|{}",
            heads.join(" | "),
            "---:|".repeat(heads.len())
        );
        for (poll, table) in in_theme {
            let mut cells: Vec<String> = table
                .by_sector
                .iter()
                .map(|(_, lower, higher)| percent(*higher, lower + higher, language))
                .collect();
            let (lower, higher) = table.total;
            cells.push(percent(higher, lower + higher, language));
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                escape::cell(poll),
                cells.join(" | "),
                lower + higher
            );
        }
        out.push('\n');
    }
}
