//! Registration's server functions: a member organisation of the network,
//! while it writes there, registers or withdraws; an archived dialogue is
//! frozen.

use super::RegistrationForm;
use crate::error::AppError;
use leptos::prelude::*;

/// A member organisation registers who attends, while places last.
#[server(endpoint = "dialogues/register")]
pub async fn register_attendance(
    dialogue: String,
    #[server(flatten)] form: RegistrationForm,
) -> Result<(), AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.participant(&form.organisation)?;
    if !v.dialogue.status.takes_registrations() {
        return Err(AppError::Forbidden);
    }
    let attendance = super::Attendance::parse(&form)?;
    super::store::register(&v.ctx.db, v.key, &attendance, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?anmald=1#anmald",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A member organisation withdraws its registration.
#[server(endpoint = "dialogues/withdraw")]
pub async fn withdraw_attendance(dialogue: String, organisation: String) -> Result<(), AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.participant(&organisation)?;
    super::store::withdraw(&v.ctx.db, v.key, actor.organisation_id).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?avanmald=1#anmald",
        v.dialogue.public_id
    ));
    Ok(())
}
