use super::{api::ReportAccessibilityProblem, DESCRIPTION_MAX, PAGE_MAX};
use crate::{
    i18n::use_lang,
    ui::form::{url_error, ErrorSummary, TextField},
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_lang().t();
    let report = ServerAction::<ReportAccessibilityProblem>::new();
    let error = url_error(ReportAccessibilityProblem::PATH);
    let thanked = use_query_map().get_untracked().get("tack").is_some();
    let sent = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.sent_value(field))
            .unwrap_or_default()
            .to_string()
    };
    let problem = |field: &str| error.as_ref().and_then(|e| e.field_problem(field));
    let (description, description_problem) = (sent("description"), problem("description"));
    let (page, page_problem) = (sent("page"), problem("page"));
    let (email, email_problem) = (sent("email"), problem("email"));
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
            {thanked.then(|| view! { <p class="notice" role="status">{t.a11y_thanks}</p> })}
            <ErrorSummary error=error.clone() labels />
            <ActionForm action=report>
                <TextField
                    name="description"
                    label=t.a11y_field_description
                    hint=t.a11y_field_description_hint
                    required=true
                    multiline=true
                    max_length=DESCRIPTION_MAX
                    value=description
                    problem=description_problem
                />
                <TextField
                    name="page"
                    label=t.a11y_field_page
                    max_length=PAGE_MAX
                    value=page
                    problem=page_problem
                />
                <TextField
                    name="email"
                    label=t.a11y_field_email
                    hint=t.a11y_field_email_hint
                    kind="email"
                    autocomplete="email"
                    value=email
                    problem=email_problem
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
