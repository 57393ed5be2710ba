//! `samla agendas`: what can be run, with ids, lengths and titles.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use super::{Context, fail};
use crate::agenda::{
    Agenda, AgendaError, BUNDLED, Language, TEMPLATE, WORKSHOP_TEMPLATE, WORKSHOP_TEMPLATE_NAME,
    agenda_id, bundled_source, load_agenda_file, load_bundled,
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
        let shadows = context.say(Say::Shadows);
        for path in own {
            let loaded = load_agenda_file(&path);
            let id = agenda_id(&path);
            write_row(context.out, &id, &loaded, language)?;
            if BUNDLED
                .iter()
                .any(|(bundled, _)| bundled.eq_ignore_ascii_case(&id))
            {
                writeln!(context.out, "{:<22} {:>7}  {shadows}", "", "")?;
            }
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

/// `samla agendas new ID [--from AGENDA]`: writes the new agenda, says where,
/// and, at a terminal with `$VISUAL` or `$EDITOR` set, opens it and checks it
/// when the editor closes.
pub fn new(id: &str, from: Option<&str>, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let id_is_a_name = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_is_a_name {
        return Err(fail(Say::BadAgendaId { id: id.to_owned() }));
    }
    let text = match from {
        Some(WORKSHOP_TEMPLATE_NAME) => WORKSHOP_TEMPLATE,
        Some(name) => {
            bundled_source(name)
                .map_err(|error| fail(Say::from(&error)))?
                .1
        }
        None => TEMPLATE,
    };
    let path = data.agendas_dir().join(format!("{id}.ron"));
    if path.exists() {
        return Err(fail(Say::AgendaExists { path }));
    }
    let written = std::fs::create_dir_all(data.agendas_dir())
        .and_then(|()| crate::store::write_document(&path, text.as_bytes()));
    written.map_err(|error| {
        fail(Say::CannotWrite {
            path: path.clone(),
            kind: error.kind(),
        })
    })?;
    writeln!(context.out, "{}", path.display())?;
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|editor| editor.to_string_lossy().into_owned())
        .find(|editor| !editor.trim().is_empty());
    let Some(editor) = editor.filter(|_| std::io::stdout().is_terminal()) else {
        return Ok(ExitCode::SUCCESS);
    };
    // "code --wait" and the like: the program, then its own arguments.
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or_default();
    let edited = std::process::Command::new(program)
        .args(words)
        .arg(&path)
        .status();
    if !edited.is_ok_and(|status| status.success()) {
        return Err(fail(Say::NoEditor { editor }));
    }
    super::validate::check(&[path], context)
}
