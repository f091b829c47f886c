//! Organisations: the public bodies people act for. This room starts with
//! the Swedish organisationsnummer and the kinds of organisation; the
//! registration, membership and verification flows come next (issue 4).

use serde::{Deserialize, Serialize};

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
