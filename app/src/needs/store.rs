//! The need's SQL: its text and every version, its lifecycle, and merging
//! one need into another.

use super::{Merge, Need, NeedKey, NeedStatus, NeedText, NewNeed, Quarter, Transition, VersionRow};
use crate::{
    core::ids::public_id,
    core::{
        audit::{self, Entry},
        ids::{NeedId, NetworkId},
        Actor,
    },
    db::Db,
    error::AppError,
};

crate::sql!(
    INSERT_NEED = "INSERT INTO needs (public_id, network_id, owner_organisation_id, \
     title, problem, effect, affected, staircase, horizon, status, version, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id"
);
crate::sql!(INSERT_CPV = "INSERT INTO need_cpv (need_id, code, division) VALUES ($1, $2, $3)");
crate::sql!(INSERT_REGION = "INSERT INTO need_regions (need_id, lan_code) VALUES ($1, $2)");
crate::sql!(
    INSERT_VERSION = "INSERT INTO need_versions (need_id, version, at, account_id, \
     organisation_id, title, problem, effect, affected, staircase, horizon, cpv, regions) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
);

/// Posts a need for its owner organisation, as a draft or shared; its
/// public id.
#[tracing::instrument(skip_all)]
pub async fn create(db: &Db, network_id: NetworkId, new: &NewNeed) -> Result<String, AppError> {
    let (text, actor) = (new.text(), new.owner());
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let public_id = public_id();
    let id: NeedId = sqlx::query_scalar(INSERT_NEED)
        .bind(&public_id)
        .bind(network_id)
        .bind(actor.organisation_id)
        .bind(text.title())
        .bind(text.problem())
        .bind(text.effect())
        .bind(text.affected())
        .bind(text.staircase().code())
        .bind(text.horizon())
        .bind(new.status().code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    write_codes(&mut tx, id, text).await?;
    write_version(&mut tx, db.now(), id, 1, text, actor).await?;
    // A draft is the owner's alone: the network's log learns of the need
    // when it is shared.
    if new.status() != NeedStatus::Draft {
        audit::record(
            &mut tx,
            db.now(),
            actor,
            Entry::network(network_id, "need_shared", text.title(), ""),
        )
        .await?;
    }
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Need(id)).await?;
    tx.commit().await?;
    Ok(public_id)
}

/// The need's CPV codes and län, one row each (a form's few values).
async fn write_codes(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    need_id: NeedId,
    text: &NeedText,
) -> Result<(), AppError> {
    for code in text.cpv() {
        sqlx::query(INSERT_CPV)
            .bind(need_id)
            .bind(code.as_str())
            .bind(code.division())
            .execute(&mut **tx)
            .await?;
    }
    for lan in text.regions() {
        sqlx::query(INSERT_REGION)
            .bind(need_id)
            .bind(lan.as_str())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn write_version(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    need_id: NeedId,
    version: i64,
    text: &NeedText,
    actor: Actor,
) -> Result<(), AppError> {
    let joined = |codes: Vec<&str>| codes.join(" ");
    sqlx::query(INSERT_VERSION)
        .bind(need_id)
        .bind(version)
        .bind(at)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .bind(text.title())
        .bind(text.problem())
        .bind(text.effect())
        .bind(text.affected())
        .bind(text.staircase().code())
        .bind(text.horizon())
        .bind(joined(text.cpv().iter().map(|c| c.as_str()).collect()))
        .bind(joined(text.regions().iter().map(|l| l.as_str()).collect()))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct NeedRow {
    #[sqlx(flatten)]
    key: NeedKey,
    public_id: String,
    network_public_id: String,
    network_name: String,
    owner_public_id: String,
    owner_name: String,
    title: String,
    problem: String,
    effect: String,
    affected: String,
    horizon: Quarter,
    staircase: String,
    #[sqlx(try_from = "String")]
    status: NeedStatus,
    version: i64,
    merged_id: Option<String>,
    merged_title: Option<String>,
    created_at: i64,
    updated_at: i64,
}

crate::sql!(
    FIND = "SELECT n.id, n.network_id, n.owner_organisation_id, n.public_id, \
     nw.public_id AS network_public_id, nw.name AS network_name, o.public_id AS owner_public_id, \
     o.name AS owner_name, n.title, n.problem, n.effect, n.affected, n.horizon, n.staircase, \
     n.status, n.version, m.public_id AS merged_id, m.title AS merged_title, n.created_at, \
     n.updated_at FROM needs n JOIN networks nw ON nw.id = n.network_id \
     JOIN organisations o ON o.id = n.owner_organisation_id \
     LEFT JOIN needs m ON m.id = n.merged_into WHERE n.public_id = $1"
);
crate::sql!(CPV = "SELECT code FROM need_cpv WHERE need_id = $1 ORDER BY code");
crate::sql!(REGIONS = "SELECT lan_code FROM need_regions WHERE need_id = $1 ORDER BY lan_code");

/// The need with this public id, and where it lives.
#[tracing::instrument(skip_all)]
pub async fn find(db: &Db, public_id: &str) -> Result<Option<(NeedKey, Need)>, AppError> {
    let row: Option<NeedRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let cpv: Vec<String> = sqlx::query_scalar(CPV)
        .bind(row.key.id)
        .fetch_all(db.pool())
        .await?;
    let regions: Vec<String> = sqlx::query_scalar(REGIONS)
        .bind(row.key.id)
        .fetch_all(db.pool())
        .await?;
    let need = Need {
        public_id: row.public_id,
        network_public_id: row.network_public_id,
        network_name: row.network_name,
        owner_public_id: row.owner_public_id,
        owner_name: row.owner_name,
        title: row.title,
        problem: row.problem,
        effect: row.effect,
        affected: row.affected,
        staircase: row.staircase,
        horizon: row.horizon,
        status: row.status,
        cpv,
        regions,
        version: row.version,
        merged_into: row.merged_id.zip(row.merged_title),
        created_at: row.created_at,
        updated_at: row.updated_at,
    };
    Ok(Some((row.key, need)))
}

crate::sql!(
    SET_STATUS = "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4"
);

/// Moves a need along one arrow of its lifecycle, with the reason in the
/// network's audit log; `Conflict` when someone moved it first.
#[tracing::instrument(skip_all)]
pub async fn transition(
    db: &Db,
    key: NeedKey,
    title: &str,
    step: &Transition,
    actor: Actor,
) -> Result<(), AppError> {
    let (from, to) = (step.from(), step.to());
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(SET_STATUS)
        .bind(to.code())
        .bind(db.now())
        .bind(key.id)
        .bind(from.code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    // A draft is the owner's alone: the log, which coordinators read,
    // learns of the need when it is shared, and never of a withdrawn draft.
    let subject = format!("{title}: {} → {}", from.code(), to.code());
    let entry = match (from, to) {
        (NeedStatus::Draft, NeedStatus::Shared) => {
            Some(Entry::network(key.network_id, "need_shared", title, ""))
        }
        (NeedStatus::Draft, _) => None,
        _ => Some(Entry::network(
            key.network_id,
            "need_status",
            &subject,
            step.reason(),
        )),
    };
    if let Some(entry) = entry {
        audit::record(&mut tx, db.now(), actor, entry).await?;
    }
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Need(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    UPDATE_NEED = "UPDATE needs SET title = $1, problem = $2, effect = $3, affected = $4, \
     staircase = $5, horizon = $6, version = version + 1, updated_at = $7 \
     WHERE id = $8 AND version = $9"
);
crate::sql!(DELETE_CPV = "DELETE FROM need_cpv WHERE need_id = $1");
crate::sql!(DELETE_REGIONS = "DELETE FROM need_regions WHERE need_id = $1");

/// Saves an edit as the next version; `Conflict` when someone saved
/// another edit since `seen_version` was read.
#[tracing::instrument(skip_all)]
pub async fn update(
    db: &Db,
    key: NeedKey,
    seen_version: i64,
    text: &NeedText,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(UPDATE_NEED)
        .bind(text.title())
        .bind(text.problem())
        .bind(text.effect())
        .bind(text.affected())
        .bind(text.staircase().code())
        .bind(text.horizon())
        .bind(db.now())
        .bind(key.id)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    sqlx::query(DELETE_CPV)
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(DELETE_REGIONS)
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    write_codes(&mut tx, key.id, text).await?;
    write_version(&mut tx, db.now(), key.id, seen_version + 1, text, actor).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Need(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    VERSIONS = "SELECT v.version, v.at, COALESCE(a.name, '') AS author, a.deleted_at, \
     COALESCE(o.name, '') AS organisation, v.title, v.problem, v.effect, v.affected, \
     v.staircase, v.horizon, v.cpv, v.regions FROM need_versions v \
     LEFT JOIN accounts a ON a.id = v.account_id \
     LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE v.need_id = $1 ORDER BY v.version"
);

#[derive(sqlx::FromRow)]
struct SavedVersion {
    version: i64,
    at: i64,
    author: String,
    deleted_at: Option<i64>,
    organisation: String,
    title: String,
    problem: String,
    effect: String,
    affected: String,
    staircase: String,
    horizon: Quarter,
    cpv: String,
    regions: String,
}

/// Every version, oldest first, each field as (name, text).
#[tracing::instrument(skip_all)]
pub async fn versions(
    db: &Db,
    need_id: NeedId,
    deleted_user: &str,
) -> Result<Vec<VersionRow>, AppError> {
    let rows: Vec<SavedVersion> = sqlx::query_as(VERSIONS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|v| VersionRow {
            version: v.version,
            at: v.at,
            author: crate::core::shown_name(v.author, v.deleted_at, deleted_user),
            organisation: v.organisation,
            fields: vec![
                ("title".into(), v.title),
                ("problem".into(), v.problem),
                ("effect".into(), v.effect),
                ("affected".into(), v.affected),
                ("staircase".into(), v.staircase),
                ("horizon".into(), v.horizon.code()),
                ("cpv".into(), v.cpv),
                ("regions".into(), v.regions),
            ],
        })
        .collect())
}

crate::sql!(
    MERGE_INTERESTS = "INSERT INTO need_interests (need_id, organisation_id, quantity, \
     unit, value_sek, earliest, confidence, comment, account_id, updated_at) \
     SELECT $1, s.organisation_id, s.quantity, s.unit, s.value_sek, s.earliest, s.confidence, \
     s.comment, s.account_id, s.updated_at FROM need_interests s WHERE s.need_id = $2 \
     AND NOT EXISTS (SELECT 1 FROM need_interests t WHERE t.need_id = $1 \
                     AND t.organisation_id = s.organisation_id)"
);
crate::sql!(
    MARK_MERGED = "UPDATE needs SET status = 'withdrawn', merged_into = $1, updated_at = $2 \
     WHERE id = $3 AND status <> 'withdrawn' AND status <> 'fulfilled'"
);
crate::sql!(DELETE_INTERESTS = "DELETE FROM need_interests WHERE need_id = $1");

/// Merges a duplicate into another need of the same network: its
/// interests move over (an organisation that declared on both keeps its
/// declaration on the target, so nobody is counted twice), and the
/// duplicate is withdrawn, pointing to where it went.
#[tracing::instrument(skip_all)]
pub async fn merge(
    db: &Db,
    from: NeedKey,
    from_title: &str,
    merge: &Merge,
    actor: Actor,
) -> Result<(), AppError> {
    let into = merge.target();
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(MARK_MERGED)
        .bind(into.id)
        .bind(db.now())
        .bind(from.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    sqlx::query(MERGE_INTERESTS)
        .bind(into.id)
        .bind(from.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(DELETE_INTERESTS)
        .bind(from.id)
        .execute(&mut *tx)
        .await?;
    let subject = format!("{from_title} → {}", merge.target_title());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(from.network_id, "need_merged", &subject, merge.reason()),
    )
    .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Need(from.id)).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Need(into.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// A need to choose in a form: (public id, title).
#[derive(sqlx::FromRow)]
pub(in crate::needs) struct Choice {
    public_id: String,
    title: String,
}

pub(in crate::needs) fn choices(rows: Vec<Choice>) -> Vec<(String, String)> {
    rows.into_iter().map(|c| (c.public_id, c.title)).collect()
}

crate::sql!(
    MERGE_TARGETS = "SELECT public_id, title FROM needs WHERE network_id = $1 AND id <> $2 \
     AND status NOT IN ('draft', 'withdrawn', 'fulfilled') ORDER BY title LIMIT 200"
);

/// The other open, shared needs of the network, by title.
#[tracing::instrument(skip_all)]
pub async fn merge_targets(db: &Db, key: NeedKey) -> Result<Vec<(String, String)>, AppError> {
    let rows = sqlx::query_as(MERGE_TARGETS)
        .bind(key.network_id)
        .bind(key.id)
        .fetch_all(db.pool())
        .await?;
    Ok(choices(rows))
}
