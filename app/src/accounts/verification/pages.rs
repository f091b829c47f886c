//! Email verification's pages: the page the mailed link opens, with the
//! next step once the address is verified, and the reminder (with "send
//! again") on pages an unverified person cannot use yet.

use super::{
    api::{ResendVerification, VerifyEmail},
    text::text,
};
use crate::{
    i18n::use_lang,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// The notice that says the address is verified.
pub const DONE_NOTICE: &str = "bekraftad";
/// The notice that says a new link is on its way.
pub const SENT_NOTICE: &str = "verifiering-skickad";

#[component]
pub fn VerifyPage() -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<VerifyEmail>::new();
    let form = FormFeedback::for_action(VerifyEmail::PATH);
    let done = query_has("klart");
    let token = query_value("token");
    view! {
        <Title text=t.title />
        <h1>{t.title}</h1>
        <Notice show=done text=t.done id=DONE_NOTICE />
        {done.then(|| view! { <NextStep /> })}
        <ErrorSummary error=form.error() />
        {(!done && !token.is_empty()).then(|| view! {
            <p>{t.lead}</p>
            <ActionForm action>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button">{t.button}</button>
            </ActionForm>
        })}
    }
}

/// After verifying: register one's organisation or ask to join one that
/// is here, or (signed in) go on to the overview.
#[component]
fn NextStep() -> impl IntoView {
    let t = text(use_lang());
    let signed_in = crate::accounts::current_user().is_some();
    let last = if signed_in {
        view! { <li><a href=crate::accounts::LANDING>{t.next_overview}</a></li> }.into_any()
    } else {
        let back = crate::ui::url_encode("/organisationer/ny");
        view! { <li><a href=format!("/konto/logga-in?till={back}")>{t.next_sign_in}</a></li> }
            .into_any()
    };
    view! {
        <section aria-labelledby="nasta-steg">
            <h2 id="nasta-steg">{t.next_heading}</h2>
            <p>{t.next_lead}</p>
            <ul class="next-steps">
                <li><a href="/organisationer/ny#sok">{t.next_join}</a></li>
                <li><a href="/organisationer/ny#registrera">{t.next_register}</a></li>
                {last}
            </ul>
        </section>
    }
}

/// For a signed-in person whose address is not verified yet: what that
/// means, where the link went, and a button that mails it again. `back`
/// is the page it stands on, which the button returns to.
#[component]
pub fn VerifyReminder(email: String, back: String) -> impl IntoView {
    let t = text(use_lang());
    let form = FormFeedback::for_action(ResendVerification::PATH);
    view! {
        <div class="notice notice--warning verify-reminder" id="bekrafta-adressen">
            <p>{t.reminder_before}<strong>{email}</strong>{t.reminder_after}</p>
            <p>{t.resend_hint}</p>
            <Notice show=query_has("lank") text=t.resent id=SENT_NOTICE />
            <ErrorSummary error=form.error() />
            <ResendButton back label=t.resend_button />
        </div>
    }
}

/// The button that mails a new verification link; `back` is the page to
/// return to, where the reminder then says the link is on its way.
#[component]
pub fn ResendButton(back: String, label: &'static str) -> impl IntoView {
    let action = ServerAction::<ResendVerification>::new();
    view! {
        <ActionForm action>
            <input type="hidden" name="till" value=back />
            <button type="submit" class="button button--small">{label}</button>
        </ActionForm>
    }
}
