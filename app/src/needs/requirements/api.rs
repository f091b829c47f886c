//! The requirements' server functions: each starts at the need the person
//! may see, then parses, then stores.

use super::RequirementForm;
use crate::error::AppError;
use leptos::prelude::*;

/// A member proposes a functional requirement, last in the list.
#[server(endpoint = "needs/propose-requirement")]
pub async fn propose_requirement(
    need: String,
    #[server(flatten)] form: RequirementForm,
) -> Result<(), AppError> {
    use super::{store, RequirementText};
    let v = crate::needs::api::visible_need(&need).await?;
    let actor = v.participant(None)?;
    let text = RequirementText::parse(&form)?;
    store::propose(&v.ctx.db, v.key, &text, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?krav=foreslaget#krav-sparat",
        v.need.public_id
    ));
    Ok(())
}

/// The requirement, and the need it belongs to as the person may see it.
#[cfg(feature = "ssr")]
async fn in_visible_need(
    requirement: &str,
) -> Result<(super::store::Place, crate::needs::api::Visible), AppError> {
    crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let place = super::store::place(&ctx.db, requirement.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let need = crate::needs::api::visible_need(&place.need_public_id).await?;
    Ok((place, need))
}

/// The organisation that proposed a requirement, the need's owner or a
/// coordinator changes it; it becomes a proposal again, and the change is
/// attributed to whoever made it. Other members are refused.
#[server(endpoint = "needs/edit-requirement")]
pub async fn edit_requirement(
    requirement: String,
    version: i64,
    #[server(flatten)] form: RequirementForm,
) -> Result<(), AppError> {
    use super::{store, RequirementText};
    let (place, v) = in_visible_need(&requirement).await?;
    let actor = v.requirement_editor(place.proposer)?;
    let text = RequirementText::parse(&form)?;
    store::edit(&v.ctx.db, place.id, version, &text, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?krav=andrat#krav-sparat",
        v.need.public_id
    ));
    Ok(())
}

/// The owner organisation or a coordinator accepts a requirement.
#[server(endpoint = "needs/accept-requirement")]
pub async fn accept_requirement(requirement: String) -> Result<(), AppError> {
    let (place, v) = in_visible_need(&requirement).await?;
    let actor = v.editor()?;
    super::store::accept(&v.ctx.db, place.id, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?krav=accepterat#krav-sparat",
        v.need.public_id
    ));
    Ok(())
}

/// A member moves a requirement one place up or down.
#[server(endpoint = "needs/move-requirement")]
pub async fn move_requirement(requirement: String, direction: String) -> Result<(), AppError> {
    let (place, v) = in_visible_need(&requirement).await?;
    v.participant(None)?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest),
    };
    super::store::move_one(&v.ctx.db, v.key.id, place.id, up).await?;
    leptos_axum::redirect(&format!("/behov/{}#krav", v.need.public_id));
    Ok(())
}
