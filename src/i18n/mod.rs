//! The message catalogue: every word a person reads that does not come from an
//! agenda or a card, in Swedish and English. The screens, the projector, the
//! summaries and the command line all take their words from here; each table
//! is a struct or a `match` per language, so the compiler checks that both
//! languages are complete.

mod cli;
mod diagnostics;
mod doctor;
mod labels;
mod notice;
mod room;
mod screen;
mod summary;

pub use crate::agenda::Language;
pub use cli::{FileWord, Locked, Said, Say, Unreadable};
pub use doctor::{
    COMFORTABLE, Finding, Hint, LEAST_FREE, Verdict, doctor_heading, doctor_verdict, verdict_word,
};
pub use labels::{
    action_item_line, count_in_words, decimal, exercise_label, groups_count, kind_label,
    option_labels, other_label, personal_data_label, role_label, rows_count, sector_counts,
    sector_heading, sector_label, sector_named, status_label, task_line, whole_number,
};
pub use notice::{CopyNote, Notice, io_problem, line_problem};
pub use room::{DoorWords, RoomWords, door_words, room_words};
pub use screen::{Strings, strings, tally_hint};
pub use summary::{EventWords, Words, event_named, event_words, words};

/// `sv` or `en` by `language`: every message has both, side by side.
fn pick<T>(language: Language, sv: T, en: T) -> T {
    match language {
        Language::Sv => sv,
        Language::En => en,
    }
}
