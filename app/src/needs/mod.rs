//! Shared needs: a problem and the effect wanted, posted in a network by a
//! member organisation; its text (`form`), its lifecycle and merging
//! (`lifecycle`) and every version (`history`). Three sub-concepts have
//! rooms of their own: the functional `requirements` on a need, the
//! `demand` (each member organisation's declared, non-binding interest,
//! summed up) and the `list`s of needs.

pub mod api;
pub mod demand;
mod fields;
mod form;
pub mod history;
mod lifecycle;
pub mod list;
pub mod pages;
pub mod public;
pub mod requirements;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use demand::{Confidence, Demand, Interest, COMMENT_MAX, QUANTITY_MAX, UNIT_MAX, VALUE_MAX};
pub use form::{NeedForm, NewNeedForm};
#[cfg(feature = "ssr")]
pub use form::{NeedText, NewNeed};
pub use history::{line_diff, Change, History, VersionRow};
#[cfg(feature = "ssr")]
pub use lifecycle::{Merge, Transition};
pub use lifecycle::{MergeForm, TransitionForm};
pub use list::{NeedFilter, NeedPage, NeedSummary, PAGE_SIZE};
#[cfg(feature = "ssr")]
pub use public::{public_demand, public_needs};
pub use public::{PublicDemand, PublicNeed, DEMAND_MIN};
pub use requirements::{Level, Requirement, RequirementVersion, REQUIREMENT_MAX};

use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 8000;
/// More CPV codes than the divisions chosen, at most.
pub const EXTRA_CPV_MAX: usize = 20;

/// draft → shared → in dialogue → specified → in procurement → fulfilled,
/// and withdrawn from any step before fulfilled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NeedStatus {
    Draft,
    Shared,
    InDialogue,
    Specified,
    InProcurement,
    Fulfilled,
    Withdrawn,
}

impl NeedStatus {
    pub const ALL: [NeedStatus; 7] = [
        NeedStatus::Draft,
        NeedStatus::Shared,
        NeedStatus::InDialogue,
        NeedStatus::Specified,
        NeedStatus::InProcurement,
        NeedStatus::Fulfilled,
        NeedStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NeedStatus::Draft => "draft",
            NeedStatus::Shared => "shared",
            NeedStatus::InDialogue => "in_dialogue",
            NeedStatus::Specified => "specified",
            NeedStatus::InProcurement => "in_procurement",
            NeedStatus::Fulfilled => "fulfilled",
            NeedStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<NeedStatus> {
        NeedStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The lifecycle's arrows, and only those.
    pub fn can_become(self, next: NeedStatus) -> bool {
        use NeedStatus::*;
        matches!(
            (self, next),
            (Draft, Shared)
                | (Shared, InDialogue)
                | (InDialogue, Specified)
                | (Specified, InProcurement)
                | (InProcurement, Fulfilled)
                | (
                    Draft | Shared | InDialogue | Specified | InProcurement,
                    Withdrawn
                )
        )
    }

    /// Interest and requirements are still being gathered.
    pub fn is_open(self) -> bool {
        !matches!(self, NeedStatus::Fulfilled | NeedStatus::Withdrawn)
    }
}

/// A status as stored; rows with an unknown code cannot be read.
impl TryFrom<String> for NeedStatus {
    type Error = String;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        NeedStatus::parse(&code).ok_or_else(|| format!("unknown need status {code:?}"))
    }
}

/// A calendar quarter, stored as year * 4 + quarter - 1 so that quarters
/// sort and compare as numbers. Written "2027-3" in forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
pub struct Quarter(pub i64);

impl Quarter {
    pub fn new(year: i64, quarter: i64) -> Option<Quarter> {
        ((2000..=2100).contains(&year) && (1..=4).contains(&quarter))
            .then_some(Quarter(year * 4 + quarter - 1))
    }

    pub fn year(self) -> i64 {
        self.0 / 4
    }

    pub fn quarter(self) -> i64 {
        self.0 % 4 + 1
    }

    /// "2027-3"
    pub fn code(self) -> String {
        format!("{}-{}", self.year(), self.quarter())
    }

    pub fn parse(code: &str) -> Option<Quarter> {
        let (year, quarter) = code.trim().split_once('-')?;
        Quarter::new(year.parse().ok()?, quarter.parse().ok()?)
    }

    /// "kv. 3 2027" / "Q3 2027"
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Sv => format!("kv. {} {}", self.quarter(), self.year()),
            crate::i18n::Lang::En => format!("Q{} {}", self.quarter(), self.year()),
        }
    }

    /// The quarter a millisecond timestamp falls in (UTC is close enough
    /// for choosing which quarters a form offers).
    pub fn of_ms(ms: i64) -> Quarter {
        let (year, month, _) = crate::time::civil_date(ms.div_euclid(86_400_000));
        Quarter(year * 4 + (i64::from(month) - 1) / 3)
    }
}

/// A need as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub public_id: String,
    pub network_public_id: String,
    pub network_name: String,
    pub owner_public_id: String,
    pub owner_name: String,
    pub title: String,
    pub problem: String,
    pub effect: String,
    pub affected: String,
    pub staircase: String,
    pub horizon: Quarter,
    pub status: NeedStatus,
    /// Full CPV codes, e.g. "34144900-7".
    pub cpv: Vec<String>,
    pub regions: Vec<String>,
    pub version: i64,
    /// Where a merged need went: (public id, title).
    pub merged_into: Option<(String, String)>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Where a need lives and who owns it: what its guard asks about.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NeedKey {
    pub id: crate::core::ids::NeedId,
    pub network_id: crate::core::ids::NetworkId,
    pub owner_organisation_id: crate::core::ids::OrganisationId,
}

/// What the person may do with a need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedRights {
    /// Belongs to the owner organisation: its page leads with the owner's
    /// forms.
    pub owns: bool,
    /// Edit the text and move it along its lifecycle: the owner
    /// organisation's people, and coordinators.
    pub edit: bool,
    /// Declare interest: members' people (not observers).
    pub declare: bool,
    /// Merge: coordinators.
    pub govern: bool,
    /// Propose, edit and reorder requirements: members and coordinators.
    pub propose: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedView {
    pub need: Need,
    pub problem_html: String,
    pub effect_html: String,
    pub affected_html: String,
    pub rights: NeedRights,
    pub interests: Vec<Interest>,
    pub requirements: Vec<Requirement>,
    pub demand: Demand,
    /// Organisations the person may declare for: (public id, name).
    pub declare_for: Vec<(String, String)>,
    /// Other needs of the network this one may be merged into: (id, title).
    pub merge_targets: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_lifecycle_arrows_are_allowed() {
        use NeedStatus::*;
        let forward = [
            (Draft, Shared),
            (Shared, InDialogue),
            (InDialogue, Specified),
            (Specified, InProcurement),
            (InProcurement, Fulfilled),
        ];
        for from in NeedStatus::ALL {
            for to in NeedStatus::ALL {
                let allowed = forward.contains(&(from, to))
                    || (to == Withdrawn && !matches!(from, Fulfilled | Withdrawn));
                assert_eq!(from.can_become(to), allowed, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn quarters_round_trip_and_order() {
        let q = Quarter::parse("2027-3").unwrap();
        assert_eq!(
            (q.year(), q.quarter(), q.code()),
            (2027, 3, "2027-3".into())
        );
        assert!(Quarter::parse("2027-4").unwrap() < Quarter::parse("2028-1").unwrap());
        for bad in ["2027-5", "2027-0", "27-1", "2027", "x-1", "1999-1"] {
            assert!(Quarter::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            Quarter::of_ms(1_795_000_000_000).code(),
            "2026-4",
            "2026-11-18"
        );
        assert_eq!(Quarter::of_ms(0).code(), "1970-1");
    }
}
