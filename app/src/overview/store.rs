//! The overview's SQL: one statement per section, each across the tables
//! it summarises. What the person reads is `reads_network!`; what they act
//! on is `acts_in!`, the same rule narrowed to the role that acts. `$1` is
//! always the person's account id.

use super::{Draft, MyOrganisation, Named, Occasion, TextKind, Upcoming, Waiting, SECTION_MAX};
use crate::{
    core::{guard::RoleCode, ids::AccountId},
    db::Db,
    dialogues::DialogueStatus,
    error::AppError,
};

mod news;
pub use news::news;

/// SQL: whether the person `$1` acts in the network whose id is the given
/// column, through one of their verified organisations that is an active
/// member in one of `roles` now and that they actively belong to (and
/// that meets `which`, on `am.organisation_id`): `reads_network!` narrowed
/// to the role that acts, so a demoted, departed or removed organisation
/// acts on nothing from the next request.
macro_rules! acts_in {
    ($network:literal, $roles:literal, $which:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM network_members am \
             JOIN organisation_members ao ON ao.organisation_id = am.organisation_id \
             JOIN organisations ag ON ag.id = am.organisation_id AND ag.verified_at IS NOT NULL \
             WHERE am.network_id = ",
            $network,
            " AND am.status = 'active' AND am.role IN (",
            $roles,
            ") AND ao.account_id = $1 AND ao.status = 'active'",
            $which,
            ")"
        )
    };
}

crate::sql!(
    /// Moves the visit along unless the last one began within the hour
    /// (`$3`), so a reload is the same visit.
    VISIT = "UPDATE accounts SET overview_previous_at = overview_seen_at, overview_seen_at = $2 \
     WHERE id = $1 AND (overview_seen_at IS NULL OR overview_seen_at < $3)"
);
crate::sql!(PREVIOUS_VISIT = "SELECT overview_previous_at FROM accounts WHERE id = $1");

/// Records this visit; the visit before it, if there was one.
#[tracing::instrument(skip_all)]
pub async fn visit(db: &Db, account_id: AccountId) -> Result<Option<i64>, AppError> {
    let now = db.now();
    sqlx::query(VISIT)
        .bind(account_id)
        .bind(now)
        .bind(now - super::SAME_VISIT_MS)
        .execute(db.pool())
        .await?;
    Ok(sqlx::query_scalar(PREVIOUS_VISIT)
        .bind(account_id)
        .fetch_one(db.pool())
        .await?)
}

crate::sql!(
    ORGANISATIONS = "SELECT o.public_id, o.name, m.status, \
     CAST(CASE WHEN o.verified_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS verified, \
     (SELECT COUNT(*) FROM network_members nm \
      WHERE nm.organisation_id = o.id AND nm.status = 'active') AS networks \
     FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id \
     WHERE m.account_id = $1 AND m.status IN ('pending', 'active') ORDER BY o.name, o.id"
);

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    public_id: String,
    name: String,
    status: String,
    verified: i64,
    networks: i64,
}

/// The organisations the person belongs to or asks to belong to.
#[tracing::instrument(skip_all)]
pub async fn organisations(
    db: &Db,
    account_id: AccountId,
) -> Result<Vec<MyOrganisation>, AppError> {
    let rows: Vec<OrganisationRow> = sqlx::query_as(ORGANISATIONS)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| MyOrganisation {
            public_id: row.public_id,
            name: row.name,
            pending: row.status == "pending",
            verified: row.verified == 1,
            networks: row.networks,
        })
        .collect())
}

crate::sql!(
    /// Closed networks and archived dialogues take no action, so nothing
    /// there waits. `$2` is 1 for a site admin in force.
    WAITING = concat!(
        "SELECT 'join_request' AS kind, n.public_id AS target, o.name AS title, \
         n.name AS context, '' AS detail, nm.since AS happened_at, \
         CAST(NULL AS BIGINT) AS meeting_at, CAST(1 AS BIGINT) AS items \
         FROM network_members nm JOIN networks n ON n.id = nm.network_id \
         JOIN organisations o ON o.id = nm.organisation_id \
         WHERE nm.status = 'requested' AND n.status <> 'closed' AND ",
        acts_in!("n.id", "'coordinator'", ""),
        " UNION ALL \
         SELECT 'invitation', n.public_id, o.name, n.name, nm.role, nm.since, NULL, 1 \
         FROM network_members nm JOIN networks n ON n.id = nm.network_id \
         JOIN organisations o ON o.id = nm.organisation_id AND o.verified_at IS NOT NULL \
         JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
         AND om.account_id = $1 AND om.role = 'admin' AND om.status = 'active' \
         WHERE nm.status = 'invited' AND n.status <> 'closed' \
         UNION ALL \
         SELECT 'requirements', nd.public_id, nd.title, n.name, '', MAX(v.at), NULL, COUNT(*) \
         FROM requirements r JOIN needs nd ON nd.id = r.need_id \
         JOIN networks n ON n.id = nd.network_id \
         JOIN requirement_versions v ON v.requirement_id = r.id AND v.version = r.version \
         WHERE r.accepted = 0 AND nd.status NOT IN ('fulfilled', 'withdrawn') \
         AND n.status <> 'closed' AND ",
        acts_in!(
            "nd.network_id",
            "'member', 'coordinator'",
            " AND am.organisation_id = nd.owner_organisation_id"
        ),
        " GROUP BY nd.id, nd.public_id, nd.title, n.name \
         UNION ALL \
         SELECT 'text', d.public_id, d.title, n.name, t.kind, t.written_at, s.starts_at, 1 \
         FROM dialogue_texts t JOIN dialogues d ON d.id = t.dialogue_id \
         JOIN networks n ON n.id = d.network_id \
         LEFT JOIN dialogue_sessions s ON s.id = t.session_id \
         WHERE t.status = 'draft' AND d.status <> 'archived' AND n.status <> 'closed' AND ",
        acts_in!(
            "d.network_id",
            "'member', 'coordinator'",
            " AND am.organisation_id IN \
             (SELECT h.organisation_id FROM dialogue_hosts h WHERE h.dialogue_id = d.id)"
        ),
        " UNION ALL \
         SELECT 'person', o.public_id, a.name, o.name, '', pm.requested_at, NULL, 1 \
         FROM organisation_members pm \
         JOIN organisations o ON o.id = pm.organisation_id AND o.verified_at IS NOT NULL \
         JOIN accounts a ON a.id = pm.account_id AND a.deleted_at IS NULL \
         JOIN organisation_members me ON me.organisation_id = pm.organisation_id \
         AND me.account_id = $1 AND me.role = 'admin' AND me.status = 'active' \
         WHERE pm.status = 'pending' \
         UNION ALL \
         SELECT 'verification', '', '', '', '', w.first_at, NULL, w.waiting \
         FROM (SELECT COUNT(*) AS waiting, MIN(o.created_at) AS first_at FROM organisations o \
          WHERE o.verified_at IS NULL AND $2 = 1 AND EXISTS (SELECT 1 FROM organisation_members c \
          WHERE c.organisation_id = o.id AND c.status <> 'refused')) w WHERE w.waiting > 0 \
         ORDER BY happened_at, kind, target LIMIT $3"
    )
);

#[derive(sqlx::FromRow)]
struct WaitingRow {
    kind: String,
    target: String,
    title: String,
    context: String,
    detail: String,
    happened_at: i64,
    meeting_at: Option<i64>,
    items: i64,
}

impl TryFrom<WaitingRow> for Waiting {
    type Error = AppError;
    fn try_from(row: WaitingRow) -> Result<Waiting, AppError> {
        let since = row.happened_at;
        let named = |name: String| Named {
            public_id: row.target.clone(),
            name,
        };
        Ok(match row.kind.as_str() {
            "join_request" => Waiting::JoinRequest {
                network: named(row.context),
                organisation: row.title,
                since,
            },
            "invitation" => Waiting::Invitation {
                network: named(row.context),
                organisation: row.title,
                role: RoleCode::try_from(row.detail)
                    .map_err(AppError::internal)?
                    .0,
                since,
            },
            "requirements" => Waiting::Requirements {
                need: named(row.title),
                network: row.context,
                count: row.items,
                since,
            },
            "text" => Waiting::Text {
                kind: TextKind::parse(&row.detail)
                    .ok_or_else(|| AppError::internal("text kind"))?,
                dialogue: named(row.title),
                network: row.context,
                meeting: row.meeting_at,
                since,
            },
            "person" => Waiting::Person {
                organisation: named(row.context),
                person: row.title,
                since,
            },
            _ => Waiting::Verification {
                count: row.items,
                since,
            },
        })
    }
}

/// What waits for the person, oldest first.
#[tracing::instrument(skip_all)]
pub async fn waiting(
    db: &Db,
    account_id: AccountId,
    site_admin: bool,
) -> Result<Vec<Waiting>, AppError> {
    let rows: Vec<WaitingRow> = sqlx::query_as(WAITING)
        .bind(account_id)
        .bind(i64::from(site_admin))
        .bind(SECTION_MAX)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter().map(Waiting::try_from).collect()
}

/// SQL: whether one of the person's organisations that is an active,
/// verified member of dialogue `d`'s network is registered for it.
macro_rules! registered {
    () => {
        "CAST(CASE WHEN EXISTS (SELECT 1 FROM dialogue_registrations g \
         JOIN organisation_members gm ON gm.organisation_id = g.organisation_id \
         AND gm.account_id = $1 AND gm.status = 'active' \
         JOIN network_members gn ON gn.organisation_id = g.organisation_id \
         AND gn.network_id = d.network_id AND gn.status = 'active' \
         JOIN organisations gr ON gr.id = g.organisation_id AND gr.verified_at IS NOT NULL \
         WHERE g.dialogue_id = d.id AND g.withdrawn_at IS NULL) THEN 1 ELSE 0 END AS BIGINT)"
    };
}

crate::sql!(
    /// Meetings not yet over and answer deadlines from `$2` to `$3`, of
    /// dialogues still to be held, soonest first.
    UPCOMING = concat!(
        "SELECT 'meeting' AS kind, d.public_id AS dialogue, d.title, n.name AS network, \
         d.status, s.starts_at AS happened_at, s.ends_at, s.place, \
         CAST(CASE WHEN s.link <> '' THEN 1 ELSE 0 END AS BIGINT) AS online, ",
        registered!(),
        " AS registered FROM dialogue_sessions s JOIN dialogues d ON d.id = s.dialogue_id \
         JOIN networks n ON n.id = d.network_id \
         WHERE s.ends_at >= $2 AND s.starts_at < $3 \
         AND d.status IN ('planned', 'announced', 'open') AND ",
        crate::reads_network!("d.network_id"),
        " UNION ALL \
         SELECT 'deadline', d.public_id, d.title, n.name, d.status, d.answer_deadline, \
         CAST(NULL AS BIGINT), '', CAST(0 AS BIGINT), ",
        registered!(),
        " FROM dialogues d JOIN networks n ON n.id = d.network_id \
         WHERE d.answer_deadline >= $2 AND d.answer_deadline < $3 \
         AND d.status IN ('planned', 'announced', 'open') AND ",
        crate::reads_network!("d.network_id"),
        " ORDER BY happened_at, kind, dialogue LIMIT $4"
    )
);

#[derive(sqlx::FromRow)]
struct UpcomingRow {
    kind: String,
    dialogue: String,
    title: String,
    network: String,
    status: String,
    happened_at: i64,
    ends_at: Option<i64>,
    place: String,
    online: i64,
    registered: i64,
}

impl TryFrom<UpcomingRow> for Upcoming {
    type Error = AppError;
    fn try_from(row: UpcomingRow) -> Result<Upcoming, AppError> {
        let occasion = match (row.kind.as_str(), row.ends_at) {
            ("meeting", Some(ends_at)) => Occasion::Meeting {
                ends_at,
                place: row.place,
                online: row.online == 1,
            },
            _ => Occasion::Deadline,
        };
        Ok(Upcoming {
            at: row.happened_at,
            occasion,
            dialogue: Named {
                public_id: row.dialogue,
                name: row.title,
            },
            network: row.network,
            status: DialogueStatus::parse(&row.status)
                .ok_or_else(|| AppError::internal("dialogue status"))?,
            registered: row.registered == 1,
        })
    }
}

/// Meetings and answer deadlines between `from` and `until` in the
/// networks the person reads.
#[tracing::instrument(skip_all)]
pub async fn upcoming(
    db: &Db,
    account_id: AccountId,
    from: i64,
    until: i64,
) -> Result<Vec<Upcoming>, AppError> {
    let rows: Vec<UpcomingRow> = sqlx::query_as(UPCOMING)
        .bind(account_id)
        .bind(from)
        .bind(until)
        .bind(SECTION_MAX)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter().map(Upcoming::try_from).collect()
}

crate::sql!(
    /// Drafts the person may edit: their organisation owns the need and
    /// writes in its network, which is not closed.
    DRAFTS = concat!(
        "SELECT nd.public_id, nd.title, n.name AS network, o.name AS organisation, \
         nd.updated_at FROM needs nd JOIN networks n ON n.id = nd.network_id \
         JOIN organisations o ON o.id = nd.owner_organisation_id \
         WHERE nd.status = 'draft' AND n.status <> 'closed' AND ",
        acts_in!(
            "nd.network_id",
            "'member', 'coordinator'",
            " AND am.organisation_id = nd.owner_organisation_id"
        ),
        " ORDER BY nd.updated_at DESC, nd.id DESC LIMIT $2"
    )
);

#[derive(sqlx::FromRow)]
struct DraftRow {
    public_id: String,
    title: String,
    network: String,
    organisation: String,
    updated_at: i64,
}

/// The person's drafts, last edited first.
#[tracing::instrument(skip_all)]
pub async fn drafts(db: &Db, account_id: AccountId) -> Result<Vec<Draft>, AppError> {
    let rows: Vec<DraftRow> = sqlx::query_as(DRAFTS)
        .bind(account_id)
        .bind(SECTION_MAX)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Draft {
            need: Named {
                public_id: row.public_id,
                name: row.title,
            },
            network: row.network,
            organisation: row.organisation,
            updated_at: row.updated_at,
        })
        .collect())
}
