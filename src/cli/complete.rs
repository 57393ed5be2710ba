//! What a shell completes dynamically (`COMPLETE=bash samla`): the agendas
//! and the sessions there are, read from the data folder when asked.

use clap_complete::CompletionCandidate;

use crate::agenda::{BUNDLED, agenda_id};
use crate::store::{DataDir, session_id};

/// The data folder, as the commands find it.
fn data() -> Option<DataDir> {
    DataDir::locate(std::env::var_os("SAMLA_HOME"))
}

/// Every agenda id: your own, then the bundled ones (each once).
pub fn agendas() -> Vec<CompletionCandidate> {
    let own: Vec<String> = data()
        .map(|data| {
            data.user_agendas()
                .iter()
                .map(|path| agenda_id(path))
                .collect()
        })
        .unwrap_or_default();
    let mut ids = own;
    for (id, _) in BUNDLED {
        if !ids.iter().any(|known| known == id) {
            ids.push((*id).to_owned());
        }
    }
    ids.into_iter().map(CompletionCandidate::new).collect()
}

/// Every saved session's id, newest first.
pub fn sessions() -> Vec<CompletionCandidate> {
    let Some(data) = data() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(data.sessions_dir()) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ron"))
        .map(|path| session_id(&path))
        .collect();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.into_iter().map(CompletionCandidate::new).collect()
}
