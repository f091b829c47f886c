//! The 45 divisions (top level) of the Common Procurement Vocabulary, CPV
//! 2008, with their official Swedish and English names. Networks use them
//! as themes; needs as the coarse part of their CPV codes. The list lives
//! in `cpv_divisions.csv`: the names are the Publications Office's labels
//! (OP-TED/eForms-SDK, translations/code_sv.xml and code_en.xml at
//! 3242fbf7), the check digits from openprocurement/standards
//! (classifiers/cpv/en.json at a0f4c8af). Typos in the official Swedish
//! labels (32: "kommuniktions-") are kept as published.

use crate::i18n::Lang;
use std::sync::LazyLock;

#[derive(Debug, PartialEq, Eq)]
pub struct Division {
    /// Two digits, e.g. "45".
    pub code: &'static str,
    /// The full code with check digit, e.g. "45000000-7".
    pub full: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

impl Division {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

static DIVISIONS: LazyLock<Vec<Division>> = LazyLock::new(|| {
    include_str!("cpv_divisions.csv")
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields = split_fields(line);
            let [full, sv, en] = fields.as_slice() else {
                panic!("cpv_divisions.csv: three fields expected in {line:?}");
            };
            Division {
                code: &full[..2],
                full,
                sv,
                en,
            }
        })
        .collect()
});

/// Splits one semicolon-separated line; a field may be in double quotes
/// (then it may hold semicolons, but no quotes, which the list never has).
fn split_fields(line: &'static str) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').expect("closing quote");
            fields.push(&quoted[..end]);
            rest = quoted[end + 1..].strip_prefix(';').unwrap_or("");
            if quoted[end + 1..].is_empty() {
                break;
            }
        } else if let Some(end) = rest.find(';') {
            fields.push(&rest[..end]);
            rest = &rest[end + 1..];
        } else {
            fields.push(rest);
            break;
        }
    }
    fields
}

/// Whether `code` (e.g. "34144900-7") is in CPV 2008: the full official
/// list, since its check digits follow no formula the Publications Office
/// itself applied consistently. From openprocurement/standards,
/// classifiers/cpv/en.json at a0f4c8af (9,454 codes).
#[cfg(feature = "ssr")]
pub fn is_code(code: &str) -> bool {
    static CODES: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| include_str!("cpv_codes.txt").lines().collect());
    CODES.contains(code)
}

/// The code of CPV 2008 that has these eight digits, with its check digit.
#[cfg(feature = "ssr")]
fn with_check_digit(digits: &str) -> Option<String> {
    (0..10)
        .map(|d| format!("{digits}-{d}"))
        .find(|code| is_code(code))
}

/// A code of CPV 2008 with its check digit ("34144900-7"), or a
/// division's two digits taken as its code: only `parse` makes one.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CpvCode(String);

#[cfg(feature = "ssr")]
impl CpvCode {
    pub fn parse(code: &str) -> Option<CpvCode> {
        let code = code.trim();
        if let Some(division) = division(code) {
            return Some(CpvCode(division.full.to_string()));
        }
        is_code(code).then(|| CpvCode(code.to_string()))
    }

    /// A code written out by hand: eight digits with or without the check
    /// digit ("34144900" finds "34144900-7"); the problem says what to fix.
    pub fn parse_written(code: &str) -> Result<CpvCode, crate::error::FieldProblem> {
        use crate::error::FieldProblem;
        let code = code.trim();
        if code.is_empty() {
            return Err(FieldProblem::Required);
        }
        let (digits, check) = code.split_once('-').unwrap_or((code, ""));
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldProblem::UnknownCpv);
        }
        if digits.len() < 8 {
            return Err(FieldProblem::CpvIncomplete);
        }
        if is_code(code) {
            return Ok(CpvCode(code.to_string()));
        }
        match with_check_digit(digits) {
            Some(full) if check.is_empty() => Ok(CpvCode(full)),
            Some(_) => Err(FieldProblem::CpvCheckDigit),
            None => Err(FieldProblem::UnknownCpv),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two digits of its division.
    pub fn division(&self) -> &str {
        &self.0[..2]
    }
}

/// All divisions, in code order.
pub fn divisions() -> &'static [Division] {
    &DIVISIONS
}

/// The division with this two-digit code.
pub fn division(code: &str) -> Option<&'static Division> {
    DIVISIONS.iter().find(|d| d.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_45_divisions_in_code_order_with_both_names() {
        let all = divisions();
        assert_eq!(all.len(), 45);
        assert!(all.windows(2).all(|w| w[0].code < w[1].code));
        for d in all {
            assert!(d.code.chars().all(|c| c.is_ascii_digit()), "{d:?}");
            assert!(d.full.starts_with(d.code) && d.full[2..].starts_with("000000-"));
            assert_eq!(d.full.len(), 10, "{d:?}");
            assert!(!d.sv.is_empty() && !d.en.is_empty(), "{d:?}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn full_codes_are_checked_against_the_official_list() {
        assert!(is_code("45000000-7") && is_code("34144900-7") && is_code("72000000-5"));
        assert!(!is_code("34144900-8"), "a wrong check digit");
        assert!(!is_code("46000000-4"), "no division 46");
        assert!(divisions().iter().all(|d| is_code(d.full)));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_cpv_code_is_a_listed_code_or_a_division() {
        assert_eq!(CpvCode::parse("34").unwrap().as_str(), "34000000-7");
        assert_eq!(CpvCode::parse(" 34144900-7").unwrap().division(), "34");
        assert!(CpvCode::parse("34144900-8").is_none());
        assert!(CpvCode::parse("3414").is_none());
    }

    #[test]
    fn a_written_code_says_what_is_wrong_with_it() {
        use crate::error::FieldProblem::*;
        let written = |c| CpvCode::parse_written(c).map(|c| c.as_str().to_string());
        assert_eq!(written("34144900-7"), Ok("34144900-7".to_string()));
        assert_eq!(written("34144900"), Ok("34144900-7".to_string()));
        assert_eq!(written("3414"), Err(CpvIncomplete));
        assert_eq!(written("34144900-8"), Err(CpvCheckDigit));
        assert_eq!(written("99999999"), Err(UnknownCpv));
        assert_eq!(written("bilar"), Err(UnknownCpv));
        assert_eq!(written(" "), Err(Required));
    }

    #[test]
    fn known_divisions_have_their_official_names() {
        let construction = division("45").expect("45 is construction work");
        assert_eq!(construction.full, "45000000-7");
        assert_eq!(construction.en, "Construction work");
        assert_eq!(construction.sv, "Anläggningsarbete");
        assert!(division("46").is_none() && division("").is_none());
    }
}
