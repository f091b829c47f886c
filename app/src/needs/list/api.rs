//! The lists' server functions: a page of needs the person may see.

use super::NeedPage;
use crate::error::AppError;
use leptos::prelude::*;

/// A page of a list: one need more is read to know whether more follow.
#[cfg(feature = "ssr")]
async fn page(
    ctx: &crate::context::AppContext,
    account_id: crate::core::ids::AccountId,
    network_id: Option<crate::core::ids::NetworkId>,
    filter: &super::NeedFilter,
) -> Result<NeedPage, AppError> {
    use super::PAGE_SIZE;
    let mut needs =
        super::store::list(&ctx.db, account_id, network_id, filter, PAGE_SIZE + 1).await?;
    let next = (needs.len() as i64 > PAGE_SIZE).then(|| {
        needs.truncate(PAGE_SIZE as usize);
        needs
            .last()
            .map(|n| n.public_id.clone())
            .unwrap_or_default()
    });
    Ok(NeedPage { needs, next })
}

/// A page of one network's needs the person may see, filtered and sorted.
#[server(endpoint = "needs/of-network")]
pub async fn network_needs(
    network: String,
    #[server(default)] status: String,
    #[server(default)] staircase: String,
    #[server(default)] division: String,
    #[server(default)] lan: String,
    #[server(default)] sort: String,
    #[server(default)] after: String,
) -> Result<NeedPage, AppError> {
    use crate::core::{ids::AccountId, network::Action, Guard};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::ReadContent)?;
    let filter = super::NeedFilter::parse(&status, &staircase, &division, &lan, &sort, &after);
    page(
        &ctx,
        AccountId(user.account_id),
        Some(guard.network.id),
        &filter,
    )
    .await
}

/// A page of the needs across all the person's networks.
#[server(endpoint = "needs/mine")]
pub async fn my_needs(
    #[server(default)] status: String,
    #[server(default)] staircase: String,
    #[server(default)] division: String,
    #[server(default)] lan: String,
    #[server(default)] sort: String,
    #[server(default)] after: String,
) -> Result<NeedPage, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let filter = super::NeedFilter::parse(&status, &staircase, &division, &lan, &sort, &after);
    page(
        &ctx,
        crate::core::ids::AccountId(user.account_id),
        None,
        &filter,
    )
    .await
}

/// The network's needs a dialogue can be planned for, for its form.
#[server(endpoint = "needs/open-in-network")]
pub async fn open_needs(network: String) -> Result<Vec<(String, String)>, AppError> {
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::ReadContent)?;
    super::store::open_needs(&ctx.db, guard.network.id).await
}
