//! From a session to the summary participants receive: Markdown, HTML, e-mail, CSV.

mod escape;
mod markdown;
mod words;

pub use markdown::{Summary, markdown};
