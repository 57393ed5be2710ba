//! A poll's answers: ratings, yes/no, choices and free text, typed from paper
//! forms one respondent a line, given on phones, or tallied from a show of
//! hands; their distribution, mean, and the themes' indices as the follow-up
//! study of the series computes them (seed 001), by sector and by any
//! question that breaks them down.

mod apply;
mod model;
mod paper;
mod statistics;

pub use model::{Answer, PollAction, PollAnswers, Respondent};
pub use paper::{LineProblem, NONE_CHOSEN, option_key, option_letter, parse_answer, parse_line};
pub use statistics::{Cohort, Level, StatementResult, ThemeTable, index, level, themes};
