//! The lists of needs: a network's, and those across all of a person's
//! networks, filtered, newest or most demand first, in pages.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use super::NeedStatus;
use serde::{Deserialize, Serialize};

/// Needs per page of a list.
pub const PAGE_SIZE: i64 = 25;

/// A need in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct NeedSummary {
    pub public_id: String,
    pub title: String,
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub status: NeedStatus,
    pub staircase: String,
    pub owner: String,
    pub network_name: String,
    pub organisations: i64,
    pub total_value: i64,
    pub created_at: i64,
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

impl NeedFilter {
    /// The filters of a list page's query; what is not a known code is
    /// no filter.
    pub fn parse(
        status: &str,
        staircase: &str,
        division: &str,
        lan: &str,
        sort: &str,
        after: &str,
    ) -> NeedFilter {
        NeedFilter {
            status: NeedStatus::parse(status),
            staircase: crate::staircase::Staircase::parse(staircase).map(|s| s.code().to_string()),
            division: crate::cpv::division(division).map(|d| d.code.to_string()),
            lan: crate::regions::lan(lan).map(|l| l.code.to_string()),
            by_demand: sort == "efterfragan",
            after: (!after.trim().is_empty()).then(|| after.trim().to_string()),
        }
    }
}

/// One page of a list of needs, and where the next one starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedPage {
    pub needs: Vec<NeedSummary>,
    /// The cursor for the next page (`?efter=`), when there is one.
    pub next: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_filters_keep_only_known_codes() {
        let filter = NeedFilter::parse("shared", "trappa", "34", "99", "efterfragan", " x ");
        assert_eq!(filter.status, Some(NeedStatus::Shared));
        assert_eq!(filter.staircase, None);
        assert_eq!(filter.division.as_deref(), Some("34"));
        assert_eq!(filter.lan, None);
        assert!(filter.by_demand);
        assert_eq!(filter.after.as_deref(), Some("x"));
        assert_eq!(
            NeedFilter::parse("", "", "", "", "", " "),
            NeedFilter::default()
        );
    }
}
