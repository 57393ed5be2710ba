//! Errors a facilitator can act on: where in which file, and what was expected.

use std::fmt;

use super::diagnostic::{Rule, Syntax};
use crate::input_file::Unreadable;

/// Why an agenda could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    /// The file could not be read at all.
    #[error("{file}: cannot read the file: {reason}")]
    Read {
        /// The file as the user named it.
        file: String,
        /// Why not.
        reason: Unreadable,
    },
    /// No agenda has that id, and no file that path.
    #[error("{name}: no such agenda (expected a path to a .ron file or one of: {})", known.join(", "))]
    Unknown {
        /// The id or path as the user gave it.
        name: String,
        /// The ids there are.
        known: Vec<String>,
        /// The id the user most likely meant.
        closest: Option<String>,
    },
    /// The text is not a well-formed agenda.
    #[error("{file}:{line}:{column}: {problem}")]
    Syntax {
        /// The file as the user named it.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What is wrong.
        problem: Syntax,
    },
    /// The agenda is well-formed but cannot be run as written.
    #[error("{}", Problems { file, problems })]
    Invalid {
        /// The file as the user named it.
        file: String,
        /// Every rule the agenda breaks, in file order.
        problems: Vec<Problem>,
    },
}

/// One broken rule, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The part of the agenda that breaks the rule.
    pub place: Place,
    /// The rule it breaks.
    pub rule: Rule,
    /// The line and column of the field, or of its segment, in the file.
    pub at: Option<super::locate::Position>,
}

/// A part of an agenda, named the way a facilitator would find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A top-level field of the agenda.
    Agenda,
    /// A segment, by its 1-based position and title.
    Segment {
        /// 1-based position in the agenda.
        number: usize,
        /// The segment's title as written.
        title: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Agenda => write!(f, "{}", self.rule),
            Place::Segment { number, title } => {
                write!(f, "segment {number} \"{title}\": {}", self.rule)
            }
        }
    }
}

/// One line per problem, each prefixed with the file.
struct Problems<'a> {
    file: &'a str,
    problems: &'a [Problem],
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            match problem.at {
                Some((line, column)) => write!(f, "{}:{line}:{column}: {problem}", self.file)?,
                None => write!(f, "{}: {problem}", self.file)?,
            }
        }
        Ok(())
    }
}
