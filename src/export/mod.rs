//! From a session to the summary participants receive: Markdown, HTML, e-mail, CSV.

mod csv;
mod eml;
mod escape;
mod html;
mod markdown;
mod poll;
mod recipients;
mod series;
mod words;

pub use csv::csv;
pub use eml::{eml, series_eml};
pub use html::{html, series_html};
pub use markdown::{Summary, markdown};
pub use recipients::{Recipient, parse_recipients};
pub use series::{SeriesSummary, series_markdown};
