//! Finding a registered organisation to ask to join, by a part of its
//! name or by its number: the request names the organisation, so nothing
//! about it is typed again.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use super::Status;
use crate::error::{AppError, Checker, FieldProblem};
use serde::{Deserialize, Serialize};

/// The shortest and longest text searched for, in characters.
pub const SEARCH_MIN: usize = 2;
pub const SEARCH_MAX: usize = 100;
/// How many organisations one search shows.
pub const HITS_SHOWN: usize = 20;

/// An organisation the search found, and the asker's place in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub public_id: String,
    pub name: String,
    pub org_number: String,
    pub lan_code: String,
    pub kommun_code: Option<String>,
    pub verified: bool,
    pub my_status: Option<Status>,
}

/// What a search found: at most `HITS_SHOWN`, and whether there were more.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub more: bool,
}

/// What the search looks for: a part of a name, and the digits of an
/// organisation number when the text looks like one ("212000-0142",
/// "2120000142", "212000").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchText {
    text: String,
    digits: Option<String>,
}

impl SearchText {
    /// The field is `sok`, as the search form names it.
    pub fn parse(raw: &str) -> Result<SearchText, AppError> {
        let mut check = Checker::new();
        let text = check.text("sok", raw, true, SEARCH_MAX);
        if !check.has_problem("sok") && text.chars().count() < SEARCH_MIN {
            check.refuse(
                "sok",
                FieldProblem::TooShort {
                    min: SEARCH_MIN as u32,
                },
            );
        }
        check.finish(&[("sok", raw)])?;
        let looks_like_number = text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c.is_whitespace());
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        Ok(SearchText {
            digits: (looks_like_number && digits.len() >= SEARCH_MIN).then_some(digits),
            text,
        })
    }

    /// The text as typed, trimmed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The digits of the number searched for, if the text is one.
    pub fn digits(&self) -> Option<&str> {
        self.digits.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_needs_two_characters_and_reads_numbers_with_or_without_a_dash() {
        for (raw, problem) in [
            ("", FieldProblem::Required),
            ("  ", FieldProblem::Required),
            ("u", FieldProblem::TooShort { min: 2 }),
        ] {
            let err = SearchText::parse(raw).unwrap_err();
            assert_eq!(err.field_problem("sok"), Some(problem), "{raw:?}");
            assert_eq!(err.sent_value("sok"), Some(raw));
        }
        let long = "x".repeat(SEARCH_MAX + 1);
        assert!(SearchText::parse(&long).is_err());
        let name = SearchText::parse(" Region Uppsala ").unwrap();
        assert_eq!((name.text(), name.digits()), ("Region Uppsala", None));
        assert_eq!(
            SearchText::parse("232100-0005").unwrap().digits(),
            Some("2321000005")
        );
        assert_eq!(
            SearchText::parse("2321000005").unwrap().digits(),
            Some("2321000005")
        );
        assert_eq!(SearchText::parse("Kommun 21").unwrap().digits(), None);
    }
}
