//! The directory's SQL: the networks a person may know of, page by page,
//! the networks of their organisations, and organisations to invite.

use super::{DirectoryEntry, DirectoryQuery, FoundOrganisation, MyNetwork};
use crate::{
    core::ids::name_key,
    core::{
        guard::RoleCode,
        ids::{AccountId, NetworkId},
        sql::ListStatement,
    },
    db::Db,
    error::AppError,
    networks::{JoinPolicy, NetworkStatus},
};
use std::collections::HashMap;

crate::sql!(
    /// A network one of my organisations belongs to, for "Mina nätverk".
    MINE = "SELECT DISTINCT n.public_id, n.name, n.status, nm.role FROM networks n \
     JOIN network_members nm ON nm.network_id = n.id AND nm.status = 'active' \
     JOIN organisations o ON o.id = nm.organisation_id AND o.verified_at IS NOT NULL \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE om.account_id = $1 AND om.status = 'active' ORDER BY n.name"
);

#[derive(sqlx::FromRow)]
struct MyNetworkRow {
    public_id: String,
    name: String,
    status: String,
    #[sqlx(try_from = "String")]
    role: RoleCode,
}

/// The networks the person's organisations are active members of.
#[tracing::instrument(skip_all)]
pub async fn mine(db: &Db, account_id: AccountId) -> Result<Vec<MyNetwork>, AppError> {
    let rows: Vec<MyNetworkRow> = sqlx::query_as(MINE)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(MyNetwork {
                status: NetworkStatus::parse(&row.status)?,
                public_id: row.public_id,
                name: row.name,
                role: row.role.0,
            })
        })
        .collect())
}

/// Whether network `n` is one the person (`$1`) may know of: listed, or
/// hidden with one of their verified organisations an active member.
macro_rules! known_to_person {
    () => {
        concat!(
            "(n.visibility = 'listed' OR ",
            $crate::reads_network!("n.id"),
            ")"
        )
    };
}

/// The rows a person may see. Everything after the WHERE is shared by the
/// page and its count, so the count never includes what the list hides.
macro_rules! directory_rows {
    () => {
        concat!(
            "FROM networks n WHERE ",
            known_to_person!(),
            " AND ($2 = '' OR n.name_key LIKE $3 ESCAPE '\\') \
             AND ($4 = '' OR EXISTS (SELECT 1 FROM network_themes t \
             WHERE t.network_id = n.id AND t.division = $4)) \
             AND ($5 = '' OR EXISTS (SELECT 1 FROM network_regions r \
             WHERE r.network_id = n.id AND r.lan_code = $5)) \
             AND ($6 = 0 OR (n.join_policy = 'request' AND n.status <> 'closed'))"
        )
    };
}

crate::sql!(COUNT = concat!("SELECT COUNT(*) ", directory_rows!()));
crate::sql!(
    /// A page after the network `$8` (whose name key is `$7`); from the
    /// start when `$8` is 0, which is no network's id.
    PAGE = concat!(
        "SELECT n.id, n.public_id, n.name, n.purpose, n.status, n.join_policy, \
         (SELECT COUNT(*) FROM network_members c \
         WHERE c.network_id = n.id AND c.status = 'active') AS members ",
        directory_rows!(),
        " AND ($8 = 0 OR n.name_key > $7 OR (n.name_key = $7 AND n.id > $8)) \
         ORDER BY n.name_key, n.id LIMIT $9"
    )
);
crate::sql!(
    /// A cursor the person may not know of is no cursor: the list starts over.
    CURSOR = concat!(
        "SELECT n.name_key, n.id FROM networks n WHERE n.public_id = $2 AND ",
        known_to_person!()
    )
);

#[derive(sqlx::FromRow)]
struct CursorRow {
    name_key: String,
    id: NetworkId,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: NetworkId,
    public_id: String,
    name: String,
    purpose: String,
    status: String,
    join_policy: String,
    members: i64,
}

/// One page of the network directory, in name order, and the number of
/// networks that match.
#[tracing::instrument(skip_all)]
pub async fn directory(
    db: &Db,
    account_id: AccountId,
    query: &DirectoryQuery,
    page_size: i64,
) -> Result<(Vec<DirectoryEntry>, i64), AppError> {
    let key = name_key(query.text());
    let pattern = format!("%{}%", escape_like(&key));
    let open = i64::from(query.open_only());
    let total: i64 = sqlx::query_scalar(COUNT)
        .bind(account_id)
        .bind(&key)
        .bind(&pattern)
        .bind(query.theme())
        .bind(query.lan())
        .bind(open)
        .fetch_one(db.pool())
        .await?;
    let cursor: Option<CursorRow> = match query.after() {
        Some(after) => {
            sqlx::query_as(CURSOR)
                .bind(account_id)
                .bind(after)
                .fetch_optional(db.pool())
                .await?
        }
        None => None,
    };
    let (after_key, after_id) =
        cursor.map_or((String::new(), NetworkId(0)), |c| (c.name_key, c.id));
    let rows: Vec<EntryRow> = sqlx::query_as(PAGE)
        .bind(account_id)
        .bind(&key)
        .bind(&pattern)
        .bind(query.theme())
        .bind(query.lan())
        .bind(open)
        .bind(&after_key)
        .bind(after_id)
        .bind(page_size)
        .fetch_all(db.pool())
        .await?;
    let ids: Vec<NetworkId> = rows.iter().map(|r| r.id).collect();
    let mut regions = codes_by_network(db, REGIONS_OF, &ids).await?;
    let mut themes = codes_by_network(db, THEMES_OF, &ids).await?;
    let entries = rows
        .into_iter()
        .filter_map(|row| {
            let status = NetworkStatus::parse(&row.status)?;
            Some(DirectoryEntry {
                public_id: row.public_id,
                name: row.name,
                purpose: row.purpose,
                status,
                open: row.join_policy == JoinPolicy::Request.code()
                    && status != NetworkStatus::Closed,
                members: row.members,
                regions: regions.remove(&row.id).unwrap_or_default(),
                themes: themes.remove(&row.id).unwrap_or_default(),
            })
        })
        .collect();
    Ok((entries, total))
}

crate::sql_with_list!(
    REGIONS_OF = "SELECT network_id, lan_code AS code FROM network_regions \
     WHERE network_id IN ({list}) ORDER BY lan_code",
    from = 1
);
crate::sql_with_list!(
    THEMES_OF = "SELECT network_id, division AS code FROM network_themes \
     WHERE network_id IN ({list}) ORDER BY division",
    from = 1
);

#[derive(sqlx::FromRow)]
struct CodeRow {
    network_id: NetworkId,
    code: String,
}

/// The codes (län or CPV divisions) of a page of networks, in one query.
async fn codes_by_network(
    db: &Db,
    statement: ListStatement,
    ids: &[NetworkId],
) -> Result<HashMap<NetworkId, Vec<String>>, AppError> {
    let mut out: HashMap<NetworkId, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let mut query = sqlx::query_as::<_, CodeRow>(statement.with(ids.len()));
    for id in ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(db.pool()).await? {
        out.entry(row.network_id).or_default().push(row.code);
    }
    Ok(out)
}

/// Escapes LIKE's wildcards so a search for "50%" means those characters.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

crate::sql!(
    ORGANISATION_SEARCH = "SELECT public_id, name, org_number FROM organisations \
     WHERE (name_key LIKE $1 ESCAPE '\\' OR org_number = $2) AND verified_at IS NOT NULL \
     ORDER BY name, id LIMIT 20"
);

/// Verified organisations whose name contains the text or whose number is
/// it, for inviting.
#[tracing::instrument(skip_all)]
pub async fn search_organisations(db: &Db, text: &str) -> Result<Vec<FoundOrganisation>, AppError> {
    let pattern = format!("%{}%", escape_like(&name_key(text)));
    Ok(sqlx::query_as(ORGANISATION_SEARCH)
        .bind(pattern)
        .bind(text.trim())
        .fetch_all(db.pool())
        .await?)
}
