//! The one way a summary leaves samla, for `x` on the run screen and for
//! `samla export` alike: rendered in a format, written where asked (a file, the
//! exports folder, standard output), copied if asked.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::clipboard::Copied;
use crate::export::Format;
use crate::store::{create_private_dir, write_document};

/// Where an export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// The exports folder, under the session's (or series') own name.
    ExportsFolder,
    /// A path the user named.
    Path(PathBuf),
    /// Standard output.
    Stdout,
}

/// What to export, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// The format.
    pub format: Format,
    /// Where it is written.
    pub destination: Destination,
    /// Whether it is also copied to the clipboard.
    pub copy: bool,
}

impl ExportRequest {
    /// What `x` asks for: the Markdown summary in the exports folder, copied.
    pub fn summary_for_the_screen() -> Self {
        Self {
            format: Format::Md,
            destination: Destination::ExportsFolder,
            copy: true,
        }
    }
}

/// What became of an export.
#[derive(Debug)]
pub struct Delivered {
    /// The file written, unless it went to standard output.
    pub path: Option<PathBuf>,
    /// How it was copied, when asked: where to, or why not.
    pub copied: Option<io::Result<Copied>>,
}

/// An export that could not be written.
#[derive(Debug)]
pub struct NotWritten {
    /// Where it should have gone.
    pub path: PathBuf,
    /// Why it could not.
    pub error: io::Error,
}

/// Writes `bytes` as `request` says (to `default` for the exports folder, to
/// `stdout` for standard output) and copies them with `copy` if asked. A failed
/// copy never fails the export: it is reported beside the file.
pub fn deliver(
    bytes: &[u8],
    request: &ExportRequest,
    default: PathBuf,
    stdout: &mut dyn Write,
    copy: impl FnOnce(&str) -> io::Result<Copied>,
) -> Result<Delivered, NotWritten> {
    let path = match &request.destination {
        Destination::Stdout => None,
        Destination::Path(path) => Some(path.clone()),
        Destination::ExportsFolder => Some(default),
    };
    let written = match &path {
        None => stdout.write_all(bytes).and_then(|()| stdout.flush()),
        Some(path) => {
            let folder_ready = match (&request.destination, path.parent()) {
                (Destination::ExportsFolder, Some(folder)) => create_private_dir(folder),
                _ => Ok(()),
            };
            folder_ready.and_then(|()| write_document(path, bytes))
        }
    };
    if let Err(error) = written {
        return Err(NotWritten {
            path: path.unwrap_or_else(|| PathBuf::from("-")),
            error,
        });
    }
    let copied = request.copy.then(|| copy(&String::from_utf8_lossy(bytes)));
    Ok(Delivered { path, copied })
}
