//! Every table's rows about one person (`$1` is their account id), as the
//! download's sections. Each statement names its columns as the download
//! does (README), so a row is serialised as it was read. Content of a
//! network the person no longer reads is included only where they wrote
//! it.

use crate::{core::ids::AccountId, db::Db, error::AppError};
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

/// Text the person did not write, from a network they no longer read, is
/// left out (NULL).
macro_rules! if_read {
    ($network:literal, $column:literal) => {
        concat!(
            "CASE WHEN ",
            $crate::reads_network!($network),
            " THEN ",
            $column,
            " END"
        )
    };
}

/// A flag computed in SQL (0 or 1), as a JSON boolean.
fn flag<S: Serializer>(value: &i64, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_bool(*value == 1)
}

/// A stored quarter, as its code ("2027-Q1").
fn quarter<S: Serializer>(value: &i64, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(&crate::needs::Quarter(*value).code())
}

#[derive(sqlx::FromRow, Serialize)]
struct AccountRow {
    email: String,
    name: String,
    title: String,
    language: String,
    email_verified_at_ms: Option<i64>,
    #[serde(serialize_with = "flag")]
    site_admin: i64,
    #[serde(serialize_with = "flag")]
    two_factor: i64,
    created_at_ms: i64,
    password_changed_at_ms: Option<i64>,
    /// The overview's last two visits ("new since your last visit").
    overview_seen_at_ms: Option<i64>,
    overview_previous_at_ms: Option<i64>,
}

crate::sql!(
    ACCOUNT = "SELECT email, name, title, language, email_verified_at AS email_verified_at_ms, \
     is_site_admin AS site_admin, \
     CAST(CASE WHEN totp_secret IS NULL THEN 0 ELSE 1 END AS BIGINT) AS two_factor, \
     created_at AS created_at_ms, password_changed_at AS password_changed_at_ms, \
     overview_seen_at AS overview_seen_at_ms, overview_previous_at AS overview_previous_at_ms \
     FROM accounts WHERE id = $1 AND deleted_at IS NULL"
);

#[derive(sqlx::FromRow, Serialize)]
struct SessionRow {
    browser: String,
    ip: String,
    created_at_ms: i64,
    last_seen_at_ms: i64,
    expires_at_ms: i64,
}

crate::sql!(
    SESSIONS = "SELECT user_agent AS browser, ip, created_at AS created_at_ms, \
     last_seen_at AS last_seen_at_ms, expires_at AS expires_at_ms \
     FROM sessions WHERE account_id = $1 ORDER BY id"
);

#[derive(sqlx::FromRow, Serialize)]
struct EventRow {
    kind: String,
    at_ms: i64,
    ip: String,
}

crate::sql!(
    EVENTS = "SELECT kind, at AS at_ms, ip FROM security_events WHERE account_id = $1 ORDER BY id"
);

#[derive(sqlx::FromRow, Serialize)]
struct MailRow {
    subject: String,
    created_at_ms: i64,
    sent_at_ms: Option<i64>,
    #[serde(serialize_with = "flag")]
    delivered: i64,
}

crate::sql!(
    /// Never a body: a body may hold a live link.
    MAIL = "SELECT subject, created_at AS created_at_ms, sent_at AS sent_at_ms, \
     CAST(CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS delivered FROM outbox \
     WHERE recipient = (SELECT email FROM accounts WHERE id = $1) ORDER BY id"
);

#[derive(sqlx::FromRow, Serialize)]
struct MembershipRow {
    organisation: String,
    org_number: String,
    role: String,
    status: String,
    requested_at_ms: i64,
    decided_at_ms: Option<i64>,
}

crate::sql!(
    MEMBERSHIPS = "SELECT o.name AS organisation, o.org_number, m.role, m.status, \
     m.requested_at AS requested_at_ms, m.decided_at AS decided_at_ms \
     FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id \
     WHERE m.account_id = $1 ORDER BY o.name"
);

#[derive(sqlx::FromRow, Serialize)]
struct DecisionRow {
    organisation: String,
    at_ms: i64,
    action: String,
    #[serde(serialize_with = "flag")]
    by_me: i64,
    #[serde(serialize_with = "flag")]
    about_me: i64,
}

crate::sql!(
    DECISIONS = "SELECT o.name AS organisation, l.at AS at_ms, l.action, \
     CAST(CASE WHEN l.actor_account_id = $1 THEN 1 ELSE 0 END AS BIGINT) AS by_me, \
     CAST(CASE WHEN l.subject_account_id = $1 THEN 1 ELSE 0 END AS BIGINT) AS about_me \
     FROM organisation_audit l JOIN organisations o ON o.id = l.organisation_id \
     WHERE l.actor_account_id = $1 OR l.subject_account_id = $1 ORDER BY l.id"
);

#[derive(sqlx::FromRow, Serialize)]
struct AuditRow {
    network_id: String,
    network: Option<String>,
    at_ms: i64,
    organisation: String,
    action: String,
    subject: Option<String>,
    reason: String,
}

crate::sql!(
    AUDIT = concat!(
        "SELECT n.public_id AS network_id, ",
        if_read!("l.network_id", "n.name"),
        " AS network, l.at AS at_ms, COALESCE(o.name, '') AS organisation, l.action, ",
        if_read!("l.network_id", "l.subject"),
        " AS subject, l.reason FROM network_audit l JOIN networks n ON n.id = l.network_id \
         LEFT JOIN organisations o ON o.id = l.actor_organisation_id \
         WHERE l.actor_account_id = $1 ORDER BY l.id"
    )
);

#[derive(sqlx::FromRow, Serialize)]
struct CommentRow {
    /// The comment's row id, to gather its versions.
    #[serde(skip)]
    row_id: i64,
    id: String,
    subject_kind: String,
    subject_id: Option<String>,
    subject_title: Option<String>,
    organisation: String,
    body: String,
    created_at_ms: i64,
    edited_at_ms: Option<i64>,
    #[serde(serialize_with = "flag")]
    deleted: i64,
    #[serde(serialize_with = "flag")]
    hidden: i64,
    hidden_reason: String,
    #[sqlx(skip)]
    versions: Vec<CommentVersionRow>,
}

crate::sql!(
    COMMENTS = concat!(
        "SELECT c.id AS row_id, c.public_id AS id, c.subject_kind, \
         COALESCE(sn.public_id, sd.public_id) AS subject_id, ",
        if_read!("c.network_id", "COALESCE(sn.title, sd.title)"),
        " AS subject_title, o.name AS organisation, c.body, c.created_at AS created_at_ms, \
         c.edited_at AS edited_at_ms, \
         CAST(CASE WHEN c.deleted_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS deleted, \
         CAST(CASE WHEN c.hidden_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS hidden, \
         c.hidden_reason FROM comments c \
         JOIN organisations o ON o.id = c.organisation_id \
         LEFT JOIN needs sn ON c.subject_kind = 'need' AND sn.id = c.subject_id \
         LEFT JOIN dialogues sd ON c.subject_kind = 'dialogue' AND sd.id = c.subject_id \
         WHERE c.account_id = $1 ORDER BY c.id"
    )
);

#[derive(Clone, sqlx::FromRow, Serialize)]
struct CommentVersionRow {
    #[serde(skip)]
    comment_id: i64,
    version: i64,
    body: String,
    at_ms: i64,
}

crate::sql!(
    COMMENT_VERSIONS = "SELECT v.comment_id, v.version, v.body, v.at AS at_ms \
     FROM comment_versions v JOIN comments c ON c.id = v.comment_id \
     WHERE c.account_id = $1 ORDER BY v.comment_id, v.version"
);

#[derive(sqlx::FromRow, Serialize)]
struct NeedVersionRow {
    need_id: String,
    version: i64,
    at_ms: i64,
    organisation: Option<String>,
    title: String,
    problem: String,
    effect: String,
    affected: String,
}

crate::sql!(
    NEED_VERSIONS = "SELECT n.public_id AS need_id, v.version, v.at AS at_ms, \
     o.name AS organisation, v.title, v.problem, v.effect, v.affected FROM need_versions v \
     JOIN needs n ON n.id = v.need_id LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE v.account_id = $1 ORDER BY n.id, v.version"
);

#[derive(sqlx::FromRow, Serialize)]
struct RequirementVersionRow {
    need_id: String,
    requirement_id: String,
    version: i64,
    at_ms: i64,
    organisation: Option<String>,
    text: String,
    motive: String,
    verification: String,
    level: String,
    #[serde(serialize_with = "flag")]
    accepted: i64,
}

crate::sql!(
    REQUIREMENT_VERSIONS = "SELECT n.public_id AS need_id, \
     r.public_id AS requirement_id, v.version, v.at AS at_ms, o.name AS organisation, v.text, \
     v.motive, v.verification, v.level, v.accepted FROM requirement_versions v \
     JOIN requirements r ON r.id = v.requirement_id JOIN needs n ON n.id = r.need_id \
     LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE v.account_id = $1 ORDER BY r.id, v.version"
);

#[derive(sqlx::FromRow, Serialize)]
struct InterestRow {
    need_id: String,
    need_title: Option<String>,
    organisation: String,
    quantity: i64,
    unit: String,
    value_sek: i64,
    #[serde(serialize_with = "quarter")]
    earliest_quarter: i64,
    confidence: String,
    comment: String,
    updated_at_ms: i64,
}

crate::sql!(
    INTERESTS = concat!(
        "SELECT n.public_id AS need_id, ",
        if_read!("n.network_id", "n.title"),
        " AS need_title, o.name AS organisation, i.quantity, i.unit, i.value_sek, \
         i.earliest AS earliest_quarter, i.confidence, i.comment, i.updated_at AS updated_at_ms \
         FROM need_interests i \
         JOIN needs n ON n.id = i.need_id JOIN organisations o ON o.id = i.organisation_id \
         WHERE i.account_id = $1 ORDER BY n.id"
    )
);

#[derive(sqlx::FromRow, Serialize)]
struct RegistrationRow {
    dialogue_id: String,
    dialogue_title: Option<String>,
    organisation: String,
    attendees: String,
    registered_at_ms: i64,
    withdrawn_at_ms: Option<i64>,
}

crate::sql!(
    REGISTRATIONS = concat!(
        "SELECT d.public_id AS dialogue_id, ",
        if_read!("d.network_id", "d.title"),
        " AS dialogue_title, o.name AS organisation, r.attendees, \
         r.registered_at AS registered_at_ms, r.withdrawn_at AS withdrawn_at_ms \
         FROM dialogue_registrations r JOIN dialogues d ON d.id = r.dialogue_id \
         JOIN organisations o ON o.id = r.organisation_id WHERE r.account_id = $1 ORDER BY d.id"
    )
);

#[derive(sqlx::FromRow, Serialize)]
struct StartedRow {
    dialogue_id: String,
    title: String,
    at_ms: i64,
}

crate::sql!(
    STARTED = "SELECT d.public_id AS dialogue_id, d.title, l.at AS at_ms FROM network_audit l \
     JOIN dialogues d ON d.id = l.dialogue_id \
     WHERE l.action = 'dialogue_created' AND l.actor_account_id = $1 ORDER BY l.id"
);

#[derive(sqlx::FromRow, Serialize)]
struct TextRow {
    dialogue_id: String,
    text_id: String,
    kind: String,
    status: String,
    body: Option<String>,
    written_at_ms: i64,
    approved_at_ms: Option<i64>,
    #[serde(serialize_with = "flag")]
    wrote: i64,
    #[serde(serialize_with = "flag")]
    approved: i64,
}

crate::sql!(
    TEXTS = concat!(
        "SELECT d.public_id AS dialogue_id, t.public_id AS text_id, t.kind, t.status, \
         CASE WHEN t.written_by = $1 OR ",
        crate::reads_network!("d.network_id"),
        " THEN t.body END AS body, t.written_at AS written_at_ms, \
         t.approved_at AS approved_at_ms, \
         CAST(CASE WHEN t.written_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS wrote, \
         CAST(CASE WHEN t.approved_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS approved \
         FROM dialogue_texts t JOIN dialogues d ON d.id = t.dialogue_id \
         WHERE t.written_by = $1 OR t.approved_by = $1 ORDER BY t.id"
    )
);

#[derive(sqlx::FromRow, Serialize)]
struct AnswerRow {
    dialogue_id: String,
    question: String,
    answer: String,
    published_at_ms: i64,
}

crate::sql!(
    ANSWERS = "SELECT d.public_id AS dialogue_id, q.question, q.answer, \
     q.published_at AS published_at_ms FROM dialogue_qa q \
     JOIN dialogues d ON d.id = q.dialogue_id WHERE q.account_id = $1 ORDER BY q.id"
);

#[derive(sqlx::FromRow, Serialize)]
struct ReportRow {
    description: String,
    page: String,
    created_at_ms: i64,
}

crate::sql!(
    REPORTS = "SELECT description, page, created_at AS created_at_ms FROM accessibility_reports \
     WHERE email = (SELECT email FROM accounts WHERE id = $1) ORDER BY id"
);

#[derive(sqlx::FromRow, Serialize)]
struct NotificationRow {
    kind: String,
    /// "need" or "dialogue": what the discussion is about; none for a
    /// join request or its answer.
    subject: Option<String>,
    created_at_ms: i64,
    read_at_ms: Option<i64>,
}

crate::sql!(
    NOTIFICATIONS = "SELECT n.kind, c.subject_kind AS subject, n.created_at AS created_at_ms, \
     n.read_at AS read_at_ms FROM notifications n LEFT JOIN comments c ON c.id = n.comment_id \
     WHERE n.account_id = $1 ORDER BY n.id"
);

#[derive(sqlx::FromRow, Serialize)]
struct FollowRow {
    subject: String,
    subject_id: Option<String>,
    since_ms: i64,
}

crate::sql!(
    FOLLOWS = "SELECT f.subject_kind AS subject, \
     COALESCE(nd.public_id, dl.public_id) AS subject_id, f.created_at AS since_ms \
     FROM discussion_follows f \
     LEFT JOIN needs nd ON f.subject_kind = 'need' AND nd.id = f.subject_id \
     LEFT JOIN dialogues dl ON f.subject_kind = 'dialogue' AND dl.id = f.subject_id \
     WHERE f.account_id = $1 ORDER BY f.created_at"
);

/// The rows one statement reads about the person.
async fn rows<T>(db: &Db, sql: &'static str, account_id: AccountId) -> Result<Vec<T>, AppError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    Ok(sqlx::query_as(sql)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

/// Everything kept about the person, with stable field names (README).
#[tracing::instrument(skip_all)]
pub async fn of_person(db: &Db, person: AccountId) -> Result<Value, AppError> {
    let account: AccountRow = sqlx::query_as(ACCOUNT)
        .bind(person)
        .fetch_optional(db.pool())
        .await?
        .ok_or(AppError::NotFound)?;
    let versions: Vec<CommentVersionRow> = rows(db, COMMENT_VERSIONS, person).await?;
    let mut comments: Vec<CommentRow> = rows(db, COMMENTS, person).await?;
    for comment in &mut comments {
        comment.versions = versions
            .iter()
            .filter(|v| v.comment_id == comment.row_id)
            .cloned()
            .collect();
    }
    Ok(json!({
        "format": super::FORMAT,
        "exported_at_ms": db.now(),
        "account": account,
        "sessions": rows::<SessionRow>(db, SESSIONS, person).await?,
        "security_events": rows::<EventRow>(db, EVENTS, person).await?,
        "mail": rows::<MailRow>(db, MAIL, person).await?,
        "organisations": rows::<MembershipRow>(db, MEMBERSHIPS, person).await?,
        "organisation_decisions": rows::<DecisionRow>(db, DECISIONS, person).await?,
        "network_audit": rows::<AuditRow>(db, AUDIT, person).await?,
        "comments": comments,
        "need_versions": rows::<NeedVersionRow>(db, NEED_VERSIONS, person).await?,
        "requirement_versions": rows::<RequirementVersionRow>(db, REQUIREMENT_VERSIONS, person).await?,
        "interests": rows::<InterestRow>(db, INTERESTS, person).await?,
        "dialogue_registrations": rows::<RegistrationRow>(db, REGISTRATIONS, person).await?,
        "dialogues_started": rows::<StartedRow>(db, STARTED, person).await?,
        "dialogue_texts": rows::<TextRow>(db, TEXTS, person).await?,
        "published_answers": rows::<AnswerRow>(db, ANSWERS, person).await?,
        "accessibility_reports": rows::<ReportRow>(db, REPORTS, person).await?,
        "notifications": rows::<NotificationRow>(db, NOTIFICATIONS, person).await?,
        "followed_discussions": rows::<FollowRow>(db, FOLLOWS, person).await?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_booleans_and_internal_keys_stay_out() {
        let mail = MailRow {
            subject: "Välkommen".into(),
            created_at_ms: 1,
            sent_at_ms: None,
            delivered: 0,
        };
        assert_eq!(
            serde_json::to_value(&mail).unwrap(),
            json!({"subject": "Välkommen", "created_at_ms": 1, "sent_at_ms": null, "delivered": false})
        );
        let version = CommentVersionRow {
            comment_id: 7,
            version: 2,
            body: "Text".into(),
            at_ms: 3,
        };
        assert_eq!(
            serde_json::to_value(&version).unwrap(),
            json!({"version": 2, "body": "Text", "at_ms": 3})
        );
    }
}
