//! The summary as a workbook that opens in Excel: the cards one a row, each
//! survey's tables with their numbers as numbers, and in the facilitator's
//! report every form and the time log. Headings in the session's language.

mod names;
mod sheet;

use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use super::blocks::{Block, Cell, Value};
use super::csv::{CsvDialect, card_rows};
use super::letter::{date_in_words, time_log};
use super::poll;
use super::series::SeriesSummary;
use super::summary::Summary;
use crate::agenda::Language;
use crate::agenda::Segment;
use crate::i18n::{Words, option_labels, other_label, sector_label, words};
use crate::session::{Answer, Respondent, SegmentIx, Session};
use names::SheetNames;
use sheet::Styles;

/// The session's workbook: its cards; per survey its tables, and in the
/// report its forms; in the report the time log last.
pub fn xlsx(summary: &Summary) -> Result<Vec<u8>, XlsxError> {
    let session = summary.session;
    let words = words(session.agenda.language);
    let mut book = Book::new(&session.agenda.title, summary.as_of);
    book.cards(std::slice::from_ref(summary), session.agenda.language)?;
    for index in surveys(session) {
        let segment = &session.agenda.segments[index];
        book.survey(summary, index, &segment.title)?;
        if summary.report {
            book.forms(session, segment, index, words)?;
        }
    }
    if summary.report {
        let log = time_log(summary, words);
        if let Some(Block::Table { head, rows, .. }) = log.blocks.first() {
            let (sheet, styles) = book.sheet(&log.heading, "")?;
            sheet::table(sheet, head, rows, styles)?;
        }
    }
    book.workbook.save_to_buffer()
}

/// The series' workbook: every session's cards in one sheet, each
/// session's surveys (for the participants: small cells hidden), and the
/// statements asked more than once over time.
pub fn series_xlsx(series: &SeriesSummary) -> Result<Vec<u8>, XlsxError> {
    let words = words(series.language());
    let mut book = Book::new(series.name, series.as_of);
    let summaries: Vec<Summary> = series
        .sessions
        .iter()
        .map(|session| Summary {
            session,
            as_of: series.as_of,
            offset: series.offset,
            private: false,
            names: false,
            report: false,
            intro: None,
            removed: &[],
        })
        .collect();
    book.cards(&summaries, series.language())?;
    for (position, summary) in summaries.iter().enumerate() {
        for index in surveys(summary.session) {
            let title = &summary.session.agenda.segments[index].title;
            let name = format!("{}. {title}", series.number(position));
            book.survey(summary, index, &name)?;
        }
    }
    book.trends(series, words)?;
    book.workbook.save_to_buffer()
}

/// The segments with answers to show, by index.
fn surveys(session: &Session) -> impl Iterator<Item = usize> {
    (0..session.agenda.segments.len()).filter(|index| poll::has_answers(session, *index))
}

/// A workbook being written, and the names its sheets have taken.
struct Book {
    workbook: Workbook,
    names: SheetNames,
    styles: Styles,
}

impl Book {
    /// A workbook titled `title`, made at `made` (so the same session gives
    /// the same file).
    fn new(title: &str, made: chrono::DateTime<chrono::Utc>) -> Self {
        let mut workbook = Workbook::new();
        workbook.set_properties(
            &DocProperties::new()
                .set_title(title)
                .set_creation_datetime(&made),
        );
        Self {
            workbook,
            names: SheetNames::default(),
            styles: Styles::new(),
        }
    }

    /// A new sheet named `base` and then `suffix`, as Excel allows, and
    /// the styles to write in it with.
    fn sheet(
        &mut self,
        base: &str,
        suffix: &str,
    ) -> Result<(&mut rust_xlsxwriter::Worksheet, &Styles), XlsxError> {
        let name = self.names.take(base, suffix);
        let sheet = self.workbook.add_worksheet().set_name(name)?;
        Ok((sheet, &self.styles))
    }

    /// One sheet of every card of `summaries`, one a row, as the CSV in
    /// `language` has them.
    fn cards(&mut self, summaries: &[Summary], language: Language) -> Result<(), XlsxError> {
        let dialect = CsvDialect::of(language);
        let rows: Vec<Vec<Cell>> = summaries
            .iter()
            .flat_map(|summary| card_rows(summary, dialect))
            .map(Vec::from)
            .collect();
        let heads = dialect.headings().map(str::to_owned);
        let (sheet, styles) = self.sheet(words(language).cards_sheet, "")?;
        sheet::table(sheet, &heads, &rows, styles)
    }

    /// A survey's sheet, named `name`: its scale, then its tables as the
    /// summary has them, with their numbers.
    fn survey(&mut self, summary: &Summary, index: usize, name: &str) -> Result<(), XlsxError> {
        let session = summary.session;
        let words = words(session.agenda.language);
        let segment = &session.agenda.segments[index];
        let mut blocks = scale_table(segment, session, words);
        let date = date_in_words(summary, words);
        blocks.extend(poll::blocks(session, index, words, summary.report, &date));
        let (sheet, styles) = self.sheet(name, "")?;
        sheet::blocks(sheet, &blocks, styles)
    }

    /// A survey's forms, one a row with every answer as it was given, the
    /// small-cell rule not applied: the report's.
    fn forms(
        &mut self,
        session: &Session,
        segment: &Segment,
        index: usize,
        words: &Words,
    ) -> Result<(), XlsxError> {
        let Some(answers) = session.poll(SegmentIx(index)) else {
            return Ok(());
        };
        if answers.respondents.is_empty() {
            return Ok(());
        }
        let language = session.agenda.language;
        let mut heads: Vec<String> = words.form_heads.map(str::to_owned).to_vec();
        for question in &segment.statements {
            heads.push(question.text.clone());
            if let Some(label) = other_label(question, language) {
                heads.push(format!("{}: {label}", question.text));
            }
        }
        let rows: Vec<Vec<Cell>> = (1u32..)
            .zip(&answers.respondents)
            .map(|(number, respondent)| form_row(number, respondent, session, segment, words))
            .collect();
        let (sheet, styles) = self.sheet(&segment.title, &format!(" – {}", words.forms_sheet))?;
        sheet::table(sheet, &heads, &rows, styles)
    }

    /// Each statement asked more than once, a row per measurement: its
    /// date, n, mean and share "to a higher degree".
    fn trends(&mut self, series: &SeriesSummary, words: &Words) -> Result<(), XlsxError> {
        let trends = poll::trends_of(series.sessions, series.offset);
        if trends.is_empty() {
            return Ok(());
        }
        let language = series.language();
        let heads = [
            words.statement,
            words.measurement,
            words.date,
            "n",
            words.mean,
            words.higher_share,
        ]
        .map(str::to_owned);
        let mut rows = Vec::new();
        for trend in &trends {
            for (number, one) in (1u32..).zip(&trend.measured) {
                rows.push(vec![
                    Cell::from(trend.text.clone()),
                    Cell::count(number),
                    Cell::new(one.date.to_string(), Value::Date(one.date)),
                    Cell::count(one.n),
                    poll::mean_cell(one.mean, language),
                    match one.higher {
                        Some((higher, n)) => poll::share(higher, n, language),
                        None => Cell::from(String::new()),
                    },
                ]);
            }
        }
        let (sheet, styles) = self.sheet(words.trends, "")?;
        sheet::table(sheet, &heads, &rows, styles)
    }
}

/// A rating survey's scale as a table: each value and what it means.
fn scale_table(segment: &Segment, session: &Session, words: &Words) -> Vec<Block> {
    if !segment.statements.iter().any(|q| q.kind.is_rating()) {
        return Vec::new();
    }
    let scale = segment.scale_or_default(session.agenda.language);
    vec![
        Block::Heading(words.scale.to_owned()),
        Block::Table {
            head: words.scale_heads.map(str::to_owned).to_vec(),
            rows: (scale.min..=scale.max)
                .map(|value| {
                    vec![
                        Cell::count(u32::from(value)),
                        Cell::from(scale.label(value).unwrap_or_default().to_owned()),
                    ]
                })
                .collect(),
            numeric: true,
        },
    ]
}

/// A form as a row: its number, how it came, its sector, then each
/// answer (a value as a number, an option by its name) and the text
/// written beside "Annat".
fn form_row(
    number: u32,
    respondent: &Respondent,
    session: &Session,
    segment: &Segment,
    words: &Words,
) -> Vec<Cell> {
    let language = session.agenda.language;
    let text = |text: &str| Cell::from(text.to_owned());
    let mut row = vec![
        Cell::count(number),
        text(match respondent.from_room {
            Some(_) => words.phone,
            None => words.paper,
        }),
        text(
            respondent
                .sector
                .as_ref()
                .map(|sector| sector_label(session.sectors(), sector, language))
                .unwrap_or_default(),
        ),
    ];
    for (position, question) in segment.statements.iter().enumerate() {
        let labels = option_labels(question, language);
        let option = |choice: &u8| labels.get(usize::from(*choice)).cloned();
        row.push(match respondent.answers.get(position) {
            Some(Answer::Value(value)) => Cell::count(u32::from(*value)),
            Some(Answer::DontKnow) => text(words.dont_know),
            Some(Answer::Choice(choice)) => Cell::from(option(choice).unwrap_or_default()),
            Some(Answer::Choices(chosen)) => Cell::from(
                chosen
                    .iter()
                    .filter_map(option)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Some(Answer::Text(written)) => text(written),
            _ => Cell::from(String::new()),
        });
        if question.other_option().is_some() {
            row.push(text(
                respondent
                    .other
                    .get(&position)
                    .map(String::as_str)
                    .unwrap_or_default(),
            ));
        }
    }
    row
}
