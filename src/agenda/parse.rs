//! From the bytes of an agenda file to an [`Agenda`], with positions on every error.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::diagnostic::Syntax;
use super::error::AgendaError;
use super::locate::locate;
use super::model::Agenda;
use super::validate::validate;

/// Deeper nesting than this is no agenda, and would risk the stack.
const NESTING_LIMIT: usize = 32;

/// Parses and validates an agenda; `file` names it in every message.
pub fn parse_agenda(file: &str, bytes: &[u8]) -> Result<Agenda, AgendaError> {
    let text = decode(file, bytes)?;
    if text.trim().is_empty() {
        return Err(AgendaError::Syntax {
            file: file.to_owned(),
            line: 1,
            column: 1,
            problem: Syntax::Empty,
        });
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(NESTING_LIMIT);
    let agenda: Agenda = options
        .from_str(text)
        .map_err(|error| syntax_error(file, &error))?;
    let mut problems = validate(&agenda);
    for problem in &mut problems {
        problem.at = locate(text, &problem.place, &problem.rule);
    }
    if problems.is_empty() {
        Ok(agenda)
    } else {
        Err(AgendaError::Invalid {
            file: file.to_owned(),
            problems,
        })
    }
}

/// UTF-8 text without a byte-order mark, or the position of the first bad byte.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, AgendaError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
        let (line, column) = end_position(valid);
        AgendaError::Syntax {
            file: file.to_owned(),
            line,
            column,
            problem: Syntax::NotText,
        }
    })
}

/// The 1-based line and column just after `text`.
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    (line, 1 + last_line.chars().count())
}

fn syntax_error(file: &str, error: &SpannedError) -> AgendaError {
    AgendaError::Syntax {
        file: file.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        problem: syntax_of(&error.code, NESTING_LIMIT),
    }
}

/// What the parser found wrong, as a value the message catalogue words;
/// `limit` is the nesting the parser allowed.
pub fn syntax_of(error: &RonError, limit: usize) -> Syntax {
    match error {
        RonError::Eof => Syntax::EndsEarly,
        RonError::ExpectedComma => Syntax::Comma,
        RonError::ExpectedString => Syntax::Text,
        RonError::ExpectedStringEnd => Syntax::TextEnd,
        RonError::ExpectedInteger => Syntax::Integer,
        RonError::ExpectedBoolean => Syntax::Boolean,
        RonError::ExpectedArray => Syntax::List,
        RonError::ExpectedArrayEnd => Syntax::ListEnd,
        RonError::ExpectedStructLike => Syntax::Fields,
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => Syntax::FieldsEnd,
        RonError::ExpectedMapColon => Syntax::Colon,
        RonError::ExpectedIdentifier => Syntax::FieldName,
        RonError::IntegerOutOfBounds => Syntax::OutOfRange,
        RonError::UnclosedBlockComment => Syntax::Comment,
        RonError::ExpectedNamedStructLike(name) => Syntax::Named((*name).to_owned()),
        RonError::UnexpectedChar(found) => Syntax::Unexpected(*found),
        RonError::TrailingCharacters => Syntax::Trailing,
        RonError::ExceededRecursionLimit => Syntax::Nesting { limit },
        RonError::NoSuchStructField {
            expected, found, ..
        } => Syntax::UnknownField {
            found: found.clone(),
            expected: expected.iter().map(|name| (*name).to_owned()).collect(),
        },
        RonError::MissingStructField { field, outer } => Syntax::MissingField {
            field: (*field).to_owned(),
            outer: outer.as_deref().map(str::to_owned),
        },
        RonError::DuplicateStructField { field, .. } => Syntax::FieldTwice((*field).to_owned()),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => Syntax::UnknownValue {
            found: found.clone(),
            expected: expected.iter().map(|name| (*name).to_owned()).collect(),
        },
        RonError::InvalidValueForType { expected, found } => Syntax::WrongType {
            found: found.clone(),
            expected: expected.clone(),
        },
        RonError::ExpectedDifferentStructName { expected, found } => Syntax::WrongName {
            found: found.clone(),
            expected: (*expected).to_owned(),
        },
        RonError::Message(message) => Syntax::from_tagged(message),
        other => Syntax::Other(other.to_string()),
    }
}
