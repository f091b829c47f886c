//! The accessibility room's server functions.

use crate::error::AppError;
use leptos::prelude::*;

/// Takes a report of an accessibility problem. Anyone may send one, signed
/// in or not; the contact address is optional.
#[server(endpoint = "accessibility/report")]
pub async fn report_accessibility_problem(
    #[server(flatten)] form: super::ReportForm,
) -> Result<(), AppError> {
    let report = super::ProblemReport::parse(&form)?;
    let ctx = crate::context::app_context()?;
    crate::accounts::limits::check_ip(
        &ctx.db,
        crate::accounts::limits::IpLimit::Report,
        ctx.ip_allowance,
        &crate::context::client_info().ip,
    )
    .await?;
    super::store::insert_report(&ctx.db, &report).await?;
    leptos_axum::redirect(&format!(
        "/tillganglighet?tack=1#{}",
        super::page::THANKS_ID
    ));
    Ok(())
}

/// The reports sent, newest first, for site admins.
#[server(endpoint = "accessibility/reports")]
pub async fn reports() -> Result<Vec<super::Report>, AppError> {
    let user = crate::accounts::require_user()?;
    if !user.site_admin {
        return Err(AppError::Forbidden);
    }
    let ctx = crate::context::app_context()?;
    super::store::reports(&ctx.db).await
}
