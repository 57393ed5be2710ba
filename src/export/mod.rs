//! From a session to the summary participants receive: Markdown, HTML, e-mail, CSV.

mod blocks;
mod chart;
mod compose;
mod csv;
mod eml;
mod escape;
mod html;
mod letter;
mod markdown;
pub mod personal;
mod poll;
mod recipients;
mod series;
mod summary;
mod text;
mod workbook;

pub use compose::{Audience, Composed, Composition, compose};
pub use csv::{COLUMNS, CsvDialect, csv};
pub use eml::{eml, series_eml};
pub use html::{html, series_html};
pub use markdown::markdown;
pub use recipients::{Recipient, parse_recipients};
pub use series::{SeriesSummary, held, series_markdown};
pub use summary::Summary;
pub use workbook::{series_xlsx, xlsx};

/// The formats a summary is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown (CommonMark with tables).
    Md,
    /// A self-contained HTML page.
    Html,
    /// An e-mail draft, text and HTML.
    Eml,
    /// One card a row, for spreadsheets: in the dialect given, else in the
    /// session's language's.
    Csv(Option<CsvDialect>),
    /// A workbook for Excel: the cards, each survey's tables, and in the
    /// report the forms and the time log.
    Xlsx,
}

impl Format {
    /// The file name ending of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Eml => "eml",
            Format::Csv(_) => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// Whether it is text, which a clipboard takes: a workbook is not.
    pub fn is_text(self) -> bool {
        self != Format::Xlsx
    }
}

/// What a summary is made of: one session, or a whole series.
#[derive(Clone, Copy)]
pub enum Document<'a> {
    /// The summary of one session.
    Session(&'a Summary<'a>),
    /// The summary of a series of sessions.
    Series(&'a SeriesSummary<'a>),
}

/// Why a document could not be made in a format.
#[derive(Debug)]
pub enum RenderError {
    /// A series has no CSV of its own.
    NoSeriesCsv,
    /// The document could not be put together (never expected: it is
    /// written to memory).
    Text(std::io::Error),
}

/// `document` in `format`, addressed to `to` where the format has addresses.
pub fn render(
    document: Document,
    format: Format,
    to: &[Recipient],
) -> Result<Vec<u8>, RenderError> {
    let text_error = |error: std::io::Error| RenderError::Text(error);
    let workbook_error =
        |error: rust_xlsxwriter::XlsxError| RenderError::Text(std::io::Error::other(error));
    match (document, format) {
        (Document::Session(summary), Format::Md) => Ok(markdown(summary).into_bytes()),
        (Document::Session(summary), Format::Html) => Ok(html(summary).into_bytes()),
        (Document::Session(summary), Format::Eml) => eml(summary, to).map_err(text_error),
        (Document::Session(summary), Format::Csv(dialect)) => {
            let dialect =
                dialect.unwrap_or_else(|| CsvDialect::of(summary.session.agenda.language));
            csv(summary, dialect).map_err(|error| RenderError::Text(std::io::Error::other(error)))
        }
        (Document::Series(summary), Format::Md) => Ok(series_markdown(summary).into_bytes()),
        (Document::Series(summary), Format::Html) => Ok(series_html(summary).into_bytes()),
        (Document::Series(summary), Format::Eml) => series_eml(summary, to).map_err(text_error),
        (Document::Series(_), Format::Csv(_)) => Err(RenderError::NoSeriesCsv),
        (Document::Session(summary), Format::Xlsx) => xlsx(summary).map_err(workbook_error),
        (Document::Series(summary), Format::Xlsx) => series_xlsx(summary).map_err(workbook_error),
    }
}
