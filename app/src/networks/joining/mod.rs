//! How organisations come into a network and go: an admin asks to join
//! with a motivation and coordinators decide (a refusal with a reason the
//! requester sees); coordinators invite by organisation number and the
//! invited organisation's admin answers; admins take their organisation
//! out; coordinators change roles. A network always keeps a coordinator.

pub mod api;
#[cfg(feature = "ssr")]
mod log;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use super::{NetworkRole, REASON_MAX};
use crate::error::{AppError, Checker, FieldProblem};
use serde::{Deserialize, Serialize};

/// A request waiting for the coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct JoinRequest {
    pub organisation_public_id: String,
    pub name: String,
    pub motivation: String,
}

/// What became of an organisation's own request, for its people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OwnRequest {
    pub organisation: String,
    pub status: String,
    pub reason: String,
}

/// An invitation waiting for an organisation I administer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub network_public_id: String,
    pub network_name: String,
    pub purpose: String,
    pub organisation_public_id: String,
    pub organisation: String,
    pub role: NetworkRole,
}

/// What the request-to-join form sends, as sent.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct JoinRequestForm {
    /// The public id of the organisation that asks.
    pub organisation: String,
    pub motivation: String,
}

/// A request to join as checked: why the organisation wants to be in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewJoinRequest {
    motivation: String,
}

impl NewJoinRequest {
    pub fn parse(form: &JoinRequestForm) -> Result<NewJoinRequest, AppError> {
        let mut check = Checker::new();
        let motivation = check.text("motivation", &form.motivation, true, REASON_MAX);
        check.finish_form(form)?;
        Ok(NewJoinRequest { motivation })
    }

    pub fn motivation(&self) -> &str {
        &self.motivation
    }
}

/// What a coordinator's decision on a request sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DecisionForm {
    pub organisation: String,
    /// "approve" or "refuse".
    pub decision: String,
    #[serde(default)]
    pub reason: String,
}

/// A decision on a waiting request; a refusal always has a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    organisation: String,
    approve: bool,
    reason: String,
}

impl Decision {
    /// A decision that is neither approval nor refusal is no request a
    /// page makes: `BadRequest`, not a field to correct.
    pub fn parse(form: &DecisionForm) -> Result<Decision, AppError> {
        let approve = match form.decision.as_str() {
            "approve" => true,
            "refuse" => false,
            _ => return Err(AppError::BadRequest),
        };
        let mut check = Checker::new();
        let reason = check.text("reason", &form.reason, !approve, REASON_MAX);
        check.finish_form(form)?;
        Ok(Decision {
            organisation: form.organisation.trim().to_string(),
            approve,
            reason,
        })
    }

    /// The requesting organisation's public id.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }
    pub fn approve(&self) -> bool {
        self.approve
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
    /// The membership's state after the decision.
    pub fn status(&self) -> &'static str {
        if self.approve {
            "active"
        } else {
            "refused"
        }
    }
    /// The decision in the audit log.
    pub fn action(&self) -> &'static str {
        if self.approve {
            "join_approved"
        } else {
            "join_refused"
        }
    }
}

/// What the invitation form sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct InvitationForm {
    pub org_number: String,
    pub role: String,
}

impl InvitationForm {
    /// The organisation number, if it is one: what to look up before
    /// [`NewInvitation::parse`].
    pub fn number(&self) -> Option<crate::organisations::OrgNumber> {
        crate::organisations::OrgNumber::parse(&self.org_number).ok()
    }
}

/// An invitation as checked: a verified organisation registered in Samråd
/// and the role it is offered (member or observer, never coordinator).
#[cfg(feature = "ssr")]
pub struct NewInvitation {
    organisation: crate::organisations::OrganisationRef,
    role: NetworkRole,
}

#[cfg(feature = "ssr")]
impl NewInvitation {
    /// `found` is the organisation registered with the form's number
    /// ([`InvitationForm::number`]), if any.
    pub fn parse(
        form: &InvitationForm,
        found: Option<crate::organisations::OrganisationRef>,
    ) -> Result<NewInvitation, AppError> {
        let mut check = Checker::new();
        let number = crate::organisations::OrgNumber::field(&mut check, &form.org_number);
        let role = NetworkRole::parse(&form.role).filter(|r| *r != NetworkRole::Coordinator);
        if role.is_none() {
            check.refuse("role", FieldProblem::InvalidChoice);
        }
        match &found {
            None if number.is_some() => {
                check.refuse("org_number", FieldProblem::UnknownOrganisation)
            }
            Some(organisation) if !organisation.verified => {
                check.refuse("org_number", FieldProblem::OrganisationNotVerified)
            }
            _ => {}
        }
        check.finish_form(form)?;
        match (found, role) {
            (Some(organisation), Some(role)) => Ok(NewInvitation { organisation, role }),
            _ => Err(AppError::BadRequest),
        }
    }

    pub fn organisation(&self) -> &crate::organisations::OrganisationRef {
        &self.organisation
    }
    pub fn role(&self) -> NetworkRole {
        self.role
    }
}

/// What an invited organisation's answer sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AnswerForm {
    pub organisation: String,
    /// "accept" or "decline".
    pub answer: String,
}

/// The answer to an invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    organisation: String,
    accept: bool,
}

impl Answer {
    /// An answer that is neither is no request a page makes: `BadRequest`.
    pub fn parse(form: &AnswerForm) -> Result<Answer, AppError> {
        let accept = match form.answer.as_str() {
            "accept" => true,
            "decline" => false,
            _ => return Err(AppError::BadRequest),
        };
        Ok(Answer {
            organisation: form.organisation.trim().to_string(),
            accept,
        })
    }

    /// The invited organisation's public id.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }
    pub fn accept(&self) -> bool {
        self.accept
    }
    /// The answer in the audit log.
    pub fn action(&self) -> &'static str {
        if self.accept {
            "invitation_accepted"
        } else {
            "invitation_declined"
        }
    }
}

/// What a coordinator's role change sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct RoleChangeForm {
    pub organisation: String,
    pub role: String,
}

/// A member organisation's new role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleChange {
    organisation: String,
    role: NetworkRole,
}

impl RoleChange {
    pub fn parse(form: &RoleChangeForm) -> Result<RoleChange, AppError> {
        let mut check = Checker::new();
        let role = NetworkRole::parse(&form.role);
        if role.is_none() {
            check.refuse("role", FieldProblem::InvalidChoice);
        }
        check.finish_form(form)?;
        Ok(RoleChange {
            organisation: form.organisation.trim().to_string(),
            role: role.ok_or(AppError::BadRequest)?,
        })
    }

    /// The member organisation's public id.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }
    pub fn role(&self) -> NetworkRole {
        self.role
    }
}

#[cfg(test)]
mod tests;
