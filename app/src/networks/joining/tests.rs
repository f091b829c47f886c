//! The joining forms' parsing: which field each refusal names, what is
//! echoed, and what a valid form becomes.

use super::*;

#[test]
fn a_join_request_needs_a_motivation_and_echoes_what_was_sent() {
    let form = |motivation: &str| JoinRequestForm {
        organisation: "org".into(),
        motivation: motivation.into(),
    };
    let ok = NewJoinRequest::parse(&form("  Vi har samma behov. ")).unwrap();
    assert_eq!(ok.motivation(), "Vi har samma behov.");
    let bare = NewJoinRequest::parse(&form(" ")).unwrap_err();
    assert_eq!(
        bare.field_problem("motivation"),
        Some(FieldProblem::Required)
    );
    assert_eq!(bare.sent_value("organisation"), Some("org"));
    let long = NewJoinRequest::parse(&form(&"x".repeat(REASON_MAX + 1))).unwrap_err();
    assert_eq!(
        long.field_problem("motivation"),
        Some(FieldProblem::TooLong {
            max: REASON_MAX as u32
        })
    );
}

#[test]
fn a_refusal_needs_a_reason_and_an_unknown_decision_is_a_bad_request() {
    let form = |decision: &str, reason: &str| DecisionForm {
        organisation: " org ".into(),
        decision: decision.into(),
        reason: reason.into(),
    };
    let approved = Decision::parse(&form("approve", "")).unwrap();
    assert!(approved.approve() && approved.reason().is_empty());
    assert_eq!(approved.organisation(), "org");
    assert_eq!(
        (approved.status(), approved.action()),
        ("active", "join_approved")
    );
    let refused = Decision::parse(&form("refuse", " Fel län ")).unwrap();
    assert!(!refused.approve());
    assert_eq!(refused.reason(), "Fel län");
    assert_eq!(
        (refused.status(), refused.action()),
        ("refused", "join_refused")
    );
    let bare = Decision::parse(&form("refuse", " ")).unwrap_err();
    assert_eq!(bare.field_problem("reason"), Some(FieldProblem::Required));
    assert_eq!(bare.sent_value("decision"), Some("refuse"));
    assert_eq!(
        Decision::parse(&form("kanske", "")),
        Err(AppError::BadRequest)
    );
}

#[cfg(feature = "ssr")]
mod invitations {
    use super::*;
    use crate::{core::ids::OrganisationId, organisations::OrganisationRef};

    fn form(number: &str, role: &str) -> InvitationForm {
        InvitationForm {
            org_number: number.into(),
            role: role.into(),
        }
    }

    /// The error of a refused invitation (which has no `Debug` to unwrap).
    fn refused(parsed: Result<NewInvitation, AppError>) -> AppError {
        match parsed {
            Ok(_) => panic!("the invitation was accepted"),
            Err(err) => err,
        }
    }

    fn found(verified: bool) -> Option<OrganisationRef> {
        Some(OrganisationRef {
            id: OrganisationId(3),
            public_id: "lund".into(),
            name: "Lunds kommun".into(),
            verified,
        })
    }

    #[test]
    fn an_invitation_offers_a_verified_organisation_member_or_observer() {
        let sent = form("2120001355", "observer");
        assert_eq!(
            sent.number().map(|n| n.as_str().to_string()).as_deref(),
            Some("212000-1355")
        );
        let Ok(ok) = NewInvitation::parse(&sent, found(true)) else {
            panic!("a valid invitation was refused");
        };
        assert_eq!(ok.organisation().id, OrganisationId(3));
        assert_eq!(ok.role(), NetworkRole::Observer);
        let coordinator = NewInvitation::parse(&form("212000-1355", "coordinator"), found(true));
        assert_eq!(
            refused(coordinator).field_problem("role"),
            Some(FieldProblem::InvalidChoice)
        );
    }

    #[test]
    fn an_invitation_names_a_wrong_unknown_or_unverified_number() {
        let typo = refused(NewInvitation::parse(&form("212000-1356", "member"), None));
        assert_eq!(
            typo.field_problem("org_number"),
            Some(FieldProblem::OrgNumberCheckDigit)
        );
        assert_eq!(typo.sent_value("org_number"), Some("212000-1356"));
        let unknown = refused(NewInvitation::parse(&form("212000-1355", "chef"), None));
        assert_eq!(
            unknown.field_problem("org_number"),
            Some(FieldProblem::UnknownOrganisation)
        );
        assert_eq!(
            unknown.field_problem("role"),
            Some(FieldProblem::InvalidChoice)
        );
        let unverified = NewInvitation::parse(&form("212000-1355", "member"), found(false));
        assert_eq!(
            refused(unverified).field_problem("org_number"),
            Some(FieldProblem::OrganisationNotVerified)
        );
    }
}

#[test]
fn an_answer_accepts_or_declines_and_nothing_else() {
    let form = |answer: &str| AnswerForm {
        organisation: " org".into(),
        answer: answer.into(),
    };
    let yes = Answer::parse(&form("accept")).unwrap();
    assert!(yes.accept());
    assert_eq!(yes.action(), "invitation_accepted");
    assert_eq!(yes.organisation(), "org");
    let no = Answer::parse(&form("decline")).unwrap();
    assert!(!no.accept());
    assert_eq!(no.action(), "invitation_declined");
    assert_eq!(Answer::parse(&form("kanske")), Err(AppError::BadRequest));
}

#[test]
fn a_role_change_names_an_unknown_role() {
    let form = |role: &str| RoleChangeForm {
        organisation: "org ".into(),
        role: role.into(),
    };
    let promoted = RoleChange::parse(&form("coordinator")).unwrap();
    assert_eq!(promoted.role(), NetworkRole::Coordinator);
    assert_eq!(promoted.organisation(), "org");
    let bogus = RoleChange::parse(&form("chef")).unwrap_err();
    assert_eq!(
        bogus.field_problem("role"),
        Some(FieldProblem::InvalidChoice)
    );
    assert_eq!(bogus.sent_value("role"), Some("chef"));
}
