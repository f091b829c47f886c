//! The comments room's SQL.

use super::{thread_order, Comment, CommentBody, CommentState, HideReason, Subject};
use crate::{
    core::ids::public_id,
    core::{
        audit::{self, Entry},
        ids::{AccountId, CommentId, NetworkId},
        notify,
        subject::Place,
        Actor,
    },
    db::Db,
    error::AppError,
};

#[derive(sqlx::FromRow)]
struct ParentRow {
    id: CommentId,
    thread_id: Option<CommentId>,
    depth: i64,
}

crate::sql!(
    PARENT = "SELECT id, thread_id, depth FROM comments \
     WHERE public_id = $1 AND subject_kind = $2 AND subject_id = $3"
);
crate::sql!(
    INSERT = "INSERT INTO comments (public_id, network_id, subject_kind, subject_id, \
     thread_id, parent_id, depth, account_id, organisation_id, body, version, created_at, \
     body_html, html_renderer, html_version) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $13, 1) RETURNING id"
);
crate::sql!(SET_THREAD = "UPDATE comments SET thread_id = id WHERE id = $1");
crate::sql!(
    INSERT_VERSION =
        "INSERT INTO comment_versions (comment_id, version, body, at) VALUES ($1, $2, $3, $4)"
);

/// Adds a comment, or a reply to `parent`; `NotFound` when the parent is
/// not on this subject, `BadRequest` when replies would go too deep.
/// Returns the new comment's public id.
#[tracing::instrument(skip_all)]
pub async fn post(
    db: &Db,
    place: &Place,
    parent: Option<&str>,
    body: &CommentBody,
    actor: Actor,
) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let parent: Option<ParentRow> = match parent {
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
    let depth = parent.as_ref().map(|p| p.depth + 1).unwrap_or(0);
    if depth > super::MAX_DEPTH {
        return Err(AppError::BadRequest);
    }
    let now = db.now();
    let public_id = public_id();
    let id: CommentId = sqlx::query_scalar(INSERT)
        .bind(&public_id)
        .bind(place.network_id)
        .bind(place.subject.code())
        .bind(place.subject_id)
        .bind(parent.as_ref().and_then(|p| p.thread_id))
        .bind(parent.as_ref().map(|p| p.id))
        .bind(depth)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .bind(body.as_str())
        .bind(now)
        .bind(crate::markdown::to_html(body.as_str()))
        .bind(crate::markdown::RENDERER)
        .fetch_one(&mut *tx)
        .await?;
    if parent.is_none() {
        sqlx::query(SET_THREAD).bind(id).execute(&mut *tx).await?;
    }
    sqlx::query(INSERT_VERSION)
        .bind(id)
        .bind(1_i64)
        .bind(body.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Comment(id)).await?;
    let written = notify::Written {
        comment_id: id,
        network_id: place.network_id,
        subject: place.subject,
        subject_id: place.subject_id,
        parent_id: parent.as_ref().map(|p| p.id),
        writer: actor.account_id,
        at: now,
    };
    notify::comment_written(&mut tx, &written).await?;
    tx.commit().await?;
    Ok(public_id)
}

/// The person follows the place's discussion, or stops following it.
#[tracing::instrument(skip_all)]
pub async fn set_following(
    db: &Db,
    place: &Place,
    person: AccountId,
    follow: bool,
) -> Result<(), AppError> {
    notify::set_following(db, person, place.subject, place.subject_id, follow).await
}

/// Whether the person follows the place's discussion.
#[tracing::instrument(skip_all)]
pub async fn follows(db: &Db, place: &Place, person: AccountId) -> Result<bool, AppError> {
    notify::follows(db, person, place.subject, place.subject_id).await
}

/// A comment with what authorisation needs to know about it.
#[derive(Clone, Debug)]
pub struct Found {
    pub id: CommentId,
    pub subject: Subject,
    pub subject_id: i64,
    pub network_id: NetworkId,
    pub account_id: Option<AccountId>,
    pub version: i64,
    pub deleted: bool,
    pub hidden: bool,
}

#[derive(sqlx::FromRow)]
struct FoundRow {
    id: CommentId,
    subject_kind: String,
    subject_id: i64,
    network_id: NetworkId,
    account_id: Option<AccountId>,
    version: i64,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
}

impl FoundRow {
    /// `None` for a subject kind this version does not know.
    fn found(self) -> Option<Found> {
        Some(Found {
            id: self.id,
            subject: Subject::parse(&self.subject_kind)?,
            subject_id: self.subject_id,
            network_id: self.network_id,
            account_id: self.account_id,
            version: self.version,
            deleted: self.deleted_at.is_some(),
            hidden: self.hidden_at.is_some(),
        })
    }
}

crate::sql!(
    FIND = "SELECT id, subject_kind, subject_id, network_id, account_id, version, \
     deleted_at, hidden_at FROM comments WHERE public_id = $1"
);

#[tracing::instrument(skip_all)]
pub async fn find(db: &Db, public_id: &str) -> Result<Option<Found>, AppError> {
    let row: Option<FoundRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(FoundRow::found))
}

crate::sql!(
    EDIT = "UPDATE comments SET body = $1, version = version + 1, edited_at = $2, \
     body_html = $5, html_renderer = $6, html_version = version + 1 \
     WHERE id = $3 AND version = $4 AND deleted_at IS NULL AND hidden_at IS NULL"
);

/// Saves the author's new text; the earlier one stays in the versions.
#[tracing::instrument(skip_all)]
pub async fn edit(db: &Db, comment: &Found, body: &CommentBody) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let done = sqlx::query(EDIT)
        .bind(body.as_str())
        .bind(now)
        .bind(comment.id)
        .bind(comment.version)
        .bind(crate::markdown::to_html(body.as_str()))
        .bind(crate::markdown::RENDERER)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    sqlx::query(INSERT_VERSION)
        .bind(comment.id)
        .bind(comment.version + 1)
        .bind(body.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Comment(comment.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    DELETE = "UPDATE comments SET deleted_at = $1, body = '', body_html = '' \
     WHERE id = $2 AND deleted_at IS NULL"
);

/// The author deletes: the text leaves the page, the place in the thread
/// stays (the earlier versions remain in the record).
#[tracing::instrument(skip_all)]
pub async fn delete(db: &Db, comment: &Found) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(DELETE)
        .bind(db.now())
        .bind(comment.id)
        .execute(&mut *tx)
        .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Comment(comment.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    HIDE = "UPDATE comments SET hidden_at = $1, hidden_reason = $2 \
     WHERE id = $3 AND hidden_at IS NULL"
);
crate::sql!(
    AUTHOR = "SELECT COALESCE(a.name, '') FROM comments c \
     LEFT JOIN accounts a ON a.id = c.account_id WHERE c.id = $1"
);

/// A coordinator hides a comment; the reason shows in its place and in
/// the network's audit log.
#[tracing::instrument(skip_all)]
pub async fn hide(
    db: &Db,
    comment: &Found,
    reason: &HideReason,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(HIDE)
        .bind(db.now())
        .bind(reason.as_str())
        .bind(comment.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let author: String = sqlx::query_scalar(AUTHOR)
        .bind(comment.id)
        .fetch_one(&mut *tx)
        .await?;
    let subject = format!("{} ({author})", comment.subject.code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(
            comment.network_id,
            "comment_hidden",
            &subject,
            reason.as_str(),
        ),
    )
    .await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Comment(comment.id)).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct StaleRow {
    id: CommentId,
    version: i64,
    body: String,
}

crate::sql!(
    STALE = "SELECT id, version, body FROM comments \
     WHERE id > $3 AND (html_renderer < $1 OR html_version <> version) AND deleted_at IS NULL \
     ORDER BY id LIMIT $2"
);
crate::sql!(
    /// A delete by the release before this one left the HTML behind.
    TOMBSTONES = "UPDATE comments SET body_html = '' WHERE deleted_at IS NOT NULL AND body_html <> ''"
);
crate::sql!(
    RERENDER = "UPDATE comments SET body_html = $1, html_renderer = $2, html_version = $4 \
     WHERE id = $3 AND version = $4 AND deleted_at IS NULL"
);

/// Renders again the comments whose stored HTML an older renderer made,
/// or that an older release edited without rendering, a batch per
/// transaction, and empties the HTML of deleted ones; returns how many
/// were rendered. Run once at start, since
/// the renderer changes only with a release. Each row's HTML is its own,
/// so each is one update; an edit or a delete meanwhile wins (the version
/// and the tombstone are checked). Batches follow the ids, so each reads
/// on from where the last one stopped, not from the first comment again.
#[tracing::instrument(skip_all)]
pub async fn rerender_stale(db: &Db) -> Result<u64, AppError> {
    const BATCH: i64 = 500;
    let mut done = 0;
    let mut after = CommentId(0);
    sqlx::query(TOMBSTONES).execute(db.pool()).await?;
    loop {
        let rows: Vec<StaleRow> = sqlx::query_as(STALE)
            .bind(crate::markdown::RENDERER)
            .bind(BATCH)
            .bind(after)
            .fetch_all(db.pool())
            .await?;
        let Some(last) = rows.last() else {
            return Ok(done);
        };
        after = last.id;
        // Rendered before the transaction, which holds SQLite's write lock.
        let rendered: Vec<String> = rows
            .iter()
            .map(|r| crate::markdown::to_html(&r.body))
            .collect();
        let mut tx = db.pool().begin().await?;
        for (row, html) in rows.iter().zip(rendered) {
            done += sqlx::query(RERENDER)
                .bind(html)
                .bind(crate::markdown::RENDERER)
                .bind(row.id)
                .bind(row.version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: CommentId,
    public_id: String,
    parent_id: Option<CommentId>,
    depth: i64,
    account_id: Option<AccountId>,
    author: String,
    author_deleted: Option<i64>,
    organisation: String,
    body: String,
    body_html: String,
    html_renderer: i64,
    html_version: i64,
    version: i64,
    created_at: i64,
    edited_at: Option<i64>,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
    hidden_reason: String,
}

/// The comments of one subject (`$1` its kind, `$2` its id) that meet a
/// further condition, oldest first.
macro_rules! comments_where {
    ($condition:literal) => {
        concat!(
            "SELECT c.id, c.public_id, c.parent_id, c.depth, c.account_id, \
             COALESCE(a.name, '') AS author, a.deleted_at AS author_deleted, \
             o.name AS organisation, c.body, c.body_html, c.html_renderer, c.html_version, c.version, c.created_at, c.edited_at, c.deleted_at, \
             c.hidden_at, c.hidden_reason \
             FROM comments c LEFT JOIN accounts a ON a.id = c.account_id \
             JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.subject_kind = $1 AND c.subject_id = $2 AND ",
            $condition
        )
    };
}

crate::sql!(
    THREADS = "SELECT id FROM comments WHERE subject_kind = $1 AND subject_id = $2 \
     AND parent_id IS NULL AND id > $3 ORDER BY id LIMIT $4"
);
crate::sql!(CURSOR = "SELECT id FROM comments WHERE public_id = $1");
crate::sql_with_list!(
    /// The subject comes first so the subject index finds the rows; by the
    /// thread ids alone it would read every comment there is.
    IN_THREADS = comments_where!("c.thread_id IN ({list}) ORDER BY c.id"),
    from = 3
);

/// One page of threads after the thread `after` (a public id), oldest
/// first, and the cursor for the next page.
#[tracing::instrument(skip_all)]
pub async fn page(
    db: &Db,
    place: &Place,
    after: Option<&str>,
    viewer: AccountId,
    deleted_user: &str,
) -> Result<(Vec<Vec<Comment>>, Option<String>), AppError> {
    let after_id = match after {
        Some(cursor) => sqlx::query_scalar(CURSOR)
            .bind(cursor)
            .fetch_optional(db.pool())
            .await?
            .unwrap_or(CommentId(0)),
        None => CommentId(0),
    };
    let limit = super::THREADS_PER_PAGE;
    let mut roots: Vec<CommentId> = sqlx::query_scalar(THREADS)
        .bind(place.subject.code())
        .bind(place.subject_id)
        .bind(after_id)
        .bind(limit as i64 + 1)
        .fetch_all(db.pool())
        .await?;
    let more = roots.len() > limit;
    roots.truncate(limit);
    if roots.is_empty() {
        return Ok((Vec::new(), None));
    }
    let mut query = sqlx::query_as::<_, Row>(IN_THREADS.with(roots.len()))
        .bind(place.subject.code())
        .bind(place.subject_id);
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

crate::sql!(SINCE = comments_where!("c.created_at > $3 ORDER BY c.id LIMIT 50"));

/// Comments written after `after` (milliseconds), oldest first.
#[tracing::instrument(skip_all)]
pub async fn since(
    db: &Db,
    place: &Place,
    after: i64,
    viewer: AccountId,
    deleted_user: &str,
) -> Result<Vec<Comment>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(SINCE)
        .bind(place.subject.code())
        .bind(place.subject_id)
        .bind(after)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .iter()
        .map(|r| to_comment(r, viewer, deleted_user))
        .collect())
}

crate::sql!(
    NEWEST = "SELECT COALESCE(MAX(created_at), 0) FROM comments \
     WHERE subject_kind = $1 AND subject_id = $2"
);

/// When the newest comment on the subject was written (0 for none).
#[tracing::instrument(skip_all)]
pub async fn newest(db: &Db, place: &Place) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(NEWEST)
        .bind(place.subject.code())
        .bind(place.subject_id)
        .fetch_one(db.pool())
        .await?)
}

fn to_comment(r: &Row, viewer: AccountId, deleted_user: &str) -> Comment {
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
        author: crate::core::shown_name(r.author.clone(), r.author_deleted, deleted_user),
        organisation: r.organisation.clone(),
        body_html: if !visible {
            String::new()
        } else if r.html_renderer == crate::markdown::RENDERER && r.html_version == r.version {
            r.body_html.clone()
        } else {
            crate::markdown::to_html(&r.body)
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
