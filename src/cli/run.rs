//! `samla run [AGENDA]`: a new session of an agenda on the run screen.

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use chrono::Local;

use super::{Context, Lang, RunArgs};
use crate::agenda::{Agenda, DEFAULT_AGENDA, Language, find_agenda};
use crate::app::{self, AppState, Keeper};
use crate::clock::{Clock, SystemClock};
use crate::session::{Session, planned_start};
use crate::store::Saver;
use crate::ui::{Theme, i18n};

/// Groups when neither the command line nor the agenda says.
const DEFAULT_GROUPS: u32 = 4;

/// Opens the run screen on a new session of the named (or default) agenda.
pub fn run(args: &RunArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let name = args.agenda.as_deref().unwrap_or(DEFAULT_AGENDA);
    let found = find_agenda(name, &data.user_agendas())?;
    let language = match args.lang {
        Some(Lang::Sv) => Language::Sv,
        Some(Lang::En) => Language::En,
        None => found.agenda.language,
    };
    let clock = SystemClock;
    let now = clock.now();
    let groups = group_names(args, &found.agenda, language);
    let start = planned_start(&found.agenda, now, app::local_offset(now));
    let session = Session::new(found.agenda, groups, start);
    let state = AppState::new(
        session,
        language,
        Theme::new(context.no_color),
        !args.no_bell,
        now,
    );
    let path = data.new_session_path(now.with_timezone(&Local).date_naive(), &found.id)?;
    run_and_keep(state, &clock, Saver::start(path), &found.id, context)
}

/// Runs the screen with `saver` keeping every change; whatever way the screen
/// ends (a quit, a signal, a lost terminal, a panic), the last state is written
/// before samla exits.
pub fn run_and_keep(
    state: AppState,
    clock: &dyn Clock,
    saver: Saver,
    agenda_id: &str,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let path = saver.path().to_path_buf();
    let strings = i18n::strings(state.language);
    let keeper = Keeper {
        saver: &saver,
        agenda_id,
    };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| app::run(state, clock, &keeper)));
    let saved = saver.finish();
    let screen = match outcome {
        Ok(screen) => screen,
        Err(panic) => panic::resume_unwind(panic),
    };
    if let Err(problem) = saved {
        anyhow::bail!("could not save {}: {problem}", path.display());
    }
    screen?;
    let _ = writeln!(context.err, "{} {}", strings.saved_to, path.display());
    Ok(ExitCode::SUCCESS)
}

/// The groups' names: from `--group`, else numbered by `--groups`, the agenda, or four.
fn group_names(args: &RunArgs, agenda: &Agenda, language: Language) -> Vec<String> {
    if !args.group.is_empty() {
        return args.group.clone();
    }
    if args.groups.is_none() && !agenda.group_names.is_empty() {
        return agenda.group_names.clone();
    }
    let count = args.groups.or(agenda.groups).unwrap_or(DEFAULT_GROUPS);
    let word = i18n::strings(language).group;
    (1..=count)
        .map(|number| format!("{word} {number}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::load_bundled;

    fn agenda() -> Agenda {
        load_bundled("seminarium-3").unwrap().unwrap()
    }

    #[test]
    fn groups_come_from_the_command_line_then_the_agenda_then_four() {
        let mut args = RunArgs::default();
        assert_eq!(
            group_names(&args, &agenda(), Language::Sv),
            ["Grupp 1", "Grupp 2", "Grupp 3", "Grupp 4"]
        );
        let mut named = agenda();
        named.group_names = vec!["Norr".into(), "Söder".into()];
        assert_eq!(group_names(&args, &named, Language::Sv), ["Norr", "Söder"]);
        args.groups = Some(2);
        assert_eq!(
            group_names(&args, &named, Language::En),
            ["Group 1", "Group 2"]
        );
        args.group = vec!["Röd".into()];
        assert_eq!(group_names(&args, &named, Language::Sv), ["Röd"]);
    }
}
