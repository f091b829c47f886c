//! Organisations: the public bodies people act for. Registering one makes
//! you its admin; registering an existing number asks to join it; admins
//! decide on requests; a site admin verifies organisations by hand.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Member,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Pending,
    Active,
    Refused,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        [Role::Admin, Role::Member]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Refused => "refused",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        [Status::Pending, Status::Active, Status::Refused]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A person's place in an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub account_id: i64,
    pub name: String,
    pub title: String,
    /// Shown to those who decide (the organisation's admins, site admins).
    pub email: String,
    pub role: Role,
    pub status: Status,
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

/// A Swedish organisationsnummer that has passed every rule: ten digits,
/// written NNNNNN-NNNN, digits three and four at least 20 (which tells it
/// from a personnummer), the last digit a Luhn check over the first nine.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgNumber(String);

/// Which rule a number broke, so the message can say exactly that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrgNumberError {
    #[error("an organisationsnummer has only digits and one dash")]
    NotDigits,
    #[error("an organisationsnummer has ten digits")]
    WrongLength,
    #[error("digits three and four of an organisationsnummer are at least 20")]
    NotAnOrganisation,
    #[error("the check digit does not match")]
    CheckDigit,
}

impl OrgNumber {
    /// Accepts `NNNNNN-NNNN` or ten digits without the dash; spaces around
    /// are ignored.
    pub fn parse(raw: &str) -> Result<OrgNumber, OrgNumberError> {
        let raw = raw.trim();
        let digits: String = match raw.split_once('-') {
            Some((head, tail)) if head.len() == 6 => format!("{head}{tail}"),
            Some(_) => return Err(OrgNumberError::WrongLength),
            None => raw.to_string(),
        };
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(OrgNumberError::NotDigits);
        }
        if digits.len() != 10 {
            return Err(OrgNumberError::WrongLength);
        }
        let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        if values[2] * 10 + values[3] < 20 {
            return Err(OrgNumberError::NotAnOrganisation);
        }
        if luhn_check_digit(&values[..9]) != values[9] {
            return Err(OrgNumberError::CheckDigit);
        }
        Ok(OrgNumber(format!("{}-{}", &digits[..6], &digits[6..])))
    }

    /// `NNNNNN-NNNN`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number whose first nine digits these are, with its check digit
    /// (for seeding and tests); `None` unless nine digits.
    pub fn completing(first_nine: &str) -> Option<OrgNumber> {
        let digits: Vec<u32> = first_nine.chars().filter_map(|c| c.to_digit(10)).collect();
        if digits.len() != 9 || first_nine.chars().count() != 9 {
            return None;
        }
        let check = luhn_check_digit(&digits);
        Some(OrgNumber(format!(
            "{}-{}{check}",
            &first_nine[..6],
            &first_nine[6..]
        )))
    }
}

/// The Luhn digit for nine digits: every other digit from the first is
/// doubled (digit sums taken), and the digit makes the total a multiple of 10.
fn luhn_check_digit(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// The kinds of organisation that can buy through Samråd.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    Kommun,
    Region,
    StatligMyndighet,
    KommunaltBolag,
    AnnanUpphandlande,
}

impl OrgKind {
    pub const ALL: [OrgKind; 5] = [
        OrgKind::Kommun,
        OrgKind::Region,
        OrgKind::StatligMyndighet,
        OrgKind::KommunaltBolag,
        OrgKind::AnnanUpphandlande,
    ];

    /// The stable code stored in the database and sent by forms.
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Kommun => "kommun",
            OrgKind::Region => "region",
            OrgKind::StatligMyndighet => "statlig_myndighet",
            OrgKind::KommunaltBolag => "kommunalt_bolag",
            OrgKind::AnnanUpphandlande => "annan_upphandlande",
        }
    }

    pub fn parse(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let sv = lang == crate::i18n::Lang::Sv;
        match self {
            OrgKind::Kommun => {
                if sv {
                    "Kommun"
                } else {
                    "Municipality"
                }
            }
            OrgKind::Region => "Region",
            OrgKind::StatligMyndighet => {
                if sv {
                    "Statlig myndighet"
                } else {
                    "Government agency"
                }
            }
            OrgKind::KommunaltBolag => {
                if sv {
                    "Kommunalt bolag"
                } else {
                    "Municipal company"
                }
            }
            OrgKind::AnnanUpphandlande => {
                if sv {
                    "Annan upphandlande organisation"
                } else {
                    "Other contracting organisation"
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_body_numbers_pass_and_are_written_with_a_dash() {
        for (raw, written) in [
            ("212000-0142", "212000-0142"),
            ("212000-1355", "212000-1355"),
            ("2120000142", "212000-0142"),
            (" 202100-5489 ", "202100-5489"),
        ] {
            assert_eq!(
                OrgNumber::parse(raw).map(|n| n.as_str().to_string()),
                Ok(written.into()),
                "{raw}"
            );
        }
    }

    #[test]
    fn each_broken_rule_is_named() {
        assert_eq!(
            OrgNumber::parse("212000-0143"),
            Err(OrgNumberError::CheckDigit)
        );
        assert_eq!(
            OrgNumber::parse("212000-014"),
            Err(OrgNumberError::WrongLength)
        );
        assert_eq!(
            OrgNumber::parse("21200001420"),
            Err(OrgNumberError::WrongLength)
        );
        assert_eq!(
            OrgNumber::parse("2120-000142"),
            Err(OrgNumberError::WrongLength)
        );
        assert_eq!(
            OrgNumber::parse("21200A-0142"),
            Err(OrgNumberError::NotDigits)
        );
        assert_eq!(OrgNumber::parse(""), Err(OrgNumberError::WrongLength));
        // A personnummer shape: month 12 in digits three and four.
        assert_eq!(
            OrgNumber::parse("811218-9876"),
            Err(OrgNumberError::NotAnOrganisation)
        );
        assert_eq!(
            OrgNumber::parse("211900-0000"),
            Err(OrgNumberError::NotAnOrganisation)
        );
    }

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.code()), Some(kind));
        }
        assert_eq!(OrgKind::parse("leverantor"), None);
    }
}
