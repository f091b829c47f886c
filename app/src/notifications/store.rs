//! The notifications room's SQL. Every read goes through `readable!`: the
//! person's own notifications about what they may read now.

use super::{Kind, Notification};
use crate::{core::ids::AccountId, core::subject::Subject, db::Db, error::AppError};

/// SQL: the notifications (`n`) and their comments (`c`) of the person
/// `$1`, with the comment's need (`nd`) when it is on one.
macro_rules! from_notifications {
    () => {
        "FROM notifications n JOIN comments c ON c.id = n.comment_id \
         LEFT JOIN needs nd ON c.subject_kind = 'need' AND nd.id = c.subject_id "
    };
}

/// SQL: of those, the ones the person may see now: in a network they read,
/// about a comment neither hidden nor deleted, and not on a need in draft
/// unless it is one of the person's organisations' own (as the need page
/// allows).
macro_rules! readable {
    () => {
        concat!(
            "WHERE n.account_id = $1 AND n.network_id IN (",
            crate::networks_read!(),
            ") AND c.deleted_at IS NULL AND c.hidden_at IS NULL \
             AND (nd.id IS NULL OR nd.status <> 'draft' OR nd.owner_organisation_id IN \
             (SELECT rm.organisation_id ",
            crate::network_readers!(),
            "))"
        )
    };
}

crate::sql!(
    LIST = concat!(
        "SELECT n.id, n.kind, n.created_at, n.read_at, c.subject_kind, c.public_id AS comment, \
         COALESCE(nd.public_id, dl.public_id) AS target, COALESCE(nd.title, dl.title) AS title, \
         w.name AS network, a.name AS author, a.deleted_at AS author_deleted, \
         o.name AS organisation ",
        from_notifications!(),
        "LEFT JOIN dialogues dl ON c.subject_kind = 'dialogue' AND dl.id = c.subject_id \
         JOIN networks w ON w.id = n.network_id \
         LEFT JOIN accounts a ON a.id = c.account_id \
         JOIN organisations o ON o.id = c.organisation_id ",
        readable!(),
        " ORDER BY n.id DESC LIMIT $2"
    )
);
crate::sql!(
    UNREAD = concat!(
        "SELECT COUNT(*) ",
        from_notifications!(),
        readable!(),
        " AND n.read_at IS NULL"
    )
);
crate::sql!(
    MARK_READ = "UPDATE notifications SET read_at = $1 \
     WHERE id = $2 AND account_id = $3 AND read_at IS NULL"
);
crate::sql!(OWN = "SELECT COUNT(*) FROM notifications WHERE id = $1 AND account_id = $2");
crate::sql!(
    MARK_ALL_READ =
        "UPDATE notifications SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL"
);

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    created_at: i64,
    read_at: Option<i64>,
    subject_kind: String,
    comment: String,
    target: Option<String>,
    title: Option<String>,
    network: String,
    author: Option<String>,
    author_deleted: Option<i64>,
    organisation: String,
}

impl Row {
    fn into_notification(self, deleted_user: &str) -> Option<Notification> {
        Some(Notification {
            id: self.id,
            kind: Kind::parse(&self.kind)?,
            at: self.created_at,
            read: self.read_at.is_some(),
            subject: Subject::parse(&self.subject_kind)?,
            target: self.target?,
            title: self.title?,
            network: self.network,
            comment: self.comment,
            author: match self.author_deleted {
                Some(_) => deleted_user.to_string(),
                None => self.author.unwrap_or_else(|| deleted_user.to_string()),
            },
            organisation: self.organisation,
        })
    }
}

/// The person's newest notifications that they may see, newest first.
#[tracing::instrument(skip_all)]
pub async fn newest(
    db: &Db,
    person: AccountId,
    limit: i64,
    deleted_user: &str,
) -> Result<Vec<Notification>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(LIST)
        .bind(person)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| row.into_notification(deleted_user))
        .collect())
}

/// How many of the person's notifications they may see and have not read.
#[tracing::instrument(skip_all)]
pub async fn unread(db: &Db, person: AccountId) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(UNREAD)
        .bind(person)
        .fetch_one(db.pool())
        .await?)
}

/// Marks one of the person's notifications read; `NotFound` for one that
/// is not theirs. Marking it again changes nothing.
#[tracing::instrument(skip_all)]
pub async fn mark_read(db: &Db, person: AccountId, id: i64) -> Result<(), AppError> {
    let done = sqlx::query(MARK_READ)
        .bind(db.now())
        .bind(id)
        .bind(person)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 0 {
        let own: i64 = sqlx::query_scalar(OWN)
            .bind(id)
            .bind(person)
            .fetch_one(db.pool())
            .await?;
        if own == 0 {
            return Err(AppError::NotFound);
        }
    }
    Ok(())
}

/// Marks all the person's notifications read.
#[tracing::instrument(skip_all)]
pub async fn mark_all_read(db: &Db, person: AccountId) -> Result<(), AppError> {
    sqlx::query(MARK_ALL_READ)
        .bind(db.now())
        .bind(person)
        .execute(db.pool())
        .await?;
    Ok(())
}
