//! Writing a document the user asked for (`samla export -o PATH`, `x`): unlike
//! session data, it is the user's to share, so it gets a document's ordinary
//! permissions, and no `.bak` is left beside it. Whatever is at the path is
//! respected: a device or a pipe receives the bytes as a stream, a link is
//! written through to its target, a regular file is replaced atomically.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` as described in the module's comment.
pub fn write_document(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // The system follows links here, also `/dev/stdout` to a pipe.
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder (expected a file name)",
        )),
        Ok(meta) if !meta.is_file() => {
            // A terminal, /dev/stdout, a FIFO: written to, never replaced.
            let mut stream = OpenOptions::new().write(true).open(path)?;
            stream.write_all(bytes)?;
            stream.flush()
        }
        Ok(meta) => replace_file(&fs::canonicalize(path)?, bytes, Some(meta.permissions())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            replace_file(&follow_links(path)?, bytes, None)
        }
        Err(error) => Err(error),
    }
}

/// Where writing to `path` lands when nothing is there yet: through any chain
/// of symbolic links to the missing target.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many hops as the system itself follows before it gives up.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) => folder.join(link),
                    None => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A temporary file beside `target`, written, flushed and renamed over it:
/// readers see the old document or the new one. It keeps the permissions of
/// the file it replaces; a new document gets what the user's umask gives.
fn replace_file(target: &Path, bytes: &[u8], keep: Option<fs::Permissions>) -> io::Result<()> {
    let folder = target
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".samla-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Some(permissions) = keep {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.persist(target).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_regular_file_is_replaced_with_no_backup_and_keeps_its_permissions() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.md");
        write_document(&path, b"first").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_document(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        let names: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "nothing beside the export: {names:?}");
    }

    #[test]
    fn a_link_is_written_through_to_its_target() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("real.md");
        let link = folder.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        write_document(&link, b"through").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"through");
    }

    #[test]
    fn a_link_to_a_file_not_there_yet_makes_the_file() {
        let folder = tempfile::tempdir().unwrap();
        let link = folder.path().join("link.md");
        std::os::unix::fs::symlink("later.md", &link).unwrap();
        write_document(&link, b"new").unwrap();
        assert_eq!(fs::read(folder.path().join("later.md")).unwrap(), b"new");
    }

    #[test]
    fn a_folder_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        assert!(write_document(folder.path(), b"x").is_err());
    }
}
