//! Organisations: the public bodies people act for. Registering one makes
//! you its admin; registering an existing number asks to join it; admins
//! decide on requests (members/); a site admin verifies organisations by
//! hand. Other rooms find an organisation through `lookup` and
//! `lookup_by_number`, never through this room's store.

pub mod api;
mod kind;
pub mod members;
mod org_number;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use kind::OrgKind;
pub use members::{Member, Role, Status};
pub use org_number::{OrgNumber, OrgNumberError};

use crate::{
    error::{AppError, Checker, FieldProblem},
    regions::{self, LanCode},
};
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

/// What the registration form sends, as sent.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct RegistrationForm {
    pub org_number: String,
    pub name: String,
    pub kind: String,
    pub lan: String,
    pub kommun: String,
    pub website: String,
}

/// A registration that passed every check.
#[derive(Clone, Debug)]
pub struct NewOrganisation {
    org_number: OrgNumber,
    name: String,
    kind: OrgKind,
    lan: LanCode,
    kommun_code: Option<&'static str>,
    website: String,
}

impl NewOrganisation {
    /// A kommun is required of a kommun, and must lie in the chosen län;
    /// a website, when given, is an http(s) address with a host name.
    pub fn parse(form: &RegistrationForm) -> Result<NewOrganisation, AppError> {
        let mut check = Checker::new();
        let org_number = OrgNumber::field(&mut check, &form.org_number);
        let name = check.text("name", &form.name, true, NAME_MAX);
        let kind = OrgKind::parse(&form.kind);
        if kind.is_none() {
            check.refuse("kind", FieldProblem::InvalidChoice);
        }
        let lan = LanCode::parse(&form.lan);
        if lan.is_none() {
            check.refuse("lan", FieldProblem::InvalidChoice);
        }
        let kommun_code = kommun_field(&mut check, &form.kommun, kind, lan);
        let website = website_field(&mut check, &form.website);
        check.finish_form(form)?;
        match (org_number, kind, lan) {
            (Some(org_number), Some(kind), Some(lan)) => Ok(NewOrganisation {
                org_number,
                name,
                kind,
                lan,
                kommun_code,
                website,
            }),
            _ => Err(AppError::BadRequest),
        }
    }

    pub fn org_number(&self) -> &OrgNumber {
        &self.org_number
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn kind(&self) -> OrgKind {
        self.kind
    }

    pub fn lan(&self) -> LanCode {
        self.lan
    }

    pub fn kommun_code(&self) -> Option<&'static str> {
        self.kommun_code
    }

    pub fn website(&self) -> &str {
        &self.website
    }
}

fn kommun_field(
    check: &mut Checker,
    raw: &str,
    kind: Option<OrgKind>,
    lan: Option<LanCode>,
) -> Option<&'static str> {
    match raw.trim() {
        "" if kind == Some(OrgKind::Kommun) => {
            check.refuse("kommun", FieldProblem::Required);
            None
        }
        "" => None,
        code => match regions::kommun(code) {
            None => {
                check.refuse("kommun", FieldProblem::InvalidChoice);
                None
            }
            Some(k) if lan.is_some_and(|l| !k.code.starts_with(l.as_str())) => {
                check.refuse("kommun", FieldProblem::KommunOutsideLan);
                None
            }
            Some(k) => Some(k.code),
        },
    }
}

fn website_field(check: &mut Checker, raw: &str) -> String {
    check.web_address("website", raw, false, WEBSITE_MAX)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn registration(
        number: &str,
        kind: &str,
        lan: &str,
        kommun: &str,
        website: &str,
    ) -> RegistrationForm {
        RegistrationForm {
            org_number: number.into(),
            name: "Stockholms stad".into(),
            kind: kind.into(),
            lan: lan.into(),
            kommun: kommun.into(),
            website: website.into(),
        }
    }

    fn refused(form: &RegistrationForm) -> Vec<(String, FieldProblem)> {
        match NewOrganisation::parse(form) {
            Err(AppError::Validation { fields, .. }) => {
                fields.into_iter().map(|f| (f.field, f.problem)).collect()
            }
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_valid_registration_is_accepted_and_written_out() {
        let new = NewOrganisation::parse(&registration(
            "2120000142",
            "kommun",
            " 01 ",
            "0180",
            "https://start.stockholm",
        ))
        .unwrap();
        assert_eq!(new.org_number().as_str(), "212000-0142");
        assert_eq!(new.name(), "Stockholms stad");
        assert_eq!(new.kind(), OrgKind::Kommun);
        assert_eq!(new.lan().as_str(), "01");
        assert_eq!(new.kommun_code(), Some("0180"));
        assert_eq!(new.website(), "https://start.stockholm");
        let agency = NewOrganisation::parse(&registration(
            "202100-5489",
            "statlig_myndighet",
            "03",
            "",
            "",
        ))
        .unwrap();
        assert_eq!((agency.kommun_code(), agency.website()), (None, ""));
    }

    #[test]
    fn a_kommun_must_lie_in_the_chosen_lan_and_a_kommun_must_name_one() {
        assert_eq!(
            refused(&registration("212000-0142", "kommun", "14", "0180", "")),
            [("kommun".to_string(), FieldProblem::KommunOutsideLan)]
        );
        assert_eq!(
            refused(&registration("212000-0142", "kommun", "01", "", "")),
            [("kommun".to_string(), FieldProblem::Required)]
        );
        assert_eq!(
            refused(&registration("212000-0142", "region", "01", "9999", "")),
            [("kommun".to_string(), FieldProblem::InvalidChoice)]
        );
        // An unknown län leaves the kommun unchecked against it.
        assert_eq!(
            refused(&registration("212000-0142", "kommun", "99", "0180", "")),
            [("lan".to_string(), FieldProblem::InvalidChoice)]
        );
    }

    #[test]
    fn a_refused_registration_names_every_field_and_echoes_every_value() {
        let form = registration("", "leverantor", "99", "", "ftp://x");
        let err = NewOrganisation::parse(&RegistrationForm {
            name: " ".into(),
            ..form.clone()
        })
        .unwrap_err();
        let AppError::Validation { fields, .. } = &err else {
            panic!("{err:?}");
        };
        let named: Vec<_> = fields
            .iter()
            .map(|f| (f.field.as_str(), f.problem))
            .collect();
        assert_eq!(
            named,
            [
                ("org_number", FieldProblem::Required),
                ("name", FieldProblem::Required),
                ("kind", FieldProblem::InvalidChoice),
                ("lan", FieldProblem::InvalidChoice),
                ("website", FieldProblem::InvalidUrl),
            ]
        );
        assert_eq!(err.sent_value("kind"), Some("leverantor"));
        assert_eq!(err.sent_value("website"), Some("ftp://x"));
        assert_eq!(err.sent_value("lan"), Some("99"));
    }

    #[test]
    fn a_website_needs_a_host_name_and_gets_https_when_typed_without_a_scheme() {
        let kept = |typed: &str| {
            NewOrganisation::parse(&registration("212000-0142", "region", "01", "", typed))
                .map(|o| o.website().to_string())
        };
        assert_eq!(kept(""), Ok(String::new()));
        assert_eq!(
            kept("https://www.kommun.se"),
            Ok("https://www.kommun.se".into())
        );
        assert_eq!(
            kept("http://kommun.se/om-oss"),
            Ok("http://kommun.se/om-oss".into())
        );
        assert_eq!(
            kept("www.enkoping.se"),
            Ok("https://www.enkoping.se".into())
        );
        for bad in [
            "ftp://kommun.se",
            "https://localhost",
            "https://kom mun.se",
            "javascript:alert(1)",
            "kommun.",
        ] {
            assert_eq!(
                refused(&registration("212000-0142", "region", "01", "", bad)),
                [("website".to_string(), FieldProblem::InvalidUrl)],
                "{bad}"
            );
        }
    }
}
