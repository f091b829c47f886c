//! The demand's server functions, and its spreadsheet download.

use super::DeclarationForm;
use crate::error::AppError;
use leptos::prelude::*;

/// A member organisation declares (or changes) its non-binding interest.
#[server(endpoint = "needs/declare")]
pub async fn declare_interest(
    need: String,
    #[server(flatten)] form: DeclarationForm,
) -> Result<(), AppError> {
    use super::{store, Declaration};
    let v = crate::needs::api::visible_need(&need).await?;
    if v.need.status == crate::needs::NeedStatus::Draft {
        return Err(AppError::Forbidden);
    }
    // May take part at all (else 403, or 409 in a closed network); then
    // the organisation named must be one the person declares for.
    v.participant(None)?;
    let declarer = match form.organisation.trim() {
        "" => None,
        chosen => Some(v.participant(Some(chosen))?),
    };
    let declaration = Declaration::parse(&form, declarer, v.ctx.db.now())?;
    store::declare(&v.ctx.db, v.key.id, &declaration).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?intresse=1#intresse-sparat",
        v.need.public_id
    ));
    Ok(())
}

/// The aggregated demand as CSV, for those who may read the need.
#[cfg(feature = "ssr")]
pub async fn demand_csv(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    need: &str,
) -> Result<String, AppError> {
    let user = user.cloned().ok_or(AppError::NotSignedIn)?;
    let lang = user.language;
    let v = crate::needs::api::visible_need_for(ctx.clone(), user, need).await?;
    let interests = super::store::interests(&v.ctx.db, v.key.id).await?;
    Ok(super::Demand::csv(&interests, lang))
}
