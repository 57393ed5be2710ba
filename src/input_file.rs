//! Reading a file that a user names or that samla keeps: regular files only,
//! and never more than a cap, so `/dev/zero`, a FIFO or a terminal given by
//! mistake gives a clear message instead of a hang or an exhausted memory.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// No file a person names (an agenda, answers, an opening) comes near this.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// What samla reads back of the files it writes itself (sessions, series):
/// twice the largest session the room's and the import's limits allow
/// (docs/SESSION.md, "Limits"), so what samla writes it can always read.
pub const MAX_KEPT_BYTES: u64 = 128 * 1024 * 1024;

/// Why a file was not read, as the message catalogue words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The system refused.
    Io(io::ErrorKind),
    /// A folder, device, FIFO or socket.
    NotAFile,
    /// Over the cap.
    TooLarge { megabytes: u64 },
    /// Not UTF-8.
    NotText,
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputFileError {
    /// The system refused (missing, no permission …).
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A folder, device, FIFO or socket.
    #[error("not a regular file (expected a file, not a folder, device or pipe)")]
    NotAFile,
    /// Over its cap, in bytes.
    #[error("the file is larger than {} MB", cap / 1024 / 1024)]
    TooLarge { cap: u64 },
}

impl InputFileError {
    /// Why, as the message catalogue words it.
    pub fn reason(&self) -> Unreadable {
        match self {
            InputFileError::Io(error) if error.kind() == io::ErrorKind::InvalidData => {
                Unreadable::NotText
            }
            InputFileError::Io(error) => Unreadable::Io(error.kind()),
            InputFileError::NotAFile => Unreadable::NotAFile,
            InputFileError::TooLarge { cap } => Unreadable::TooLarge {
                megabytes: cap / 1024 / 1024,
            },
        }
    }
}

/// The bytes of the regular file at `path`, at most [`MAX_INPUT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputFileError> {
    read_bytes_capped(path, MAX_INPUT_BYTES)
}

/// The bytes of the regular file at `path`, at most `cap`. What the path is
/// gets checked before it is opened: opening a FIFO waits.
pub fn read_bytes_capped(path: &Path, cap: u64) -> Result<Vec<u8>, InputFileError> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(InputFileError::NotAFile);
    }
    let file = File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(InputFileError::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(InputFileError::TooLarge { cap });
    }
    Ok(bytes)
}

/// [`read_bytes`] as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, InputFileError> {
    read_text_capped(path, MAX_INPUT_BYTES)
}

/// [`read_bytes_capped`] as UTF-8 text.
pub fn read_text_capped(path: &Path, cap: u64) -> Result<String, InputFileError> {
    String::from_utf8(read_bytes_capped(path, cap)?)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_with_a_clear_message() {
        let folder = tempfile::tempdir().unwrap();
        let error = read_bytes(folder.path()).unwrap_err();
        assert!(matches!(error, InputFileError::NotAFile), "{error}");
        assert!(error.to_string().contains("not a regular file"));
    }

    #[test]
    fn a_file_over_the_cap_is_refused_and_one_at_the_cap_is_read() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("big");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_INPUT_BYTES).unwrap();
        assert_eq!(read_bytes(&path).unwrap().len() as u64, MAX_INPUT_BYTES);
        file.set_len(MAX_INPUT_BYTES + 1).unwrap();
        assert!(matches!(
            read_bytes(&path).unwrap_err(),
            InputFileError::TooLarge {
                cap: MAX_INPUT_BYTES
            }
        ));
        assert_eq!(
            read_bytes_capped(&path, MAX_KEPT_BYTES).unwrap().len() as u64,
            MAX_INPUT_BYTES + 1,
            "samla's own files may be larger"
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_not_a_panic() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("latin1");
        std::fs::write(&path, b"\xe5\xe4\xf6").unwrap();
        assert!(read_text(&path).is_err());
    }
}
