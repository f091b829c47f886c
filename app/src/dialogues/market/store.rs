//! The market part's SQL. Everything told to suppliers goes through
//! `tell`, in the transaction that decided it: the log entry, the list of
//! suppliers registered at that moment, and one mail per person of each of
//! them, all with the same time.

use super::InformationKind;
use crate::{
    core::{
        audit::{self, Entry},
        ids::{DialogueId, SupplierId},
        Actor,
    },
    db::Db,
    dialogues::{store::DialogueKey, DialogueFormat, QaAnswer},
    error::AppError,
};

mod read;
mod taking_part;
pub use read::{information, messages, questions, suppliers};
pub(crate) use taking_part::require_registered;
pub use taking_part::{ask, attend, attending, places_taken, register, withdraw};

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
    LOCK_PLACES = "UPDATE dialogues SET supplier_places = supplier_places WHERE id = $1 \
     RETURNING supplier_places"
);
