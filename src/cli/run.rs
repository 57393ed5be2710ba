//! `samla run [AGENDA]`: a new session of an agenda on the run screen.

use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::Local;

use super::screen::run_and_keep;
use super::{Context, RunArgs, fail, resume};
use crate::agenda::{Agenda, DEFAULT_AGENDA, Language, find_agenda};
use crate::app::AppState;
use crate::clock::{Clock, SystemClock};
use crate::i18n::{self, Say};
use crate::session::{Session, planned_start};
use crate::store::{DataDir, SeriesFile, SessionSummary, series_stem, session_id};
use crate::ui::Theme;

/// Groups when neither the command line nor the agenda says.
const DEFAULT_GROUPS: u32 = 4;

/// Opens the run screen on a new session of the named (or default) agenda.
pub fn run(args: &RunArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let name = args.agenda.as_deref().unwrap_or(DEFAULT_AGENDA);
    let found = find_agenda(name, &data.user_agendas())?;
    context.speak(found.agenda.language);
    let language = context.language;
    let clock = SystemClock;
    let now = clock.now();
    let today = now.with_timezone(&Local).date_naive();
    // Only today's files of this agenda are read, so a start stays quick
    // however many sessions there are.
    if std::io::stdin().is_terminal()
        && let Some(open) = data
            .sessions_named(&format!("{today}-{}", found.id))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|open| {
                !open.finished
                    && open.agenda_id == found.id
                    && open.last_change.with_timezone(&Local).date_naive() == today
            })
            .max_by_key(|open| open.last_change)
        && ask_to_resume(&open, language, context)?
    {
        // Groups asked for on the command line apply to the continued session.
        let asked = (args.groups.is_some() || !args.group.is_empty())
            .then(|| group_names(args, &found.agenda, language));
        return resume::open(&open.path, false, !args.no_bell, asked, context);
    }
    // The agenda's series, unless `--series` names another.
    let series_name = args.series.clone().or_else(|| found.agenda.series.clone());
    // Told on the screen: the series' own sectors apply, not the agenda's.
    let sectors_over = series_name.as_deref().and_then(|name| {
        let sectors = data.series_sectors_over(name, &found.agenda)?;
        Some(crate::i18n::Notice::SeriesSectors {
            series: name.to_owned(),
            names: sectors.into_iter().map(|def| def.name).collect(),
        })
    });
    let _series_lock = match &series_name {
        Some(series_name) => Some(data.lock_series(series_name)?),
        None => None,
    };
    let mut series = match &series_name {
        Some(series_name) => Some(open_series(&data, series_name, || {
            let mut series =
                SeriesFile::new(series_name, group_names(args, &found.agenda, language));
            // A series begun on an agenda with its own sectors keeps them.
            series.roster.sectors = found.agenda.sectors.clone();
            series
        })?),
        None => None,
    };
    let groups = match &series {
        Some(series) => series.groups.clone(),
        None => group_names(args, &found.agenda, language),
    };
    // Groups asked for that the series does not take are said, not dropped in silence.
    let asked = args.groups.is_some() || !args.group.is_empty();
    let groups_kept = series
        .as_ref()
        .filter(|series| asked && group_names(args, &found.agenda, language) != series.groups)
        .map(|series| crate::i18n::Notice::SeriesGroups {
            series: series.name.clone(),
            groups: series.groups.len(),
        });
    let start = planned_start(&found.agenda, now, crate::clock::local_offset(now));
    let mut session = Session::new(found.agenda, groups, start);
    if let Some(series) = &series {
        session.series = Some(series.name.clone());
        session.roster = series.roster.clone();
        bring_in_from_series(&mut session, series, &data);
    }
    let state = AppState::new(
        session,
        language,
        Theme::new(context.no_color),
        !args.no_bell,
        now,
    );
    let state = match groups_kept.or(sectors_over) {
        Some(notice) => state.telling(notice),
        None => state,
    };
    let path = data.new_session_path(today, &found.id)?;
    let _lock = data.lock_session(&path)?;
    if let Some(series) = series.as_mut() {
        series.sessions.push(session_id(&path));
        data.save_series(series)?;
    }
    run_and_keep(state, &clock, path, &found.id, context)
}

/// The work since last time and a follow-up's items, from the series' earlier
/// sessions; one that cannot be read brings nothing (`samla export --series`
/// names it).
fn bring_in_from_series(session: &mut Session, series: &SeriesFile, data: &DataDir) {
    let earlier: Vec<crate::store::SessionFile> = series
        .sessions
        .iter()
        .filter_map(|id| data.session_path(id))
        .filter_map(|path| crate::store::SessionFile::load(&path).ok())
        .collect();
    let earlier: Vec<&Session> = earlier.iter().map(|file| file.session.as_ref()).collect();
    session.bring_in(&earlier);
}

/// Series `name`, or the new one `begin` gives.
fn open_series(
    data: &DataDir,
    name: &str,
    begin: impl FnOnce() -> SeriesFile,
) -> anyhow::Result<SeriesFile> {
    if series_stem(name).is_empty() {
        return Err(fail(Say::BadSeriesName {
            name: name.to_owned(),
        }));
    }
    match data.load_series(name) {
        Some(loaded) => Ok(loaded?),
        None => Ok(begin()),
    }
}

/// Asks whether to go on with today's unfinished session instead; yes unless
/// the answer starts with n.
fn ask_to_resume(
    open: &SessionSummary,
    language: Language,
    context: &mut Context,
) -> anyhow::Result<bool> {
    let strings = i18n::strings(language);
    let offer = format!(
        "{} {} ({}, {} {}).",
        strings.resume_offer, open.id, open.title, open.cards, strings.cards_word
    );
    // Wrapped between words at the terminal's width, the question on a line
    // of its own where the answer is typed.
    let width = crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns));
    for line in textwrap::wrap(&offer, width.max(20)) {
        writeln!(context.err, "{line}")?;
    }
    write!(context.err, "{} ", strings.resume_question)?;
    context.err.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(!answer.trim_start().to_lowercase().starts_with('n'))
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
