//! A person's own data (GDPR art. 15, 17 and 20): everything Samråd keeps
//! about them as one download, and the erasure that keeps the record
//! readable ("Borttagen användare") while no personal field remains.
//!
//! This room reads across the other rooms' tables by design: a person's
//! data is the one view of the whole store that follows a person rather
//! than a concept. It uses no other room's store or server functions.

#[cfg(feature = "ssr")]
mod erase;
#[cfg(feature = "ssr")]
mod export;

/// The download's format; a change that renames or removes a field gets a
/// new one. The fields are listed in the README.
pub const FORMAT: &str = "samrad-personal-data/1";

/// The top-level keys of the download, in order.
pub const SECTIONS: [&str; 20] = [
    "format",
    "exported_at_ms",
    "account",
    "sessions",
    "security_events",
    "mail",
    "organisations",
    "organisation_decisions",
    "network_audit",
    "comments",
    "need_versions",
    "requirement_versions",
    "interests",
    "dialogue_registrations",
    "dialogues_started",
    "dialogue_texts",
    "published_answers",
    "accessibility_reports",
    "notifications",
    "followed_discussions",
];

/// Everything kept about the person, as the download's JSON.
#[cfg(feature = "ssr")]
pub async fn export(
    db: &crate::db::Db,
    account_id: i64,
) -> Result<serde_json::Value, crate::error::AppError> {
    export::of_person(db, crate::core::ids::AccountId(account_id)).await
}

/// Erases the person's personal data; what they wrote stays, signed
/// "Borttagen användare".
#[cfg(feature = "ssr")]
pub async fn erase(db: &crate::db::Db, account_id: i64) -> Result<(), crate::error::AppError> {
    erase::person(db, crate::core::ids::AccountId(account_id)).await
}
