//! The notifications room's server functions. A notification is its
//! person's own: every function acts on the signed-in person's rows only.

use crate::error::AppError;
use leptos::prelude::*;

/// The person's notifications page: the newest, with the unread count.
#[server(endpoint = "notifications")]
pub async fn inbox() -> Result<super::Inbox, AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let person = AccountId(user.account_id);
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    Ok(super::Inbox {
        items: super::store::newest(&ctx.db, person, super::HISTORY, deleted).await?,
        unread: super::store::unread(&ctx.db, person).await?,
    })
}

/// How many notifications the person has not read, for the header.
#[server(endpoint = "notifications/unread")]
pub async fn unread_count() -> Result<i64, AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::unread(&ctx.db, AccountId(user.account_id)).await
}

/// Marks one notification read and returns to it on the page, where a
/// notice beside it says so.
#[server(endpoint = "notifications/read")]
pub async fn mark_read(notification: String) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let id: i64 = notification
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    super::store::mark_read(&ctx.db, AccountId(user.account_id), id).await?;
    // The notice beside it is the address's target, so it takes focus.
    leptos_axum::redirect(&format!("/aviseringar?last={id}#notice"));
    Ok(())
}

/// Marks all the person's notifications read.
#[server(endpoint = "notifications/read-all")]
pub async fn mark_all_read() -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::mark_all_read(&ctx.db, AccountId(user.account_id)).await?;
    leptos_axum::redirect("/aviseringar?alla-lasta=1#notice");
    Ok(())
}
