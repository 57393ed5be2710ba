//! `samla agendas`: what can be run, with ids, lengths and titles.

use std::io::Write;
use std::process::ExitCode;

use super::Context;
use crate::agenda::{
    Agenda, AgendaError, BUNDLED, Language, agenda_id, load_agenda_file, load_bundled,
};
use crate::i18n::Say;

/// Lists the bundled agendas, then the user's own from the data folder.
pub fn list(context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let language = context.language;
    writeln!(context.out, "{}", context.say(Say::AgendasHeader))?;
    for (id, _) in BUNDLED {
        if let Some(loaded) = load_bundled(id) {
            write_row(context.out, id, &loaded, language)?;
        }
    }
    let own = data.user_agendas();
    if !own.is_empty() {
        let heading = context.say(Say::OwnAgendas {
            folder: data.agendas_dir(),
        });
        writeln!(context.out, "{heading}")?;
        for path in own {
            let loaded = load_agenda_file(&path);
            write_row(context.out, &agenda_id(&path), &loaded, language)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_row(
    out: &mut dyn Write,
    id: &str,
    loaded: &Result<Agenda, AgendaError>,
    language: Language,
) -> std::io::Result<()> {
    match loaded {
        Ok(agenda) => writeln!(
            out,
            "{id:<22} {:>7}  {}",
            agenda.total_minutes(),
            agenda.title
        ),
        Err(error) => {
            let text = Say::from(error).text(language);
            let first_line = text.lines().next().unwrap_or_default().to_owned();
            let invalid = Say::InvalidAgenda { first_line }.text(language);
            writeln!(out, "{id:<22} {:>7}  {invalid}", "-")
        }
    }
}
