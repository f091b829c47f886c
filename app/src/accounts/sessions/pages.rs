//! The list of my sessions on the account page, each with a button that
//! ends it.

use super::{api::EndSession, SessionInfo};
use crate::{
    accounts::text::text,
    i18n::{use_lang, Lang},
    time::format_stockholm,
    ui::form::{ErrorSummary, FormFeedback},
};
use leptos::{prelude::*, server_fn::ServerFn};

/// The notice beside the list, which the server's redirect points at.
pub const SESSION_NOTICE: &str = "inloggning-avslutad";

#[component]
pub fn SessionTable(sessions: Vec<SessionInfo>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(EndSession::PATH);
    view! {
        <ErrorSummary error=form.error() />
        <table class="table">
            <caption class="visually-hidden">{t.sessions_heading}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.session_browser}</th>
                    <th scope="col">{t.session_last_seen}</th>
                    <th scope="col">{t.session_ip}</th>
                    <th scope="col"><span class="visually-hidden">{t.session_revoke}</span></th>
                </tr>
            </thead>
            <tbody>
                {sessions.into_iter().map(|s| {
                    let action = ServerAction::<EndSession>::new();
                    let browser = match browser_name(&s.user_agent) {
                        // Product names as the browser calls itself, in English.
                        Some(name) => view! {
                            <span lang=(lang == Lang::Sv).then_some("en")>{name}</span>
                        }
                        .into_any(),
                        None => view! { <span>{t.session_unknown_browser}</span> }.into_any(),
                    };
                    view! {
                        <tr>
                            <td>{browser} {s.current.then(|| format!(" ({})", t.session_this))}</td>
                            <td>{format_stockholm(s.last_seen_at)}</td>
                            <td>{s.ip.clone()}</td>
                            <td>
                                <ActionForm action>
                                    <input type="hidden" name="session_id" value=s.id />
                                    <button type="submit" class="button button--small">
                                        {t.session_revoke}
                                        <span class="visually-hidden">{format!(" {}", format_stockholm(s.last_seen_at))}</span>
                                    </button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A short name for a browser from its User-Agent ("Chrome, Linux"), or
/// `None` when it names no browser we know.
fn browser_name(user_agent: &str) -> Option<String> {
    let known = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];
    let browser = known
        .iter()
        .find(|(marker, _)| user_agent.contains(marker))
        .map(|(_, name)| *name)?;
    let system = [
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| format!(", {name}"))
    .unwrap_or_default();
    Some(format!("{browser}{system}"))
}

#[cfg(test)]
mod tests {
    use super::browser_name;

    #[test]
    fn a_browser_is_named_with_its_system_or_not_at_all() {
        assert_eq!(
            browser_name("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0").as_deref(),
            Some("Chrome, Linux")
        );
        assert_eq!(
            browser_name("Mozilla/5.0 (Windows NT 10.0) Firefox/140.0").as_deref(),
            Some("Firefox, Windows")
        );
        assert_eq!(browser_name("curl/8.0"), None);
        assert_eq!(browser_name(""), None);
    }
}
