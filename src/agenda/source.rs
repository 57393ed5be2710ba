//! Finding an agenda by id or path, and reading it.

use std::path::{Path, PathBuf};

use super::bundled::{BUNDLED, bundled_text};
use super::error::AgendaError;
use super::model::Agenda;
use super::parse::parse_agenda;
use crate::input_file::read_bytes;

/// Larger files are refused unread: no agenda comes near this.
pub const MAX_AGENDA_BYTES: u64 = crate::input_file::MAX_INPUT_BYTES;

/// Where an agenda comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    Bundled,
    /// A file of the user's.
    File(PathBuf),
}

/// An agenda found by [`find_agenda`], with its id and where it lives.
#[derive(Debug, Clone)]
pub struct Found {
    /// The file stem, e.g. `seminarium-3`.
    pub id: String,
    /// Where it was found.
    pub origin: Origin,
    /// The agenda.
    pub agenda: Agenda,
}

/// Reads and parses the agenda file at `path`, naming it as given.
pub fn load_agenda_file(path: &Path) -> Result<Agenda, AgendaError> {
    let file = path.display().to_string();
    let bytes = read_bytes(path).map_err(|error| AgendaError::Read {
        file: file.clone(),
        reason: error.reason(),
    })?;
    parse_agenda(&file, &bytes)
}

/// Parses the bundled agenda `id`; `None` when there is no such agenda.
pub fn load_bundled(id: &str) -> Option<Result<Agenda, AgendaError>> {
    bundled_text(id).map(|text| parse_agenda(&bundled_name(id), text.as_bytes()))
}

/// How a bundled agenda is named in messages.
pub fn bundled_name(id: &str) -> String {
    format!("{id} (bundled)")
}

/// The id an agenda file is known by: its file stem.
pub fn agenda_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Resolves what the user typed: a path to a `.ron` file, or an id. An id is
/// looked up among the user's own agendas first, so a copied and edited
/// bundled agenda wins over the original.
pub fn find_agenda(name: &str, user_agendas: &[PathBuf]) -> Result<Found, AgendaError> {
    let path = Path::new(name);
    let looks_like_path = name.ends_with(".ron") || name.contains(std::path::MAIN_SEPARATOR);
    if looks_like_path || path.is_file() {
        return Ok(Found {
            id: agenda_id(path),
            origin: Origin::File(path.to_path_buf()),
            agenda: load_agenda_file(path)?,
        });
    }
    // Ids are file stems, written as the user types them: `Seminarium-3` is
    // `seminarium-3`.
    let same_id = |id: &str| id.to_lowercase() == name.to_lowercase();
    if let Some(own) = user_agendas.iter().find(|own| same_id(&agenda_id(own))) {
        return Ok(Found {
            id: agenda_id(own),
            origin: Origin::File(own.clone()),
            agenda: load_agenda_file(own)?,
        });
    }
    let bundled = BUNDLED.iter().map(|(id, _)| *id).find(|id| same_id(id));
    match bundled.and_then(|id| load_bundled(id).map(|agenda| (id, agenda))) {
        Some((id, agenda)) => Ok(Found {
            id: id.to_owned(),
            origin: Origin::Bundled,
            agenda: agenda?,
        }),
        None => {
            let known = known_ids(user_agendas);
            Err(AgendaError::Unknown {
                closest: closest(name, &known),
                name: name.to_owned(),
                known,
            })
        }
    }
}

/// The bundled agenda `name` (in any case) as its id and its text.
pub fn bundled_source(name: &str) -> Result<(&'static str, &'static str), AgendaError> {
    BUNDLED
        .iter()
        .find(|(id, _)| id.eq_ignore_ascii_case(name))
        .copied()
        .ok_or_else(|| {
            let known: Vec<String> = BUNDLED.iter().map(|(id, _)| (*id).to_owned()).collect();
            AgendaError::Unknown {
                closest: closest(name, &known),
                name: name.to_owned(),
                known,
            }
        })
}

/// The id most like `name`, if one is close enough to be a typo of it.
fn closest(name: &str, known: &[String]) -> Option<String> {
    let name = name.to_lowercase();
    known
        .iter()
        .map(|id| (strsim::damerau_levenshtein(&name, id), id))
        .filter(|(distance, id)| *distance <= 2.max(id.chars().count() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id.clone())
}

fn known_ids(user_agendas: &[PathBuf]) -> Vec<String> {
    let mut ids: Vec<String> = BUNDLED.iter().map(|(id, _)| (*id).to_owned()).collect();
    ids.extend(user_agendas.iter().map(|path| agenda_id(path)));
    ids.sort();
    ids.dedup();
    ids
}
