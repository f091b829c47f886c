//! Supplier organisations (leverantörer): the companies, Swedish or
//! foreign, that meet the buyers in a market dialogue. A person signs up
//! as anyone does and registers one, or asks to join one that exists; its
//! admins decide. A supplier is identified by an organisationsnummer, an
//! enskild firma's personnummer (personal data: shown only to its own
//! admins and to the hosts of a dialogue it registered for), an EU VAT
//! number or another national identifier: one number, one supplier.
//! Suppliers have tables of their own, so none can ever be a member of a
//! buyer network, and no public organisation's number registers as one.

pub mod api;
mod countries;
#[cfg(feature = "ssr")]
mod identity;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use countries::{Country, COUNTRIES};
#[cfg(feature = "ssr")]
pub use identity::Identity;

use crate::organisations::{Member, Role};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 200;

/// The registration form, as sent.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SupplierForm {
    pub name: String,
    pub country: String,
    pub identifier: String,
}

/// A supplier that can only exist valid: a name, a listed country and an
/// identifier that passes that country's rules.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct NewSupplier {
    pub name: String,
    pub country: &'static Country,
    pub identity: Identity,
}

#[cfg(feature = "ssr")]
impl NewSupplier {
    pub fn parse(form: &SupplierForm) -> Result<NewSupplier, crate::error::AppError> {
        use crate::error::{Checker, FieldProblem};
        let mut check = Checker::new();
        let name = check.text("name", &form.name, true, NAME_MAX);
        let country = Country::find(&form.country);
        if country.is_none() {
            check.refuse("country", FieldProblem::InvalidChoice);
        }
        let identity = country.and_then(|c| Identity::field(&mut check, c, &form.identifier));
        check.finish_form(form)?;
        match (country, identity) {
            (Some(country), Some(identity)) => Ok(NewSupplier {
                name,
                country,
                identity,
            }),
            _ => Err(crate::error::AppError::internal("checked supplier form")),
        }
    }
}

/// A supplier's number as typed elsewhere (an invitation to a dialogue):
/// the country and the identifier, checked as at registration, problems
/// named under `country` and `identifier`, `form` echoed back.
#[cfg(feature = "ssr")]
pub fn parse_number<F: Serialize>(
    country: &str,
    identifier: &str,
    form: &F,
) -> Result<(&'static Country, Identity), crate::error::AppError> {
    use crate::error::{Checker, FieldProblem};
    let mut check = Checker::new();
    let country = Country::find(country);
    if country.is_none() {
        check.refuse("country", FieldProblem::InvalidChoice);
    }
    let identity = country.and_then(|c| Identity::field(&mut check, c, identifier));
    check.finish_form(form)?;
    match (country, identity) {
        (Some(country), Some(identity)) => Ok((country, identity)),
        _ => Err(crate::error::AppError::internal("checked supplier number")),
    }
}

/// A supplier as other rooms know it.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupplierRef {
    pub id: crate::core::ids::SupplierId,
    pub name: String,
}

/// The supplier registered with this number, if any.
#[cfg(feature = "ssr")]
pub async fn lookup(
    db: &crate::db::Db,
    country: &Country,
    identity: &Identity,
) -> Result<Option<SupplierRef>, crate::error::AppError> {
    Ok(store::by_number(db, country.code, identity.as_str())
        .await?
        .map(|s| SupplierRef {
            id: s.id,
            name: s.name,
        }))
}

/// How a supplier's identifier is shown: an enskild firma's personnummer
/// only to those allowed, else that it is hidden.
pub fn shown_identifier(scheme: &str, identifier: &str, full: bool, hidden: &str) -> String {
    if scheme == "personnummer" && !full {
        hidden.to_string()
    } else {
        identifier.to_string()
    }
}

/// A supplier's name as shown to someone who is not (yet) one of its
/// people: an enskild firma's is often its owner's name, so it is hidden.
pub fn shown_name(scheme: &str, name: String, member: bool, hidden: &str) -> String {
    if scheme == "personnummer" && !member {
        hidden.to_string()
    } else {
        name
    }
}

/// A supplier organisation the person belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySupplier {
    pub public_id: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// A supplier's page as the person asking sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierView {
    pub public_id: String,
    pub name: String,
    pub country: String,
    /// The identifier, or for an enskild firma to anyone but its admins,
    /// that the personnummer is hidden.
    pub identifier: String,
    /// The person belongs to it and acts for it.
    pub member: bool,
    /// The person is one of its admins: decides who joins.
    pub admin: bool,
    /// The person has asked to join and waits for its admins.
    pub waiting: bool,
    /// Its people, for its members; with addresses for admins.
    pub people: Vec<Member>,
    /// The account asking, to tell "you" among the people.
    pub you: i64,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    #[test]
    fn a_refused_registration_names_each_field_and_keeps_what_was_typed() {
        let form = SupplierForm {
            name: " ".into(),
            country: "XX".into(),
            identifier: "123".into(),
        };
        let err = NewSupplier::parse(&form).unwrap_err();
        assert_eq!(err.field_problem("name"), Some(FieldProblem::Required));
        assert_eq!(
            err.field_problem("country"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(err.sent_value("identifier"), Some("123"));
        let ok = NewSupplier::parse(&SupplierForm {
            name: " Laddbolaget AB ".into(),
            country: "SE".into(),
            identifier: "556036-0793".into(),
        })
        .unwrap();
        assert_eq!(ok.name, "Laddbolaget AB");
        assert_eq!(ok.identity.scheme(), "orgnr");
    }

    #[test]
    fn a_personnummer_is_hidden_from_all_but_those_allowed() {
        assert_eq!(
            shown_identifier("personnummer", "811218-9876", false, "dolt"),
            "dolt"
        );
        assert_eq!(
            shown_identifier("personnummer", "811218-9876", true, "dolt"),
            "811218-9876"
        );
        assert_eq!(
            shown_identifier("orgnr", "556036-0793", false, "dolt"),
            "556036-0793"
        );
    }
}
