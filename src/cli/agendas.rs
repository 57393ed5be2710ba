//! `samla agendas`: what can be run, with ids, lengths and titles.

use std::io::Write;
use std::process::ExitCode;

use super::Context;
use crate::agenda::{Agenda, AgendaError, BUNDLED, agenda_id, load_agenda_file, load_bundled};

/// Lists the bundled agendas, then the user's own from the data folder.
pub fn list(context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    writeln!(context.out, "{:<22} {:>7}  TITLE", "ID", "MINUTES")?;
    for (id, _) in BUNDLED {
        if let Some(loaded) = load_bundled(id) {
            write_row(context.out, id, &loaded)?;
        }
    }
    let own = data.user_agendas();
    if !own.is_empty() {
        writeln!(
            context.out,
            "\nYour own, in {}:",
            data.agendas_dir().display()
        )?;
        for path in own {
            write_row(context.out, &agenda_id(&path), &load_agenda_file(&path))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_row(
    out: &mut dyn Write,
    id: &str,
    loaded: &Result<Agenda, AgendaError>,
) -> std::io::Result<()> {
    match loaded {
        Ok(agenda) => writeln!(
            out,
            "{id:<22} {:>7}  {}",
            agenda.total_minutes(),
            agenda.title
        ),
        Err(error) => {
            let first_line = error.to_string();
            let first_line = first_line.lines().next().unwrap_or_default();
            writeln!(out, "{id:<22} {:>7}  invalid: {first_line}", "-")
        }
    }
}
