//! A need's lifecycle as its forms send it: a move along one arrow, and a
//! merge into another need; each parsed into a checked step. Here too is
//! how the lifecycle's entries in the network's log read (the store
//! records them: `need_shared`, `need_status`, `need_merged`).

use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {
    super::{Need, NeedKey, NeedStatus},
    crate::{
        error::{AppError, Checker, FieldProblem},
        networks::REASON_MAX,
    },
};

// The subject is the need's title.
#[cfg(feature = "ssr")]
crate::audit_text!("need_shared", |subject, lang| {
    super::text::text(lang)
        .audit_shared
        .replace("{title}", &super::text::quoted(subject, lang))
});

// The subject is "title: shared → in_dialogue" (the statuses' codes).
#[cfg(feature = "ssr")]
crate::audit_text!("need_status", |subject, lang| {
    use super::text::{quoted, status_label, text};
    let label = |code: &str| match NeedStatus::parse(code) {
        Some(status) => status_label(status, lang).to_string(),
        None => code.to_string(),
    };
    let Some((title, step)) = subject.rsplit_once(": ") else {
        return subject.to_string();
    };
    let (from, to) = step.split_once(" → ").unwrap_or((step, ""));
    text(lang)
        .audit_status
        .replace("{title}", &quoted(title, lang))
        .replace("{from}", &label(from))
        .replace("{to}", &label(to))
});

// The subject is "merged title → target title".
#[cfg(feature = "ssr")]
crate::audit_text!("need_merged", |subject, lang| {
    use super::text::{quoted, text};
    let (from, into) = subject.split_once(" → ").unwrap_or((subject, ""));
    text(lang)
        .audit_merged
        .replace("{from}", &quoted(from, lang))
        .replace("{into}", &quoted(into, lang))
});

/// What the status form sends: the next step and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitionForm {
    pub status: String,
    pub reason: String,
}

/// What the merge form sends: the need to merge into (its public id) and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeForm {
    pub into: String,
    pub reason: String,
}

/// One arrow of the need's lifecycle, with its reason.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    from: NeedStatus,
    to: NeedStatus,
    reason: String,
}

#[cfg(feature = "ssr")]
impl Transition {
    pub fn parse(form: &TransitionForm, from: NeedStatus) -> Result<Transition, AppError> {
        let mut check = Checker::new();
        let to = NeedStatus::parse(&form.status).filter(|to| from.can_become(*to));
        if to.is_none() {
            check.refuse("status", FieldProblem::InvalidChoice);
        }
        let reason = check.text("reason", &form.reason, true, REASON_MAX);
        check.finish_form(form)?;
        let to = to.ok_or(AppError::BadRequest)?;
        Ok(Transition { from, to, reason })
    }

    pub fn from(&self) -> NeedStatus {
        self.from
    }
    pub fn to(&self) -> NeedStatus {
        self.to
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A merge of one need into another open need of its network.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    target: NeedKey,
    target_public_id: String,
    target_title: String,
    reason: String,
}

#[cfg(feature = "ssr")]
impl Merge {
    /// `target` is the need the form names, if there is one.
    pub fn parse(
        form: &MergeForm,
        from: NeedKey,
        target: Option<(NeedKey, Need)>,
    ) -> Result<Merge, AppError> {
        let mut check = Checker::new();
        let target = target.filter(|(key, need)| {
            key.network_id == from.network_id && key.id != from.id && need.status.is_open()
        });
        if target.is_none() {
            check.refuse("into", FieldProblem::InvalidChoice);
        }
        let reason = check.text("reason", &form.reason, true, REASON_MAX);
        check.finish_form(form)?;
        let (target, need) = target.ok_or(AppError::BadRequest)?;
        Ok(Merge {
            target,
            target_public_id: need.public_id,
            target_title: need.title,
            reason,
        })
    }

    pub fn target(&self) -> NeedKey {
        self.target
    }
    pub fn target_public_id(&self) -> &str {
        &self.target_public_id
    }
    pub fn target_title(&self) -> &str {
        &self.target_title
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::{
        core::ids::{NeedId, NetworkId, OrganisationId},
        needs::Quarter,
    };

    fn refused(err: &AppError, field: &str) -> Option<FieldProblem> {
        err.field_problem(field)
    }

    #[test]
    fn the_lifecycles_log_entries_read_as_words() {
        use crate::{core::audit::describe, i18n::Lang};
        assert_eq!(
            describe("need_shared", "Elbussar", Lang::Sv),
            "Delade behovet ”Elbussar”"
        );
        assert_eq!(
            describe("need_status", "Elbussar: shared → in_dialogue", Lang::Sv),
            "Ändrade status för behovet ”Elbussar” från Delat till I dialog"
        );
        assert_eq!(
            describe("need_status", "Tid: 12: shared → withdrawn", Lang::En),
            "Changed the status of the need “Tid: 12” from Shared to Withdrawn"
        );
        assert_eq!(
            describe("need_merged", "Eldrivna bussar → Elbussar", Lang::Sv),
            "Slog ihop behovet ”Eldrivna bussar” med behovet ”Elbussar”"
        );
    }

    #[test]
    fn a_transition_follows_an_arrow_and_gives_a_reason() {
        let form = |status: &str, reason: &str| TransitionForm {
            status: status.into(),
            reason: reason.into(),
        };
        let moved =
            Transition::parse(&form("withdrawn", " Dubblett "), NeedStatus::Shared).unwrap();
        assert_eq!(
            (moved.to(), moved.reason()),
            (NeedStatus::Withdrawn, "Dubblett")
        );
        for status in ["fulfilled", "archived"] {
            let err = Transition::parse(&form(status, "x"), NeedStatus::Shared).unwrap_err();
            assert_eq!(refused(&err, "status"), Some(FieldProblem::InvalidChoice));
        }
        let err = Transition::parse(&form("in_dialogue", ""), NeedStatus::Shared).unwrap_err();
        assert_eq!(refused(&err, "reason"), Some(FieldProblem::Required));
        assert_eq!(refused(&err, "status"), None);
    }

    fn key(id: i64, network: i64) -> NeedKey {
        NeedKey {
            id: NeedId(id),
            network_id: NetworkId(network),
            owner_organisation_id: OrganisationId(1),
        }
    }

    fn need(status: NeedStatus) -> Need {
        Need {
            public_id: "mal".into(),
            network_public_id: "n".into(),
            network_name: "N".into(),
            owner_public_id: "o".into(),
            owner_name: "O".into(),
            title: "Målet".into(),
            problem: String::new(),
            effect: String::new(),
            affected: String::new(),
            staircase: "infora".into(),
            horizon: Quarter(0),
            status,
            cpv: vec![],
            regions: vec![],
            version: 1,
            merged_into: None,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn a_merge_goes_into_another_open_need_of_the_same_network() {
        let form = MergeForm {
            into: "mal".into(),
            reason: "Samma behov".into(),
        };
        let merge = Merge::parse(
            &form,
            key(1, 7),
            Some((key(2, 7), need(NeedStatus::Shared))),
        )
        .unwrap();
        assert_eq!((merge.target(), merge.target_title()), (key(2, 7), "Målet"));
        for target in [
            None,
            Some((key(1, 7), need(NeedStatus::Shared))),
            Some((key(2, 8), need(NeedStatus::Shared))),
            Some((key(2, 7), need(NeedStatus::Withdrawn))),
        ] {
            let err = Merge::parse(&form, key(1, 7), target).unwrap_err();
            assert_eq!(refused(&err, "into"), Some(FieldProblem::InvalidChoice));
            assert_eq!(err.sent_value("reason"), Some("Samma behov"));
        }
        let blank = MergeForm {
            reason: " ".into(),
            ..form
        };
        let err = Merge::parse(
            &blank,
            key(1, 7),
            Some((key(2, 7), need(NeedStatus::Shared))),
        )
        .unwrap_err();
        assert_eq!(refused(&err, "reason"), Some(FieldProblem::Required));
    }
}
