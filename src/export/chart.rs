//! A survey's results drawn for the page and its print: inline SVG, nothing
//! fetched and no script. Rated statements as diverging stacked bars (the
//! usual chart for Likert answers: the lower values to the left of a centre
//! line, the higher to the right), choices as bars with their counts and
//! shares. Each chart says in words what it shows (`<title>`, `<desc>`), and
//! its colours are told apart by people with any colour vision and on paper
//! printed in grey, where the side of the centre line tells low from high.

use maud::{Markup, html};

use crate::agenda::Language;
use crate::i18n::decimal;

/// What one chart shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Statements rated on one scale.
    Ratings {
        /// What the chart is of: the statements' stem, else "Påståenden".
        title: String,
        /// Each value's name, from the lowest: its label, else its number.
        values: Vec<String>,
        /// "vet ej" in the chart's language.
        dont_know: String,
        rows: Vec<Rated>,
    },
    /// One statement's mean at each measurement of a series.
    Trend {
        title: String,
        /// The scale's ends.
        min: u8,
        max: u8,
        /// Each measurement's date, mean and n, in the series' order.
        points: Vec<(String, Option<f64>, u32)>,
    },
    /// One question's options.
    Choices {
        title: String,
        /// Each option's name and how many chose it.
        options: Vec<(String, u32)>,
        /// How many answered the question.
        n: u32,
    },
}

/// One rated statement's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated {
    pub statement: String,
    /// How many gave each value, from the lowest.
    pub counts: Vec<u32>,
    pub dont_know: u32,
    pub n: u32,
    pub mean: Option<f64>,
}

/// The whole drawing's width, in its own units.
const WIDTH: f64 = 640.0;
/// Where the bars begin and end.
const LEFT: f64 = 8.0;
const RIGHT: f64 = 520.0;
/// A bar's height and a row's (its label above the bar).
const BAR: f64 = 18.0;
const ROW: f64 = 42.0;
/// The longest label drawn; the whole statement is in the row's title.
const LABEL_CHARS: usize = 80;

/// The diverging colours, lowest to highest (ColorBrewer's RdBu, safe for
/// every kind of colour vision); scales of other lengths take the nearest.
const DIVERGING: [&str; 7] = [
    "#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac",
];
/// The choices' bars.
const BAR_COLOUR: &str = "#2166ac";

impl Chart {
    /// The chart as inline SVG, in `language`'s numbers.
    pub fn svg(&self, language: Language) -> Markup {
        match self {
            Chart::Ratings {
                title,
                values,
                dont_know,
                rows,
            } => ratings(title, values, dont_know, rows, language),
            Chart::Choices { title, options, n } => choices(title, options, *n, language),
            Chart::Trend {
                title,
                min,
                max,
                points,
            } => trend(title, (*min, *max), points, language),
        }
    }
}

/// About how wide a character of the legend is, in the drawing's units.
const LEGEND_CHAR: f64 = 5.6;

/// Charts placed in a page's Markdown: each chart's figure and where the
/// paragraph it takes the place of starts in the text (see `html::page`).
pub type Placed = Vec<(usize, String)>;

/// Puts `chart` into `out`, the page's Markdown: a paragraph of its own, and
/// the figure in `charts` with where that paragraph starts. The page shows
/// the figure there, since raw HTML in the Markdown itself is shown as text.
pub fn place(out: &mut String, charts: &mut Placed, chart: &Chart, language: Language) {
    let svg = chart.svg(language).into_string();
    charts.push((
        out.len(),
        format!("<figure class=\"chart\">{svg}</figure>\n"),
    ));
    out.push_str("chart\n\n");
}

/// A label cut to what a row has room for.
fn label(text: &str) -> String {
    cut(text, LABEL_CHARS)
}

/// `text` cut to `chars` characters, with "…" where it was cut.
fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars.max(1)) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The colour of value `step` (from 0) of `steps`.
fn colour(step: usize, steps: usize) -> &'static str {
    let last = DIVERGING.len() - 1;
    let at = match steps {
        0 | 1 => last / 2,
        _ => (step * last + (steps - 1) / 2) / (steps - 1),
    };
    DIVERGING[at.min(last)]
}

/// Each value's part of the bar: where it starts and how wide it is, the
/// lower half of the values left of the centre, the higher right, the middle
/// one of an odd scale across it.
fn segments(counts: &[u32], n: u32) -> Vec<(f64, f64)> {
    let half = (RIGHT - LEFT) / 2.0;
    let centre = LEFT + half;
    let width = |count: u32| match n {
        0 => 0.0,
        n => f64::from(count) / f64::from(n) * half,
    };
    let steps = counts.len();
    let middle = (steps % 2 == 1).then_some(steps / 2);
    let lower: f64 = counts[..steps / 2].iter().map(|count| width(*count)).sum();
    let mut x = centre - lower - middle.map_or(0.0, |middle| width(counts[middle]) / 2.0);
    counts
        .iter()
        .map(|count| {
            let at = x;
            x += width(*count);
            (at, width(*count))
        })
        .collect()
}

fn ratings(
    title: &str,
    values: &[String],
    dont_know: &str,
    rows: &[Rated],
    language: Language,
) -> Markup {
    let height = ROW * rows.len() as f64 + 34.0;
    let centre = (LEFT + RIGHT) / 2.0;
    let said = |row: &Rated| {
        let mut parts: Vec<String> = values
            .iter()
            .zip(&row.counts)
            .map(|(value, count)| format!("{value}: {count}"))
            .collect();
        parts.push(format!("{dont_know}: {}", row.dont_know));
        parts.push(format!("n = {}", row.n));
        if let Some(mean) = row.mean {
            parts.push(format!(
                "{} {}",
                mean_word(language),
                decimal(mean, language)
            ));
        }
        format!("{}: {}", row.statement, parts.join(", "))
    };
    let desc: Vec<String> = rows.iter().map(said).collect();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"
            viewBox=(format!("0 0 {WIDTH} {height}")) width=(WIDTH) height=(height) {
            title { (title) }
            desc { (desc.join(". ")) }
            @for (index, row) in rows.iter().enumerate() {
                @let top = ROW * index as f64;
                g.statement {
                    title { (said(row)) }
                    text x=(LEFT) y=(top + 13.0) font-size="12" { (label(&row.statement)) }
                    @for (step, (x, width)) in segments(&row.counts, row.n).into_iter().enumerate() {
                        @if width > 0.0 {
                            rect x=(format!("{x:.2}")) y=(top + 18.0) width=(format!("{width:.2}")) height=(BAR)
                                fill=(colour(step, row.counts.len())) stroke="#555" stroke-width="0.5"
                                data-value=(step) data-count=(row.counts[step]) {}
                        }
                    }
                    text x=(RIGHT + 8.0) y=(top + 31.0) font-size="11" {
                        "n = " (row.n)
                        @if let Some(mean) = row.mean { " · " (decimal(mean, language)) }
                    }
                }
            }
            line x1=(centre) x2=(centre) y1="14" y2=(height - 30.0) stroke="#1f2328" stroke-width="1" {}
            // The legend: each value's colour and name, lowest first, each
            // name cut to its share of the width.
            @let step_width = (WIDTH - LEFT) / values.len().max(1) as f64;
            @for (step, value) in values.iter().enumerate() {
                @let x = LEFT + step as f64 * step_width;
                rect x=(format!("{x:.2}")) y=(height - 22.0) width="10" height="10"
                    fill=(colour(step, values.len())) stroke="#555" stroke-width="0.5" {}
                text x=(format!("{:.2}", x + 14.0)) y=(height - 13.0) font-size="10" {
                    (cut(value, ((step_width - 18.0) / LEGEND_CHAR) as usize))
                }
            }
        }
    }
}

fn choices(title: &str, options: &[(String, u32)], n: u32, language: Language) -> Markup {
    let height = ROW * options.len() as f64 + 8.0;
    let share = |count: u32| match n {
        0 => String::from("–"),
        n => format!(
            "{} %",
            decimal(f64::from(count) * 100.0 / f64::from(n), language)
        ),
    };
    let said: Vec<String> = options
        .iter()
        .map(|(option, count)| format!("{option}: {count} ({})", share(*count)))
        .collect();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"
            viewBox=(format!("0 0 {WIDTH} {height}")) width=(WIDTH) height=(height) {
            title { (title) }
            desc { (said.join(", ")) ", n = " (n) }
            @for (index, (option, count)) in options.iter().enumerate() {
                @let top = ROW * index as f64;
                @let width = match n { 0 => 0.0, n => f64::from(*count) / f64::from(n) * (RIGHT - LEFT) };
                g.option {
                    text x=(LEFT) y=(top + 13.0) font-size="12" { (label(option)) }
                    rect x=(LEFT) y=(top + 18.0) width=(format!("{width:.2}")) height=(BAR)
                        fill=(BAR_COLOUR) data-count=(count) {}
                    text x=(RIGHT + 8.0) y=(top + 31.0) font-size="11" { (count) " · " (share(*count)) }
                }
            }
        }
    }
}

/// "medelvärde", "mean", as running text has it.
/// The means as a line over the measurements, low values at the bottom;
/// a measurement without a mean leaves a gap.
fn trend(
    title: &str,
    (min, max): (u8, u8),
    points: &[(String, Option<f64>, u32)],
    language: Language,
) -> Markup {
    let (top, bottom) = (12.0, 132.0);
    let height = bottom + 34.0;
    let y = |mean: f64| {
        let span = f64::from(max.saturating_sub(min)).max(1.0);
        bottom - (mean - f64::from(min)) / span * (bottom - top)
    };
    let step = (RIGHT - LEFT - 40.0) / points.len().saturating_sub(1).max(1) as f64;
    let x = |at: usize| LEFT + 30.0 + at as f64 * step;
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(at, (_, mean, _))| Some(format!("{:.2},{:.2}", x(at), y((*mean)?))))
        .collect();
    let said: Vec<String> = points
        .iter()
        .map(|(date, mean, n)| {
            let mean = mean.map_or_else(|| "–".to_owned(), |mean| decimal(mean, language));
            format!("{date}: {} {mean}, n = {n}", mean_word(language))
        })
        .collect();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"
            viewBox=(format!("0 0 {WIDTH} {height}")) width=(WIDTH) height=(height) {
            title { (title) }
            desc { (said.join("; ")) }
            @for value in [min, max] {
                line x1=(LEFT + 20.0) x2=(RIGHT) y1=(y(f64::from(value))) y2=(y(f64::from(value)))
                    stroke="#d0d7de" stroke-width="1" {}
                text x=(LEFT) y=(y(f64::from(value)) + 4.0) font-size="11" { (value) }
            }
            polyline points=(line.join(" ")) fill="none" stroke=(BAR_COLOUR) stroke-width="2" {}
            @for (at, (date, mean, n)) in points.iter().enumerate() {
                @if let Some(mean) = mean {
                    circle.measurement cx=(format!("{:.2}", x(at))) cy=(format!("{:.2}", y(*mean))) r="4"
                        fill=(BAR_COLOUR) data-mean=(mean) {}
                    text x=(format!("{:.2}", x(at))) y=(format!("{:.2}", y(*mean) - 8.0)) font-size="11"
                        text-anchor="middle" { (decimal(*mean, language)) }
                }
                text x=(format!("{:.2}", x(at))) y=(bottom + 18.0) font-size="10" text-anchor="middle" {
                    (date) " (n = " (n) ")"
                }
            }
        }
    }
}

fn mean_word(language: Language) -> &'static str {
    crate::i18n::room_words(language).mean_word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lower_values_lie_left_of_the_centre_and_the_middle_across_it() {
        let half = (RIGHT - LEFT) / 2.0;
        let centre = LEFT + half;
        // 1–5 with 2, 2, 2, 2, 2: the middle value straddles the centre.
        let parts = segments(&[2, 2, 2, 2, 2], 10);
        let middle = parts[2];
        assert!((middle.0 + middle.1 / 2.0 - centre).abs() < 1e-9);
        let lower_end = parts[1].0 + parts[1].1;
        assert!((lower_end - middle.0).abs() < 1e-9);
        // 1–4: the lower two end at the centre.
        let parts = segments(&[1, 3, 4, 2], 10);
        assert!((parts[1].0 + parts[1].1 - centre).abs() < 1e-9);
        assert!((parts[2].0 - centre).abs() < 1e-9);
        assert!((parts[3].1 - 0.2 * half).abs() < 1e-9);
    }

    #[test]
    fn every_scale_runs_from_the_first_colour_to_the_last() {
        for steps in [2, 4, 5, 7, 11] {
            assert_eq!(colour(0, steps), DIVERGING[0]);
            assert_eq!(colour(steps - 1, steps), DIVERGING[DIVERGING.len() - 1]);
        }
        assert_eq!(colour(2, 5), DIVERGING[3], "the middle of five is neutral");
    }
}
