//! The board's server function: anyone may read it.

use super::{BoardPage, BoardQuery};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the public board.
#[server(endpoint = "market/board")]
pub async fn board(#[server(flatten)] query: BoardQuery) -> Result<BoardPage, AppError> {
    let ctx = crate::context::app_context()?;
    board_page(&ctx, &query).await
}

#[cfg(feature = "ssr")]
pub(crate) async fn board_page(
    ctx: &crate::context::AppContext,
    query: &BoardQuery,
) -> Result<BoardPage, AppError> {
    let filter = super::BoardFilter::parse(query);
    let (items, more) = super::store::board(&ctx.db, &filter).await?;
    let next = more
        .then(|| items.last())
        .flatten()
        .map(|last| format!("{}.{}", last.announced_at, last.public_id));
    Ok(BoardPage {
        items,
        next,
        ignored: filter.ignored,
    })
}
