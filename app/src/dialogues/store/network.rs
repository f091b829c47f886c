//! A network's dialogues: the list on its page and the meetings of its
//! calendar feed.

use crate::dialogues::{DialogueStatus, ListedDialogue};
use crate::{core::ids::NetworkId, db::Db, error::AppError};

#[derive(sqlx::FromRow)]
struct ListedRow {
    public_id: String,
    title: String,
    status: String,
    first_meeting: Option<i64>,
}

crate::sql!(
    OF_NETWORK = "SELECT d.public_id, d.title, d.status, \
     (SELECT MIN(s.starts_at) FROM dialogue_sessions s WHERE s.dialogue_id = d.id) AS first_meeting \
     FROM dialogues d WHERE d.network_id = $1 ORDER BY d.id DESC LIMIT 100"
);

/// A network's dialogues for its page: (public id, title, status, first
/// meeting's start).
#[tracing::instrument(skip_all)]
pub async fn of_network(db: &Db, network_id: NetworkId) -> Result<Vec<ListedDialogue>, AppError> {
    let rows: Vec<ListedRow> = sqlx::query_as(OF_NETWORK)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let status = DialogueStatus::parse(&r.status)?;
            Some((r.public_id, r.title, status, r.first_meeting))
        })
        .collect())
}

/// A meeting of one of a network's dialogues, for its calendar feed.
#[derive(sqlx::FromRow)]
pub struct FeedMeeting {
    pub meeting: String,
    pub dialogue: String,
    pub title: String,
    pub purpose: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub link: String,
}

crate::sql!(
    NETWORK_MEETINGS = "SELECT s.public_id AS meeting, d.public_id AS dialogue, d.title, \
     d.purpose, s.starts_at, s.ends_at, s.place, s.link \
     FROM dialogue_sessions s JOIN dialogues d ON d.id = s.dialogue_id \
     WHERE d.network_id = $1 ORDER BY s.starts_at"
);

/// Every meeting of a network's dialogues, soonest first.
#[tracing::instrument(skip_all)]
pub async fn network_meetings(
    db: &Db,
    network_id: NetworkId,
) -> Result<Vec<FeedMeeting>, AppError> {
    Ok(sqlx::query_as(NETWORK_MEETINGS)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?)
}
