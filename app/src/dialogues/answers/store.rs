//! The written answers' SQL. A submission is one transaction: the
//! supplier's registration is locked (so two of its people submitting at
//! once get versions one after the other), the version, its parts and its
//! digest are stored, the draft becomes what was submitted, and the
//! receipt is queued to the person who submitted.

use super::{AnswerContent, AnswerPart, Received, SecretRequest, Submission, WrittenAnswer};
use crate::{
    core::{
        ids::{public_id, receipt_number, DialogueId, SupplierId},
        market::SupplierActor,
    },
    db::Db,
    error::AppError,
};

#[derive(sqlx::FromRow)]
struct PartRow {
    position: i64,
    question: String,
    body: String,
    secret_what: String,
    secret_why: String,
    secret_harm: String,
}

impl PartRow {
    fn part(self) -> AnswerPart {
        let asked = !(self.secret_what.is_empty()
            && self.secret_why.is_empty()
            && self.secret_harm.is_empty());
        AnswerPart {
            answer: self.body,
            position: self.position,
            question: self.question,
            secret: asked.then_some(SecretRequest {
                harm: self.secret_harm,
                what: self.secret_what,
                why: self.secret_why,
            }),
        }
    }
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    position: i64,
    body: String,
    secret_what: String,
    secret_why: String,
    secret_harm: String,
    saved_at: i64,
}

crate::sql!(
    DRAFT = "SELECT position, body, secret_what, secret_why, secret_harm, saved_at \
     FROM answer_drafts WHERE dialogue_id = $1 AND supplier_id = $2 ORDER BY position"
);

/// What the supplier has written so far, fitted to the questions as they
/// are now, and when it was last saved.
#[tracing::instrument(skip_all)]
pub async fn draft(
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
    questions: &[String],
) -> Result<(Vec<AnswerPart>, Option<i64>), AppError> {
    let rows: Vec<DraftRow> = sqlx::query_as(DRAFT)
        .bind(dialogue)
        .bind(supplier)
        .fetch_all(db.pool())
        .await?;
    let saved_at = rows.iter().map(|r| r.saved_at).max();
    let parts = questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let position = i as i64 + 1;
            let row = rows.iter().find(|r| r.position == position);
            PartRow {
                position,
                question: question.clone(),
                body: row.map(|r| r.body.clone()).unwrap_or_default(),
                secret_what: row.map(|r| r.secret_what.clone()).unwrap_or_default(),
                secret_why: row.map(|r| r.secret_why.clone()).unwrap_or_default(),
                secret_harm: row.map(|r| r.secret_harm.clone()).unwrap_or_default(),
            }
            .part()
        })
        .collect();
    Ok((parts, saved_at))
}

crate::sql!(
    LOCK_REGISTRATION = "UPDATE dialogue_suppliers SET account_id = account_id \
     WHERE dialogue_id = $1 AND supplier_id = $2 AND withdrawn_at IS NULL"
);
crate::sql!(
    SAVE_DRAFT = "INSERT INTO answer_drafts (dialogue_id, supplier_id, position, body, \
     secret_what, secret_why, secret_harm, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     ON CONFLICT (dialogue_id, supplier_id, position) DO UPDATE SET body = $4, \
     secret_what = $5, secret_why = $6, secret_harm = $7, saved_at = $8"
);

crate::sql!(LOCK_DIALOGUE = "UPDATE dialogues SET supplier_places = supplier_places WHERE id = $1");
crate::sql!(
    STILL_OPEN = "SELECT d.answer_deadline, d.status, n.status AS network_status \
     FROM dialogues d JOIN networks n ON n.id = d.network_id WHERE d.id = $1"
);

#[derive(sqlx::FromRow)]
struct OpenRow {
    answer_deadline: i64,
    status: String,
    network_status: String,
}

/// Locks the dialogue, then the supplier's registration (the order
/// withdrawing takes), checks again under the locks that answers are
/// taken, and gives the time to stamp: a request that waited for the
/// lock past the deadline, an archiving or a closing is refused.
/// `Forbidden` once the supplier has withdrawn.
async fn lock(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<i64, AppError> {
    sqlx::query(LOCK_DIALOGUE)
        .bind(dialogue)
        .execute(&mut **tx)
        .await?;
    let open: OpenRow = sqlx::query_as(STILL_OPEN)
        .bind(dialogue)
        .fetch_one(&mut **tx)
        .await?;
    let now = db.now();
    let taking = matches!(open.status.as_str(), "announced" | "open")
        && open.network_status != "closed"
        && now < open.answer_deadline;
    if !taking {
        return Err(AppError::AnswersClosed);
    }
    let done = sqlx::query(LOCK_REGISTRATION)
        .bind(dialogue)
        .bind(supplier)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Forbidden);
    }
    Ok(now)
}

async fn save_parts(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
    answer: &WrittenAnswer,
    now: i64,
) -> Result<(), AppError> {
    for part in answer.parts() {
        let secret = part.secret.as_ref();
        sqlx::query(SAVE_DRAFT)
            .bind(dialogue)
            .bind(supplier)
            .bind(part.position)
            .bind(&part.answer)
            .bind(secret.map_or("", |s| s.what.as_str()))
            .bind(secret.map_or("", |s| s.why.as_str()))
            .bind(secret.map_or("", |s| s.harm.as_str()))
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Saves what the supplier has written, not submitted.
#[tracing::instrument(skip_all)]
pub async fn save_draft(
    db: &Db,
    dialogue: DialogueId,
    actor: SupplierActor,
    answer: &WrittenAnswer,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let now = lock(&mut tx, db, dialogue, actor.supplier_id).await?;
    save_parts(&mut tx, dialogue, actor.supplier_id, answer, now).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    NEXT_VERSION = "SELECT CAST(COALESCE(MAX(version), 0) + 1 AS BIGINT) FROM supplier_answers \
     WHERE dialogue_id = $1 AND supplier_id = $2"
);
crate::sql!(
    INSERT_ANSWER = "INSERT INTO supplier_answers (public_id, dialogue_id, supplier_id, version, \
     receipt, submitted_at, account_id, digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     RETURNING id"
);
crate::sql!(
    INSERT_PART = "INSERT INTO supplier_answer_parts (answer_id, position, question, body, \
     secret_what, secret_why, secret_harm) VALUES ($1, $2, $3, $4, $5, $6, $7)"
);
crate::sql!(
    QUEUE_RECEIPT =
        "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)"
);

/// A submission as stored, for its receipt.
pub struct Submitted {
    pub public_id: String,
    pub receipt: String,
    pub content: AnswerContent,
    pub digest: String,
}

/// Where a submission comes from: the dialogue and the supplier by their
/// public ids (the content names them so), and whom the receipt goes to.
pub struct Submitter<'a> {
    pub dialogue: DialogueId,
    pub dialogue_public_id: &'a str,
    pub actor: SupplierActor,
    pub supplier_public_id: &'a str,
    pub email: &'a str,
}

/// Submits the answer as a new version, stamped with the time it is
/// taken under the locks; `receipt` writes the receipt mail (subject,
/// body) from what was stored.
#[tracing::instrument(skip_all)]
pub async fn submit(
    db: &Db,
    from: Submitter<'_>,
    answer: &WrittenAnswer,
    receipt: &(dyn Fn(&Submitted) -> (String, String) + Sync),
) -> Result<Submitted, AppError> {
    let supplier = from.actor.supplier_id;
    let mut tx = db.pool().begin().await?;
    let now = lock(&mut tx, db, from.dialogue, supplier).await?;
    let version: i64 = sqlx::query_scalar(NEXT_VERSION)
        .bind(from.dialogue)
        .bind(supplier)
        .fetch_one(&mut *tx)
        .await?;
    let content = AnswerContent {
        dialogue: from.dialogue_public_id.to_string(),
        parts: answer.parts().to_vec(),
        receipt: receipt_number(),
        submitted_at: now,
        supplier: from.supplier_public_id.to_string(),
        version,
    };
    let submitted = Submitted {
        public_id: public_id(),
        receipt: content.receipt.clone(),
        digest: content.digest()?,
        content,
    };
    let id: i64 = sqlx::query_scalar(INSERT_ANSWER)
        .bind(&submitted.public_id)
        .bind(from.dialogue)
        .bind(supplier)
        .bind(version)
        .bind(&submitted.receipt)
        .bind(now)
        .bind(from.actor.account_id)
        .bind(&submitted.digest)
        .fetch_one(&mut *tx)
        .await?;
    for part in answer.parts() {
        let secret = part.secret.as_ref();
        sqlx::query(INSERT_PART)
            .bind(id)
            .bind(part.position)
            .bind(&part.question)
            .bind(&part.answer)
            .bind(secret.map_or("", |s| s.what.as_str()))
            .bind(secret.map_or("", |s| s.why.as_str()))
            .bind(secret.map_or("", |s| s.harm.as_str()))
            .execute(&mut *tx)
            .await?;
    }
    // The form then shows what was handed in.
    save_parts(&mut tx, from.dialogue, supplier, answer, now).await?;
    let (subject, body) = receipt(&submitted);
    sqlx::query(QUEUE_RECEIPT)
        .bind(from.email)
        .bind(subject)
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!(version, "written answer submitted");
    Ok(submitted)
}

#[derive(sqlx::FromRow)]
struct ReceivedRow {
    public_id: String,
    supplier_name: String,
    receipt: String,
    submitted_at: i64,
    version: i64,
    secret: i64,
}

impl ReceivedRow {
    fn received(self) -> Received {
        Received {
            public_id: self.public_id,
            supplier_name: self.supplier_name,
            receipt: self.receipt,
            submitted_at: self.submitted_at,
            version: self.version,
            secret: self.secret == 1,
        }
    }
}

crate::sql!(
    /// The dialogue's submissions (of one supplier, when $2 is not 0) in
    /// the order they arrived: versions are numbered and stamped under
    /// one lock, so that is also their order.
    RECEIVED = "SELECT a.public_id, s.name AS supplier_name, a.receipt, a.submitted_at, \
     a.version, CAST(CASE WHEN EXISTS (SELECT 1 FROM supplier_answer_parts p \
         WHERE p.answer_id = a.id AND p.secret_what <> '') THEN 1 ELSE 0 END AS BIGINT) AS secret \
     FROM supplier_answers a JOIN suppliers s ON s.id = a.supplier_id \
     WHERE a.dialogue_id = $1 AND (CAST($2 AS BIGINT) = 0 OR a.supplier_id = $2) \
     ORDER BY a.submitted_at, a.id"
);

async fn received_of(
    db: &Db,
    dialogue: DialogueId,
    supplier: i64,
) -> Result<Vec<Received>, AppError> {
    let rows: Vec<ReceivedRow> = sqlx::query_as(RECEIVED)
        .bind(dialogue)
        .bind(supplier)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(ReceivedRow::received).collect())
}

/// Every submission received, oldest first.
#[tracing::instrument(skip_all)]
pub async fn received(db: &Db, dialogue: DialogueId) -> Result<Vec<Received>, AppError> {
    received_of(db, dialogue, 0).await
}

/// One supplier's submissions, newest first.
#[tracing::instrument(skip_all)]
pub async fn own(
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<Vec<Received>, AppError> {
    let mut all = received_of(db, dialogue, supplier.0).await?;
    all.reverse();
    Ok(all)
}

#[derive(sqlx::FromRow)]
struct SubmissionRow {
    id: i64,
    public_id: String,
    supplier_id: SupplierId,
    supplier_public_id: String,
    supplier_name: String,
    version: i64,
    receipt: String,
    submitted_at: i64,
    digest: String,
    person: Option<String>,
    person_deleted_at: Option<i64>,
}

crate::sql!(
    SUBMISSION = "SELECT a.id, a.public_id, a.supplier_id, s.public_id AS supplier_public_id, \
     s.name AS supplier_name, a.version, a.receipt, a.submitted_at, a.digest, \
     p.name AS person, p.deleted_at AS person_deleted_at \
     FROM supplier_answers a JOIN suppliers s ON s.id = a.supplier_id \
     LEFT JOIN accounts p ON p.id = a.account_id \
     WHERE a.public_id = $1 AND a.dialogue_id = $2"
);
crate::sql!(
    PARTS = "SELECT position, question, body, secret_what, secret_why, secret_harm \
     FROM supplier_answer_parts WHERE answer_id = $1 ORDER BY position"
);
crate::sql!(
    VERSIONS = "SELECT public_id, version, submitted_at FROM supplier_answers \
     WHERE dialogue_id = $1 AND supplier_id = $2 ORDER BY version"
);

#[derive(sqlx::FromRow)]
struct VersionRow {
    public_id: String,
    version: i64,
    submitted_at: i64,
}

/// One submission of the dialogue with its content and the supplier's
/// versions, if `of_supplier` (when given) submitted it. `deleted_user`
/// stands for a person whose account is gone.
#[tracing::instrument(skip_all)]
pub async fn submission(
    db: &Db,
    dialogue: DialogueId,
    dialogue_public_id: &str,
    answer: &str,
    of_supplier: Option<&[SupplierId]>,
    deleted_user: &str,
) -> Result<Option<Submission>, AppError> {
    let row: Option<SubmissionRow> = sqlx::query_as(SUBMISSION)
        .bind(answer.trim())
        .bind(dialogue)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row.filter(|r| of_supplier.is_none_or(|mine| mine.contains(&r.supplier_id)))
    else {
        return Ok(None);
    };
    let parts: Vec<PartRow> = sqlx::query_as(PARTS)
        .bind(row.id)
        .fetch_all(db.pool())
        .await?;
    let versions: Vec<VersionRow> = sqlx::query_as(VERSIONS)
        .bind(dialogue)
        .bind(row.supplier_id)
        .fetch_all(db.pool())
        .await?;
    let parts: Vec<AnswerPart> = parts.into_iter().map(PartRow::part).collect();
    let html = parts
        .iter()
        .map(|p| crate::markdown::to_html(&p.answer))
        .collect();
    Ok(Some(Submission {
        public_id: row.public_id,
        receipt: row.receipt.clone(),
        supplier_name: row.supplier_name,
        submitted_by: crate::core::shown_name(
            row.person.clone().unwrap_or_default(),
            row.person_deleted_at.or(row.person.is_none().then_some(0)),
            deleted_user,
        ),
        digest: row.digest,
        content: AnswerContent {
            dialogue: dialogue_public_id.to_string(),
            parts,
            receipt: row.receipt.clone(),
            submitted_at: row.submitted_at,
            supplier: row.supplier_public_id,
            version: row.version,
        },
        versions: versions
            .into_iter()
            .map(|v| (v.public_id, v.version, v.submitted_at))
            .collect(),
        html,
    }))
}
