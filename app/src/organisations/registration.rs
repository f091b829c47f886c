//! Registering an organisation: the form as sent, and the registration
//! that passed every check.

use super::{OrgKind, OrgNumber, NAME_MAX, WEBSITE_MAX};
use crate::{
    error::{AppError, Checker, FieldProblem},
    regions::{self, LanCode},
};
use serde::{Deserialize, Serialize};

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

impl RegistrationForm {
    /// The answer to a registration from someone whose address is not
    /// verified yet: whatever else is wrong with it, and everything typed
    /// back, so nothing is lost while they verify. The page says what to
    /// do; the fields named are only those that need correcting.
    pub fn refused_unverified(&self) -> AppError {
        let fields = match NewOrganisation::parse(self) {
            Err(AppError::Validation { fields, .. }) => fields,
            _ => Vec::new(),
        };
        let values = match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(sent)) => sent
                .into_iter()
                .filter_map(|(name, value)| value.as_str().map(|v| (name, v.to_string())))
                .collect(),
            _ => Vec::new(),
        };
        AppError::Validation { fields, values }
    }
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
    /// Kind and län are chosen, never assumed; a kommun is required of a
    /// kommun, and must lie in the chosen län; a website, when given, is
    /// an http(s) address with a host name ("www.kommun.se" will do).
    pub fn parse(form: &RegistrationForm) -> Result<NewOrganisation, AppError> {
        let mut check = Checker::new();
        let org_number = OrgNumber::field(&mut check, &form.org_number);
        let name = check.text("name", &form.name, true, NAME_MAX);
        let kind = choice(&mut check, "kind", &form.kind, OrgKind::parse);
        let lan = choice(&mut check, "lan", &form.lan, LanCode::parse);
        let kommun_code = kommun_field(&mut check, &form.kommun, kind, lan);
        let website = check.web_address("website", &form.website, false, WEBSITE_MAX);
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

/// One of a list's options: `Required` when none was chosen (the list
/// starts at "Välj …"), `InvalidChoice` for anything else not on it.
fn choice<T>(
    check: &mut Checker,
    field: &str,
    raw: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let chosen = parse(raw.trim());
    if chosen.is_none() {
        let problem = match raw.trim().is_empty() {
            true => FieldProblem::Required,
            false => FieldProblem::InvalidChoice,
        };
        check.refuse(field, problem);
    }
    chosen
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

    #[test]
    fn kind_and_lan_must_be_chosen_and_nothing_is_assumed() {
        assert_eq!(
            refused(&registration("212000-0142", "", "", "", "")),
            [
                ("kind".to_string(), FieldProblem::Required),
                ("lan".to_string(), FieldProblem::Required)
            ]
        );
    }

    #[test]
    fn an_unverified_registration_names_only_real_problems_and_echoes_everything() {
        let form = registration("2120000142", "region", "03", "", "www.regionuppsala.se");
        let err = form.refused_unverified();
        let AppError::Validation { fields, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(fields.is_empty(), "{fields:?}");
        assert_eq!(err.sent_value("org_number"), Some("2120000142"));
        assert_eq!(err.sent_value("lan"), Some("03"));
        assert_eq!(err.sent_value("website"), Some("www.regionuppsala.se"));
        let broken = RegistrationForm {
            name: String::new(),
            ..form
        };
        assert_eq!(
            broken.refused_unverified().field_problem("name"),
            Some(FieldProblem::Required)
        );
    }
}
