//! Every table's rows about one person (`$1` is their account id), and the
//! statements that erase their personal fields. Content of a network the
//! person no longer reads is included only where they wrote it.

use crate::{db::Db, error::AppError};
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

#[derive(sqlx::FromRow)]
struct AccountRow {
    email: String,
    name: String,
    title: String,
    language: String,
    email_verified_at: Option<i64>,
    is_site_admin: i64,
    two_factor: i64,
    created_at: i64,
    password_changed_at: Option<i64>,
}

const ACCOUNT: &str = "SELECT email, name, title, language, email_verified_at, is_site_admin, \
     CAST(CASE WHEN totp_secret IS NULL THEN 0 ELSE 1 END AS BIGINT) AS two_factor, created_at, \
     password_changed_at FROM accounts WHERE id = $1 AND deleted_at IS NULL";

#[derive(sqlx::FromRow)]
struct SessionRow {
    user_agent: String,
    ip: String,
    created_at: i64,
    last_seen_at: i64,
    expires_at: i64,
}

const SESSIONS: &str = "SELECT user_agent, ip, created_at, last_seen_at, expires_at \
     FROM sessions WHERE account_id = $1 ORDER BY id";

#[derive(sqlx::FromRow)]
struct EventRow {
    kind: String,
    at: i64,
    ip: String,
}

const EVENTS: &str = "SELECT kind, at, ip FROM security_events WHERE account_id = $1 ORDER BY id";

#[derive(sqlx::FromRow)]
struct MailRow {
    subject: String,
    created_at: i64,
    sent_at: Option<i64>,
}

/// Never a body: a body may hold a live link.
const MAIL: &str = "SELECT subject, created_at, sent_at FROM outbox \
     WHERE recipient = (SELECT email FROM accounts WHERE id = $1) ORDER BY id";

#[derive(sqlx::FromRow)]
struct MembershipRow {
    organisation: String,
    org_number: String,
    role: String,
    status: String,
    requested_at: i64,
    decided_at: Option<i64>,
}

const MEMBERSHIPS: &str = "SELECT o.name AS organisation, o.org_number, m.role, m.status, \
     m.requested_at, m.decided_at FROM organisation_members m \
     JOIN organisations o ON o.id = m.organisation_id WHERE m.account_id = $1 ORDER BY o.name";

#[derive(sqlx::FromRow)]
struct DecisionRow {
    organisation: String,
    at: i64,
    action: String,
    by_me: i64,
    about_me: i64,
}

const DECISIONS: &str = "SELECT o.name AS organisation, l.at, l.action, \
     CAST(CASE WHEN l.actor_account_id = $1 THEN 1 ELSE 0 END AS BIGINT) AS by_me, \
     CAST(CASE WHEN l.subject_account_id = $1 THEN 1 ELSE 0 END AS BIGINT) AS about_me \
     FROM organisation_audit l JOIN organisations o ON o.id = l.organisation_id \
     WHERE l.actor_account_id = $1 OR l.subject_account_id = $1 ORDER BY l.id";

#[derive(sqlx::FromRow)]
struct AuditRow {
    network_id: String,
    network: Option<String>,
    at: i64,
    organisation: String,
    action: String,
    subject: Option<String>,
    reason: String,
}

const AUDIT: &str = concat!(
    "SELECT n.public_id AS network_id, ",
    if_read!("l.network_id", "n.name"),
    " AS network, l.at, COALESCE(o.name, '') AS organisation, l.action, ",
    if_read!("l.network_id", "l.subject"),
    " AS subject, l.reason FROM network_audit l JOIN networks n ON n.id = l.network_id \
     LEFT JOIN organisations o ON o.id = l.actor_organisation_id \
     WHERE l.actor_account_id = $1 ORDER BY l.id"
);

#[derive(sqlx::FromRow)]
struct CommentRow {
    id: i64,
    public_id: String,
    subject_kind: String,
    subject_id: Option<String>,
    subject_title: Option<String>,
    organisation: String,
    body: String,
    created_at: i64,
    edited_at: Option<i64>,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
    hidden_reason: String,
}

const COMMENTS: &str = concat!(
    "SELECT c.id, c.public_id, c.subject_kind, COALESCE(sn.public_id, sd.public_id) AS subject_id, ",
    if_read!("c.network_id", "COALESCE(sn.title, sd.title)"),
    " AS subject_title, o.name AS organisation, c.body, c.created_at, c.edited_at, c.deleted_at, \
     c.hidden_at, c.hidden_reason FROM comments c \
     JOIN organisations o ON o.id = c.organisation_id \
     LEFT JOIN needs sn ON c.subject_kind = 'need' AND sn.id = c.subject_id \
     LEFT JOIN dialogues sd ON c.subject_kind = 'dialogue' AND sd.id = c.subject_id \
     WHERE c.account_id = $1 ORDER BY c.id"
);

#[derive(sqlx::FromRow)]
struct CommentVersionRow {
    comment_id: i64,
    version: i64,
    body: String,
    at: i64,
}

const COMMENT_VERSIONS: &str = "SELECT v.comment_id, v.version, v.body, v.at \
     FROM comment_versions v JOIN comments c ON c.id = v.comment_id \
     WHERE c.account_id = $1 ORDER BY v.comment_id, v.version";

#[derive(sqlx::FromRow)]
struct NeedVersionRow {
    need_id: String,
    version: i64,
    at: i64,
    organisation: Option<String>,
    title: String,
    problem: String,
    effect: String,
    affected: String,
}

const NEED_VERSIONS: &str = "SELECT n.public_id AS need_id, v.version, v.at, \
     o.name AS organisation, v.title, v.problem, v.effect, v.affected FROM need_versions v \
     JOIN needs n ON n.id = v.need_id LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE v.account_id = $1 ORDER BY n.id, v.version";

#[derive(sqlx::FromRow)]
struct RequirementVersionRow {
    need_id: String,
    requirement_id: String,
    version: i64,
    at: i64,
    organisation: Option<String>,
    text: String,
    motive: String,
    verification: String,
    level: String,
    accepted: i64,
}

const REQUIREMENT_VERSIONS: &str = "SELECT n.public_id AS need_id, \
     r.public_id AS requirement_id, v.version, v.at, o.name AS organisation, v.text, v.motive, \
     v.verification, v.level, v.accepted FROM requirement_versions v \
     JOIN requirements r ON r.id = v.requirement_id JOIN needs n ON n.id = r.need_id \
     LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE v.account_id = $1 ORDER BY r.id, v.version";

#[derive(sqlx::FromRow)]
struct InterestRow {
    need_id: String,
    need_title: Option<String>,
    organisation: String,
    quantity: i64,
    unit: String,
    value_sek: i64,
    earliest: i64,
    confidence: String,
    comment: String,
    updated_at: i64,
}

const INTERESTS: &str = concat!(
    "SELECT n.public_id AS need_id, ",
    if_read!("n.network_id", "n.title"),
    " AS need_title, o.name AS organisation, i.quantity, i.unit, i.value_sek, i.earliest, \
     i.confidence, i.comment, i.updated_at FROM need_interests i \
     JOIN needs n ON n.id = i.need_id JOIN organisations o ON o.id = i.organisation_id \
     WHERE i.account_id = $1 ORDER BY n.id"
);

#[derive(sqlx::FromRow)]
struct RegistrationRow {
    dialogue_id: String,
    dialogue_title: Option<String>,
    organisation: String,
    attendees: String,
    registered_at: i64,
    withdrawn_at: Option<i64>,
}

const REGISTRATIONS: &str = concat!(
    "SELECT d.public_id AS dialogue_id, ",
    if_read!("d.network_id", "d.title"),
    " AS dialogue_title, o.name AS organisation, r.attendees, r.registered_at, r.withdrawn_at \
     FROM dialogue_registrations r JOIN dialogues d ON d.id = r.dialogue_id \
     JOIN organisations o ON o.id = r.organisation_id WHERE r.account_id = $1 ORDER BY d.id"
);

#[derive(sqlx::FromRow)]
struct StartedRow {
    dialogue_id: String,
    title: String,
    at: i64,
}

const STARTED: &str = "SELECT d.public_id AS dialogue_id, d.title, l.at FROM network_audit l \
     JOIN dialogues d ON d.id = l.dialogue_id \
     WHERE l.action = 'dialogue_created' AND l.actor_account_id = $1 ORDER BY l.id";

#[derive(sqlx::FromRow)]
struct TextRow {
    dialogue_id: String,
    text_id: String,
    kind: String,
    status: String,
    body: Option<String>,
    written_at: i64,
    approved_at: Option<i64>,
    wrote: i64,
    approved: i64,
}

const TEXTS: &str = concat!(
    "SELECT d.public_id AS dialogue_id, t.public_id AS text_id, t.kind, t.status, \
     CASE WHEN t.written_by = $1 OR ",
    crate::reads_network!("d.network_id"),
    " THEN t.body END AS body, t.written_at, t.approved_at, \
     CAST(CASE WHEN t.written_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS wrote, \
     CAST(CASE WHEN t.approved_by = $1 THEN 1 ELSE 0 END AS BIGINT) AS approved \
     FROM dialogue_texts t JOIN dialogues d ON d.id = t.dialogue_id \
     WHERE t.written_by = $1 OR t.approved_by = $1 ORDER BY t.id"
);

#[derive(sqlx::FromRow)]
struct AnswerRow {
    dialogue_id: String,
    question: String,
    answer: String,
    published_at: i64,
}

const ANSWERS: &str = "SELECT d.public_id AS dialogue_id, q.question, q.answer, q.published_at \
     FROM dialogue_qa q JOIN dialogues d ON d.id = q.dialogue_id WHERE q.account_id = $1 \
     ORDER BY q.id";

#[derive(sqlx::FromRow)]
struct ReportRow {
    description: String,
    page: String,
    created_at: i64,
}

const REPORTS: &str = "SELECT description, page, created_at FROM accessibility_reports \
     WHERE email = (SELECT email FROM accounts WHERE id = $1) ORDER BY id";

async fn rows<T>(db: &Db, sql: &'static str, account_id: i64) -> Result<Vec<T>, AppError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    Ok(sqlx::query_as(sql)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

/// Everything kept about the person, with stable field names (README).
pub async fn export(db: &Db, account_id: i64) -> Result<Value, AppError> {
    let account: AccountRow = sqlx::query_as(ACCOUNT)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(AppError::NotFound)?;
    let versions: Vec<CommentVersionRow> = rows(db, COMMENT_VERSIONS, account_id).await?;
    let comments: Vec<CommentRow> = rows(db, COMMENTS, account_id).await?;
    let comments: Vec<Value> = comments
        .into_iter()
        .map(|c| {
            json!({
                "id": c.public_id,
                "subject_kind": c.subject_kind,
                "subject_id": c.subject_id,
                "subject_title": c.subject_title,
                "organisation": c.organisation,
                "body": c.body,
                "created_at_ms": c.created_at,
                "edited_at_ms": c.edited_at,
                "deleted": c.deleted_at.is_some(),
                "hidden": c.hidden_at.is_some(),
                "hidden_reason": c.hidden_reason,
                "versions": versions.iter().filter(|v| v.comment_id == c.id).map(|v| json!({
                    "version": v.version,
                    "body": v.body,
                    "at_ms": v.at,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let sessions: Vec<SessionRow> = rows(db, SESSIONS, account_id).await?;
    let events: Vec<EventRow> = rows(db, EVENTS, account_id).await?;
    let mail: Vec<MailRow> = rows(db, MAIL, account_id).await?;
    let memberships: Vec<MembershipRow> = rows(db, MEMBERSHIPS, account_id).await?;
    let decisions: Vec<DecisionRow> = rows(db, DECISIONS, account_id).await?;
    let audit: Vec<AuditRow> = rows(db, AUDIT, account_id).await?;
    let need_versions: Vec<NeedVersionRow> = rows(db, NEED_VERSIONS, account_id).await?;
    let requirement_versions: Vec<RequirementVersionRow> =
        rows(db, REQUIREMENT_VERSIONS, account_id).await?;
    let interests: Vec<InterestRow> = rows(db, INTERESTS, account_id).await?;
    let registrations: Vec<RegistrationRow> = rows(db, REGISTRATIONS, account_id).await?;
    let started: Vec<StartedRow> = rows(db, STARTED, account_id).await?;
    let texts: Vec<TextRow> = rows(db, TEXTS, account_id).await?;
    let answers: Vec<AnswerRow> = rows(db, ANSWERS, account_id).await?;
    let reports: Vec<ReportRow> = rows(db, REPORTS, account_id).await?;
    Ok(json!({
        "format": super::FORMAT,
        "exported_at_ms": db.now(),
        "account": {
            "email": account.email,
            "name": account.name,
            "title": account.title,
            "language": account.language,
            "email_verified_at_ms": account.email_verified_at,
            "site_admin": account.is_site_admin == 1,
            "two_factor": account.two_factor == 1,
            "created_at_ms": account.created_at,
            "password_changed_at_ms": account.password_changed_at,
        },
        "sessions": sessions.iter().map(|s| json!({
            "browser": s.user_agent,
            "ip": s.ip,
            "created_at_ms": s.created_at,
            "last_seen_at_ms": s.last_seen_at,
            "expires_at_ms": s.expires_at,
        })).collect::<Vec<_>>(),
        "security_events": events.iter().map(|e| json!({
            "kind": e.kind,
            "at_ms": e.at,
            "ip": e.ip,
        })).collect::<Vec<_>>(),
        "mail": mail.iter().map(|m| json!({
            "subject": m.subject,
            "created_at_ms": m.created_at,
            "sent_at_ms": m.sent_at,
            "delivered": m.sent_at.is_some(),
        })).collect::<Vec<_>>(),
        "organisations": memberships.iter().map(|m| json!({
            "organisation": m.organisation,
            "org_number": m.org_number,
            "role": m.role,
            "status": m.status,
            "requested_at_ms": m.requested_at,
            "decided_at_ms": m.decided_at,
        })).collect::<Vec<_>>(),
        "organisation_decisions": decisions.iter().map(|d| json!({
            "organisation": d.organisation,
            "at_ms": d.at,
            "action": d.action,
            "by_me": d.by_me == 1,
            "about_me": d.about_me == 1,
        })).collect::<Vec<_>>(),
        "network_audit": audit.iter().map(|a| json!({
            "network_id": a.network_id,
            "network": a.network,
            "at_ms": a.at,
            "organisation": a.organisation,
            "action": a.action,
            "subject": a.subject,
            "reason": a.reason,
        })).collect::<Vec<_>>(),
        "comments": comments,
        "need_versions": need_versions.iter().map(|v| json!({
            "need_id": v.need_id,
            "version": v.version,
            "at_ms": v.at,
            "organisation": v.organisation,
            "title": v.title,
            "problem": v.problem,
            "effect": v.effect,
            "affected": v.affected,
        })).collect::<Vec<_>>(),
        "requirement_versions": requirement_versions.iter().map(|v| json!({
            "need_id": v.need_id,
            "requirement_id": v.requirement_id,
            "version": v.version,
            "at_ms": v.at,
            "organisation": v.organisation,
            "text": v.text,
            "motive": v.motive,
            "verification": v.verification,
            "level": v.level,
            "accepted": v.accepted == 1,
        })).collect::<Vec<_>>(),
        "interests": interests.iter().map(|i| json!({
            "need_id": i.need_id,
            "need_title": i.need_title,
            "organisation": i.organisation,
            "quantity": i.quantity,
            "unit": i.unit,
            "value_sek": i.value_sek,
            "earliest_quarter": crate::needs::Quarter(i.earliest).code(),
            "confidence": i.confidence,
            "comment": i.comment,
            "updated_at_ms": i.updated_at,
        })).collect::<Vec<_>>(),
        "dialogue_registrations": registrations.iter().map(|r| json!({
            "dialogue_id": r.dialogue_id,
            "dialogue_title": r.dialogue_title,
            "organisation": r.organisation,
            "attendees": r.attendees,
            "registered_at_ms": r.registered_at,
            "withdrawn_at_ms": r.withdrawn_at,
        })).collect::<Vec<_>>(),
        "dialogues_started": started.iter().map(|d| json!({
            "dialogue_id": d.dialogue_id,
            "title": d.title,
            "at_ms": d.at,
        })).collect::<Vec<_>>(),
        "dialogue_texts": texts.iter().map(|t| json!({
            "dialogue_id": t.dialogue_id,
            "text_id": t.text_id,
            "kind": t.kind,
            "status": t.status,
            "body": t.body,
            "written_at_ms": t.written_at,
            "approved_at_ms": t.approved_at,
            "wrote": t.wrote == 1,
            "approved": t.approved == 1,
        })).collect::<Vec<_>>(),
        "published_answers": answers.iter().map(|a| json!({
            "dialogue_id": a.dialogue_id,
            "question": a.question,
            "answer": a.answer,
            "published_at_ms": a.published_at,
        })).collect::<Vec<_>>(),
        "accessibility_reports": reports.iter().map(|r| json!({
            "description": r.description,
            "page": r.page,
            "created_at_ms": r.created_at,
        })).collect::<Vec<_>>(),
    }))
}

const EMAIL_OF: &str = "SELECT email FROM accounts WHERE id = $1";
/// Refused form values wait under the hash of the session that sent them,
/// which is the session's own stored hash.
const FORGET_FEEDBACK: &str = "DELETE FROM form_feedback \
     WHERE session_hash IN (SELECT token_hash FROM sessions WHERE account_id = $1)";
const ERASE_ACCOUNT: &str = "UPDATE accounts SET email = $1, name = '', title = '', \
     password_hash = '', email_verified_at = NULL, is_site_admin = 0, totp_secret = NULL, \
     totp_pending_secret = NULL, deleted_at = $2 WHERE id = $3";
/// Statements keyed by the account.
const BY_ACCOUNT: [&str; 5] = [
    "DELETE FROM sessions WHERE account_id = $1",
    "DELETE FROM email_tokens WHERE account_id = $1",
    "DELETE FROM recovery_codes WHERE account_id = $1",
    "DELETE FROM mfa_challenges WHERE account_id = $1",
    "DELETE FROM security_events WHERE account_id = $1",
];
/// Statements keyed by the old address.
const BY_EMAIL: [&str; 3] = [
    "DELETE FROM outbox WHERE recipient = $1",
    "DELETE FROM auth_events WHERE subject = $1",
    "UPDATE accessibility_reports SET email = NULL WHERE email = $1",
];

/// Erases the person's personal data but keeps the account's row, so what
/// they wrote still has an author to show as "Borttagen användare".
pub async fn erase(db: &Db, account_id: i64) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let email: String = sqlx::query_scalar(EMAIL_OF)
        .bind(account_id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query(FORGET_FEEDBACK)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(ERASE_ACCOUNT)
        .bind(format!("deleted-{account_id}@invalid"))
        .bind(db.now())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    for sql in BY_ACCOUNT {
        sqlx::query(sql).bind(account_id).execute(&mut *tx).await?;
    }
    for sql in BY_EMAIL {
        sqlx::query(sql).bind(&email).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}
