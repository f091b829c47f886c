//! Keeping the index true: after a write, the room that wrote calls
//! [`refresh`] for what it changed, inside its own transaction, and the
//! index rows of that item (and of what belongs to it) are built again
//! from the tables. What a reader could not see on its page — a draft
//! need, a hidden or deleted comment, an unapproved text, a dialogue that
//! is not publicly announced — has no row for that audience, so no query
//! can find it. [`rebuild`] builds every row from scratch.

use super::words::terms;
use crate::{
    core::ids::{CommentId, DialogueId, NeedId, NetworkId, RequirementId},
    db::Db,
    error::AppError,
    markdown,
};
use sqlx::{Any, Transaction};

/// What changed.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    Network(NetworkId),
    /// The need, its requirements and its discussion.
    Need(NeedId),
    Requirement(RequirementId),
    /// The dialogue (members' and public part), its published answers, its
    /// approved texts and its discussion.
    Dialogue(DialogueId),
    Comment(CommentId),
}

/// Every source statement gives these columns.
#[derive(sqlx::FromRow)]
struct SourceRow {
    kind: String,
    item_id: i64,
    audience: String,
    network_id: i64,
    parent_kind: String,
    parent_id: i64,
    parent: String,
    title: String,
    body: String,
    path: String,
    current: i64,
    at: i64,
    /// Who may find the row, as tokens the full-text match intersects
    /// with the words: `n<id>` for the network's readers, `listed` on a
    /// listed network's own row, `public` for everyone.
    scope: String,
}

/// Which rows a source statement picks (its `$pick`): every row for a
/// rebuild, or one plain equality on an indexed column, so a refresh
/// reads only its own rows; a `$1 = 0 OR id = $1` would have the planner
/// read every comment for each comment posted.
macro_rules! every {
    () => {
        "1 = 1"
    };
}

macro_rules! networks {
    ($pick:expr) => {
        concat!(
            "SELECT 'network' AS kind, n.id AS item_id, 'network' AS audience, \
             n.id AS network_id, '' AS parent_kind, CAST(0 AS BIGINT) AS parent_id, \
             '' AS parent, n.name AS title, n.purpose AS body, \
             '/natverk/' || n.public_id AS path, \
             CAST(CASE WHEN n.status = 'closed' THEN 0 ELSE 1 END AS BIGINT) AS current, \
             n.created_at AS at, 'n' || n.id || \
             CASE WHEN n.visibility = 'listed' THEN ' listed' ELSE '' END AS scope \
             FROM networks n WHERE ",
            $pick
        )
    };
}
crate::sql!(NETWORKS = networks!(every!()));
crate::sql!(NETWORK = networks!("n.id = CAST($1 AS BIGINT)"));

/// Drafts are the owner's alone: not in the index.
macro_rules! needs {
    ($pick:expr) => {
        concat!(
            "SELECT 'need' AS kind, n.id AS item_id, 'network' AS audience, \
             n.network_id, '' AS parent_kind, CAST(0 AS BIGINT) AS parent_id, \
             '' AS parent, n.title, \
             n.problem || '\n\n' || n.effect || '\n\n' || n.affected AS body, \
             '/behov/' || n.public_id AS path, \
             CAST(CASE WHEN n.status IN ('fulfilled', 'withdrawn') THEN 0 ELSE 1 END AS BIGINT) \
             AS current, n.updated_at AS at, 'n' || n.network_id AS scope \
             FROM needs n WHERE n.status <> 'draft' AND ",
            $pick
        )
    };
}
crate::sql!(NEEDS = needs!(every!()));
crate::sql!(NEED = needs!("n.id = CAST($1 AS BIGINT)"));

macro_rules! requirements {
    ($pick:expr) => {
        concat!(
            "SELECT 'requirement' AS kind, r.id AS item_id, 'network' AS audience, \
             n.network_id, 'need' AS parent_kind, n.id AS parent_id, n.title AS parent, \
             r.text AS title, r.motive || '\n\n' || r.verification AS body, \
             '/behov/' || n.public_id || '#krav-' || r.public_id AS path, \
             CAST(CASE WHEN n.status IN ('fulfilled', 'withdrawn') THEN 0 ELSE 1 END AS BIGINT) \
             AS current, n.updated_at AS at, 'n' || n.network_id AS scope \
             FROM requirements r JOIN needs n ON n.id = r.need_id WHERE n.status <> 'draft' AND ",
            $pick
        )
    };
}
crate::sql!(REQUIREMENTS = requirements!(every!()));
crate::sql!(REQUIREMENT = requirements!("r.id = CAST($1 AS BIGINT)"));
crate::sql!(REQUIREMENTS_OF_NEED = requirements!("r.need_id = CAST($1 AS BIGINT)"));

/// A dialogue's public part is everyone's once it is announced to all
/// (not to invited suppliers only), as its public page is.
macro_rules! public_dialogue {
    () => {
        "d.announced_at IS NOT NULL AND d.status <> 'planned' AND d.audience = 'open'"
    };
}

macro_rules! dialogues {
    ($pick:expr) => {
        concat!(
            "SELECT 'dialogue' AS kind, d.id AS item_id, 'network' AS audience, d.network_id, \
             '' AS parent_kind, CAST(0 AS BIGINT) AS parent_id, '' AS parent, d.title, \
             d.purpose AS body, '/dialoger/' || d.public_id AS path, \
             CAST(CASE WHEN d.status = 'archived' THEN 0 ELSE 1 END AS BIGINT) AS current, \
             d.created_at AS at, 'n' || d.network_id AS scope FROM dialogues d WHERE ",
            $pick,
            " UNION ALL SELECT 'dialogue' AS kind, d.id AS item_id, 'public' AS audience, \
             d.network_id, '' AS parent_kind, CAST(0 AS BIGINT) AS parent_id, '' AS parent, \
             d.title, d.purpose AS body, '/marknadsdialoger/' || d.public_id AS path, \
             CAST(CASE WHEN d.status = 'archived' THEN 0 ELSE 1 END AS BIGINT) AS current, \
             COALESCE(d.announced_at, d.created_at) AS at, 'public' AS scope \
             FROM dialogues d WHERE ",
            public_dialogue!(),
            " AND ",
            $pick
        )
    };
}
crate::sql!(DIALOGUES = dialogues!(every!()));
crate::sql!(DIALOGUE = dialogues!("d.id = CAST($1 AS BIGINT)"));

/// Published answers to all, where each audience reads them.
macro_rules! answers {
    ($pick:expr) => {
        concat!(
            "SELECT 'answer' AS kind, q.id AS item_id, 'network' AS audience, d.network_id, \
             'dialogue' AS parent_kind, d.id AS parent_id, d.title AS parent, \
             q.question AS title, q.answer AS body, \
             '/dialoger/' || d.public_id || '#fragor' AS path, \
             CAST(CASE WHEN d.status = 'archived' THEN 0 ELSE 1 END AS BIGINT) AS current, \
             q.published_at AS at, 'n' || d.network_id AS scope \
             FROM dialogue_qa q JOIN dialogues d ON d.id = q.dialogue_id \
             WHERE ",
            $pick,
            " UNION ALL SELECT 'answer' AS kind, q.id AS item_id, 'public' AS audience, \
             d.network_id, 'dialogue' AS parent_kind, d.id AS parent_id, d.title AS parent, \
             q.question AS title, q.answer AS body, \
             '/marknadsdialoger/' || d.public_id || '#svar' AS path, \
             CAST(CASE WHEN d.status = 'archived' THEN 0 ELSE 1 END AS BIGINT) AS current, \
             q.published_at AS at, 'public' AS scope \
             FROM dialogue_qa q JOIN dialogues d ON d.id = q.dialogue_id \
             WHERE ",
            public_dialogue!(),
            " AND ",
            $pick
        )
    };
}
crate::sql!(ANSWERS = answers!(every!()));
crate::sql!(ANSWERS_OF_DIALOGUE = answers!("q.dialogue_id = CAST($1 AS BIGINT)"));

/// Approved minutes and summaries, each in its latest approved version.
macro_rules! texts {
    ($pick:expr) => {
        concat!(
            "SELECT t.kind, t.id AS item_id, 'network' AS audience, d.network_id, \
             'dialogue' AS parent_kind, d.id AS parent_id, d.title AS parent, '' AS title, \
             t.body, '/dialoger/' || d.public_id || '#protokoll' AS path, \
             CAST(CASE WHEN d.status = 'archived' THEN 0 ELSE 1 END AS BIGINT) AS current, \
             COALESCE(t.approved_at, t.written_at) AS at, 'n' || d.network_id AS scope \
             FROM dialogue_texts t JOIN dialogues d ON d.id = t.dialogue_id \
             WHERE t.status = 'approved' AND NOT EXISTS (SELECT 1 FROM dialogue_texts s \
             WHERE s.dialogue_id = t.dialogue_id AND s.supersedes = t.id \
             AND s.status = 'approved') AND ",
            $pick
        )
    };
}
crate::sql!(TEXTS = texts!(every!()));
crate::sql!(TEXTS_OF_DIALOGUE = texts!("t.dialogue_id = CAST($1 AS BIGINT)"));

/// Comments that stand (not hidden, not deleted) on what members read.
macro_rules! comments {
    ($pick:expr) => {
        concat!(
            "SELECT 'comment' AS kind, c.id AS item_id, 'network' AS audience, c.network_id, \
             c.subject_kind AS parent_kind, c.subject_id AS parent_id, \
             COALESCE(nd.title, dl.title, '') AS parent, '' AS title, c.body, \
             CASE WHEN c.subject_kind = 'need' THEN '/behov/' || nd.public_id \
             ELSE '/dialoger/' || dl.public_id END || '#kommentar-' || c.public_id AS path, \
             CAST(CASE WHEN nd.status IN ('fulfilled', 'withdrawn') OR dl.status = 'archived' \
             THEN 0 ELSE 1 END AS BIGINT) AS current, c.created_at AS at, \
             'n' || c.network_id AS scope FROM comments c \
             LEFT JOIN needs nd ON c.subject_kind = 'need' AND nd.id = c.subject_id \
             LEFT JOIN dialogues dl ON c.subject_kind = 'dialogue' AND dl.id = c.subject_id \
             WHERE c.deleted_at IS NULL AND c.hidden_at IS NULL \
             AND ((nd.id IS NOT NULL AND nd.status <> 'draft') OR dl.id IS NOT NULL) AND ",
            $pick
        )
    };
}
crate::sql!(COMMENTS = comments!(every!()));
crate::sql!(COMMENT = comments!("c.id = CAST($1 AS BIGINT)"));
crate::sql!(
    COMMENTS_OF_NEED = comments!("c.subject_kind = 'need' AND c.subject_id = CAST($1 AS BIGINT)")
);
crate::sql!(
    COMMENTS_OF_DIALOGUE =
        comments!("c.subject_kind = 'dialogue' AND c.subject_id = CAST($1 AS BIGINT)")
);

crate::sql!(FORGET_ONE = "DELETE FROM search_documents WHERE kind = $1 AND item_id = $2");
crate::sql!(
    FORGET_WITH_PARTS = "DELETE FROM search_documents WHERE (kind = $1 AND item_id = $2) \
     OR (parent_kind = $1 AND parent_id = $2)"
);
crate::sql!(FORGET_ALL = "DELETE FROM search_documents");
crate::sql!(ANY_ROW = "SELECT COUNT(*) FROM (SELECT 1 FROM search_documents LIMIT 1) x");
crate::sql!(
    INSERT = "INSERT INTO search_documents (kind, item_id, audience, network_id, \
     parent_kind, parent_id, parent, title, body, path, current, at, title_terms, body_terms, \
     scope) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
);

crate::sql!(LOCK_NETWORK = "UPDATE networks SET status = status WHERE id = $1");
crate::sql!(LOCK_NEED = "UPDATE needs SET version = version WHERE id = $1");
crate::sql!(
    LOCK_NEED_OF_REQUIREMENT = "UPDATE needs SET version = version \
     WHERE id = (SELECT need_id FROM requirements WHERE id = $1)"
);
crate::sql!(LOCK_DIALOGUE = "UPDATE dialogues SET capacity = capacity WHERE id = $1");
crate::sql!(
    LOCK_NEED_OF_COMMENT = "UPDATE needs SET version = version WHERE id = \
     (SELECT subject_id FROM comments WHERE id = $1 AND subject_kind = 'need')"
);
crate::sql!(
    LOCK_DIALOGUE_OF_COMMENT = "UPDATE dialogues SET capacity = capacity WHERE id = \
     (SELECT subject_id FROM comments WHERE id = $1 AND subject_kind = 'dialogue')"
);

/// Builds the index rows of `item` again, in the writer's transaction.
///
/// Refreshes of the same need, dialogue or network take turns: each first
/// locks that row. Without it, on PostgreSQL a dialogue's refresh could
/// read a comment just before another writer hides it and put it back
/// after that writer took it out, or two refreshes insert the same row.
pub async fn refresh(tx: &mut Transaction<'_, Any>, item: Item) -> Result<(), AppError> {
    let (locks, id): (&[&'static str], i64) = match item {
        Item::Network(id) => (&[LOCK_NETWORK], id.0),
        Item::Need(id) => (&[LOCK_NEED], id.0),
        Item::Requirement(id) => (&[LOCK_NEED_OF_REQUIREMENT], id.0),
        Item::Dialogue(id) => (&[LOCK_DIALOGUE], id.0),
        Item::Comment(id) => (&[LOCK_NEED_OF_COMMENT, LOCK_DIALOGUE_OF_COMMENT], id.0),
    };
    for &lock in locks {
        sqlx::query(lock).bind(id).execute(&mut **tx).await?;
    }
    match item {
        Item::Network(id) => {
            forget(tx, FORGET_ONE, "network", id.0).await?;
            index(tx, NETWORK, Some(id.0)).await?;
        }
        Item::Need(id) => {
            forget(tx, FORGET_WITH_PARTS, "need", id.0).await?;
            for statement in [NEED, REQUIREMENTS_OF_NEED, COMMENTS_OF_NEED] {
                index(tx, statement, Some(id.0)).await?;
            }
        }
        Item::Requirement(id) => {
            forget(tx, FORGET_ONE, "requirement", id.0).await?;
            index(tx, REQUIREMENT, Some(id.0)).await?;
        }
        Item::Dialogue(id) => {
            forget(tx, FORGET_WITH_PARTS, "dialogue", id.0).await?;
            for statement in [
                DIALOGUE,
                ANSWERS_OF_DIALOGUE,
                TEXTS_OF_DIALOGUE,
                COMMENTS_OF_DIALOGUE,
            ] {
                index(tx, statement, Some(id.0)).await?;
            }
        }
        Item::Comment(id) => {
            forget(tx, FORGET_ONE, "comment", id.0).await?;
            index(tx, COMMENT, Some(id.0)).await?;
        }
    }
    Ok(())
}

/// Every row again, from the tables (`samrad reindex`, and after a seed or
/// a restore). Returns how many rows the index holds.
pub async fn rebuild(db: &Db) -> Result<u64, AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(FORGET_ALL).execute(&mut *tx).await?;
    let mut rows = 0;
    for statement in [
        NETWORKS,
        NEEDS,
        REQUIREMENTS,
        DIALOGUES,
        ANSWERS,
        TEXTS,
        COMMENTS,
    ] {
        rows += index(&mut tx, statement, None).await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// Whether the index holds nothing (a database restored from a backup
/// taken before search existed, say).
pub async fn is_empty(db: &Db) -> Result<bool, AppError> {
    let (rows,): (i64,) = sqlx::query_as(ANY_ROW).fetch_one(db.pool()).await?;
    Ok(rows == 0)
}

async fn forget(
    tx: &mut Transaction<'_, Any>,
    statement: &'static str,
    kind: &str,
    id: i64,
) -> Result<(), AppError> {
    sqlx::query(statement)
        .bind(kind)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Reads the rows a source statement gives (for the one id it picks by,
/// or all) and writes them to the index.
async fn index(
    tx: &mut Transaction<'_, Any>,
    statement: &'static str,
    id: Option<i64>,
) -> Result<u64, AppError> {
    let mut query = sqlx::query_as::<_, SourceRow>(statement);
    if let Some(id) = id {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut **tx).await?;
    let count = rows.len() as u64;
    for row in rows {
        let body = markdown::to_text(&row.body);
        sqlx::query(INSERT)
            .bind(&row.kind)
            .bind(row.item_id)
            .bind(&row.audience)
            .bind(row.network_id)
            .bind(&row.parent_kind)
            .bind(row.parent_id)
            .bind(&row.parent)
            .bind(&row.title)
            .bind(&body)
            .bind(&row.path)
            .bind(row.current)
            .bind(row.at)
            .bind(terms(&row.title))
            .bind(terms(&body))
            .bind(&row.scope)
            .execute(&mut **tx)
            .await?;
    }
    Ok(count)
}
