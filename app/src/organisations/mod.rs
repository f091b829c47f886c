//! Organisations: the public bodies people act for. Registering one makes
//! you its admin; registering an existing number, or finding one in the
//! search (search/), asks to join it; admins decide on requests
//! (members/); a site admin verifies organisations by hand, and their
//! people get a mail when it is done. Other rooms find an organisation
//! through `lookup` and `lookup_by_number`, never through this room's
//! store.

pub mod api;
pub mod claims;
mod kind;
pub mod members;
mod org_number;
pub mod pages;
mod registration;
pub mod search;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use kind::OrgKind;
pub use members::{Member, Role, Status};
pub use org_number::{OrgNumber, OrgNumberError};
pub use registration::{NewOrganisation, RegistrationForm};

#[cfg(feature = "ssr")]
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// Longest accepted organisation name or website, in characters.
pub const NAME_MAX: usize = 200;
pub const WEBSITE_MAX: usize = 300;

/// An organisation as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub public_id: String,
    pub org_number: String,
    pub name: String,
    pub kind: String,
    pub lan_code: String,
    pub kommun_code: Option<String>,
    pub website: String,
    pub verified: bool,
}

/// What the organisation page shows to the person asking: members and
/// requests only to its own people (and site admins).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub organisation: Organisation,
    pub my_role: Option<Role>,
    pub my_status: Option<Status>,
    pub site_admin: bool,
    /// Whether the person may decide on its people (an admin of a
    /// verified organisation, or a site admin).
    pub decides: bool,
    pub members: Vec<Member>,
}

/// An organisation waiting for verification and everyone who claims it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub public_id: String,
    pub name: String,
    pub org_number: String,
    pub registered_at: i64,
    pub claimants: Vec<Claimant>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimant {
    pub name: String,
    pub email: String,
    pub title: String,
    pub admin: bool,
    pub pending: bool,
    pub requested_at: i64,
}

/// One of my organisations, for my account page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyOrganisation {
    pub public_id: String,
    pub name: String,
    pub role: Role,
    pub status: Status,
    pub verified: bool,
}

/// An organisation as other rooms know it.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationRef {
    pub id: crate::core::ids::OrganisationId,
    pub public_id: String,
    pub name: String,
    pub verified: bool,
}

#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct RefRow {
    id: crate::core::ids::OrganisationId,
    public_id: String,
    name: String,
    verified_at: Option<i64>,
}

#[cfg(feature = "ssr")]
impl From<RefRow> for OrganisationRef {
    fn from(row: RefRow) -> Self {
        OrganisationRef {
            id: row.id,
            public_id: row.public_id,
            name: row.name,
            verified: row.verified_at.is_some(),
        }
    }
}

#[cfg(feature = "ssr")]
crate::sql!(
    REF_BY_PUBLIC_ID =
        "SELECT id, public_id, name, verified_at FROM organisations WHERE public_id = $1"
);
#[cfg(feature = "ssr")]
crate::sql!(
    REF_BY_NUMBER =
        "SELECT id, public_id, name, verified_at FROM organisations WHERE org_number = $1"
);

/// The organisation with this public id (spaces around it ignored).
#[cfg(feature = "ssr")]
#[tracing::instrument(skip_all)]
pub async fn lookup(
    db: &crate::db::Db,
    public_id: &str,
) -> Result<Option<OrganisationRef>, AppError> {
    let row: Option<RefRow> = sqlx::query_as(REF_BY_PUBLIC_ID)
        .bind(public_id.trim())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(OrganisationRef::from))
}

/// The organisation registered with this number.
#[cfg(feature = "ssr")]
#[tracing::instrument(skip_all)]
pub async fn lookup_by_number(
    db: &crate::db::Db,
    number: &OrgNumber,
) -> Result<Option<OrganisationRef>, AppError> {
    let row: Option<RefRow> = sqlx::query_as(REF_BY_NUMBER)
        .bind(number.as_str())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(OrganisationRef::from))
}
