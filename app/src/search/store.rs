//! The search's SQL. Who may read a row is part of the query, so a page,
//! its counts and its snippets are all computed from rows the reader may
//! read: a network's rows for the people who read the network (and a
//! listed network's own row for anyone signed in), and the public rows —
//! announced dialogues and their published answers — for everyone else.
//! The match itself differs by engine (a `tsvector` on PostgreSQL, FTS5 on
//! SQLite) but both read the same stems, so both find the same rows.

use super::{
    query::{Query, Scopes},
    snippet::snippet,
    Hit, Kind, Part, Results, Search, Status, PAGE_SIZE,
};
use crate::{core::ids::AccountId, db::Db, db::Engine, error::AppError};

/// The rows a reader (`$1`, 0 when not signed in) may read, with the
/// filters: `$3` the row kinds ('' all, else a comma-separated list), `$4`
/// a network's public id, `$5` 1 current / 2 closed, `$6`/`$7` the time
/// span, `$8` public rows only. The match is `$2`.
macro_rules! readable {
    () => {
        concat!(
            "((s.audience = 'network' AND CAST($8 AS BIGINT) = 0 AND (s.network_id IN (",
            crate::networks_read!(),
            ") OR (s.kind = 'network' AND n.visibility = 'listed' AND CAST($1 AS BIGINT) <> 0))) \
             OR (s.audience = 'public' AND (CAST($8 AS BIGINT) = 1 OR s.network_id NOT IN (",
            crate::networks_read!(),
            ")))) \
             AND (CAST($3 AS TEXT) = '' OR ',' || CAST($3 AS TEXT) || ',' LIKE '%,' || s.kind || ',%') \
             AND (CAST($4 AS TEXT) = '' OR (n.public_id = CAST($4 AS TEXT) AND s.audience = 'network')) \
             AND (CAST($5 AS BIGINT) = 0 OR s.current = 2 - CAST($5 AS BIGINT)) \
             AND s.at >= CAST($6 AS BIGINT) AND s.at < CAST($7 AS BIGINT)"
        )
    };
}

/// The rows that match `$2`, on each engine: a `tsvector` on PostgreSQL,
/// FTS5 on SQLite (whose `bm25` needs the table joined).
macro_rules! matched_postgres {
    () => {
        "FROM search_documents s JOIN networks n ON n.id = s.network_id \
         WHERE s.vector @@ to_tsquery('simple', CAST($2 AS TEXT)) AND "
    };
}
macro_rules! matched_sqlite {
    () => {
        "FROM search_documents s JOIN networks n ON n.id = s.network_id \
         JOIN search_fts ON search_fts.rowid = s.id WHERE search_fts MATCH $2 AND "
    };
}

/// What a result row gives the page.
macro_rules! hit_columns {
    () => {
        "SELECT s.kind, s.title, s.parent, s.body, s.path, s.at, \
         CASE WHEN s.audience = 'public' THEN '' ELSE n.name END AS network "
    };
}

crate::sql!(
    engine = Postgres,
    HITS_POSTGRES = concat!(
        hit_columns!(),
        matched_postgres!(),
        readable!(),
        " ORDER BY ts_rank_cd('{0.1, 0.2, 0, 1.0}', s.vector, \
         to_tsquery('simple', CAST($2 AS TEXT))) DESC, \
         s.at DESC, s.id DESC LIMIT $9 OFFSET $10"
    )
);
crate::sql!(
    engine = Sqlite,
    /// Title words weigh four times body words, as the A and D weights do
    /// on PostgreSQL; the scope weighs nothing.
    HITS_SQLITE = concat!(
        hit_columns!(),
        matched_sqlite!(),
        readable!(),
        " ORDER BY bm25(search_fts, 4.0, 1.0, 0.0), s.at DESC, s.id DESC LIMIT $9 OFFSET $10"
    )
);
crate::sql!(
    engine = Postgres,
    COUNTS_POSTGRES = concat!(
        "SELECT s.kind, COUNT(*) AS count ",
        matched_postgres!(),
        readable!(),
        " GROUP BY s.kind"
    )
);
crate::sql!(
    engine = Sqlite,
    COUNTS_SQLITE = concat!(
        "SELECT s.kind, COUNT(*) AS count ",
        matched_sqlite!(),
        readable!(),
        " GROUP BY s.kind"
    )
);

crate::sql!(
    /// The networks the reader reads: the scopes the match looks in, and
    /// the network filter's choices.
    READ_NETWORKS = concat!(
        "SELECT n.id, n.public_id, n.name FROM networks n WHERE ",
        crate::reads_network!("n.id"),
        " ORDER BY n.name"
    )
);

#[derive(sqlx::FromRow)]
struct HitRow {
    kind: String,
    title: String,
    parent: String,
    body: String,
    path: String,
    at: i64,
    network: String,
}

#[derive(sqlx::FromRow)]
struct ReadNetwork {
    id: i64,
    public_id: String,
    name: String,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    kind: String,
    count: i64,
}

/// Searches that read at the same time. A search for a common word reads
/// many index rows; a burst of them waits its turn here instead of taking
/// every database connection from the pages.
static SEARCHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// One page of what `reader` (None: not signed in) may read that matches.
#[tracing::instrument(skip_all)]
pub async fn search(
    db: &Db,
    reader: Option<AccountId>,
    search: &Search,
) -> Result<Results, AppError> {
    let _turn = SEARCHING.acquire().await.map_err(AppError::internal)?;
    let reader = reader.map_or(0, |a| a.0);
    let read: Vec<ReadNetwork> = match (reader, search.public_only) {
        (0, _) | (_, true) => Vec::new(),
        _ => {
            sqlx::query_as(READ_NETWORKS)
                .bind(reader)
                .fetch_all(db.pool())
                .await?
        }
    };
    // Only rows of these scopes are looked at; the query's own rule then
    // decides which of them the reader may read.
    let ids: Vec<i64> = read.iter().map(|n| n.id).collect();
    let scopes = Scopes::of(&ids, reader != 0 && !search.public_only);
    let (hits_sql, counts_sql, matched) = match db.engine() {
        Engine::Postgres => (
            HITS_POSTGRES,
            COUNTS_POSTGRES,
            search.query.tsquery(&scopes),
        ),
        Engine::Sqlite => (HITS_SQLITE, COUNTS_SQLITE, search.query.fts5(&scopes)),
    };
    let status = match search.status {
        None => 0,
        Some(Status::Current) => 1,
        Some(Status::Closed) => 2,
    };
    let (from, to) = (search.from.unwrap_or(0), search.to.unwrap_or(i64::MAX));
    let network = search.network.clone().unwrap_or_default();
    let public_only = i64::from(search.public_only);
    // The counts are of every kind, so the page can offer each one.
    let counted: Vec<CountRow> = sqlx::query_as(counts_sql)
        .bind(reader)
        .bind(&matched)
        .bind("")
        .bind(&network)
        .bind(status)
        .bind(from)
        .bind(to)
        .bind(public_only)
        .fetch_all(db.pool())
        .await?;
    let mut counts: Vec<(Kind, i64)> = Vec::new();
    for row in counted {
        if let Some(kind) = Kind::of_row(&row.kind) {
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += row.count,
                None => counts.push((kind, row.count)),
            }
        }
    }
    counts.sort_by_key(|(kind, _)| Kind::ALL.iter().position(|k| k == kind));
    let total = counts
        .iter()
        .filter(|(kind, _)| search.kind.is_none_or(|k| k == *kind))
        .map(|(_, n)| n)
        .sum();
    let kinds = search.kind.map(|k| k.rows().join(",")).unwrap_or_default();
    let rows: Vec<HitRow> = sqlx::query_as(hits_sql)
        .bind(reader)
        .bind(&matched)
        .bind(&kinds)
        .bind(&network)
        .bind(status)
        .bind(from)
        .bind(to)
        .bind(public_only)
        .bind(PAGE_SIZE)
        .bind((search.page - 1) * PAGE_SIZE)
        .fetch_all(db.pool())
        .await?;
    let hits = rows
        .into_iter()
        .filter_map(|row| hit(row, &search.query))
        .collect();
    let networks = read.into_iter().map(|n| (n.public_id, n.name)).collect();
    Ok(Results {
        hits,
        counts,
        total,
        page: search.page,
        ignored: search.ignored.iter().map(|s| s.to_string()).collect(),
        networks,
    })
}

fn hit(row: HitRow, query: &Query) -> Option<Hit> {
    let kind = Kind::of_row(&row.kind)?;
    let title: Vec<Part> = snippet(&row.title, query);
    let text = if row.body.trim().is_empty() {
        &row.title
    } else {
        &row.body
    };
    Some(Hit {
        kind,
        row_kind: row.kind,
        title,
        parent: row.parent,
        network: row.network,
        path: row.path,
        snippet: snippet(text, query),
        at: row.at,
    })
}
