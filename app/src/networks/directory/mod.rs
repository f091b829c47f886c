//! Finding networks and organisations: the directory of the networks a
//! person may know of, "Mina nätverk", and the search for organisations a
//! coordinator may invite.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use super::{NetworkRole, NetworkStatus, NAME_MAX};
use serde::{Deserialize, Serialize};

pub const DIRECTORY_PAGE_SIZE: i64 = 20;

/// A network one of my organisations is a member of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyNetwork {
    pub public_id: String,
    pub name: String,
    pub status: NetworkStatus,
    pub role: NetworkRole,
}

/// A network as the directory lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub public_id: String,
    pub name: String,
    pub purpose: String,
    pub status: NetworkStatus,
    /// Takes requests to join.
    pub open: bool,
    pub members: i64,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
}

/// One page of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub entries: Vec<DirectoryEntry>,
    /// How many networks match, on all pages.
    pub total: i64,
    /// The cursor for the next page, when there is one.
    pub next: Option<String>,
}

/// An organisation found when inviting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct FoundOrganisation {
    pub public_id: String,
    pub name: String,
    pub org_number: String,
}

/// The directory's filters as checked: a code that is no theme or län
/// filters nothing, and the name is cut to a network name's length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryQuery {
    text: String,
    theme: Option<&'static str>,
    lan: Option<&'static str>,
    open_only: bool,
    after: Option<String>,
}

impl DirectoryQuery {
    pub fn parse(text: &str, theme: &str, lan: &str, open_only: bool, after: &str) -> Self {
        DirectoryQuery {
            text: text.chars().take(NAME_MAX).collect(),
            theme: crate::cpv::division(theme).map(|d| d.code),
            lan: crate::regions::lan(lan).map(|l| l.code),
            open_only,
            after: (!after.is_empty()).then(|| after.to_string()),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    /// A CPV division, "" for every theme.
    pub fn theme(&self) -> &'static str {
        self.theme.unwrap_or_default()
    }
    /// A länskod, "" for every län.
    pub fn lan(&self) -> &'static str {
        self.lan.unwrap_or_default()
    }
    pub fn open_only(&self) -> bool {
        self.open_only
    }
    /// The public id of the last network on the previous page.
    pub fn after(&self) -> Option<&str> {
        self.after.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_filter_nothing_and_long_names_are_cut() {
        let query = DirectoryQuery::parse(&"x".repeat(NAME_MAX + 5), "46", "99", true, "");
        assert_eq!(query.text().chars().count(), NAME_MAX);
        assert_eq!((query.theme(), query.lan()), ("", ""));
        assert!(query.open_only() && query.after().is_none());
        let query = DirectoryQuery::parse("Transporter", "60", "25", false, "abc");
        assert_eq!((query.theme(), query.lan()), ("60", "25"));
        assert_eq!(query.after(), Some("abc"));
    }
}
