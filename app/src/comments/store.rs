//! The comments room's SQL.

use super::{thread_order, Comment, CommentState, Subject};
use crate::{
    core::{
        audit::{self, Entry},
        Actor,
    },
    db::{public_id, Db},
    error::AppError,
};

/// Where comments hang: the subject and the network it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub subject: Subject,
    pub subject_id: i64,
    pub network_id: i64,
}

const PARENT: &str = "SELECT id, thread_id, depth FROM comments \
     WHERE public_id = $1 AND subject_kind = $2 AND subject_id = $3";
const INSERT: &str = "INSERT INTO comments (public_id, network_id, subject_kind, subject_id, \
     thread_id, parent_id, depth, account_id, organisation_id, body, version, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11) RETURNING id";
const SET_THREAD: &str = "UPDATE comments SET thread_id = id WHERE id = $1";
const INSERT_VERSION: &str =
    "INSERT INTO comment_versions (comment_id, version, body, at) VALUES ($1, $2, $3, $4)";

/// Adds a comment, or a reply to `parent`; `NotFound` when the parent is
/// not on this subject, `BadRequest` when replies would go too deep.
/// Returns the new comment's public id.
pub async fn post(
    db: &Db,
    place: Place,
    parent: Option<&str>,
    body: &str,
    actor: Actor,
) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let parent_row: Option<(i64, Option<i64>, i64)> = match parent {
        Some(parent) => Some(
            sqlx::query_as(PARENT)
                .bind(parent)
                .bind(place.subject.code())
                .bind(place.subject_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let depth = parent_row.map(|(_, _, d)| d + 1).unwrap_or(0);
    if depth > super::MAX_DEPTH {
        return Err(AppError::BadRequest);
    }
    let now = db.now();
    let public_id = public_id();
    let (id,): (i64,) = sqlx::query_as(INSERT)
        .bind(&public_id)
        .bind(place.network_id)
        .bind(place.subject.code())
        .bind(place.subject_id)
        .bind(parent_row.and_then(|(_, thread, _)| thread))
        .bind(parent_row.map(|(id, _, _)| id))
        .bind(depth)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .bind(body)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    if parent_row.is_none() {
        sqlx::query(SET_THREAD).bind(id).execute(&mut *tx).await?;
    }
    sqlx::query(INSERT_VERSION)
        .bind(id)
        .bind(1_i64)
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(public_id)
}

/// A comment with what authorisation needs to know about it.
#[derive(Clone, Debug)]
pub struct Found {
    pub id: i64,
    pub subject: Subject,
    pub subject_id: i64,
    pub network_id: i64,
    pub account_id: Option<i64>,
    pub version: i64,
    pub deleted: bool,
    pub hidden: bool,
}

const FIND: &str = "SELECT id, subject_kind, subject_id, network_id, account_id, version, \
     deleted_at, hidden_at FROM comments WHERE public_id = $1";

pub async fn find(db: &Db, public_id: &str) -> Result<Option<Found>, AppError> {
    type Row = (
        i64,
        String,
        i64,
        i64,
        Option<i64>,
        i64,
        Option<i64>,
        Option<i64>,
    );
    let row: Option<Row> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(
        |(id, kind, subject_id, network_id, account_id, version, deleted, hidden)| {
            Some(Found {
                id,
                subject: Subject::parse(&kind)?,
                subject_id,
                network_id,
                account_id,
                version,
                deleted: deleted.is_some(),
                hidden: hidden.is_some(),
            })
        },
    ))
}

const EDIT: &str = "UPDATE comments SET body = $1, version = version + 1, edited_at = $2 \
     WHERE id = $3 AND version = $4 AND deleted_at IS NULL AND hidden_at IS NULL";

/// Saves the author's new text; the earlier one stays in the versions.
pub async fn edit(db: &Db, comment: &Found, body: &str) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let done = sqlx::query(EDIT)
        .bind(body)
        .bind(now)
        .bind(comment.id)
        .bind(comment.version)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    sqlx::query(INSERT_VERSION)
        .bind(comment.id)
        .bind(comment.version + 1)
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The author deletes: the text leaves the page, the place in the thread
/// stays (the earlier versions remain in the record).
pub async fn delete(db: &Db, comment: &Found) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE comments SET deleted_at = $1, body = '' WHERE id = $2 AND deleted_at IS NULL",
    )
    .bind(db.now())
    .bind(comment.id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A coordinator hides a comment; the reason shows in its place and in
/// the network's audit log.
pub async fn hide(db: &Db, comment: &Found, reason: &str, actor: Actor) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE comments SET hidden_at = $1, hidden_reason = $2 WHERE id = $3 AND hidden_at IS NULL",
    )
    .bind(db.now())
    .bind(reason)
    .bind(comment.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let (author,): (String,) = sqlx::query_as(
        "SELECT COALESCE(a.name, '') FROM comments c LEFT JOIN accounts a ON a.id = c.account_id \
         WHERE c.id = $1",
    )
    .bind(comment.id)
    .fetch_one(&mut *tx)
    .await?;
    let subject = format!("{} ({author})", comment.subject.code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(comment.network_id, "comment_hidden", &subject, reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    public_id: String,
    parent_id: Option<i64>,
    depth: i64,
    account_id: Option<i64>,
    author: String,
    author_deleted: Option<i64>,
    organisation: String,
    body: String,
    created_at: i64,
    edited_at: Option<i64>,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
    hidden_reason: String,
}

const SELECT: &str = "SELECT c.id, c.public_id, c.parent_id, c.depth, c.account_id, \
     COALESCE(a.name, '') AS author, a.deleted_at AS author_deleted, o.name AS organisation, \
     c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.hidden_reason \
     FROM comments c LEFT JOIN accounts a ON a.id = c.account_id \
     JOIN organisations o ON o.id = c.organisation_id";
const THREADS: &str = "SELECT id FROM comments WHERE subject_kind = $1 AND subject_id = $2 \
     AND parent_id IS NULL AND id > $3 ORDER BY id LIMIT $4";
const CURSOR: &str = "SELECT id FROM comments WHERE public_id = $1";

/// One page of threads after the thread `after` (a public id), oldest
/// first, and the cursor for the next page.
pub async fn page(
    db: &Db,
    subject: Subject,
    subject_id: i64,
    after: Option<&str>,
    viewer: i64,
    deleted_user: &str,
) -> Result<(Vec<Vec<Comment>>, Option<String>), AppError> {
    let after_id = match after {
        Some(cursor) => sqlx::query_as::<_, (i64,)>(CURSOR)
            .bind(cursor)
            .fetch_optional(db.pool())
            .await?
            .map(|(id,)| id)
            .unwrap_or(0),
        None => 0,
    };
    let limit = super::THREADS_PER_PAGE as i64;
    let roots: Vec<(i64,)> = sqlx::query_as(THREADS)
        .bind(subject.code())
        .bind(subject_id)
        .bind(after_id)
        .bind(limit + 1)
        .fetch_all(db.pool())
        .await?;
    let more = roots.len() as i64 > limit;
    let roots: Vec<i64> = roots
        .into_iter()
        .take(limit as usize)
        .map(|(id,)| id)
        .collect();
    if roots.is_empty() {
        return Ok((Vec::new(), None));
    }
    let placeholders: Vec<String> = (3..roots.len() + 3).map(|i| format!("${i}")).collect();
    // The subject comes first so the subject index finds the rows; by the
    // thread ids alone it would read every comment there is.
    let sql = format!(
        "{SELECT} WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.thread_id IN ({}) \
         ORDER BY c.id",
        placeholders.join(", ")
    );
    // Built from this file's constants; the ids go in as parameters.
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(subject.code())
        .bind(subject_id);
    for id in &roots {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(db.pool()).await?;
    let parents: Vec<Option<usize>> = rows
        .iter()
        .map(|r| {
            r.parent_id
                .and_then(|p| rows.iter().position(|o| o.id == p))
        })
        .collect();
    let comments: Vec<Comment> = rows
        .iter()
        .map(|r| to_comment(r, viewer, deleted_user))
        .collect();
    let next = if more {
        rows.iter()
            .rev()
            .find(|r| r.parent_id.is_none())
            .map(|r| r.public_id.clone())
    } else {
        None
    };
    Ok((thread_order(&comments, &parents), next))
}

const SINCE: &str = " WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.created_at > $3 \
     ORDER BY c.id LIMIT 50";

/// Comments written after `after` (milliseconds), oldest first.
pub async fn since(
    db: &Db,
    subject: Subject,
    subject_id: i64,
    after: i64,
    viewer: i64,
    deleted_user: &str,
) -> Result<Vec<Comment>, AppError> {
    let sql = format!("{SELECT}{SINCE}");
    // Built from this file's constants; values go in as parameters.
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(subject.code())
        .bind(subject_id)
        .bind(after)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .iter()
        .map(|r| to_comment(r, viewer, deleted_user))
        .collect())
}

const NEWEST: &str = "SELECT COALESCE(MAX(created_at), 0) FROM comments \
     WHERE subject_kind = $1 AND subject_id = $2";

pub async fn newest(db: &Db, subject: Subject, subject_id: i64) -> Result<i64, AppError> {
    let (newest,): (i64,) = sqlx::query_as(NEWEST)
        .bind(subject.code())
        .bind(subject_id)
        .fetch_one(db.pool())
        .await?;
    Ok(newest)
}

fn to_comment(r: &Row, viewer: i64, deleted_user: &str) -> Comment {
    let state = if r.deleted_at.is_some() {
        CommentState::Deleted
    } else if r.hidden_at.is_some() {
        CommentState::Hidden(r.hidden_reason.clone())
    } else {
        CommentState::Visible
    };
    let visible = state == CommentState::Visible;
    Comment {
        public_id: r.public_id.clone(),
        depth: r.depth,
        author: if r.author_deleted.is_some() {
            deleted_user.to_string()
        } else {
            r.author.clone()
        },
        organisation: r.organisation.clone(),
        body_html: if visible {
            crate::markdown::to_html(&r.body)
        } else {
            String::new()
        },
        body: if visible {
            r.body.clone()
        } else {
            String::new()
        },
        created_at: r.created_at,
        edited: r.edited_at.is_some(),
        state,
        mine: r.account_id == Some(viewer) && r.author_deleted.is_none(),
    }
}
