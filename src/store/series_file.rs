//! A series of seminars: its groups and their members, and its sessions in
//! order, in `$SAMLA_HOME/series/NAME.ron`.

use std::path::{Path, PathBuf};

use crate::session::Mismatch;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::session_file::{FileKind, SessionFileError, parse_versioned, read_text};
use super::{DataDir, create_private_dir, write_atomic};
use crate::session::Roster;

/// The series file format this samla writes.
///
/// 1 → 2: the series' own sectors (`roster.sectors`); a version-1 file has
/// none and reads as it is.
pub const SERIES_VERSION: u32 = 2;

/// Everything kept about a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesFile {
    /// The format's version.
    pub version: u32,
    /// The series' name as the user gave it.
    pub name: String,
    /// The groups' names, the same at every seminar.
    pub groups: Vec<String>,
    /// Who is in which group.
    #[serde(default)]
    pub roster: Roster,
    /// The ids of its sessions, in the order they were held.
    #[serde(default)]
    pub sessions: Vec<String>,
}

impl SeriesFile {
    /// A new series with `groups` and nobody in them yet.
    pub fn new(name: &str, groups: Vec<String>) -> Self {
        Self {
            version: SERIES_VERSION,
            name: name.to_owned(),
            groups,
            roster: Roster::default(),
            sessions: Vec::new(),
        }
    }

    /// Reads the series file at `path`.
    pub fn load(path: &Path) -> Result<Self, SessionFileError> {
        let (file, text) = read_text(path, FileKind::Series)?;
        let mut series: Self =
            parse_versioned(&file, &text, FileKind::Series, SERIES_VERSION, |_, text| {
                text.to_owned()
            })?;
        // Read, it is this version's file, and is written back as one.
        series.version = SERIES_VERSION;
        series
            .check()
            .map_err(|mismatch| SessionFileError::Inconsistent {
                file,
                kind: FileKind::Series,
                field: "roster".to_owned(),
                mismatch,
            })?;
        Ok(series)
    }

    /// Every member in one of the series' groups, and no member id twice.
    fn check(&self) -> Result<(), Mismatch> {
        let max = crate::agenda::MAX_GROUPS as usize;
        if !(1..=max).contains(&self.groups.len()) {
            return Err(Mismatch::Groups {
                groups: self.groups.len(),
                max,
            });
        }
        let mut ids = std::collections::HashSet::new();
        for member in &self.roster.members {
            if member.group >= self.groups.len() {
                return Err(Mismatch::NoGroup {
                    group: member.group,
                    last: self.groups.len() - 1,
                });
            }
            if member.id >= self.roster.next_id || !ids.insert(member.id) {
                return Err(Mismatch::IdTwice { id: member.id });
            }
        }
        Ok(())
    }

    /// Writes the series to `path` atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = ron::ser::to_string_pretty(self, PrettyConfig::new().indentor("  ".to_owned()))
            .map_err(std::io::Error::other)?;
        write_atomic(path, text.as_bytes())
    }
}

/// The file stem for a series name: lowercase letters, digits and hyphens, so
/// "Skolnärvaro 2026" is `skolnärvaro-2026`.
pub fn series_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    stem.trim_matches('-').to_owned()
}

impl DataDir {
    /// Where series live.
    pub fn series_dir(&self) -> PathBuf {
        self.root().join("series")
    }

    /// The file of series `name` (which may not exist yet).
    pub fn series_path(&self, name: &str) -> PathBuf {
        self.series_dir().join(format!("{}.ron", series_stem(name)))
    }

    /// Series `name`, if it exists.
    pub fn load_series(&self, name: &str) -> Option<Result<SeriesFile, SessionFileError>> {
        let path = self.series_path(name);
        path.exists().then(|| SeriesFile::load(&path))
    }

    /// The sectors series `name` keeps in its roster where they take the
    /// place of `agenda`'s: `None` when the series is new, keeps none, or
    /// keeps the agenda's own.
    pub fn series_sectors_over(
        &self,
        name: &str,
        agenda: &crate::agenda::Agenda,
    ) -> Option<Vec<crate::agenda::SectorDef>> {
        let series = self.load_series(name)?.ok()?;
        let theirs = series.roster.sectors;
        (!theirs.is_empty() && theirs != agenda.sectors).then_some(theirs)
    }

    /// Writes series `series` to its file, creating the folder (owner-only).
    pub fn save_series(&self, series: &SeriesFile) -> std::io::Result<()> {
        create_private_dir(&self.series_dir())?;
        series.save(&self.series_path(&series.name))
    }

    /// Every series, sorted by file name; damaged ones as their errors.
    pub fn all_series(&self) -> Vec<Result<SeriesFile, SessionFileError>> {
        super::ron_files(&self.series_dir())
            .iter()
            .map(|path| SeriesFile::load(path))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_plain_file_stems() {
        assert_eq!(series_stem("Skolnärvaro 2026"), "skolnärvaro-2026");
        assert_eq!(series_stem("  Norr / Söder  "), "norr-söder");
        assert_eq!(series_stem("../../etc"), "etc");
    }
}
