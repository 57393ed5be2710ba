//! Who takes part: the sector a participant works in and the category of their
//! role, as the follow-up study of the series counts them (seed 001).

use serde::{Deserialize, Serialize};

/// The sector a participant comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sector {
    /// Förskola and skola, including the pupil health team.
    Skola,
    /// Socialtjänst.
    Socialtjanst,
    /// Hälso- och sjukvård (the region, BUP, habilitation).
    Halsovard,
    /// Anything else.
    Annan,
}

impl Sector {
    /// Every sector, in the order counts are shown.
    pub const ALL: [Sector; 4] = [
        Sector::Skola,
        Sector::Socialtjanst,
        Sector::Halsovard,
        Sector::Annan,
    ];

    /// The next sector, round to the first.
    pub fn next(self) -> Sector {
        let index = Sector::ALL
            .iter()
            .position(|sector| *sector == self)
            .unwrap_or(0);
        Sector::ALL[(index + 1) % Sector::ALL.len()]
    }
}

/// The category of a participant's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Chefer och ledning (rektorer, enhetschefer).
    Ledning,
    /// Strateger och samordnare (utvecklingsledare, SIP-samordnare).
    Samordnare,
    /// Professioner som möter barn och familjer.
    MoterBarn,
    /// Medicinsk elevhälsa.
    Elevhalsa,
    /// Sjukvård.
    Sjukvard,
}

impl Role {
    /// Every role category, in the order counts are shown.
    pub const ALL: [Role; 5] = [
        Role::Ledning,
        Role::Samordnare,
        Role::MoterBarn,
        Role::Elevhalsa,
        Role::Sjukvard,
    ];

    /// The next category, then none.
    pub fn next(role: Option<Role>) -> Option<Role> {
        match role {
            None => Some(Role::ALL[0]),
            Some(role) => {
                let index = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
                Role::ALL.get(index + 1).copied()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectors_cycle_round_and_roles_end_in_none() {
        assert_eq!(Sector::Annan.next(), Sector::Skola);
        assert_eq!(Sector::Skola.next(), Sector::Socialtjanst);
        assert_eq!(Role::next(None), Some(Role::Ledning));
        assert_eq!(Role::next(Some(Role::Sjukvard)), None);
    }
}
