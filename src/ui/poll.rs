//! A poll's live results: a bar chart per statement (how many chose each value,
//! and "vet ej"), with n and the mean; the statement hands are counted for
//! stands out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, BorderType, Borders, Paragraph};

use super::{View, card_text};
use crate::agenda::{QuestionKind, Scale, Statement};
use crate::i18n;
use crate::session::{Session, StatementResult, option_key};

/// Narrowest a statement's chart gets before fewer go side by side.
const MIN_CELL_WIDTH: u16 = 40;

/// "(3 från mobiler, 5 på papper)" when some answers came from the room's page.
fn sources(view: &View) -> String {
    let session = view.session;
    let Some(answers) = session.poll(session.current) else {
        return String::new();
    };
    let phones = answers
        .respondents
        .iter()
        .filter(|respondent| respondent.from_room.is_some())
        .count();
    if phones == 0 {
        return String::new();
    }
    let words = i18n::door_words(view.language);
    let paper = answers.respondents.len() - phones;
    format!(
        " ({phones} {}, {paper} {})",
        words.from_phones, words.on_paper
    )
}

/// Draws the results of the current poll segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let segment = session.current_segment();
    let results = session.statement_results(session.current);
    let scale = segment.scale_or_default(session.agenda.language);
    let answers = session.poll(session.current);
    let lines = answers.map_or(0, |answers| answers.respondents.len());
    let to_fix = answers.map_or(0, |answers| answers.to_fix.len());
    let [header, grid] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let heading = match view.tally {
        Some(selected) => Line::styled(
            segment
                .statements
                .get(selected)
                .map(|question| i18n::tally_hint(view.language, &scale, question))
                .unwrap_or_default(),
            view.theme.warning(),
        ),
        None => {
            let mut spans = vec![Span::styled(
                match view.projector {
                    true => format!("{lines} {}", strings.answers),
                    false => format!("{lines} {}{} · i / v", strings.answers, sources(view)),
                },
                view.theme.dim(),
            )];
            let words = i18n::door_words(view.language);
            for (shown, word) in [
                (
                    answers.is_some_and(|answers| answers.closed),
                    words.poll_closed,
                ),
                (
                    answers.is_some_and(|answers| answers.revealed),
                    words.poll_revealed,
                ),
            ] {
                if shown && !view.projector {
                    spans.push(Span::styled(format!(" · {word}"), view.theme.warning()));
                }
            }
            if to_fix > 0 {
                spans.push(Span::styled(
                    format!(" · {to_fix} {}", strings.to_fix),
                    view.theme.warning(),
                ));
            }
            Line::from(spans)
        }
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
        let width = usize::from(cell.width.saturating_sub(4));
        // The statement whole, wrapped at the top of its box, its stem in the
        // title, when the box has room for it and a chart; otherwise in the
        // title, by what sets it apart from its neighbours.
        let room = cell.height.saturating_sub(2 + 4);
        let wrapped = card_text::fit(&statement.text, width + 2, usize::from(room) + 1);
        let whole_inside = room > 0 && wrapped.len() <= usize::from(room);
        let title = if whole_inside {
            statement
                .stem
                .as_deref()
                .map(|stem| card_text::one_line(stem, width))
                .unwrap_or_default()
        } else {
            distinct(&segment.statements, index, width)
        };
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
            .title(title);
        let mut inner = block.inner(cell);
        if whole_inside {
            let height = wrapped.len() as u16;
            let [text, rest] =
                Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(inner);
            let lines: Vec<Line> = wrapped.into_iter().map(Line::from).collect();
            frame.render_widget(Paragraph::new(lines).style(view.theme.heading()), text);
            inner = rest;
        }
        frame.render_widget(block, cell);
        let mean = match (result.mean, statement.kind.is_rating()) {
            (_, false) => String::new(),
            (Some(mean), true) => {
                format!(" · {} {}", strings.mean, i18n::decimal(mean, view.language))
            }
            (None, true) => format!(" · {} –", strings.mean),
        };
        let dont_know = match statement.allows_dont_know(&scale) {
            true => format!(" · {} {}", strings.dont_know_short, result.dont_know),
            false => String::new(),
        };
        // Only a rating has a mean.
        let trend = match result.mean {
            Some(now) => trend(
                &session.earlier_means_of(&statement.text),
                now,
                &scale,
                view,
            ),
            None => String::new(),
        };
        let summary = Line::styled(
            format!("n {}{mean}{dont_know}{trend}", result.n),
            view.theme.dim(),
        );
        if inner.height < 4 {
            frame.render_widget(Paragraph::new(summary), inner);
            continue;
        }
        let [chart, text] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        match &statement.kind {
            QuestionKind::Rating => render_columns(frame, chart, view, result, statement, &scale),
            QuestionKind::Text => render_texts(frame, chart, view, session, index),
            _ => render_options(frame, chart, view, result, statement, &scale),
        }
        frame.render_widget(Paragraph::new(summary), text);
    }
}

/// " · 3,2 → 3,8 → 4,1 ▄▆█": the statement's means in the series' earlier
/// sessions and now, as numbers and a sparkline from the scale's lowest to
/// its highest; nothing when it was not asked before.
fn trend(earlier: &[f64], now: f64, scale: &Scale, view: &View) -> String {
    if earlier.is_empty() {
        return String::new();
    }
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let span = (f64::from(scale.max) - f64::from(scale.min)).max(1.0);
    let means: Vec<f64> = earlier.iter().copied().chain([now]).collect();
    let spark: String = means
        .iter()
        .map(|mean| {
            let level = ((mean - f64::from(scale.min)) / span * 7.0)
                .round()
                .clamp(0.0, 7.0);
            LEVELS[level as usize]
        })
        .collect();
    let numbers: Vec<String> = means
        .iter()
        .map(|mean| i18n::decimal(*mean, view.language))
        .collect();
    format!(" · {} {spark}", numbers.join(" → "))
}

/// A rating's bars side by side, one per value and "vet ej" (`x`).
fn render_columns(
    frame: &mut Frame,
    chart: Rect,
    view: &View,
    result: &StatementResult,
    question: &Statement,
    scale: &Scale,
) {
    let mut bars: Vec<Bar> = result
        .counts
        .iter()
        .zip(scale.min..=scale.max)
        .map(|(count, value)| {
            Bar::default()
                .value(u64::from(*count))
                .label(Line::from(value.to_string()))
        })
        .collect();
    if question.allows_dont_know(scale) {
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
}

/// A choice's bars one under the other, each named by its option (and its
/// letter, the key that counts a hand for it).
fn render_options(
    frame: &mut Frame,
    chart: Rect,
    view: &View,
    result: &StatementResult,
    question: &Statement,
    scale: &Scale,
) {
    let strings = i18n::strings(view.language);
    let mut rows: Vec<(String, u32)> = i18n::option_labels(question, view.language)
        .into_iter()
        .zip(&result.counts)
        .enumerate()
        .map(|(option, (label, count))| {
            (
                format!(
                    "{} {label}",
                    option_key(&question.kind, option, view.language)
                ),
                *count,
            )
        })
        .collect();
    if question.allows_dont_know(scale) {
        rows.push((format!("x {}", strings.dont_know_short), result.dont_know));
    }
    let label_width = (chart.width / 3).max(4);
    let bars: Vec<Bar> = rows
        .into_iter()
        .map(|(label, count)| {
            Bar::default()
                .value(u64::from(count))
                .label(Line::from(card_text::one_line(
                    &label,
                    usize::from(label_width),
                )))
        })
        .collect();
    frame.render_widget(
        BarChart::horizontal(bars)
            .bar_width(1)
            .bar_gap(0)
            .bar_style(view.theme.running())
            .value_style(view.theme.heading()),
        chart,
    );
}

/// A free-text question's answers, the latest that fit, on the
/// facilitator's screen; the projector shows how many, not what.
fn render_texts(frame: &mut Frame, area: Rect, view: &View, session: &Session, index: usize) {
    if view.projector {
        return;
    }
    let texts = session.texts_of(session.current, index);
    let width = usize::from(area.width);
    let lines: Vec<Line> = texts
        .iter()
        .rev()
        .take(usize::from(area.height))
        .map(|text| Line::from(card_text::one_line(&format!("• {text}"), width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// `statements[index]` in `width` cells: whole when it fits; otherwise its
/// label ("4a.") and, after "…", what sets it apart from the statement it
/// shares the most leading words with, so boxes side by side never read the same.
fn distinct(statements: &[Statement], index: usize, width: usize) -> String {
    let text = &statements[index].text;
    let whole = card_text::one_line(text, width);
    if whole == *text {
        return whole;
    }
    let (label, words) = labelled(text);
    let shared = statements
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .map(|(_, other)| {
            let (_, others) = labelled(&other.text);
            words
                .iter()
                .zip(&others)
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    // Two shared words or fewer are no prefix worth leaving out.
    if shared <= 2 || shared >= words.len() {
        return whole;
    }
    let tail = words[shared..].join(" ");
    let short = match label {
        Some(label) => format!("{label} …{tail}"),
        None => format!("…{tail}"),
    };
    card_text::one_line(&short, width)
}

/// A statement's label ("4a.", "2)") if it starts with one, and its words after it.
fn labelled(text: &str) -> (Option<&str>, Vec<&str>) {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let is_label = |word: &str| {
        word.chars().count() <= 4
            && word.ends_with(['.', ')'])
            && word.starts_with(|c: char| c.is_ascii_alphanumeric())
    };
    match words.first() {
        Some(first) if is_label(first) => {
            let label = *first;
            words.remove(0);
            (Some(label), words)
        }
        _ => (None, words),
    }
}

#[cfg(test)]
mod tests {
    use super::distinct;
    use crate::agenda::Statement;

    fn statements(texts: &[&str]) -> Vec<Statement> {
        texts
            .iter()
            .map(|text| Statement {
                text: (*text).to_owned(),
                ..Statement::default()
            })
            .collect()
    }

    #[test]
    fn statements_cut_alike_are_told_apart_by_what_differs() {
        let statements = statements(&[
            "4a. Mina kunskaper om samverkan i arbetet med att främja skolnärvaro",
            "4b. Mina kunskaper om samverkan i arbetet med att förebygga skolnärvaroproblem",
            "4c. Min egen förmåga att utveckla samverkansarbete",
        ]);
        assert_eq!(distinct(&statements, 0, 40), "4a. …främja skolnärvaro");
        assert_eq!(
            distinct(&statements, 1, 40),
            "4b. …förebygga skolnärvaroproblem"
        );
        assert_eq!(distinct(&statements, 1, 20), "4b. …förebygga…");
        assert_eq!(
            distinct(&statements, 2, 60),
            "4c. Min egen förmåga att utveckla samverkansarbete",
            "whole where it fits"
        );
        assert_eq!(
            distinct(&statements, 2, 20),
            "4c. Min egen…",
            "nothing shared: cut as usual"
        );
    }
}
