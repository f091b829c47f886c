use super::{api::ReportAccessibilityProblem, DESCRIPTION_MAX, PAGE_MAX};
use crate::{
    i18n::use_lang,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, TextField},
        query_has,
    },
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_lang().t();
    let report = ServerAction::<ReportAccessibilityProblem>::new();
    let form = FormFeedback::for_action(ReportAccessibilityProblem::PATH);
    let thanked = query_has("tack");
    let labels = vec![
        ("description", t.a11y_field_description),
        ("page", t.a11y_field_page),
        ("email", t.a11y_field_email),
    ];
    view! {
        <Title text=t.a11y_title />
        <h1>{t.a11y_title}</h1>
        <p class="lead">{t.a11y_intro}</p>
        <h2>{t.a11y_status_heading}</h2>
        <p>{t.a11y_status_text}</p>
        <h2>{t.a11y_known_heading}</h2>
        <p>{t.a11y_known_text}</p>
        <h2>{t.a11y_made_heading}</h2>
        <p>{t.a11y_made_text}</p>
        <section aria-labelledby="rapportera">
            <h2 id="rapportera">{t.a11y_report_heading}</h2>
            <p>{t.a11y_report_text}</p>
            <Notice show=thanked text=t.a11y_thanks />
            <ErrorSummary error=form.error() labels />
            <ActionForm action=report>
                <TextField
                    name="description"
                    label=t.a11y_field_description
                    hint=t.a11y_field_description_hint
                    required=true
                    multiline=true
                    max_length=DESCRIPTION_MAX
                    value=form.value("description")
                    problem=form.problem("description")
                />
                <TextField
                    name="page"
                    label=t.a11y_field_page
                    max_length=PAGE_MAX
                    value=form.value("page")
                    problem=form.problem("page")
                />
                <TextField
                    name="email"
                    label=t.a11y_field_email
                    hint=t.a11y_field_email_hint
                    kind="email"
                    autocomplete="email"
                    value=form.value("email")
                    problem=form.problem("email")
                />
                <button type="submit" class="button">
                    {t.a11y_submit}
                </button>
            </ActionForm>
        </section>
        <h2>{t.a11y_supervision_heading}</h2>
        <p>{t.a11y_supervision_text}</p>
    }
}

/// The reports sent through the form, for site admins.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let t = use_lang().t();
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let reports = Resource::new(|| (), |_| super::api::reports());
    view! {
        <Title text=t.a11y_reports_title />
        <h1>{t.a11y_reports_title}</h1>
        <p class="lead">{t.a11y_reports_lead}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match reports.await {
                    Err(_) => view! { <p>{t.a11y_reports_for_admins}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p>{t.a11y_reports_none}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="plain-list">
                            {list.into_iter().map(|r| view! {
                                <li>
                                    <h2>{crate::time::format_stockholm(r.created_at)}</h2>
                                    <p class="prewrap">{r.description}</p>
                                    <dl class="facts">
                                        <dt>{t.a11y_field_page}</dt><dd>{r.page}</dd>
                                        <dt>{t.a11y_report_contact}</dt>
                                        <dd>{r.email.unwrap_or_else(|| t.a11y_report_anonymous.to_string())}</dd>
                                    </dl>
                                </li>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
