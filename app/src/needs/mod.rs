//! Shared needs: a problem and the effect wanted, posted in a network by a
//! member organisation; its lifecycle, its versions, and each member
//! organisation's declared, non-binding interest, summed up as the
//! aggregated demand.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 8000;
pub const UNIT_MAX: usize = 40;
pub const COMMENT_MAX: usize = 1000;
pub const REQUIREMENT_MAX: usize = 2000;
/// A declared quantity above this is taken for a typing mistake.
pub const QUANTITY_MAX: i64 = 10_000_000;
/// 100 billion SEK: more than any Swedish public procurement.
pub const VALUE_MAX: i64 = 100_000_000_000;
/// Needs per page of a list.
pub const PAGE_SIZE: i64 = 25;

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

/// A calendar quarter, stored as year * 4 + quarter - 1 so that quarters
/// sort and compare as numbers. Written "2027-3" in forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
        let days = ms.div_euclid(86_400_000);
        let (year, month) = civil_year_month(days);
        Quarter(year * 4 + (month - 1) / 3)
    }
}

/// Year and month of a day count since 1970-01-01 (Howard Hinnant's
/// civil-from-days).
fn civil_year_month(days: i64) -> (i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    pub fn code(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    pub fn parse(code: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A requirement's weight: must (ska) or should (bör).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Must,
    Should,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Must => "ska",
            Level::Should => "bor",
        }
    }

    pub fn parse(code: &str) -> Option<Level> {
        [Level::Must, Level::Should]
            .into_iter()
            .find(|l| l.code() == code)
    }
}

/// A functional requirement on a need, in its place in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub public_id: String,
    pub text: String,
    pub motive: String,
    pub verification: String,
    pub level: Level,
    /// Accepted by the owner organisation or a coordinator; an edit makes
    /// it a proposal again.
    pub accepted: bool,
    pub version: i64,
    pub proposed_by: String,
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

/// One organisation's declared interest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interest {
    pub organisation_public_id: String,
    pub organisation: String,
    pub quantity: i64,
    pub unit: String,
    pub value_sek: i64,
    pub earliest: Quarter,
    pub confidence: Confidence,
    pub comment: String,
}

/// The aggregated demand: what makes suppliers listen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    pub organisations: i64,
    pub total_value: i64,
    /// (confidence, organisations, value), low to high.
    pub by_confidence: Vec<(Confidence, i64, i64)>,
    /// (earliest start, organisations, value), in time order.
    pub timeline: Vec<(Quarter, i64, i64)>,
}

impl Demand {
    pub fn of(interests: &[Interest]) -> Demand {
        let mut demand = Demand {
            organisations: interests.len() as i64,
            total_value: interests.iter().map(|i| i.value_sek).sum(),
            ..Demand::default()
        };
        for confidence in Confidence::ALL {
            let matching = interests.iter().filter(|i| i.confidence == confidence);
            let (count, value) = matching.fold((0, 0), |(c, v), i| (c + 1, v + i.value_sek));
            demand.by_confidence.push((confidence, count, value));
        }
        let mut quarters: Vec<Quarter> = interests.iter().map(|i| i.earliest).collect();
        quarters.sort();
        quarters.dedup();
        for quarter in quarters {
            let matching = interests.iter().filter(|i| i.earliest == quarter);
            let (count, value) = matching.fold((0, 0), |(c, v), i| (c + 1, v + i.value_sek));
            demand.timeline.push((quarter, count, value));
        }
        demand
    }
}

/// A need in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedSummary {
    pub public_id: String,
    pub title: String,
    pub status: NeedStatus,
    pub staircase: String,
    pub owner: String,
    pub network_name: String,
    pub organisations: i64,
    pub total_value: i64,
    pub created_at: i64,
}

/// What the person may do with a need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedRights {
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

/// A need's history: every version of its text and of its requirements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub need: Need,
    pub versions: Vec<VersionRow>,
    pub requirements: Vec<RequirementVersion>,
}

/// One saved version of a need, each field as (name, text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub version: i64,
    pub at: i64,
    pub author: String,
    pub organisation: String,
    pub fields: Vec<(String, String)>,
}

/// One saved version of a requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementVersion {
    pub requirement: String,
    pub version: i64,
    pub at: i64,
    pub author: String,
    pub organisation: String,
    pub text: String,
    pub accepted: bool,
}

/// Filters for a list of needs, already checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedFilter {
    pub status: Option<NeedStatus>,
    pub staircase: Option<String>,
    pub division: Option<String>,
    pub lan: Option<String>,
    /// Most demand first instead of newest first.
    pub by_demand: bool,
    /// The public id of the last need on the previous page.
    pub after: Option<String>,
}

/// One page of a list of needs, and where the next one starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedPage {
    pub needs: Vec<NeedSummary>,
    /// The cursor for the next page (`?efter=`), when there is one.
    pub next: Option<String>,
}

/// How one line of a field fared between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    Removed,
    Added,
}

/// A line diff (by `similar`): the lines of `old` and `new` in reading
/// order, each kept, removed or added.
pub fn line_diff(old: &str, new: &str) -> Vec<(Change, String)> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    similar::TextDiff::from_slices(&a, &b)
        .iter_all_changes()
        .map(|change| {
            let kind = match change.tag() {
                similar::ChangeTag::Equal => Change::Same,
                similar::ChangeTag::Delete => Change::Removed,
                similar::ChangeTag::Insert => Change::Added,
            };
            (kind, change.value().to_string())
        })
        .collect()
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
    fn the_line_diff_keeps_order_and_marks_changes() {
        use Change::*;
        let diff = line_diff("ett\ntvå\ntre", "ett\nTVÅ\ntre\nfyra");
        assert_eq!(
            diff,
            [
                (Same, "ett".to_string()),
                (Removed, "två".to_string()),
                (Added, "TVÅ".to_string()),
                (Same, "tre".to_string()),
                (Added, "fyra".to_string()),
            ]
        );
        assert_eq!(line_diff("", "ny"), [(Added, "ny".to_string())]);
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

    #[test]
    fn demand_sums_per_confidence_and_quarter() {
        let interest = |org: &str, value, quarter: &str, confidence| Interest {
            organisation_public_id: org.into(),
            organisation: org.into(),
            quantity: 1,
            unit: "st".into(),
            value_sek: value,
            earliest: Quarter::parse(quarter).unwrap(),
            confidence,
            comment: String::new(),
        };
        let demand = Demand::of(&[
            interest("a", 100, "2027-1", Confidence::High),
            interest("b", 50, "2027-1", Confidence::Low),
            interest("c", 7, "2026-4", Confidence::High),
        ]);
        assert_eq!((demand.organisations, demand.total_value), (3, 157));
        assert_eq!(
            demand.by_confidence,
            [
                (Confidence::Low, 1, 50),
                (Confidence::Medium, 0, 0),
                (Confidence::High, 2, 107)
            ]
        );
        assert_eq!(
            demand.timeline,
            [
                (Quarter::parse("2026-4").unwrap(), 1, 7),
                (Quarter::parse("2027-1").unwrap(), 2, 150)
            ]
        );
    }
}
