//! The needs room's SQL.

use super::{
    Confidence, Interest, Level, Need, NeedFilter, NeedStatus, NeedSummary, Quarter, Requirement,
    RequirementVersion, VersionRow,
};
use crate::{
    core::{
        audit::{self, Entry},
        Actor,
    },
    db::{public_id, Db},
    error::AppError,
};

/// A checked need text, new or edited.
#[derive(Clone, Debug)]
pub struct NeedText {
    pub title: String,
    pub problem: String,
    pub effect: String,
    pub affected: String,
    pub staircase: crate::staircase::Staircase,
    pub horizon: Quarter,
    pub cpv: Vec<String>,
    pub regions: Vec<String>,
}

/// A checked declaration of interest.
#[derive(Clone, Debug)]
pub struct Declaration {
    pub quantity: i64,
    pub unit: String,
    pub value_sek: i64,
    pub earliest: Quarter,
    pub confidence: Confidence,
    pub comment: String,
}

const INSERT_NEED: &str = "INSERT INTO needs (public_id, network_id, owner_organisation_id, \
     title, problem, effect, affected, staircase, horizon, status, version, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id";
const INSERT_CPV: &str = "INSERT INTO need_cpv (need_id, code, division) VALUES ($1, $2, $3)";
const INSERT_REGION: &str = "INSERT INTO need_regions (need_id, lan_code) VALUES ($1, $2)";
const INSERT_VERSION: &str = "INSERT INTO need_versions (need_id, version, at, account_id, \
     organisation_id, title, problem, effect, affected, staircase, horizon, cpv, regions) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

/// Posts a need for the actor's organisation, as a draft or shared.
pub async fn create(
    db: &Db,
    network_id: i64,
    text: &NeedText,
    status: NeedStatus,
    actor: Actor,
) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let public_id = public_id();
    let (id,): (i64,) = sqlx::query_as(INSERT_NEED)
        .bind(&public_id)
        .bind(network_id)
        .bind(actor.organisation_id)
        .bind(&text.title)
        .bind(&text.problem)
        .bind(&text.effect)
        .bind(&text.affected)
        .bind(text.staircase.code())
        .bind(text.horizon.0)
        .bind(status.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    write_codes(&mut tx, id, text).await?;
    write_version(&mut tx, db.now(), id, 1, text, actor).await?;
    // A draft is the owner's alone: the network's log learns of the need
    // when it is shared.
    if status != NeedStatus::Draft {
        audit::record(
            &mut tx,
            db.now(),
            actor,
            Entry::network(network_id, "need_shared", &text.title, ""),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(public_id)
}

async fn write_codes(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    need_id: i64,
    text: &NeedText,
) -> Result<(), AppError> {
    for code in &text.cpv {
        sqlx::query(INSERT_CPV)
            .bind(need_id)
            .bind(code)
            .bind(&code[..2])
            .execute(&mut **tx)
            .await?;
    }
    for lan in &text.regions {
        sqlx::query(INSERT_REGION)
            .bind(need_id)
            .bind(lan)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn write_version(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    need_id: i64,
    version: i64,
    text: &NeedText,
    actor: Actor,
) -> Result<(), AppError> {
    sqlx::query(INSERT_VERSION)
        .bind(need_id)
        .bind(version)
        .bind(at)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .bind(&text.title)
        .bind(&text.problem)
        .bind(&text.effect)
        .bind(&text.affected)
        .bind(text.staircase.code())
        .bind(text.horizon.0)
        .bind(text.cpv.join(" "))
        .bind(text.regions.join(" "))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct NeedRow {
    id: i64,
    network_id: i64,
    owner_organisation_id: i64,
    public_id: String,
    network_public_id: String,
    network_name: String,
    owner_public_id: String,
    owner_name: String,
    title: String,
    problem: String,
    effect: String,
    affected: String,
    horizon: i64,
    staircase: String,
    status: String,
    version: i64,
    merged_id: Option<String>,
    merged_title: Option<String>,
    created_at: i64,
    updated_at: i64,
}

const FIND: &str = "SELECT n.id, n.network_id, n.owner_organisation_id, n.public_id, \
     nw.public_id AS network_public_id, nw.name AS network_name, o.public_id AS owner_public_id, \
     o.name AS owner_name, n.title, n.problem, n.effect, n.affected, n.horizon, n.staircase, \
     n.status, n.version, m.public_id AS merged_id, m.title AS merged_title, n.created_at, \
     n.updated_at FROM needs n JOIN networks nw ON nw.id = n.network_id \
     JOIN organisations o ON o.id = n.owner_organisation_id \
     LEFT JOIN needs m ON m.id = n.merged_into WHERE n.public_id = $1";
const CPV: &str = "SELECT code FROM need_cpv WHERE need_id = $1 ORDER BY code";
const REGIONS: &str = "SELECT lan_code FROM need_regions WHERE need_id = $1 ORDER BY lan_code";

/// Where a need lives, for authorisation.
#[derive(Clone, Copy, Debug)]
pub struct NeedKey {
    pub id: i64,
    pub network_id: i64,
    pub owner_organisation_id: i64,
}

pub async fn find(db: &Db, public_id: &str) -> Result<Option<(NeedKey, Need)>, AppError> {
    let row: Option<NeedRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let cpv: Vec<(String,)> = sqlx::query_as(CPV)
        .bind(row.id)
        .fetch_all(db.pool())
        .await?;
    let regions: Vec<(String,)> = sqlx::query_as(REGIONS)
        .bind(row.id)
        .fetch_all(db.pool())
        .await?;
    let key = NeedKey {
        id: row.id,
        network_id: row.network_id,
        owner_organisation_id: row.owner_organisation_id,
    };
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
        horizon: Quarter(row.horizon),
        status: NeedStatus::parse(&row.status).ok_or_else(|| AppError::internal("need status"))?,
        cpv: cpv.into_iter().map(|(c,)| c).collect(),
        regions: regions.into_iter().map(|(l,)| l).collect(),
        version: row.version,
        merged_into: row.merged_id.zip(row.merged_title),
        created_at: row.created_at,
        updated_at: row.updated_at,
    };
    Ok(Some((key, need)))
}

const SET_STATUS: &str =
    "UPDATE needs SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4";

/// Moves a need along one arrow of its lifecycle, with the reason in the
/// network's audit log; `Conflict` when someone moved it first.
pub async fn transition(
    db: &Db,
    key: NeedKey,
    title: &str,
    from: NeedStatus,
    to: NeedStatus,
    actor: Actor,
    reason: &str,
) -> Result<(), AppError> {
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
            reason,
        )),
    };
    if let Some(entry) = entry {
        audit::record(&mut tx, db.now(), actor, entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

const UPDATE_NEED: &str = "UPDATE needs SET title = $1, problem = $2, effect = $3, affected = $4, \
     staircase = $5, horizon = $6, version = version + 1, updated_at = $7 \
     WHERE id = $8 AND version = $9";

/// Saves an edit as the next version; `Conflict` when someone saved
/// another edit since `seen_version` was read.
pub async fn update(
    db: &Db,
    key: NeedKey,
    seen_version: i64,
    text: &NeedText,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(UPDATE_NEED)
        .bind(&text.title)
        .bind(&text.problem)
        .bind(&text.effect)
        .bind(&text.affected)
        .bind(text.staircase.code())
        .bind(text.horizon.0)
        .bind(db.now())
        .bind(key.id)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    sqlx::query("DELETE FROM need_cpv WHERE need_id = $1")
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM need_regions WHERE need_id = $1")
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    write_codes(&mut tx, key.id, text).await?;
    write_version(&mut tx, db.now(), key.id, seen_version + 1, text, actor).await?;
    tx.commit().await?;
    Ok(())
}

const VERSIONS: &str = "SELECT v.version, v.at, COALESCE(a.name, ''), a.deleted_at, \
     COALESCE(o.name, ''), v.title, v.problem, v.effect, v.affected, v.staircase, v.horizon, \
     v.cpv, v.regions FROM need_versions v \
     LEFT JOIN accounts a ON a.id = v.account_id \
     LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE v.need_id = $1 ORDER BY v.version";

/// Every version, oldest first, each field as (name, text).
pub async fn versions(
    db: &Db,
    need_id: i64,
    deleted_user: &str,
) -> Result<Vec<VersionRow>, AppError> {
    type Row = (
        i64,
        i64,
        String,
        Option<i64>,
        String,
        String,
        String,
        String,
        String,
        String,
        i64,
        String,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(VERSIONS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                version,
                at,
                author,
                deleted,
                organisation,
                title,
                problem,
                effect,
                affected,
                staircase,
                horizon,
                cpv,
                regions,
            )| VersionRow {
                version,
                at,
                author: if deleted.is_some() {
                    deleted_user.to_string()
                } else {
                    author
                },
                organisation,
                fields: vec![
                    ("title".into(), title),
                    ("problem".into(), problem),
                    ("effect".into(), effect),
                    ("affected".into(), affected),
                    ("staircase".into(), staircase),
                    ("horizon".into(), Quarter(horizon).code()),
                    ("cpv".into(), cpv),
                    ("regions".into(), regions),
                ],
            },
        )
        .collect())
}

const INTERESTS: &str = "SELECT o.public_id, o.name, i.quantity, i.unit, i.value_sek, i.earliest, \
     i.confidence, i.comment FROM need_interests i \
     JOIN organisations o ON o.id = i.organisation_id WHERE i.need_id = $1 ORDER BY o.name";

pub async fn interests(db: &Db, need_id: i64) -> Result<Vec<Interest>, AppError> {
    type Row = (String, String, i64, String, i64, i64, String, String);
    let rows: Vec<Row> = sqlx::query_as(INTERESTS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(
                organisation_public_id,
                organisation,
                quantity,
                unit,
                value_sek,
                earliest,
                confidence,
                comment,
            )| {
                Some(Interest {
                    organisation_public_id,
                    organisation,
                    quantity,
                    unit,
                    value_sek,
                    earliest: Quarter(earliest),
                    confidence: Confidence::parse(&confidence)?,
                    comment,
                })
            },
        )
        .collect())
}

const DECLARE: &str = "INSERT INTO need_interests (need_id, organisation_id, quantity, unit, \
     value_sek, earliest, confidence, comment, account_id, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
     ON CONFLICT (need_id, organisation_id) DO UPDATE SET quantity = $3, unit = $4, \
     value_sek = $5, earliest = $6, confidence = $7, comment = $8, account_id = $9, updated_at = $10";

/// Declares or updates the organisation's interest: one per organisation.
pub async fn declare(
    db: &Db,
    need_id: i64,
    declaration: &Declaration,
    actor: Actor,
) -> Result<(), AppError> {
    sqlx::query(DECLARE)
        .bind(need_id)
        .bind(actor.organisation_id)
        .bind(declaration.quantity)
        .bind(&declaration.unit)
        .bind(declaration.value_sek)
        .bind(declaration.earliest.0)
        .bind(declaration.confidence.code())
        .bind(&declaration.comment)
        .bind(actor.account_id)
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(())
}

const POSTING_ORGS: &str = "SELECT o.id, o.public_id, o.name FROM organisations o \
     JOIN organisation_members om ON om.organisation_id = o.id \
     JOIN network_members nm ON nm.organisation_id = o.id \
     WHERE nm.network_id = $1 AND nm.status = 'active' AND nm.role IN ('member', 'coordinator') \
     AND om.account_id = $2 AND om.status = 'active' ORDER BY o.name";

/// The person's organisations that may post in the network (members and
/// coordinators, not observers): (id, public id, name).
pub async fn posting_organisations(
    db: &Db,
    network_id: i64,
    account_id: i64,
) -> Result<Vec<(i64, String, String)>, AppError> {
    Ok(sqlx::query_as(POSTING_ORGS)
        .bind(network_id)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

const IN_ORGANISATION: &str = "SELECT COUNT(*) FROM organisation_members \
     WHERE organisation_id = $1 AND account_id = $2 AND status = 'active'";

/// Whether the person actively belongs to the organisation.
pub async fn belongs_to(db: &Db, organisation_id: i64, account_id: i64) -> Result<bool, AppError> {
    let (n,): (i64,) = sqlx::query_as(IN_ORGANISATION)
        .bind(organisation_id)
        .bind(account_id)
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// Whether need `n` is one the person (`$1`) may see: in a network where
/// one of their verified organisations is an active member, and a draft
/// only for the owner organisation's people.
macro_rules! seen_by_person {
    () => {
        concat!(
            $crate::reads_network!("n.network_id"),
            " AND (n.status <> 'draft' OR EXISTS (SELECT 1 FROM organisation_members dm \
              WHERE dm.organisation_id = n.owner_organisation_id AND dm.account_id = $1 \
              AND dm.status = 'active'))"
        )
    };
}

/// The needs a person may see, in one network or in all of theirs.
const LIST_FROM: &str = concat!(
    "FROM needs n WHERE ",
    seen_by_person!(),
    " AND ($3 = '' OR n.status = $3) AND ($4 = '' OR n.staircase = $4) \
     AND ($5 = '' OR EXISTS (SELECT 1 FROM need_cpv c WHERE c.need_id = n.id AND c.division = $5)) \
     AND ($6 = '' OR EXISTS (SELECT 1 FROM need_regions r WHERE r.need_id = n.id AND r.lan_code = $6))"
);
/// A cursor the person may not see is no cursor: the list starts over.
const LIST_CURSOR: &str = concat!(
    "SELECT n.id, n.created_at, \
     (SELECT COUNT(*) FROM need_interests i WHERE i.need_id = n.id) AS organisations, \
     (SELECT CAST(COALESCE(SUM(i.value_sek), 0) AS BIGINT) FROM need_interests i \
      WHERE i.need_id = n.id) AS total FROM needs n WHERE n.public_id = $2 AND ",
    seen_by_person!()
);
const LIST_NEED: &str = "n.id, n.public_id, n.title, n.status, n.staircase, \
     n.owner_organisation_id, n.network_id, n.created_at";
/// A need's demand, summed from its own interests (by the primary key).
const LIST_DEMAND: &str = "(SELECT COUNT(*) FROM need_interests i WHERE i.need_id = x.id) \
     AS organisations, (SELECT CAST(COALESCE(SUM(i.value_sek), 0) AS BIGINT) \
     FROM need_interests i WHERE i.need_id = x.id) AS total";

/// Up to `limit` needs, newest first or most demand first, from the
/// cursor in `filter.after` on. Newest first
/// picks the page before summing any demand, so the sums follow the
/// needs shown; most demand first must sum every visible need's.
pub async fn list(
    db: &Db,
    account_id: i64,
    network_id: Option<i64>,
    filter: &NeedFilter,
    limit: i64,
) -> Result<Vec<NeedSummary>, AppError> {
    // One network's needs are found by its index; across networks $2 is 0.
    let network = if network_id.is_some() {
        " AND n.network_id = $2"
    } else {
        " AND $2 = 0"
    };
    let named = "SELECT y.public_id, y.title, y.status, y.staircase, o.name, nw.name, \
         y.organisations, y.total, y.created_at FROM";
    let joins = "y JOIN organisations o ON o.id = y.owner_organisation_id \
         JOIN networks nw ON nw.id = y.network_id";
    // Keyset pages: the next page starts after the previous page's last
    // need ($8), compared by what the list is sorted by ($9 to $11).
    let sql = if filter.by_demand {
        format!(
            "{named} (SELECT x.*, {LIST_DEMAND} FROM (SELECT {LIST_NEED} {LIST_FROM}{network}) x) \
             {joins} WHERE ($8 = 0 OR y.total < $11 OR (y.total = $11 AND (y.organisations < $10 \
             OR (y.organisations = $10 AND y.id < $8)))) AND $9 = $9 \
             ORDER BY y.total DESC, y.organisations DESC, y.id DESC LIMIT $7"
        )
    } else {
        format!(
            "{named} (SELECT x.*, {LIST_DEMAND} FROM (SELECT {LIST_NEED} {LIST_FROM}{network} \
             AND ($8 = 0 OR n.created_at < $9 OR (n.created_at = $9 AND n.id < $8)) \
             AND $10 = $10 AND $11 = $11 \
             ORDER BY n.created_at DESC, n.id DESC LIMIT $7) x) \
             {joins} ORDER BY y.created_at DESC, y.id DESC"
        )
    };
    let cursor: Option<(i64, i64, i64, i64)> = match &filter.after {
        Some(after) => {
            sqlx::query_as(LIST_CURSOR)
                .bind(account_id)
                .bind(after)
                .fetch_optional(db.pool())
                .await?
        }
        None => None,
    };
    let (after_id, after_created, after_organisations, after_total) = cursor.unwrap_or_default();
    type Row = (
        String,
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
    );
    // Built from this file's constants only; values go in as parameters.
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id)
        .bind(network_id.unwrap_or(0))
        .bind(filter.status.map(|s| s.code()).unwrap_or(""))
        .bind(filter.staircase.clone().unwrap_or_default())
        .bind(filter.division.clone().unwrap_or_default())
        .bind(filter.lan.clone().unwrap_or_default())
        .bind(limit)
        .bind(after_id)
        .bind(after_created)
        .bind(after_organisations)
        .bind(after_total)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(
                public_id,
                title,
                status,
                staircase,
                owner,
                network_name,
                organisations,
                total_value,
                created_at,
            )| {
                Some(NeedSummary {
                    public_id,
                    title,
                    status: NeedStatus::parse(&status)?,
                    staircase,
                    owner,
                    network_name,
                    organisations,
                    total_value,
                    created_at,
                })
            },
        )
        .collect())
}

/// The network's needs a dialogue can cover (shared and not yet closed):
/// (public id, title), newest first.
pub async fn open_needs(db: &Db, network_id: i64) -> Result<Vec<(String, String)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT public_id, title FROM needs WHERE network_id = $1 \
         AND status NOT IN ('draft', 'fulfilled', 'withdrawn') ORDER BY created_at DESC, id DESC",
    )
    .bind(network_id)
    .fetch_all(db.pool())
    .await?)
}

const MERGE_INTERESTS: &str = "INSERT INTO need_interests (need_id, organisation_id, quantity, \
     unit, value_sek, earliest, confidence, comment, account_id, updated_at) \
     SELECT $1, s.organisation_id, s.quantity, s.unit, s.value_sek, s.earliest, s.confidence, \
     s.comment, s.account_id, s.updated_at FROM need_interests s WHERE s.need_id = $2 \
     AND NOT EXISTS (SELECT 1 FROM need_interests t WHERE t.need_id = $1 \
                     AND t.organisation_id = s.organisation_id)";
const MARK_MERGED: &str =
    "UPDATE needs SET status = 'withdrawn', merged_into = $1, updated_at = $2 \
     WHERE id = $3 AND status <> 'withdrawn' AND status <> 'fulfilled'";

/// Merges a duplicate into another need of the same network: its
/// interests move over (an organisation that declared on both keeps its
/// declaration on the target, so nobody is counted twice), and the
/// duplicate is withdrawn, pointing to where it went.
pub async fn merge(
    db: &Db,
    from: NeedKey,
    from_title: &str,
    into: NeedKey,
    into_title: &str,
    actor: Actor,
    reason: &str,
) -> Result<(), AppError> {
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
    sqlx::query("DELETE FROM need_interests WHERE need_id = $1")
        .bind(from.id)
        .execute(&mut *tx)
        .await?;
    let subject = format!("{from_title} → {into_title}");
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(from.network_id, "need_merged", &subject, reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const MERGE_TARGETS: &str =
    "SELECT public_id, title FROM needs WHERE network_id = $1 AND id <> $2 \
     AND status NOT IN ('draft', 'withdrawn', 'fulfilled') ORDER BY title LIMIT 200";

pub async fn merge_targets(db: &Db, key: NeedKey) -> Result<Vec<(String, String)>, AppError> {
    Ok(sqlx::query_as(MERGE_TARGETS)
        .bind(key.network_id)
        .bind(key.id)
        .fetch_all(db.pool())
        .await?)
}

/// The aggregated demand as CSV for a spreadsheet: one row per
/// organisation, then the totals.
pub fn demand_csv(interests: &[Interest], lang: crate::i18n::Lang) -> String {
    let t = super::text::text(lang);
    let total: i64 = interests.iter().map(|i| i.value_sek).sum();
    let rows = interests.iter().map(|i| {
        vec![
            i.organisation.clone(),
            i.quantity.to_string(),
            i.unit.clone(),
            i.value_sek.to_string(),
            i.earliest.label(lang),
            super::text::confidence_label(i.confidence, lang).to_string(),
            i.comment.clone(),
        ]
    });
    let sum = [t.total.to_string(), String::new(), String::new(), total.to_string()]
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
            t.confidence,
            t.comment,
        ],
        rows.chain(std::iter::once(sum)),
    )
}

/// A checked requirement text.
#[derive(Clone, Debug)]
pub struct RequirementText {
    pub text: String,
    pub motive: String,
    pub verification: String,
    pub level: Level,
}

const REQUIREMENTS: &str = "SELECT r.public_id, r.text, r.motive, r.verification, r.level, \
     r.accepted, r.version, o.name FROM requirements r \
     JOIN organisations o ON o.id = r.organisation_id WHERE r.need_id = $1 ORDER BY r.position, r.id";

pub async fn requirements(db: &Db, need_id: i64) -> Result<Vec<Requirement>, AppError> {
    type Row = (String, String, String, String, String, i64, i64, String);
    let rows: Vec<Row> = sqlx::query_as(REQUIREMENTS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(public_id, text, motive, verification, level, accepted, version, proposed_by)| {
                Some(Requirement {
                    public_id,
                    text,
                    motive,
                    verification,
                    level: Level::parse(&level)?,
                    accepted: accepted == 1,
                    version,
                    proposed_by,
                })
            },
        )
        .collect())
}

const REQUIREMENT_NEED: &str =
    "SELECT r.id, n.public_id FROM requirements r JOIN needs n ON n.id = r.need_id \
     WHERE r.public_id = $1";

/// The requirement's id and its need's public id.
pub async fn requirement_need(
    db: &Db,
    requirement_public_id: &str,
) -> Result<Option<(i64, String)>, AppError> {
    Ok(sqlx::query_as(REQUIREMENT_NEED)
        .bind(requirement_public_id)
        .fetch_optional(db.pool())
        .await?)
}

const INSERT_REQUIREMENT: &str = "INSERT INTO requirements (public_id, need_id, position, text, \
     motive, verification, level, accepted, version, organisation_id) \
     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM requirements WHERE need_id = $2), \
     $3, $4, $5, $6, 0, 1, $7) RETURNING id";
const INSERT_REQUIREMENT_VERSION: &str = "INSERT INTO requirement_versions (requirement_id, \
     version, at, account_id, organisation_id, text, motive, verification, level, accepted) \
     SELECT id, version, $2, $3, $4, text, motive, verification, level, accepted \
     FROM requirements WHERE id = $1";

/// Adds a proposed requirement last in the need's list.
pub async fn propose_requirement(
    db: &Db,
    key: NeedKey,
    text: &RequirementText,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let (id,): (i64,) = sqlx::query_as(INSERT_REQUIREMENT)
        .bind(public_id())
        .bind(key.id)
        .bind(&text.text)
        .bind(&text.motive)
        .bind(&text.verification)
        .bind(text.level.code())
        .bind(actor.organisation_id)
        .fetch_one(&mut *tx)
        .await?;
    requirement_version(&mut tx, db.now(), id, actor).await?;
    tx.commit().await?;
    Ok(())
}

async fn requirement_version(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    requirement_id: i64,
    actor: Actor,
) -> Result<(), AppError> {
    sqlx::query(INSERT_REQUIREMENT_VERSION)
        .bind(requirement_id)
        .bind(at)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

const EDIT_REQUIREMENT: &str = "UPDATE requirements SET text = $1, motive = $2, \
     verification = $3, level = $4, accepted = 0, version = version + 1 \
     WHERE id = $5 AND version = $6";

/// Saves an edit as the next version; an accepted requirement becomes a
/// proposal again. `Conflict` when someone saved since `seen_version`.
pub async fn edit_requirement(
    db: &Db,
    requirement_id: i64,
    seen_version: i64,
    text: &RequirementText,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(EDIT_REQUIREMENT)
        .bind(&text.text)
        .bind(&text.motive)
        .bind(&text.verification)
        .bind(text.level.code())
        .bind(requirement_id)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    requirement_version(&mut tx, db.now(), requirement_id, actor).await?;
    tx.commit().await?;
    Ok(())
}

const ACCEPT_REQUIREMENT: &str = "UPDATE requirements SET accepted = 1, version = version + 1 \
     WHERE id = $1 AND accepted = 0";

/// Accepts a proposed requirement; `Conflict` if it already is.
pub async fn accept_requirement(
    db: &Db,
    requirement_id: i64,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(ACCEPT_REQUIREMENT)
        .bind(requirement_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    requirement_version(&mut tx, db.now(), requirement_id, actor).await?;
    tx.commit().await?;
    Ok(())
}

const POSITIONS: &str =
    "SELECT id, position FROM requirements WHERE need_id = $1 ORDER BY position, id";
const SET_POSITION: &str = "UPDATE requirements SET position = $1 WHERE id = $2";

/// Moves a requirement one place up or down; at either end nothing moves.
/// Positions are renumbered 1.. in the same transaction, so the list has
/// no gaps or ties afterwards.
pub async fn move_requirement(
    db: &Db,
    need_id: i64,
    requirement_id: i64,
    up: bool,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE needs SET version = version WHERE id = $1")
        .bind(need_id)
        .execute(&mut *tx)
        .await?;
    let rows: Vec<(i64, i64)> = sqlx::query_as(POSITIONS)
        .bind(need_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut order: Vec<i64> = rows.into_iter().map(|(id, _)| id).collect();
    let at = order
        .iter()
        .position(|id| *id == requirement_id)
        .ok_or(AppError::NotFound)?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(other) = other.filter(|o| *o < order.len()) {
        order.swap(at, other);
    }
    for (position, id) in order.iter().enumerate() {
        sqlx::query(SET_POSITION)
            .bind(position as i64 + 1)
            .bind(*id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

const REQUIREMENT_VERSIONS: &str = "SELECT r.public_id, v.version, v.at, COALESCE(a.name, ''), \
     a.deleted_at, COALESCE(o.name, ''), v.level, v.text, v.motive, v.verification, v.accepted \
     FROM requirement_versions v JOIN requirements r ON r.id = v.requirement_id \
     LEFT JOIN accounts a ON a.id = v.account_id \
     LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE r.need_id = $1 ORDER BY r.position, r.id, v.version";

/// Every version of every requirement of a need, in list order; each
/// version's text joins the level, the requirement, motive and
/// verification, one per line, so a line diff shows what changed.
pub async fn requirement_versions(
    db: &Db,
    need_id: i64,
    deleted_user: &str,
) -> Result<Vec<RequirementVersion>, AppError> {
    type Row = (
        String,
        i64,
        i64,
        String,
        Option<i64>,
        String,
        String,
        String,
        String,
        String,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(REQUIREMENT_VERSIONS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                requirement,
                version,
                at,
                author,
                deleted,
                organisation,
                level,
                text,
                motive,
                verification,
                accepted,
            )| {
                RequirementVersion {
                    requirement,
                    version,
                    at,
                    author: if deleted.is_some() {
                        deleted_user.to_string()
                    } else {
                        author
                    },
                    organisation,
                    text: format!("({level}) {text}\n{motive}\n{verification}"),
                    accepted: accepted == 1,
                }
            },
        )
        .collect())
}
