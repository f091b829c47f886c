//! The directory's server functions.

use super::{DirectoryPage, FoundOrganisation, MyNetwork};
use crate::error::AppError;
use leptos::prelude::*;

/// The networks my organisations belong to.
#[server(endpoint = "networks/mine")]
pub async fn my_networks() -> Result<Vec<MyNetwork>, AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::mine(&ctx.db, AccountId(user.account_id)).await
}

/// Organisations to invite, found by name or number; for coordinators.
#[server(endpoint = "networks/find-organisations")]
pub async fn find_organisations(
    network: String,
    text: String,
) -> Result<Vec<FoundOrganisation>, AppError> {
    let text = text.trim();
    if text.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let coordinating = crate::networks::api::as_coordinator(&network).await?;
    super::store::search_organisations(&coordinating.ctx.db, text).await
}

/// One page of the network directory: the networks the person may know
/// of, filtered by name, theme, län and openness.
#[server(endpoint = "networks/directory")]
pub async fn network_directory(
    #[server(default)] text: String,
    #[server(default)] theme: String,
    #[server(default)] lan: String,
    #[server(default)] open: bool,
    #[server(default)] after: String,
) -> Result<DirectoryPage, AppError> {
    use super::{store, DirectoryQuery, DIRECTORY_PAGE_SIZE};
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let query = DirectoryQuery::parse(&text, &theme, &lan, open, &after);
    let (mut entries, total) = store::directory(
        &ctx.db,
        AccountId(user.account_id),
        &query,
        DIRECTORY_PAGE_SIZE + 1,
    )
    .await?;
    let next = if entries.len() as i64 > DIRECTORY_PAGE_SIZE {
        entries.truncate(DIRECTORY_PAGE_SIZE as usize);
        entries.last().map(|e| e.public_id.clone())
    } else {
        None
    };
    Ok(DirectoryPage {
        entries,
        total,
        next,
    })
}
