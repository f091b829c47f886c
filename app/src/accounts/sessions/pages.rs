//! The list of my sessions on the account page, each with a button that
//! ends it.

use super::{api::EndSession, SessionInfo};
use crate::{
    accounts::text::text,
    i18n::use_lang,
    time::format_stockholm,
    ui::form::{ErrorSummary, FormFeedback},
};
use leptos::{prelude::*, server_fn::ServerFn};

#[component]
pub fn SessionTable(sessions: Vec<SessionInfo>) -> impl IntoView {
    let t = text(use_lang());
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
                    view! {
                        <tr>
                            <td>{browser_name(&s.user_agent)} {s.current.then(|| format!(" ({})", t.session_this))}</td>
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

/// A short name for a browser from its User-Agent.
fn browser_name(user_agent: &str) -> String {
    let known = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];
    let browser = known
        .iter()
        .find(|(marker, _)| user_agent.contains(marker))
        .map(|(_, name)| *name)
        .unwrap_or("Okänd webbläsare / Unknown browser");
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
    format!("{browser}{system}")
}
