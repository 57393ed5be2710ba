//! The session file: what a run of an agenda has produced, in RON, versioned.
//! Readable by the user, written whole and atomically by [`super::Saver`].

use std::path::Path;

use chrono::{DateTime, Utc};
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::agenda::Language;
use crate::session::{Draft, Session};

/// The format this samla writes. A file with an older version is brought up
/// to date by [`migrate`] on reading; a newer one is refused.
pub const VERSION: u32 = 1;

/// Deeper nesting than this is no session file.
const NESTING_LIMIT: usize = 64;

/// Everything kept about one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionFile {
    /// The format's version; see [`VERSION`].
    pub version: u32,
    /// The id of the agenda it ran (the file stem), for offering a resume.
    pub agenda_id: String,
    /// When this was written.
    pub saved: DateTime<Utc>,
    /// The language of the app's own words on screen.
    #[serde(default)]
    pub language: Language,
    /// The session, with a copy of its agenda as it was when it began.
    pub session: Session,
    /// Text in the editor, not yet saved as a card.
    #[serde(default)]
    pub draft: Option<Draft>,
}

/// Why a session file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionFileError {
    /// The file could not be read.
    #[error("{file}: cannot read the session: {reason}")]
    Read { file: String, reason: String },
    /// The text is not a session file (cut short, or edited by hand).
    #[error("{file}:{line}:{column}: the session file is damaged: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Written by a newer samla.
    #[error("{file}: written by a newer samla (format {found}, this one reads up to {VERSION})")]
    TooNew { file: String, found: u32 },
}

/// Only the version, read first so an old format can be migrated.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

impl SessionFile {
    /// The file as RON text.
    pub fn to_text(&self) -> String {
        let config = PrettyConfig::new().indentor("  ".to_owned());
        // Serializing plain data to a string cannot fail; should it ever, the
        // compact form is still a valid file.
        ron::ser::to_string_pretty(self, config)
            .or_else(|_| ron::to_string(self))
            .unwrap_or_default()
    }

    /// Reads a session file's text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, SessionFileError> {
        let options = ron::Options::default().with_recursion_limit(NESTING_LIMIT);
        let syntax = |error: ron::error::SpannedError| syntax_error(file, &error);
        let VersionOnly { version } = options.from_str(text).map_err(syntax)?;
        if version > VERSION {
            return Err(SessionFileError::TooNew {
                file: file.to_owned(),
                found: version,
            });
        }
        let text = migrate(version, text);
        options.from_str(&text).map_err(syntax)
    }

    /// Reads the session file at `path`.
    pub fn load(path: &Path) -> Result<Self, SessionFileError> {
        let (file, text) = read_text(path)?;
        Self::parse(&file, &text)
    }
}

/// The file's name as shown in messages, and its text.
pub(super) fn read_text(path: &Path) -> Result<(String, String), SessionFileError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| SessionFileError::Read {
        file: file.clone(),
        reason: error.to_string(),
    })?;
    Ok((file, text))
}

/// A RON error in `file` as a damaged-file error with its position.
pub(super) fn syntax_error(file: &str, error: &ron::error::SpannedError) -> SessionFileError {
    SessionFileError::Syntax {
        file: file.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// Brings the text of a format-`version` file up to [`VERSION`]. There is one
/// format so far; each new one adds a step here from the one before.
fn migrate(_version: u32, text: &str) -> String {
    text.to_owned()
}
