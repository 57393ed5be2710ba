//! Every integration test in one crate, so the library and its dependencies
//! are linked once: the real binary in pseudo-terminals, its files, its
//! exports read back with real parsers, and the screens drawn on a test
//! backend.

mod common;

// libtest starts tests in the order of their names. The tests that drive
// other programs (Chromium, wine) wait on them for the longest: their
// modules are named to sort first, so they start at once, beside the rest,
// rather than last and alone.

mod agenda_fuzz;
mod agenda_model;
mod board_screen;
mod browser;
mod bundled_fidelity;
mod card_keys;
mod card_text_fuzz;
mod cards_pty;
mod cli;
mod clipboard_x11;
mod cut_screen;
mod docs_examples;
mod doctor;
mod exe_on_wine;
mod export_csv;
mod export_eml;
mod export_html;
mod export_markdown;
mod export_xlsx;
mod hostile_files;
mod hostile_pty;
mod key_table;
mod layering;
mod note_taker_pty;
mod one_schedule;
mod personal_corpus;
mod personal_data;
mod poll_import;
mod poll_keys;
mod poll_run;
mod present_pty;
mod present_room;
mod present_screen;
mod print_pdf;
mod quiet_pty;
mod room_crash;
mod room_http;
mod room_interleavings;
mod room_restart;
mod room_screen;
mod room_siege;
mod room_survey;
mod roster_keys;
mod run_pty;
mod run_screen;
mod series_run;
mod session_fuzz;
mod session_store;
mod sessions_pty;
mod swedish;
mod validate_cli;
mod workshop_run;
mod workshop_screen;
