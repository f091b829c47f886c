//! The one guard: who the person is in one network, which of their
//! organisations act there, and what they may do. Every server function
//! that touches a network's content asks it, and only through `can` or
//! `require`; rights are never recomputed elsewhere.

use super::{
    ids::{AccountId, NetworkId, OrganisationId},
    network::{Access, Action, NetworkRole, NetworkStatus, Refusal, Visibility},
};
use crate::{accounts::SessionUser, db::Db, error::AppError};

/// Who acts, for the audit log: a person for one of their organisations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub account_id: AccountId,
    pub organisation_id: OrganisationId,
}

impl Actor {
    pub fn new(user: &SessionUser, organisation_id: OrganisationId) -> Actor {
        Actor {
            account_id: AccountId(user.account_id),
            organisation_id,
        }
    }
}

/// One of the person's organisations that belongs to the network.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ActingOrganisation {
    pub id: OrganisationId,
    pub public_id: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub role: RoleCode,
}

/// A role as stored; rows with an unknown code cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleCode(pub NetworkRole);

impl TryFrom<String> for RoleCode {
    type Error = String;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        NetworkRole::parse(&code)
            .map(RoleCode)
            .ok_or_else(|| format!("unknown network role {code:?}"))
    }
}

/// What the guard needs to know of a network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkFacts {
    pub id: NetworkId,
    pub public_id: String,
    pub name: String,
    pub status: NetworkStatus,
    pub visibility: Visibility,
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    id: NetworkId,
    public_id: String,
    name: String,
    status: String,
    visibility: String,
}

impl TryFrom<FactsRow> for NetworkFacts {
    type Error = AppError;
    fn try_from(row: FactsRow) -> Result<Self, AppError> {
        Ok(NetworkFacts {
            id: row.id,
            public_id: row.public_id,
            name: row.name,
            status: NetworkStatus::parse(&row.status)
                .ok_or_else(|| AppError::internal("network status"))?,
            visibility: Visibility::parse(&row.visibility)
                .ok_or_else(|| AppError::internal("network visibility"))?,
        })
    }
}

crate::sql!(
    FACTS_BY_PUBLIC_ID =
        "SELECT id, public_id, name, status, visibility FROM networks WHERE public_id = $1"
);
crate::sql!(
    FACTS_BY_ID = "SELECT id, public_id, name, status, visibility FROM networks WHERE id = $1"
);
crate::sql!(
    /// Only verified organisations take part in networks, and only through
    /// people who belong to them now: leaving, removal or a new role counts
    /// from the next request.
    ORGANISATIONS = "SELECT o.id, o.public_id, o.name, nm.role FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = 'active' AND om.account_id = $2 \
     AND om.status = 'active' AND o.verified_at IS NOT NULL ORDER BY o.name, o.id"
);

#[derive(Clone, Debug)]
pub struct Guard {
    pub user: Option<SessionUser>,
    pub network: NetworkFacts,
    /// The person's organisations in the network, by name.
    organisations: Vec<ActingOrganisation>,
}

impl Guard {
    /// The guard of the network with this public id. Anonymous visitors
    /// are asked to sign in before anything is looked up, so the answer
    /// is the same whether the network exists or not; a signed-in person
    /// who may not know of it gets the same NotFound as for no network.
    pub async fn of_network(
        db: &Db,
        user: Option<&SessionUser>,
        network: &str,
    ) -> Result<Guard, AppError> {
        let user = user.ok_or(AppError::NotSignedIn)?;
        let facts: NetworkFacts = sqlx::query_as::<_, FactsRow>(FACTS_BY_PUBLIC_ID)
            .bind(network.trim())
            .fetch_optional(db.pool())
            .await?
            .ok_or(AppError::NotFound)?
            .try_into()?;
        let guard = Guard::with_facts(db, Some(user), facts).await?;
        guard.require(Action::SeeListing)?;
        Ok(guard)
    }

    /// The guard of the network a need, dialogue or comment lives in.
    pub async fn of_network_id(
        db: &Db,
        user: Option<&SessionUser>,
        network_id: NetworkId,
    ) -> Result<Guard, AppError> {
        let facts: NetworkFacts = sqlx::query_as::<_, FactsRow>(FACTS_BY_ID)
            .bind(network_id)
            .fetch_one(db.pool())
            .await?
            .try_into()?;
        Guard::with_facts(db, user, facts).await
    }

    async fn with_facts(
        db: &Db,
        user: Option<&SessionUser>,
        network: NetworkFacts,
    ) -> Result<Guard, AppError> {
        let organisations = match user {
            Some(user) => {
                sqlx::query_as(ORGANISATIONS)
                    .bind(network.id)
                    .bind(user.account_id)
                    .fetch_all(db.pool())
                    .await?
            }
            None => Vec::new(),
        };
        Ok(Guard {
            user: user.cloned(),
            network,
            organisations,
        })
    }

    /// The best role any of the person's organisations has here, else
    /// what their account is.
    pub fn access(&self) -> Access {
        let best = self.organisations.iter().map(|o| o.role.0).max();
        match (&self.user, best) {
            (None, _) => Access::Anonymous,
            (Some(_), Some(role)) => Access::from_role(role),
            (Some(user), None) if user.site_admin => Access::SiteAdmin,
            (Some(_), None) => Access::SignedIn,
        }
    }

    /// Whether the person may do `action` on something owned by one of
    /// `owners` (empty when nothing is owned).
    pub fn can(&self, action: Action, owners: &[OrganisationId]) -> bool {
        self.check(action, owners).is_ok()
    }

    fn check(&self, action: Action, owners: &[OrganisationId]) -> Result<(), Refusal> {
        self.access().can(
            action,
            self.network.visibility,
            self.network.status,
            self.owner_that_writes(owners).is_some(),
        )
    }

    /// `action`, refused with the error the person should see.
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        self.require_on(action, &[])
    }

    /// `action` on something owned by one of `owners`.
    pub fn require_on(&self, action: Action, owners: &[OrganisationId]) -> Result<(), AppError> {
        self.check(action, owners).map_err(|refusal| match refusal {
            Refusal::Unknown if self.user.is_none() => AppError::NotSignedIn,
            Refusal::Unknown => AppError::NotFound,
            Refusal::NoRight => AppError::Forbidden,
            Refusal::Closed => AppError::NetworkClosed,
            Refusal::Dormant => AppError::NetworkDormant,
        })
    }

    /// Reading one thing in the network: refused exactly as if it did not
    /// exist.
    pub fn require_read(&self) -> Result<(), AppError> {
        match self.check(Action::ReadContent, &[]) {
            Ok(()) => Ok(()),
            Err(_) if self.user.is_none() => Err(AppError::NotSignedIn),
            Err(_) => Err(AppError::NotFound),
        }
    }

    /// Who does `action` on something owned by one of `owners`: the
    /// owner organisation the person writes for, else (where coordinators
    /// may) the coordinating organisation.
    pub fn actor_on(&self, action: Action, owners: &[OrganisationId]) -> Result<Actor, AppError> {
        self.require_on(action, owners)?;
        let organisation = self
            .owner_that_writes(owners)
            .or_else(|| self.coordinating().map(|o| o.id))
            .ok_or(AppError::Forbidden)?;
        self.actor(organisation)
    }

    /// Who does `action` (to post, start, govern or moderate): the chosen
    /// organisation (its public id) if given, else the first that may.
    pub fn actor_for(&self, action: Action, chosen: Option<&str>) -> Result<Actor, AppError> {
        self.require(action)?;
        let may = |o: &&ActingOrganisation| match action {
            Action::Govern | Action::Moderate => o.role.0 == NetworkRole::Coordinator,
            _ => o.role.0.writes(),
        };
        let organisation = match chosen.map(str::trim) {
            Some(public_id) => self
                .organisations
                .iter()
                .filter(may)
                .find(|o| o.public_id == public_id),
            None => self.organisations.iter().find(may),
        }
        .ok_or(AppError::Forbidden)?;
        self.actor(organisation.id)
    }

    fn actor(&self, organisation_id: OrganisationId) -> Result<Actor, AppError> {
        let user = self.user.as_ref().ok_or(AppError::NotSignedIn)?;
        Ok(Actor::new(user, organisation_id))
    }

    fn owner_that_writes(&self, owners: &[OrganisationId]) -> Option<OrganisationId> {
        self.organisations
            .iter()
            .find(|o| o.role.0.writes() && owners.contains(&o.id))
            .map(|o| o.id)
    }

    fn coordinating(&self) -> Option<&ActingOrganisation> {
        self.organisations
            .iter()
            .find(|o| o.role.0 == NetworkRole::Coordinator)
    }

    /// Whether the person belongs to one of `owners` (in any role): the
    /// owner's people read their own drafts.
    pub fn belongs_to_any(&self, owners: &[OrganisationId]) -> bool {
        self.organisations.iter().any(|o| owners.contains(&o.id))
    }

    /// The person's organisations that write here: (public id, name), for
    /// the "post as" choice on a form.
    pub fn writing_organisations(&self) -> Vec<(String, String)> {
        self.organisations
            .iter()
            .filter(|o| o.role.0.writes())
            .map(|o| (o.public_id.clone(), o.name.clone()))
            .collect()
    }

    /// The internal id of one of the person's organisations here.
    pub fn organisation_id(&self, public_id: &str) -> Option<OrganisationId> {
        self.organisations
            .iter()
            .find(|o| o.public_id == public_id.trim())
            .map(|o| o.id)
    }

    pub fn organisations(&self) -> &[ActingOrganisation] {
        &self.organisations
    }
}
