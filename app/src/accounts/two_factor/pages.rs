//! Two-step verification's pages: the section on the account page, the
//! set-up, and the second step of a sign-in.

use super::api::{ConfirmTwoFactor, DisableTwoFactor, StartTwoFactor, VerifyTwoFactor};
use crate::{
    accounts::text::text,
    i18n::use_lang,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// The notices beside the section, which the server's redirects point at.
pub const ENABLED_NOTICE: &str = "tvasteg-pa";
pub const DISABLED_NOTICE: &str = "tvasteg-av";

/// Two-step verification on the account page: on, or how to turn it on.
#[component]
pub fn TwoFactorSection(enabled: bool, admin_needs_it: bool) -> impl IntoView {
    let t = text(use_lang());
    let start = ServerAction::<StartTwoFactor>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let form = FormFeedback::for_action(DisableTwoFactor::PATH);
    let fields = form.clone();
    let started = FormFeedback::for_action(StartTwoFactor::PATH);
    let start_fields = started.clone();
    view! {
        <section aria-labelledby="tvasteg">
            <h2 id="tvasteg">{t.two_factor_heading}</h2>
            <Notice show=query_has("tvasteg") text=t.two_factor_enabled id=ENABLED_NOTICE />
            <Notice show=query_has("tvasteg_av") text=t.two_factor_disabled id=DISABLED_NOTICE />
            {admin_needs_it.then(|| view! { <p class="notice notice--warning">{t.two_factor_admin_required}</p> })}
            {if enabled {
                view! {
                    <p>{t.two_factor_on}</p>
                    <ErrorSummary error=form.error() labels=vec![("disable_password", t.current_password)] />
                    <ActionForm action=disable>
                        <TextField name="disable_password" label=t.current_password kind="password" required=true
                            autocomplete="current-password" problem=fields.problem("disable_password") />
                        <button type="submit" class="button">{t.two_factor_disable}</button>
                    </ActionForm>
                }
                .into_any()
            } else {
                view! {
                    <p>{t.two_factor_off_lead}</p>
                    <ErrorSummary error=started.error() labels=vec![("enable_password", t.two_factor_password)] />
                    <ActionForm action=start>
                        <TextField name="enable_password" label=t.two_factor_password kind="password" required=true
                            autocomplete="current-password" problem=start_fields.problem("enable_password") />
                        <button type="submit" class="button">{t.two_factor_start}</button>
                    </ActionForm>
                }
                .into_any()
            }}
        </section>
    }
}

/// Set-up: the secret to add to an app, the recovery codes, and a code to
/// prove the app works before two-step verification is turned on.
#[component]
pub fn TwoFactorSetupPage() -> impl IntoView {
    let t = text(use_lang());
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    // The secret and the recovery codes: kept by no cache and never
    // compressed, so no response's length can hint at them (BREACH).
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store, no-transform"),
        );
    }
    let setup = Resource::new(|| (), |_| super::api::two_factor_setup());
    let action = ServerAction::<ConfirmTwoFactor>::new();
    let form = FormFeedback::for_action(ConfirmTwoFactor::PATH);
    view! {
        <Title text=t.two_factor_setup_title />
        <h1>{t.two_factor_setup_title}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let form = form.clone();
                Suspend::new(async move {
                    match setup.await {
                        Ok(Some(setup)) => view! {
                            <p>{t.two_factor_setup_lead}</p>
                            <p>
                                <a href=setup.uri.clone()>{t.two_factor_open_app}</a>
                            </p>
                            <p>
                                {t.two_factor_secret}": "
                                <code class="secret" data-testid="totp-secret">{setup.secret.clone()}</code>
                            </p>
                            <h2>{t.two_factor_codes_heading}</h2>
                            <p>{t.two_factor_codes_lead}</p>
                            <ol class="codes">
                                {setup.recovery_codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                            </ol>
                            <ErrorSummary error=form.error() labels=vec![("code", t.two_factor_code)] />
                            <ActionForm action>
                                <TextField name="code" label=t.two_factor_code hint=t.two_factor_code_hint
                                    required=true autocomplete="one-time-code" problem=form.problem("code") />
                                <button type="submit" class="button">{t.two_factor_confirm}</button>
                            </ActionForm>
                        }
                        .into_any(),
                        _ => view! { <p><a href="/konto#tvasteg">{t.my_account}</a></p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn TwoFactorVerifyPage() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<VerifyTwoFactor>::new();
    let form = FormFeedback::for_action(VerifyTwoFactor::PATH);
    let fields = form.clone();
    view! {
        <Title text=t.two_factor_verify_title />
        <h1>{t.two_factor_verify_title}</h1>
        <p>{t.two_factor_verify_lead}</p>
        <ErrorSummary error=form.error() labels=vec![("code", t.two_factor_code)] />
        <ActionForm action>
            <TextField name="code" label=t.two_factor_code hint=t.two_factor_code_hint required=true
                autocomplete="one-time-code" problem=fields.problem("code") />
            {crate::accounts::ReturnPath::parse(&query_value("till"))
                .map(|back| view! { <input type="hidden" name="till" value=back.as_str().to_string() /> })}
            <button type="submit" class="button">{t.two_factor_verify_button}</button>
        </ActionForm>
    }
}
