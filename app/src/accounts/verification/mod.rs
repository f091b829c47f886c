//! Email verification: the link mailed at sign-up (and for a new
//! address), a new link when the first one is lost, the reminder on the
//! pages an unverified person cannot use yet, and the next step once the
//! address is verified.

pub mod api;
pub mod pages;
pub mod text;

/// Mails a new verification link to a person not verified yet, within
/// the limits per address and per account; nothing for one who is.
#[cfg(feature = "ssr")]
pub async fn send_again(
    ctx: &crate::context::AppContext,
    user: &super::SessionUser,
) -> Result<(), crate::error::AppError> {
    use crate::{
        accounts::{flow, limits, store::TokenPurpose, Email},
        context,
        core::ids::AccountId,
        error::AppError,
    };
    if user.verified {
        return Ok(());
    }
    // The account's own limit first, so that one person's clicks do not
    // use up the allowance of everyone behind the same address.
    let account = AccountId(user.account_id);
    limits::check_account(&ctx.db, limits::AccountLimit::VerificationLink, account).await?;
    let ip = context::client_info().ip;
    limits::check_ip(
        &ctx.db,
        limits::IpLimit::VerificationLink,
        ctx.ip_allowance,
        &ip,
    )
    .await?;
    let to = Email::parse(&user.email).map_err(AppError::internal)?;
    flow::send_link(ctx, account, &to, TokenPurpose::Verify, user.language).await
}

/// Where the reminder's "send again" returns to: the page it stood on,
/// with the notice that says the link is on its way.
#[cfg(feature = "ssr")]
fn sent_notice_on(page: &str) -> String {
    let page = super::ReturnPath::parse(page)
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/konto".to_string());
    let (path, query) = page.split_once('?').unwrap_or((&page, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lank="))
        .chain(["lank=1"])
        .collect();
    format!("{path}?{}#{}", kept.join("&"), pages::SENT_NOTICE)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::sent_notice_on;

    #[test]
    fn the_new_link_notice_returns_to_the_page_it_was_asked_from() {
        assert_eq!(
            sent_notice_on("/organisationer/ny"),
            "/organisationer/ny?lank=1#verifiering-skickad"
        );
        assert_eq!(
            sent_notice_on("/organisationer/ny?sok=uppsala&lank=1"),
            "/organisationer/ny?sok=uppsala&lank=1#verifiering-skickad"
        );
        assert_eq!(
            sent_notice_on("https://evil.example/"),
            "/konto?lank=1#verifiering-skickad"
        );
        assert_eq!(sent_notice_on(""), "/konto?lank=1#verifiering-skickad");
    }
}
