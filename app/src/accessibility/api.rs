use crate::error::AppError;
use leptos::prelude::*;

/// Takes a report of an accessibility problem. Anyone may send one, signed
/// in or not; the contact address is optional.
#[server(endpoint = "accessibility/report")]
pub async fn report_accessibility_problem(
    description: String,
    page: String,
    email: String,
) -> Result<(), AppError> {
    use super::{store, DESCRIPTION_MAX, PAGE_MAX};
    use crate::{accounts::Email, error::Checker, error::FieldProblem};

    let mut check = Checker::new();
    let clean_description = check.text("description", &description, true, DESCRIPTION_MAX);
    let clean_page = check.text("page", &page, false, PAGE_MAX);
    let contact = match email.trim() {
        "" => None,
        given => match Email::parse(given) {
            Ok(email) => Some(email),
            Err(_) => {
                check.refuse("email", FieldProblem::InvalidEmail);
                None
            }
        },
    };
    check.finish(&[
        ("description", &description),
        ("page", &page),
        ("email", &email),
    ])?;

    let ctx = crate::context::app_context()?;
    crate::accounts::limits::check_ip(
        &ctx.db,
        crate::accounts::limits::IpLimit::Report,
        ctx.ip_allowance,
        &crate::context::client_info().ip,
    )
    .await?;
    store::insert_report(&ctx.db, &clean_description, &clean_page, contact.as_ref()).await?;
    leptos_axum::redirect("/tillganglighet?tack=1#rapportera");
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
