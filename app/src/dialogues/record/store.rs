//! The record's SQL: minutes and summary in versions, their links to
//! requirement versions, and approval.

use super::{RecordDraft, RecordText, RequirementChange, RequirementLink, RequirementRef};
use crate::{
    core::ids::public_id,
    core::{
        audit::{self, Entry},
        ids::{DialogueId, RequirementId},
        Actor,
    },
    db::Db,
    dialogues::store::DialogueKey,
    error::AppError,
};

/// A meeting's internal id (a row of `dialogue_sessions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(transparent)]
pub struct MeetingId(pub i64);

/// A requirement version a summary may link to, with the requirement's
/// internal id.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionChoice {
    pub id: RequirementId,
    #[sqlx(flatten)]
    pub version: RequirementRef,
}

/// The columns of a `RequirementRef`, from needs `n`, requirements `r`
/// and requirement versions `v`.
macro_rules! requirement_ref {
    () => {
        "n.public_id AS need, n.title AS need_title, r.public_id AS requirement, v.version, v.text"
    };
}

crate::sql!(
    VERSIONS = concat!(
        "SELECT r.id, ",
        requirement_ref!(),
        " FROM dialogue_needs dn \
         JOIN needs n ON n.id = dn.need_id JOIN requirements r ON r.need_id = n.id \
         JOIN requirement_versions v ON v.requirement_id = r.id \
         WHERE dn.dialogue_id = $1 ORDER BY n.id, r.position, v.version"
    )
);

/// Every version of every requirement in the needs the dialogue covers:
/// what a summary may link to.
#[tracing::instrument(skip_all)]
pub async fn requirement_versions(
    db: &Db,
    dialogue_id: DialogueId,
) -> Result<Vec<VersionChoice>, AppError> {
    Ok(sqlx::query_as(VERSIONS)
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?)
}

/// What minutes are of: a meeting of the plan, or an individual meeting
/// (a booked slot whose time has come).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesOf {
    Meeting(MeetingId),
    Slot(i64),
}

impl MinutesOf {
    fn session(self) -> Option<MeetingId> {
        match self {
            MinutesOf::Meeting(id) => Some(id),
            MinutesOf::Slot(_) => None,
        }
    }

    fn slot(self) -> Option<i64> {
        match self {
            MinutesOf::Slot(id) => Some(id),
            MinutesOf::Meeting(_) => None,
        }
    }
}

crate::sql!(MEETING = "SELECT id FROM dialogue_sessions WHERE public_id = $1 AND dialogue_id = $2");
crate::sql!(
    HELD_SLOT = "SELECT id FROM meeting_slots WHERE public_id = $1 AND dialogue_id = $2 \
     AND supplier_id IS NOT NULL AND starts_at <= $3"
);

/// The meeting of the dialogue the public id names: one of its plan, or
/// an individual meeting that has been held.
#[tracing::instrument(skip_all)]
pub async fn meeting_id(
    db: &Db,
    dialogue_id: DialogueId,
    meeting: &str,
) -> Result<Option<MinutesOf>, AppError> {
    let session: Option<MeetingId> = sqlx::query_scalar(MEETING)
        .bind(meeting)
        .bind(dialogue_id)
        .fetch_optional(db.pool())
        .await?;
    if let Some(session) = session {
        return Ok(Some(MinutesOf::Meeting(session)));
    }
    let slot: Option<i64> = sqlx::query_scalar(HELD_SLOT)
        .bind(meeting)
        .bind(dialogue_id)
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?;
    Ok(slot.map(MinutesOf::Slot))
}

crate::sql!(DELETE_LINKS = "DELETE FROM dialogue_text_changes WHERE text_id = $1");
crate::sql!(
    INSERT_LINK = "INSERT INTO dialogue_text_changes \
     (text_id, position, requirement_id, version, input) VALUES ($1, $2, $3, $4, $5)"
);

/// Replaces the links of the draft `text_id` with `links`, in order.
async fn write_links(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    text_id: i64,
    links: &[RequirementLink],
) -> Result<(), AppError> {
    sqlx::query(DELETE_LINKS)
        .bind(text_id)
        .execute(&mut **tx)
        .await?;
    for (position, link) in links.iter().enumerate() {
        sqlx::query(INSERT_LINK)
            .bind(text_id)
            .bind(position as i64)
            .bind(link.requirement())
            .bind(link.version())
            .bind(link.input())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct TextOf {
    id: i64,
    status: String,
    kind: String,
    session_id: Option<MeetingId>,
    slot_id: Option<i64>,
}

crate::sql!(
    TEXT_OF = "SELECT id, status, kind, session_id, slot_id FROM dialogue_texts \
     WHERE public_id = $1 AND dialogue_id = $2"
);
crate::sql!(
    ANY_TEXT = "SELECT COUNT(*) FROM dialogue_texts WHERE dialogue_id = $1 AND kind = $2 \
     AND COALESCE(session_id, 0) = $3 AND COALESCE(slot_id, 0) = $4"
);
crate::sql!(
    INSERT_TEXT = "INSERT INTO dialogue_texts (public_id, dialogue_id, kind, session_id, \
     body, status, supersedes, written_by, written_at, slot_id) \
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9) RETURNING id"
);
crate::sql!(
    REWRITE = "UPDATE dialogue_texts SET body = $1, written_by = $2, written_at = $3 \
     WHERE id = $4 AND status = 'draft'"
);

/// Writes the first draft of the minutes of `meeting` (or of the summary
/// when `None`), or rewrites the draft `text`. An approved text is frozen:
/// `Frozen`. A first draft where one exists already: `Conflict`.
#[tracing::instrument(skip_all)]
pub async fn save_draft(
    db: &Db,
    key: DialogueKey,
    meeting: Option<MinutesOf>,
    text: Option<&str>,
    draft: &RecordDraft,
    actor: Actor,
) -> Result<(), AppError> {
    let kind = if meeting.is_some() {
        "minutes"
    } else {
        "summary"
    };
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let id = match text {
        Some(text) => {
            let found: TextOf = sqlx::query_as(TEXT_OF)
                .bind(text)
                .bind(key.id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
            if found.kind != kind {
                return Err(AppError::BadRequest);
            }
            if found.status != "draft" {
                return Err(AppError::Frozen);
            }
            sqlx::query(REWRITE)
                .bind(draft.body())
                .bind(actor.account_id)
                .bind(now)
                .bind(found.id)
                .execute(&mut *tx)
                .await?;
            found.id
        }
        None => {
            let existing: i64 = sqlx::query_scalar(ANY_TEXT)
                .bind(key.id)
                .bind(kind)
                .bind(meeting.and_then(MinutesOf::session).map_or(0, |m| m.0))
                .bind(meeting.and_then(MinutesOf::slot).unwrap_or(0))
                .fetch_one(&mut *tx)
                .await?;
            if existing > 0 {
                return Err(AppError::Conflict);
            }
            sqlx::query_scalar::<_, i64>(INSERT_TEXT)
                .bind(public_id())
                .bind(key.id)
                .bind(kind)
                .bind(meeting.and_then(MinutesOf::session))
                .bind(draft.body())
                .bind(None::<i64>)
                .bind(actor.account_id)
                .bind(now)
                .bind(meeting.and_then(MinutesOf::slot))
                .fetch_one(&mut *tx)
                .await?
        }
    };
    write_links(&mut tx, id, draft.links()).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(LATER = "SELECT COUNT(*) FROM dialogue_texts WHERE supersedes = $1");

/// A new draft that will supersede the approved text `text`, which itself
/// stays as it was. `Conflict` unless `text` is approved and not already
/// superseded.
#[tracing::instrument(skip_all)]
pub async fn supersede(
    db: &Db,
    key: DialogueKey,
    text: &str,
    draft: &RecordDraft,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let found: TextOf = sqlx::query_as(TEXT_OF)
        .bind(text)
        .bind(key.id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let later: i64 = sqlx::query_scalar(LATER)
        .bind(found.id)
        .fetch_one(&mut *tx)
        .await?;
    if found.status != "approved" || later > 0 {
        return Err(AppError::Conflict);
    }
    let new_id: i64 = sqlx::query_scalar(INSERT_TEXT)
        .bind(public_id())
        .bind(key.id)
        .bind(&found.kind)
        .bind(found.session_id)
        .bind(draft.body())
        .bind(Some(found.id))
        .bind(actor.account_id)
        .bind(db.now())
        .bind(found.slot_id)
        .fetch_one(&mut *tx)
        .await?;
    write_links(&mut tx, new_id, draft.links()).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(KIND = "SELECT kind FROM dialogue_texts WHERE public_id = $1 AND dialogue_id = $2");

/// Whether the text `text` of the dialogue is a summary (not minutes);
/// `None` when there is no such text.
#[tracing::instrument(skip_all)]
pub async fn is_summary(
    db: &Db,
    dialogue_id: DialogueId,
    text: &str,
) -> Result<Option<bool>, AppError> {
    let kind: Option<String> = sqlx::query_scalar(KIND)
        .bind(text)
        .bind(dialogue_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(kind.map(|kind| kind == "summary"))
}

crate::sql!(
    APPROVE = "UPDATE dialogue_texts SET status = 'approved', approved_by = $1, approved_at = $2 \
     WHERE public_id = $3 AND dialogue_id = $4 AND status = 'draft'"
);

/// A host approves a draft; from then on its text never changes.
/// `Conflict` when it is not a draft.
#[tracing::instrument(skip_all)]
pub async fn approve_text(
    db: &Db,
    key: DialogueKey,
    text_public_id: &str,
    summary: bool,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(APPROVE)
        .bind(actor.account_id)
        .bind(db.now())
        .bind(text_public_id)
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let subject = crate::dialogues::log::approved_subject(summary, text_public_id);
    let entry = Entry::dialogue(key.network_id, key.id, "text_approved", &subject, "");
    audit::record(&mut tx, db.now(), actor, entry).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Dialogue(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("text_approved", crate::dialogues::log::text_approved);

#[derive(sqlx::FromRow)]
struct TextRow {
    public_id: String,
    meeting: Option<String>,
    body: String,
    status: String,
    writer: String,
    writer_deleted_at: Option<i64>,
    written_at: i64,
    approver: String,
    approved_at: Option<i64>,
    supersedes: Option<String>,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    text_id: String,
    input: String,
    #[sqlx(flatten)]
    requirement: RequirementRef,
}

crate::sql!(
    TEXTS = "SELECT t.public_id, COALESCE(s.public_id, ms.public_id) AS meeting, t.body, \
     t.status, COALESCE(w.name, '') AS writer, w.deleted_at AS writer_deleted_at, \
     t.written_at, COALESCE(a.name, '') AS approver, t.approved_at, \
     p.public_id AS supersedes \
     FROM dialogue_texts t LEFT JOIN dialogue_sessions s ON s.id = t.session_id \
     LEFT JOIN meeting_slots ms ON ms.id = t.slot_id \
     LEFT JOIN accounts w ON w.id = t.written_by LEFT JOIN accounts a ON a.id = t.approved_by \
     LEFT JOIN dialogue_texts p ON p.id = t.supersedes \
     WHERE t.dialogue_id = $1 ORDER BY t.id"
);
crate::sql!(
    LINKS = concat!(
        "SELECT t.public_id AS text_id, c.input, ",
        requirement_ref!(),
        " FROM dialogue_text_changes c \
         JOIN dialogue_texts t ON t.id = c.text_id \
         JOIN requirements r ON r.id = c.requirement_id \
         JOIN requirement_versions v ON v.requirement_id = c.requirement_id \
         AND v.version = c.version \
         JOIN needs n ON n.id = r.need_id \
         WHERE t.dialogue_id = $1 ORDER BY c.text_id, c.position"
    )
);

/// Every version of the minutes and the summary, oldest first, each with
/// its links; a deleted account's name is `deleted_user`.
#[tracing::instrument(skip_all)]
pub async fn texts(
    db: &Db,
    dialogue_id: DialogueId,
    deleted_user: &str,
) -> Result<Vec<RecordText>, AppError> {
    let rows: Vec<TextRow> = sqlx::query_as(TEXTS)
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let links: Vec<LinkRow> = sqlx::query_as(LINKS)
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?;
    let changes_of = |text: &str| -> Vec<RequirementChange> {
        links
            .iter()
            .filter(|l| l.text_id == text)
            .map(|l| RequirementChange {
                requirement: l.requirement.clone(),
                input: l.input.clone(),
            })
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| RecordText {
            changes: changes_of(&r.public_id),
            body_html: crate::markdown::to_html(&r.body),
            public_id: r.public_id,
            meeting: r.meeting,
            body: r.body,
            approved: r.status == "approved",
            written_by: crate::core::shown_name(r.writer, r.writer_deleted_at, deleted_user),
            written_at: r.written_at,
            approved_by: r.approver,
            approved_at: r.approved_at,
            supersedes: r.supersedes,
        })
        .collect())
}
