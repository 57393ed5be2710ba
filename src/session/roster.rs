//! Who is in which group, and who is here today: the roster a series carries
//! from seminar to seminar, and the day's attendance.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Session;
use crate::agenda::{Role, Sector, SectorDef, Sectors};

/// A participant's stable id within a series.
pub type MemberId = u64;

/// A participant of the series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Stable id, never reused.
    pub id: MemberId,
    /// The name, shown on screen and only exported when asked for.
    pub name: String,
    /// The group (0-based).
    pub group: usize,
    /// The sector they work in.
    pub sector: Sector,
    /// The category of their role, if known.
    #[serde(default)]
    pub role: Option<Role>,
}

/// The members of all groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    /// Members in the order they were added.
    pub members: Vec<Member>,
    /// The id the next member gets.
    pub next_id: MemberId,
    /// The series' own sectors; the agenda's (or the built-in four) when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<SectorDef>,
}

/// How many of `members` come from each of `sectors`, in their order,
/// leaving out sectors with nobody; members of sectors not listed come last.
pub fn count_by_sector<'a>(
    sectors: Sectors<'_>,
    members: impl IntoIterator<Item = &'a Member>,
) -> Vec<(Sector, usize)> {
    let mut counts: Vec<(Sector, usize)> = sectors.all().into_iter().map(|s| (s, 0)).collect();
    for member in members {
        match counts
            .iter_mut()
            .find(|(sector, _)| *sector == member.sector)
        {
            Some((_, count)) => *count += 1,
            None => counts.push((member.sector.clone(), 1)),
        }
    }
    counts.retain(|(_, count)| *count > 0);
    counts
}

/// A change to the roster or to today's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RosterAction {
    /// A new member of `group`; a blank name adds no one.
    Add { group: usize, name: String },
    /// A new name; a blank one changes nothing.
    Rename { id: MemberId, name: String },
    /// Removes a member from the roster (and from today's attendance).
    Remove { id: MemberId },
    /// Moves a member to the next group, round to the first.
    MoveToNextGroup { id: MemberId },
    /// The next sector.
    CycleSector { id: MemberId },
    /// The next role category, then none.
    CycleRole { id: MemberId },
    /// Marks a member present today, or not.
    TogglePresent { id: MemberId },
}

impl Roster {
    /// The member with `id`.
    pub fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|member| member.id == id)
    }

    /// The members of `group`, in the order they were added.
    pub fn of_group(&self, group: usize) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |member| member.group == group)
    }

    fn member_mut(&mut self, id: MemberId) -> Option<&mut Member> {
        self.members.iter_mut().find(|member| member.id == id)
    }

    /// Adds a member with a fresh id (the name trimmed) and returns the id.
    pub fn add(
        &mut self,
        group: usize,
        name: &str,
        sector: Sector,
        role: Option<Role>,
    ) -> MemberId {
        let id = self.next_id;
        self.members.push(Member {
            id,
            name: name.trim().to_owned(),
            group,
            sector,
            role,
        });
        self.next_id += 1;
        id
    }

    /// Removes a member; whether there was one.
    pub fn remove(&mut self, id: MemberId) -> bool {
        let before = self.members.len();
        self.members.retain(|member| member.id != id);
        self.members.len() < before
    }

    /// Puts a member in `group`; whether there was one.
    pub fn move_to(&mut self, id: MemberId, group: usize) -> bool {
        self.member_mut(id)
            .map(|member| member.group = group)
            .is_some()
    }
}

impl Session {
    /// The sectors of this session: the series' own, else the agenda's, else
    /// the built-in four.
    pub fn sectors(&self) -> Sectors<'_> {
        if self.roster.sectors.is_empty() {
            Sectors::new(&self.agenda.sectors)
        } else {
            Sectors::new(&self.roster.sectors)
        }
    }

    /// The members present today, in roster order.
    pub fn present_members(&self) -> impl Iterator<Item = &Member> {
        self.roster
            .members
            .iter()
            .filter(|member| self.present.contains(&member.id))
    }

    /// How many are present today from each sector, in the sectors' order,
    /// leaving out sectors with nobody.
    pub fn attendance_by_sector(&self) -> Vec<(Sector, usize)> {
        count_by_sector(self.sectors(), self.present_members())
    }

    /// Groups lacking a sector the agenda wants in every group, with the
    /// sectors they lack. Today's attendance counts once it is taken; before
    /// that, the roster. Nothing is said without a roster.
    pub fn missing_sectors(&self) -> Vec<(usize, Vec<Sector>)> {
        let wanted = &self.agenda.sectors_in_every_group;
        if wanted.is_empty() || self.roster.members.is_empty() {
            return Vec::new();
        }
        let counted: BTreeSet<(usize, Sector)> = if self.present.is_empty() {
            self.roster
                .members
                .iter()
                .map(|m| (m.group, m.sector.clone()))
                .collect()
        } else {
            self.present_members()
                .map(|m| (m.group, m.sector.clone()))
                .collect()
        };
        (0..self.groups.len())
            .filter_map(|group| {
                let lacking: Vec<Sector> = wanted
                    .iter()
                    .filter(|sector| !counted.contains(&(group, (*sector).clone())))
                    .cloned()
                    .collect();
                (!lacking.is_empty()).then_some((group, lacking))
            })
            .collect()
    }

    pub(super) fn apply_roster(&mut self, action: RosterAction) {
        let groups = self.groups.len().max(1);
        let sectors = self.sectors();
        let first_sector = sectors.first();
        let next_sector = match &action {
            RosterAction::CycleSector { id } => self
                .roster
                .member(*id)
                .map(|member| sectors.next(&member.sector)),
            _ => None,
        };
        let roster = &mut self.roster;
        match action {
            RosterAction::Add { group, name } => {
                if super::is_blank(&name) || group >= groups {
                    return;
                }
                roster.add(group, &name, first_sector, None);
            }
            RosterAction::Rename { id, name } => {
                let name = name.trim();
                if let Some(member) = roster.member_mut(id).filter(|_| !super::is_blank(name)) {
                    member.name = name.to_owned();
                }
            }
            RosterAction::Remove { id } => {
                roster.remove(id);
                self.present.remove(&id);
            }
            RosterAction::MoveToNextGroup { id } => {
                if let Some(group) = roster.member(id).map(|member| member.group) {
                    roster.move_to(id, (group + 1) % groups);
                }
            }
            RosterAction::CycleSector { id } => {
                if let (Some(member), Some(sector)) = (roster.member_mut(id), next_sector) {
                    member.sector = sector;
                }
            }
            RosterAction::CycleRole { id } => {
                if let Some(member) = roster.member_mut(id) {
                    member.role = Role::next(member.role);
                }
            }
            RosterAction::TogglePresent { id } => {
                if roster.member(id).is_some() && !self.present.remove(&id) {
                    self.present.insert(id);
                }
            }
        }
    }
}
