//! The hosts' documents' SQL. Publishing takes the dialogue's lock (the
//! market part's), so a version's number and the suppliers told of it are
//! decided together; a download by a registered supplier is counted in the
//! same request that serves it.

use super::{Document, DocumentVersion, Downloaded, Publication, Target};
use crate::{
    core::{
        audit::{self, Entry},
        files::{self, Download},
        ids::{public_id, DialogueId, SupplierId},
        Actor,
    },
    db::Db,
    dialogues::{
        market::{
            store::{lock, tell, Mail},
            InformationKind,
        },
        store::DialogueKey,
    },
    error::AppError,
};

#[derive(sqlx::FromRow)]
struct VersionRow {
    public_id: String,
    title: String,
    #[sqlx(flatten)]
    version: DocumentVersion,
}

crate::sql!(
    DOCUMENTS = "SELECT d.public_id, d.title, v.version, v.name, f.media_type, f.size, \
     f.sha256, v.note, v.published_at FROM dialogue_documents d \
     JOIN dialogue_document_versions v ON v.document_id = d.id \
     JOIN stored_files f ON f.id = v.file_id \
     WHERE d.dialogue_id = $1 ORDER BY d.id, v.version DESC"
);

/// The dialogue's documents in the order published, each with its
/// versions, newest first.
#[tracing::instrument(skip_all)]
pub async fn documents(db: &Db, dialogue: DialogueId) -> Result<Vec<Document>, AppError> {
    let rows: Vec<VersionRow> = sqlx::query_as(DOCUMENTS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    let mut documents: Vec<Document> = Vec::new();
    for row in rows {
        match documents.last_mut() {
            Some(last) if last.public_id == row.public_id => last.versions.push(row.version),
            _ => documents.push(Document {
                public_id: row.public_id,
                title: row.title,
                versions: vec![row.version],
            }),
        }
    }
    Ok(documents)
}

crate::sql!(
    DOWNLOADS = "SELECT d.public_id AS document, v.version, s.name AS supplier, x.first_at, \
     x.last_at, x.times FROM dialogue_document_downloads x \
     JOIN dialogue_document_versions v ON v.id = x.version_id \
     JOIN dialogue_documents d ON d.id = v.document_id \
     JOIN suppliers s ON s.id = x.supplier_id \
     WHERE d.dialogue_id = $1 ORDER BY d.id, v.version DESC, x.first_at, s.name"
);

/// Who downloaded which version: for the hosts.
#[tracing::instrument(skip_all)]
pub async fn downloads(db: &Db, dialogue: DialogueId) -> Result<Vec<Downloaded>, AppError> {
    Ok(sqlx::query_as(DOWNLOADS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    INSERT_DOCUMENT = "INSERT INTO dialogue_documents (public_id, dialogue_id, title, created_at) \
     VALUES ($1, $2, $3, $4) RETURNING id"
);
crate::sql!(
    DOCUMENT = "SELECT d.id, d.title, CAST(COALESCE(MAX(v.version), 0) AS BIGINT) AS latest \
     FROM dialogue_documents d LEFT JOIN dialogue_document_versions v ON v.document_id = d.id \
     WHERE d.public_id = $1 AND d.dialogue_id = $2 GROUP BY d.id, d.title"
);
crate::sql!(
    INSERT_VERSION = "INSERT INTO dialogue_document_versions (document_id, version, file_id, \
     name, note, published_at, account_id) VALUES ($1, $2, $3, $4, $5, $6, $7)"
);

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    title: String,
    latest: i64,
}

/// What a publication was, for the words suppliers are told.
pub struct Published {
    pub document: String,
    pub title: String,
    pub version: i64,
}

/// Publishes a new document or a new version of one, and tells every
/// registered supplier in the same transaction; `told` words it from the
/// version's number. `NotFound` for a version of no document of the
/// dialogue.
#[tracing::instrument(skip_all)]
pub async fn publish(
    db: &Db,
    key: DialogueKey,
    publication: &Publication,
    told: impl Fn(&Published) -> (String, Mail),
    actor: Actor,
) -> Result<Published, AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, key.id).await?;
    let (document_id, published) = match &publication.target {
        Target::New(title) => {
            let document = public_id();
            let id: i64 = sqlx::query_scalar(INSERT_DOCUMENT)
                .bind(&document)
                .bind(key.id)
                .bind(title)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            let published = Published {
                document,
                title: title.clone(),
                version: 1,
            };
            (id, published)
        }
        Target::Version(document) => {
            let found: DocumentRow = sqlx::query_as(DOCUMENT)
                .bind(document)
                .bind(key.id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let published = Published {
                document: document.clone(),
                title: found.title,
                version: found.latest + 1,
            };
            (found.id, published)
        }
    };
    let file = files::store::insert(&mut tx, &publication.upload, now).await?;
    sqlx::query(INSERT_VERSION)
        .bind(document_id)
        .bind(published.version)
        .bind(file)
        .bind(publication.upload.name())
        .bind(&publication.note)
        .bind(now)
        .bind(actor.account_id)
        .execute(&mut *tx)
        .await?;
    let (body, mail) = told(&published);
    tell(&mut tx, key.id, InformationKind::Message, &body, &mail, now).await?;
    let subject = format!("{} v{}", published.title, published.version);
    let entry = Entry::dialogue(key.network_id, key.id, "document_published", &subject, "");
    audit::record(&mut tx, now, actor, entry).await?;
    tx.commit().await?;
    Ok(published)
}

crate::audit_text!("document_published", super::text::published_log);

crate::sql!(
    VERSION_FILE = "SELECT v.id, v.file_id, v.name FROM dialogue_document_versions v \
     JOIN dialogue_documents d ON d.id = v.document_id \
     WHERE d.public_id = $1 AND d.dialogue_id = $2 AND v.version = $3"
);
crate::sql!(
    COUNT_DOWNLOAD = "INSERT INTO dialogue_document_downloads (version_id, supplier_id, \
     first_at, last_at, times) VALUES ($1, $2, $3, $3, 1) \
     ON CONFLICT (version_id, supplier_id) \
     DO UPDATE SET last_at = $3, times = dialogue_document_downloads.times + 1"
);

#[derive(sqlx::FromRow)]
struct VersionFile {
    id: i64,
    file_id: i64,
    name: String,
}

/// One version's file to download; counted for `supplier` when given.
/// `NotFound` when the dialogue has no such document or version.
#[tracing::instrument(skip_all)]
pub async fn download(
    db: &Db,
    dialogue: DialogueId,
    document: &str,
    version: i64,
    supplier: Option<SupplierId>,
) -> Result<Download, AppError> {
    let found: VersionFile = sqlx::query_as(VERSION_FILE)
        .bind(document)
        .bind(dialogue)
        .bind(version)
        .fetch_optional(db.pool())
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(supplier) = supplier {
        sqlx::query(COUNT_DOWNLOAD)
            .bind(found.id)
            .bind(supplier)
            .bind(db.now())
            .execute(db.pool())
            .await?;
    }
    files::store::download(db, found.file_id, &found.name).await
}
