//! The reports sent through the statement's form, for site admins.

use super::{text::text, Report};
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use leptos_meta::Title;

/// Site admins read every report here; anyone else signed in is refused
/// (403), anyone signed out is sent to sign in and back.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let Some(user) = crate::accounts::signed_in_or_redirect() else {
        return ().into_any();
    };
    if !user.site_admin {
        refuse();
        return view! {
            <Title text=t.reports_title />
            <h1>{t.reports_title}</h1>
            <p>{t.reports_for_admins}</p>
        }
        .into_any();
    }
    let reports = Resource::new(|| (), |_| super::api::reports());
    view! {
        <Title text=t.reports_title />
        <h1>{t.reports_title}</h1>
        <p class="lead">{t.reports_lead}</p>
        <p><a href="/tillganglighet">{t.reports_back}</a></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match reports.await {
                    Err(error) => view! { <p>{error.message(lang)}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p>{t.reports_none}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="reports">
                            {list.into_iter().map(|r| view! { <ReportItem report=r lang /> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// One report: when it came, the page it names, how to answer, and what
/// was written (Swedish text as sent, marked so in the English UI).
#[component]
fn ReportItem(report: Report, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let heading_id = format!("rapport-{}", report.id);
    let written_lang = (lang == Lang::En).then_some("sv");
    let page = if report.page.is_empty() {
        view! { <dd>{t.report_page_none}</dd> }.into_any()
    } else {
        view! { <dd lang=written_lang>{report.page}</dd> }.into_any()
    };
    let contact = match report.email {
        Some(email) => view! { <a href=format!("mailto:{email}")>{email.clone()}</a> }.into_any(),
        None => view! { {t.report_anonymous} }.into_any(),
    };
    view! {
        <li>
            <article aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{t.report_number.replace("{n}", &report.id.to_string())}</h2>
                <dl class="facts">
                    <dt>{t.report_received}</dt>
                    <dd>{crate::time::format_stockholm(report.created_at)}</dd>
                    <dt>{t.report_page}</dt>
                    {page}
                    <dt>{t.report_contact}</dt>
                    <dd>{contact}</dd>
                </dl>
                <p class="prewrap" lang=written_lang>{report.description}</p>
            </article>
        </li>
    }
}

/// Answers the page being rendered with 403 Forbidden.
fn refuse() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
}
