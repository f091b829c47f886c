//! The accessibility statement (Digg's model, section by section) with the
//! form to report a problem.

use super::{
    api::ReportAccessibilityProblem,
    text::{text, Text},
    ASSESSED, DESCRIPTION_MAX, OPERATOR, PAGE_MAX, UPDATED,
};
use crate::{
    accounts::current_user,
    i18n::use_lang,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, TextField},
        query_has,
    },
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

pub use super::reports::ReportsPage;

/// Digg's form for complaints about the accessibility of public websites.
pub const DIGG_COMPLAINTS: &str = "https://www.digg.se/tdosanmalan";

/// The anchor of the thanks after a report, where the redirect lands.
pub const THANKS_ID: &str = "rapport-mottagen";

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let title = lang.t().a11y_title;
    let site_admin = current_user().is_some_and(|u| u.site_admin);
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <p class="lead">{t.intro.replace("{operator}", OPERATOR.name)}</p>
        <h2>{t.how_heading}</h2>
        <p>{t.how_text}" "<a href="#brister">{t.gaps_heading}</a>"."</p>
        <h2>{t.alternative_heading}</h2>
        <p>{t.alternative_text}</p>
        <ul>
            <li>
                {t.contact_email}" "
                <a href=format!("mailto:{}", OPERATOR.email)>{OPERATOR.email}</a>
            </li>
            {OPERATOR.phone.map(|phone| view! {
                <li>
                    {t.contact_phone}" "
                    <a href=format!("tel:{}", phone.replace(' ', ""))>{phone}</a>
                </li>
            })}
            <li>{t.contact_form}" "<a href="#rapportera">{t.report_heading}</a></li>
        </ul>
        <p>{t.response_time}</p>
        <ReportSection t site_admin />
        <h2>{t.supervision_heading}</h2>
        <p>{t.supervision_text}</p>
        <p>
            <a href=DIGG_COMPLAINTS>{t.digg_link}</a>
        </p>
        <h2>{t.technical_heading}</h2>
        <p>{t.compliance}</p>
        {t.compliance_in_swedish.map(|(label, words)| view! {
            <p>{label}" "<span lang="sv">{words}</span></p>
        })}
        <p>{t.standard}</p>
        <Shortcomings t />
        <h2>{t.method_heading}</h2>
        <p>{t.method_intro}</p>
        <ul>{t.method_items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
        <p>
            {t.assessed}" "<time datetime=ASSESSED>{t.long_date(ASSESSED)}</time>"."
        </p>
        <p>
            {t.updated}" "<time datetime=UPDATED>{t.long_date(UPDATED)}</time>"."
        </p>
    }
}

/// "Rapportera brister": the form, its feedback next to it, and for site
/// admins the way to what has been sent.
#[component]
fn ReportSection(t: &'static Text, site_admin: bool) -> impl IntoView {
    let report = ServerAction::<ReportAccessibilityProblem>::new();
    let form = FormFeedback::for_action(ReportAccessibilityProblem::PATH);
    let labels = vec![
        ("description", t.field_description),
        ("page", t.field_page),
        ("email", t.field_email),
    ];
    view! {
        <section aria-labelledby="rapportera">
            <h2 id="rapportera">{t.report_heading}</h2>
            <p>{t.report_text}</p>
            {site_admin.then(|| view! {
                <p><a href="/tillganglighet/rapporter">{t.reports_link}</a></p>
            })}
            <Notice show=query_has("tack") text=t.thanks id=THANKS_ID />
            <ErrorSummary error=form.error() labels />
            <ActionForm action=report>
                <TextField
                    name="description"
                    label=t.field_description
                    hint=t.field_description_hint
                    required=true
                    multiline=true
                    max_length=DESCRIPTION_MAX
                    value=form.value("description")
                    problem=form.problem("description")
                />
                <TextField
                    name="page"
                    label=t.field_page
                    max_length=PAGE_MAX
                    value=form.value("page")
                    problem=form.problem("page")
                />
                <TextField
                    name="email"
                    label=t.field_email
                    hint=t.field_email_hint
                    kind="email"
                    autocomplete="email"
                    value=form.value("email")
                    problem=form.problem("email")
                />
                <button type="submit" class="button">
                    {t.submit}
                </button>
            </ActionForm>
        </section>
    }
}

/// "Innehåll som inte är tillgängligt": what fails which criterion and
/// why, the exemption not claimed, and what the act does not cover.
#[component]
fn Shortcomings(t: &'static Text) -> impl IntoView {
    let idle = t.idle_time(idle_ms());
    view! {
        <h2 id="brister">{t.gaps_heading}</h2>
        <p>{t.gaps_intro}</p>
        <h3>{t.noncompliance_heading}</h3>
        <ul class="shortcomings">
            {t.shortcomings.iter().map(|s| view! {
                <li>
                    <h4>{s.title}</h4>
                    <p>{s.text.replace("{idle}", &idle)}</p>
                    <p><strong>{t.criterion_label}": "</strong>{s.criterion}</p>
                    <p><strong>{t.reason_label}": "</strong>{s.reason}</p>
                </li>
            }).collect_view()}
        </ul>
        <h3>{t.burden_heading}</h3>
        <p>{t.burden_text}</p>
        <h3>{t.outside_heading}</h3>
        <ul>{t.outside_items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
    }
}

/// How long a session lives without a request, as the server is set.
fn idle_ms() -> i64 {
    #[cfg(feature = "ssr")]
    return crate::context::maybe_app_context()
        .map(|ctx| ctx.sessions.idle_ms)
        .unwrap_or_else(|| crate::accounts::session::SessionPolicy::default().idle_ms);
    #[cfg(not(feature = "ssr"))]
    0
}
