//! From the bytes of an agenda file to an [`Agenda`], with positions on every error.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::error::AgendaError;
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
            message: "the file is empty (expected an agenda: `(title: \"…\", segments: [ … ])`)"
                .to_owned(),
        });
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(NESTING_LIMIT);
    let agenda: Agenda = options
        .from_str(text)
        .map_err(|error| syntax_error(file, &error))?;
    let problems = validate(&agenda);
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
            message: "this is not text (expected UTF-8, as saved by any text editor)".to_owned(),
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
        message: describe(&error.code),
    }
}

/// Says what went wrong in words a facilitator knows, with what was expected.
fn describe(error: &RonError) -> String {
    match error {
        RonError::Eof => "the file ends too early (expected the rest of the agenda, \
                          e.g. a closing `)` or `]`)"
            .to_owned(),
        RonError::ExpectedComma => "missing comma (expected `,` between two items)".to_owned(),
        RonError::ExpectedString => "this is not text (expected a string in double quotes)".into(),
        RonError::ExpectedStringEnd => "unterminated text (expected a closing `\"`)".to_owned(),
        RonError::ExpectedInteger => "not a whole number (expected e.g. `15`)".to_owned(),
        RonError::ExpectedBoolean => "not a yes/no value (expected `true` or `false`)".to_owned(),
        RonError::ExpectedArray => "not a list (expected `[` to start a list)".to_owned(),
        RonError::ExpectedArrayEnd => "the list is not closed (expected `]`)".to_owned(),
        RonError::ExpectedStructLike => {
            "not a group of fields (expected `(` to start one)".to_owned()
        }
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => {
            "this is not closed (expected `)`)".to_owned()
        }
        RonError::ExpectedMapColon => "missing colon (expected `:` after the field name)".into(),
        RonError::ExpectedIdentifier => "expected a field name, e.g. `title`".to_owned(),
        RonError::IntegerOutOfBounds => {
            "the number is out of range (expected a whole number from 0 up, of sensible size)"
                .to_owned()
        }
        RonError::UnclosedBlockComment => {
            "the comment is never closed (expected `*/` to end it)".to_owned()
        }
        RonError::ExpectedNamedStructLike(name) => format!("expected `(` to start a {name}"),
        RonError::UnexpectedChar(found) => {
            format!("unexpected character {found:?} (expected a value, a field or punctuation)")
        }
        RonError::TrailingCharacters => "more text after the agenda's closing `)` \
                                         (expected nothing after the end)"
            .to_owned(),
        RonError::ExceededRecursionLimit => {
            format!("nested too deeply (expected at most {NESTING_LIMIT} levels of brackets)")
        }
        RonError::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}` (expected one of: {})",
            expected.join(", ")
        ),
        RonError::MissingStructField { field, outer } => format!(
            "required field `{field}` is missing{} (expected `{field}: …`)",
            outer
                .as_deref()
                .map(|name| format!(" in {name}"))
                .unwrap_or_default()
        ),
        RonError::DuplicateStructField { field, .. } => {
            format!("field `{field}` is given twice (expected it once)")
        }
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value `{found}` (expected one of: {})",
            expected.join(", ")
        ),
        RonError::InvalidValueForType { expected, found } => {
            format!("found {found} (expected {expected})")
        }
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!("found `{found}` (expected `{expected}(` or just `(`)")
        }
        other => lowercase_first(&other.to_string()),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
