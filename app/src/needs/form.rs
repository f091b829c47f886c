//! What the need form sends, as sent, and the need it parses into: the
//! text of a need (new or edited), and for a new one who posts it.

use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {
    super::{NeedStatus, Quarter, EXTRA_CPV_MAX, TEXT_MAX, TITLE_MAX},
    crate::{
        core::Actor,
        cpv::{self, CpvCode},
        error::{AppError, Checker, FieldProblem},
        regions::LanCode,
        staircase::Staircase,
    },
};

/// What the need form sends, as sent (the new and the edit form).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedForm {
    pub title: String,
    pub problem: String,
    pub effect: String,
    pub affected: String,
    pub staircase: String,
    /// CPV divisions by their two digits (`divisions[]=34`).
    #[serde(default)]
    pub divisions: Vec<String>,
    /// More full CPV codes, separated by spaces, commas or semicolons.
    #[serde(default)]
    pub cpv_codes: String,
    /// Länskoder (`regions[]=01`).
    #[serde(default)]
    pub regions: Vec<String>,
    pub horizon: String,
}

/// What the form for a new need sends: for which organisation, whether it
/// is shared at once, and the need's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewNeedForm {
    pub organisation: String,
    /// Which button was pressed: "draft" or "shared".
    pub status: String,
    #[serde(flatten)]
    pub need: NeedForm,
}

/// A need's text, checked: only `parse` makes one.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedText {
    title: String,
    problem: String,
    effect: String,
    affected: String,
    staircase: Staircase,
    horizon: Quarter,
    cpv: Vec<CpvCode>,
    regions: Vec<LanCode>,
}

#[cfg(feature = "ssr")]
impl NeedText {
    /// The text of an edit, every refused field named at once.
    pub fn parse(form: &NeedForm, now_ms: i64) -> Result<NeedText, AppError> {
        let mut check = Checker::new();
        let text = NeedText::check(&mut check, form, now_ms);
        check.finish_form(form)?;
        text.ok_or(AppError::BadRequest)
    }

    fn check(check: &mut Checker, form: &NeedForm, now_ms: i64) -> Option<NeedText> {
        let title = check.text("title", &form.title, true, TITLE_MAX);
        let problem = check.text("problem", &form.problem, true, TEXT_MAX);
        let effect = check.text("effect", &form.effect, true, TEXT_MAX);
        let affected = check.text("affected", &form.affected, true, TEXT_MAX);
        let staircase = Staircase::parse(&form.staircase);
        if staircase.is_none() {
            check.refuse("staircase", FieldProblem::InvalidChoice);
        }
        let mut codes = Vec::new();
        for division in &form.divisions {
            match cpv::division(division.trim()).and_then(|d| CpvCode::parse(d.code)) {
                Some(code) => codes.push(code),
                None => check.refuse("divisions", FieldProblem::InvalidChoice),
            }
        }
        let extra: Vec<&str> = form
            .cpv_codes
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|c| !c.is_empty())
            .collect();
        // Here a code is written in full: two digits are no code.
        let full: Result<Vec<CpvCode>, FieldProblem> = extra
            .iter()
            .map(|code| CpvCode::parse_written(code))
            .collect();
        match full {
            _ if extra.len() > EXTRA_CPV_MAX => check.refuse(
                "cpv_codes",
                FieldProblem::TooLong {
                    max: EXTRA_CPV_MAX as u32,
                },
            ),
            Err(problem) => check.refuse("cpv_codes", problem),
            Ok(full) => codes.extend(full),
        }
        codes.sort();
        codes.dedup();
        if codes.is_empty() && extra.is_empty() {
            check.refuse("divisions", FieldProblem::Required);
        }
        let regions: Option<Vec<LanCode>> =
            form.regions.iter().map(|l| LanCode::parse(l)).collect();
        let regions = match regions {
            _ if form.regions.is_empty() => {
                check.refuse("regions", FieldProblem::Required);
                None
            }
            None => {
                check.refuse("regions", FieldProblem::InvalidChoice);
                None
            }
            Some(mut regions) => {
                regions.sort();
                regions.dedup();
                Some(regions)
            }
        };
        let horizon = coming_quarter(check, "horizon", &form.horizon, now_ms);
        Some(NeedText {
            title,
            problem,
            effect,
            affected,
            staircase: staircase?,
            horizon: horizon?,
            cpv: codes,
            regions: regions?,
        })
    }

    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn problem(&self) -> &str {
        &self.problem
    }
    pub fn effect(&self) -> &str {
        &self.effect
    }
    pub fn affected(&self) -> &str {
        &self.affected
    }
    pub fn staircase(&self) -> Staircase {
        self.staircase
    }
    pub fn horizon(&self) -> Quarter {
        self.horizon
    }
    /// In code order, each once.
    pub fn cpv(&self) -> &[CpvCode] {
        &self.cpv
    }
    /// In code order, each once.
    pub fn regions(&self) -> &[LanCode] {
        &self.regions
    }
}

/// A quarter not before the one `now_ms` falls in, or the field refused.
#[cfg(feature = "ssr")]
pub(in crate::needs) fn coming_quarter(
    check: &mut Checker,
    field: &str,
    value: &str,
    now_ms: i64,
) -> Option<Quarter> {
    match Quarter::parse(value) {
        Some(q) if q < Quarter::of_ms(now_ms) => {
            check.refuse(field, FieldProblem::InThePast);
            None
        }
        Some(q) => Some(q),
        None => {
            check.refuse(field, FieldProblem::InvalidChoice);
            None
        }
    }
}

/// A new need, checked: who posts it, whether it is shared at once,
/// and its text.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct NewNeed {
    owner: Actor,
    status: NeedStatus,
    text: NeedText,
}

#[cfg(feature = "ssr")]
impl NewNeed {
    /// `owner` is who posts for the chosen organisation, if the person
    /// may post for it. A status other than the form's two buttons is
    /// no form of ours (BadRequest).
    pub fn parse(
        form: &NewNeedForm,
        owner: Option<Actor>,
        now_ms: i64,
    ) -> Result<NewNeed, AppError> {
        let status = match form.status.as_str() {
            "draft" => NeedStatus::Draft,
            "shared" => NeedStatus::Shared,
            _ => return Err(AppError::BadRequest),
        };
        let mut check = Checker::new();
        if owner.is_none() {
            check.refuse("organisation", FieldProblem::InvalidChoice);
        }
        let text = NeedText::check(&mut check, &form.need, now_ms);
        check.finish_form(form)?;
        match (owner, text) {
            (Some(owner), Some(text)) => Ok(NewNeed {
                owner,
                status,
                text,
            }),
            _ => Err(AppError::BadRequest),
        }
    }

    pub fn owner(&self) -> Actor {
        self.owner
    }
    pub fn status(&self) -> NeedStatus {
        self.status
    }
    pub fn text(&self) -> &NeedText {
        &self.text
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::core::ids::{AccountId, OrganisationId};

    /// 2026-11-18: the form offers 2026-4 on.
    const NOW: i64 = 1_795_000_000_000;

    fn need_form() -> NeedForm {
        NeedForm {
            title: " Elbussar ".into(),
            problem: "Bussarna går på diesel.".into(),
            effect: "Fossilfria bussar.".into(),
            affected: "Resenärer.".into(),
            staircase: "introducera".into(),
            divisions: vec!["60".into(), "34".into(), "34".into()],
            cpv_codes: "34144900-7, 34144900-7".into(),
            regions: vec!["12".into(), "01".into()],
            horizon: "2027-1".into(),
        }
    }

    fn refused(err: &AppError, field: &str) -> Option<FieldProblem> {
        err.field_problem(field)
    }

    #[test]
    fn a_valid_need_text_is_trimmed_sorted_and_deduplicated() {
        let text = NeedText::parse(&need_form(), NOW).unwrap();
        assert_eq!(text.title(), "Elbussar");
        let codes: Vec<&str> = text.cpv().iter().map(|c| c.as_str()).collect();
        assert_eq!(codes, ["34000000-7", "34144900-7", "60000000-8"]);
        let lans: Vec<&str> = text.regions().iter().map(|l| l.as_str()).collect();
        assert_eq!(lans, ["01", "12"]);
        assert_eq!(text.horizon(), Quarter::parse("2027-1").unwrap());
    }

    #[test]
    fn a_need_text_names_every_refused_field_and_echoes_the_form() {
        let form = NeedForm {
            title: " ".into(),
            staircase: "trappa".into(),
            divisions: vec!["46".into()],
            cpv_codes: "34".into(),
            regions: vec!["99".into()],
            horizon: "2001-1".into(),
            ..need_form()
        };
        let err = NeedText::parse(&form, NOW).unwrap_err();
        assert_eq!(refused(&err, "title"), Some(FieldProblem::Required));
        assert_eq!(
            refused(&err, "staircase"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(
            refused(&err, "divisions"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(
            refused(&err, "cpv_codes"),
            Some(FieldProblem::CpvIncomplete)
        );
        assert_eq!(refused(&err, "regions"), Some(FieldProblem::InvalidChoice));
        assert_eq!(refused(&err, "horizon"), Some(FieldProblem::InThePast));
        assert_eq!(err.sent_values("regions"), ["99"]);
        assert_eq!(err.sent_value("cpv_codes"), Some("34"));

        let empty = NeedForm {
            divisions: vec![],
            cpv_codes: String::new(),
            regions: vec![],
            horizon: "2030-5".into(),
            ..need_form()
        };
        let err = NeedText::parse(&empty, NOW).unwrap_err();
        assert_eq!(refused(&err, "divisions"), Some(FieldProblem::Required));
        assert_eq!(refused(&err, "regions"), Some(FieldProblem::Required));
        assert_eq!(refused(&err, "horizon"), Some(FieldProblem::InvalidChoice));
        let many = NeedForm {
            cpv_codes: "34144900-7 ".repeat(21),
            ..need_form()
        };
        assert_eq!(
            refused(&NeedText::parse(&many, NOW).unwrap_err(), "cpv_codes"),
            Some(FieldProblem::TooLong { max: 20 })
        );
    }

    fn actor() -> Actor {
        Actor {
            account_id: AccountId(1),
            organisation_id: OrganisationId(2),
        }
    }

    #[test]
    fn a_new_need_needs_an_organisation_that_posts_and_one_of_two_statuses() {
        let form = NewNeedForm {
            organisation: "org".into(),
            status: "draft".into(),
            need: need_form(),
        };
        let new = NewNeed::parse(&form, Some(actor()), NOW).unwrap();
        assert_eq!((new.status(), new.owner()), (NeedStatus::Draft, actor()));
        let err = NewNeed::parse(&form, None, NOW).unwrap_err();
        assert_eq!(
            refused(&err, "organisation"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(err.sent_value("organisation"), Some("org"));
        assert_eq!(err.sent_value("title"), Some(" Elbussar "));
        let fulfilled = NewNeedForm {
            status: "fulfilled".into(),
            ..form
        };
        assert_eq!(
            NewNeed::parse(&fulfilled, Some(actor()), NOW).unwrap_err(),
            AppError::BadRequest
        );
    }
}
