//! The notifications room's SQL. Every read goes through `readable!`: the
//! person's own notifications about what they may see now.

use super::{About, Kind, Notification};
use crate::{core::ids::AccountId, core::subject::Subject, db::Db, error::AppError};

/// SQL: the notifications (`n`) of the person `$1`, with their network
/// (`w`), and their comment (`c`) and its need (`nd`) when about one.
macro_rules! from_notifications {
    () => {
        "FROM notifications n JOIN networks w ON w.id = n.network_id \
         LEFT JOIN comments c ON c.id = n.comment_id \
         LEFT JOIN needs nd ON c.subject_kind = 'need' AND nd.id = c.subject_id "
    };
}

/// SQL: of those, the ones the person may see now. A comment's: in a
/// network they read, neither hidden nor deleted, and not on a need in
/// draft unless it is one of the person's organisations' own (as the need
/// page allows, in this network). A join request's: while they coordinate
/// the network. An answer's: while they are an admin of the organisation
/// that asked, and the network is listed or they read it.
macro_rules! readable {
    () => {
        concat!(
            "WHERE n.account_id = $1 AND ((n.comment_id IS NOT NULL AND n.network_id IN (",
            crate::networks_read!(),
            ") AND c.deleted_at IS NULL AND c.hidden_at IS NULL \
             AND (nd.id IS NULL OR nd.status <> 'draft' OR nd.owner_organisation_id IN \
             (SELECT rm.organisation_id ",
            crate::network_readers!(),
            " AND rm.network_id = nd.network_id))) OR (n.kind = 'join_request' AND n.network_id IN (",
            crate::networks_read!(),
            " AND rm.role = 'coordinator')) \
             OR (n.kind IN ('join_approved', 'join_refused') AND n.organisation_id IN \
             (SELECT am.organisation_id FROM organisation_members am \
             WHERE am.account_id = $1 AND am.role = 'admin' AND am.status = 'active') \
             AND (w.visibility = 'listed' OR n.network_id IN (",
            crate::networks_read!(),
            "))))"
        )
    };
}

crate::sql!(
    LIST = concat!(
        "SELECT n.id, n.kind, n.created_at, n.read_at, w.name AS network, \
         w.public_id AS network_public_id, c.subject_kind, c.public_id AS comment, \
         COALESCE(nd.public_id, dl.public_id) AS target, COALESCE(nd.title, dl.title) AS title, \
         a.name AS author, a.deleted_at AS author_deleted, o.name AS organisation, \
         ro.name AS asking ",
        from_notifications!(),
        "LEFT JOIN dialogues dl ON c.subject_kind = 'dialogue' AND dl.id = c.subject_id \
         LEFT JOIN accounts a ON a.id = c.account_id \
         LEFT JOIN organisations o ON o.id = c.organisation_id \
         LEFT JOIN organisations ro ON ro.id = n.organisation_id ",
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
    network: String,
    network_public_id: String,
    subject_kind: Option<String>,
    comment: Option<String>,
    target: Option<String>,
    title: Option<String>,
    author: Option<String>,
    author_deleted: Option<i64>,
    organisation: Option<String>,
    asking: Option<String>,
}

impl Row {
    fn into_notification(self, deleted_user: &str) -> Option<Notification> {
        let kind = Kind::parse(&self.kind)?;
        let about = match kind {
            Kind::Reply | Kind::Discussion => About::Comment {
                subject: Subject::parse(self.subject_kind.as_deref()?)?,
                target: self.target?,
                title: self.title?,
                comment: self.comment?,
                author: match (self.author_deleted, self.author) {
                    (None, Some(author)) => author,
                    _ => deleted_user.to_string(),
                },
                organisation: self.organisation?,
            },
            Kind::JoinRequest | Kind::JoinApproved | Kind::JoinRefused => About::Joining {
                network: self.network_public_id,
                organisation: self.asking?,
            },
        };
        Some(Notification {
            id: self.id,
            kind,
            at: self.created_at,
            read: self.read_at.is_some(),
            network: self.network,
            about,
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
