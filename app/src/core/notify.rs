//! The notifications a change leaves for people, and who follows which
//! discussion. Both are written in the change's own transaction, so no
//! notification is lost or left behind by a change that failed. Whether
//! its person may still see one is decided when it is read (the
//! notifications room), so a notification written here never shows more
//! than the reader may see at that time.

use serde::{Deserialize, Serialize};

/// What a notification tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Someone replied to the person's comment.
    Reply,
    /// Someone wrote in a discussion the person follows.
    Discussion,
    /// An organisation asks to join a network the person coordinates.
    JoinRequest,
    /// The person's organisation was let into a network it asked to join.
    JoinApproved,
    /// The person's organisation was refused a network it asked to join.
    JoinRefused,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Reply,
        Kind::Discussion,
        Kind::JoinRequest,
        Kind::JoinApproved,
        Kind::JoinRefused,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Reply => "reply",
            Kind::Discussion => "discussion",
            Kind::JoinRequest => "join_request",
            Kind::JoinApproved => "join_approved",
            Kind::JoinRefused => "join_refused",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use crate::{
        core::{
            ids::{AccountId, CommentId, NetworkId, OrganisationId},
            subject::Subject,
        },
        db::Db,
        error::AppError,
    };
    use sqlx::{Any, Transaction};

    crate::sql!(
        /// The parent comment's author, unless they wrote the reply, the
        /// parent is deleted or their account is.
        REPLY = "INSERT INTO notifications (account_id, kind, network_id, comment_id, created_at) \
         SELECT p.account_id, 'reply', CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT) \
         FROM comments p JOIN accounts a ON a.id = p.account_id \
         WHERE p.id = $4 AND p.account_id <> $5 AND p.deleted_at IS NULL AND a.deleted_at IS NULL \
         ON CONFLICT DO NOTHING"
    );
    crate::sql!(
        /// Everyone who follows the discussion but its writer; the parent's
        /// author already has the comment as a reply.
        FOLLOWERS = "INSERT INTO notifications (account_id, kind, network_id, comment_id, created_at) \
         SELECT f.account_id, 'discussion', CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT) \
         FROM discussion_follows f \
         WHERE f.subject_kind = $4 AND f.subject_id = $5 AND f.account_id <> $6 \
         ON CONFLICT DO NOTHING"
    );
    crate::sql!(
        /// The people of the network's coordinating organisations, but the
        /// one asking.
        JOIN_REQUESTED = "INSERT INTO notifications \
         (account_id, kind, network_id, organisation_id, created_at) \
         SELECT DISTINCT om.account_id, 'join_request', CAST($1 AS BIGINT), CAST($2 AS BIGINT), \
         CAST($3 AS BIGINT) FROM network_members nm \
         JOIN organisations g ON g.id = nm.organisation_id AND g.verified_at IS NOT NULL \
         JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
         AND om.status = 'active' \
         JOIN accounts a ON a.id = om.account_id AND a.deleted_at IS NULL \
         WHERE nm.network_id = $1 AND nm.role = 'coordinator' AND nm.status = 'active' \
         AND om.account_id <> $4"
    );
    crate::sql!(
        /// The asking organisation's admins, but the one deciding.
        JOIN_DECIDED = "INSERT INTO notifications \
         (account_id, kind, network_id, organisation_id, created_at) \
         SELECT om.account_id, CAST($1 AS TEXT), CAST($2 AS BIGINT), CAST($3 AS BIGINT), \
         CAST($4 AS BIGINT) FROM organisation_members om \
         JOIN accounts a ON a.id = om.account_id AND a.deleted_at IS NULL \
         WHERE om.organisation_id = $3 AND om.role = 'admin' AND om.status = 'active' \
         AND om.account_id <> $5"
    );
    crate::sql!(
        FOLLOW =
            "INSERT INTO discussion_follows (account_id, subject_kind, subject_id, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING"
    );
    crate::sql!(
        UNFOLLOW = "DELETE FROM discussion_follows \
         WHERE account_id = $1 AND subject_kind = $2 AND subject_id = $3"
    );
    crate::sql!(
        FOLLOWS = "SELECT COUNT(*) FROM discussion_follows \
         WHERE account_id = $1 AND subject_kind = $2 AND subject_id = $3"
    );

    /// A comment just written in a discussion.
    pub struct Written {
        pub comment_id: CommentId,
        pub network_id: NetworkId,
        pub subject: Subject,
        pub subject_id: i64,
        /// The comment replied to, if it is a reply.
        pub parent_id: Option<CommentId>,
        pub writer: AccountId,
        pub at: i64,
    }

    /// Notifies the parent's author and the discussion's followers of a
    /// new comment, never its writer, who from now on follows the
    /// discussion.
    pub async fn comment_written(
        tx: &mut Transaction<'_, Any>,
        c: &Written,
    ) -> Result<(), AppError> {
        if let Some(parent) = c.parent_id {
            sqlx::query(REPLY)
                .bind(c.network_id)
                .bind(c.comment_id)
                .bind(c.at)
                .bind(parent)
                .bind(c.writer)
                .execute(&mut **tx)
                .await?;
        }
        sqlx::query(FOLLOWERS)
            .bind(c.network_id)
            .bind(c.comment_id)
            .bind(c.at)
            .bind(c.subject.code())
            .bind(c.subject_id)
            .bind(c.writer)
            .execute(&mut **tx)
            .await?;
        sqlx::query(FOLLOW)
            .bind(c.writer)
            .bind(c.subject.code())
            .bind(c.subject_id)
            .bind(c.at)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Tells the network's coordinators that `organisation` asks to join.
    pub async fn join_requested(
        tx: &mut Transaction<'_, Any>,
        network_id: NetworkId,
        organisation_id: OrganisationId,
        asker: AccountId,
        at: i64,
    ) -> Result<(), AppError> {
        sqlx::query(JOIN_REQUESTED)
            .bind(network_id)
            .bind(organisation_id)
            .bind(at)
            .bind(asker)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Tells the asking organisation's admins what the network decided.
    pub async fn join_decided(
        tx: &mut Transaction<'_, Any>,
        network_id: NetworkId,
        organisation_id: OrganisationId,
        approved: bool,
        decider: AccountId,
        at: i64,
    ) -> Result<(), AppError> {
        let kind = match approved {
            true => super::Kind::JoinApproved,
            false => super::Kind::JoinRefused,
        };
        sqlx::query(JOIN_DECIDED)
            .bind(kind.code())
            .bind(network_id)
            .bind(organisation_id)
            .bind(at)
            .bind(decider)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// The person follows the discussion (`true`) or stops following it.
    pub async fn set_following(
        db: &Db,
        person: AccountId,
        subject: Subject,
        subject_id: i64,
        follow: bool,
    ) -> Result<(), AppError> {
        let query = match follow {
            true => sqlx::query(FOLLOW)
                .bind(person)
                .bind(subject.code())
                .bind(subject_id)
                .bind(db.now()),
            false => sqlx::query(UNFOLLOW)
                .bind(person)
                .bind(subject.code())
                .bind(subject_id),
        };
        query.execute(db.pool()).await?;
        Ok(())
    }

    /// Whether the person follows the discussion.
    pub async fn follows(
        db: &Db,
        person: AccountId,
        subject: Subject,
        subject_id: i64,
    ) -> Result<bool, AppError> {
        let n: i64 = sqlx::query_scalar(FOLLOWS)
            .bind(person)
            .bind(subject.code())
            .bind(subject_id)
            .fetch_one(db.pool())
            .await?;
        Ok(n > 0)
    }
}
