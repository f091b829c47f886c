//! The search's SQL: registered organisations by a part of their name or
//! their number, with the asker's place in each.

use super::{Hit, Hits, SearchText, HITS_SHOWN};
use crate::{
    core::ids::{name_key, AccountId},
    db::Db,
    error::AppError,
    organisations::Status,
};

#[derive(sqlx::FromRow)]
struct HitRow {
    public_id: String,
    name: String,
    org_number: String,
    lan_code: String,
    kommun_code: Option<String>,
    verified_at: Option<i64>,
    my_status: Option<String>,
}

crate::sql!(
    /// A number is matched on its digits, so it is found with or without
    /// the dash; `$2` is empty when the text is no number, and matches
    /// nothing then.
    SEARCH = "SELECT o.public_id, o.name, o.org_number, o.lan_code, o.kommun_code, \
     o.verified_at, m.status AS my_status FROM organisations o \
     LEFT JOIN organisation_members m ON m.organisation_id = o.id AND m.account_id = $3 \
     WHERE o.name_key LIKE $1 ESCAPE '\\' OR REPLACE(o.org_number, '-', '') LIKE $2 \
     ORDER BY o.name, o.id LIMIT $4"
);

/// Escapes LIKE's wildcards so a search for "50%" means those characters.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Registered organisations, verified or not, that match the search.
#[tracing::instrument(skip_all)]
pub async fn search(db: &Db, text: &SearchText, asker: AccountId) -> Result<Hits, AppError> {
    let name = format!("%{}%", escape_like(&name_key(text.text())));
    let number = text.digits().map(|d| format!("%{d}%")).unwrap_or_default();
    let rows: Vec<HitRow> = sqlx::query_as(SEARCH)
        .bind(name)
        .bind(number)
        .bind(asker)
        .bind(i64::try_from(HITS_SHOWN + 1).unwrap_or(i64::MAX))
        .fetch_all(db.pool())
        .await?;
    let more = rows.len() > HITS_SHOWN;
    let hits = rows
        .into_iter()
        .take(HITS_SHOWN)
        .map(|row| Hit {
            public_id: row.public_id,
            name: row.name,
            org_number: row.org_number,
            lan_code: row.lan_code,
            kommun_code: row.kommun_code,
            verified: row.verified_at.is_some(),
            my_status: row.my_status.as_deref().and_then(Status::parse),
        })
        .collect();
    Ok(Hits { hits, more })
}
