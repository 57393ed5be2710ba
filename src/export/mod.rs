//! From a session to the summary participants receive: Markdown, HTML, e-mail, CSV.

mod csv;
mod eml;
mod escape;
mod html;
mod markdown;
mod words;

pub use csv::csv;
pub use eml::eml;
pub use html::html;
pub use markdown::{Summary, markdown};
