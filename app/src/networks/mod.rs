//! Beställarnätverk: networks of organisations. This room holds the network
//! itself: creating one, its page, its lifecycle, its members and their
//! calendar-feed secrets. Two sub-rooms hold the rest: `joining`
//! (requests and decisions, invitations and answers, leaving, roles) and
//! `directory` (the directory, "Mina nätverk", finding organisations to
//! invite). Who may do what is the core's guard's to say.

pub mod api;
pub mod directory;
pub mod joining;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use crate::core::{
    network::{Access, Action, NetworkRole, NetworkStatus, Visibility},
    AuditEntry,
};
pub use directory::{
    DirectoryEntry, DirectoryPage, FoundOrganisation, MyNetwork, DIRECTORY_PAGE_SIZE,
};
pub use joining::{Invitation, JoinRequest, OwnRequest};

use crate::error::{AppError, Checker, FieldProblem};
#[cfg(feature = "ssr")]
use crate::{regions::LanCode, staircase::Staircase};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 150;
pub const PURPOSE_MAX: usize = 4000;
pub const REASON_MAX: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinPolicy {
    Request,
    Invitation,
}

impl JoinPolicy {
    pub fn code(self) -> &'static str {
        match self {
            JoinPolicy::Request => "request",
            JoinPolicy::Invitation => "invitation",
        }
    }

    pub fn parse(code: &str) -> Option<JoinPolicy> {
        [JoinPolicy::Request, JoinPolicy::Invitation]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// A network as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub public_id: String,
    pub name: String,
    pub purpose: String,
    pub staircase: String,
    pub visibility: Visibility,
    pub join_policy: JoinPolicy,
    pub status: NetworkStatus,
    pub regions: Vec<String>,
    /// CPV divisions, two digits each.
    pub themes: Vec<String>,
}

impl Network {
    /// Whether organisations may ask to join now.
    pub fn takes_requests(&self) -> bool {
        self.join_policy == JoinPolicy::Request && self.status != NetworkStatus::Closed
    }
}

/// A member organisation and its role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkMember {
    pub organisation_public_id: String,
    pub name: String,
    pub role: NetworkRole,
}

/// What the person may do on the network page, as the guard says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRights {
    pub read: bool,
    /// Post a need or plan a dialogue.
    pub start: bool,
    pub govern: bool,
    pub see_log: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub network: Network,
    pub access: Access,
    pub rights: NetworkRights,
    pub members: Vec<NetworkMember>,
    pub audit: Vec<AuditEntry>,
    /// Waiting requests, for coordinators.
    pub requests: Vec<JoinRequest>,
    /// My organisations' own waiting or refused requests, with the reason.
    pub own_requests: Vec<OwnRequest>,
    /// Organisations I administer that may ask to join: (public id, name).
    pub may_request_for: Vec<(String, String)>,
    /// Organisations I administer that are members and may leave.
    pub may_leave_for: Vec<(String, String)>,
    /// Organisations invited and not yet answered, for coordinators.
    pub invited: Vec<NetworkMember>,
    /// The calendar feed's secret, for those who read the content.
    pub feed_token: Option<String>,
}

/// What the new-network form sends, as sent.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NetworkForm {
    pub name: String,
    pub purpose: String,
    /// The founding organisation's public id.
    pub organisation: String,
    pub staircase: String,
    #[serde(default)]
    pub regions: Vec<String>,
    /// CPV divisions.
    #[serde(default)]
    pub themes: Vec<String>,
    pub visibility: String,
    pub join_policy: String,
}

/// A new network as checked, founded by one of the person's verified
/// organisations.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNetwork {
    name: String,
    purpose: String,
    founder: crate::core::ids::OrganisationId,
    staircase: Staircase,
    visibility: Visibility,
    join_policy: JoinPolicy,
    regions: Vec<LanCode>,
    themes: Vec<&'static str>,
}

#[cfg(feature = "ssr")]
impl NewNetwork {
    /// `founder` is the organisation the form names, when it is a verified
    /// one the person belongs to (the caller looks it up).
    pub fn parse(
        form: &NetworkForm,
        founder: Option<crate::core::ids::OrganisationId>,
    ) -> Result<NewNetwork, AppError> {
        let mut check = Checker::new();
        let name = check.text("name", &form.name, true, NAME_MAX);
        let purpose = check.text("purpose", &form.purpose, true, PURPOSE_MAX);
        if founder.is_none() {
            check.refuse("organisation", FieldProblem::InvalidChoice);
        }
        let staircase = Staircase::parse(&form.staircase);
        if staircase.is_none() {
            check.refuse("staircase", FieldProblem::InvalidChoice);
        }
        let regions = codes(&mut check, "regions", &form.regions, LanCode::parse);
        let themes = codes(&mut check, "themes", &form.themes, |code| {
            crate::cpv::division(code.trim()).map(|d| d.code)
        });
        let visibility = Visibility::parse(&form.visibility);
        if visibility.is_none() {
            check.refuse("visibility", FieldProblem::InvalidChoice);
        }
        let join_policy = JoinPolicy::parse(&form.join_policy);
        if join_policy.is_none() {
            check.refuse("join_policy", FieldProblem::InvalidChoice);
        }
        check.finish_form(form)?;
        let (Some(founder), Some(staircase), Some(visibility), Some(join_policy)) =
            (founder, staircase, visibility, join_policy)
        else {
            return Err(AppError::BadRequest);
        };
        Ok(NewNetwork {
            name,
            purpose,
            founder,
            staircase,
            visibility,
            join_policy,
            regions,
            themes,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn purpose(&self) -> &str {
        &self.purpose
    }
    pub fn founder(&self) -> crate::core::ids::OrganisationId {
        self.founder
    }
    pub fn staircase(&self) -> Staircase {
        self.staircase
    }
    pub fn visibility(&self) -> Visibility {
        self.visibility
    }
    pub fn join_policy(&self) -> JoinPolicy {
        self.join_policy
    }
    pub fn regions(&self) -> &[LanCode] {
        &self.regions
    }
    /// CPV divisions, two digits each.
    pub fn themes(&self) -> &[&'static str] {
        &self.themes
    }
}

/// A repeated field of codes: at least one, each known, each once and in
/// order.
#[cfg(feature = "ssr")]
fn codes<T: Ord>(
    check: &mut Checker,
    field: &str,
    sent: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    if sent.is_empty() {
        check.refuse(field, FieldProblem::Required);
        return Vec::new();
    }
    match sent
        .iter()
        .map(|code| parse(code))
        .collect::<Option<Vec<T>>>()
    {
        Some(mut codes) => {
            codes.sort();
            codes.dedup();
            codes
        }
        None => {
            check.refuse(field, FieldProblem::InvalidChoice);
            Vec::new()
        }
    }
}

/// What the network's status form sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NetworkStatusForm {
    pub status: String,
    pub reason: String,
}

/// One arrow of the lifecycle, with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusStep {
    from: NetworkStatus,
    to: NetworkStatus,
    reason: String,
}

impl StatusStep {
    /// The step the form asks for from `current`: only an arrow of the
    /// lifecycle, and never without a reason.
    pub fn parse(form: &NetworkStatusForm, current: NetworkStatus) -> Result<StatusStep, AppError> {
        let mut check = Checker::new();
        let to = NetworkStatus::parse(&form.status).filter(|next| current.can_become(*next));
        if to.is_none() {
            check.refuse("status", FieldProblem::InvalidChoice);
        }
        let reason = check.text("reason", &form.reason, true, REASON_MAX);
        check.finish_form(form)?;
        Ok(StatusStep {
            from: current,
            to: to.ok_or(AppError::BadRequest)?,
            reason,
        })
    }

    pub fn was(&self) -> NetworkStatus {
        self.from
    }
    pub fn becomes(&self) -> NetworkStatus {
        self.to
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// The network a calendar-feed secret opens, while the organisation it
/// was made for is an active, verified member: (id, name).
#[cfg(feature = "ssr")]
pub async fn feed_network(
    db: &crate::db::Db,
    token: &str,
) -> Result<Option<(crate::core::ids::NetworkId, String)>, AppError> {
    store::by_feed_token(db, token).await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::core::ids::OrganisationId;

    fn form() -> NetworkForm {
        NetworkForm {
            name: "  Fossilfria transporter ".into(),
            purpose: "Fossilfria transporter i kommunerna.".into(),
            organisation: "org".into(),
            staircase: "introducera".into(),
            regions: vec!["03".into(), "01".into(), " 03".into()],
            themes: vec!["60".into(), "34".into()],
            visibility: "listed".into(),
            join_policy: "request".into(),
        }
    }

    #[test]
    fn a_valid_network_form_is_accepted_with_its_codes_once_and_in_order() {
        let new = NewNetwork::parse(&form(), Some(OrganisationId(7))).unwrap();
        assert_eq!(new.name(), "Fossilfria transporter");
        assert_eq!(new.founder(), OrganisationId(7));
        assert_eq!(new.staircase(), Staircase::Introducera);
        assert_eq!(new.visibility(), Visibility::Listed);
        assert_eq!(new.join_policy(), JoinPolicy::Request);
        let regions: Vec<&str> = new.regions().iter().map(|l| l.as_str()).collect();
        assert_eq!(regions, ["01", "03"]);
        assert_eq!(new.themes(), ["34", "60"]);
    }

    #[test]
    fn a_network_form_names_every_refused_field_and_echoes_what_was_sent() {
        let sent = NetworkForm {
            name: " ".into(),
            staircase: "trappa".into(),
            regions: Vec::new(),
            themes: vec!["46".into()],
            visibility: "secret".into(),
            join_policy: "anyone".into(),
            ..form()
        };
        let err = NewNetwork::parse(&sent, None).unwrap_err();
        for (field, problem) in [
            ("name", FieldProblem::Required),
            ("organisation", FieldProblem::InvalidChoice),
            ("staircase", FieldProblem::InvalidChoice),
            ("regions", FieldProblem::Required),
            ("themes", FieldProblem::InvalidChoice),
            ("visibility", FieldProblem::InvalidChoice),
            ("join_policy", FieldProblem::InvalidChoice),
        ] {
            assert_eq!(err.field_problem(field), Some(problem), "{field}");
        }
        assert_eq!(err.field_problem("purpose"), None);
        assert_eq!(
            err.sent_value("purpose"),
            Some("Fossilfria transporter i kommunerna.")
        );
        assert_eq!(err.sent_values("themes"), ["46"]);
        let unknown_lan = NetworkForm {
            regions: vec!["01".into(), "99".into()],
            ..form()
        };
        let err = NewNetwork::parse(&unknown_lan, Some(OrganisationId(7))).unwrap_err();
        assert_eq!(
            err.field_problem("regions"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(err.sent_values("regions"), ["01", "99"]);
    }

    #[test]
    fn a_status_step_is_an_arrow_of_the_lifecycle_with_a_reason() {
        let step = |status: &str, reason: &str, current| {
            StatusStep::parse(
                &NetworkStatusForm {
                    status: status.into(),
                    reason: reason.into(),
                },
                current,
            )
        };
        let ok = step("active", " Startmöte ", NetworkStatus::Forming).unwrap();
        assert_eq!(
            (ok.was(), ok.becomes()),
            (NetworkStatus::Forming, NetworkStatus::Active)
        );
        assert_eq!(ok.reason(), "Startmöte");
        let skip = step("closed", "Direkt", NetworkStatus::Forming).unwrap_err();
        assert_eq!(
            skip.field_problem("status"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(skip.sent_value("reason"), Some("Direkt"));
        let bare = step("dormant", " ", NetworkStatus::Active).unwrap_err();
        assert_eq!(bare.field_problem("reason"), Some(FieldProblem::Required));
        assert_eq!(bare.field_problem("status"), None);
    }
}
