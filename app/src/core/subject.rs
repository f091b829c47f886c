//! A discussion's subject (a need or a dialogue), resolved in one place:
//! who may read it, its network's guard, and whether it is frozen.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    Need,
    Dialogue,
}

impl Subject {
    pub fn code(self) -> &'static str {
        match self {
            Subject::Need => "need",
            Subject::Dialogue => "dialogue",
        }
    }

    pub fn parse(code: &str) -> Option<Subject> {
        [Subject::Need, Subject::Dialogue]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The page a subject's comments live on.
    pub fn path(self, public_id: &str) -> String {
        match self {
            Subject::Need => format!("/behov/{public_id}"),
            Subject::Dialogue => format!("/dialoger/{public_id}"),
        }
    }
}

#[cfg(feature = "ssr")]
pub use server::{place, public_id_of, Place};

#[cfg(feature = "ssr")]
mod server {
    use super::Subject;
    use crate::{
        accounts::SessionUser,
        core::{
            ids::{NetworkId, OrganisationId},
            Guard,
        },
        db::Db,
        error::AppError,
    };

    /// A subject the person may read, with what its discussion needs.
    #[derive(Clone, Debug)]
    pub struct Place {
        pub subject: Subject,
        /// The need's or dialogue's row id (a comment's `subject_id`).
        pub subject_id: i64,
        pub network_id: NetworkId,
        pub guard: Guard,
        /// An archived dialogue's discussion is part of its record: it is
        /// read, never written. A need's follows the network's state alone.
        pub frozen: bool,
    }

    #[derive(sqlx::FromRow)]
    struct NeedRow {
        id: i64,
        network_id: NetworkId,
        owner_organisation_id: OrganisationId,
        draft: i64,
    }

    crate::sql!(
        NEED = "SELECT id, network_id, owner_organisation_id, \
         CAST(CASE WHEN status = 'draft' THEN 1 ELSE 0 END AS BIGINT) AS draft \
         FROM needs WHERE public_id = $1"
    );

    #[derive(sqlx::FromRow)]
    struct DialogueRow {
        id: i64,
        network_id: NetworkId,
        archived: i64,
    }

    crate::sql!(
        DIALOGUE = "SELECT id, network_id, \
         CAST(CASE WHEN status = 'archived' THEN 1 ELSE 0 END AS BIGINT) AS archived \
         FROM dialogues WHERE public_id = $1"
    );

    /// The subject with this public id, if the person may read it: a
    /// signed-in outsider gets NotFound as for no subject, and a draft
    /// need is seen only by the people of its owner organisation.
    #[tracing::instrument(skip_all)]
    pub async fn place(
        db: &Db,
        user: &SessionUser,
        subject: Subject,
        public_id: &str,
    ) -> Result<Place, AppError> {
        let public_id = public_id.trim();
        let (subject_id, network_id, draft_of, frozen) = match subject {
            Subject::Need => {
                let row: NeedRow = sqlx::query_as(NEED)
                    .bind(public_id)
                    .fetch_optional(db.pool())
                    .await?
                    .ok_or(AppError::NotFound)?;
                let draft_owner = (row.draft == 1).then_some(row.owner_organisation_id);
                (row.id, row.network_id, draft_owner, false)
            }
            Subject::Dialogue => {
                let row: DialogueRow = sqlx::query_as(DIALOGUE)
                    .bind(public_id)
                    .fetch_optional(db.pool())
                    .await?
                    .ok_or(AppError::NotFound)?;
                (row.id, row.network_id, None, row.archived == 1)
            }
        };
        let guard = Guard::of_network_id(db, Some(user), network_id).await?;
        guard.require_read()?;
        if let Some(owner) = draft_of {
            if !guard.belongs_to_any(&[owner]) {
                return Err(AppError::NotFound);
            }
        }
        Ok(Place {
            subject,
            subject_id,
            network_id,
            guard,
            frozen,
        })
    }

    crate::sql!(NEED_PUBLIC_ID = "SELECT public_id FROM needs WHERE id = $1");
    crate::sql!(DIALOGUE_PUBLIC_ID = "SELECT public_id FROM dialogues WHERE id = $1");

    /// The public id of the subject with this row id.
    #[tracing::instrument(skip_all)]
    pub async fn public_id_of(
        db: &Db,
        subject: Subject,
        subject_id: i64,
    ) -> Result<String, AppError> {
        let sql = match subject {
            Subject::Need => NEED_PUBLIC_ID,
            Subject::Dialogue => DIALOGUE_PUBLIC_ID,
        };
        Ok(sqlx::query_scalar(sql)
            .bind(subject_id)
            .fetch_one(db.pool())
            .await?)
    }
}
