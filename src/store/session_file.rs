//! The session file: what a run of an agenda has produced, in RON, versioned.
//! Readable by the user, written whole and atomically by [`super::Saver`].

use std::path::Path;
use std::sync::Arc;

use crate::i18n::{FileWord, Say};
use chrono::{DateTime, Utc};
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::agenda::{Language, Syntax, syntax_of};
use crate::session::{Draft, Mismatch, Session};

/// The format this samla writes. A file with an older version is brought up
/// to date by [`migrate`] on reading; a newer one is refused.
pub const VERSION: u32 = 7;

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
    /// The session, with a copy of its agenda as it was when it began;
    /// shared with the run screen, so handing it to the saver copies nothing.
    pub session: std::sync::Arc<Session>,
    /// Text in the editor, not yet saved as a card.
    #[serde(default)]
    pub draft: Option<Draft>,
    /// Where the room is reached while it is open, for `samla present`'s QR code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<crate::room::Door>,
    /// The room's join code and its devices (their tokens as hashes), so
    /// that phones carry on after a restart or a crash.
    #[serde(default, skip_serializing_if = "crate::room::DeviceBook::is_empty")]
    pub devices: crate::room::DeviceBook,
}

/// A session's text as it stands in its file, kept with the session it was
/// written from.
#[derive(Debug)]
pub struct KeptSession {
    session: Arc<Session>,
    text: String,
}

/// The fields before the session, as `SessionFile` writes them.
#[derive(Serialize)]
struct FileHead<'a> {
    version: u32,
    agenda_id: &'a str,
    saved: DateTime<Utc>,
    language: Language,
}

/// The fields after the session, as `SessionFile` writes them.
#[derive(Serialize)]
struct FileTail<'a> {
    draft: &'a Option<Draft>,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: &'a Option<crate::room::Door>,
    #[serde(skip_serializing_if = "crate::room::DeviceBook::is_empty")]
    devices: &'a crate::room::DeviceBook,
}

/// `value` as the session file's pretty RON.
fn pretty(value: &impl Serialize) -> String {
    let config = PrettyConfig::new().indentor("  ".to_owned());
    ron::ser::to_string_pretty(value, config).unwrap_or_default()
}

/// A struct's text one level deeper, as a field's value: every line but
/// the first indented once more (strings are escaped, so a line never breaks
/// inside one).
fn indented(text: &str) -> String {
    text.replace('\n', "\n  ")
}

/// The lines between a struct's parentheses, each with its line break.
fn inner_lines(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("(\n")?.strip_suffix(')')?;
    Some(inner)
}

/// Which of samla's own files a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A session file.
    Session,
    /// A series file.
    Series,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Session => "session",
            Self::Series => "series",
        })
    }
}

/// Why a session or series file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionFileError {
    /// The file could not be read.
    #[error("{file}: cannot read the {kind} file: {}", reason.text(crate::i18n::Language::En))]
    Read {
        file: String,
        kind: FileKind,
        reason: crate::i18n::Unreadable,
    },
    /// The text is not such a file (cut short, or edited by hand).
    #[error("{file}:{line}:{column}: the {kind} file is damaged: {problem}")]
    Syntax {
        file: String,
        kind: FileKind,
        line: usize,
        column: usize,
        problem: Syntax,
    },
    /// Well-formed, but a field refers to something that does not exist.
    #[error("{file}: the {kind} file is damaged: {field}: {mismatch}")]
    Inconsistent {
        file: String,
        kind: FileKind,
        field: String,
        mismatch: Mismatch,
    },
    /// Nothing in it (a disk that lost it, a hand that emptied it).
    #[error("{file}: the {kind} file is empty")]
    Empty { file: String, kind: FileKind },
    /// Written by a newer samla.
    #[error(
        "{file}: written by a newer samla ({kind} format {found}, this one reads up to {supported})"
    )]
    TooNew {
        file: String,
        kind: FileKind,
        found: u32,
        supported: u32,
    },
}

impl SessionFileError {
    /// What the command line says of it.
    pub fn say(&self) -> Say {
        let word = |kind: &FileKind| match kind {
            FileKind::Session => FileWord::Session,
            FileKind::Series => FileWord::Series,
        };
        match self.clone() {
            Self::Read { file, kind, reason } => Say::FileUnreadable {
                file,
                kind: word(&kind),
                reason,
            },
            Self::Syntax {
                file,
                kind,
                line,
                column,
                problem,
            } => Say::FileDamaged {
                file,
                kind: word(&kind),
                line,
                column,
                detail: problem,
            },
            Self::Inconsistent {
                file,
                kind,
                field,
                mismatch,
            } => Say::FileInconsistent {
                file,
                kind: word(&kind),
                field,
                detail: mismatch,
            },
            Self::Empty { file, kind } => Say::FileEmpty {
                file,
                kind: word(&kind),
            },
            Self::TooNew {
                file,
                kind,
                found,
                supported,
            } => Say::FileTooNew {
                file,
                kind: word(&kind),
                found,
                supported,
            },
        }
    }

    /// Whether the file is there but cannot be used as it is (so its `.bak`
    /// may help), rather than missing or unreadable.
    pub fn is_damaged(&self) -> bool {
        matches!(
            self,
            Self::Syntax { .. } | Self::Inconsistent { .. } | Self::Empty { .. }
        )
    }
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

    /// The same text as [`SessionFile::to_text`], with the session's part
    /// taken from `kept` when it holds this very session (the same `Arc`, so
    /// unchanged: a change copies a session the saver still holds). While
    /// only the editor's draft changes, a save writes the session's 360
    /// cards without writing them into text again.
    pub fn to_text_keeping(&self, kept: &mut Option<KeptSession>) -> String {
        let session = match kept {
            Some(kept) if Arc::ptr_eq(&kept.session, &self.session) => kept.text.as_str(),
            _ => {
                let text = indented(&pretty(&*self.session));
                &kept
                    .insert(KeptSession {
                        session: Arc::clone(&self.session),
                        text,
                    })
                    .text
            }
        };
        let head = pretty(&FileHead {
            version: self.version,
            agenda_id: &self.agenda_id,
            saved: self.saved,
            language: self.language,
        });
        let tail = pretty(&FileTail {
            draft: &self.draft,
            room: &self.room,
            devices: &self.devices,
        });
        // Serializing plain data cannot fail; should it ever, the whole
        // file is written the usual way.
        let (Some(head), Some(tail)) = (inner_lines(&head), inner_lines(&tail)) else {
            return self.to_text();
        };
        if session.is_empty() {
            return self.to_text();
        }
        format!("(\n{head}  session: {session},\n{tail})")
    }

    /// Reads a session file's text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, SessionFileError> {
        let mut parsed: Self = parse_versioned(file, text, FileKind::Session, VERSION, migrate)?;
        // 5 → 6: a follow-up's status, comment and origin move off the card
        // into its follow-up record (a file of 6 has none on the card).
        if parsed.version < 6 {
            std::sync::Arc::make_mut(&mut parsed.session).take_in_follow_ups_before_6();
        }
        // Migrated, it is this version's file, and is written back as one.
        parsed.version = VERSION;
        let inconsistent = |error: crate::session::Inconsistency| SessionFileError::Inconsistent {
            file: file.to_owned(),
            kind: FileKind::Session,
            field: error.field,
            mismatch: error.mismatch,
        };
        parsed.session.check().map_err(inconsistent)?;
        if let Some(draft) = &parsed.draft {
            parsed
                .session
                .check_draft(&draft.target)
                .map_err(inconsistent)?;
        }
        Ok(parsed)
    }

    /// Reads the session file at `path`.
    pub fn load(path: &Path) -> Result<Self, SessionFileError> {
        let (file, text) = read_text(path, FileKind::Session)?;
        Self::parse(&file, &text)
    }
}

/// Parses a versioned RON file of `kind`: the version first, so a newer one
/// is refused and an older one brought up to date by `migrate`.
pub(super) fn parse_versioned<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    kind: FileKind,
    supported: u32,
    migrate: fn(u32, &str) -> String,
) -> Result<T, SessionFileError> {
    if text.trim().is_empty() {
        return Err(SessionFileError::Empty {
            file: file.to_owned(),
            kind,
        });
    }
    let options = ron::Options::default().with_recursion_limit(NESTING_LIMIT);
    let syntax = |error: ron::error::SpannedError| SessionFileError::Syntax {
        file: file.to_owned(),
        kind,
        line: error.span.start.line,
        column: error.span.start.col,
        problem: syntax_of(&error.code, NESTING_LIMIT),
    };
    let VersionOnly { version } = options.from_str(text).map_err(syntax)?;
    if version > supported {
        return Err(SessionFileError::TooNew {
            file: file.to_owned(),
            kind,
            found: version,
            supported,
        });
    }
    options.from_str(&migrate(version, text)).map_err(syntax)
}

/// The file's name as shown in messages, and its text.
pub(super) fn read_text(path: &Path, kind: FileKind) -> Result<(String, String), SessionFileError> {
    let file = path.display().to_string();
    let cap = crate::input_file::MAX_KEPT_BYTES;
    let text =
        crate::input_file::read_text_capped(path, cap).map_err(|error| SessionFileError::Read {
            file: file.clone(),
            kind,
            reason: error.reason(),
        })?;
    Ok((file, text))
}

/// Brings the text of a format-`version` file up to [`VERSION`]; each new
/// format adds a step here from the one before.
///
/// 1 → 2: the workshop's shapes (group sets, columns and matrices, priorities,
/// follow-ups, work between sessions) are new fields that every version-1
/// file leaves out and that mean "none" when left out, so its text reads as
/// it is.
///
/// 2 → 3: sectors of the agenda's or series' own (`sectors`, and a sector
/// named by a quoted id) are new; a version-2 file names only the built-in
/// four, bare, and reads as it is.
///
/// 3 → 4: polls of every question kind (`kind`, `dont_know` and `breakdown`
/// on an agenda's statements; the answers `Choice`, `Choices` and `Text`;
/// `carded`) and a series' `earlier_means` are new; a version-3 file has
/// only ratings and reads as it is.
///
/// 4 → 5: the room's `devices` (its join code and the devices that joined,
/// tokens as hashes) and a card's `revision` and `removed` are new; a
/// version-4 file has none and reads as it is (its room's next device is
/// numbered past every device its cards and answers name).
///
/// 5 → 6: a follow-up's `status`, `comment` and `brought` move off each
/// card into its `follow_up` record; [`SessionFile::parse`] moves them once
/// the text is read.
fn migrate(_version: u32, text: &str) -> String {
    text.to_owned()
}
