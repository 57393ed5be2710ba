//! `samla series [NAME] [groups …]`: the series, their sessions, their groups'
//! members, and changes to who is in which group.

use std::process::ExitCode;

use super::{Context, GroupChange, RoleArg, SeriesCommand, fail};
use crate::agenda::{Role, Sectors};
use crate::i18n::{Say, role_label, sector_counts, sector_label};
use crate::session::{Member, count_by_sector};
use crate::store::{DataDir, SeriesFile, SessionFile};

/// Lists the series, shows one, or shows and changes one's groups.
pub fn series(
    name: Option<&str>,
    action: Option<SeriesCommand>,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let Some(name) = name else {
        return list(&data, context);
    };
    // Changes wait for no screen: one that runs a session of the series
    // writes its roster back when it ends.
    let _lock = match &action {
        Some(SeriesCommand::Groups { change: Some(_) }) => Some(data.lock_series(name)?),
        _ => None,
    };
    let mut series = data.load_series(name).ok_or_else(|| {
        fail(Say::NoSuchSeries {
            name: name.to_owned(),
        })
    })??;
    // The series speaks its seminars' language.
    if let Some(file) = series
        .sessions
        .first()
        .and_then(|id| data.session_path(id))
        .and_then(|path| SessionFile::load(&path).ok())
    {
        context.speak(file.session.agenda.language);
    }
    match action {
        None => show(&data, &series, context),
        Some(SeriesCommand::Groups { change: None }) => groups(&series, context),
        Some(SeriesCommand::Groups {
            change: Some(change),
        }) => {
            change_groups(&mut series, change)?;
            data.save_series(&series)?;
            groups(&series, context)
        }
    }
}

fn list(data: &DataDir, context: &mut Context) -> anyhow::Result<ExitCode> {
    let all = data.all_series();
    if all.is_empty() {
        writeln!(context.out, "{}", context.say(Say::NoSeries))?;
    }
    for series in &all {
        match series {
            Ok(series) => {
                let line = context.say(Say::SeriesLine {
                    name: series.name.clone(),
                    groups: series.groups.len(),
                    members: series.roster.members.len(),
                    sessions: series.sessions.len(),
                });
                writeln!(context.out, "{line}")?;
            }
            Err(error) => {
                let error = error.say().text(context.language);
                writeln!(context.err, "samla: {error}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(data: &DataDir, series: &SeriesFile, context: &mut Context) -> anyhow::Result<ExitCode> {
    writeln!(context.out, "{}", series.name)?;
    writeln!(context.out, "{}", context.say(Say::SessionsHeading))?;
    for (number, id) in series.sessions.iter().enumerate() {
        let number = number + 1;
        let line = match data.session_path(id).map(|path| SessionFile::load(&path)) {
            Some(Ok(file)) => context.say(Say::SeriesSession {
                number,
                id: id.clone(),
                title: file.session.agenda.title.clone(),
                cards: file.session.cards.len(),
                present: file.session.present.len(),
            }),
            Some(Err(error)) => format!("{number}. {id}  ({})", context.say(error.say())),
            None => context.say(Say::SeriesSessionMissing {
                number,
                id: id.clone(),
            }),
        };
        writeln!(context.out, "  {line}")?;
    }
    writeln!(context.out, "{}", context.say(Say::GroupsHeading))?;
    let language = context.language;
    let sectors = Sectors::new(&series.roster.sectors);
    for (index, group) in series.groups.iter().enumerate() {
        let members: Vec<&Member> = series.roster.of_group(index).collect();
        let counts = count_by_sector(sectors, members.iter().copied());
        let line = context.say(Say::SeriesGroup {
            group: group.clone(),
            members: members.len(),
            sectors: sector_counts(sectors, &counts, language),
        });
        writeln!(context.out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn groups(series: &SeriesFile, context: &mut Context) -> anyhow::Result<ExitCode> {
    let language = context.language;
    let sectors = Sectors::new(&series.roster.sectors);
    for (index, group) in series.groups.iter().enumerate() {
        writeln!(context.out, "{} (--group {})", group, index + 1)?;
        for member in series.roster.of_group(index) {
            let role = member
                .role
                .map(|role| format!(", {}", role_label(role, language)))
                .unwrap_or_default();
            writeln!(
                context.out,
                "  #{} {} ({}{role})",
                member.id,
                member.name,
                sector_label(sectors, &member.sector, language)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Applies `change` to the series' roster, through the roster's own changes.
fn change_groups(series: &mut SeriesFile, change: GroupChange) -> anyhow::Result<()> {
    let group_index = |group: usize| {
        (1..=series.groups.len())
            .contains(&group)
            .then(|| group - 1)
            .ok_or_else(|| {
                fail(Say::NoSuchGroup {
                    group,
                    groups: series.groups.len(),
                })
            })
    };
    match change {
        GroupChange::Add {
            member,
            group,
            sector,
            role,
        } => {
            let group = group_index(group)?;
            if member.trim().is_empty() {
                return Err(fail(Say::MemberNeedsName));
            }
            let sectors = Sectors::new(&series.roster.sectors);
            let sector = match sector {
                None => sectors.first(),
                Some(given) => crate::i18n::sector_named(sectors, &given).ok_or_else(|| {
                    let known: Vec<String> = sectors
                        .all()
                        .iter()
                        .map(|s| s.id().to_lowercase())
                        .collect();
                    fail(Say::NoSuchSector {
                        given,
                        known: known.join(", "),
                    })
                })?,
            };
            series
                .roster
                .add(group, &member, sector, role.map(Role::from));
        }
        GroupChange::Move { id, group } => {
            let group = group_index(group)?;
            if !series.roster.move_to(id, group) {
                return Err(fail(Say::NoSuchMember { id }));
            }
        }
        GroupChange::Remove { id } => {
            if !series.roster.remove(id) {
                return Err(fail(Say::NoSuchMember { id }));
            }
        }
    }
    Ok(())
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Ledning => Role::Ledning,
            RoleArg::Samordnare => Role::Samordnare,
            RoleArg::MoterBarn => Role::MoterBarn,
            RoleArg::Elevhalsa => Role::Elevhalsa,
            RoleArg::Sjukvard => Role::Sjukvard,
        }
    }
}
