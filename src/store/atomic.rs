//! Writing a file so that a reader, a crash or a power cut only ever finds the
//! old version or the new one, never a mix, and the old one is kept as `.bak`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// The backup kept beside `path`: the version before the last write.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes`: a temporary file in the same folder (owner-only),
/// written and flushed to disk, renamed over the old file, and the folder flushed
/// so the rename itself survives a power cut. The old file becomes the `.bak`
/// first, by a hard link, so `path` exists at every moment.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if path.exists() {
        keep_backup(path, folder)?;
    }
    temp.persist(path).map_err(|error| error.error)?;
    sync_folder(folder)
}

/// Makes the current `path` the `.bak`, atomically: a hard link under a temporary
/// name renamed over the old backup (a copy where links are not supported).
fn keep_backup(path: &Path, folder: &Path) -> io::Result<()> {
    let link = tempfile::Builder::new()
        .prefix(".bak-")
        .make_in(folder, |name| fs::hard_link(path, name));
    match link {
        Ok(link) => link
            .persist(backup_path(path))
            .map(|_| ())
            .map_err(|error| error.error),
        Err(_) => {
            let copy = NamedTempFile::new_in(folder)?;
            fs::copy(path, copy.path())?;
            copy.as_file().sync_all()?;
            copy.persist(backup_path(path))
                .map(|_| ())
                .map_err(|error| error.error)
        }
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    // Folders cannot be opened for syncing here; the rename is still atomic.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_version_replaces_the_old_which_becomes_the_backup() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("session.ron");
        write_atomic(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"first");
        write_atomic(&path, b"third").unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary files left behind: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("session.ron");
        write_atomic(&path, b"a").unwrap();
        write_atomic(&path, b"b").unwrap();
        for file in [path.clone(), backup_path(&path)] {
            let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.display());
        }
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("gone").join("session.ron");
        assert!(write_atomic(&path, b"x").is_err());
    }
}
