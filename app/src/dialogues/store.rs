//! The dialogue's SQL: the plan, the page, the lifecycle, hosts and Q&A;
//! a network's dialogues in `network`.

use super::{Dialogue, DialogueFormat, DialogueStatus, Meeting, NewDialogue, QaEntry};
use crate::{
    core::ids::public_id,
    core::{
        audit::{self, Entry},
        ids::{DialogueId, NeedId, NetworkId, OrganisationId},
        Actor,
    },
    db::Db,
    error::AppError,
};

mod network;
pub use network::{network_meetings, of_network, FeedMeeting};

/// A dialogue's internal key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DialogueKey {
    pub id: DialogueId,
    pub network_id: NetworkId,
}

/// A dialogue as stored: its key, what its page shows, and its host
/// organisations' ids.
#[derive(Clone, Debug)]
pub struct StoredDialogue {
    pub key: DialogueKey,
    pub dialogue: Dialogue,
    pub hosts: Vec<OrganisationId>,
}

/// One of the needs a new dialogue may cover.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenNeed {
    pub id: NeedId,
    pub public_id: String,
}

crate::sql_with_list!(
    /// Of the chosen needs (public ids), those of the network that are
    /// shared: a draft is its owner's alone.
    OPEN_NEEDS = "SELECT id, public_id FROM needs WHERE network_id = $1 AND status <> 'draft' \
     AND public_id IN ({list})",
    from = 2
);

/// Which of the chosen needs (public ids, as sent) a dialogue in the
/// network may cover, in one query.
#[tracing::instrument(skip_all)]
pub async fn open_needs_among(
    db: &Db,
    network_id: NetworkId,
    chosen: &[String],
) -> Result<Vec<OpenNeed>, AppError> {
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query_as::<_, OpenNeed>(OPEN_NEEDS.with(chosen.len())).bind(network_id);
    for public_id in chosen {
        query = query.bind(public_id.trim().to_string());
    }
    Ok(query.fetch_all(db.pool()).await?)
}

crate::sql!(
    INSERT = "INSERT INTO dialogues (public_id, network_id, title, purpose, form, cpv, \
     lan_code, estimated_value, answer_deadline, capacity, status, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'planned', $11) RETURNING id"
);
crate::sql!(
    INSERT_HOST = "INSERT INTO dialogue_hosts (dialogue_id, organisation_id) VALUES ($1, $2)"
);
crate::sql!(INSERT_NEED = "INSERT INTO dialogue_needs (dialogue_id, need_id) VALUES ($1, $2)");
crate::sql!(
    INSERT_QUESTION =
        "INSERT INTO dialogue_questions (dialogue_id, position, text) VALUES ($1, $2, $3)"
);
crate::sql!(
    INSERT_MEETING = "INSERT INTO dialogue_sessions \
     (public_id, dialogue_id, starts_at, ends_at, place, link) VALUES ($1, $2, $3, $4, $5, $6)"
);
crate::sql!(
    /// A meeting added to a corrected plan: the values in the order the
    /// correction of a meeting binds them.
    INSERT_MEETING_LAST = "INSERT INTO dialogue_sessions \
     (starts_at, ends_at, place, link, public_id, dialogue_id) VALUES ($1, $2, $3, $4, $5, $6)"
);

/// Saves a planned dialogue with its host, needs, questions and meetings;
/// returns its public id.
#[tracing::instrument(skip_all)]
pub async fn create(db: &Db, network_id: NetworkId, new: &NewDialogue) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let public_id = public_id();
    let id: DialogueId = sqlx::query_scalar(INSERT)
        .bind(&public_id)
        .bind(network_id)
        .bind(new.title())
        .bind(new.purpose())
        .bind(new.format().code())
        .bind(new.cpv().as_str())
        .bind(new.lan().as_str())
        .bind(new.estimated_value())
        .bind(new.answer_deadline())
        .bind(new.capacity())
        .bind(db.now())
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query(INSERT_HOST)
        .bind(id)
        .bind(new.host().organisation_id)
        .execute(&mut *tx)
        .await?;
    for need in new.needs() {
        sqlx::query(INSERT_NEED)
            .bind(id)
            .bind(*need)
            .execute(&mut *tx)
            .await?;
    }
    for (position, question) in new.questions().iter().enumerate() {
        sqlx::query(INSERT_QUESTION)
            .bind(id)
            .bind(position as i64 + 1)
            .bind(question)
            .execute(&mut *tx)
            .await?;
    }
    for meeting in new.meetings() {
        sqlx::query(INSERT_MEETING)
            .bind(crate::core::ids::public_id())
            .bind(id)
            .bind(meeting.starts_at())
            .bind(meeting.ends_at())
            .bind(meeting.place())
            .bind(meeting.link())
            .execute(&mut *tx)
            .await?;
    }
    let entry = Entry::dialogue(network_id, id, "dialogue_created", new.title(), "");
    audit::record(&mut tx, db.now(), new.host(), entry).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Dialogue(id)).await?;
    tx.commit().await?;
    Ok(public_id)
}

crate::audit_text!("dialogue_created", super::log::created);

crate::sql!(
    CORRECT = "UPDATE dialogues SET title = $1, purpose = $2, form = $3, cpv = $4, \
     lan_code = $5, estimated_value = $6, answer_deadline = $7, capacity = $8 \
     WHERE id = $9 AND status IN ('planned', 'announced')"
);
crate::sql!(DELETE_NEEDS = "DELETE FROM dialogue_needs WHERE dialogue_id = $1");
crate::sql!(DELETE_QUESTIONS = "DELETE FROM dialogue_questions WHERE dialogue_id = $1");
crate::sql!(
    CORRECT_MEETING = "UPDATE dialogue_sessions SET starts_at = $1, ends_at = $2, place = $3, \
     link = $4 WHERE public_id = $5 AND dialogue_id = $6"
);
crate::sql!(
    DELETE_MEETING = "DELETE FROM dialogue_sessions WHERE public_id = $1 AND dialogue_id = $2 \
     AND NOT EXISTS (SELECT 1 FROM dialogue_texts t WHERE t.session_id = dialogue_sessions.id)"
);

/// Saves a corrected plan (the hosts stay) and logs what changed in one
/// entry. `Conflict` when the dialogue was held meanwhile, or when a
/// meeting to remove has minutes.
#[tracing::instrument(skip_all)]
pub async fn correct(
    db: &Db,
    key: DialogueKey,
    stored: &Dialogue,
    new: &NewDialogue,
    changes: &[super::edit::Change],
    told: Option<&(String, super::market::store::Mail)>,
    too_few_places: impl FnOnce(i64) -> AppError,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(CORRECT)
        .bind(new.title())
        .bind(new.purpose())
        .bind(new.format().code())
        .bind(new.cpv().as_str())
        .bind(new.lan().as_str())
        .bind(new.estimated_value())
        .bind(new.answer_deadline())
        .bind(new.capacity())
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    // Counted after the update, which holds the row registrations lock:
    // places already taken stay taken.
    let registered = super::registration::store::registered_in(&mut tx, key.id).await?;
    if registered > new.capacity() {
        return Err(too_few_places(registered));
    }
    sqlx::query(DELETE_NEEDS)
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    for need in new.needs() {
        sqlx::query(INSERT_NEED)
            .bind(key.id)
            .bind(*need)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(DELETE_QUESTIONS)
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    for (position, question) in new.questions().iter().enumerate() {
        sqlx::query(INSERT_QUESTION)
            .bind(key.id)
            .bind(position as i64 + 1)
            .bind(question)
            .execute(&mut *tx)
            .await?;
    }
    for meeting in new.meetings() {
        let (query, public_id) = match meeting.existing() {
            Some(existing) => (CORRECT_MEETING, existing.to_string()),
            None => (INSERT_MEETING_LAST, crate::core::ids::public_id()),
        };
        sqlx::query(query)
            .bind(meeting.starts_at())
            .bind(meeting.ends_at())
            .bind(meeting.place())
            .bind(meeting.link())
            .bind(public_id)
            .bind(key.id)
            .execute(&mut *tx)
            .await?;
    }
    for removed in stored.meetings.iter().filter(|m| {
        !new.meetings()
            .iter()
            .any(|n| n.existing() == Some(&m.public_id))
    }) {
        let done = sqlx::query(DELETE_MEETING)
            .bind(&removed.public_id)
            .bind(key.id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::Conflict);
        }
    }
    let codes: Vec<String> = changes.iter().map(|c| c.code()).collect();
    let subject = format!("{}: {}", new.title(), codes.join(" "));
    let entry = Entry::dialogue(key.network_id, key.id, "dialogue_edited", &subject, "");
    audit::record(&mut tx, db.now(), new.host(), entry).await?;
    if let Some((body, mail)) = told {
        super::market::store::changed(&mut tx, key.id, body, mail, db.now()).await?;
    }
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Dialogue(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("dialogue_edited", super::log::edited);

#[derive(sqlx::FromRow)]
struct DialogueRow {
    id: DialogueId,
    network_id: NetworkId,
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

#[derive(sqlx::FromRow)]
struct HostRow {
    id: OrganisationId,
    name: String,
}

#[derive(sqlx::FromRow)]
struct NeedRow {
    public_id: String,
    title: String,
}

crate::sql!(
    FIND = "SELECT d.id, d.network_id, d.public_id, n.public_id AS network_public_id, \
     n.name AS network_name, d.title, d.purpose, d.form, d.cpv, d.lan_code, d.estimated_value, \
     d.answer_deadline, d.capacity, d.status FROM dialogues d \
     JOIN networks n ON n.id = d.network_id WHERE d.public_id = $1"
);
crate::sql!(
    HOSTS = "SELECT o.id, o.name FROM dialogue_hosts h \
     JOIN organisations o ON o.id = h.organisation_id WHERE h.dialogue_id = $1 ORDER BY o.name"
);
crate::sql!(
    NEEDS = "SELECT n.public_id, n.title FROM dialogue_needs dn JOIN needs n ON n.id = dn.need_id \
     WHERE dn.dialogue_id = $1 ORDER BY n.title"
);
crate::sql!(
    QUESTIONS = "SELECT text FROM dialogue_questions WHERE dialogue_id = $1 ORDER BY position"
);
crate::sql!(
    MEETINGS = "SELECT public_id, starts_at, ends_at, place, link FROM dialogue_sessions \
     WHERE dialogue_id = $1 ORDER BY starts_at, id"
);

/// The dialogue with this public id, its key and its hosts.
#[tracing::instrument(skip_all)]
pub async fn find(db: &Db, public_id: &str) -> Result<Option<StoredDialogue>, AppError> {
    let row: Option<DialogueRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let hosts: Vec<HostRow> = sqlx::query_as(HOSTS)
        .bind(r.id)
        .fetch_all(db.pool())
        .await?;
    let needs: Vec<NeedRow> = sqlx::query_as(NEEDS)
        .bind(r.id)
        .fetch_all(db.pool())
        .await?;
    let questions: Vec<String> = sqlx::query_scalar(QUESTIONS)
        .bind(r.id)
        .fetch_all(db.pool())
        .await?;
    let meetings: Vec<Meeting> = sqlx::query_as(MEETINGS)
        .bind(r.id)
        .fetch_all(db.pool())
        .await?;
    let dialogue = Dialogue {
        public_id: r.public_id,
        network_public_id: r.network_public_id,
        network_name: r.network_name,
        title: r.title,
        purpose: r.purpose,
        form: DialogueFormat::parse(&r.form).ok_or_else(|| AppError::internal("dialogue form"))?,
        cpv: r.cpv,
        lan: r.lan_code,
        estimated_value: r.estimated_value,
        answer_deadline: r.answer_deadline,
        capacity: r.capacity,
        status: DialogueStatus::parse(&r.status)
            .ok_or_else(|| AppError::internal("dialogue status"))?,
        hosts: hosts.iter().map(|h| h.name.clone()).collect(),
        needs: needs.into_iter().map(|n| (n.public_id, n.title)).collect(),
        questions,
        meetings,
    };
    Ok(Some(StoredDialogue {
        key: DialogueKey {
            id: r.id,
            network_id: r.network_id,
        },
        dialogue,
        hosts: hosts.into_iter().map(|h| h.id).collect(),
    }))
}

/// Adds a co-host. `Conflict` when it hosts already.
#[tracing::instrument(skip_all)]
pub async fn add_host(
    db: &Db,
    key: DialogueKey,
    organisation_id: OrganisationId,
    organisation_name: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(INSERT_HOST)
        .bind(key.id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await
        .map_err(crate::db::conflict_if_taken)?;
    let entry = Entry::dialogue(
        key.network_id,
        key.id,
        "cohost_added",
        organisation_name,
        "",
    );
    audit::record(&mut tx, db.now(), actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("cohost_added", super::log::cohost_added);

#[derive(sqlx::FromRow)]
struct ChoiceRow {
    public_id: String,
    name: String,
}

crate::sql!(
    POSSIBLE_HOSTS = "SELECT o.public_id, o.name FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = 'active' AND nm.role IN ('member', 'coordinator') \
     AND NOT EXISTS (SELECT 1 FROM dialogue_hosts h WHERE h.dialogue_id = $2 \
                     AND h.organisation_id = nm.organisation_id) ORDER BY o.name"
);

/// The network's posting organisations that do not host yet: (public id,
/// name), for the co-host form.
#[tracing::instrument(skip_all)]
pub async fn possible_hosts(db: &Db, key: DialogueKey) -> Result<Vec<(String, String)>, AppError> {
    let rows: Vec<ChoiceRow> = sqlx::query_as(POSSIBLE_HOSTS)
        .bind(key.network_id)
        .bind(key.id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|r| (r.public_id, r.name)).collect())
}

crate::sql!(TRANSITION = "UPDATE dialogues SET status = $1 WHERE id = $2 AND status = $3");

/// Moves the dialogue one step along its lifecycle, logged with the reason;
/// announcing a targeted dialogue mails `invitation` to those invited.
#[tracing::instrument(skip_all)]
pub async fn transition(
    db: &Db,
    key: DialogueKey,
    title: &str,
    step: &super::DialogueStep,
    invitation: &super::market::store::Mail,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(TRANSITION)
        .bind(step.to().code())
        .bind(key.id)
        .bind(step.from().code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let subject = format!("{title}: {} → {}", step.from().code(), step.to().code());
    let entry = Entry::dialogue(
        key.network_id,
        key.id,
        "dialogue_status",
        &subject,
        step.reason(),
    );
    audit::record(&mut tx, db.now(), actor, entry).await?;
    if step.to() == DialogueStatus::Announced {
        super::market::store::announce(&mut tx, key, title, invitation, db.now()).await?;
    }
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Dialogue(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("dialogue_status", super::log::status);

crate::audit_text!("qa_published", super::log::qa_published);

crate::sql!(
    QA =
        "SELECT question, answer, published_at FROM dialogue_qa WHERE dialogue_id = $1 ORDER BY id"
);

/// The published questions and answers, oldest first.
#[tracing::instrument(skip_all)]
pub async fn qa(db: &Db, dialogue_id: DialogueId) -> Result<Vec<QaEntry>, AppError> {
    Ok(sqlx::query_as(QA)
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?)
}
