//! The accessibility statement (tillgänglighetsredogörelse) and the way to
//! report a problem with it, as the DOS act requires.

pub mod api;
pub mod page;
#[cfg(feature = "ssr")]
pub mod store;

/// Longest accepted problem description, in characters.
pub const DESCRIPTION_MAX: usize = 4000;
/// Longest accepted page reference, in characters.
pub const PAGE_MAX: usize = 500;

/// A report sent through the statement's form.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Report {
    pub id: i64,
    pub description: String,
    pub page: String,
    pub email: Option<String>,
    pub created_at: i64,
}
