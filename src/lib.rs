//! samla runs a live workshop from a terminal: the agenda and its timers, every
//! group's output as cards, and a summary to send afterwards.

pub mod agenda;
pub mod app;
pub mod cli;
pub mod clipboard;
pub mod clock;
pub mod export;
pub mod i18n;
pub mod input_file;
pub mod room;
pub mod session;
pub mod store;
pub mod ui;
