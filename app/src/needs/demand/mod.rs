//! The aggregated demand: each member organisation's declared, non-binding
//! interest in a need (one declaration per organisation), summed up by
//! confidence and by earliest start, and downloadable as a spreadsheet.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use super::Quarter;
use serde::{Deserialize, Serialize};

pub const UNIT_MAX: usize = 40;
pub const COMMENT_MAX: usize = 1000;
/// A declared quantity above this is taken for a typing mistake.
pub const QUANTITY_MAX: i64 = 10_000_000;
/// 100 billion SEK: more than any Swedish public procurement.
pub const VALUE_MAX: i64 = 100_000_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    pub fn code(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    pub fn parse(code: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A confidence as stored; rows with an unknown code cannot be read.
impl TryFrom<String> for Confidence {
    type Error = String;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        Confidence::parse(&code).ok_or_else(|| format!("unknown confidence {code:?}"))
    }
}

/// One organisation's declared interest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Interest {
    pub organisation_public_id: String,
    pub organisation: String,
    pub quantity: i64,
    pub unit: String,
    pub value_sek: i64,
    pub earliest: Quarter,
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub confidence: Confidence,
    pub comment: String,
}

/// The aggregated demand: what makes suppliers listen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    pub organisations: i64,
    pub total_value: i64,
    /// (unit, organisations, quantity): the volumes summed per unit, a
    /// unit written with other capitals or spaces counted as the same;
    /// the most declared first.
    pub by_unit: Vec<(String, i64, i64)>,
    /// (confidence, organisations, value), low to high.
    pub by_confidence: Vec<(Confidence, i64, i64)>,
    /// (earliest start, organisations, value), in time order.
    pub timeline: Vec<(Quarter, i64, i64)>,
}

impl Demand {
    pub fn of(interests: &[Interest]) -> Demand {
        let mut demand = Demand {
            organisations: interests.len() as i64,
            total_value: interests.iter().map(|i| i.value_sek).sum(),
            ..Demand::default()
        };
        for interest in interests {
            let unit = interest.unit.trim();
            let same = |u: &&mut (String, i64, i64)| u.0.to_lowercase() == unit.to_lowercase();
            match demand.by_unit.iter_mut().find(same) {
                Some(total) => {
                    total.1 += 1;
                    total.2 += interest.quantity;
                }
                None => demand
                    .by_unit
                    .push((unit.to_string(), 1, interest.quantity)),
            }
        }
        demand
            .by_unit
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for confidence in Confidence::ALL {
            let matching = interests.iter().filter(|i| i.confidence == confidence);
            let (count, value) = matching.fold((0, 0), |(c, v), i| (c + 1, v + i.value_sek));
            demand.by_confidence.push((confidence, count, value));
        }
        let mut quarters: Vec<Quarter> = interests.iter().map(|i| i.earliest).collect();
        quarters.sort();
        quarters.dedup();
        for quarter in quarters {
            let matching = interests.iter().filter(|i| i.earliest == quarter);
            let (count, value) = matching.fold((0, 0), |(c, v), i| (c + 1, v + i.value_sek));
            demand.timeline.push((quarter, count, value));
        }
        demand
    }

    /// The aggregated demand as CSV for a spreadsheet: one row per
    /// organisation, then the totals.
    #[cfg(feature = "ssr")]
    pub fn csv(interests: &[Interest], lang: crate::i18n::Lang) -> String {
        let t = text::text(lang);
        let total: i64 = interests.iter().map(|i| i.value_sek).sum();
        let rows = interests.iter().map(|i| {
            vec![
                i.organisation.clone(),
                i.quantity.to_string(),
                i.unit.clone(),
                i.value_sek.to_string(),
                i.earliest.label(lang),
                text::confidence_label(i.confidence, lang).to_string(),
                i.comment.clone(),
            ]
        });
        let sum = [
            t.total.to_string(),
            String::new(),
            String::new(),
            total.to_string(),
        ]
        .into_iter()
        .chain(std::iter::repeat_n(String::new(), 3))
        .collect();
        crate::core::sheet::sheet(
            &[
                t.organisation,
                t.quantity,
                t.unit,
                t.value,
                t.earliest,
                t.confidence_column,
                t.comment,
            ],
            rows.chain(std::iter::once(sum)),
        )
    }
}

/// What the declaration form sends, as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclarationForm {
    /// The public id of the organisation declaring.
    pub organisation: String,
    pub quantity: String,
    pub unit: String,
    pub value: String,
    pub earliest: String,
    pub confidence: String,
    #[serde(default)]
    pub comment: String,
}

/// One organisation's declaration, checked: only `parse` makes one.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct Declaration {
    declarer: crate::core::Actor,
    quantity: i64,
    unit: String,
    value_sek: i64,
    earliest: Quarter,
    confidence: Confidence,
    comment: String,
}

#[cfg(feature = "ssr")]
impl Declaration {
    /// `declarer` is who declares for the organisation the form names;
    /// `None` when it names none.
    pub fn parse(
        form: &DeclarationForm,
        declarer: Option<crate::core::Actor>,
        now_ms: i64,
    ) -> Result<Declaration, crate::error::AppError> {
        use crate::error::{AppError, Checker, FieldProblem};
        let mut check = Checker::new();
        if declarer.is_none() {
            check.refuse("organisation", FieldProblem::Required);
        }
        let quantity = check.number("quantity", &form.quantity, 1, QUANTITY_MAX);
        let unit = check.text("unit", &form.unit, true, UNIT_MAX);
        let value_sek = check.number("value", &form.value, 0, VALUE_MAX);
        let earliest = super::form::coming_quarter(&mut check, "earliest", &form.earliest, now_ms);
        let confidence = Confidence::parse(&form.confidence);
        if confidence.is_none() {
            check.refuse("confidence", FieldProblem::InvalidChoice);
        }
        let comment = check.text("comment", &form.comment, false, COMMENT_MAX);
        check.finish_form(form)?;
        let declaration = || {
            Some(Declaration {
                declarer: declarer?,
                quantity: quantity?,
                unit,
                value_sek: value_sek?,
                earliest: earliest?,
                confidence: confidence?,
                comment,
            })
        };
        declaration().ok_or(AppError::BadRequest)
    }

    pub fn declarer(&self) -> crate::core::Actor {
        self.declarer
    }
    pub fn quantity(&self) -> i64 {
        self.quantity
    }
    pub fn unit(&self) -> &str {
        &self.unit
    }
    pub fn value_sek(&self) -> i64 {
        self.value_sek
    }
    pub fn earliest(&self) -> Quarter {
        self.earliest
    }
    pub fn confidence(&self) -> Confidence {
        self.confidence
    }
    pub fn comment(&self) -> &str {
        &self.comment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demand_sums_per_confidence_quarter_and_unit() {
        let interest = |org: &str, value, quarter: &str, confidence| Interest {
            organisation_public_id: org.into(),
            organisation: org.into(),
            quantity: 1,
            unit: if org == "c" { " St " } else { "st" }.into(),
            value_sek: value,
            earliest: Quarter::parse(quarter).unwrap(),
            confidence,
            comment: String::new(),
        };
        let demand = Demand::of(&[
            interest("a", 100, "2027-1", Confidence::High),
            interest("b", 50, "2027-1", Confidence::Low),
            interest("c", 7, "2026-4", Confidence::High),
        ]);
        assert_eq!((demand.organisations, demand.total_value), (3, 157));
        assert_eq!(demand.by_unit, [("st".to_string(), 3, 3)]);
        let mixed = Demand::of(&[
            Interest {
                quantity: 12,
                unit: "bussar".into(),
                ..interest("a", 1, "2027-1", Confidence::High)
            },
            Interest {
                quantity: 300,
                unit: "laddplatser".into(),
                ..interest("b", 1, "2027-1", Confidence::High)
            },
            Interest {
                quantity: 4,
                unit: "Bussar".into(),
                ..interest("d", 1, "2027-1", Confidence::High)
            },
        ]);
        assert_eq!(
            mixed.by_unit,
            [
                ("bussar".to_string(), 2, 16),
                ("laddplatser".to_string(), 1, 300)
            ]
        );
        assert_eq!(
            demand.by_confidence,
            [
                (Confidence::Low, 1, 50),
                (Confidence::Medium, 0, 0),
                (Confidence::High, 2, 107)
            ]
        );
        assert_eq!(
            demand.timeline,
            [
                (Quarter::parse("2026-4").unwrap(), 1, 7),
                (Quarter::parse("2027-1").unwrap(), 2, 150)
            ]
        );
    }

    #[cfg(feature = "ssr")]
    mod declaration {
        use super::super::*;
        use crate::{
            core::{
                ids::{AccountId, OrganisationId},
                Actor,
            },
            error::FieldProblem,
        };

        /// 2026-11-18.
        const NOW: i64 = 1_795_000_000_000;

        fn form() -> DeclarationForm {
            DeclarationForm {
                organisation: "org".into(),
                quantity: "12".into(),
                unit: " bussar ".into(),
                value: "50 000 000".into(),
                earliest: "2027-1".into(),
                confidence: "high".into(),
                comment: String::new(),
            }
        }

        fn declarer() -> Option<Actor> {
            Some(Actor {
                account_id: AccountId(1),
                organisation_id: OrganisationId(2),
            })
        }

        #[test]
        fn a_valid_declaration_reads_grouped_digits() {
            let d = Declaration::parse(&form(), declarer(), NOW).unwrap();
            assert_eq!(
                (d.quantity(), d.unit(), d.value_sek()),
                (12, "bussar", 50_000_000)
            );
            assert_eq!(d.confidence(), Confidence::High);
        }

        #[test]
        fn a_declaration_names_every_refused_field_and_echoes_the_form() {
            let bad = DeclarationForm {
                quantity: "0".into(),
                unit: " ".into(),
                value: "1e12".into(),
                earliest: "2001-1".into(),
                confidence: "certain".into(),
                comment: "x".repeat(COMMENT_MAX + 1),
                ..form()
            };
            let err = Declaration::parse(&bad, None, NOW).unwrap_err();
            let problem = |field| err.field_problem(field);
            assert_eq!(problem("organisation"), Some(FieldProblem::Required));
            assert_eq!(
                problem("quantity"),
                Some(FieldProblem::OutOfRange {
                    min: 1,
                    max: QUANTITY_MAX
                })
            );
            assert_eq!(problem("unit"), Some(FieldProblem::Required));
            assert_eq!(problem("value"), Some(FieldProblem::NotAWholeNumber));
            assert_eq!(problem("earliest"), Some(FieldProblem::InThePast));
            assert_eq!(problem("confidence"), Some(FieldProblem::InvalidChoice));
            assert_eq!(
                problem("comment"),
                Some(FieldProblem::TooLong {
                    max: COMMENT_MAX as u32
                })
            );
            assert_eq!(err.sent_value("value"), Some("1e12"));
            assert_eq!(err.sent_value("organisation"), Some("org"));
        }
    }
}
