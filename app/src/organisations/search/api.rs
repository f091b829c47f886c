//! The search's server functions: finding organisations, and asking to
//! join one of them.

use crate::error::AppError;
use leptos::prelude::*;

/// Registered organisations whose name contains the text or whose number
/// it is, for anyone signed in: the organisation pages are theirs to read
/// too.
#[server(endpoint = "organisations/search")]
pub async fn search_organisations(text: String) -> Result<super::Hits, AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let text = super::SearchText::parse(&text)?;
    super::store::search(&ctx.db, &text, AccountId(user.account_id)).await
}

/// Asks to join an organisation found in the search. Its admins decide;
/// while it is not verified, a site admin does (issue #12).
#[server(endpoint = "organisations/join")]
pub async fn ask_to_join(organisation: String) -> Result<(), AppError> {
    use crate::{
        accounts::limits,
        core::ids::AccountId,
        organisations::{pages, store},
    };
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let account = AccountId(user.account_id);
    let found = store::find(&ctx.db, organisation.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    limits::check_account(&ctx.db, limits::AccountLimit::JoinRequest, account).await?;
    let asked = store::ask_to_join(&ctx.db, found.id, account).await?;
    let id = found.organisation.public_id;
    leptos_axum::redirect(&match asked {
        store::Asked::Requested => format!("/organisationer/{id}?ansokt=1#{}", pages::ASKED_NOTICE),
        store::Asked::AlreadyThere => {
            format!("/organisationer/{id}?redan=1#{}", pages::ASKED_NOTICE)
        }
    });
    Ok(())
}
