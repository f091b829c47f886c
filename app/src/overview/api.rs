//! The overview's server function: the person's overview, with this visit
//! recorded so the next one knows what is new.

use super::Overview;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in person's overview. Records the visit first: "since your
/// last visit" counts from the visit before this one (the last two weeks
/// on a first visit).
#[server(endpoint = "overview")]
pub async fn my_overview() -> Result<Overview, AppError> {
    use super::{store, Start, DAY_MS, FIRST_VISIT_DAYS, UPCOMING_DAYS};
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let db = &ctx.db;
    let account = AccountId(user.account_id);
    let now = db.now();
    let previous = store::visit(db, account).await?;
    let since = previous.unwrap_or(now - FIRST_VISIT_DAYS * DAY_MS);
    let organisations = store::organisations(db, account).await?;
    Ok(Overview {
        start: Start::of(&organisations, user.verified),
        waiting: store::waiting(db, account, user.site_admin).await?,
        upcoming: store::upcoming(db, account, now, now + UPCOMING_DAYS * DAY_MS).await?,
        drafts: store::drafts(db, account).await?,
        news: store::news(db, account, since).await?,
        since,
        first_visit: previous.is_none(),
    })
}
