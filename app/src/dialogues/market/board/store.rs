//! The board's SQL: a page of announced, open dialogues after the cursor,
//! and their hosts' names in one more statement.

use super::{BoardFilter, BoardItem, BOARD_PAGE};
use crate::{
    core::ids::DialogueId,
    db::Db,
    dialogues::{DialogueFormat, DialogueStatus},
    error::AppError,
};

#[derive(sqlx::FromRow)]
struct BoardRow {
    id: DialogueId,
    public_id: String,
    title: String,
    purpose: String,
    form: String,
    cpv: String,
    lan_code: String,
    answer_deadline: i64,
    status: String,
    announced_at: i64,
}

crate::sql!(
    /// The public board: announced dialogues, newest first, one page at a
    /// time after the cursor (announced_at, public id).
    BOARD = "SELECT d.id, d.public_id, d.title, d.purpose, d.form, d.cpv, d.lan_code, \
     d.answer_deadline, d.status, d.announced_at FROM dialogues d \
     JOIN networks n ON n.id = d.network_id WHERE d.announced_at IS NOT NULL \
     AND d.audience = 'open' \
     AND (CAST($1 AS TEXT) IS NULL OR substr(d.cpv, 1, 2) = CAST($1 AS TEXT)) \
     AND (CAST($2 AS TEXT) IS NULL OR d.lan_code = CAST($2 AS TEXT)) \
     AND (CAST($3 AS TEXT) IS NULL OR d.form = CAST($3 AS TEXT)) \
     AND (CAST($4 AS BIGINT) = 0 OR (d.status IN ('announced', 'open') AND n.status <> 'closed')) \
     AND (CAST($5 AS BIGINT) IS NULL OR d.answer_deadline >= CAST($5 AS BIGINT)) \
     AND (CAST($6 AS BIGINT) IS NULL OR d.announced_at < CAST($6 AS BIGINT) \
          OR (d.announced_at = CAST($6 AS BIGINT) AND d.public_id < CAST($7 AS TEXT))) \
     ORDER BY d.announced_at DESC, d.public_id DESC LIMIT $8"
);

#[derive(sqlx::FromRow)]
struct HostNameRow {
    dialogue_id: DialogueId,
    name: String,
}

crate::sql_with_list!(
    HOST_NAMES = "SELECT h.dialogue_id, o.name FROM dialogue_hosts h \
     JOIN organisations o ON o.id = h.organisation_id \
     WHERE h.dialogue_id IN ({list}) ORDER BY o.name",
    from = 1
);

/// One page of the board, and whether another follows.
#[tracing::instrument(skip_all)]
pub async fn board(db: &Db, filter: &BoardFilter) -> Result<(Vec<BoardItem>, bool), AppError> {
    let (after_at, after_id) = match &filter.after {
        Some((at, id)) => (Some(*at), Some(id.clone())),
        None => (None, None),
    };
    let mut rows: Vec<BoardRow> = sqlx::query_as(BOARD)
        .bind(filter.division.as_deref())
        .bind(filter.lan.as_deref())
        .bind(filter.form.map(DialogueFormat::code))
        .bind(i64::from(filter.open))
        .bind(filter.deadline_from)
        .bind(after_at)
        .bind(after_id)
        .bind(BOARD_PAGE + 1)
        .fetch_all(db.pool())
        .await?;
    let more = rows.len() as i64 > BOARD_PAGE;
    rows.truncate(BOARD_PAGE as usize);
    let ids: Vec<DialogueId> = rows.iter().map(|r| r.id).collect();
    let mut query = sqlx::query_as::<_, HostNameRow>(HOST_NAMES.with(ids.len()));
    for id in &ids {
        query = query.bind(*id);
    }
    let hosts = query.fetch_all(db.pool()).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(BoardItem {
                hosts: hosts
                    .iter()
                    .filter(|h| h.dialogue_id == r.id)
                    .map(|h| h.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                public_id: r.public_id,
                title: r.title,
                purpose: r.purpose,
                form: DialogueFormat::parse(&r.form)
                    .ok_or_else(|| AppError::internal("dialogue form"))?,
                cpv: r.cpv,
                lan: r.lan_code,
                answer_deadline: r.answer_deadline,
                status: DialogueStatus::parse(&r.status)
                    .ok_or_else(|| AppError::internal("dialogue status"))?,
                announced_at: r.announced_at,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok((items, more))
}
