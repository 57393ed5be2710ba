//! `samla series [NAME] [groups …]`: the series, their sessions, their groups'
//! members, and changes to who is in which group.

use std::process::ExitCode;

use super::{Context, GroupChange, RoleArg, SectorArg, SeriesCommand};
use crate::agenda::{Language, Role, Sector};
use crate::session::Member;
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
        anyhow::anyhow!(
            "no series {name:?}; start one with `samla run AGENDA --series {name:?}` (`samla series` lists them)"
        )
    })??;
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
        writeln!(
            context.out,
            "No series yet; `samla run AGENDA --series NAME` starts one."
        )?;
    }
    for series in &all {
        match series {
            Ok(series) => writeln!(
                context.out,
                "{}: {} groups, {} members, {} sessions",
                series.name,
                series.groups.len(),
                series.roster.members.len(),
                series.sessions.len()
            )?,
            Err(error) => writeln!(context.err, "samla: {error}")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(data: &DataDir, series: &SeriesFile, context: &mut Context) -> anyhow::Result<ExitCode> {
    writeln!(context.out, "{}", series.name)?;
    writeln!(context.out, "\nSessions:")?;
    for (number, id) in series.sessions.iter().enumerate() {
        let line = match data.session_path(id).map(|path| SessionFile::load(&path)) {
            Some(Ok(file)) => format!(
                "{}. {id}  {}  ({} cards, {} present)",
                number + 1,
                file.session.agenda.title,
                file.session.cards.len(),
                file.session.present.len()
            ),
            Some(Err(error)) => format!("{}. {id}  ({error})", number + 1),
            None => format!("{}. {id}  (file missing)", number + 1),
        };
        writeln!(context.out, "  {line}")?;
    }
    writeln!(context.out, "\nGroups:")?;
    for (index, group) in series.groups.iter().enumerate() {
        let members: Vec<&Member> = series.roster.of_group(index).collect();
        let sectors: Vec<String> = Sector::ALL
            .iter()
            .filter_map(|sector| {
                let count = members.iter().filter(|m| m.sector == *sector).count();
                (count > 0).then(|| {
                    format!(
                        "{} {count}",
                        crate::i18n::sector_label(*sector, Language::Sv)
                    )
                })
            })
            .collect();
        writeln!(
            context.out,
            "  {group}: {} members ({})",
            members.len(),
            sectors.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn groups(series: &SeriesFile, context: &mut Context) -> anyhow::Result<ExitCode> {
    for (index, group) in series.groups.iter().enumerate() {
        writeln!(context.out, "{} (--group {})", group, index + 1)?;
        for member in series.roster.of_group(index) {
            let role = member
                .role
                .map(|role| format!(", {}", crate::i18n::role_label(role, Language::Sv)))
                .unwrap_or_default();
            writeln!(
                context.out,
                "  #{} {} ({}{role})",
                member.id,
                member.name,
                crate::i18n::sector_label(member.sector, Language::Sv)
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
                anyhow::anyhow!("no group {group} (expected 1 to {})", series.groups.len())
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
                anyhow::bail!("a member needs a name");
            }
            series
                .roster
                .add(group, &member, sector.into(), role.map(Role::from));
        }
        GroupChange::Move { id, group } => {
            let group = group_index(group)?;
            if !series.roster.move_to(id, group) {
                anyhow::bail!("no member #{id}");
            }
        }
        GroupChange::Remove { id } => {
            if !series.roster.remove(id) {
                anyhow::bail!("no member #{id}");
            }
        }
    }
    Ok(())
}

impl From<SectorArg> for Sector {
    fn from(sector: SectorArg) -> Self {
        match sector {
            SectorArg::Skola => Sector::Skola,
            SectorArg::Socialtjanst => Sector::Socialtjanst,
            SectorArg::Halsovard => Sector::Halsovard,
            SectorArg::Annan => Sector::Annan,
        }
    }
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
