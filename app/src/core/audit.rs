//! The network's append-only audit log: every decision (membership,
//! status, publication) with who made it, for which organisation, and why.
//! Entries about one dialogue carry its key, so the dialogue's record holds
//! exactly those and never matches by text.

use super::{
    guard::Actor,
    ids::{DialogueId, NetworkId},
    AuditEntry,
};
use crate::{db::Db, error::AppError, i18n::Lang};

/// How one action reads in the log, written by the room that records it,
/// next to where it records it ([`audit_text!`](crate::audit_text)).
pub struct ActionText {
    pub action: &'static str,
    /// The entry's subject in words, in a language.
    pub describe: fn(subject: &str, lang: Lang) -> String,
}

/// Every action's text, of every room.
#[linkme::distributed_slice]
pub static ACTION_TEXTS: [ActionText];

/// Registers how an action reads: `audit_text!("left", |subject, lang| …)`.
#[macro_export]
macro_rules! audit_text {
    ($action:literal, $describe:expr) => {
        const _: () = {
            #[$crate::core::sql::linkme::distributed_slice($crate::core::audit::ACTION_TEXTS)]
            #[linkme(crate = $crate::core::sql::linkme)]
            static TEXT: $crate::core::audit::ActionText = $crate::core::audit::ActionText {
                action: $action,
                describe: $describe,
            };
        };
    };
}

/// An entry's summary in `lang`. An action without a text (there is a test
/// that none is missing) shows its code and subject rather than nothing.
pub fn describe(action: &str, subject: &str, lang: Lang) -> String {
    match ACTION_TEXTS.iter().find(|t| t.action == action) {
        Some(text) => (text.describe)(subject, lang),
        None => {
            tracing::warn!(action, "an audit action without a text");
            format!("{action} {subject}").trim().to_string()
        }
    }
}

/// An entry to write.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub network_id: NetworkId,
    pub dialogue_id: Option<DialogueId>,
    pub action: &'a str,
    pub subject: &'a str,
    pub reason: &'a str,
}

impl<'a> Entry<'a> {
    /// An entry about the network itself or something in it.
    pub fn network(
        network_id: NetworkId,
        action: &'a str,
        subject: &'a str,
        reason: &'a str,
    ) -> Self {
        Entry {
            network_id,
            dialogue_id: None,
            action,
            subject,
            reason,
        }
    }

    /// An entry about one dialogue; it becomes part of the dialogue's record.
    pub fn dialogue(
        network_id: NetworkId,
        dialogue_id: DialogueId,
        action: &'a str,
        subject: &'a str,
        reason: &'a str,
    ) -> Self {
        Entry {
            dialogue_id: Some(dialogue_id),
            ..Entry::network(network_id, action, subject, reason)
        }
    }
}

crate::sql!(
    INSERT = "INSERT INTO network_audit \
     (network_id, dialogue_id, at, actor_account_id, actor_organisation_id, action, subject, reason) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
);

/// Writes one entry inside the caller's transaction, stamped `at`.
pub async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    actor: Actor,
    entry: Entry<'_>,
) -> Result<(), AppError> {
    sqlx::query(INSERT)
        .bind(entry.network_id)
        .bind(entry.dialogue_id)
        .bind(at)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .bind(entry.action)
        .bind(entry.subject)
        .bind(entry.reason)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The entries of a network (`$1` a network id) or of one dialogue (a
/// dialogue id), oldest first.
macro_rules! entries_where {
    ($column:literal) => {
        concat!(
            "SELECT l.at, COALESCE(a.name, '') AS actor, a.deleted_at, \
             COALESCE(o.name, '') AS organisation, l.action, l.subject, l.reason \
             FROM network_audit l LEFT JOIN accounts a ON a.id = l.actor_account_id \
             LEFT JOIN organisations o ON o.id = l.actor_organisation_id WHERE l.",
            $column,
            " = $1 ORDER BY l.id"
        )
    };
}
crate::sql!(OF_NETWORK = entries_where!("network_id"));
crate::sql!(OF_DIALOGUE = entries_where!("dialogue_id"));

#[derive(sqlx::FromRow)]
struct Row {
    at: i64,
    actor: String,
    deleted_at: Option<i64>,
    organisation: String,
    action: String,
    subject: String,
    reason: String,
}

impl Row {
    fn entry(self, deleted_user: &str, lang: Lang) -> AuditEntry {
        AuditEntry {
            summary: describe(&self.action, &self.subject, lang),
            at: self.at,
            actor: crate::core::shown_name(self.actor, self.deleted_at, deleted_user),
            organisation: self.organisation,
            action: self.action,
            subject: self.subject,
            reason: self.reason,
        }
    }
}

/// The whole log of a network, oldest first, for its coordinators.
pub async fn of_network(
    db: &Db,
    network_id: NetworkId,
    deleted_user: &str,
    lang: Lang,
) -> Result<Vec<AuditEntry>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(OF_NETWORK)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| r.entry(deleted_user, lang))
        .collect())
}

/// The entries about one dialogue, oldest first: part of its record.
pub async fn of_dialogue(
    db: &Db,
    dialogue_id: DialogueId,
    deleted_user: &str,
    lang: Lang,
) -> Result<Vec<AuditEntry>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(OF_DIALOGUE)
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| r.entry(deleted_user, lang))
        .collect())
}

/// The audit log as CSV (UTF-8 with a byte-order mark, so Excel reads å,
/// ä and ö), one row per entry, times in Stockholm time.
pub fn csv(entries: &[AuditEntry]) -> String {
    super::sheet::sheet(
        &[
            "tid",
            "person",
            "organisation",
            "händelse",
            "motivering",
            "kod",
            "detalj",
        ],
        entries.iter().map(|e| {
            vec![
                crate::time::format_stockholm(e.at),
                e.actor.clone(),
                e.organisation.clone(),
                e.summary.clone(),
                e.reason.clone(),
                e.action.clone(),
                e.subject.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_csv_quotes_fields_and_defuses_formulas() {
        let entry = AuditEntry {
            at: 0,
            actor: "Anna \"A\" Andersson".into(),
            organisation: "Stockholms stad".into(),
            action: "join_refused".into(),
            subject: "=HYPERLINK(\"x\")".into(),
            reason: "Fel län; fel tid".into(),
            summary: "Avböjde ansökan".into(),
        };
        let csv = csv(&[entry]);
        assert!(csv.starts_with("\u{feff}tid;person;"));
        assert!(
            csv.contains("\"1970-01-01 01:00\";\"Anna \"\"A\"\" Andersson\";\"Stockholms stad\"")
        );
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(
            csv.contains("\"Avböjde ansökan\";\"Fel län; fel tid\";\"join_refused\""),
            "{csv}"
        );
    }
}
