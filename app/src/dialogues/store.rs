//! The dialogues room's SQL.

use super::{
    Dialogue, DialogueForm, DialogueStatus, QaEntry, RecordText, Registration, RequirementChange,
    RequirementRef, Session,
};
use crate::{
    core::{
        audit::{self, Entry},
        Actor,
    },
    db::{public_id, Db},
    error::AppError,
};

/// A checked new dialogue.
#[derive(Clone, Debug)]
pub struct NewDialogue {
    pub title: String,
    pub purpose: String,
    pub form: DialogueForm,
    pub cpv: String,
    pub lan: String,
    pub estimated_value: Option<i64>,
    pub answer_deadline: i64,
    pub capacity: i64,
    /// Internal ids of the network's needs it covers.
    pub needs: Vec<i64>,
    pub questions: Vec<String>,
    /// (starts, ends, place, link)
    pub sessions: Vec<(i64, i64, String, String)>,
}

#[derive(Clone, Copy, Debug)]
pub struct DialogueKey {
    pub id: i64,
    pub network_id: i64,
}

const INSERT: &str = "INSERT INTO dialogues (public_id, network_id, title, purpose, form, cpv, \
     lan_code, estimated_value, answer_deadline, capacity, status, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'planned', $11) RETURNING id";

pub async fn create(
    db: &Db,
    network_id: i64,
    new: &NewDialogue,
    actor: Actor,
) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let public_id = public_id();
    let (id,): (i64,) = sqlx::query_as(INSERT)
        .bind(&public_id)
        .bind(network_id)
        .bind(&new.title)
        .bind(&new.purpose)
        .bind(new.form.code())
        .bind(&new.cpv)
        .bind(&new.lan)
        .bind(new.estimated_value)
        .bind(new.answer_deadline)
        .bind(new.capacity)
        .bind(db.now())
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO dialogue_hosts (dialogue_id, organisation_id) VALUES ($1, $2)")
        .bind(id)
        .bind(actor.organisation_id)
        .execute(&mut *tx)
        .await?;
    for need in &new.needs {
        sqlx::query("INSERT INTO dialogue_needs (dialogue_id, need_id) VALUES ($1, $2)")
            .bind(id)
            .bind(need)
            .execute(&mut *tx)
            .await?;
    }
    for (position, question) in new.questions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO dialogue_questions (dialogue_id, position, text) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(position as i64 + 1)
        .bind(question)
        .execute(&mut *tx)
        .await?;
    }
    for (starts, ends, place, link) in &new.sessions {
        sqlx::query(
            "INSERT INTO dialogue_sessions (public_id, dialogue_id, starts_at, ends_at, place, link) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(crate::db::public_id())
        .bind(id)
        .bind(starts)
        .bind(ends)
        .bind(place)
        .bind(link)
        .execute(&mut *tx)
        .await?;
    }
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::dialogue(network_id, id, "dialogue_created", &new.title, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(public_id)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    network_id: i64,
    public_id: String,
    network_public_id: String,
    network_name: String,
    title: String,
    purpose: String,
    form: String,
    cpv: String,
    lan_code: String,
    estimated_value: Option<i64>,
    answer_deadline: i64,
    capacity: i64,
    status: String,
}

const FIND: &str = "SELECT d.id, d.network_id, d.public_id, n.public_id AS network_public_id, \
     n.name AS network_name, d.title, d.purpose, d.form, d.cpv, d.lan_code, d.estimated_value, \
     d.answer_deadline, d.capacity, d.status FROM dialogues d \
     JOIN networks n ON n.id = d.network_id WHERE d.public_id = $1";

/// The dialogue, its key and its host organisations' ids.
pub async fn find(
    db: &Db,
    public_id: &str,
) -> Result<Option<(DialogueKey, Dialogue, Vec<i64>)>, AppError> {
    let row: Option<Row> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let hosts: Vec<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM dialogue_hosts h JOIN organisations o ON o.id = h.organisation_id \
         WHERE h.dialogue_id = $1 ORDER BY o.name",
    )
    .bind(r.id)
    .fetch_all(db.pool())
    .await?;
    let needs: Vec<(String, String)> = sqlx::query_as(
        "SELECT n.public_id, n.title FROM dialogue_needs dn JOIN needs n ON n.id = dn.need_id \
         WHERE dn.dialogue_id = $1 ORDER BY n.title",
    )
    .bind(r.id)
    .fetch_all(db.pool())
    .await?;
    let questions: Vec<(String,)> = sqlx::query_as(
        "SELECT text FROM dialogue_questions WHERE dialogue_id = $1 ORDER BY position",
    )
    .bind(r.id)
    .fetch_all(db.pool())
    .await?;
    let sessions: Vec<(String, i64, i64, String, String)> = sqlx::query_as(
        "SELECT public_id, starts_at, ends_at, place, link FROM dialogue_sessions \
         WHERE dialogue_id = $1 ORDER BY starts_at, id",
    )
    .bind(r.id)
    .fetch_all(db.pool())
    .await?;
    let key = DialogueKey {
        id: r.id,
        network_id: r.network_id,
    };
    let dialogue = Dialogue {
        public_id: r.public_id,
        network_public_id: r.network_public_id,
        network_name: r.network_name,
        title: r.title,
        purpose: r.purpose,
        form: DialogueForm::parse(&r.form).ok_or_else(|| AppError::internal("dialogue form"))?,
        cpv: r.cpv,
        lan: r.lan_code,
        estimated_value: r.estimated_value,
        answer_deadline: r.answer_deadline,
        capacity: r.capacity,
        status: DialogueStatus::parse(&r.status)
            .ok_or_else(|| AppError::internal("dialogue status"))?,
        hosts: hosts.iter().map(|(_, name)| name.clone()).collect(),
        needs,
        questions: questions.into_iter().map(|(q,)| q).collect(),
        sessions: sessions
            .into_iter()
            .map(|(public_id, starts_at, ends_at, place, link)| Session {
                public_id,
                starts_at,
                ends_at,
                place,
                link,
            })
            .collect(),
    };
    Ok(Some((
        key,
        dialogue,
        hosts.into_iter().map(|(id, _)| id).collect(),
    )))
}

/// Adds a co-host: an organisation of the network that posts (member or
/// coordinator). `Conflict` when it hosts already.
pub async fn add_host(
    db: &Db,
    key: DialogueKey,
    organisation_id: i64,
    organisation_name: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("INSERT INTO dialogue_hosts (dialogue_id, organisation_id) VALUES ($1, $2)")
        .bind(key.id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await
        .map_err(crate::db::conflict_if_taken)?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::dialogue(
            key.network_id,
            key.id,
            "cohost_added",
            organisation_name,
            "",
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The network's posting organisations that do not host yet: (public id,
/// name), for the co-host form.
pub async fn possible_hosts(db: &Db, key: DialogueKey) -> Result<Vec<(String, String)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT o.public_id, o.name FROM network_members nm \
         JOIN organisations o ON o.id = nm.organisation_id \
         WHERE nm.network_id = $1 AND nm.status = 'active' AND nm.role IN ('member', 'coordinator') \
         AND NOT EXISTS (SELECT 1 FROM dialogue_hosts h WHERE h.dialogue_id = $2 \
                         AND h.organisation_id = nm.organisation_id) ORDER BY o.name",
    )
    .bind(key.network_id)
    .bind(key.id)
    .fetch_all(db.pool())
    .await?)
}

/// Moves the dialogue one step along its lifecycle, logged with the reason.
pub async fn transition(
    db: &Db,
    key: DialogueKey,
    title: &str,
    from: DialogueStatus,
    to: DialogueStatus,
    actor: Actor,
    reason: &str,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query("UPDATE dialogues SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.code())
        .bind(key.id)
        .bind(from.code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let subject = format!("{title}: {} → {}", from.code(), to.code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::dialogue(key.network_id, key.id, "dialogue_status", &subject, reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const TAKEN: &str = "SELECT COUNT(*) FROM dialogue_registrations \
     WHERE dialogue_id = $1 AND withdrawn_at IS NULL";
const REGISTER: &str = "INSERT INTO dialogue_registrations (dialogue_id, organisation_id, \
     attendees, account_id, registered_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (dialogue_id, organisation_id) DO UPDATE SET attendees = $3, account_id = $4, \
     registered_at = $5, withdrawn_at = NULL";
const REGISTERED: &str = "SELECT COUNT(*) FROM dialogue_registrations \
     WHERE dialogue_id = $1 AND organisation_id = $2 AND withdrawn_at IS NULL";

/// Registers the organisation, or updates who attends. The dialogue's row
/// is locked first, so simultaneous registrations are counted one at a
/// time and the capacity holds. `Full` when no place is left.
pub async fn register(
    db: &Db,
    key: DialogueKey,
    attendees: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let (capacity,): (i64,) =
        sqlx::query_as("UPDATE dialogues SET capacity = capacity WHERE id = $1 RETURNING capacity")
            .bind(key.id)
            .fetch_one(&mut *tx)
            .await?;
    let (already,): (i64,) = sqlx::query_as(REGISTERED)
        .bind(key.id)
        .bind(actor.organisation_id)
        .fetch_one(&mut *tx)
        .await?;
    let (taken,): (i64,) = sqlx::query_as(TAKEN)
        .bind(key.id)
        .fetch_one(&mut *tx)
        .await?;
    if already == 0 && taken >= capacity {
        return Err(AppError::Full);
    }
    sqlx::query(REGISTER)
        .bind(key.id)
        .bind(actor.organisation_id)
        .bind(attendees)
        .bind(actor.account_id)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn withdraw(db: &Db, key: DialogueKey, organisation_id: i64) -> Result<(), AppError> {
    let done = sqlx::query(
        "UPDATE dialogue_registrations SET withdrawn_at = $1 \
         WHERE dialogue_id = $2 AND organisation_id = $3 AND withdrawn_at IS NULL",
    )
    .bind(db.now())
    .bind(key.id)
    .bind(organisation_id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub async fn registered_count(db: &Db, dialogue_id: i64) -> Result<i64, AppError> {
    let (n,): (i64,) = sqlx::query_as(TAKEN)
        .bind(dialogue_id)
        .fetch_one(db.pool())
        .await?;
    Ok(n)
}

/// The organisations registered now, for hosts.
pub async fn registrations(db: &Db, dialogue_id: i64) -> Result<Vec<Registration>, AppError> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT o.name, r.attendees, r.registered_at FROM dialogue_registrations r \
         JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.dialogue_id = $1 AND r.withdrawn_at IS NULL ORDER BY o.name",
    )
    .bind(dialogue_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(organisation, attendees, registered_at)| Registration {
            organisation,
            attendees,
            registered_at,
        })
        .collect())
}

/// Which of these organisations are registered now.
pub async fn registered_of(
    db: &Db,
    dialogue_id: i64,
    organisation_id: i64,
) -> Result<bool, AppError> {
    let (n,): (i64,) = sqlx::query_as(REGISTERED)
        .bind(dialogue_id)
        .bind(organisation_id)
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// Publishes a question as received and its answer. The asker's account
/// is kept for the record only; no query that feeds a page reads it.
pub async fn publish_qa(
    db: &Db,
    key: DialogueKey,
    question: &str,
    answer: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO dialogue_qa (dialogue_id, question, answer, published_at, account_id) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(key.id)
    .bind(question)
    .bind(answer)
    .bind(db.now())
    .bind(actor.account_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::dialogue(key.network_id, key.id, "qa_published", "", ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn qa(db: &Db, dialogue_id: i64) -> Result<Vec<QaEntry>, AppError> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT question, answer, published_at FROM dialogue_qa WHERE dialogue_id = $1 ORDER BY id",
    )
    .bind(dialogue_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(question, answer, published_at)| QaEntry {
            question,
            answer,
            published_at,
        })
        .collect())
}

const TEXT_OF: &str = "SELECT id, status, kind, session_id FROM dialogue_texts \
     WHERE public_id = $1 AND dialogue_id = $2";
const ANY_TEXT: &str = "SELECT COUNT(*) FROM dialogue_texts WHERE dialogue_id = $1 AND kind = $2 \
     AND COALESCE(session_id, 0) = $3";
const INSERT_TEXT: &str = "INSERT INTO dialogue_texts (public_id, dialogue_id, kind, session_id, \
     body, status, supersedes, written_by, written_at) \
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8) RETURNING id";

/// A summary's link, checked: (requirement's internal id, version, input).
pub type Change = (i64, i64, String);

/// Replaces the links of the draft `text_id` with `changes`, in order.
async fn write_changes(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    text_id: i64,
    changes: &[Change],
) -> Result<(), AppError> {
    sqlx::query("DELETE FROM dialogue_text_changes WHERE text_id = $1")
        .bind(text_id)
        .execute(&mut **tx)
        .await?;
    for (position, (requirement, version, input)) in changes.iter().enumerate() {
        sqlx::query(
            "INSERT INTO dialogue_text_changes (text_id, position, requirement_id, version, input) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(text_id)
        .bind(position as i64)
        .bind(requirement)
        .bind(version)
        .bind(input)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

const REQUIREMENT_REF: &str = "n.public_id, n.title, r.public_id, v.version, v.text";

/// Every version of every requirement in the needs the dialogue covers,
/// each with the requirement's internal id: what a summary may link to.
pub async fn requirement_versions(
    db: &Db,
    dialogue_id: i64,
) -> Result<Vec<(i64, RequirementRef)>, AppError> {
    let rows: Vec<(i64, String, String, String, i64, String)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT r.id, {REQUIREMENT_REF} FROM dialogue_needs dn \
             JOIN needs n ON n.id = dn.need_id JOIN requirements r ON r.need_id = n.id \
             JOIN requirement_versions v ON v.requirement_id = r.id \
             WHERE dn.dialogue_id = $1 ORDER BY n.id, r.position, v.version"
        )))
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, need, need_title, requirement, version, text)| {
            (
                id,
                RequirementRef {
                    need,
                    need_title,
                    requirement,
                    version,
                    text,
                },
            )
        })
        .collect())
}

/// Writes the first draft of the minutes of `session` (or of the summary
/// when `None`), or rewrites the draft `text`. An approved text is frozen:
/// `Frozen`. A first draft where one exists already: `Conflict`.
pub async fn save_draft(
    db: &Db,
    key: DialogueKey,
    session: Option<i64>,
    text: Option<&str>,
    body: &str,
    changes: &[Change],
    actor: Actor,
) -> Result<(), AppError> {
    let kind = if session.is_some() {
        "minutes"
    } else {
        "summary"
    };
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    match text {
        Some(text) => {
            let found: Option<(i64, String, String, Option<i64>)> = sqlx::query_as(TEXT_OF)
                .bind(text)
                .bind(key.id)
                .fetch_optional(&mut *tx)
                .await?;
            let (id, status, found_kind, _) = found.ok_or(AppError::NotFound)?;
            if found_kind != kind {
                return Err(AppError::BadRequest);
            }
            if status != "draft" {
                return Err(AppError::Frozen);
            }
            sqlx::query(
                "UPDATE dialogue_texts SET body = $1, written_by = $2, written_at = $3 \
                 WHERE id = $4 AND status = 'draft'",
            )
            .bind(body)
            .bind(actor.account_id)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            write_changes(&mut tx, id, changes).await?;
        }
        None => {
            let (existing,): (i64,) = sqlx::query_as(ANY_TEXT)
                .bind(key.id)
                .bind(kind)
                .bind(session.unwrap_or(0))
                .fetch_one(&mut *tx)
                .await?;
            if existing > 0 {
                return Err(AppError::Conflict);
            }
            let (id,): (i64,) = sqlx::query_as(INSERT_TEXT)
                .bind(public_id())
                .bind(key.id)
                .bind(kind)
                .bind(session)
                .bind(body)
                .bind(None::<i64>)
                .bind(actor.account_id)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            write_changes(&mut tx, id, changes).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// A new draft that will supersede the approved text `text`, which itself
/// stays as it was. `Conflict` unless `text` is approved and not already
/// superseded.
pub async fn supersede(
    db: &Db,
    key: DialogueKey,
    text: &str,
    body: &str,
    changes: &[Change],
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let found: Option<(i64, String, String, Option<i64>)> = sqlx::query_as(TEXT_OF)
        .bind(text)
        .bind(key.id)
        .fetch_optional(&mut *tx)
        .await?;
    let (id, status, kind, session) = found.ok_or(AppError::NotFound)?;
    let (later,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM dialogue_texts WHERE supersedes = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    if status != "approved" || later > 0 {
        return Err(AppError::Conflict);
    }
    let (new_id,): (i64,) = sqlx::query_as(INSERT_TEXT)
        .bind(public_id())
        .bind(key.id)
        .bind(kind)
        .bind(session)
        .bind(body)
        .bind(Some(id))
        .bind(actor.account_id)
        .bind(db.now())
        .fetch_one(&mut *tx)
        .await?;
    write_changes(&mut tx, new_id, changes).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the text `text` of the dialogue is a summary (not minutes);
/// `None` when there is no such text.
pub async fn is_summary(db: &Db, dialogue_id: i64, text: &str) -> Result<Option<bool>, AppError> {
    let row: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT session_id FROM dialogue_texts WHERE public_id = $1 AND dialogue_id = $2",
    )
    .bind(text)
    .bind(dialogue_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(session,)| session.is_none()))
}

/// A host approves a draft; from then on its text never changes.
/// `Conflict` when it is not a draft.
pub async fn approve_text(
    db: &Db,
    key: DialogueKey,
    text_public_id: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE dialogue_texts SET status = 'approved', approved_by = $1, approved_at = $2 \
         WHERE public_id = $3 AND dialogue_id = $4 AND status = 'draft'",
    )
    .bind(actor.account_id)
    .bind(db.now())
    .bind(text_public_id)
    .bind(key.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::dialogue(key.network_id, key.id, "text_approved", text_public_id, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every version of the minutes and the summary, oldest first.
pub async fn texts(
    db: &Db,
    dialogue_id: i64,
    deleted_user: &str,
) -> Result<Vec<RecordText>, AppError> {
    type Row = (
        String,
        Option<String>,
        String,
        String,
        String,
        Option<i64>,
        i64,
        String,
        Option<i64>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.public_id, s.public_id, t.body, t.status, COALESCE(w.name, ''), w.deleted_at, \
         t.written_at, COALESCE(a.name, ''), t.approved_at, p.public_id \
         FROM dialogue_texts t LEFT JOIN dialogue_sessions s ON s.id = t.session_id \
         LEFT JOIN accounts w ON w.id = t.written_by LEFT JOIN accounts a ON a.id = t.approved_by \
         LEFT JOIN dialogue_texts p ON p.id = t.supersedes \
         WHERE t.dialogue_id = $1 ORDER BY t.id",
    )
    .bind(dialogue_id)
    .fetch_all(db.pool())
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let links: Vec<(String, String, String, String, String, i64, String)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT t.public_id, c.input, {REQUIREMENT_REF} FROM dialogue_text_changes c \
             JOIN dialogue_texts t ON t.id = c.text_id \
             JOIN requirements r ON r.id = c.requirement_id \
             JOIN requirement_versions v ON v.requirement_id = c.requirement_id \
             AND v.version = c.version \
             JOIN needs n ON n.id = r.need_id \
             WHERE t.dialogue_id = $1 ORDER BY c.text_id, c.position"
        )))
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?;
    let changes_of = |text: &str| -> Vec<RequirementChange> {
        links
            .iter()
            .filter(|l| l.0 == text)
            .map(
                |(_, input, need, need_title, requirement, version, text)| RequirementChange {
                    requirement: RequirementRef {
                        need: need.clone(),
                        need_title: need_title.clone(),
                        requirement: requirement.clone(),
                        version: *version,
                        text: text.clone(),
                    },
                    input: input.clone(),
                },
            )
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(
            |(
                public_id,
                session,
                body,
                status,
                writer,
                writer_deleted,
                written_at,
                approver,
                approved_at,
                supersedes,
            )| {
                RecordText {
                    changes: changes_of(&public_id),
                    body_html: crate::markdown::to_html(&body),
                    public_id,
                    session,
                    body,
                    approved: status == "approved",
                    written_by: if writer_deleted.is_some() {
                        deleted_user.to_string()
                    } else {
                        writer
                    },
                    written_at,
                    approved_by: approver,
                    approved_at,
                    supersedes,
                }
            },
        )
        .collect())
}

/// The session's internal id, if it belongs to the dialogue.
pub async fn session_id(db: &Db, dialogue_id: i64, session: &str) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM dialogue_sessions WHERE public_id = $1 AND dialogue_id = $2",
    )
    .bind(session)
    .bind(dialogue_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(id,)| id))
}

/// A network's dialogues for its page: (public id, title, status, first
/// session's start).
pub async fn of_network(
    db: &Db,
    network_id: i64,
) -> Result<Vec<(String, String, DialogueStatus, Option<i64>)>, AppError> {
    let rows: Vec<(String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT d.public_id, d.title, d.status, \
         (SELECT MIN(s.starts_at) FROM dialogue_sessions s WHERE s.dialogue_id = d.id) \
         FROM dialogues d WHERE d.network_id = $1 ORDER BY d.id DESC LIMIT 100",
    )
    .bind(network_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, title, status, first)| {
            Some((id, title, DialogueStatus::parse(&status)?, first))
        })
        .collect())
}

/// Every session of a network's dialogues, for its calendar feed:
/// (session id, dialogue id, title, purpose, starts, ends, place, link).
pub async fn network_sessions(
    db: &Db,
    network_id: i64,
) -> Result<Vec<(String, String, String, String, i64, i64, String, String)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT s.public_id, d.public_id, d.title, d.purpose, s.starts_at, s.ends_at, s.place, s.link \
         FROM dialogue_sessions s JOIN dialogues d ON d.id = s.dialogue_id \
         WHERE d.network_id = $1 ORDER BY s.starts_at",
    )
    .bind(network_id)
    .fetch_all(db.pool())
    .await?)
}
