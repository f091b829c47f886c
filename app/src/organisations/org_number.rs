//! The organisationsnummer: the one number that tells a Swedish public
//! body from every other organisation (and from a person).

use crate::error::{Checker, FieldProblem};
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

    /// The number in the form field `org_number`, or the field refused:
    /// `Required` when blank, else the rule the number breaks.
    pub fn field(check: &mut Checker, raw: &str) -> Option<OrgNumber> {
        match OrgNumber::parse(raw) {
            Ok(number) => Some(number),
            Err(e) => {
                let problem = match e {
                    _ if raw.trim().is_empty() => FieldProblem::Required,
                    OrgNumberError::NotDigits => FieldProblem::OrgNumberNotDigits,
                    OrgNumberError::WrongLength => FieldProblem::OrgNumberLength,
                    OrgNumberError::NotAnOrganisation => FieldProblem::OrgNumberNotOrganisation,
                    OrgNumberError::CheckDigit => FieldProblem::OrgNumberCheckDigit,
                };
                check.refuse("org_number", problem);
                None
            }
        }
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
    fn the_number_field_is_required_or_names_the_broken_rule() {
        for (raw, problem) in [
            ("  ", FieldProblem::Required),
            ("212000-0143", FieldProblem::OrgNumberCheckDigit),
            ("212000-014", FieldProblem::OrgNumberLength),
            ("21200A-0142", FieldProblem::OrgNumberNotDigits),
            ("811218-9876", FieldProblem::OrgNumberNotOrganisation),
        ] {
            let mut check = Checker::new();
            assert!(OrgNumber::field(&mut check, raw).is_none());
            let err = check.finish(&[]).unwrap_err();
            assert_eq!(err.field_problem("org_number"), Some(problem), "{raw:?}");
        }
        let mut check = Checker::new();
        assert_eq!(
            OrgNumber::field(&mut check, "2120000142").map(|n| n.as_str().to_string()),
            Some("212000-0142".into())
        );
        assert!(check.finish(&[]).is_ok());
    }
}
