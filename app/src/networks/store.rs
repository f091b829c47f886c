//! The network itself: creating it, reading it, its members, its
//! lifecycle and its calendar-feed secrets; and the person's
//! organisations that may found, join or leave one.

use super::{
    JoinPolicy, Network, NetworkMember, NetworkRole, NetworkStatus, NewNetwork, StatusStep,
    Visibility,
};
use crate::{
    core::ids::{name_key, public_id},
    core::{
        audit::{self, Entry},
        guard::RoleCode,
        ids::{AccountId, NetworkId, OrganisationId},
        Actor,
    },
    db::{conflict_if_taken, Db},
    error::AppError,
};

crate::sql!(
    INSERT_NETWORK = "INSERT INTO networks \
     (public_id, name, name_key, purpose, staircase, visibility, join_policy, status, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'forming', $8) RETURNING id"
);
crate::sql!(INSERT_REGION = "INSERT INTO network_regions (network_id, lan_code) VALUES ($1, $2)");
crate::sql!(INSERT_THEME = "INSERT INTO network_themes (network_id, division) VALUES ($1, $2)");
crate::sql!(
    INSERT_MEMBER =
        "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
     VALUES ($1, $2, $3, 'active', $4)"
);

/// Creates a network with the founding organisation as its coordinator;
/// `Conflict` when the name is taken.
#[tracing::instrument(skip_all)]
pub async fn create(db: &Db, new: &NewNetwork, actor: Actor) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let public_id = public_id();
    let id: NetworkId = sqlx::query_scalar(INSERT_NETWORK)
        .bind(&public_id)
        .bind(new.name())
        .bind(name_key(new.name()))
        .bind(new.purpose())
        .bind(new.staircase().code())
        .bind(new.visibility().code())
        .bind(new.join_policy().code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_if_taken)?;
    for lan in new.regions() {
        sqlx::query(INSERT_REGION)
            .bind(id)
            .bind(lan.as_str())
            .execute(&mut *tx)
            .await?;
    }
    for division in new.themes() {
        sqlx::query(INSERT_THEME)
            .bind(id)
            .bind(*division)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(INSERT_MEMBER)
        .bind(id)
        .bind(actor.organisation_id)
        .bind(NetworkRole::Coordinator.code())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::network(id, "created", new.name(), ""),
    )
    .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Network(id)).await?;
    tx.commit().await?;
    Ok(public_id)
}

crate::audit_text!("created", |subject, lang| {
    super::text::text(lang)
        .log_created
        .replace("{name}", subject)
});

crate::sql!(
    FIND = "SELECT public_id, name, purpose, staircase, visibility, join_policy, status \
     FROM networks WHERE id = $1"
);
crate::sql!(
    REGIONS = "SELECT lan_code FROM network_regions WHERE network_id = $1 ORDER BY lan_code"
);
crate::sql!(THEMES = "SELECT division FROM network_themes WHERE network_id = $1 ORDER BY division");

#[derive(sqlx::FromRow)]
struct NetworkRow {
    public_id: String,
    name: String,
    purpose: String,
    staircase: String,
    visibility: String,
    join_policy: String,
    status: String,
}

impl NetworkRow {
    fn network(self, regions: Vec<String>, themes: Vec<String>) -> Result<Network, AppError> {
        Ok(Network {
            public_id: self.public_id,
            name: self.name,
            purpose: self.purpose,
            staircase: self.staircase,
            visibility: Visibility::parse(&self.visibility)
                .ok_or_else(|| AppError::internal("visibility"))?,
            join_policy: JoinPolicy::parse(&self.join_policy)
                .ok_or_else(|| AppError::internal("join policy"))?,
            status: NetworkStatus::parse(&self.status)
                .ok_or_else(|| AppError::internal("status"))?,
            regions,
            themes,
        })
    }
}

/// The network with its län and themes.
#[tracing::instrument(skip_all)]
pub async fn network(db: &Db, network_id: NetworkId) -> Result<Network, AppError> {
    let row: NetworkRow = sqlx::query_as(FIND)
        .bind(network_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(AppError::NotFound)?;
    let regions = sqlx::query_scalar(REGIONS)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    let themes = sqlx::query_scalar(THEMES)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    row.network(regions, themes)
}

crate::sql!(
    MEMBERS = "SELECT o.public_id, o.name, nm.role FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = $2 ORDER BY o.name"
);

#[derive(sqlx::FromRow)]
struct MemberRow {
    public_id: String,
    name: String,
    #[sqlx(try_from = "String")]
    role: RoleCode,
}

/// The active member organisations.
#[tracing::instrument(skip_all)]
pub async fn members(db: &Db, network_id: NetworkId) -> Result<Vec<NetworkMember>, AppError> {
    members_in(db, network_id, "active").await
}

/// Organisations invited that have not answered yet, with the role offered.
#[tracing::instrument(skip_all)]
pub async fn invited(db: &Db, network_id: NetworkId) -> Result<Vec<NetworkMember>, AppError> {
    members_in(db, network_id, "invited").await
}

async fn members_in(
    db: &Db,
    network_id: NetworkId,
    status: &str,
) -> Result<Vec<NetworkMember>, AppError> {
    let rows: Vec<MemberRow> = sqlx::query_as(MEMBERS)
        .bind(network_id)
        .bind(status)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| NetworkMember {
            organisation_public_id: row.public_id,
            name: row.name,
            role: row.role.0,
        })
        .collect())
}

crate::sql!(SET_STATUS = "UPDATE networks SET status = $1 WHERE id = $2 AND status = $3");

/// Moves the network along one arrow of its lifecycle, with the reason in
/// the audit log; `Conflict` when someone moved it first.
#[tracing::instrument(skip_all)]
pub async fn transition(
    db: &Db,
    network_id: NetworkId,
    step: &StatusStep,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(SET_STATUS)
        .bind(step.becomes().code())
        .bind(network_id)
        .bind(step.was().code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let change = format!("{} → {}", step.was().code(), step.becomes().code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "status_changed", &change, step.reason()),
    )
    .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Network(network_id)).await?;
    tx.commit().await?;
    Ok(())
}

// "active → dormant" in the reader's words.
crate::audit_text!("status_changed", |subject, lang| {
    let label = |code: &str| {
        NetworkStatus::parse(code.trim())
            .map(|status| super::text::status_label(status, lang).to_string())
            .unwrap_or_else(|| code.trim().to_string())
    };
    let (from, to) = subject.split_once(" → ").unwrap_or(("", subject));
    super::text::text(lang)
        .log_status
        .replace("{from}", &label(from))
        .replace("{to}", &label(to))
});

crate::sql!(
    ACTOR_ORG = "SELECT o.id FROM organisations o \
     JOIN organisation_members m ON m.organisation_id = o.id \
     WHERE o.public_id = $1 AND m.account_id = $2 AND m.status = 'active' \
     AND o.verified_at IS NOT NULL"
);

/// A verified organisation the person actively belongs to, or `None`.
#[tracing::instrument(skip_all)]
pub async fn verified_organisation_of(
    db: &Db,
    organisation_public_id: &str,
    account_id: AccountId,
) -> Result<Option<OrganisationId>, AppError> {
    Ok(sqlx::query_scalar(ACTOR_ORG)
        .bind(organisation_public_id)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(
    ADMIN_ORGS = "SELECT o.id, o.public_id, o.name, o.verified_at FROM organisations o \
     JOIN organisation_members m ON m.organisation_id = o.id \
     WHERE m.account_id = $1 AND m.role = 'admin' AND m.status = 'active' ORDER BY o.name"
);

/// An organisation the person administers.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Administered {
    pub id: OrganisationId,
    pub public_id: String,
    pub name: String,
    pub verified_at: Option<i64>,
}

impl Administered {
    pub fn verified(&self) -> bool {
        self.verified_at.is_some()
    }
}

/// The organisations a person administers.
#[tracing::instrument(skip_all)]
pub async fn administered_organisations(
    db: &Db,
    account_id: AccountId,
) -> Result<Vec<Administered>, AppError> {
    Ok(sqlx::query_as(ADMIN_ORGS)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    /// A feed works only while its organisation is an active, verified
    /// member: leaving the network revokes it.
    BY_FEED_TOKEN = "SELECT n.id, n.name FROM network_feeds f \
     JOIN networks n ON n.id = f.network_id \
     JOIN network_members nm ON nm.network_id = f.network_id \
     AND nm.organisation_id = f.organisation_id AND nm.status = 'active' \
     JOIN organisations o ON o.id = f.organisation_id AND o.verified_at IS NOT NULL \
     WHERE f.token = $1"
);

#[derive(sqlx::FromRow)]
struct FeedRow {
    id: NetworkId,
    name: String,
}

/// The network with this calendar-feed secret: (id, name).
#[tracing::instrument(skip_all)]
pub async fn by_feed_token(db: &Db, token: &str) -> Result<Option<(NetworkId, String)>, AppError> {
    if token.len() < 32 {
        return Ok(None);
    }
    let row: Option<FeedRow> = sqlx::query_as(BY_FEED_TOKEN)
        .bind(token)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|row| (row.id, row.name)))
}

crate::sql!(
    NEW_FEED = "INSERT INTO network_feeds (network_id, organisation_id, token, created_at) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (network_id, organisation_id) DO NOTHING"
);
crate::sql!(
    FEED = "SELECT token FROM network_feeds WHERE network_id = $1 AND organisation_id = $2"
);

/// An organisation's calendar-feed secret for the network, made the first
/// time it is asked for.
#[tracing::instrument(skip_all)]
pub async fn feed_token(
    db: &Db,
    network_id: NetworkId,
    organisation_id: OrganisationId,
) -> Result<String, AppError> {
    sqlx::query(NEW_FEED)
        .bind(network_id)
        .bind(organisation_id)
        .bind(crate::core::ids::secret_token())
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(sqlx::query_scalar(FEED)
        .bind(network_id)
        .bind(organisation_id)
        .fetch_one(db.pool())
        .await?)
}

crate::sql!(END_FEEDS = "DELETE FROM network_feeds WHERE network_id = $1");

/// Ends every organisation's feed secret; each gets a new one when its
/// people next open the network page.
#[tracing::instrument(skip_all)]
pub async fn rotate_feeds(db: &Db, network_id: NetworkId, actor: Actor) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(END_FEEDS)
        .bind(network_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "feed_rotated", "", ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("feed_rotated", |_, lang| {
    super::text::text(lang).log_feed_rotated.to_string()
});
