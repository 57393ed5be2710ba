//! Who takes part: the sector a participant works in and the category of their
//! role, as the follow-up study of the series counts them (seed 001).

use serde::{Deserialize, Serialize};

use super::Language;

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

    /// The sector's name.
    pub fn label(self, language: Language) -> &'static str {
        match (language, self) {
            (Language::Sv, Sector::Skola) => "skola",
            (Language::Sv, Sector::Socialtjanst) => "socialtjänst",
            (Language::Sv, Sector::Halsovard) => "hälso- och sjukvård",
            (Language::Sv, Sector::Annan) => "annan",
            (Language::En, Sector::Skola) => "school",
            (Language::En, Sector::Socialtjanst) => "social services",
            (Language::En, Sector::Halsovard) => "healthcare",
            (Language::En, Sector::Annan) => "other",
        }
    }

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

    /// The category's name.
    pub fn label(self, language: Language) -> &'static str {
        match (language, self) {
            (Language::Sv, Role::Ledning) => "chefer/ledning",
            (Language::Sv, Role::Samordnare) => "strateger/samordnare",
            (Language::Sv, Role::MoterBarn) => "möter barn/familj",
            (Language::Sv, Role::Elevhalsa) => "medicinsk elevhälsa",
            (Language::Sv, Role::Sjukvard) => "sjukvård",
            (Language::En, Role::Ledning) => "managers",
            (Language::En, Role::Samordnare) => "strategists/coordinators",
            (Language::En, Role::MoterBarn) => "meets children/families",
            (Language::En, Role::Elevhalsa) => "school health",
            (Language::En, Role::Sjukvard) => "healthcare staff",
        }
    }

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
