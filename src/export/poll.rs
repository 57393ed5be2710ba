//! A poll in the summary: per rated statement the distribution, n, mean and
//! "vet ej"; each choice's options counted and each free text listed; per
//! theme the respondents whose index is lower or higher, per sector, per
//! breakdown question and in total, laid out like the follow-up study's
//! tables (one decimal).

use std::fmt::Write;

use super::blocks::{Block, Cell, Value};
use super::chart::{Chart, Rated};
use super::escape;
use chrono::FixedOffset;

use crate::agenda::{Language, QuestionKind, Scale, Sectors, Segment, Statement};
use crate::i18n::Words;
use crate::i18n::decimal;
use crate::session::SegmentIx;
use crate::session::{Cohort, Session, StatementResult, ThemeTable};

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

/// `part` of `whole` as a cell: shown as a percentage, kept as a share.
pub(super) fn share(part: u32, whole: u32, language: Language) -> Cell {
    let shown = percent(part, whole, language);
    match whole {
        0 => Cell::from(shown),
        _ => Cell::new(shown, Value::Share(f64::from(part) / f64::from(whole))),
    }
}

/// A mean as a cell, with one decimal; "–" where nobody gave a value.
pub(super) fn mean_cell(mean: Option<f64>, language: Language) -> Cell {
    match mean {
        Some(mean) => Cell::new(decimal(mean, language), Value::Mean(mean)),
        None => Cell::from("–".to_owned()),
    }
}

/// Whether segment `index` has any answer to show.
pub fn has_answers(session: &Session, index: usize) -> bool {
    session.poll(SegmentIx(index)).is_some_and(|answers| {
        !answers.respondents.is_empty() || answers.tallies.iter().flatten().any(|count| *count > 0)
    })
}

/// The poll of segment `index`: its scale, n and `date`, each rated
/// statement's mean (and, in the report, its whole distribution), the other
/// questions under their own headings, and per theme the respondents lower
/// and higher, per sector, per breakdown question and in total.
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
    let results = session.statement_results(SegmentIx(index));
    let n = results.iter().map(|result| result.n).max().unwrap_or(0);
    // A survey of choices alone has no scale to explain.
    let rates = segment
        .statements
        .iter()
        .any(|question| question.kind.is_rating());
    let ends = match (&scale.min_label, &scale.max_label) {
        _ if !rates => String::new(),
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
    let rated: Vec<(&Statement, &StatementResult)> = segment
        .statements
        .iter()
        .zip(&results)
        .filter(|(question, _)| question.kind.is_rating())
        .collect();
    // A table per run of statements under one stem, the stem above it, so
    // that "4a. främja skolnärvaro" keeps its meaning.
    for run in rated.chunk_by(|(one, _), (next, _)| one.stem == next.stem) {
        if let Some(stem) = &run[0].0.stem {
            blocks.push(Block::Text(stem.clone()));
        }
        blocks.push(rating_table(run, &scale, words, report, language));
        blocks.push(Block::Chart(rating_chart(run, &scale, words)));
    }
    // The other kinds each under their question: options counted, texts listed.
    for (position, (question, result)) in segment.statements.iter().zip(&results).enumerate() {
        let stem = crate::agenda::stem_opened_at(&segment.statements, position);
        if question.kind.options().is_some() {
            blocks.extend(stem.map(|stem| Block::Text(stem.to_owned())));
            blocks.push(Block::Heading(question.text.clone()));
            blocks.push(choice_table(question, result, &scale, words, language));
            blocks.push(Block::Chart(Chart::Choices {
                title: question.text.clone(),
                options: crate::i18n::option_labels(question, language)
                    .into_iter()
                    .zip(result.counts.iter().copied())
                    .collect(),
                n: result.n,
            }));
            // What those who chose "Annat, ange vad" wrote, under its name.
            let written = session.others_of(SegmentIx(index), position);
            if let Some(label) = crate::i18n::other_label(question, language)
                && !written.is_empty()
            {
                blocks.push(Block::List {
                    label,
                    items: written.into_iter().map(str::to_owned).collect(),
                });
            }
        } else if question.kind == QuestionKind::Text {
            let written = session.texts_of(SegmentIx(index), position);
            if !written.is_empty() {
                blocks.push(Block::Heading(question.text.clone()));
                blocks.push(Block::List {
                    label: String::new(),
                    items: written.into_iter().map(str::to_owned).collect(),
                });
            }
        }
    }
    // The report shows every count; the participants' summary hides few.
    let min = if report { 0 } else { session.agenda.min_cell };
    let tables = session.theme_tables(SegmentIx(index));
    for table in tables
        .iter()
        .chain(&session.breakdown_tables(SegmentIx(index)))
    {
        let heading = match table.by.and_then(|by| segment.statements.get(by)) {
            Some(by) => words
                .broken_down_by
                .replace("{theme}", &table.theme)
                .replace("{question}", &by.text),
            None => table.theme.clone(),
        };
        blocks.push(Block::Heading(heading));
        let heads = column_heads(session, segment, table, words);
        blocks.push(theme_table(table, &heads, &scale, min, words, language));
        let hidden = table_columns(table, min);
        if hidden.contains(&Column::TooFew) {
            let mut note = words.few_hidden.replace("{n}", &min.to_string());
            if hidden.contains(&Column::WithThem) {
                note = format!("{note} {}", words.hidden_with_them);
            }
            blocks.push(Block::Aside(note));
        }
    }
    // Forms typed but never entered are the facilitator's to fix, not the room's.
    let to_fix = session
        .poll(SegmentIx(index))
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

/// The rating questions' table: per question (in the report) the whole
/// distribution, "vet ej", n and the mean.
fn rating_table(
    rated: &[(&Statement, &StatementResult)],
    scale: &Scale,
    words: &Words,
    report: bool,
    language: Language,
) -> Block {
    let dont_know = rated
        .iter()
        .any(|(question, _)| question.allows_dont_know(scale));
    let mut head = vec![words.statement.to_owned()];
    if report {
        head.extend((scale.min..=scale.max).map(|value| value.to_string()));
    }
    if dont_know {
        head.push(words.dont_know.to_owned());
    }
    head.extend(["n".to_owned(), words.mean.to_owned()]);
    let rows = rated
        .iter()
        .map(|(statement, result)| {
            let mut row = vec![Cell::from(statement.text.clone())];
            if report {
                row.extend(result.counts.iter().copied().map(Cell::count));
            }
            if dont_know {
                row.push(Cell::count(result.dont_know));
            }
            row.push(Cell::count(result.n));
            row.push(mean_cell(result.mean, language));
            row
        })
        .collect();
    Block::Table {
        head,
        rows,
        numeric: true,
    }
}

/// The rated statements of `rated` drawn: each value's share of those who
/// gave one, under the statements' stem or the table's heading.
fn rating_chart(rated: &[(&Statement, &StatementResult)], scale: &Scale, words: &Words) -> Chart {
    Chart::Ratings {
        title: rated
            .first()
            .and_then(|(statement, _)| statement.stem.clone())
            .unwrap_or_else(|| words.statement.to_owned()),
        values: (scale.min..=scale.max)
            .map(|value| match scale.label(value) {
                Some(label) => format!("{value} {label}"),
                None => value.to_string(),
            })
            .collect(),
        dont_know: words.dont_know.to_lowercase(),
        rows: rated
            .iter()
            .map(|(statement, result)| Rated {
                statement: statement.text.clone(),
                counts: result.counts.clone(),
                dont_know: result.dont_know,
                n: result.n,
                mean: result.mean,
            })
            .collect(),
    }
}

/// A choice's table: per option how many chose it and their share of those
/// who answered, then "vet ej" where it is allowed, then n.
fn choice_table(
    question: &Statement,
    result: &StatementResult,
    scale: &Scale,
    words: &Words,
    language: Language,
) -> Block {
    let mut rows: Vec<Vec<Cell>> = crate::i18n::option_labels(question, language)
        .into_iter()
        .zip(&result.counts)
        .map(|(option, count)| {
            vec![
                Cell::from(option),
                Cell::count(*count),
                share(*count, result.n, language),
            ]
        })
        .collect();
    let empty = || Cell::from(String::new());
    if question.allows_dont_know(scale) {
        rows.push(vec![
            Cell::from(words.dont_know.to_owned()),
            Cell::count(result.dont_know),
            empty(),
        ]);
    }
    rows.push(vec![
        Cell::from("n".to_owned()),
        Cell::count(result.n),
        empty(),
    ]);
    Block::Table {
        head: vec![
            words.option.to_owned(),
            words.count.to_owned(),
            "%".to_owned(),
        ],
        rows,
        numeric: true,
    }
}

/// The heads of a theme table's columns: sectors, or the options of the
/// question it is broken down by, and those who did not say.
fn column_heads(
    session: &Session,
    segment: &Segment,
    table: &ThemeTable,
    words: &Words,
) -> Vec<String> {
    let language = session.agenda.language;
    let options = table
        .by
        .and_then(|by| segment.statements.get(by))
        .map(|by| crate::i18n::option_labels(by, language))
        .unwrap_or_default();
    table
        .columns
        .iter()
        .map(|(cohort, _, _)| cohort_label(cohort, &options, session.sectors(), words, language))
        .collect()
}

/// A column's head: its sector's name, its option's (of `options`), or
/// "Ej angivet".
fn cohort_label(
    cohort: &Cohort,
    options: &[String],
    sectors: Sectors<'_>,
    words: &Words,
    language: Language,
) -> String {
    match cohort {
        Cohort::Sector(sector) => crate::i18n::sector_heading(sectors, sector, language),
        Cohort::Option(option) => options
            .get(usize::from(*option))
            .cloned()
            .unwrap_or_default(),
        Cohort::NotGiven => words.not_given.to_owned(),
    }
}

/// How a participants' summary hides a breakdown's small columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Shown,
    /// Fewer respondents than the agenda's `min_cell`: "< N".
    TooFew,
    /// Hidden too ("–"), so the few cannot be worked out from the total.
    WithThem,
}

/// Which of the sectors' columns (their respondents `ns`, out of `total`)
/// to hide below `min`: every one of fewer, then the smallest others until
/// what the shown columns leave of the total (those columns and anyone of no
/// sector) is nobody or at least `min`.
fn hidden_columns(ns: &[u32], total: u32, min: u32) -> Vec<Column> {
    let mut columns: Vec<Column> = ns
        .iter()
        .map(|n| match *n > 0 && *n < min {
            true => Column::TooFew,
            false => Column::Shown,
        })
        .collect();
    loop {
        let shown: u32 = ns
            .iter()
            .zip(&columns)
            .filter(|(_, column)| **column == Column::Shown)
            .map(|(n, _)| n)
            .sum();
        let left = total - shown.min(total);
        let hides_some = columns.iter().any(|column| *column != Column::Shown);
        if !hides_some || left == 0 || left >= min {
            return columns;
        }
        let smallest = (0..ns.len())
            .filter(|index| columns[*index] == Column::Shown && ns[*index] > 0)
            .min_by_key(|index| ns[*index]);
        match smallest {
            Some(index) => columns[index] = Column::WithThem,
            None => return columns,
        }
    }
}

/// How each column of `table` is shown below `min`.
fn table_columns(table: &ThemeTable, min: u32) -> Vec<Column> {
    let ns: Vec<u32> = table.columns.iter().map(|(_, l, h)| l + h).collect();
    hidden_columns(&ns, table.total.0 + table.total.1, min)
}

/// The cell of a column: as it is, or how it is hidden.
fn shown_or_hidden(column: Column, min: u32, shown: impl FnOnce() -> Cell) -> Cell {
    match column {
        Column::Shown => shown(),
        Column::TooFew => Cell::from(format!("< {min}")),
        Column::WithThem => Cell::from("–".to_owned()),
    }
}

fn theme_table(
    table: &ThemeTable,
    heads: &[String],
    scale: &Scale,
    min: u32,
    words: &Words,
    language: Language,
) -> Block {
    // "I lägre grad (1–3)", "I högre grad (3,5–5)": the levels with the
    // scale's steps they cover, one step as itself ("(4)", not "(4–4)").
    let number = |value: f64| match value.fract() == 0.0 {
        true => format!("{value}"),
        false => decimal(value, language),
    };
    let range = |from: String, to: String| match from == to {
        true => from,
        false => format!("{from}–{to}"),
    };
    let lower_to = (table.higher_from.ceil() - 1.0).max(f64::from(scale.min));
    let lower = format!(
        "{} ({})",
        words.lower,
        range(scale.min.to_string(), number(lower_to))
    );
    let higher = format!(
        "{} ({})",
        words.higher,
        range(number(table.higher_from), scale.max.to_string())
    );
    let mut head = vec![String::new()];
    head.extend(heads.iter().cloned());
    head.push(words.total.to_owned());
    // The breakdown's columns may be hidden; the total never is.
    let hidden = table_columns(table, min);
    let columns: Vec<(u32, u32, Column)> = table
        .columns
        .iter()
        .zip(&hidden)
        .map(|((_, lower, higher), column)| (*lower, *higher, *column))
        .chain([(table.total.0, table.total.1, Column::Shown)])
        .collect();
    let row = |label: String, cell: &dyn Fn(u32, u32) -> Cell| {
        let mut row = vec![Cell::from(label)];
        row.extend(
            columns
                .iter()
                .map(|(l, h, column)| shown_or_hidden(*column, min, || cell(*l, *h))),
        );
        row
    };
    let rows = vec![
        row(format!("{lower}, {}", words.count), &|lower, _| {
            Cell::count(lower)
        }),
        row(format!("{lower}, %"), &|lower, higher| {
            share(lower, lower + higher, language)
        }),
        row(format!("{higher}, {}", words.count), &|_, higher| {
            Cell::count(higher)
        }),
        row(format!("{higher}, %"), &|lower, higher| {
            share(higher, lower + higher, language)
        }),
        row(
            format!("{}, {}", words.total, words.count),
            &|lower, higher| Cell::count(lower + higher),
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
            for table in session.theme_tables(SegmentIx(index)) {
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
    let min = sessions.last().map_or(0, |last| last.agenda.min_cell);
    let polls = sessions
        .iter()
        .flat_map(|session| (0..session.agenda.segments.len()).filter(|i| has_answers(session, *i)))
        .count();
    let heading = if polls > 2 {
        words.polls_over_time
    } else {
        words.polls
    };
    let _ = writeln!(out, "## {heading}\n");
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
        // Every column any session has, so that each row lines up with the heads.
        let mut cohorts: Vec<&Cohort> = Vec::new();
        for (cohort, _, _) in in_theme.iter().flat_map(|(_, table)| &table.columns) {
            if !cohorts.contains(&cohort) {
                cohorts.push(cohort);
            }
        }
        let mut heads: Vec<String> = cohorts
            .iter()
            .map(|cohort| {
                // The series sets the sectors' tables side by side: no options.
                let name = cohort_label(cohort, &[], sectors, words, language);
                format!("{name}, {}", words.higher_share)
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
            // A series summary goes to the participants: small cells hidden.
            let hidden = table_columns(table, min);
            let mut cells: Vec<String> = cohorts
                .iter()
                .map(|cohort| {
                    let found = table
                        .columns
                        .iter()
                        .zip(&hidden)
                        .find(|((c, _, _), _)| c == *cohort);
                    match found {
                        Some(((_, lower, higher), column)) => {
                            shown_or_hidden(*column, min, || {
                                share(*higher, lower + higher, language)
                            })
                            .shown
                        }
                        None => "–".to_owned(),
                    }
                })
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

/// A statement asked in more than one session of a series.
pub struct Trend {
    pub text: String,
    /// The stems it was asked under: a measurement before and one after
    /// may ask under other stems ("kan öka:", "har ökat:").
    pub stems: Vec<String>,
    pub measured: Vec<Measured>,
}

/// One measurement of a trend's statement.
pub struct Measured {
    pub date: chrono::NaiveDate,
    pub n: u32,
    pub mean: Option<f64>,
    /// Those "to a higher degree", of n, where its theme splits.
    pub higher: Option<(u32, u32)>,
    pub scale: Scale,
}

/// Each rated statement asked in more than one of `sessions` (a statement
/// is its text), with its measurements in the sessions' order.
pub fn trends_of(sessions: &[&Session], offset: FixedOffset) -> Vec<Trend> {
    let mut asked: Vec<Trend> = Vec::new();
    for session in sessions {
        let language = session.agenda.language;
        for (index, segment) in session.agenda.segments.iter().enumerate() {
            if !has_answers(session, index) {
                continue;
            }
            let scale = segment.scale_or_default(language);
            let date = session.day_at(offset);
            for (statement, result) in segment
                .statements
                .iter()
                .zip(session.statement_results(SegmentIx(index)))
            {
                // A trend is of means: a choice or a text has none.
                if !statement.kind.is_rating() {
                    continue;
                }
                let theme = statement.theme.as_deref().unwrap_or_default();
                let higher = segment.split_of(theme, &scale).map(|from| {
                    let at_least = (scale.min..=scale.max)
                        .zip(&result.counts)
                        .filter(|(value, _)| f64::from(*value) >= from)
                        .map(|(_, count)| count)
                        .sum();
                    (at_least, result.n)
                });
                let measured = Measured {
                    date,
                    n: result.n,
                    mean: result.mean,
                    higher,
                    scale: scale.clone(),
                };
                let index = match asked.iter().position(|trend| trend.text == statement.text) {
                    Some(index) => index,
                    None => {
                        asked.push(Trend {
                            text: statement.text.clone(),
                            stems: Vec::new(),
                            measured: Vec::new(),
                        });
                        asked.len() - 1
                    }
                };
                let trend = &mut asked[index];
                trend.measured.push(measured);
                if let Some(stem) = &statement.stem
                    && !trend.stems.contains(stem)
                {
                    trend.stems.push(stem.clone());
                }
            }
        }
    }
    asked.retain(|trend| trend.measured.len() > 1);
    asked
}

/// Each statement asked in more than one of `sessions`, as a trend: per
/// measurement its date, n, mean, share "to a higher degree" where its theme
/// splits, and a bar of the mean on the scale (the chart of every format).
pub fn trends(
    out: &mut String,
    sessions: &[&Session],
    offset: FixedOffset,
    words: &Words,
    mut charts: Option<&mut super::chart::Placed>,
) {
    let asked = trends_of(sessions, offset);
    if asked.is_empty() {
        return;
    }
    let language = sessions
        .first()
        .map(|s| s.agenda.language)
        .unwrap_or_default();
    let _ = writeln!(out, "## {}\n", words.trends);
    let mut stems_above: Vec<String> = Vec::new();
    for Trend {
        text,
        stems,
        measured,
    } in asked
    {
        if !stems.is_empty() && stems != stems_above {
            let _ = writeln!(out, "{}\n", escape::line(&stems.join(" / ")));
        }
        stems_above = stems;
        let _ = writeln!(out, "### {}\n", escape::line(&text));
        let _ = writeln!(
            out,
            "| {} | {} | n | {} | {} | |\n|---|---|---:|---:|---:|---|",
            words.measurement, words.date, words.mean, words.higher_share
        );
        for (number, one) in measured.iter().enumerate() {
            let mean = mean_cell(one.mean, language).shown;
            let higher = one.higher.map_or_else(
                || "–".to_owned(),
                |(higher, n)| percent(higher, n, language),
            );
            let bar = one
                .mean
                .map(|mean| bar(mean, &one.scale))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {mean} | {higher} | {bar} |",
                words.measurement,
                number + 1,
                one.date,
                one.n
            );
        }
        out.push('\n');
        if let (Some(charts), Some(first)) = (charts.as_deref_mut(), measured.first()) {
            let trend = Chart::Trend {
                title: text.clone(),
                min: first.scale.min,
                max: first.scale.max,
                points: measured
                    .iter()
                    .map(|one| (one.date.to_string(), one.mean, one.n))
                    .collect(),
            };
            super::chart::place(out, charts, &trend, language);
        }
    }
}

/// The mean as a bar of ten blocks from the scale's lowest to its highest.
fn bar(mean: f64, scale: &Scale) -> String {
    let span = f64::from(scale.max) - f64::from(scale.min);
    let filled = ((mean - f64::from(scale.min)) / span * 10.0)
        .round()
        .clamp(0.0, 10.0) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_few_are_hidden_and_one_more_where_the_total_would_give_them_away() {
        use Column::{Shown, TooFew, WithThem};
        assert_eq!(hidden_columns(&[3, 3, 1], 7, 3), [WithThem, Shown, TooFew]);
        // Three of no sector make the rest of the total big enough.
        assert_eq!(hidden_columns(&[5, 5, 1], 14, 3), [Shown, Shown, TooFew]);
        assert_eq!(hidden_columns(&[3, 1, 1], 5, 3), [WithThem, TooFew, TooFew]);
        assert_eq!(
            hidden_columns(&[0, 4], 4, 3),
            [Shown, Shown],
            "nobody hides nothing"
        );
        assert_eq!(hidden_columns(&[2], 2, 3), [TooFew]);
        assert_eq!(hidden_columns(&[1, 1], 2, 0), [Shown, Shown], "the report");
    }
}
