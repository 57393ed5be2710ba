//! Who takes part: the sector a participant works in and the category of their
//! role, as the follow-up study of the series counts them (seed 001).

use std::borrow::Cow;

use serde::{Deserialize, Serialize, Serializer};

/// The sector a participant comes from: one of the four built-in sectors
/// (`Skola`, `Socialtjanst`, `Halsovard`, `Annan`) or one an agenda or a
/// series defines (`"fritid"`). Files name it by its id, bare or quoted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(from = "SectorId")]
pub struct Sector(Cow<'static, str>);

/// How a sector is read: bare identifiers (`Skola`) and strings (`"fritid"`)
/// alike, which RON only hands over through serde's untagged content.
#[derive(Deserialize)]
#[serde(untagged, expecting = "a sector's id, e.g. Skola or \"fritid\"")]
enum SectorId {
    Id(String),
}

impl From<SectorId> for Sector {
    fn from(SectorId::Id(id): SectorId) -> Self {
        Sector(Cow::Owned(id))
    }
}

impl Serialize for Sector {
    // Built-in sectors stay bare identifiers, so files read as they always did.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match BUILT_IN.iter().position(|(sector, _)| sector == self) {
            Some(index) => {
                serializer.serialize_unit_variant("Sector", index as u32, BUILT_IN_IDS[index])
            }
            None => serializer.serialize_str(self.id()),
        }
    }
}

const BUILT_IN_IDS: [&str; 4] = ["Skola", "Socialtjanst", "Halsovard", "Annan"];

/// The built-in sectors with the codes paper lines give them.
const BUILT_IN: [(Sector, &str); 4] = [
    (Sector::SKOLA, "sk"),
    (Sector::SOCIALTJANST, "so"),
    (Sector::HALSOVARD, "hs"),
    (Sector::ANNAN, "an"),
];

impl Sector {
    /// Förskola and skola, including the pupil health team.
    pub const SKOLA: Sector = Sector(Cow::Borrowed("Skola"));
    /// Socialtjänst.
    pub const SOCIALTJANST: Sector = Sector(Cow::Borrowed("Socialtjanst"));
    /// Hälso- och sjukvård (the region, BUP, habilitation).
    pub const HALSOVARD: Sector = Sector(Cow::Borrowed("Halsovard"));
    /// Anything else.
    pub const ANNAN: Sector = Sector(Cow::Borrowed("Annan"));

    /// A sector by its id.
    pub fn new(id: &str) -> Sector {
        Sector(Cow::Owned(id.to_owned()))
    }

    /// The id files name it by.
    pub fn id(&self) -> &str {
        &self.0
    }
}

/// A sector an agenda or a series defines for itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorDef {
    /// The id the roster and the poll's breakdown name it by.
    pub id: Sector,
    /// What the screen and the summary call it.
    pub name: String,
    /// The letters a paper line starts with; when left out, a built-in
    /// sector's code, else the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The sectors in use: those an agenda or series defines, else the built-in four.
#[derive(Debug, Clone, Copy)]
pub struct Sectors<'a> {
    own: &'a [SectorDef],
}

impl<'a> Sectors<'a> {
    /// The sectors `own` defines, or the built-in four when it is empty.
    pub fn new(own: &'a [SectorDef]) -> Self {
        Sectors { own }
    }

    /// Every sector, in the order counts are shown.
    pub fn all(&self) -> Vec<Sector> {
        if self.own.is_empty() {
            BUILT_IN.iter().map(|(sector, _)| sector.clone()).collect()
        } else {
            self.own.iter().map(|def| def.id.clone()).collect()
        }
    }

    /// Whether `sector` is one of them.
    pub fn contains(&self, sector: &Sector) -> bool {
        self.all().contains(sector)
    }

    /// The name an agenda or series gave `sector`, if it gave one.
    pub fn own_name(&self, sector: &Sector) -> Option<&'a str> {
        self.own
            .iter()
            .find(|def| def.id == *sector)
            .map(|def| def.name.as_str())
    }

    /// The letters a paper line gives `sector`: its own code, else a built-in
    /// sector's (`sk`, `so`, `hs`, `an`), else its id in lower case.
    pub fn code(&self, sector: &Sector) -> String {
        let own = self.own.iter().find(|def| def.id == *sector);
        let built_in = BUILT_IN.iter().find(|(known, _)| known == sector);
        match (own, built_in) {
            (Some(def), _) if def.code.is_some() => def.code.clone().unwrap_or_default(),
            (_, Some((_, code))) => (*code).to_owned(),
            _ => sector.id().to_lowercase(),
        }
    }

    /// The sector whose code is `code`, in any case.
    pub fn by_code(&self, code: &str) -> Option<Sector> {
        self.all()
            .into_iter()
            .find(|sector| self.code(sector).eq_ignore_ascii_case(code))
    }

    /// The sector `token` names by its id, code or name, in any case.
    pub fn find(&self, token: &str) -> Option<Sector> {
        let token = token.trim().to_lowercase();
        self.all().into_iter().find(|sector| {
            sector.id().to_lowercase() == token
                || self.code(sector).to_lowercase() == token
                || self
                    .own_name(sector)
                    .is_some_and(|name| name.to_lowercase() == token)
        })
    }

    /// The sector after `sector`, round to the first.
    pub fn next(&self, sector: &Sector) -> Sector {
        let all = self.all();
        let index = all.iter().position(|known| known == sector);
        all[index.map_or(0, |index| (index + 1) % all.len())].clone()
    }

    /// The first sector: the one a new member starts in.
    pub fn first(&self) -> Sector {
        self.all().swap_remove(0)
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

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        sectors: Vec<Sector>,
    }

    fn own() -> Vec<SectorDef> {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(
            r#"[(id: "fritid", name: "Fritid", code: "fr"), (id: vardnadshavare, name: "Vårdnadshavare"), (id: Skola, name: "Skolan")]"#,
        )
        .expect("own sectors")
    }

    #[test]
    fn files_name_sectors_bare_or_quoted_and_built_in_ones_stay_bare() {
        let read: Holder =
            ron::from_str(r#"(sectors: [Skola, "fritid", vardnadshavare, Halsovard])"#).unwrap();
        assert_eq!(
            read.sectors,
            [
                Sector::SKOLA,
                Sector::new("fritid"),
                Sector::new("vardnadshavare"),
                Sector::HALSOVARD
            ]
        );
        let written = ron::to_string(&read).unwrap();
        assert_eq!(
            written,
            r#"(sectors:[Skola,"fritid","vardnadshavare",Halsovard])"#
        );
        assert_eq!(ron::from_str::<Holder>(&written).unwrap(), read);
        assert!(ron::from_str::<Holder>("(sectors: [3])").is_err());
    }

    #[test]
    fn own_sectors_replace_the_built_in_four_with_their_codes_and_names() {
        let own = own();
        let sectors = Sectors::new(&own);
        assert_eq!(
            sectors.all(),
            [
                Sector::new("fritid"),
                Sector::new("vardnadshavare"),
                Sector::SKOLA
            ]
        );
        assert_eq!(sectors.code(&Sector::new("fritid")), "fr");
        assert_eq!(
            sectors.code(&Sector::new("vardnadshavare")),
            "vardnadshavare"
        );
        assert_eq!(
            sectors.code(&Sector::SKOLA),
            "sk",
            "a built-in sector keeps its code"
        );
        assert_eq!(sectors.by_code("FR"), Some(Sector::new("fritid")));
        assert_eq!(sectors.by_code("sk"), Some(Sector::SKOLA));
        assert_eq!(
            sectors.by_code("so"),
            None,
            "the list leaves social services out"
        );
        assert_eq!(
            sectors.find("Vårdnadshavare"),
            Some(Sector::new("vardnadshavare"))
        );
        assert_eq!(sectors.find("skola"), Some(Sector::SKOLA));
        assert_eq!(sectors.own_name(&Sector::SKOLA), Some("Skolan"));
        assert_eq!(sectors.first(), Sector::new("fritid"));
        assert_eq!(sectors.next(&Sector::SKOLA), Sector::new("fritid"));
        // A sector the list lacks (an old roster's) moves on to the first.
        assert_eq!(sectors.next(&Sector::ANNAN), Sector::new("fritid"));
        let built_in = Sectors::new(&[]);
        assert_eq!(built_in.by_code("hs"), Some(Sector::HALSOVARD));
        assert_eq!(built_in.find("socialtjanst"), Some(Sector::SOCIALTJANST));
    }

    #[test]
    fn sectors_cycle_round_and_roles_end_in_none() {
        let sectors = Sectors::new(&[]);
        assert_eq!(sectors.next(&Sector::ANNAN), Sector::SKOLA);
        assert_eq!(sectors.next(&Sector::SKOLA), Sector::SOCIALTJANST);
        assert_eq!(Role::next(None), Some(Role::Ledning));
        assert_eq!(Role::next(Some(Role::Sjukvard)), None);
    }
}
