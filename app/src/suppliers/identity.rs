//! How a supplier is identified, parsed from what was typed into one
//! field for the chosen country: a Swedish organisationsnummer, an
//! enskild firma's personnummer, an EU VAT number, or another national
//! identifier. Each rule a number breaks is named.

use super::countries::Country;
use crate::{
    error::{Checker, FieldProblem},
    organisations::{OrgNumber, OrgNumberError},
};

/// A supplier's identifier, written the one way its scheme writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// A Swedish legal entity.
    OrgNumber(OrgNumber),
    /// An enskild firma's number is its owner's personnummer: personal
    /// data, shown only to the supplier's admins and a dialogue's hosts.
    Personnummer(String),
    /// An EU VAT number with its country prefix ("DE123456789").
    Vat(String),
    /// Another country's identifier, as typed (spaces tidied, upper case).
    National(String),
}

pub const NATIONAL_MAX: usize = 40;

impl Identity {
    /// The identifier in the field `identifier` for `country`, or the
    /// field refused with the rule it breaks.
    pub fn field(check: &mut Checker, country: &Country, raw: &str) -> Option<Identity> {
        let raw = raw.trim();
        if raw.is_empty() {
            check.refuse("identifier", FieldProblem::Required);
            return None;
        }
        let parsed = match (country.code, country.vat_prefix) {
            ("SE", _) => swedish(raw),
            (_, Some(prefix)) => vat(country.code, prefix, raw),
            (_, None) => national(raw),
        };
        parsed
            .map_err(|problem| check.refuse("identifier", problem))
            .ok()
    }

    /// The scheme's code, as stored.
    pub fn scheme(&self) -> &'static str {
        match self {
            Identity::OrgNumber(_) => "orgnr",
            Identity::Personnummer(_) => "personnummer",
            Identity::Vat(_) => "vat",
            Identity::National(_) => "national",
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Identity::OrgNumber(n) => n.as_str(),
            Identity::Personnummer(s) | Identity::Vat(s) | Identity::National(s) => s,
        }
    }
}

fn swedish(raw: &str) -> Result<Identity, FieldProblem> {
    match OrgNumber::parse(raw) {
        Ok(number) => Ok(Identity::OrgNumber(number)),
        Err(OrgNumberError::NotAnOrganisation) => personnummer(raw),
        Err(OrgNumberError::NotDigits) => Err(FieldProblem::OrgNumberNotDigits),
        Err(OrgNumberError::WrongLength) => Err(FieldProblem::OrgNumberLength),
        Err(OrgNumberError::CheckDigit) => Err(FieldProblem::OrgNumberCheckDigit),
    }
}

/// Ten digits whose third and fourth are a month: a personnummer, which
/// must be a real date with a matching check digit.
fn personnummer(raw: &str) -> Result<Identity, FieldProblem> {
    let number =
        personnummer::Personnummer::parse(raw).map_err(|_| FieldProblem::PersonnummerInvalid)?;
    if !number.valid() {
        return Err(FieldProblem::PersonnummerInvalid);
    }
    Ok(Identity::Personnummer(number.format().short()))
}

fn vat(country: &str, prefix: &str, raw: &str) -> Result<Identity, FieldProblem> {
    let clean: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
        .collect::<String>()
        .to_uppercase();
    if !clean.starts_with(prefix) {
        return Err(FieldProblem::VatCountry);
    }
    let checked = vat_id_validator::check_vat_by_country(&clean, country);
    if !checked.is_valid_format {
        return Err(FieldProblem::VatFormat);
    }
    if !checked.is_valid {
        return Err(FieldProblem::VatCheckDigit);
    }
    Ok(Identity::Vat(clean))
}

fn national(raw: &str) -> Result<Identity, FieldProblem> {
    let tidy = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '/' | '-');
    if tidy.chars().count() > NATIONAL_MAX {
        return Err(FieldProblem::TooLong {
            max: NATIONAL_MAX as u32,
        });
    }
    if tidy.chars().filter(|c| c.is_ascii_alphanumeric()).count() < 2 || !tidy.chars().all(allowed)
    {
        return Err(FieldProblem::NationalIdFormat);
    }
    Ok(Identity::National(tidy.to_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(country: &str, raw: &str) -> Result<Identity, FieldProblem> {
        let mut check = Checker::new();
        let country = Country::find(country).expect("a listed country");
        match Identity::field(&mut check, country, raw) {
            Some(identity) => Ok(identity),
            None => Err(check
                .finish(&[])
                .unwrap_err()
                .field_problem("identifier")
                .expect("the field is named")),
        }
    }

    #[test]
    fn a_swedish_company_is_its_organisation_number() {
        assert_eq!(
            parse("SE", "5560360793"),
            Ok(Identity::OrgNumber(
                OrgNumber::parse("556036-0793").unwrap()
            ))
        );
        assert_eq!(
            parse("SE", "556036-0794"),
            Err(FieldProblem::OrgNumberCheckDigit)
        );
        assert_eq!(parse("SE", "55603"), Err(FieldProblem::OrgNumberLength));
        assert_eq!(
            parse("SE", "55603A-0793"),
            Err(FieldProblem::OrgNumberNotDigits)
        );
        assert_eq!(parse("SE", " "), Err(FieldProblem::Required));
    }

    #[test]
    fn a_sole_trader_is_a_personnummer_that_must_be_a_real_date_with_its_check_digit() {
        assert_eq!(
            parse("SE", "811218-9876"),
            Ok(Identity::Personnummer("811218-9876".into()))
        );
        assert_eq!(
            parse("SE", "811218-9875"),
            Err(FieldProblem::PersonnummerInvalid)
        );
        assert_eq!(
            parse("SE", "811318-9876"),
            Err(FieldProblem::PersonnummerInvalid)
        );
    }

    #[test]
    fn an_eu_supplier_gives_a_vat_number_of_its_own_country() {
        assert_eq!(
            parse("DE", "de 136 695 976"),
            Ok(Identity::Vat("DE136695976".into()))
        );
        assert_eq!(parse("DE", "136695976"), Err(FieldProblem::VatCountry));
        assert_eq!(parse("DE", "FR40303265045"), Err(FieldProblem::VatCountry));
        assert_eq!(parse("DE", "DE13669597"), Err(FieldProblem::VatFormat));
        assert_eq!(parse("DE", "DE136695977"), Err(FieldProblem::VatCheckDigit));
        assert_eq!(
            parse("GR", "EL094259216"),
            Ok(Identity::Vat("EL094259216".into()))
        );
    }

    #[test]
    fn others_give_a_national_identifier_in_plain_characters() {
        assert_eq!(
            parse("NO", " 923 609 016 mva "),
            Ok(Identity::National("923 609 016 MVA".into()))
        );
        assert_eq!(parse("US", "<script>"), Err(FieldProblem::NationalIdFormat));
        assert_eq!(parse("US", "-"), Err(FieldProblem::NationalIdFormat));
        assert_eq!(
            parse("US", &"1".repeat(41)),
            Err(FieldProblem::TooLong { max: 40 })
        );
    }
}
