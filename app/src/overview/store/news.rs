//! The overview's news: what changed in the person's networks since their
//! last visit, read from the content itself.

use crate::overview::{Named, News, Subject, TextKind, SECTION_MAX};
use crate::{
    core::ids::AccountId, db::Db, dialogues::DialogueStatus, error::AppError, needs::NeedStatus,
};

crate::sql!(
    /// What changed after `$2` in the networks the person reads, from the
    /// content itself. The log is read only for a dialogue's status steps,
    /// which are part of the dialogue's record every member reads (never
    /// their reasons); the network's own log is for coordinators. Drafts
    /// are their owners' alone, so neither they nor comments on them show.
    NEWS = concat!(
        "SELECT 'need_shared' AS kind, nd.public_id AS target, nd.title, n.name AS network, \
         o.name AS detail, nd.created_at AS happened_at, CAST(1 AS BIGINT) AS items \
         FROM needs nd JOIN networks n ON n.id = nd.network_id \
         JOIN organisations o ON o.id = nd.owner_organisation_id \
         WHERE nd.status <> 'draft' AND nd.created_at > $2 AND ",
        crate::reads_network!("nd.network_id"),
        " UNION ALL \
         SELECT 'need_changed', nd.public_id, nd.title, n.name, nd.status, nd.updated_at, 1 \
         FROM needs nd JOIN networks n ON n.id = nd.network_id \
         WHERE nd.status <> 'draft' AND nd.created_at <= $2 AND nd.updated_at > $2 AND ",
        crate::reads_network!("nd.network_id"),
        " UNION ALL \
         SELECT 'dialogue_planned', d.public_id, d.title, n.name, d.status, d.created_at, 1 \
         FROM dialogues d JOIN networks n ON n.id = d.network_id \
         WHERE d.created_at > $2 AND ",
        crate::reads_network!("d.network_id"),
        " UNION ALL \
         SELECT 'dialogue_moved', d.public_id, d.title, n.name, d.status, MAX(l.at), 1 \
         FROM dialogues d JOIN networks n ON n.id = d.network_id \
         JOIN network_audit l ON l.dialogue_id = d.id AND l.action = 'dialogue_status' \
         WHERE l.at > $2 AND d.created_at <= $2 AND ",
        crate::reads_network!("d.network_id"),
        " GROUP BY d.id, d.public_id, d.title, n.name, d.status \
         UNION ALL \
         SELECT 'answers', d.public_id, d.title, n.name, '', MAX(q.published_at), COUNT(*) \
         FROM dialogue_qa q JOIN dialogues d ON d.id = q.dialogue_id \
         JOIN networks n ON n.id = d.network_id WHERE q.published_at > $2 AND ",
        crate::reads_network!("d.network_id"),
        " GROUP BY d.id, d.public_id, d.title, n.name \
         UNION ALL \
         SELECT 'approved', d.public_id, d.title, n.name, t.kind, t.approved_at, 1 \
         FROM dialogue_texts t JOIN dialogues d ON d.id = t.dialogue_id \
         JOIN networks n ON n.id = d.network_id \
         WHERE t.status = 'approved' AND t.approved_at > $2 AND ",
        crate::reads_network!("d.network_id"),
        " UNION ALL \
         SELECT 'member', n.public_id, n.name, n.name, o.name, nm.since, 1 \
         FROM network_members nm JOIN networks n ON n.id = nm.network_id \
         JOIN organisations o ON o.id = nm.organisation_id \
         WHERE nm.status = 'active' AND nm.since > $2 AND ",
        crate::reads_network!("n.id"),
        " UNION ALL \
         SELECT 'need_comments', nd.public_id, nd.title, n.name, '', MAX(c.created_at), COUNT(*) \
         FROM comments c JOIN needs nd ON c.subject_kind = 'need' AND nd.id = c.subject_id \
         JOIN networks n ON n.id = nd.network_id \
         WHERE c.created_at > $2 AND c.deleted_at IS NULL AND c.hidden_at IS NULL \
         AND (c.account_id IS NULL OR c.account_id <> $1) AND nd.status <> 'draft' AND ",
        crate::reads_network!("nd.network_id"),
        " GROUP BY nd.id, nd.public_id, nd.title, n.name \
         UNION ALL \
         SELECT 'dialogue_comments', d.public_id, d.title, n.name, '', MAX(c.created_at), COUNT(*) \
         FROM comments c JOIN dialogues d ON c.subject_kind = 'dialogue' AND d.id = c.subject_id \
         JOIN networks n ON n.id = d.network_id \
         WHERE c.created_at > $2 AND c.deleted_at IS NULL AND c.hidden_at IS NULL \
         AND (c.account_id IS NULL OR c.account_id <> $1) AND ",
        crate::reads_network!("d.network_id"),
        " GROUP BY d.id, d.public_id, d.title, n.name \
         ORDER BY happened_at DESC, kind, target LIMIT $3"
    )
);

#[derive(sqlx::FromRow)]
struct NewsRow {
    kind: String,
    target: String,
    title: String,
    network: String,
    detail: String,
    happened_at: i64,
    items: i64,
}

impl TryFrom<NewsRow> for News {
    type Error = AppError;
    fn try_from(row: NewsRow) -> Result<News, AppError> {
        use crate::overview::Change;
        let named = Named {
            public_id: row.target,
            name: row.title,
        };
        let dialogue_status = |code: &str| {
            DialogueStatus::parse(code).ok_or_else(|| AppError::internal("dialogue status"))
        };
        let text_kind =
            |code: &str| TextKind::parse(code).ok_or_else(|| AppError::internal("text kind"));
        let (subject, change) = match row.kind.as_str() {
            "need_shared" => (
                Subject::Need(named),
                Change::NeedShared { owner: row.detail },
            ),
            "need_changed" => (
                Subject::Need(named),
                Change::NeedChanged {
                    status: NeedStatus::parse(&row.detail)
                        .ok_or_else(|| AppError::internal("need status"))?,
                },
            ),
            "need_comments" => (Subject::Need(named), Change::Comments { count: row.items }),
            "dialogue_planned" => (Subject::Dialogue(named), Change::DialoguePlanned),
            "dialogue_moved" => (
                Subject::Dialogue(named),
                Change::DialogueMoved {
                    status: dialogue_status(&row.detail)?,
                },
            ),
            "answers" => (
                Subject::Dialogue(named),
                Change::Answers { count: row.items },
            ),
            "approved" => (
                Subject::Dialogue(named),
                Change::Approved {
                    kind: text_kind(&row.detail)?,
                },
            ),
            "dialogue_comments" => (
                Subject::Dialogue(named),
                Change::Comments { count: row.items },
            ),
            _ => (
                Subject::Network(named),
                Change::Member {
                    organisation: row.detail,
                },
            ),
        };
        Ok(News {
            at: row.happened_at,
            network: row.network,
            subject,
            change,
        })
    }
}

/// What changed after `since` in the person's networks, newest first.
#[tracing::instrument(skip_all)]
pub async fn news(db: &Db, account_id: AccountId, since: i64) -> Result<Vec<News>, AppError> {
    let rows: Vec<NewsRow> = sqlx::query_as(NEWS)
        .bind(account_id)
        .bind(since)
        .bind(SECTION_MAX)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter().map(News::try_from).collect()
}
