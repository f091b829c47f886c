//! Registration on the dialogue page: places left, a form per organisation
//! the person may register, and for hosts who is coming.

use super::{
    api::{RegisterAttendance, WithdrawAttendance},
    ATTENDEES_MAX,
};
use crate::{
    dialogues::{text::text, DialogueView},
    i18n::use_lang,
    ui::form::{ErrorSummary, FormFeedback},
};
use leptos::{prelude::*, server_fn::ServerFn};

#[component]
pub fn RegistrationSection(id: String, view: DialogueView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(RegisterAttendance::PATH)
        .error()
        .or(FormFeedback::for_action(WithdrawAttendance::PATH).error());
    let left = (view.dialogue.capacity - view.registered).max(0);
    view! {
        <section aria-labelledby="anmalan">
            <h2 id="anmalan">{t.registration}</h2>
            <p>{format!("{left} {} {}", t.places_left, view.dialogue.capacity)}</p>
            <ErrorSummary error=form labels=vec![("attendees", t.attendees)] />
            {view.register_for.into_iter().map(|(org, name, registered)| {
                let register = ServerAction::<RegisterAttendance>::new();
                let withdraw = ServerAction::<WithdrawAttendance>::new();
                let field = format!("deltagare-{org}");
                let hint = format!("{field}-hint");
                let (id1, id2, org1, org2) = (id.clone(), id.clone(), org.clone(), org.clone());
                view! {
                    <article class="card">
                        <h3>{name.clone()}</h3>
                        <ActionForm action=register>
                            <input type="hidden" name="dialogue" value=id1 />
                            <input type="hidden" name="organisation" value=org1 />
                            <div class="field">
                                <label for=field.clone()>{t.attendees}</label>
                                <p class="hint" id=hint.clone()>{t.attendees_hint}</p>
                                <textarea id=field name="attendees" rows="2" required=true maxlength=ATTENDEES_MAX aria-describedby=hint></textarea>
                            </div>
                            <button type="submit" class="button">{t.register_button}<span class="visually-hidden">{format!(": {name}")}</span></button>
                        </ActionForm>
                        {registered.then(|| view! {
                            <ActionForm action=withdraw>
                                <input type="hidden" name="dialogue" value=id2 />
                                <input type="hidden" name="organisation" value=org2 />
                                <button type="submit" class="button button--quiet-dark">{t.withdraw_button}</button>
                            </ActionForm>
                        })}
                    </article>
                }
            }).collect_view()}
            {view.rights.host.then(|| view! {
                <table class="table">
                    <caption>{t.attendance}</caption>
                    <thead><tr><th scope="col">{t.for_organisation}</th><th scope="col">{t.attendees}</th></tr></thead>
                    <tbody>
                        {view.registrations.into_iter().map(|r| view! {
                            <tr><th scope="row">{r.organisation}</th><td>{r.attendees}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">{t.download_attendance}</p>
            })}
        </section>
    }
}
