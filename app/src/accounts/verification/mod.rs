//! Email verification: the link mailed at sign-up (and for a new
//! address), a new link when the first one is lost, the reminder on the
//! pages an unverified person cannot use yet, and the next step once the
//! address is verified.

pub mod api;
pub mod pages;
pub mod text;

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
