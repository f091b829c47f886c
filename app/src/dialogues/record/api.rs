//! The record's server functions: hosts write, approve and supersede the
//! minutes and the summary; any member organisation exports the record.

use super::{NewVersionForm, TextForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::dialogues::api::{visible_dialogue, visible_dialogue_for, Visible};

/// Hosts write the first draft of a meeting's minutes (or the summary,
/// with no `session`), or rewrite a draft (`text`). Approved text is
/// frozen. A summary links input (`input`) to the requirement version it
/// changed (`change`, repeated in pairs).
#[server(endpoint = "dialogues/save-text")]
pub async fn save_text(
    dialogue: String,
    #[server(flatten)] form: TextForm,
) -> Result<(), AppError> {
    use super::{store, RecordDraft};
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let meeting = match form.session.trim() {
        "" => None,
        session => Some(
            store::meeting_id(&v.ctx.db, v.key.id, session)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    };
    // A booked individual meeting is found only once it has begun; the
    // plan's meetings and the summary wait for the dialogue itself.
    let slot = matches!(meeting, Some(store::MinutesOf::Slot(_)));
    if !slot && !v.dialogue.status.held() {
        return Err(AppError::NotHeld);
    }
    let summary = meeting.is_none();
    let versions = if summary && form.links_sent() {
        store::requirement_versions(&v.ctx.db, v.key.id).await?
    } else {
        Vec::new()
    };
    let draft = RecordDraft::parse(&form, summary, &versions)?;
    let text = Some(form.text.trim()).filter(|t| !t.is_empty());
    store::save_draft(&v.ctx.db, v.key, meeting, text, &draft, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?text=1#text-sparad",
        v.dialogue.public_id
    ));
    Ok(())
}

/// Hosts write a new version that will supersede approved text.
#[server(endpoint = "dialogues/supersede")]
pub async fn supersede_text(
    dialogue: String,
    #[server(flatten)] form: NewVersionForm,
) -> Result<(), AppError> {
    use super::{store, RecordDraft};
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let text = form.text.trim();
    let summary = store::is_summary(&v.ctx.db, v.key.id, text)
        .await?
        .ok_or(AppError::NotFound)?;
    let versions = if summary && form.links_sent() {
        store::requirement_versions(&v.ctx.db, v.key.id).await?
    } else {
        Vec::new()
    };
    let draft = RecordDraft::parse_new_version(&form, summary, &versions)?;
    store::supersede(&v.ctx.db, v.key, text, &draft, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?text=1#text-sparad",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A host approves a draft; it is frozen from then on, so the approval
/// is confirmed in a second step (`confirm`).
#[server(endpoint = "dialogues/approve")]
pub async fn approve_text(
    dialogue: String,
    text: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    crate::ui::confirm::require_confirmed(&confirm)?;
    let text = text.trim();
    let summary = super::store::is_summary(&v.ctx.db, v.key.id, text)
        .await?
        .ok_or(AppError::NotFound)?;
    super::store::approve_text(&v.ctx.db, v.key, text, summary, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?godkand=1#godkand",
        v.dialogue.public_id
    ));
    Ok(())
}

/// The record to file, stamped now, for any member organisation.
#[server(endpoint = "dialogues/record")]
pub async fn dialogue_record(
    dialogue: String,
    #[server(default)] diarienummer: String,
) -> Result<super::DialogueRecord, AppError> {
    let v = visible_dialogue(&dialogue).await?;
    record_of(v, &diarienummer).await
}

#[cfg(feature = "ssr")]
async fn record_of(v: Visible, diarienummer: &str) -> Result<super::DialogueRecord, AppError> {
    use super::DialogueRecord;
    use crate::dialogues::{registration::store as registration, store as dialogue};
    let db = &v.ctx.db;
    let deleted = crate::accounts::text::text(v.user.language).deleted_user;
    let organisation = v
        .guard
        .organisations()
        .first()
        .map(|o| o.name.clone())
        .unwrap_or_default();
    Ok(DialogueRecord {
        exported_at: db.now(),
        exported_by_organisation: organisation,
        diarienummer: super::diarienummer(diarienummer),
        registrations: registration::registrations(db, v.key.id).await?,
        qa: dialogue::qa(db, v.key.id).await?,
        texts: super::store::texts(db, v.key.id, deleted).await?,
        audit: crate::core::audit::of_dialogue(db, v.key.id, deleted, v.user.language).await?,
        // Which suppliers registered is the hosts' to know (and to pass on
        // with the record they file); other members get the record without.
        // Who answered in writing, members read once the deadline has
        // passed, as they read the answers themselves.
        information: if v.may_host() {
            crate::dialogues::market::store::information(db, v.key.id).await?
        } else {
            Vec::new()
        },
        answers: match crate::dialogues::answers::api::received_part(&v).await? {
            Some(received) => received.answers,
            None => Vec::new(),
        },
        individual: crate::dialogues::slots::api::held_part(&v).await?,
        dialogue: v.dialogue,
    })
}

/// The record as JSON, for a plain GET route.
#[cfg(feature = "ssr")]
pub async fn record_json(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    diarienummer: &str,
) -> Result<String, AppError> {
    let user = user.cloned().ok_or(AppError::NotSignedIn)?;
    let v = visible_dialogue_for(ctx.clone(), user, dialogue).await?;
    let record = record_of(v, diarienummer).await?;
    serde_json::to_string_pretty(&record).map_err(AppError::internal)
}
