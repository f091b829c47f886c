//! The accounts room's pages. Every form is a plain post; after it the
//! server redirects back here with either a notice or the error.

use super::{
    api::{
        ChangeEmail, ChangePassword, DeleteAccount, ForgotPassword, ResetPassword, SignIn, SignUp,
        UpdateProfile,
    },
    sessions::pages::{SessionTable, SESSION_NOTICE},
    text::text,
    two_factor::pages::TwoFactorSection,
    verification::pages::VerifyReminder,
    SessionUser,
};
use crate::{
    i18n::{use_lang, Lang},
    ui::{
        confirm::ConfirmStep,
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

pub use super::two_factor::pages::{TwoFactorSetupPage, TwoFactorVerifyPage};
pub use super::verification::pages::VerifyPage;

/// The notices beside what was saved, which the server's redirects
/// point at.
pub const SIGNED_UP_NOTICE: &str = "konto-skapat";
pub const PROFILE_NOTICE: &str = "uppgifter-sparade";
pub const PASSWORD_NOTICE: &str = "losenord-bytt";
pub const EMAIL_NOTICE: &str = "epost-skickad";

fn language_options() -> Vec<(String, String)> {
    let t = text(Lang::Sv);
    vec![
        ("sv".into(), t.swedish.into()),
        ("en".into(), t.english.into()),
    ]
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<SignUp>::new();
    let form = FormFeedback::for_action(SignUp::PATH);
    let fields = form.clone();
    let selected = match form.value("language") {
        v if v.is_empty() => lang.code().to_string(),
        v => v,
    };
    let labels = vec![
        ("name", t.name),
        ("email", t.email),
        ("password", t.password),
        ("language", t.language),
    ];
    view! {
        <Title text=t.sign_up_title />
        <h1>{t.sign_up_title}</h1>
        <p class="lead">{t.sign_up_lead}</p>
        <Notice show=query_has("skickat") text=t.sign_up_done id=SIGNED_UP_NOTICE />
        <ErrorSummary error=form.error() labels />
        <ActionForm action>
            <TextField name="name" label=t.name required=true autocomplete="name" max_length=super::NAME_MAX
                value=fields.value("name") problem=fields.problem("name") />
            <TextField name="email" label=t.email kind="email" required=true autocomplete="email"
                max_length=super::EMAIL_MAX value=fields.value("email") problem=fields.problem("email") />
            <TextField name="password" label=t.password hint=t.password_hint kind="password" required=true
                autocomplete="new-password" problem=fields.problem("password") />
            <SelectField name="language" label=t.language options=language_options() selected
                required=true autocomplete="language" problem=fields.problem("language") />
            <button type="submit" class="button">{t.sign_up}</button>
        </ActionForm>
        <p><a href="/konto/logga-in">{t.have_account}</a></p>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<SignIn>::new();
    let form = FormFeedback::for_action(SignIn::PATH);
    view! {
        <Title text=t.sign_in_title />
        <h1>{t.sign_in_title}</h1>
        <Notice show=query_has("aterstallt") text=t.reset_done />
        {crate::accounts::ReturnPath::parse(&query_value("till"))
            .map(|_| view! { <p class="lead">{t.sign_in_to_continue}</p> })}
        <ErrorSummary error=form.error() />
        <ActionForm action>
            <TextField name="email" label=t.email kind="email" required=true autocomplete="username"
                max_length=super::EMAIL_MAX value=form.value("email") />
            <TextField name="password" label=t.password kind="password" required=true
                autocomplete="current-password" />
            {crate::accounts::ReturnPath::parse(&query_value("till"))
                .map(|back| view! { <input type="hidden" name="till" value=back.as_str().to_string() /> })}
            <button type="submit" class="button">{t.sign_in}</button>
        </ActionForm>
        <p><a href="/konto/glomt-losenord">{t.forgot_link}</a></p>
        <p><a href="/konto/skapa">{t.no_account}</a></p>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ForgotPassword>::new();
    let form = FormFeedback::for_action(ForgotPassword::PATH);
    let fields = form.clone();
    view! {
        <Title text=t.forgot_title />
        <h1>{t.forgot_title}</h1>
        <p>{t.forgot_lead}</p>
        <Notice show=query_has("skickat") text=t.forgot_sent />
        <ErrorSummary error=form.error() labels=vec![("email", t.email)] />
        <ActionForm action>
            <TextField name="email" label=t.email kind="email" required=true autocomplete="email"
                max_length=super::EMAIL_MAX value=fields.value("email") problem=fields.problem("email") />
            <button type="submit" class="button">{t.forgot_button}</button>
        </ActionForm>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ResetPassword>::new();
    let form = FormFeedback::for_action(ResetPassword::PATH);
    let fields = form.clone();
    let token = query_value("token");
    view! {
        <Title text=t.reset_title />
        <h1>{t.reset_title}</h1>
        <ErrorSummary error=form.error() labels=vec![("password", t.new_password)] />
        <ActionForm action>
            <input type="hidden" name="token" value=token />
            <TextField name="password" label=t.new_password hint=t.password_hint kind="password"
                required=true autocomplete="new-password" problem=fields.problem("password") />
            <button type="submit" class="button">{t.reset_button}</button>
        </ActionForm>
    }
}

/// My account: details, password, email, sessions, my data, deletion.
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = text(use_lang());
    let Some(user) = super::signed_in_or_redirect() else {
        return view! { <p><a href="/konto/logga-in">{t.sign_in}</a></p> }.into_any();
    };
    let sessions = Resource::new(|| (), |_| super::api::my_sessions());
    view! {
        <Title text=t.account_title />
        <h1>{t.account_title}</h1>
        {(!user.verified).then(|| view! { <VerifyReminder email=user.email.clone() back="/konto".to_string() /> })}
        <crate::organisations::pages::MyOrganisations />
        <ProfileSection user=user.clone() />
        <PasswordSection />
        <EmailSection email=user.email.clone() />
        <TwoFactorSection enabled=user.two_factor admin_needs_it=user.admin_needs_two_factor />
        <section aria-labelledby="inloggningar">
            <h2 id="inloggningar">{t.sessions_heading}</h2>
            <p>{t.sessions_lead}</p>
            <Notice show=query_has("avslutad") text=t.session_revoked id=SESSION_NOTICE />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    sessions.await.map(|list| view! { <SessionTable sessions=list /> })
                })}
            </Suspense>
        </section>
        <section aria-labelledby="mina-uppgifter">
            <h2 id="mina-uppgifter">{t.data_heading}</h2>
            <p>{t.data_lead}</p>
            <p><a href="/konto/mina-uppgifter.json" download="samrad-mina-uppgifter.json">{t.data_download}</a></p>
        </section>
        <DeleteSection />
    }
    .into_any()
}

#[component]
fn ProfileSection(user: SessionUser) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<UpdateProfile>::new();
    let form = FormFeedback::for_action(UpdateProfile::PATH);
    let fields = form.clone();
    let or_sent = move |field: &str, current: String| {
        let sent = fields.value(field);
        if fields.error().is_some() {
            sent
        } else {
            current
        }
    };
    let name = or_sent("name", user.name.clone());
    let title = or_sent("title", user.title.clone());
    let language = or_sent("language", user.language.code().to_string());
    let labels = vec![
        ("name", t.name),
        ("title", t.title),
        ("language", t.language),
    ];
    view! {
        <section aria-labelledby="uppgifter">
            <h2 id="uppgifter">{t.profile_heading}</h2>
            <Notice show=query_has("sparat") text=t.profile_saved id=PROFILE_NOTICE />
            <ErrorSummary error=form.error() labels />
            <ActionForm action>
                <TextField name="name" label=t.name required=true autocomplete="name"
                    max_length=super::NAME_MAX value=name problem=form.problem("name") />
                <TextField name="title" label=t.title hint=t.title_hint autocomplete="organization-title"
                    max_length=super::NAME_MAX value=title problem=form.problem("title") />
                <SelectField name="language" label=t.language options=language_options()
                    selected=language required=true autocomplete="language" problem=form.problem("language") />
                <button type="submit" class="button">{t.save_profile}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordSection() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ChangePassword>::new();
    let form = FormFeedback::for_action(ChangePassword::PATH);
    let fields = form.clone();
    let labels = vec![
        ("current_password", t.current_password),
        ("new_password", t.new_password),
    ];
    view! {
        <section aria-labelledby="losenord">
            <h2 id="losenord">{t.password_heading}</h2>
            <Notice show=query_has("losenord") text=t.password_changed id=PASSWORD_NOTICE />
            <ErrorSummary error=form.error() labels />
            <ActionForm action>
                <TextField name="current_password" label=t.current_password kind="password" required=true
                    autocomplete="current-password" problem=fields.problem("current_password") />
                <TextField name="new_password" label=t.new_password hint=t.password_hint kind="password"
                    required=true autocomplete="new-password" problem=fields.problem("new_password") />
                <button type="submit" class="button">{t.change_password_button}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn EmailSection(email: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ChangeEmail>::new();
    let form = FormFeedback::for_action(ChangeEmail::PATH);
    let fields = form.clone();
    let labels = vec![("new_email", t.new_email), ("password", t.current_password)];
    view! {
        <section aria-labelledby="epost">
            <h2 id="epost">{t.email_heading}</h2>
            <p>{t.email}": " <strong>{email}</strong></p>
            <Notice show=query_has("epost") text=t.email_change_sent id=EMAIL_NOTICE />
            <ErrorSummary error=form.error() labels />
            <ActionForm action>
                <TextField name="new_email" label=t.new_email kind="email" required=true autocomplete="email"
                    max_length=super::EMAIL_MAX value=fields.value("new_email") problem=fields.problem("new_email") />
                <TextField name="password" label=t.current_password kind="password" required=true
                    autocomplete="current-password" problem=fields.problem("password") />
                <button type="submit" class="button">{t.change_email_button}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DeleteSection() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<DeleteAccount>::new();
    let form = FormFeedback::for_action(DeleteAccount::PATH);
    let fields = form.clone();
    view! {
        <section aria-labelledby="radera">
            <h2 id="radera">{t.delete_heading}</h2>
            <p>{t.delete_lead}</p>
            <ErrorSummary error=form.error()
                labels=vec![("confirm_password", t.current_password), ("confirm", t.confirm_label)] />
            <ActionForm action>
                <TextField name="confirm_password" label=t.current_password kind="password" required=true
                    autocomplete="current-password" problem=fields.problem("confirm_password") />
                <div id="field-confirm">
                    <ConfirmStep open=t.delete_button.to_string() explain=t.delete_explain.to_string()
                        confirm=t.delete_confirm.to_string() />
                </div>
            </ActionForm>
        </section>
    }
}
