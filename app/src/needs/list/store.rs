//! The lists' SQL: a page of the needs a person may see, and the needs a
//! dialogue may be planned for.

use super::{NeedFilter, NeedSummary};
use crate::{
    core::ids::{AccountId, NetworkId},
    db::Db,
    error::AppError,
    needs::store::choices,
};

crate::sql!(
    OPEN_NEEDS = "SELECT public_id, title FROM needs WHERE network_id = $1 \
     AND status NOT IN ('draft', 'fulfilled', 'withdrawn') ORDER BY created_at DESC, id DESC"
);

/// The network's needs a dialogue can cover (shared and not yet closed):
/// (public id, title), newest first.
#[tracing::instrument(skip_all)]
pub async fn open_needs(db: &Db, network_id: NetworkId) -> Result<Vec<(String, String)>, AppError> {
    let rows = sqlx::query_as(OPEN_NEEDS)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    Ok(choices(rows))
}

/// Whether need `n` is one the person (`$1`) may see: in a network where
/// one of their verified organisations is an active member, and a draft
/// only for the owner organisation's people. The networks come as a list,
/// so a list walks the needs of those networks by their index; an
/// `EXISTS` per need made it read every need there is (#20).
macro_rules! seen_by_person {
    () => {
        concat!(
            "n.network_id IN (",
            $crate::networks_read!(),
            ")",
            " AND (n.status <> 'draft' OR EXISTS (SELECT 1 FROM organisation_members dm \
              WHERE dm.organisation_id = n.owner_organisation_id AND dm.account_id = $1 \
              AND dm.status = 'active'))"
        )
    };
}

/// The needs of a list, with their demand summed from their own interests
/// (by the primary key), in one network (`$network`, a placeholder) or in
/// all of the person's (`""`): `$2` to `$5` filter by status, staircase,
/// division and län ('' for any), `$6` is the page's size and `$7` the
/// id of the last need of the previous page (0 on the first).
macro_rules! list_of {
    ($network:literal, $inner:literal, $outer:literal) => {
        concat!(
            "SELECT y.public_id, y.title, y.status, y.staircase, o.name AS owner, \
             nw.name AS network_name, y.organisations, y.total AS total_value, y.created_at \
             FROM (SELECT x.*, \
             (SELECT COUNT(*) FROM need_interests i WHERE i.need_id = x.id) AS organisations, \
             (SELECT CAST(COALESCE(SUM(i.value_sek), 0) AS BIGINT) FROM need_interests i \
              WHERE i.need_id = x.id) AS total \
             FROM (SELECT n.id, n.public_id, n.title, n.status, n.staircase, \
             n.owner_organisation_id, n.network_id, n.created_at FROM needs n WHERE ",
            seen_by_person!(),
            " AND ($2 = '' OR n.status = $2) AND ($3 = '' OR n.staircase = $3) \
             AND ($4 = '' OR EXISTS (SELECT 1 FROM need_cpv c WHERE c.need_id = n.id AND c.division = $4)) \
             AND ($5 = '' OR EXISTS (SELECT 1 FROM need_regions r WHERE r.need_id = n.id AND r.lan_code = $5))",
            $network,
            $inner,
            ") x) y JOIN organisations o ON o.id = y.owner_organisation_id \
             JOIN networks nw ON nw.id = y.network_id",
            $outer
        )
    };
}

/// Newest first picks the page before summing any demand, so the sums
/// follow the needs shown: after the cursor's `$8` (created at).
macro_rules! newest {
    ($network:literal) => {
        list_of!(
            $network,
            " AND ($7 = 0 OR n.created_at < $8 OR (n.created_at = $8 AND n.id < $7)) \
             ORDER BY n.created_at DESC, n.id DESC LIMIT $6",
            " ORDER BY y.created_at DESC, y.id DESC"
        )
    };
}

/// Most demand first must sum every visible need's: after the cursor's
/// `$8` (organisations) and `$9` (total value).
macro_rules! most_demand {
    ($network:literal) => {
        list_of!(
            $network,
            "",
            " WHERE ($7 = 0 OR y.total < $9 OR (y.total = $9 AND (y.organisations < $8 \
             OR (y.organisations = $8 AND y.id < $7)))) \
             ORDER BY y.total DESC, y.organisations DESC, y.id DESC LIMIT $6"
        )
    };
}

// One network's needs are found by its index; its id comes last.
crate::sql!(LIST_NEWEST = newest!(""));
crate::sql!(LIST_NEWEST_IN_NETWORK = newest!(" AND n.network_id = $9"));
crate::sql!(LIST_MOST_DEMAND = most_demand!(""));
crate::sql!(LIST_MOST_DEMAND_IN_NETWORK = most_demand!(" AND n.network_id = $10"));

crate::sql!(
    /// A cursor the person may not see is no cursor: the list starts over.
    LIST_CURSOR = concat!(
        "SELECT n.id, n.created_at, \
         (SELECT COUNT(*) FROM need_interests i WHERE i.need_id = n.id) AS organisations, \
         (SELECT CAST(COALESCE(SUM(i.value_sek), 0) AS BIGINT) FROM need_interests i \
          WHERE i.need_id = n.id) AS total FROM needs n WHERE n.public_id = $2 AND ",
        seen_by_person!()
    )
);

/// Where the previous page ended, by what the list is sorted by.
#[derive(Default, sqlx::FromRow)]
struct Cursor {
    id: i64,
    created_at: i64,
    organisations: i64,
    total: i64,
}

/// Up to `limit` needs, newest first or most demand first, from the
/// cursor in `filter.after` on, in one network or in all of the person's.
#[tracing::instrument(skip_all)]
pub async fn list(
    db: &Db,
    account_id: AccountId,
    network_id: Option<NetworkId>,
    filter: &NeedFilter,
    limit: i64,
) -> Result<Vec<NeedSummary>, AppError> {
    let cursor: Cursor = match &filter.after {
        Some(after) => sqlx::query_as(LIST_CURSOR)
            .bind(account_id)
            .bind(after)
            .fetch_optional(db.pool())
            .await?
            .unwrap_or_default(),
        None => Cursor::default(),
    };
    let sql = match (filter.by_demand, network_id.is_some()) {
        (false, false) => LIST_NEWEST,
        (false, true) => LIST_NEWEST_IN_NETWORK,
        (true, false) => LIST_MOST_DEMAND,
        (true, true) => LIST_MOST_DEMAND_IN_NETWORK,
    };
    let mut query = sqlx::query_as(sql)
        .bind(account_id)
        .bind(filter.status.map(|s| s.code()).unwrap_or(""))
        .bind(filter.staircase.clone().unwrap_or_default())
        .bind(filter.division.clone().unwrap_or_default())
        .bind(filter.lan.clone().unwrap_or_default())
        .bind(limit)
        .bind(cursor.id);
    query = if filter.by_demand {
        query.bind(cursor.organisations).bind(cursor.total)
    } else {
        query.bind(cursor.created_at)
    };
    if let Some(network_id) = network_id {
        query = query.bind(network_id);
    }
    Ok(query.fetch_all(db.pool()).await?)
}
