//! The search's server functions: the one search, for whoever asks (what
//! they may read decides what they find), and the public board's search
//! over what everyone may read.

use super::{Results, SearchQuery};
use crate::error::AppError;
use leptos::prelude::*;

/// What the reader may read that matches; not signed in, the public part.
#[server(endpoint = "search")]
pub async fn search(#[server(flatten)] query: SearchQuery) -> Result<Results, AppError> {
    run(query, false).await
}

/// Announced dialogues and their published answers that match, for the
/// public board.
#[server(endpoint = "search/public")]
pub async fn search_public(#[server(flatten)] query: SearchQuery) -> Result<Results, AppError> {
    run(query, true).await
}

#[cfg(feature = "ssr")]
async fn run(query: SearchQuery, public_only: bool) -> Result<Results, AppError> {
    use crate::core::ids::AccountId;
    let ctx = crate::context::app_context()?;
    let reader = crate::accounts::current_user().map(|user| AccountId(user.account_id));
    let search = super::Search::parse(&query, public_only)?;
    super::store::search(&ctx.db, reader, &search).await
}
