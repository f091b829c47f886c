//! The market part's SQL. Everything told to suppliers goes through
//! `tell`, in the transaction that decided it: the log entry, the list of
//! suppliers registered at that moment, and one mail per person of each of
//! them, all with the same time.

use super::{
    AskedQuestion, BoardFilter, BoardItem, InformationEntry, InformationKind, PublicMessage,
    RegisteredSupplier, BOARD_PAGE,
};
use crate::{
    core::{
        audit::{self, Entry},
        ids::{public_id, DialogueId, SupplierId},
        market::SupplierActor,
        Actor,
    },
    db::Db,
    dialogues::{store::DialogueKey, DialogueFormat, DialogueStatus, QaAnswer},
    error::AppError,
};

/// A mail in both languages; each recipient gets the one of their account.
pub struct Mail {
    pub subject: [String; 2],
    pub body: [String; 2],
}

/// What the market part needs of a dialogue beyond its plan.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Publication {
    pub announced_at: Option<i64>,
    pub question_deadline: Option<i64>,
    pub supplier_places: i64,
    /// 1 when the dialogue's network is closed.
    pub network_closed: i64,
    /// 1 for a targeted selection of suppliers (invited only).
    pub targeted: i64,
    /// Why the hosts chose a targeted selection.
    pub audience_reason: String,
    /// 1 when the public page shows the needs covered, and the demand.
    pub public_needs: i64,
    pub public_demand: i64,
    /// 1 when the hosts take written answers (an RFI and an extern
    /// remiss always do).
    pub written_answers: i64,
    /// Bookings of individual meetings are made and changed until then.
    pub slot_cutoff: Option<i64>,
}

impl Publication {
    /// What is fixed once the dialogue is announced, as stored.
    pub fn announced(&self) -> super::Announced {
        super::Announced {
            audience: if self.targeted == 1 {
                super::Audience::Invited(self.audience_reason.clone())
            } else {
                super::Audience::Open
            },
            needs: self.public_needs == 1,
            demand: self.public_demand == 1,
            written: self.written_answers == 1,
        }
    }

    /// Whether suppliers answer the dialogue in writing: once announced,
    /// as fixed then (a later change of form neither hides the answers
    /// received nor starts taking them).
    pub fn takes_answers(&self, form: DialogueFormat) -> bool {
        self.written_answers == 1 || (self.announced_at.is_none() && form.takes_written_answers())
    }

    /// The last moment for questions: the hosts' choice, never after the
    /// answer deadline (which a corrected plan may have moved earlier).
    pub fn effective_question_deadline(&self, answer_deadline: i64) -> i64 {
        self.question_deadline
            .map_or(answer_deadline, |q| q.min(answer_deadline))
    }
}

crate::sql!(
    PUBLICATION = "SELECT d.announced_at, d.question_deadline, d.supplier_places, \
     CAST(CASE WHEN n.status = 'closed' THEN 1 ELSE 0 END AS BIGINT) AS network_closed, \
     CAST(CASE WHEN d.audience = 'invited' THEN 1 ELSE 0 END AS BIGINT) AS targeted, \
     d.audience_reason, d.public_needs, d.public_demand, d.written_answers, d.slot_cutoff \
     FROM dialogues d \
     JOIN networks n ON n.id = d.network_id WHERE d.id = $1"
);

#[tracing::instrument(skip_all)]
pub async fn publication(db: &Db, id: DialogueId) -> Result<Publication, AppError> {
    Ok(sqlx::query_as(PUBLICATION)
        .bind(id)
        .fetch_one(db.pool())
        .await?)
}

crate::sql!(
    /// What is fixed at the announcement is checked in the update itself,
    /// so an announcement between the hosts' look and this cannot slip by.
    SET_PUBLICATION = "UPDATE dialogues SET question_deadline = $1, supplier_places = $2, \
     audience = $3, audience_reason = $4, public_needs = $5, public_demand = $6, \
     written_answers = $8 WHERE id = $7 \
     AND (announced_at IS NULL OR (audience = $3 AND audience_reason = $4 \
          AND public_needs = $5 AND public_demand = $6 AND written_answers = $8))"
);

/// The hosts' choices for the public part; once announced, `told` says
/// the change to every registered supplier.
#[tracing::instrument(skip_all)]
pub async fn set_publication(
    db: &Db,
    key: DialogueKey,
    publication: &super::Publication,
    told: Option<&(String, Mail)>,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    if let Some((body, mail)) = told {
        tell(
            &mut tx,
            key.id,
            InformationKind::Changed,
            body,
            mail,
            db.now(),
        )
        .await?;
    }
    let done = sqlx::query(SET_PUBLICATION)
        .bind(publication.question_deadline)
        .bind(publication.supplier_places)
        .bind(publication.audience.code())
        .bind(publication.audience.reason())
        .bind(i64::from(publication.needs))
        .bind(i64::from(publication.demand))
        .bind(key.id)
        .bind(i64::from(publication.written))
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    // A targeted selection's justification goes into the record with it.
    let entry = Entry::dialogue(
        key.network_id,
        key.id,
        "publication_set",
        publication.audience.code(),
        publication.audience.reason(),
    );
    audit::record(&mut tx, db.now(), actor, entry).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Dialogue(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("publication_set", super::text::publication_set_log);

crate::sql!(
    /// Whether the dialogue is targeted is read in the same update, so a
    /// change of audience just before cannot slip between; whether it
    /// takes written answers is fixed here.
    ANNOUNCED = "UPDATE dialogues SET announced_at = $1, written_answers = CASE \
     WHEN form IN ('rfi', 'extern_remiss') THEN 1 ELSE written_answers END WHERE id = $2 \
     RETURNING CAST(CASE WHEN audience = 'invited' THEN 1 ELSE 0 END AS BIGINT)"
);

/// The announcement, in the transaction of the status change: the
/// public part is published from now, and the log says so. For a
/// targeted dialogue, `invitation` goes to the people of every supplier
/// invited so far.
pub async fn announce(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    key: DialogueKey,
    title: &str,
    invitation: &Mail,
    now: i64,
) -> Result<(), AppError> {
    let targeted: i64 = sqlx::query_scalar(ANNOUNCED)
        .bind(now)
        .bind(key.id)
        .fetch_one(&mut **tx)
        .await?;
    let id = log(tx, key.id, InformationKind::Announced, title, None, now).await?;
    if targeted == 1 {
        let mail = invitation;
        sqlx::query(INVITED_RECIPIENTS)
            .bind(id)
            .bind(key.id)
            .execute(&mut **tx)
            .await?;
        mail_to(tx, QUEUE_INVITED_MAILS, key.id.0, mail, now).await?;
    }
    Ok(())
}

crate::sql!(
    INVITED_RECIPIENTS = "INSERT INTO dialogue_information_recipients (information_id, \
     supplier_id) SELECT $1, supplier_id FROM dialogue_invited_suppliers WHERE dialogue_id = $2"
);
crate::sql!(
    /// One invitation per person of each supplier invited to the dialogue.
    QUEUE_INVITED_MAILS = "INSERT INTO outbox (recipient, subject, body, created_at) \
     SELECT DISTINCT a.email, \
     CASE WHEN a.language = 'en' THEN CAST($2 AS TEXT) ELSE CAST($1 AS TEXT) END, \
     CASE WHEN a.language = 'en' THEN CAST($4 AS TEXT) ELSE CAST($3 AS TEXT) END, \
     CAST($5 AS BIGINT) FROM dialogue_invited_suppliers i \
     JOIN supplier_members m ON m.supplier_id = i.supplier_id AND m.status = 'active' \
     JOIN accounts a ON a.id = m.account_id AND a.deleted_at IS NULL WHERE i.dialogue_id = $6"
);
crate::sql!(
    /// One invitation per person of one supplier.
    QUEUE_SUPPLIER_MAILS = "INSERT INTO outbox (recipient, subject, body, created_at) \
     SELECT DISTINCT a.email, \
     CASE WHEN a.language = 'en' THEN CAST($2 AS TEXT) ELSE CAST($1 AS TEXT) END, \
     CASE WHEN a.language = 'en' THEN CAST($4 AS TEXT) ELSE CAST($3 AS TEXT) END, \
     CAST($5 AS BIGINT) FROM supplier_members m \
     JOIN accounts a ON a.id = m.account_id AND a.deleted_at IS NULL \
     WHERE m.supplier_id = $6 AND m.status = 'active'"
);
crate::sql!(
    INVITE = "INSERT INTO dialogue_invited_suppliers (dialogue_id, supplier_id, invited_at) \
     VALUES ($1, $2, $3) ON CONFLICT (dialogue_id, supplier_id) DO NOTHING"
);
crate::sql!(
    INVITED_ONE =
        "INSERT INTO dialogue_information_recipients (information_id, supplier_id) VALUES ($1, $2)"
);

/// Queues `mail` for the recipients `sql` selects from `owner` ($6).
async fn mail_to(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sql: &'static str,
    owner: i64,
    mail: &Mail,
    now: i64,
) -> Result<u64, AppError> {
    let queued = sqlx::query(sql)
        .bind(&mail.subject[0])
        .bind(&mail.subject[1])
        .bind(&mail.body[0])
        .bind(&mail.body[1])
        .bind(now)
        .bind(owner)
        .execute(&mut **tx)
        .await?;
    Ok(queued.rows_affected())
}

crate::sql!(
    LOCK_ANNOUNCED = "UPDATE dialogues SET supplier_places = supplier_places WHERE id = $1 \
     RETURNING announced_at"
);

/// Invites a supplier to a targeted dialogue; once it is announced, its
/// people get `invitation` at once. Inviting again changes nothing.
/// Whether it is announced is read under the dialogue's lock, so an
/// invitation beside the announcement is mailed by one or the other.
#[tracing::instrument(skip_all)]
pub async fn invite(
    db: &Db,
    key: DialogueKey,
    supplier: SupplierId,
    invitation: &Mail,
    actor: Actor,
) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    let announced: Option<i64> = sqlx::query_scalar(LOCK_ANNOUNCED)
        .bind(key.id)
        .fetch_one(&mut *tx)
        .await?;
    let done = sqlx::query(INVITE)
        .bind(key.id)
        .bind(supplier)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 {
        let id = log(
            &mut tx,
            key.id,
            InformationKind::Invited,
            "",
            Some(supplier),
            now,
        )
        .await?;
        if announced.is_some() {
            sqlx::query(INVITED_ONE)
                .bind(id)
                .bind(supplier)
                .execute(&mut *tx)
                .await?;
            mail_to(&mut tx, QUEUE_SUPPLIER_MAILS, supplier.0, invitation, now).await?;
        }
        let entry = Entry::dialogue(key.network_id, key.id, "supplier_invited", "", "");
        audit::record(&mut tx, now, actor, entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("supplier_invited", super::text::invited_log);

crate::sql!(
    INVITED = "SELECT s.name FROM dialogue_invited_suppliers i JOIN suppliers s \
     ON s.id = i.supplier_id WHERE i.dialogue_id = $1 ORDER BY s.name, s.id"
);

/// The suppliers invited to a targeted dialogue, by name: hosts only.
#[tracing::instrument(skip_all)]
pub async fn invited(db: &Db, dialogue: DialogueId) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar(INVITED)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    INSERT_INFORMATION = "INSERT INTO dialogue_information (dialogue_id, kind, body, \
     supplier_id, at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
);
crate::sql!(
    INSERT_RECIPIENTS = "INSERT INTO dialogue_information_recipients (information_id, \
     supplier_id) SELECT $1, supplier_id FROM dialogue_suppliers \
     WHERE dialogue_id = $2 AND withdrawn_at IS NULL"
);
crate::sql!(
    /// One mail per person of each registered supplier, in their language;
    /// each is its own message, so no one sees another's address.
    QUEUE_MAILS = "INSERT INTO outbox (recipient, subject, body, created_at) \
     SELECT DISTINCT a.email, \
     CASE WHEN a.language = 'en' THEN CAST($2 AS TEXT) ELSE CAST($1 AS TEXT) END, \
     CASE WHEN a.language = 'en' THEN CAST($4 AS TEXT) ELSE CAST($3 AS TEXT) END, \
     CAST($5 AS BIGINT) FROM dialogue_suppliers r \
     JOIN supplier_members m ON m.supplier_id = r.supplier_id AND m.status = 'active' \
     JOIN accounts a ON a.id = m.account_id AND a.deleted_at IS NULL \
     WHERE r.dialogue_id = $6 AND r.withdrawn_at IS NULL"
);

/// Locks the dialogue's row: registrations, withdrawals, places taken and
/// what is told are then one at a time, so the log's list of recipients
/// is exactly who was mailed (PostgreSQL reads committed rows between
/// statements; SQLite already writes one at a time). Gives the supplier
/// places per meeting.
pub(crate) async fn lock(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(LOCK_PLACES)
        .bind(dialogue)
        .fetch_one(&mut **tx)
        .await?)
}

async fn log(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    kind: InformationKind,
    body: &str,
    supplier: Option<SupplierId>,
    now: i64,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(INSERT_INFORMATION)
        .bind(dialogue)
        .bind(kind.code())
        .bind(body)
        .bind(supplier)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?)
}

/// A correction of an announced dialogue, in the transaction that saves
/// it: a dated change on the public page, told to every registered supplier.
pub async fn changed(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    body: &str,
    mail: &Mail,
    now: i64,
) -> Result<(), AppError> {
    tell(tx, dialogue, InformationKind::Changed, body, mail, now).await
}

/// Tells every registered supplier the same thing at the same moment:
/// the log entry with the suppliers registered now, and their mail.
pub(crate) async fn tell(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    kind: InformationKind,
    body: &str,
    mail: &Mail,
    now: i64,
) -> Result<(), AppError> {
    lock(tx, dialogue).await?;
    let id = log(tx, dialogue, kind, body, None, now).await?;
    sqlx::query(INSERT_RECIPIENTS)
        .bind(id)
        .bind(dialogue)
        .execute(&mut **tx)
        .await?;
    let mails = mail_to(tx, QUEUE_MAILS, dialogue.0, mail, now).await?;
    tracing::info!(mails, "information sent to registered suppliers");
    Ok(())
}

crate::sql!(
    INSERT_QA = "INSERT INTO dialogue_qa (dialogue_id, question, answer, published_at, \
     account_id) VALUES ($1, $2, $3, $4, $5) RETURNING id"
);
crate::sql!(
    ANSWERED = "UPDATE supplier_questions SET qa_id = $1 \
     WHERE public_id = $2 AND dialogue_id = $3 AND qa_id IS NULL"
);

/// Publishes a question (as the hosts word it) and its answer, answering
/// the supplier's question `asked` if given, and tells every registered
/// supplier. Who asked is kept with the supplier's question only.
/// `NotFound` when `asked` is no unanswered question of the dialogue.
#[tracing::instrument(skip_all)]
pub async fn publish_answer(
    db: &Db,
    key: DialogueKey,
    asked: Option<&str>,
    qa: &QaAnswer,
    mail: &Mail,
    actor: Actor,
) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    let qa_id: i64 = sqlx::query_scalar(INSERT_QA)
        .bind(key.id)
        .bind(qa.question())
        .bind(qa.answer())
        .bind(now)
        .bind(actor.account_id)
        .fetch_one(&mut *tx)
        .await?;
    if let Some(asked) = asked {
        let done = sqlx::query(ANSWERED)
            .bind(qa_id)
            .bind(asked.trim())
            .bind(key.id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::NotFound);
        }
    }
    let told = format!("{}\n\n{}", qa.question(), qa.answer());
    tell(&mut tx, key.id, InformationKind::Answer, &told, mail, now).await?;
    let entry = Entry::dialogue(key.network_id, key.id, "qa_published", "", "");
    audit::record(&mut tx, now, actor, entry).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Dialogue(key.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// A message to every registered supplier; it is also on the public page.
#[tracing::instrument(skip_all)]
pub async fn message(
    db: &Db,
    key: DialogueKey,
    text: &str,
    mail: &Mail,
    actor: Actor,
) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    tell(&mut tx, key.id, InformationKind::Message, text, mail, now).await?;
    let entry = Entry::dialogue(key.network_id, key.id, "suppliers_messaged", "", "");
    audit::record(&mut tx, now, actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("suppliers_messaged", super::text::messaged_log);

crate::sql!(
    REGISTER = "INSERT INTO dialogue_suppliers (dialogue_id, supplier_id, account_id, \
     registered_at) VALUES ($1, $2, $3, $4) ON CONFLICT (dialogue_id, supplier_id) \
     DO UPDATE SET account_id = $3, registered_at = $4, withdrawn_at = NULL \
     WHERE dialogue_suppliers.withdrawn_at IS NOT NULL"
);

/// Registers the supplier; registering again changes nothing.
#[tracing::instrument(skip_all)]
pub async fn register(db: &Db, dialogue: DialogueId, actor: SupplierActor) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, dialogue).await?;
    let done = sqlx::query(REGISTER)
        .bind(dialogue)
        .bind(actor.supplier_id)
        .bind(actor.account_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 {
        let kind = InformationKind::Registered;
        log(&mut tx, dialogue, kind, "", Some(actor.supplier_id), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    WITHDRAW = "UPDATE dialogue_suppliers SET withdrawn_at = $1 \
     WHERE dialogue_id = $2 AND supplier_id = $3 AND withdrawn_at IS NULL"
);
crate::sql!(
    LEAVE_MEETINGS = "DELETE FROM meeting_suppliers WHERE supplier_id = $1 \
     AND session_id IN (SELECT id FROM dialogue_sessions WHERE dialogue_id = $2)"
);

/// Withdraws the supplier, its people from every meeting, and its
/// individual meeting if that is still ahead.
#[tracing::instrument(skip_all)]
pub async fn withdraw(db: &Db, dialogue: DialogueId, actor: SupplierActor) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, dialogue).await?;
    let done = sqlx::query(WITHDRAW)
        .bind(now)
        .bind(dialogue)
        .bind(actor.supplier_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    sqlx::query(LEAVE_MEETINGS)
        .bind(actor.supplier_id)
        .bind(dialogue)
        .execute(&mut *tx)
        .await?;
    crate::dialogues::slots::store::release_ahead(&mut tx, dialogue, actor.supplier_id, now)
        .await?;
    let kind = InformationKind::Withdrawn;
    log(&mut tx, dialogue, kind, "", Some(actor.supplier_id), now).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    LOCK_PLACES = "UPDATE dialogues SET supplier_places = supplier_places WHERE id = $1 \
     RETURNING supplier_places"
);
crate::sql!(MEETING = "SELECT id FROM dialogue_sessions WHERE public_id = $1 AND dialogue_id = $2");
crate::sql!(
    COMING = "SELECT COUNT(*) FROM meeting_suppliers WHERE session_id = $1 AND supplier_id = $2"
);
crate::sql!(TAKEN = "SELECT COUNT(*) FROM meeting_suppliers WHERE session_id = $1");
crate::sql!(
    IS_REGISTERED = "SELECT COUNT(*) FROM dialogue_suppliers WHERE dialogue_id = $1 \
     AND supplier_id = $2 AND withdrawn_at IS NULL"
);
crate::sql!(
    ATTEND = "INSERT INTO meeting_suppliers (session_id, supplier_id, attendees, registered_at) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (session_id, supplier_id) \
     DO UPDATE SET attendees = $3, registered_at = $4"
);

/// Refuses a supplier that is not registered (any more), under the
/// dialogue's lock.
pub(crate) async fn require_registered(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<(), AppError> {
    let registered: i64 = sqlx::query_scalar(IS_REGISTERED)
        .bind(dialogue)
        .bind(supplier)
        .fetch_one(&mut **tx)
        .await?;
    if registered == 0 {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Says who comes to one meeting for the supplier, while its places last.
/// The dialogue's row is locked first, so simultaneous registrations are
/// counted one at a time. `Full` when no place is left.
#[tracing::instrument(skip_all)]
pub async fn attend(
    db: &Db,
    dialogue: DialogueId,
    meeting: &str,
    attendees: &str,
    actor: SupplierActor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let places = lock(&mut tx, dialogue).await?;
    // Checked again under the lock: a withdrawal may have come between
    // the guard's look and this one.
    require_registered(&mut tx, dialogue, actor.supplier_id).await?;
    let session: i64 = sqlx::query_scalar(MEETING)
        .bind(meeting.trim())
        .bind(dialogue)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let coming: i64 = sqlx::query_scalar(COMING)
        .bind(session)
        .bind(actor.supplier_id)
        .fetch_one(&mut *tx)
        .await?;
    let taken: i64 = sqlx::query_scalar(TAKEN)
        .bind(session)
        .fetch_one(&mut *tx)
        .await?;
    if coming == 0 && taken >= places {
        return Err(AppError::Full);
    }
    sqlx::query(ATTEND)
        .bind(session)
        .bind(actor.supplier_id)
        .bind(attendees)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    ASK = "INSERT INTO supplier_questions (public_id, dialogue_id, supplier_id, account_id, \
     body, asked_at) VALUES ($1, $2, $3, $4, $5, $6)"
);

/// A supplier's question, for the hosts.
#[tracing::instrument(skip_all)]
pub async fn ask(
    db: &Db,
    dialogue: DialogueId,
    question: &str,
    actor: SupplierActor,
) -> Result<(), AppError> {
    sqlx::query(ASK)
        .bind(public_id())
        .bind(dialogue)
        .bind(actor.supplier_id)
        .bind(actor.account_id)
        .bind(question)
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct MeetingPlacesRow {
    public_id: String,
    taken: i64,
}

crate::sql!(
    MEETING_PLACES = "SELECT s.public_id, \
     (SELECT COUNT(*) FROM meeting_suppliers m WHERE m.session_id = s.id) AS taken \
     FROM dialogue_sessions s WHERE s.dialogue_id = $1"
);

/// Supplier places taken per meeting: (meeting's public id, taken).
#[tracing::instrument(skip_all)]
pub async fn places_taken(db: &Db, dialogue: DialogueId) -> Result<Vec<(String, i64)>, AppError> {
    let rows: Vec<MeetingPlacesRow> = sqlx::query_as(MEETING_PLACES)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|r| (r.public_id, r.taken)).collect())
}

#[derive(sqlx::FromRow)]
struct AttendingRow {
    supplier_id: SupplierId,
    meeting: String,
    attendees: String,
}

crate::sql!(
    ATTENDING = "SELECT m.supplier_id, s.public_id AS meeting, m.attendees \
     FROM meeting_suppliers m JOIN dialogue_sessions s ON s.id = m.session_id \
     WHERE s.dialogue_id = $1 ORDER BY s.starts_at, s.id"
);

/// Who comes to which meeting, per supplier: (supplier, meeting, who).
#[tracing::instrument(skip_all)]
pub async fn attending(
    db: &Db,
    dialogue: DialogueId,
) -> Result<Vec<(SupplierId, String, String)>, AppError> {
    let rows: Vec<AttendingRow> = sqlx::query_as(ATTENDING)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.supplier_id, r.meeting, r.attendees))
        .collect())
}

crate::sql!(
    MESSAGES = "SELECT at, kind, body FROM dialogue_information WHERE dialogue_id = $1 \
     AND kind IN ('message', 'changed') ORDER BY id"
);

#[derive(sqlx::FromRow)]
struct MessageRow {
    at: i64,
    kind: String,
    body: String,
}

/// The messages sent to all and the changes since the announcement,
/// oldest first, for the public page.
#[tracing::instrument(skip_all)]
pub async fn messages(db: &Db, dialogue: DialogueId) -> Result<Vec<PublicMessage>, AppError> {
    let rows: Vec<MessageRow> = sqlx::query_as(MESSAGES)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| PublicMessage {
            at: r.at,
            change: r.kind == InformationKind::Changed.code(),
            body: r.body,
        })
        .collect())
}

crate::sql!(
    QUESTIONS = "SELECT q.public_id, q.body, s.name AS supplier, q.asked_at, \
     CAST(CASE WHEN q.qa_id IS NULL THEN 0 ELSE 1 END AS BIGINT) AS answered \
     FROM supplier_questions q \
     JOIN suppliers s ON s.id = q.supplier_id WHERE q.dialogue_id = $1 \
     ORDER BY q.qa_id IS NOT NULL, q.id"
);

#[derive(sqlx::FromRow)]
struct QuestionRow {
    public_id: String,
    body: String,
    supplier: String,
    asked_at: i64,
    answered: i64,
}

/// The suppliers' questions with who asked, unanswered first: hosts only.
#[tracing::instrument(skip_all)]
pub async fn questions(db: &Db, dialogue: DialogueId) -> Result<Vec<AskedQuestion>, AppError> {
    let rows: Vec<QuestionRow> = sqlx::query_as(QUESTIONS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| AskedQuestion {
            public_id: r.public_id,
            body: r.body,
            supplier: r.supplier,
            asked_at: r.asked_at,
            answered: r.answered == 1,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct SupplierRow {
    id: SupplierId,
    name: String,
    country: String,
    identifier: String,
    registered_at: i64,
}

crate::sql!(
    SUPPLIERS = "SELECT s.id, s.name, s.country, s.identifier, r.registered_at \
     FROM dialogue_suppliers r JOIN suppliers s ON s.id = r.supplier_id \
     WHERE r.dialogue_id = $1 AND r.withdrawn_at IS NULL ORDER BY s.name, s.id"
);
crate::sql!(
    ATTENDING_BY_START = "SELECT m.supplier_id, s.starts_at, m.attendees \
     FROM meeting_suppliers m JOIN dialogue_sessions s ON s.id = m.session_id \
     WHERE s.dialogue_id = $1 ORDER BY s.starts_at, s.id"
);

#[derive(sqlx::FromRow)]
struct AttendingByStart {
    supplier_id: SupplierId,
    starts_at: i64,
    attendees: String,
}

/// The registered suppliers with who comes when: hosts only.
#[tracing::instrument(skip_all)]
pub async fn suppliers(db: &Db, dialogue: DialogueId) -> Result<Vec<RegisteredSupplier>, AppError> {
    let rows: Vec<SupplierRow> = sqlx::query_as(SUPPLIERS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    let coming: Vec<AttendingByStart> = sqlx::query_as(ATTENDING_BY_START)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| RegisteredSupplier {
            attending: coming
                .iter()
                .filter(|c| c.supplier_id == r.id)
                .map(|c| (c.starts_at, c.attendees.clone()))
                .collect(),
            name: r.name,
            country: r.country,
            identifier: r.identifier,
            registered_at: r.registered_at,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct InformationRow {
    id: i64,
    at: i64,
    kind: String,
    body: String,
    supplier: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RecipientRow {
    information_id: i64,
    name: String,
}

crate::sql!(
    INFORMATION = "SELECT i.id, i.at, i.kind, i.body, s.name AS supplier \
     FROM dialogue_information i LEFT JOIN suppliers s ON s.id = i.supplier_id \
     WHERE i.dialogue_id = $1 ORDER BY i.id"
);
crate::sql!(
    RECIPIENTS = "SELECT r.information_id, s.name FROM dialogue_information_recipients r \
     JOIN dialogue_information i ON i.id = r.information_id \
     JOIN suppliers s ON s.id = r.supplier_id WHERE i.dialogue_id = $1 ORDER BY s.name, s.id"
);

/// The information log, oldest first, with each entry's recipients.
#[tracing::instrument(skip_all)]
pub async fn information(db: &Db, dialogue: DialogueId) -> Result<Vec<InformationEntry>, AppError> {
    let rows: Vec<InformationRow> = sqlx::query_as(INFORMATION)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    let recipients: Vec<RecipientRow> = sqlx::query_as(RECIPIENTS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(InformationEntry {
                at: r.at,
                kind: InformationKind::parse(&r.kind)
                    .ok_or_else(|| AppError::internal("information kind"))?,
                body: r.body,
                supplier: r.supplier,
                recipients: recipients
                    .iter()
                    .filter(|x| x.information_id == r.id)
                    .map(|x| x.name.clone())
                    .collect(),
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct BoardRow {
    id: DialogueId,
    public_id: String,
    title: String,
    purpose: String,
    form: String,
    cpv: String,
    lan_code: String,
    answer_deadline: i64,
    status: String,
    announced_at: i64,
}

crate::sql!(
    /// The public board: announced dialogues, newest first, one page at a
    /// time after the cursor (announced_at, public id).
    BOARD = "SELECT d.id, d.public_id, d.title, d.purpose, d.form, d.cpv, d.lan_code, \
     d.answer_deadline, d.status, d.announced_at FROM dialogues d \
     JOIN networks n ON n.id = d.network_id WHERE d.announced_at IS NOT NULL \
     AND d.audience = 'open' \
     AND (CAST($1 AS TEXT) IS NULL OR substr(d.cpv, 1, 2) = CAST($1 AS TEXT)) \
     AND (CAST($2 AS TEXT) IS NULL OR d.lan_code = CAST($2 AS TEXT)) \
     AND (CAST($3 AS TEXT) IS NULL OR d.form = CAST($3 AS TEXT)) \
     AND (CAST($4 AS BIGINT) = 0 OR (d.status IN ('announced', 'open') AND n.status <> 'closed')) \
     AND (CAST($5 AS BIGINT) IS NULL OR d.answer_deadline >= CAST($5 AS BIGINT)) \
     AND (CAST($6 AS BIGINT) IS NULL OR d.announced_at < CAST($6 AS BIGINT) \
          OR (d.announced_at = CAST($6 AS BIGINT) AND d.public_id < CAST($7 AS TEXT))) \
     ORDER BY d.announced_at DESC, d.public_id DESC LIMIT $8"
);

#[derive(sqlx::FromRow)]
struct HostNameRow {
    dialogue_id: DialogueId,
    name: String,
}

crate::sql_with_list!(
    HOST_NAMES = "SELECT h.dialogue_id, o.name FROM dialogue_hosts h \
     JOIN organisations o ON o.id = h.organisation_id \
     WHERE h.dialogue_id IN ({list}) ORDER BY o.name",
    from = 1
);

/// One page of the board, and whether another follows.
#[tracing::instrument(skip_all)]
pub async fn board(db: &Db, filter: &BoardFilter) -> Result<(Vec<BoardItem>, bool), AppError> {
    let (after_at, after_id) = match &filter.after {
        Some((at, id)) => (Some(*at), Some(id.clone())),
        None => (None, None),
    };
    let mut rows: Vec<BoardRow> = sqlx::query_as(BOARD)
        .bind(filter.division.as_deref())
        .bind(filter.lan.as_deref())
        .bind(filter.form.map(DialogueFormat::code))
        .bind(i64::from(filter.open))
        .bind(filter.deadline_from)
        .bind(after_at)
        .bind(after_id)
        .bind(BOARD_PAGE + 1)
        .fetch_all(db.pool())
        .await?;
    let more = rows.len() as i64 > BOARD_PAGE;
    rows.truncate(BOARD_PAGE as usize);
    let ids: Vec<DialogueId> = rows.iter().map(|r| r.id).collect();
    let mut query = sqlx::query_as::<_, HostNameRow>(HOST_NAMES.with(ids.len()));
    for id in &ids {
        query = query.bind(*id);
    }
    let hosts = query.fetch_all(db.pool()).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(BoardItem {
                hosts: hosts
                    .iter()
                    .filter(|h| h.dialogue_id == r.id)
                    .map(|h| h.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                public_id: r.public_id,
                title: r.title,
                purpose: r.purpose,
                form: DialogueFormat::parse(&r.form)
                    .ok_or_else(|| AppError::internal("dialogue form"))?,
                cpv: r.cpv,
                lan: r.lan_code,
                answer_deadline: r.answer_deadline,
                status: DialogueStatus::parse(&r.status)
                    .ok_or_else(|| AppError::internal("dialogue status"))?,
                announced_at: r.announced_at,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok((items, more))
}
